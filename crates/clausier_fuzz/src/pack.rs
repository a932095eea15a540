//! The checker on parsed packs, and evaluation of packs that compile.

use clausier_check::Checked;
use clausier_data::descriptor::Descriptor;
use clausier_data::load::{Format, LoadOptions, load_text};
use clausier_diagnostics::FileId;
use clausier_eval::report::PackInfo;
use clausier_eval::{RunOptions, compile, run};

use crate::text_of;

/// A schema of every type, that generated clauses can read.
pub(crate) const SCHEMA: &str = r#"
enum Region { EU, EEA, ADEQUATE, OTHER }
enum Tier { I, II, III, IV }
type Supplier = { name: string, region: Region, share: percent }
descriptor {
  id: string
  flag: bool
  n: number
  k: int
  rate: percent
  price: money
  since: date
  notice: duration
  region: Region
  tier: Tier
  tags: set<string>
  sizes: list<int>
  suppliers: list<Supplier>
  nested: { ok: bool, level: number, deep: { when: date } }
}
param max_price: money = 6.00 €
"#;

pub(crate) fn checked(text: &str) -> Checked {
    let parse = clausier_syntax::parse(FileId(0), text);
    clausier_check::check_pack("fuzz", &[(FileId(0), &parse.ast)])
}

/// Checking any text never fails; a pack without errors compiles, and a run of no offers
/// reports none.
pub fn check(data: &[u8]) {
    let checked = checked(&text_of(data));
    let Some(valid) = checked.valid() else {
        return;
    };
    let program = compile(valid);
    let report = run(&program, info(), &[], &options(1));
    assert!(report.descriptors.is_empty());
}

/// Clauses (before a byte 0xFF) over [`SCHEMA`] and NDJSON offers (after it): when the
/// pack compiles, every offer is in the report once, in order, whatever the threads.
pub fn evaluate(data: &[u8]) {
    let split = data.iter().position(|byte| *byte == 0xFF);
    let (clauses, offers) = match split {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[][..]),
    };
    let text = format!("{SCHEMA}\n{}", text_of(clauses));
    let checked = checked(&text);
    let Some(valid) = checked.valid() else {
        return;
    };
    let program = compile(valid);
    let descriptors = load_text(
        &checked.pack.schema,
        "offres.ndjson",
        &text_of(offers),
        Format::Ndjson,
        &LoadOptions::default(),
    );
    judged_alike(&program, &descriptors);
}

/// Runs on one thread and on two: the same report, one entry per offer, in order.
pub(crate) fn judged_alike(program: &clausier_eval::Program, descriptors: &[Descriptor]) {
    let one = run(program, info(), descriptors, &options(1));
    let two = run(program, info(), descriptors, &options(2));
    assert_eq!(one, two, "the report depends on the number of threads");
    assert_eq!(one.descriptors.len(), descriptors.len());
    assert_eq!(one.summary.total, descriptors.len());
    for (entry, descriptor) in one.descriptors.iter().zip(descriptors) {
        assert_eq!(entry.id, descriptor.id, "offers out of order");
    }
}

pub(crate) fn info() -> PackInfo {
    PackInfo {
        name: "fuzz".to_owned(),
        version: "0.0.0".to_owned(),
        hash: "sha256:0".to_owned(),
    }
}

pub(crate) fn options(jobs: usize) -> RunOptions {
    RunOptions::new(jiff::civil::date(2026, 11, 28), jobs)
}
