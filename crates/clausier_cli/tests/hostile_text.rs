//! A vendor's text cannot act on the buyer's screen or spreadsheet: control characters
//! in an `id`, a key or a value are shown written out in the reports for people, never
//! raw, and survive escaped in every other format; a formula stays text in the CSV
//! report; a huge value is cut with a note of its length.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test states its expectations"
)]

mod support;

use serde_json::Value;
use support::clausier;

const PACK: &str = r#"
descriptor {
  id: string
  name: string
}

requirement NAME-01 "Nom déclaré" {
  require name == "ok"
}

criterion NAME "Nom" weight 100 {
  score if name == "ok" then 1 else 0
}
"#;

/// An offer that, printed raw, would erase its line and print a fake verdict over it.
const SPOOF_ID: &str = "spoof\u{1b}[2K\r\u{7}\u{0}eligible 99.90 1";

/// The raw characters no report for people may hold.
const RAW: [char; 4] = ['\u{1b}', '\r', '\u{0}', '\u{7}'];

fn offers() -> String {
    let spoof = serde_json::json!({ "id": SPOOF_ID, "name": "bad\u{1b}[31m\u{202e}" });
    let formula = serde_json::json!({ "id": "=cmd|' /C calc'!A0", "name": "ok" });
    let minus = serde_json::json!({ "id": "-2+3", "name": "ok" });
    let long = serde_json::json!({ "id": "x".repeat(500), "name": "ok" });
    format!("{spoof}\n{formula}\n{minus}\n{long}\n")
}

/// The report in `format`, written by `clausier check` to standard output.
fn report(format: &str, extra: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("pack.clause");
    let input = dir.path().join("offers.ndjson");
    std::fs::write(&pack, PACK).unwrap();
    std::fs::write(&input, offers()).unwrap();
    let mut args = vec![
        "check",
        pack.to_str().unwrap(),
        input.to_str().unwrap(),
        "--date",
        "2026-11-28",
        "--format",
        format,
    ];
    args.extend(extra);
    let output = clausier(&args);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn assert_no_raw_control(format: &str, text: &str) {
    // CSV and SARIF end lines with CRLF by design: only a CR inside a line is data.
    let text = text.replace("\r\n", "\n");
    for c in RAW {
        assert!(
            !text.contains(c),
            "the {format} report holds a raw {c:?}:\n{text}"
        );
    }
}

#[test]
fn the_human_report_writes_control_characters_out() {
    let text = report("human", &["--explain"]);
    assert_no_raw_control("human", &text);
    assert!(
        text.contains("spoof\\u{1b}[2K\\u{d}\\u{7}\\u{0}eligible 99.90 1"),
        "{text}"
    );
    assert!(!text.contains('\u{202e}'), "{text}");
}

#[test]
fn a_huge_id_is_cut_with_its_length() {
    let text = report("human", &[]);
    let shown = format!("{}… (500 characters)", "x".repeat(200));
    assert!(text.contains(&shown), "{text}");
    assert!(!text.contains(&"x".repeat(201)), "{text}");
}

#[test]
fn the_csv_report_keeps_formulas_as_text_and_numbers_as_numbers() {
    let text = report("csv", &[]);
    assert_no_raw_control("csv", &text);
    let rows: Vec<&str> = text.lines().collect();
    assert!(
        rows.iter()
            .any(|row| row.starts_with("'=cmd|' /C calc'!A0,")),
        "{text}"
    );
    assert!(rows.iter().any(|row| row.starts_with("'-2+3,")), "{text}");
    let formula_row = rows.iter().find(|row| row.contains("calc")).unwrap();
    assert!(
        formula_row.contains(",eligible,100.00,1,pass,100.00"),
        "{text}"
    );
    assert!(
        rows.iter().any(|row| row.starts_with("spoof\\u{1b}[2K")),
        "{text}"
    );
}

#[test]
fn the_markdown_and_html_reports_write_control_characters_out() {
    // Markdown escapes the backslash itself, so that it renders as written.
    for (format, shown) in [
        ("markdown", "spoof\\\\u{1b}\\[2K"),
        ("html", "spoof\\u{1b}[2K"),
    ] {
        let text = report(format, &[]);
        assert_no_raw_control(format, &text);
        assert!(text.contains(shown), "{format}:\n{text}");
    }
}

#[test]
fn the_machine_formats_keep_the_id_exactly_escaped() {
    let json: Value = serde_json::from_str(&report("json", &[])).unwrap();
    assert_eq!(json["descriptors"][0]["id"], SPOOF_ID);
    let ndjson = report("ndjson", &[]);
    assert_no_raw_control("ndjson", &ndjson);
    let first: Value = serde_json::from_str(ndjson.lines().next().unwrap()).unwrap();
    assert_eq!(first["id"], SPOOF_ID);
    for format in ["json", "sarif", "junit"] {
        assert_no_raw_control(format, &report(format, &[]));
    }
}
