//! End-to-end tests of `clausier test`, `clausier render` and `clausier schema`: what a
//! user sees on standard output and standard error, and the exit status, on the shipped
//! pack `rules/edtech-fr` and on the fixtures under `tests/cli/packs/`.

#![expect(
    clippy::unwrap_used,
    reason = "the helpers run the binary; a test that cannot must fail loudly"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};

const EDTECH: &str = "rules/edtech-fr";
const TESTED: &str = "tests/cli/packs/tested";
const EQUIVALENCE: &str = "examples/equivalence-label/pack";
const BROKEN_TESTS: &str = "tests/conformance/diag-tests/pack.clause";
const DATE: &str = "2026-11-28";

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// Runs `clausier` from the workspace root, so that paths in the output are the short
/// relative ones a user would type, in a locale that names no language: the output is
/// the default French wherever the tests run.
fn clausier(args: &[&str]) -> Output {
    clausier_in_locale(args, "C.UTF-8")
}

/// Runs `clausier` as [`clausier`] does, with `LANG` set to `locale`.
fn clausier_in_locale(args: &[&str], locale: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clausier"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", locale)
        .current_dir(workspace_root())
        .env("COLUMNS", "100")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

fn exit_code(output: &Output) -> i32 {
    output.status.code().unwrap()
}

/// The exit status, standard output and standard error, as one text to snapshot. The
/// content hash of the shipped pack changes with each of its files, so it is replaced.
fn transcript(output: &Output) -> String {
    redact_hashes(&format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        exit_code(output),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    ))
}

fn stdout(output: &Output) -> String {
    redact_hashes(&String::from_utf8_lossy(&output.stdout))
}

/// `sha256:` and 64 hex digits become `sha256:[hash]`.
fn redact_hashes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("sha256:") {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let digits = &from["sha256:".len()..];
        let hex = digits.chars().take_while(char::is_ascii_hexdigit).count();
        if hex == 64 {
            out.push_str("sha256:[hash]");
            rest = &digits[64..];
        } else {
            out.push_str("sha256:");
            rest = digits;
        }
    }
    out.push_str(rest);
    out
}

// clausier test

