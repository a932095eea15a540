//! End-to-end tests of the `clausier` binary on the fixtures under `tests/cli/` at the
//! workspace root: what a user sees on standard output and standard error, and the exit
//! status.

#![expect(
    clippy::unwrap_used,
    reason = "the helpers run the binary; a test that cannot must fail loudly"
)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const EDTECH: &str = "tests/cli/packs/edtech";
const BROKEN: &str = "tests/cli/packs/broken";
const BROKEN_SYNTAX: &str = "tests/cli/packs/broken-syntax";
const BROKEN_STRUCTURE: &str = "tests/cli/packs/broken-structure";
const BROKEN_TYPES: &str = "tests/cli/packs/broken-types";
const BROKEN_LITERALS: &str = "tests/cli/packs/broken-literals";
const DESCRIPTORS: &str = "tests/cli/descriptors";
const ELIGIBLE: &str = "tests/cli/eligible";
const DATE: &str = "2026-11-28";

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// Runs `clausier` from the workspace root, so that paths in the output are the short
/// relative ones a user would type.
fn clausier(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_clausier"));
    command
        .args(args)
        .current_dir(workspace_root())
        .env("COLUMNS", "100")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().unwrap();
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(stdin.unwrap_or_default()).unwrap();
    drop(pipe);
    child.wait_with_output().unwrap()
}

fn exit_code(output: &Output) -> i32 {
    output.status.code().unwrap()
}

/// The exit status, standard output and standard error, as one text to snapshot.
fn transcript(output: &Output) -> String {
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        exit_code(output),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn check(extra: &[&str]) -> Output {
    let mut args = vec!["check", EDTECH, DESCRIPTORS, "--date", DATE];
    args.extend_from_slice(extra);
    clausier(&args, None)
}

// validate

#[test]
fn validate_a_pack_that_compiles() {
    let output = clausier(&["validate", EDTECH], None);
    assert_eq!(exit_code(&output), 0);
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn validate_reports_every_error_of_a_broken_pack() {
    let output = clausier(&["validate", BROKEN], None);
    assert_eq!(exit_code(&output), 2);
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn validate_in_french_names_the_severity_and_the_advice_in_french() {
    let output = clausier(&["validate", BROKEN, "--lang", "fr"], None);
    assert_eq!(exit_code(&output), 2);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("erreur[E0201]: "), "{stderr}");
    assert!(
        stderr.contains("= aide : vouliez-vous dire `region` ?"),
        "{stderr}"
    );
    assert!(!stderr.contains("error[E"), "{stderr}");
    assert!(!stderr.contains("= help:"), "{stderr}");
    insta::assert_snapshot!(transcript(&output));
}

/// Syntax errors (E01) read in French through and through: what was expected and found,
/// the labels and the advice, as the French explanations of E0101 and E0102 show them.
#[test]
fn validate_in_french_words_syntax_errors_in_french() {
    let output = clausier(&["validate", BROKEN_SYNTAX, "--lang", "fr"], None);
    assert_eq!(exit_code(&output), 2);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("on attendait un opérateur, un champ de clause ou `}`, et non `=`"),
        "{stderr}"
    );
    for english in ["expected", "found", "unterminated", "doc comment", " or "] {
        assert!(!stderr.contains(english), "`{english}` in {stderr}");
    }
    insta::assert_snapshot!(transcript(&output));
}

/// The checker's errors on types and the descriptor (E0204, E0206, E0207, E0210, E0217,
/// E0311, E0320) read in French, as their French explanations show them.
#[test]
fn validate_in_french_words_the_descriptors_errors_in_french() {
    let output = clausier(&["validate", BROKEN_STRUCTURE, "--lang", "fr"], None);
    assert_eq!(exit_code(&output), 2);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("erreur[E0210]: le type `Organisation` se contient lui-même"),
        "{stderr}"
    );
    for english in [
        "declared",
        "unknown",
        "bound",
        "reserved",
        "did you mean",
        "is a map",
    ] {
        assert!(!stderr.contains(english), "`{english}` in {stderr}");
    }
    insta::assert_snapshot!(transcript(&output));
}

