//! The JUnit XML of `clausier check --format junit` and `clausier test --format junit`,
//! read back by an independent reader (Python's junitparser) and compared with the JSON
//! report of the same run: a test case per descriptor × requirement, a failure for each
//! failed or missing requirement, a skipped case for each one that does not apply, an
//! error for an invalid descriptor.
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
const READER: &str = "crates/clausier_cli/tests/junit_read.py";

fn python() -> PathBuf {
    support::python("read JUnit XML with Python's junitparser")
}

/// What junitparser reads in the JUnit XML that `clausier ARGS --format junit` writes.
fn read_junit(args: &[&str]) -> Vec<Value> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.xml");
    let mut full: Vec<&str> = args.to_vec();
    let file_arg = file.to_str().unwrap();
    full.extend(["--format", "junit", "--output", file_arg]);
    let written = clausier(&full);
    assert!(
        written.status.code().is_some_and(|code| code <= 1),
        "{}",
        String::from_utf8_lossy(&written.stderr)
    );
    let read = run(&python(), &[READER, file_arg]);
    assert!(
        read.status.success(),
        "junitparser could not read the report: {}",
        String::from_utf8_lossy(&read.stderr)
    );
    serde_json::from_slice::<Vec<Value>>(&read.stdout).unwrap()
}

#[test]
fn the_check_report_reads_as_a_case_per_descriptor_and_requirement() {
    let check = [
        "check",
        "rules/edtech-fr",
        "examples/edtech-fr",
        "--date",
        DATE,
    ];
    let suites = read_junit(&check);
    assert_eq!(suites.len(), 1, "one suite per pack");
    let suite = &suites[0];
    assert_eq!(suite["name"], "edtech-fr");

    let json = clausier(&[&check[..], &["--format", "json"]].concat());
    let report: Value = serde_json::from_slice(&json.stdout).unwrap();
    let descriptors = report["descriptors"].as_array().unwrap();
    let requirements = |status: &[&str]| -> usize {
        descriptors
            .iter()
            .flat_map(|d| d["results"].as_array().unwrap())
            .filter(|r| r["kind"] == "requirement")
            .filter(|r| status.contains(&r["status"].as_str().unwrap()))
            .count()
    };
    let invalid = report["summary"]["invalid"].as_u64().unwrap();

    let all = requirements(&["pass", "fail", "missing", "not_applicable"]) as u64;
    assert_eq!(suite["tests"].as_u64(), Some(all + invalid));
    assert_eq!(
        suite["failures"].as_u64(),
        Some(requirements(&["fail", "missing"]) as u64)
    );
    assert_eq!(
        suite["skipped"].as_u64(),
        Some(requirements(&["not_applicable"]) as u64)
    );
    assert_eq!(suite["errors"].as_u64(), Some(invalid));
    assert_eq!(
        suite["cases"].as_array().unwrap().len() as u64,
        all + invalid
    );

    // Each case is named after its descriptor (the class) and its requirement.
    let case = suite["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|case| case["class"] == "vendor-nuage-lointain" && case["name"] == "HEB-01")
        .unwrap();
    assert_eq!(case["results"], serde_json::json!(["failure"]));
}

#[test]
fn the_test_report_reads_as_a_case_per_test() {
    let suites = read_junit(&["test", "rules/edtech-fr", "--date", DATE]);
    assert_eq!(suites.len(), 1);
    let suite = &suites[0];
    let cases = suite["cases"].as_array().unwrap();
    assert!(cases.len() >= 20, "{suite}");
    assert_eq!(suite["tests"].as_u64(), Some(cases.len() as u64));
    assert_eq!(suite["failures"].as_u64(), Some(0));
    assert!(
        cases
            .iter()
            .all(|case| case["results"] == serde_json::json!([]))
    );
}