#[test]
fn the_shipped_pack_passes_its_tests_and_covers_every_requirement() {
    let output = clausier(&["test", EDTECH, "--date", DATE, "--coverage"]);
    assert_eq!(exit_code(&output), 0, "{}", transcript(&output));
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn failed_tests_show_what_was_expected_what_was_found_and_why() {
    let output = clausier(&["test", TESTED, "--date", DATE, "--coverage"]);
    assert_eq!(exit_code(&output), 1);
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn the_equivalence_example_tests_a_claim_under_review_and_an_expired_value() {
    let output = clausier(&["test", EQUIVALENCE, "--date", DATE]);
    assert_eq!(exit_code(&output), 0, "{}", transcript(&output));
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn the_tests_speak_french_by_default() {
    let output = clausier(&["test", TESTED, "--date", DATE, "--coverage"]);
    let text = stdout(&output);
    for french in [
        "jeu de clauses : tested 0.3.0",
        "réussi  an offer that meets every requirement is eligible\n",
        "ÉCHEC   a test that expects the wrong outcomes fails\n",
        "  dans tests/cli/packs/tested/tests.clause:13:6\n",
        "  inexacte  expect eligible               obtenu : inéligible\n",
        "  l'offre est inéligible\n",
        "hosting.regoin : le champ `regoin` n'est pas déclaré",
        "    aide : vouliez-vous dire `region` ?\n",
        "couverture de 4 exigences et 1 critère par 8 tests\n",
        "EXIGENCE  NIVEAU       SATISFAITE  NON SATISFAITE  NON DÉCIDABLE  SANS OBJET\n",
        "jamais constatée : GAR-01 non satisfaite\n",
        "8 tests : 4 réussis, 4 en échec\n",
    ] {
        assert!(text.contains(french), "no {french:?} in:\n{text}");
    }
}

#[test]
fn the_tests_speak_english_when_asked_or_when_the_locale_is_english() {
    let asked = clausier(&["--lang", "en", "test", TESTED, "--date", DATE, "--coverage"]);
    let text = stdout(&asked);
    for english in [
        "pack: tested 0.3.0",
        "ok      an offer that meets every requirement is eligible\n",
        "FAILED  a test that expects the wrong outcomes fails\n",
        "  at tests/cli/packs/tested/tests.clause:13:6\n",
        "  failed  expect eligible               found ineligible\n",
        "  the offer is ineligible\n",
        "hosting.regoin: field `regoin` is not declared",
        "    help: did you mean `region`?\n",
        "coverage of 4 requirements and 1 criterion by 8 tests\n",
        "REQUIREMENT  LEVEL   PASS      FAIL      MISSING   NOT APPLICABLE\n",
        "never seen: GAR-01 fail\n",
        "8 tests: 4 passed, 4 failed\n",
    ] {
        assert!(text.contains(english), "no {english:?} in:\n{text}");
    }
    let locale = clausier_in_locale(
        &["test", TESTED, "--date", DATE, "--coverage"],
        "en_GB.UTF-8",
    );
    assert_eq!(stdout(&locale), text);
}

#[test]
fn a_mistake_in_the_dollar_form_of_a_test_is_located_in_the_clause_file() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("pack.clause");
    std::fs::write(
        &pack,
        "descriptor { hds: bool }\n\
         requirement HDS-01 \"HDS\" { require hds }\n\
         test \"forme fautive\" {\n  given { hds: { \"$valid_until\": 2026-06-30, \"$source\": \"rumeur\" } }\n  expect review\n}\n",
    )
    .unwrap();
    let output = clausier(&["test", pack.to_str().unwrap(), "--date", DATE]);
    assert_eq!(exit_code(&output), 1);
    let text = transcript(&output).replace(&dir.path().display().to_string(), "[dir]");
    insta::assert_snapshot!(text);
}

#[test]
fn a_pack_with_an_unknown_requirement_in_a_test_does_not_run() {
    let output = clausier(&["test", BROKEN_TESTS, "--date", DATE]);
    assert_eq!(exit_code(&output), 2);
    assert!(output.stdout.is_empty());
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn junit_is_well_formed_xml_with_a_case_per_test() {
    let output = clausier(&[
        "test",
        TESTED,
        "--date",
        DATE,
        "--format",
        "junit",
        "--coverage",
    ]);
    assert_eq!(exit_code(&output), 1);
    let xml = stdout(&output);

    let mut reader = Reader::from_str(&xml);
    let mut suites = Vec::new();
    let mut cases = Vec::new();
    let mut failures = Vec::new();
    let mut system_out = String::new();
    let mut in_system_out = false;
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(element) | Event::Empty(element) => {
                let attributes: Vec<(String, String)> = element
                    .attributes()
                    .map(|attribute| {
                        let attribute = attribute.unwrap();
                        (
                            attribute.key.as_ref().to_owned(),
                            attribute
                                .normalized_value(XmlVersion::Explicit1_0)
                                .unwrap()
                                .into_owned(),
                        )
                    })
                    .collect();
                let get = |name: &str| {
                    attributes
                        .iter()
                        .find(|(key, _)| key == name)
                        .map(|(_, value)| value.clone())
                        .unwrap_or_default()
                };
                match element.name().as_ref() {
                    "testsuite" => suites.push((get("name"), get("tests"), get("failures"))),
                    "testcase" => cases.push((get("name"), get("classname"), get("line"))),
                    "failure" => failures.push(get("message")),
                    "system-out" => in_system_out = true,
                    _ => {}
                }
            }
            Event::Text(text) if in_system_out => {
                system_out.push_str(&text.xml_content(XmlVersion::Explicit1_0));
            }
            Event::GeneralRef(reference) if in_system_out => {
                let name = reference.into_inner();
                system_out.push_str(match name.as_ref() {
                    "lt" => "<",
                    "gt" => ">",
                    "amp" => "&",
                    _ => "?",
                });
            }
            Event::End(element) if element.name().as_ref() == "system-out" => {
                in_system_out = false;
            }
            _ => {}
        }
    }
    assert_eq!(
        suites,
        [("tested".to_owned(), "8".to_owned(), "4".to_owned())]
    );
    assert_eq!(cases.len(), 8);
    assert_eq!(
        cases[1],
        (
            "a test that expects the wrong outcomes fails".to_owned(),
            "tested.tests".to_owned(),
            "13".to_owned()
        )
    );
    assert_eq!(
        failures,
        [
            "expect eligible: found ineligible; expect pass HEB-01: found fail; expect score >= 50: found no score: the offer is ineligible",
            "expect eligible: found invalid",
            "`tests/cli/packs/tested/offres/deux.ndjson` holds 2 descriptors; a test checks one",
            "expect incomplete: found ineligible",
        ]
    );
    assert!(system_out.contains("REQUIREMENT  LEVEL"), "{system_out}");
    insta::assert_snapshot!(xml);
}

#[test]
fn the_result_can_be_written_to_a_file() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("tests.xml");
    let file = path.display().to_string();
    let output = clausier(&[
        "test", EDTECH, "--date", DATE, "--format", "junit", "-o", &file,
    ]);
    assert_eq!(exit_code(&output), 0);
    assert!(output.stdout.is_empty());
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"));
    assert!(written.contains("failures=\"0\""));
}