/// Type errors in expressions (E02 and E03 of the checker's `expr/`) read in French:
/// messages, labels under each operand and advice, as the French explanations show them.
#[test]
fn validate_in_french_words_type_errors_in_french() {
    let output = clausier(&["validate", BROKEN_TYPES, "--lang", "fr"], None);
    assert_eq!(exit_code(&output), 2);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("types incompatibles : `bool` attendu, `money` trouvé"),
        "{stderr}"
    );
    let diagnostics = stderr
        .split("error: could not compile")
        .next()
        .unwrap_or_default();
    for english in [
        "expected", "found", "this is", "needs", "given", "write ", " or ",
    ] {
        assert!(!diagnostics.contains(english), "`{english}` in {stderr}");
    }
    insta::assert_snapshot!(transcript(&output));
}

/// The checker's diagnostics outside expressions read in French, family by family, on
/// the conformance cases whose English snapshots show them: composition, clauses,
/// parameters, tests, placeholders, `passed`, lots, lints and the law.
#[test]
fn validate_in_french_words_the_checkers_diagnostics_in_french() {
    let cases = [
        ("compose", "tests/conformance/pack-unknown-names/pack"),
        ("clauses", "tests/conformance/diag-clauses/pack.clause"),
        ("bounds", "tests/conformance/diag-bounds/pack.clause"),
        (
            "param_cycle",
            "tests/conformance/diag-param-cycle/pack.clause",
        ),
        ("tests", "tests/conformance/diag-tests/pack.clause"),
        (
            "placeholders",
            "tests/conformance/diag-placeholders/pack.clause",
        ),
        ("passed", "tests/conformance/diag-passed/pack.clause"),
        ("lots", "tests/conformance/diag-lots/pack"),
        ("lints", "tests/conformance/diag-lints/pack.clause"),
        ("law", "tests/conformance/diag-law/pack.clause"),
        ("texts", "tests/conformance/diag-texts/pack"),
    ];
    for (family, pack) in cases {
        let output = clausier(&["validate", pack, "--lang", "fr"], None);
        let stderr = String::from_utf8_lossy(&output.stderr);
        for english in [
            "did you mean",
            "declared here",
            "= help:",
            "no lot",
            "is never used",
        ] {
            assert!(!stderr.contains(english), "`{english}` in {stderr}");
        }
        insta::assert_snapshot!(format!("validate_in_french_{family}"), transcript(&output));
    }
}

/// Literals that mean nothing (E0103 and E0104) read in French: the escape, number,
/// date, time or duration as written, what is wrong with it and how to write it.
#[test]
fn validate_in_french_words_literal_errors_in_french() {
    let output = clausier(&["validate", BROKEN_LITERALS, "--lang", "fr"], None);
    assert_eq!(exit_code(&output), 2);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("= aide : février 2026 compte 28 jours"),
        "{stderr}"
    );
    let diagnostics = stderr
        .split("error: could not compile")
        .next()
        .unwrap_or_default();
    for english in ["invalid ", "escape", "write", "not a", "too ", " has "] {
        assert!(!diagnostics.contains(english), "`{english}` in {stderr}");
    }
    insta::assert_snapshot!(transcript(&output));
}

/// Diagnostics are in French unless `--lang en` or an English locale asks for English;
/// the English words are those of the English catalogue.
#[test]
fn validate_speaks_french_by_default_and_english_when_asked() {
    let default = clausier(&["validate", BROKEN], None);
    assert!(
        transcript(&default).contains("erreur[E0201]: champ inconnu `regoin` dans `hosting`"),
        "{}",
        transcript(&default)
    );
    let english = clausier(&["validate", BROKEN, "--lang", "en"], None);
    insta::assert_snapshot!("validate_in_english", transcript(&english));
    let in_an_english_locale = Command::new(env!("CARGO_BIN_EXE_clausier"))
        .args(["validate", BROKEN])
        .current_dir(workspace_root())
        .env("COLUMNS", "100")
        .env("LC_ALL", "en_GB.UTF-8")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .unwrap();
    assert_eq!(transcript(&in_an_english_locale), transcript(&english));
}

