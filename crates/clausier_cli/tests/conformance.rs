//! The conformance corpus: the cases under `tests/conformance/` at the workspace root, each
//! a small pack (`pack.clause`, or a `pack/` folder with `pack.toml`) with, optionally,
//! descriptors (`descriptors/`), extra command-line arguments (`args`, one a line) and a
//! `README.md` saying what the case shows.
//!
//! A case with descriptors is checked (`clausier check PACK DESCRIPTORS --date 2026-11-28`)
//! as JSON and as text; a case without is validated (`clausier validate PACK`) as JSON and as
//! text. Each run is a snapshot kept in the case's folder (`check.json.snap`,
//! `check.human.snap`, `validate.json.snap`, `validate.human.snap`) holding the exit status,
//! standard output and standard error, exactly as a user sees them.
//!
//! To add a case, create its folder, list it in `cases!` below, run
//! `INSTA_UPDATE=always cargo test -p clausier_cli --test conformance`, and read the new
//! snapshots against the language reference before keeping them.

#![expect(
    clippy::unwrap_used,
    reason = "the helpers run the binary and read the corpus; a test that cannot must fail loudly"
)]

use std::collections::BTreeSet;
use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The evaluation date of every `check` in the corpus (`today` in the clauses).
const DATE: &str = "2026-11-28";

/// The corpus, relative to the workspace root.
const CORPUS: &str = "tests/conformance";

/// Codes of the catalogue that no case of the corpus produces, each with the reason.
const CODES_WITHOUT_A_CASE: &[(&str, &str)] = &[
    // A clause file or a manifest must be larger than 4 GiB: too large to keep in the
    // repository, and too slow to write in a test.
    ("E0903", "needs an input file larger than 4 GiB"),
    // Evaluation notes that no output carries as a code: a clamped score shows as
    // `"clamped": true` in JSON and "(clamped)" in text (see `scoring-clamp`).
    ("R0701", "a clamp is shown as `clamped`, without the code"),
    // Only `clausier render` refuses a clause without a text; the corpus runs `check` and
    // `validate` (see `render_tender`).
    ("E0817", "produced by `clausier render` alone"),
];

/// Cases whose output shows a bug (their README says which): the snapshots showing it are
/// not accepted, so their tests fail until the bug is fixed and the snapshots are
/// accepted. Remove a case from here once all its snapshots are.
const KNOWN_BUGS: &[&str] = &[];

/// One `#[test]` per case, named after its folder, so that a failure names its case; and
/// the list of folders, which `every_case_folder_is_listed` compares with the corpus.
macro_rules! cases {
    ($($test:ident => $folder:literal,)*) => {
        $(
            #[test]
            fn $test() {
                run_case($folder);
            }
        )*

        const CASES: &[&str] = &[$($folder),*];
    };
}