// clausier render

#[test]
fn render_the_shipped_pack_as_html() {
    let output = clausier(&["render", EDTECH, "--format", "html"]);
    assert_eq!(exit_code(&output), 0);
    let html = stdout(&output);
    // Self-contained: nothing is fetched.
    for remote in ["http://", "https://", "<link", "<script", "@import", "url("] {
        assert!(!html.contains(remote), "the page refers to `{remote}`");
    }
    assert!(html.contains("@page { size: A4; margin: 2cm 1.8cm; }"));
    assert!(html.contains("@media print"));
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    insta::assert_snapshot!(html);
}

#[test]
fn render_a_draft_in_english() {
    let output = clausier(&["render", TESTED, "--lang", "en", "--draft"]);
    assert_eq!(exit_code(&output), 0);
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn render_a_draft_in_english_as_html() {
    let output = clausier(&[
        "render", TESTED, "--lang", "en", "--format", "html", "--draft",
    ]);
    assert_eq!(exit_code(&output), 0);
    let html = stdout(&output);
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("Article 1 — Technical specifications"));
    assert!(html.contains("Information requested"));
    assert!(html.contains("<p class=\"legal missing\">[Text to be written]</p>"));
    assert!(html.contains("<td class=\"number\">100</td>"));
}

#[test]
fn render_refuses_a_pack_that_does_not_compile() {
    let output = clausier(&["render", BROKEN_TESTS]);
    assert_eq!(exit_code(&output), 2);
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("erreur[E0212]"), "{stderr}");
}

// clausier schema

#[test]
fn schema_of_the_shipped_pack() {
    let output = clausier(&["schema", EDTECH]);
    assert_eq!(exit_code(&output), 0);
    let schema: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["$id"], "urn:clausier:edtech-fr:2.1.0:descriptor");
    assert_eq!(
        schema["$defs"]["Tier"]["enum"],
        serde_json::json!(["I", "II", "III", "IV"])
    );
    assert_eq!(schema["$defs"]["date"]["format"], "date");
    assert_eq!(
        schema["properties"]["sso"]["else"]["properties"]["protocols"]["else"]["uniqueItems"],
        true
    );
    assert_eq!(schema["required"], serde_json::Value::Null);
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn schema_of_a_small_pack() {
    let output = clausier(&["schema", TESTED]);
    assert_eq!(exit_code(&output), 0);
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn schema_of_a_pack_with_lots_requires_the_lots_of_each_offer() {
    let output = clausier(&["schema", "tests/conformance/data-offer-lots/pack"]);
    assert_eq!(exit_code(&output), 0);
    let schema: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(schema["required"], serde_json::json!(["lots"]));
    let lots = &schema["properties"]["lots"];
    assert_eq!(lots["oneOf"][0]["enum"], serde_json::json!(["1", "2"]));
    assert_eq!(
        lots["oneOf"][1]["items"]["enum"],
        serde_json::json!(["1", "2"])
    );
    assert_eq!(lots["oneOf"][1]["minItems"], 1);
    assert_eq!(
        lots["description"],
        "The lots the offer bids for, by their ids: `1` (Espace numérique de travail (ENT)), \
         `2` (Ressources numériques pédagogiques). The offer is evaluated once per lot."
    );
}

// help

#[test]
fn help_of_the_pack_commands_teaches_with_examples() {
    for command in ["test", "render", "schema"] {
        let output = clausier(&[command, "--help"]);
        assert_eq!(exit_code(&output), 0);
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(text.contains("Examples:"), "{command} has no examples");
        insta::assert_snapshot!(format!("help_{command}"), text);
    }
}