#[test]
fn validate_as_json_lists_diagnostics_on_stdout() {
    let output = clausier(&["validate", BROKEN, "--format", "json"], None);
    assert_eq!(exit_code(&output), 2);
    let diagnostics: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    for diagnostic in diagnostics.as_array().unwrap() {
        let keys: Vec<&str> = diagnostic
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            [
                "severity",
                "code",
                "message",
                "file",
                "line",
                "column",
                "end_line",
                "end_column",
                "help"
            ]
        );
    }
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn validate_as_json_of_a_clean_pack_is_an_empty_list() {
    let output = clausier(
        &[
            "validate",
            "tests/cli/packs/lawful.clause",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(exit_code(&output), 0);
    assert_eq!(String::from_utf8_lossy(&output.stdout), "[]\n");
    assert!(output.stderr.is_empty());
}

#[test]
fn validate_a_single_clause_file() {
    let output = clausier(&["validate", "tests/cli/packs/edtech/schema.clause"], None);
    assert_eq!(exit_code(&output), 0);
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn a_manifest_error_is_shown_in_pack_toml() {
    let output = clausier(&["validate", "tests/cli/packs/bad-manifest"], None);
    assert_eq!(exit_code(&output), 2);
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn a_pack_that_does_not_exist_is_an_error() {
    let output = clausier(&["validate", "tests/cli/packs/nowhere"], None);
    assert_eq!(exit_code(&output), 2);
    insta::assert_snapshot!(transcript(&output));
}

// check

#[test]
fn check_human_explains_every_descriptor_that_is_not_eligible() {
    let output = check(&[]);
    assert_eq!(exit_code(&output), 1);
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn check_human_with_explain_lists_every_clause() {
    let output = check(&["--explain"]);
    assert_eq!(exit_code(&output), 1);
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn check_json_is_the_full_report() {
    let output = check(&["--format", "json"]);
    assert_eq!(exit_code(&output), 1);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let sources: Vec<&str> = report["descriptors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["source"].as_str().unwrap())
        .collect();
    // Every input once, files in path order, the rows of a file in file order.
    assert_eq!(
        sources,
        [
            "tests/cli/descriptors/alpha.json",
            "tests/cli/descriptors/bravo.yaml",
            "tests/cli/descriptors/charlie.toml",
            "tests/cli/descriptors/delta.csv",
            "tests/cli/descriptors/delta.csv",
            "tests/cli/descriptors/echo.ndjson",
            "tests/cli/descriptors/echo.ndjson",
            "tests/cli/descriptors/foxtrot.json",
            "tests/cli/descriptors/golf.json",
        ]
    );
    assert_eq!(report["date"], DATE);
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn check_output_is_the_same_whatever_the_number_of_jobs() {
    for format in [
        "json", "human", "ndjson", "csv", "markdown", "junit", "sarif", "html",
    ] {
        let one = check(&["--format", format, "--jobs", "1"]);
        let four = check(&["--format", format, "--jobs", "4"]);
        assert_eq!(exit_code(&one), exit_code(&four));
        assert_eq!(one.stdout, four.stdout, "{format} differs with --jobs");
        assert!(!one.stdout.is_empty());
    }
}

#[test]
fn check_exits_with_0_when_every_descriptor_is_eligible() {
    let output = clausier(&["check", EDTECH, ELIGIBLE, "--date", DATE], None);
    assert_eq!(exit_code(&output), 0);
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn check_reads_ndjson_from_stdin() {
    let stdin = std::fs::read(workspace_root().join("tests/cli/stdin.ndjson")).unwrap();
    let output = clausier(
        &["check", EDTECH, "-", "--date", DATE, "--format", "json"],
        Some(&stdin),
    );
    assert_eq!(exit_code(&output), 1);
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn check_writes_the_report_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.json");
    let path_arg = path.to_str().unwrap();
    let written = check(&["--format", "json", "--output", path_arg]);
    assert_eq!(exit_code(&written), 1);
    assert!(written.stdout.is_empty());
    let printed = check(&["--format", "json"]);
    // Only the pack's warnings go to the terminal, as without `--output`.
    assert_eq!(written.stderr, printed.stderr);
    assert_eq!(std::fs::read(&path).unwrap(), printed.stdout);
}

#[test]
fn check_fails_when_the_output_cannot_be_written() {
    let output = check(&["--output", "tests/cli/no-such-folder/report.txt"]);
    assert_eq!(exit_code(&output), 2);
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn check_with_a_broken_pack_prints_its_errors_and_checks_nothing() {
    let output = clausier(&["check", BROKEN, DESCRIPTORS, "--date", DATE], None);
    assert_eq!(exit_code(&output), 2);
    assert!(output.stdout.is_empty());
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn a_missing_descriptor_is_reported_as_invalid_and_the_run_goes_on() {
    let output = clausier(
        &[
            "check",
            EDTECH,
            "tests/cli/descriptors/nowhere.json",
            "tests/cli/eligible/alpha.json",
            "--date",
            DATE,
        ],
        None,
    );
    assert_eq!(exit_code(&output), 1);
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn check_without_descriptors_is_a_usage_error() {
    let output = clausier(&["check", EDTECH], None);
    assert_eq!(exit_code(&output), 2);
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn check_refuses_a_malformed_date() {
    let output = clausier(
        &["check", EDTECH, DESCRIPTORS, "--date", "28/11/2026"],
        None,
    );
    assert_eq!(exit_code(&output), 2);
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn colors_only_when_asked() {
    let plain = check(&[]);
    assert!(!plain.stdout.contains(&0x1b));
    let colored = check(&["--color", "always"]);
    assert!(colored.stdout.contains(&0x1b));
    let never = clausier(&["validate", BROKEN, "--color", "never"], None);
    assert!(!never.stderr.contains(&0x1b));
}

// explain

#[test]
fn explain_prints_the_long_explanation() {
    let output = clausier(&["explain", "e0201", "--lang", "en"], None);
    assert_eq!(exit_code(&output), 0);
    let expected = clausier_diagnostics::lookup_code("E0201")
        .unwrap()
        .explanation;
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim_end(),
        expected.trim_end()
    );
    assert!(output.stderr.is_empty());
}

#[test]
fn explain_speaks_french_by_default_and_follows_the_locale() {
    let french = std::process::Command::new(env!("CARGO_BIN_EXE_clausier"))
        .args(["explain", "E0301"])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    assert_eq!(exit_code(&french), 0);
    let french = String::from_utf8_lossy(&french.stdout).into_owned();
    assert!(
        french.starts_with("# E0301 : types incompatibles\n"),
        "{french}"
    );
    let english = std::process::Command::new(env!("CARGO_BIN_EXE_clausier"))
        .args(["explain", "E0301"])
        .env("LC_ALL", "en_GB.UTF-8")
        .output()
        .unwrap();
    let english = String::from_utf8_lossy(&english.stdout).into_owned();
    assert!(english.starts_with("# E0301: type mismatch\n"), "{english}");
    let asked = clausier(&["explain", "E0301", "--lang", "fr"], None);
    assert_eq!(String::from_utf8_lossy(&asked.stdout), french);
}

#[test]
fn explain_list_names_every_code() {
    let output = clausier(&["explain", "--list", "--lang", "en"], None);
    assert_eq!(exit_code(&output), 0);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        stdout.lines().count(),
        clausier_diagnostics::all_codes().len()
    );
    assert!(stdout.contains("E0201  error    unknown descriptor field\n"));
    assert!(stdout.contains("W0502  warning  criteria weights do not sum to 100\n"));
    let french = clausier(&["explain", "--list", "--lang", "fr"], None);
    let french = String::from_utf8_lossy(&french.stdout);
    assert!(french.contains("W0502  avertissement  "), "{french}");
}

#[test]
fn explain_an_unknown_code_suggests_near_ones() {
    let output = clausier(&["explain", "E0299"], None);
    assert_eq!(exit_code(&output), 2);
    insta::assert_snapshot!(transcript(&output));
}

// help and version

#[test]
fn help_of_every_command() {
    for command in [
        &[][..],
        &["check"],
        &["validate"],
        &["explain"],
        &["catalogue"],
        &["diagnose"],
        &["log"],
        &["review"],
    ] {
        let mut args = command.to_vec();
        args.push("--help");
        let output = clausier(&args, None);
        assert_eq!(exit_code(&output), 0);
        let name = if command.is_empty() {
            "help".to_owned()
        } else {
            format!("help_{}", command[0])
        };
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(stdout.contains("Examples:"), "{name} has no examples");
        insta::assert_snapshot!(name, stdout);
    }
}

#[test]
fn version() {
    let output = clausier(&["--version"], None);
    assert_eq!(exit_code(&output), 0);
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        format!("clausier {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn check_junit_is_read_back_as_a_case_per_descriptor_and_requirement() {
    use quick_xml::events::Event;
    use quick_xml::{Reader, XmlVersion};

    let output = check(&["--format", "junit", "--lang", "en"]);
    assert_eq!(exit_code(&output), 1);
    let xml = String::from_utf8(output.stdout).unwrap();
    let mut reader = Reader::from_str(&xml);
    let mut suites = Vec::new();
    let mut cases: Vec<(String, String)> = Vec::new();
    let mut failures = Vec::new();
    let mut errors = 0;
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(element) | Event::Empty(element) => {
                let get = |name: &str| {
                    element
                        .attributes()
                        .map(Result::unwrap)
                        .find(|attribute| attribute.key.as_ref() == name)
                        .map(|attribute| {
                            attribute
                                .normalized_value(XmlVersion::Explicit1_0)
                                .unwrap()
                                .into_owned()
                        })
                        .unwrap_or_default()
                };
                match element.name().as_ref() {
                    "testsuite" => suites.push((get("name"), get("tests"), get("failures"))),
                    "testcase" => cases.push((get("classname"), get("name"))),
                    "failure" => failures.push((get("type"), get("message"))),
                    "error" => errors += 1,
                    _ => {}
                }
            }
            _ => {}
        }
    }
    assert_eq!(suites.len(), 1);
    assert_eq!(suites[0].1, cases.len().to_string());
    assert_eq!(suites[0].2, failures.len().to_string());
    assert!(cases.contains(&("charlie".to_owned(), "HEB-01".to_owned())));
    assert!(failures.iter().any(|(kind, message)| kind == "fail"
        && message.starts_with("HEB-01 (must) fails: hosting.region is ")
        && message.contains("; the requirement expects EU")));
    assert!(errors > 0);
}

#[test]
fn check_sarif_locates_each_failed_requirement_in_its_descriptor() {
    let output = check(&["--format", "sarif"]);
    assert_eq!(exit_code(&output), 1);
    let log: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let heb = rules.iter().find(|rule| rule["id"] == "HEB-01").unwrap();
    assert_eq!(
        heb["fullDescription"]["text"],
        "Le titulaire héberge l'ensemble des données dans l'Union européenne."
    );
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    let charlie = results
        .iter()
        .find(|result| result["properties"]["descriptor"] == "charlie")
        .unwrap();
    assert_eq!(charlie["ruleId"], "HEB-01");
    let location = &charlie["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "tests/cli/descriptors/charlie.toml"
    );
    assert_eq!(
        location["region"],
        serde_json::json!({ "startLine": 5, "startColumn": 10 })
    );
}

/// The command's own failures (E09), which have no place in a file, in the language
/// asked: a report written to a folder, standard input named twice, an unknown code to
/// explain. Only the failure,
/// the last diagnostic of standard error, is kept (the pack's warnings come before it).
fn own_failures(lang: &str) -> String {
    let failure = |output: &Output| {
        assert_eq!(exit_code(output), 2);
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        let start = stderr.rfind("\nerr").map_or(0, |at| at + 1);
        stderr[start..].to_owned()
    };
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().to_str().unwrap();
    let to_folder = failure(&check(&["--output", folder, "--lang", lang]));
    let stdin_twice = failure(&clausier(
        &["check", EDTECH, "-", "-", "--lang", lang],
        None,
    ));
    let unknown_code = failure(&clausier(&["explain", "E0299", "--lang", lang], None));
    format!(
        "{}{stdin_twice}{unknown_code}",
        to_folder.replace(folder, "[FOLDER]")
    )
}

#[test]
fn the_commands_own_failures_read_in_french() {
    insta::assert_snapshot!(own_failures("fr"));
}

#[test]
fn the_commands_own_failures_read_in_english_with_lang_en() {
    insta::assert_snapshot!(own_failures("en"));
}