cases! {
    check_pack_errors => "check-pack-errors",
    data_bom_crlf => "data-bom-crlf",
    data_bounds => "data-bounds",
    data_csv => "data-csv",
    data_csv_row_help => "data-csv-row-help",
    data_csv_semicolon => "data-csv-semicolon",
    data_tsv => "data-tsv",
    data_typos => "data-typos",
    data_duplicates => "data-duplicates",
    data_error_help => "data-error-help",
    data_json_syntax_column => "data-json-syntax-column",
    data_latin1 => "data-latin1",
    data_money_display => "data-money-display",
    data_null => "data-null",
    data_offer_lots => "data-offer-lots",
    data_strict => "data-strict",
    data_toml_duplicate_path => "data-toml-duplicate-path",
    data_values => "data-values",
    data_yaml_alias => "data-yaml-alias",
    diag_clauses => "diag-clauses",
    diag_data => "diag-data",
    diag_document_dates => "diag-document-dates",
    diag_documents => "diag-documents",
    diag_document_key => "diag-document-key",
    diag_document_lot_id => "diag-document-lot-id",
    diag_document_value => "diag-document-value",
    diag_files_no_clause => "diag-files-no-clause",
    diag_files_not_utf8 => "diag-files-not-utf8",
    diag_files_output => "diag-files-output",
    diag_files_unreadable => "diag-files-unreadable",
    diag_law => "diag-law",
    diag_law_lots => "diag-law-lots",
    diag_lints => "diag-lints",
    diag_lints_score_range => "diag-lints-score-range",
    diag_literals => "diag-literals",
    diag_literals_help => "diag-literals-help",
    diag_lots => "diag-lots",
    diag_lots_undeclared => "diag-lots-undeclared",
    diag_reserved_field => "diag-reserved-field",
    diag_manifest => "diag-manifest",
    diag_names => "diag-names",
    diag_names_list_order => "diag-names-list-order",
    diag_param_cycle => "diag-param-cycle",
    diag_passed => "diag-passed",
    diag_patterns => "diag-patterns",
    diag_placeholders => "diag-placeholders",
    diag_recovery => "diag-recovery",
    diag_syntax => "diag-syntax",
    diag_tables => "diag-tables",
    diag_syntax_cascade => "diag-syntax-cascade",
    diag_syntax_nesting => "diag-syntax-nesting",
    diag_tests => "diag-tests",
    diag_texts => "diag-texts",
    diag_time_of_day => "diag-time-of-day",
    diag_time_on_date => "diag-time-on-date",
    diag_proof_kinds => "diag-proof-kinds",
    diag_types => "diag-types",
    diag_bounds => "diag-bounds",
    diag_business_time => "diag-business-time",
    diag_inventory => "diag-inventory",
    expr_arith => "expr-arith",
    expr_arith_underflow => "expr-arith-underflow",
    expr_aggregates => "expr-aggregates",
    expr_patterns => "expr-patterns",
    expr_collections => "expr-collections",
    expr_compare => "expr-compare",
    expr_has_if_today => "expr-has-if-today",
    expr_hours => "expr-hours",
    expr_time_of_day => "expr-time-of-day",
    expr_weekdays => "expr-weekdays",
    expr_business_time => "expr-business-time",
    expr_paths => "expr-paths",
    expr_precedence => "expr-precedence",
    expr_tables => "expr-tables",
    formats => "formats",
    kleene => "kleene",
    pack_compose => "pack-compose",
    pack_cycle => "pack-cycle",
    pack_derived_params => "pack-derived-params",
    pack_record_params => "pack-record-params",
    pack_dependency_missing => "pack-dependency-missing",
    pack_dependency_name => "pack-dependency-name",
    pack_folder => "pack-folder",
    pack_lock_invalid => "pack-lock-invalid",
    pack_lock_mismatch => "pack-lock-mismatch",
    pack_not_a_file => "pack-not-a-file",
    pack_outside_workspace => "pack-outside-workspace",
    pack_signature_changed => "pack-signature-changed",
    pack_signature_invalid => "pack-signature-invalid",
    pack_signature_key => "pack-signature-key",
    pack_signature_missing => "pack-signature-missing",
    pack_two_versions => "pack-two-versions",
    pack_unknown_names => "pack-unknown-names",
    pack_version => "pack-version",
    scoring_clamp => "scoring-clamp",
    scoring_lots => "scoring-lots",
    scoring_cohort => "scoring-cohort",
    scoring_none => "scoring-none",
    scoring_passed => "scoring-passed",
    scoring_ties => "scoring-ties",
    scoring_unknown => "scoring-unknown",
    scoring_weights => "scoring-weights",
    scoring_zero_lowest => "scoring-zero-lowest",
    status_descriptors => "status-descriptors",
    status_requirements => "status-requirements",
    status_documents => "status-documents",
    status_expired_evidence => "status-expired-evidence",
    status_proof_kinds => "status-proof-kinds",
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn corpus_dir() -> PathBuf {
    workspace_root().join(CORPUS)
}

/// The case folders present on disk, sorted.
fn case_folders() -> Vec<String> {
    let mut folders: Vec<String> = fs::read_dir(corpus_dir())
        .unwrap()
        .map(|entry| entry.unwrap())
        .filter(|entry| entry.file_type().unwrap().is_dir())
        .map(|entry| entry.file_name().into_string().unwrap())
        .collect();
    folders.sort();
    folders
}

/// Whether a path is present, even as a link to nothing (some cases hold one on purpose).
fn is_present(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}

/// Runs `clausier` from the workspace root, so that the paths in its output are the short
/// relative ones a user would type.
fn clausier(args: &[String]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clausier"))
        .args(args)
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

/// The exit status, standard output and standard error, as one text to snapshot.
fn transcript(output: &Output) -> String {
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        output.status.code().unwrap(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// One run of a case: the snapshot's name and the arguments of `clausier`.
struct Run {
    snapshot: &'static str,
    args: Vec<String>,
}

/// The runs of a case, from what its folder holds.
fn runs_of(case: &str) -> Vec<Run> {
    let dir = corpus_dir().join(case);
    assert!(dir.is_dir(), "no case folder {CORPUS}/{case}");
    let pack = if dir.join("pack").is_dir() {
        format!("{CORPUS}/{case}/pack")
    } else {
        assert!(
            is_present(&dir.join("pack.clause")),
            "the case {case} has neither `pack.clause` nor a `pack/` folder"
        );
        format!("{CORPUS}/{case}/pack.clause")
    };
    let extra: Vec<String> = match fs::read_to_string(dir.join("args")) {
        Ok(text) => text
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(str::to_owned)
            .collect(),
        Err(_) => Vec::new(),
    };
    let owned = |words: &[&str]| -> Vec<String> { words.iter().map(|w| (*w).to_owned()).collect() };
    if dir.join("descriptors").is_dir() {
        let descriptors = format!("{CORPUS}/{case}/descriptors");
        let check = owned(&["check", &pack, &descriptors, "--date", DATE, "--format"]);
        let json = [check.clone(), owned(&["json"]), extra.clone()].concat();
        let human = [check, owned(&["human", "--color", "never"]), extra].concat();
        vec![
            Run {
                snapshot: "check.json",
                args: json,
            },
            Run {
                snapshot: "check.human",
                args: human,
            },
        ]
    } else {
        let json = [
            owned(&["validate", &pack, "--format", "json"]),
            extra.clone(),
        ]
        .concat();
        let human = [owned(&["validate", &pack, "--color", "never"]), extra].concat();
        vec![
            Run {
                snapshot: "validate.json",
                args: json,
            },
            Run {
                snapshot: "validate.human",
                args: human,
            },
        ]
    }
}

/// Runs every command of a case and compares each transcript with its snapshot, kept in
/// the case's folder. Every snapshot of the case is compared (insta prints each
/// difference) before the test fails, naming the case and the snapshots that differ.
fn run_case(case: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(corpus_dir().join(case));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    let mut differ = Vec::new();
    for run in runs_of(case) {
        let output = clausier(&run.args);
        check_invariants(case, &run, &output);
        settings.set_description(format!("clausier {}", run.args.join(" ")));
        let compared = panic::catch_unwind(AssertUnwindSafe(|| {
            settings.bind(|| {
                insta::assert_snapshot!(run.snapshot, transcript(&output));
            });
        }));
        if compared.is_err() {
            differ.push(run.snapshot);
        }
    }
    assert!(
        differ.is_empty(),
        "{CORPUS}/{case}: the output differs from the snapshots {differ:?}"
    );
}

/// What holds for every run, whatever the case: the exit status is one the brief allows,
/// a JSON report is well-formed and accounts for each descriptor once, and JSON
/// diagnostics have the documented fields.
fn check_invariants(case: &str, run: &Run, output: &Output) {
    let code = output.status.code().unwrap();
    assert!(
        matches!(code, 0..=2),
        "{case}: `{}` exited with {code}",
        run.snapshot
    );
    if run.snapshot == "check.json" && code != 2 {
        check_report(case, code, &parse_json(case, &output.stdout));
    }
    if run.snapshot == "validate.json" && !output.stdout.is_empty() {
        let diagnostics = parse_json(case, &output.stdout);
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
                ],
                "{case}: the fields of a diagnostic"
            );
        }
    }
}

fn parse_json(case: &str, stdout: &[u8]) -> serde_json::Value {
    let parsed = serde_json::from_slice::<serde_json::Value>(stdout);
    assert!(
        parsed.is_ok(),
        "{case}: the JSON output does not parse: {parsed:?}"
    );
    parsed.unwrap()
}

/// A check report: its summary counts the descriptors it lists, and the exit status is 0
/// exactly when every one of them is eligible.
fn check_report(case: &str, code: i32, report: &serde_json::Value) {
    assert_eq!(report["date"], DATE, "{case}: the report's date");
    let descriptors = report["descriptors"].as_array().unwrap();
    let summary = &report["summary"];
    assert_eq!(
        summary["total"].as_u64().unwrap(),
        descriptors.len() as u64,
        "{case}: the summary's total is not the number of descriptors reported"
    );
    for status in ["eligible", "ineligible", "incomplete", "invalid"] {
        let counted = descriptors.iter().filter(|d| d["status"] == status).count();
        assert_eq!(
            summary[status].as_u64().unwrap(),
            counted as u64,
            "{case}: the summary's count of {status} descriptors"
        );
    }
    let eligible = descriptors
        .iter()
        .filter(|d| d["status"] == "eligible")
        .count();
    assert_eq!(
        code == 0,
        eligible == descriptors.len(),
        "{case}: exit {code} with {eligible} of {} descriptors eligible",
        descriptors.len()
    );
}

#[test]
fn every_case_folder_is_listed() {
    for case in KNOWN_BUGS {
        assert!(
            CASES.contains(case),
            "KNOWN_BUGS lists {case}, which is not a case"
        );
    }
    let listed: BTreeSet<&str> = CASES.iter().copied().collect();
    assert_eq!(
        listed.len(),
        CASES.len(),
        "a case is listed twice in `cases!`"
    );
    let on_disk = case_folders();
    let on_disk: BTreeSet<&str> = on_disk.iter().map(String::as_str).collect();
    let unlisted: Vec<_> = on_disk.difference(&listed).collect();
    let absent: Vec<_> = listed.difference(&on_disk).collect();
    assert!(
        unlisted.is_empty(),
        "case folders missing from `cases!`: {unlisted:?}"
    );
    assert!(
        absent.is_empty(),
        "cases listed without a folder: {absent:?}"
    );
}

#[test]
fn every_case_has_a_readme_and_a_snapshot() {
    for case in case_folders() {
        let dir = corpus_dir().join(&case);
        let readme = fs::read_to_string(dir.join("README.md")).unwrap_or_default();
        assert!(
            readme.trim().len() > 40,
            "{CORPUS}/{case} needs a README.md saying what the case shows"
        );
        let names: Vec<String> = runs_of(&case)
            .iter()
            .map(|run| format!("{}.snap", run.snapshot))
            .collect();
        let accepted = names.iter().filter(|name| dir.join(name).is_file()).count();
        if KNOWN_BUGS.contains(&case.as_str()) {
            assert!(
                accepted < names.len(),
                "{CORPUS}/{case} has all its snapshots accepted: remove it from KNOWN_BUGS"
            );
        } else {
            assert!(
                accepted > 0,
                "{CORPUS}/{case} has none of its snapshots {names:?}"
            );
        }
        // A snapshot the case no longer produces (its `descriptors/` removed, say) would
        // otherwise be kept, and counted by `every_diagnostic_code_appears_in_the_corpus`.
        for entry in fs::read_dir(&dir).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            assert!(
                !name.ends_with(".snap") || names.contains(&name),
                "{CORPUS}/{case}/{name} is not a snapshot of this case: remove it"
            );
        }
    }
}

