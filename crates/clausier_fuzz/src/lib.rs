//! What each fuzz target checks. `fuzz/` (libFuzzer, run with `scripts/fuzz`) calls these
//! functions with generated inputs; `tests/corpora.rs` replays the saved corpora and every
//! input that once broke an invariant (`fuzz/regressions/`) through them in the test
//! suite. A broken invariant panics: that is how a fuzzer learns of it.
//!
//! Nothing here touches the file system or the network: inputs are text in memory.

#![allow(
    clippy::panic,
    reason = "a fuzz target reports a broken invariant by panicking"
)]

mod descriptors;
mod pack;
mod server;
mod text;

pub use descriptors::descriptors;
pub use pack::{check, evaluate};
pub use server::lsp;
pub use text::{format, parse};

/// A target: what it checks of one input.
pub type Target = fn(&[u8]);

/// The targets, by the names `fuzz/fuzz_targets/` and `fuzz/corpus/` use.
pub const TARGETS: &[(&str, Target)] = &[
    ("parse", parse),
    ("check", check),
    ("descriptors", descriptors),
    ("evaluate", evaluate),
    ("format", format),
    ("lsp", lsp),
];

/// Inputs past this size are cut: the targets look for wrong answers, not for how long a
/// large input takes (the benchmarks and the bounded-work tests do that).
const MAX_INPUT: usize = 64 * 1024;

fn text_of(data: &[u8]) -> String {
    let data = data.get(..MAX_INPUT).unwrap_or(data);
    String::from_utf8_lossy(data).into_owned()
}
