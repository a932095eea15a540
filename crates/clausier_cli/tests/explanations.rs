//! How `clausier check` explains a failed or missing requirement, on the pack
//! `tests/cli/packs/explain` and the descriptors of `tests/cli/explain`: an `or` whose
//! alternatives all fail, the quantifiers (`all`, `any`, `count`), records, and the
//! computations that have no value (division by zero, overflow, hours added to a date).
//!
//! Each snapshot holds the clause's lines of the human report (`--explain`) and its
//! result in the JSON report.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "the helpers run the binary; a test that cannot must fail loudly"
)]

mod support;

use std::process::Command;

use support::workspace_root;

const PACK: &str = "tests/cli/packs/explain";
const DATE: &str = "2026-11-28";

/// Standard output of `clausier check` on one descriptor of `tests/cli/explain`, in the
/// default language (French) unless `lang` says otherwise.
fn check(descriptor: &str, format: &str) -> String {
    check_in(descriptor, format, "fr")
}

fn check_in(descriptor: &str, format: &str, lang: &str) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_clausier"))
        .args(["check", PACK, &format!("tests/cli/explain/{descriptor}")])
        .args([
            "--date",
            DATE,
            "--explain",
            "--format",
            format,
            "--lang",
            lang,
        ])
        .current_dir(workspace_root())
        .env_remove("CLICOLOR_FORCE")
        .output()
        .unwrap();
    String::from_utf8(output.stdout).unwrap()
}

/// The lines of the human report about one clause: its own line and those indented
/// below it.
fn human(descriptor: &str, clause: &str) -> String {
    human_in(descriptor, clause, "fr")
}

fn human_in(descriptor: &str, clause: &str, lang: &str) -> String {
    let report = check_in(descriptor, "human", lang);
    let mut lines = Vec::new();
    let mut inside = false;
    for line in report.lines() {
        let indent = line.len() - line.trim_start().len();
        if indent == 2 {
            inside = line.trim_start().starts_with(&format!("{clause} "));
        } else if indent < 2 {
            inside = false;
        }
        if inside {
            lines.push(line);
        }
    }
    lines.join("\n")
}

/// The clause's result in the JSON report.
fn json(descriptor: &str, clause: &str) -> String {
    let report: serde_json::Value = serde_json::from_str(&check(descriptor, "json")).unwrap();
    let result = report["descriptors"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|result| result["clause"] == clause)
        .unwrap();
    serde_json::to_string_pretty(result).unwrap()
}

fn both(descriptor: &str, clause: &str) -> String {
    format!(
        "--- human\n{}\n--- json\n{}\n",
        human(descriptor, clause),
        json(descriptor, clause)
    )
}

#[test]
fn an_or_that_fails_is_one_failure_with_its_alternatives() {
    insta::assert_snapshot!(both("fails.json", "SEC-01"));
}

#[test]
fn an_all_names_each_failing_element_by_its_place() {
    insta::assert_snapshot!(both("fails.json", "HEB-02"));
}

#[test]
fn an_any_says_that_no_element_satisfies_it() {
    insta::assert_snapshot!(both("fails.json", "INT-01"));
}

#[test]
fn a_count_names_the_elements_it_counts() {
    insta::assert_snapshot!(both("fails.json", "HEB-03"));
}

#[test]
fn records_print_with_their_field_names() {
    insta::assert_snapshot!(both("fails.json", "SST-01"));
}

#[test]
fn a_division_by_zero_gives_its_reason_with_r0702() {
    insta::assert_snapshot!(both("zero.json", "PRX-01"));
}

#[test]
fn a_score_divided_by_zero_gives_its_reason_with_r0702() {
    insta::assert_snapshot!(both("zero.json", "PRIX"));
}

#[test]
fn an_overflow_gives_its_reason_with_r0703() {
    insta::assert_snapshot!(both("huge.json", "VOL-01"));
}

#[test]
fn hours_added_to_a_date_give_their_reason_with_r0707() {
    insta::assert_snapshot!(both("hours.json", "REP-01"));
}

