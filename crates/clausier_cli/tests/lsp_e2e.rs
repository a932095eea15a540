//! The language server end to end: `clausier lsp` started over standard input and
//! output and driven by an independent client (pytest-lsp, on pygls), in the suite
//! `tests/lsp`. Each test there starts its own server on a copy of a pack of several
//! files; the suite fails if a server sends a message no test expects, logs an error,
//! or does not exit with 0 after `shutdown` and `exit`.
//!
//! The Python environment comes from `scripts/python-env`; `scripts/test` sets
//! `CLAUSIER_TEST_PYTHON` to its interpreter. Without it this test fails and says so.

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "the test runs a program and must fail loudly with its output"
)]

mod support;

use std::process::{Command, Stdio};

use support::workspace_root;

const SUITE: &str = "tests/lsp";

#[test]
fn the_language_server_passes_the_stdio_suite() {
    let python = support::python("drive the language server end to end with Python's pytest-lsp");
    let output = Command::new(&python)
        .args([
            "-m",
            "pytest",
            SUITE,
            "-q",
            "--no-header",
            "-p",
            "no:cacheprovider",
        ])
        .env("CLAUSIER_BIN", env!("CARGO_BIN_EXE_clausier"))
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .current_dir(workspace_root())
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|error| panic!("cannot run `{}`: {error}", python.display()));
    if !output.status.success() {
        panic!(
            "the LSP suite failed ({}):\n{}\n{}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}
