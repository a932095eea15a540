//! One run of `clausier check`, rendered in all nine formats, says the same thing in
//! each: the status, score and rank of every descriptor, the requirements each one fails
//! or misses, and the summary counts, as the JSON report has them. Each format is read
//! back the way its users read it, without the renderers' code: serde_json for JSON,
//! NDJSON and SARIF, the `csv` crate, quick-xml for JUnit, the lines of the human and
//! Markdown reports, a small HTML reader for the page's table, and calamine for the
//! Excel workbook.
//!
//! Unlike `report_readers`, `junit_validation`, `sarif_validation` and `html_rendering`,
//! this suite needs no tool outside Cargo, so it runs with every `cargo test`.

#![expect(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    reason = "a report that cannot be produced or read must fail the test loudly (`support` \
              unwraps too)"
)]

#[path = "../support/mod.rs"]
mod support;

mod html;
mod machine;
mod text;
mod workbook;

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

const DATE: &str = "2026-11-28";
const EXAMPLES: [(&str, &str); 2] = [
    ("rules/edtech-fr", "examples/edtech-fr"),
    // A composed pack: clauses of three dependencies, named `pack::ID` in the reports.
    ("rules/region-exemple", "examples/region-exemple"),
];

/// A descriptor as a table row shows it: its status, and its score and rank (two decimals,
/// as every report prints them) when it has them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub id: String,
    pub status: String,
    pub score: Option<String>,
    pub rank: Option<String>,
}

/// For each descriptor id that fails or misses a requirement: the requirements, named as
/// the reports name them (`HEB-01`, or `edtech-fr::HEB-01` from a dependency), each with
/// `fail` or `missing`.
pub type Unmet = BTreeMap<String, BTreeSet<(String, String)>>;

/// `[total, eligible, ineligible, incomplete, invalid]`.
pub type Summary = [u64; 5];

/// What one format says of a run; `None` where the format does not hold that part.
#[derive(Debug, Default)]
pub struct Seen {
    pub rows: Option<Vec<Row>>,
    pub unmet: Option<Unmet>,
    pub summary: Option<Summary>,
    /// The ids of the invalid descriptors, for a format that shows no other status.
    pub invalid: Option<BTreeSet<String>>,
}

impl Seen {
    /// The parts this format holds, to check that a reader did not silently find nothing.
    fn parts(&self) -> Vec<&'static str> {
        let mut parts = Vec::new();
        if self.rows.is_some() {
            parts.push("rows");
        }
        if self.unmet.is_some() {
            parts.push("unmet");
        }
        if self.summary.is_some() {
            parts.push("summary");
        }
        if self.invalid.is_some() {
            parts.push("invalid");
        }
        parts
    }
}

/// The parts each format holds. JUnit has no scores, ranks or statuses other than the
/// error of an invalid descriptor; SARIF only results for failures and the run's counts.
const FORMATS: [(&str, &[&str]); 9] = [
    ("json", &["rows", "unmet", "summary"]),
    ("ndjson", &["rows", "unmet", "summary"]),
    ("human", &["rows", "unmet", "summary"]),
    ("markdown", &["rows", "unmet", "summary"]),
    ("csv", &["rows", "unmet"]),
    ("junit", &["unmet", "invalid"]),
    ("sarif", &["unmet", "summary"]),
    ("html", &["rows", "unmet", "summary"]),
    ("xlsx", &["rows", "unmet", "summary"]),
];

/// The standard output of `clausier check PACK DIR --date DATE --format FORMAT`, as text.
fn render(pack: &str, descriptors: &str, format: &str) -> String {
    String::from_utf8(render_bytes(pack, descriptors, format)).expect("every text report is UTF-8")
}