#[test]
fn explain_r0702_r0703_and_r0707_show_what_check_prints() {
    for (code, descriptor, clause) in [
        ("R0702", "zero.json", "PRX-01"),
        ("R0703", "huge.json", "VOL-01"),
        ("R0707", "hours.json", "REP-01"),
    ] {
        for lang in ["en", "fr"] {
            let output = Command::new(env!("CARGO_BIN_EXE_clausier"))
                .args(["explain", code, "--lang", lang])
                .output()
                .unwrap();
            let text = String::from_utf8(output.stdout).unwrap();
            let line = human_in(descriptor, clause, lang);
            assert!(
                text.contains(line.trim()),
                "`clausier explain {code} --lang {lang}` does not show `{line}`"
            );
        }
    }
}

#[test]
fn explain_r0705_shows_what_check_prints() {
    explanation_shows_the_line_check_prints(
        "R0705",
        "tests/conformance/expr-aggregates",
        "vide.json",
        "RGAA-MEAN ",
    );
}

/// In each language, the explanation of `code` quotes the line of the human report of
/// `clausier check` about the clause whose line starts with `clause`.
fn explanation_shows_the_line_check_prints(code: &str, case: &str, offer: &str, clause: &str) {
    for lang in ["en", "fr"] {
        let report = Command::new(env!("CARGO_BIN_EXE_clausier"))
            .args(["check", &format!("{case}/pack.clause")])
            .arg(format!("{case}/descriptors/{offer}"))
            .args(["--date", DATE, "--format", "human", "--color", "never"])
            .args(["--lang", lang])
            .current_dir(workspace_root())
            .output()
            .unwrap();
        let report = String::from_utf8(report.stdout).unwrap();
        let line = report
            .lines()
            .find(|line| line.trim_start().starts_with(clause))
            .unwrap();
        let explained = Command::new(env!("CARGO_BIN_EXE_clausier"))
            .args(["explain", code, "--lang", lang])
            .output()
            .unwrap();
        let text = String::from_utf8(explained.stdout).unwrap();
        assert!(
            text.contains(line.trim()),
            "`clausier explain {code} --lang {lang}` does not show `{line}`"
        );
    }
}

/// The example of an explanation (its `clause` block) run through `clausier validate`
/// prints what the explanation says it prints (its `text` block).
fn explanation_shows_what_validate_prints(code: &str) {
    let explained = Command::new(env!("CARGO_BIN_EXE_clausier"))
        .args(["explain", code, "--lang", "en"])
        .output()
        .unwrap();
    let text = String::from_utf8(explained.stdout).unwrap();
    let block = |fence: &str| {
        let start = text.find(fence).unwrap() + fence.len();
        let rest = &text[start..];
        rest[..rest.find("\n```").unwrap()]
            .trim_start_matches('\n')
            .to_owned()
    };
    let (example, printed) = (block("```clause\n"), block("```text\n"));
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(folder.path().join("pack.clause"), example).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_clausier"))
        .args([
            "validate",
            "pack.clause",
            "--color",
            "never",
            "--lang",
            "en",
        ])
        .current_dir(folder.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(printed.trim_end()),
        "`clausier explain {code}` shows\n{printed}\nbut validate prints\n{stderr}"
    );
}

#[test]
fn explain_e0217_e0316_and_e0317_show_what_validate_prints() {
    for code in ["E0218", "E0316", "E0317"] {
        explanation_shows_what_validate_prints(code);
    }
}

#[test]
fn explain_e0323_shows_what_validate_prints() {
    explanation_shows_what_validate_prints("E0323");
}

#[test]
fn explain_r0708_shows_what_check_prints() {
    explanation_shows_the_line_check_prints(
        "R0708",
        "tests/conformance/expr-business-time",
        "a-rebours.json",
        "PRISE ",
    );
}

/// The README quotes an explanation in French as `clausier check` writes it for the shipped
/// example.
#[test]
fn the_readme_quotes_an_explanation_as_check_writes_it() {
    let root = workspace_root();
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let start = readme.find("(« pricing.per_student").unwrap() + "(« ".len();
    let end = start + readme[start..].find(" »)").unwrap();
    let quoted = readme[start..end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let output = Command::new(env!("CARGO_BIN_EXE_clausier"))
        .args([
            "check",
            "rules/edtech-fr",
            "examples/edtech-fr",
            "--lang",
            "fr",
        ])
        .current_dir(&root)
        .output()
        .unwrap();
    let report = String::from_utf8(output.stdout).unwrap();
    assert!(report.contains(&quoted), "`{quoted}` is not in\n{report}");
}
