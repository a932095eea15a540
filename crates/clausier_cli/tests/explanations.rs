//! How `clausier check` explains a failed or missing requirement, on the pack
//! `tests/cli/packs/explain` and the descriptors of `tests/cli/explain`: an `or` whose
//! alternatives all fail, the quantifiers (`all`, `any`, `count`), records, and the
//! computations that have no value (division by zero, overflow, hours added to a date).
//!
//! Each snapshot holds the clause's lines of the human report (`--explain`) and its
//! result in the JSON report.
//!
//! The long explanations of `clausier explain` quote what Clausier prints for their
//! examples: the last tests hold each quote to a real run of `check` or `validate`.

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

#[test]
fn explain_r0706_shows_what_check_prints() {
    explanation_shows_the_line_check_prints(
        "R0706",
        "tests/conformance/expr-tables",
        "c-unknown-attribute.json",
        "GAR-05 ",
    );
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

/// The codes whose quoted output [`every_explanation_quotes_what_validate_prints`] does
/// not hold to `clausier validate`, with the reason: their example needs more than one
/// clause file, offers or another command.
const QUOTES_NOT_RUN_THROUGH_VALIDATE: &[(&str, &str)] = &[
    (
        "E0105",
        "its example stands for several hundred lines of nested `if`",
    ),
    (
        "E0806",
        "it quotes `clausier check` on a pack changed since its lock",
    ),
    ("E0817", "it quotes `clausier render`, not `validate`"),
    ("R0701", "it quotes `clausier check` on offers"),
    (
        "R0702",
        "it quotes `clausier check` on offers, held by the tests above",
    ),
    (
        "R0703",
        "it quotes `clausier check` on offers, held by the tests above",
    ),
    (
        "R0705",
        "it quotes `clausier check` on offers, held by the tests above",
    ),
    (
        "R0706",
        "it quotes `clausier check` on offers, held by the tests above",
    ),
    (
        "R0707",
        "it quotes `clausier check` on offers, held by the tests above",
    ),
    (
        "R0708",
        "it quotes `clausier check` on offers, held by the tests above",
    ),
    (
        "W0512",
        "its example is two packs, one overriding the other's parameter",
    ),
];

/// The manifest of a regional pack that depends on the shipped `edtech-fr`, which the test
/// copies beside it.
const REGIONAL_PACK: &str = r#"[pack]
name = "region"
version = "0.1.0"

[dependencies]
edtech-fr = { path = "../edtech-fr" }
"#;

/// The manifest of a tender in two lots.
const TENDER_IN_LOTS: &str = r#"[pack]
name = "numerique"
version = "0.1.0"

[document]
lots = [
  { id = "1", title = "Espace numérique de travail (ENT)" },
  { id = "2", title = "Ressources numériques pédagogiques" },
]
"#;

/// The folders an example's output may name its file in (`rules/region/main.clause`), each
/// with the `pack.toml` the file is written beside; `validate` is then given the folder.
const EXAMPLE_PACKS: &[(&str, &str)] = &[
    ("rules/region", REGIONAL_PACK),
    ("rules/numerique", TENDER_IN_LOTS),
];

/// The fenced blocks of a Markdown text: each one's info string (`clause`, `text`…) and
/// its lines.
fn fenced_blocks(markdown: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut open: Option<(String, String)> = None;
    for line in markdown.lines() {
        match (&mut open, line.strip_prefix("```")) {
            (None, Some(info)) => open = Some((info.trim().to_owned(), String::new())),
            (Some(_), Some("")) => blocks.extend(open.take()),
            (Some((_, body)), _) => {
                body.push_str(line);
                body.push('\n');
            }
            (None, None) => {}
        }
    }
    blocks
}

/// Trailing whitespace off every line and off the end: what a reader cannot see.
fn without_trailing_whitespace(text: &str) -> String {
    text.trim_end()
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The file an output quotes its lines from (`┌─ hebergement.clause:8:19`), else
/// `pack.clause`.
fn quoted_file_name(quoted: &str) -> String {
    quoted
        .lines()
        .find_map(|line| line.trim_start().strip_prefix("┌─ "))
        .and_then(|location| location.split(':').next())
        .unwrap_or("pack.clause")
        .to_owned()
}

/// What `clausier validate FILE --lang LANG` prints on standard error for `clause` written
/// alone to `file` in an empty folder; with a `manifest`, the clause is the one file of the
/// pack whose `pack.toml` it is, beside a copy of `rules/edtech-fr`, and `validate` is
/// given the pack's folder.
fn validate_example(clause: &str, file: &str, manifest: Option<&str>, lang: &str) -> String {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join(file);
    let pack = path.parent().unwrap();
    std::fs::create_dir_all(pack).unwrap();
    std::fs::write(&path, clause).unwrap();
    let mut validated = file;
    if let Some(manifest) = manifest {
        std::fs::write(pack.join("pack.toml"), manifest).unwrap();
        copy_folder(
            &workspace_root().join("rules/edtech-fr"),
            &pack.parent().unwrap().join("edtech-fr"),
        );
        validated = file.rsplit_once('/').unwrap().0;
    }
    let output = Command::new(env!("CARGO_BIN_EXE_clausier"))
        .args(["validate", validated, "--lang", lang, "--color=never"])
        .current_dir(folder.path())
        .env_remove("CLICOLOR_FORCE")
        .output()
        .unwrap();
    String::from_utf8(output.stderr).unwrap()
}

fn copy_folder(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_folder(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The convention of the explanations: a ```clause block followed by a ```text block is
/// an example and what `clausier validate` prints for it, the whole of its standard error,
/// with the clause in the file the output names (`┌─ hebergement.clause:8:19`), else in
/// `pack.clause`; a file in a folder of [`EXAMPLE_PACKS`] is in that pack. Every such pair of
/// every code, in both languages, must hold, except for the codes of
/// [`QUOTES_NOT_RUN_THROUGH_VALIDATE`].
#[test]
fn every_explanation_quotes_what_validate_prints() {
    let listed = Command::new(env!("CARGO_BIN_EXE_clausier"))
        .args(["explain", "--list", "--lang", "en"])
        .output()
        .unwrap();
    let listed = String::from_utf8(listed.stdout).unwrap();
    let codes: Vec<&str> = listed
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    let mut checked = 0;
    let mut wrong = Vec::new();
    for code in codes {
        if QUOTES_NOT_RUN_THROUGH_VALIDATE
            .iter()
            .any(|(skipped, _)| *skipped == code)
        {
            continue;
        }
        for lang in ["fr", "en"] {
            let explained = Command::new(env!("CARGO_BIN_EXE_clausier"))
                .args(["explain", code, "--lang", lang, "--color", "never"])
                .output()
                .unwrap();
            let explanation = String::from_utf8(explained.stdout).unwrap();
            let blocks = fenced_blocks(&explanation);
            for pair in blocks.windows(2) {
                let [(first, clause), (second, quoted)] = pair else {
                    continue;
                };
                if first != "clause" || second != "text" {
                    continue;
                }
                checked += 1;
                let file = quoted_file_name(quoted);
                let manifest = EXAMPLE_PACKS
                    .iter()
                    .find(|(folder, _)| file.rsplit_once('/').map(|(at, _)| at) == Some(*folder))
                    .map(|(_, manifest)| *manifest);
                let printed =
                    without_trailing_whitespace(&validate_example(clause, &file, manifest, lang));
                if without_trailing_whitespace(quoted) != printed {
                    wrong.push(format!(
                        "`clausier explain {code} --lang {lang}` quotes\n{quoted}\nbut \
                         `clausier validate {file} --lang {lang}` prints\n{printed}\n"
                    ));
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} quoted outputs were found");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
