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
];

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
    expr_compare => "expr-compare",
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
            Run { snapshot: "check.json", args: json },
            Run { snapshot: "check.human", args: human },
        ]
    } else {
        let json = [owned(&["validate", &pack, "--format", "json"]), extra.clone()].concat();
        let human = [owned(&["validate", &pack, "--color", "never"]), extra].concat();
        vec![
            Run { snapshot: "validate.json", args: json },
            Run { snapshot: "validate.human", args: human },
        ]
    }
}

/// Runs every command of a case and compares each transcript with its snapshot, kept in
/// the case's folder.
fn run_case(case: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(corpus_dir().join(case));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    for run in runs_of(case) {
        let output = clausier(&run.args);
        check_invariants(case, &run, &output);
        settings.set_description(format!("clausier {}", run.args.join(" ")));
        settings.bind(|| {
            insta::assert_snapshot!(run.snapshot, transcript(&output));
        });
    }
}

/// What holds for every run, whatever the case: the exit status is one the brief allows,
/// and a JSON report is well-formed and accounts for each descriptor once.
fn check_invariants(case: &str, run: &Run, output: &Output) {
    let code = output.status.code().unwrap();
    assert!(
        matches!(code, 0..=2),
        "{case}: `{}` exited with {code}",
        run.snapshot
    );
    if run.snapshot == "check.json" && code != 2 {
        let report: serde_json::Value = serde_json::from_slice(&output.stdout)
            .unwrap_or_else(|error| panic!("{case}: the JSON report does not parse: {error}"));
        let descriptors = report["descriptors"].as_array().unwrap();
        let summary = &report["summary"];
        assert_eq!(
            summary["total"].as_u64().unwrap(),
            descriptors.len() as u64,
            "{case}: the summary's total is not the number of descriptors reported"
        );
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
        assert_eq!(report["date"], DATE, "{case}: the report's date");
    }
}

#[test]
fn every_case_folder_is_listed() {
    let listed: BTreeSet<&str> = CASES.iter().copied().collect();
    assert_eq!(listed.len(), CASES.len(), "a case is listed twice in `cases!`");
    let on_disk = case_folders();
    let on_disk: BTreeSet<&str> = on_disk.iter().map(String::as_str).collect();
    let unlisted: Vec<_> = on_disk.difference(&listed).collect();
    let absent: Vec<_> = listed.difference(&on_disk).collect();
    assert!(unlisted.is_empty(), "case folders missing from `cases!`: {unlisted:?}");
    assert!(absent.is_empty(), "cases listed without a folder: {absent:?}");
}

#[test]
fn every_case_has_a_readme_and_a_snapshot() {
    for case in case_folders() {
        let dir = corpus_dir().join(&case);
        let readme = fs::read_to_string(dir.join("README.md")).unwrap_or_default();
        assert!(
            readme.trim().len() > 20,
            "{CORPUS}/{case} needs a README.md saying what the case shows"
        );
        for run in runs_of(&case) {
            let snapshot = dir.join(format!("{}.snap", run.snapshot));
            assert!(
                snapshot.is_file(),
                "{CORPUS}/{case} has no accepted snapshot {}.snap",
                run.snapshot
            );
        }
    }
}

/// The text of every accepted snapshot of the corpus, with the name of its file.
fn snapshots() -> Vec<(String, String)> {
    let mut found = Vec::new();
    for case in case_folders() {
        for entry in fs::read_dir(corpus_dir().join(&case)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|ext| ext == "snap") {
                let name = format!("{case}/{}", path.file_name().unwrap().to_string_lossy());
                found.push((name, fs::read_to_string(&path).unwrap()));
            }
        }
    }
    found
}

#[test]
fn every_diagnostic_code_appears_in_the_corpus() {
    let snapshots = snapshots();
    let exceptions: BTreeSet<&str> = CODES_WITHOUT_A_CASE.iter().map(|(code, _)| *code).collect();
    let mut uncovered = Vec::new();
    for info in clausier_diagnostics::all_codes() {
        let code = info.code.as_str();
        let covered = snapshots.iter().any(|(_, text)| text.contains(code));
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
