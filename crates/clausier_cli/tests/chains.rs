//! Flat operator chains of any length are not nesting: a pack with a chain of a hundred
//! thousand operands validates, checks offers with the right verdict and score, formats
//! and renders, in a debug build, within the time of an ordinary test.

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "a test that cannot write its inputs or run the binary must fail"
)]

mod support;

use std::path::Path;
use std::process::Output;

use support::clausier;

const OPERANDS: usize = 100_000;

const SCHEMA: &str = "descriptor {\n  id: string\n  x: int\n  b: bool\n}\n";

/// `first op first op … op last`, with `OPERANDS` operands in all.
fn chain(first: &str, op: &str, last: &str) -> String {
    let mut text = String::with_capacity(OPERANDS * (first.len() + op.len() + 2));
    for _ in 1..OPERANDS {
        text.push_str(first);
        text.push(' ');
        text.push_str(op);
        text.push(' ');
    }
    text.push_str(last);
    text
}

fn conjunction() -> String {
    chain("x > 0", "and", "b")
}

fn disjunction() -> String {
    chain("x < 0", "or", "b")
}

fn sum() -> String {
    chain("0.00001", "+", "0.00001")
}

fn pack(dir: &Path) -> String {
    let text = format!(
        "{SCHEMA}requirement ET \"et\" {{\n  require {}\n}}\n\
         requirement OU \"ou\" {{\n  require {}\n}}\n\
         criterion SOMME \"somme\" weight 1 {{\n  score {}\n}}\n",
        conjunction(),
        disjunction(),
        sum()
    );
    write(dir, "chaines.clause", &text)
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn validate_accepts_a_hundred_thousand_operand_chains() {
    let dir = tempfile::tempdir().unwrap();
    let pack = pack(dir.path());
    let output = clausier(&["validate", &pack]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(!stderr(&output).contains("E0105"), "{}", stderr(&output));
}

#[test]
fn check_gives_the_verdict_and_score_of_a_hundred_thousand_operand_chains() {
    let dir = tempfile::tempdir().unwrap();
    let pack = pack(dir.path());
    let offers = dir.path().join("offres");
    std::fs::create_dir(&offers).unwrap();
    write(&offers, "oui.json", r#"{"id": "oui", "x": 1, "b": true}"#);
    write(&offers, "non.json", r#"{"id": "non", "x": 1, "b": false}"#);
    write(
        &offers,
        "incomplet.json",
        r#"{"id": "incomplet", "b": true}"#,
    );
    let output = clausier(&[
        "check",
        &pack,
        offers.to_str().unwrap(),
        "--format",
        "json",
        "--date",
        "2026-11-28",
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let offers = report["descriptors"].as_array().unwrap();
    let offer = |id: &str| {
        offers
            .iter()
            .find(|offer| offer["id"] == id)
            .unwrap_or_else(|| panic!("no offer `{id}` in {report:#}"))
    };
    let result = |offer: &serde_json::Value, clause: &str| -> serde_json::Value {
        offer["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|result| result["clause"] == clause)
            .cloned()
            .unwrap_or_else(|| panic!("no result for `{clause}` in {offer:#}"))
    };
    let yes = offer("oui");
    assert_eq!(yes["status"], "eligible");
    assert_eq!(result(yes, "ET")["status"], "pass");
    assert_eq!(result(yes, "OU")["status"], "pass");
    assert_eq!(result(yes, "SOMME")["score"], 1.0);
    let no = offer("non");
    assert_eq!(no["status"], "ineligible");
    let failed = result(no, "ET");
    assert_eq!(failed["status"], "fail");
    assert_eq!(failed["explanation"][0]["path"], "b", "{failed:#}");
    assert_eq!(result(no, "OU")["status"], "fail");
    let incomplete = offer("incomplet");
    assert_eq!(incomplete["status"], "incomplete");
    let missing = result(incomplete, "ET");
    assert_eq!(missing["status"], "missing");
    assert_eq!(missing["missing"], serde_json::json!(["x"]), "{missing:#}");
    assert_eq!(result(incomplete, "OU")["status"], "pass");
}

#[test]
fn fmt_keeps_a_hundred_thousand_operand_chains() {
    let dir = tempfile::tempdir().unwrap();
    let pack = pack(dir.path());
    let output = clausier(&["fmt", &pack]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let formatted = std::fs::read_to_string(&pack).unwrap();
    let words = |word: &str| {
        formatted
            .split_whitespace()
            .filter(|token| *token == word)
            .count()
    };
    assert_eq!(words("and"), OPERANDS - 1);
    assert_eq!(words("or"), OPERANDS - 1);
    assert_eq!(words("+"), OPERANDS - 1);
    assert_eq!(words("0.00001"), OPERANDS);
}

#[test]
fn render_phrases_a_hundred_thousand_operand_chains_in_french_and_english() {
    let dir = tempfile::tempdir().unwrap();
    let pack = pack(dir.path());
    for lang in ["fr", "en"] {
        let output = clausier(&["render", &pack, "--lang", lang, "--draft"]);
        assert_eq!(output.status.code(), Some(0), "{lang}: {}", stderr(&output));
        let text = stdout(&output);
        assert!(text.contains("ET"), "{lang}");
        assert!(text.contains("SOMME"), "{lang}");
    }
}