/// The standard output of `clausier check PACK DIR --date DATE --format FORMAT`.
fn render_bytes(pack: &str, descriptors: &str, format: &str) -> Vec<u8> {
    let output = support::clausier(&[
        "check",
        pack,
        descriptors,
        "--date",
        DATE,
        "--format",
        format,
        "--color",
        "never",
        // The text formats are read back by their English words, the workbook by its
        // French ones (a buyer's workbook is French unless asked otherwise).
        "--lang",
        if format == "xlsx" { "fr" } else { "en" },
    ]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "the examples hold ineligible offers: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// A clause as the reports name it: bare in the report's own pack, else `pack::ID`.
pub fn clause_name(own_pack: &str, pack: &str, clause: &str) -> String {
    if pack.is_empty() || pack == own_pack {
        clause.to_owned()
    } else {
        format!("{pack}::{clause}")
    }
}

/// "16 descriptors: 6 eligible, 7 ineligible, 2 incomplete, 1 invalid", as the human,
/// Markdown and HTML reports end or begin.
pub fn summary_sentence(text: &str) -> Summary {
    let numbers: Vec<u64> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|word| !word.is_empty())
        .map(|word| word.parse().expect("a count"))
        .collect();
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|word| !word.is_empty())
        .collect();
    assert_eq!(
        words,
        [
            "descriptors",
            "eligible",
            "ineligible",
            "incomplete",
            "invalid"
        ],
        "not a summary: {text}"
    );
    numbers.try_into().expect("five counts in the summary")
}

/// `76.6` as the reports print a score: `76.60`.
pub fn two_decimals(number: &Value) -> Option<String> {
    number.as_f64().map(|value| format!("{value:.2}"))
}

/// What the JSON report says, the reference every other format is compared with.
fn expected(json: &Value) -> Seen {
    let own_pack = json["pack"]["name"].as_str().expect("the pack's name");
    let descriptors = json["descriptors"].as_array().expect("the descriptors");
    let mut seen = machine::descriptors(own_pack, descriptors);
    seen.summary = Some(machine::summary(&json["summary"]));
    seen
}

fn check_agreement(pack: &str, descriptors: &str) {
    let json: Value =
        serde_json::from_str(&render(pack, descriptors, "json")).expect("the JSON report is JSON");
    let own_pack = json["pack"]["name"].as_str().expect("the pack's name");
    let expected = expected(&json);
    let rows = expected.rows.as_ref().expect("rows");
    let unmet = expected.unmet.as_ref().expect("unmet");
    let summary = expected.summary.expect("summary");
    // The reference itself must be worth comparing with: every status, and failures.
    let statuses: BTreeSet<&str> = rows.iter().map(|row| row.status.as_str()).collect();
    assert_eq!(statuses.len(), 4, "{pack}: the example shows every status");
    assert!(!unmet.is_empty(), "{pack}");
    assert_eq!(summary[0], rows.len() as u64, "{pack}");
    let invalid: BTreeSet<String> = rows
        .iter()
        .filter(|row| row.status == "invalid")
        .map(|row| row.id.clone())
        .collect();
    for (format, parts) in FORMATS {
        let seen = if format == "xlsx" {
            workbook::read(&render_bytes(pack, descriptors, format))
        } else {
            let output = render(pack, descriptors, format);
            match format {
                "json" | "ndjson" | "csv" | "junit" | "sarif" => {
                    machine::read(format, own_pack, &output)
                }
                "human" => text::read_human(&output),
                "markdown" => text::read_markdown(&output),
                "html" => {
                    let ids: Vec<String> = rows.iter().map(|row| row.id.clone()).collect();
                    html::read_report(&output, &ids)
                }
                _ => unreachable!("every format is read"),
            }
        };
        assert_eq!(seen.parts(), parts, "{pack} {format}: the parts read");
        if let Some(seen_rows) = &seen.rows {
            assert_eq!(seen_rows.len(), rows.len(), "{pack} {format}: one row each");
            for (seen_row, row) in seen_rows.iter().zip(rows) {
                assert_eq!(seen_row, row, "{pack} {format}");
            }
        }
        if let Some(seen_unmet) = &seen.unmet {
            assert_eq!(
                seen_unmet, unmet,
                "{pack} {format}: failed and missing clauses"
            );
        }
        if let Some(seen_summary) = seen.summary {
            assert_eq!(seen_summary, summary, "{pack} {format}: the summary");
        }
        if let Some(seen_invalid) = &seen.invalid {
            assert_eq!(
                seen_invalid, &invalid,
                "{pack} {format}: invalid descriptors"
            );
        }
    }
}

#[test]
fn the_national_example_says_the_same_in_every_format() {
    let (pack, descriptors) = EXAMPLES[0];
    check_agreement(pack, descriptors);
}

#[test]
fn a_composed_pack_says_the_same_in_every_format() {
    let (pack, descriptors) = EXAMPLES[1];
    check_agreement(pack, descriptors);
}
