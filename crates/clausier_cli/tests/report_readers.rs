//! The JSON, NDJSON, CSV and Markdown reports of `clausier check`, read back by readers
//! that know nothing of Clausier (Python's json and csv modules, markdown-it-py) and
//! compared with the JSON report of the same run, on both shipped examples. The SARIF,
//! JUnit and HTML reports have their own suites (`sarif_validation`, `junit_validation`,
//! `html_rendering`).
//!
//! The Python environment comes from `scripts/python-env`; `scripts/test` sets
//! `CLAUSIER_TEST_PYTHON` to its interpreter. Without it these tests fail and say so.

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "the helpers run programs and read their output; a test that cannot must fail loudly"
)]

mod support;

use std::path::PathBuf;

use serde_json::Value;
use support::{clausier, run};

const DATE: &str = "2026-11-28";
const READER: &str = "crates/clausier_cli/tests/reports_read.py";
const EXAMPLES: [(&str, &str); 2] = [
    ("rules/edtech-fr", "examples/edtech-fr"),
    ("rules/region-exemple", "examples/region-exemple"),
];

fn python() -> PathBuf {
    support::python("read the reports with Python's json and csv modules and markdown-it-py")
}

/// What the independent reader understood of `clausier check PACK DIR --format FORMAT`.
fn read_report(pack: &str, descriptors: &str, format: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report");
    let file_arg = file.to_str().unwrap();
    let written = clausier(&[
        "check",
        pack,
        descriptors,
        "--date",
        DATE,
        "--format",
        format,
        "--output",
        file_arg,
        // The readers compare the words of the reports with the JSON report's statuses.
        "--lang",
        "en",
    ]);
    assert!(
        written.status.code().is_some_and(|code| code <= 1),
        "{}",
        String::from_utf8_lossy(&written.stderr)
    );
    let read = run(&python(), &[READER, format, file_arg]);
    assert!(
        read.status.success(),
        "the {format} reader refused the report: {}",
        String::from_utf8_lossy(&read.stderr)
    );
    serde_json::from_slice(&read.stdout).unwrap()
}

fn descriptors(report: &Value) -> &Vec<Value> {
    report["descriptors"].as_array().unwrap()
}

/// `76.60` for a score or points, empty when there is none, as CSV writes them.
fn two_decimals(value: &Value) -> String {
    value
        .as_f64()
        .map_or_else(String::new, |number| format!("{number:.2}"))
}

fn rank(value: &Value) -> String {
    value
        .as_u64()
        .map_or_else(String::new, |rank| rank.to_string())
}

#[test]
fn json_and_ndjson_read_as_the_same_report() {
    for (pack, examples) in EXAMPLES {
        let report = read_report(pack, examples, "json");
        assert!(!descriptors(&report).is_empty());
        let lines = read_report(pack, examples, "ndjson");
        let lines = lines.as_array().unwrap();
        // One line per descriptor, in order, then the run's header and summary.
        assert_eq!(lines.len(), descriptors(&report).len() + 1, "{pack}");
        for (line, descriptor) in lines.iter().zip(descriptors(&report)) {
            assert_eq!(line, descriptor, "{pack}");
        }
        let last = lines.last().unwrap();
        assert_eq!(last["summary"], report["summary"], "{pack}");
        assert_eq!(last["pack"], report["pack"], "{pack}");
        assert_eq!(last["date"], DATE);
    }
}

#[test]
fn csv_reads_as_a_row_per_descriptor_and_a_column_per_clause() {
    for (pack, examples) in EXAMPLES {
        let report = read_report(pack, examples, "json");
        let csv = read_report(pack, examples, "csv");
        let header: Vec<&str> = csv["header"]
            .as_array()
            .unwrap()
            .iter()
            .map(|cell| cell.as_str().unwrap())
            .collect();
        assert_eq!(header[..5], ["id", "source", "status", "score", "rank"]);
        let rows = csv["rows"].as_array().unwrap();
        assert_eq!(rows.len(), descriptors(&report).len(), "{pack}");
        for (row, descriptor) in rows.iter().zip(descriptors(&report)) {
            let cell = |index: usize| row[index].as_str().unwrap().to_owned();
            assert_eq!(cell(0), descriptor["id"].as_str().unwrap());
            assert_eq!(cell(1), descriptor["source"].as_str().unwrap());
            assert_eq!(cell(2), descriptor["status"].as_str().unwrap());
            assert_eq!(cell(3), two_decimals(&descriptor["score"]), "{pack}");
            assert_eq!(cell(4), rank(&descriptor["rank"]), "{pack}");
            for result in descriptor["results"].as_array().unwrap() {
                let clause = result["clause"].as_str().unwrap();
                let column = header
                    .iter()
                    .position(|name| *name == clause || name.ends_with(&format!("::{clause}")))
                    .unwrap_or_else(|| panic!("no column for {clause} in {pack}"));
                let expected = match result["kind"].as_str().unwrap() {
                    "requirement" => result["status"].as_str().unwrap().to_owned(),
                    _ => two_decimals(&result["points"]),
                };
                assert_eq!(cell(column), expected, "{pack} {clause}");
            }
        }
    }
}

#[test]
fn markdown_reads_as_a_table_of_descriptors() {
    for (pack, examples) in EXAMPLES {
        let report = read_report(pack, examples, "json");
        let tables = read_report(pack, examples, "markdown");
        let table = tables
            .as_array()
            .unwrap()
            .iter()
            .find(|table| table["header"][0] == "ID")
            .unwrap_or_else(|| panic!("no table of descriptors in the Markdown of {pack}"));
        let rows = table["rows"].as_array().unwrap();
        assert_eq!(rows.len(), descriptors(&report).len(), "{pack}");
        for (row, descriptor) in rows.iter().zip(descriptors(&report)) {
            assert_eq!(row[0], descriptor["id"]);
            assert_eq!(row[1], descriptor["source"]);
            assert_eq!(row[2], descriptor["status"]);
            let score = two_decimals(&descriptor["score"]);
            let score = if score.is_empty() {
                "-".to_owned()
            } else {
                score
            };
            assert_eq!(row[3].as_str().unwrap(), score, "{pack}");
        }
    }
}