/// The text of every accepted snapshot of the corpus.
fn snapshots() -> Vec<String> {
    let mut found = Vec::new();
    for case in case_folders() {
        for entry in fs::read_dir(corpus_dir().join(&case)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|ext| ext == "snap") {
                found.push(fs::read_to_string(&path).unwrap());
            }
        }
    }
    found
}

/// Whether a transcript shows a diagnostic with this code, in one of the forms the outputs
/// use: `"code": "E0201"` (JSON), `error[E0201]` (a pack's diagnostics), a line opening
/// with the code (a descriptor's errors, `D0603 hosting.region: …`, and the errors that
/// stop a command, `E0901` alone on its line).
fn shows_code(text: &str, code: &str) -> bool {
    text.contains(&format!("\"code\": \"{code}\""))
        || text.contains(&format!("[{code}]"))
        || text.lines().any(|line| {
            line.trim_start()
                .strip_prefix(code)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ':']))
        })
}

#[test]
fn every_diagnostic_code_appears_in_the_corpus() {
    let snapshots = snapshots();
    let exceptions: BTreeSet<&str> = CODES_WITHOUT_A_CASE.iter().map(|(code, _)| *code).collect();
    let mut uncovered = Vec::new();
    for info in clausier_diagnostics::all_codes() {
        let code = info.code.as_str();
        let covered = snapshots.iter().any(|text| shows_code(text, code));
        if exceptions.contains(code) {
            assert!(
                !covered,
                "{code} now appears in the corpus: remove it from CODES_WITHOUT_A_CASE"
            );
        } else if !covered {
            uncovered.push(code);
        }
    }
    assert!(
        uncovered.is_empty(),
        "no snapshot of {CORPUS} shows these codes: {uncovered:?}"
    );
    for (code, _) in CODES_WITHOUT_A_CASE {
        assert!(
            clausier_diagnostics::lookup_code(code).is_some(),
            "{code} is listed as an exception but is not in the catalogue"
        );
    }
}
