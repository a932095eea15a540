//! End-to-end tests of packs that depend on packs, on the fixtures under `tests/packs/`
//! at the workspace root: composition (`use`, `set`, `[params]`), what the reports say of
//! each clause's pack, `clausier lock`, and every error of the dependency graph.

#![expect(
    clippy::unwrap_used,
    reason = "the helpers run the binary; a test that cannot must fail loudly"
)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const REGION: &str = "tests/packs/composed/region";
const OFFERS: &str = "tests/packs/composed/offers";
const DATE: &str = "2026-11-28";

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// Runs `clausier` in `dir`, so that paths in the output are the short relative ones a
/// user would type there.
fn clausier_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clausier"))
        .args(args)
        .arg("--color=never")
        .current_dir(dir)
        .env("COLUMNS", "100")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn clausier(args: &[&str]) -> Output {
    clausier_in(&workspace_root(), args)
}

fn exit_code(output: &Output) -> i32 {
    output.status.code().unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The exit status, standard output and standard error, as one text to snapshot.
fn transcript(output: &Output) -> String {
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        exit_code(output),
        String::from_utf8_lossy(&output.stdout),
        stderr(output)
    )
}

/// A copy of the `composed` fixture (the region, its two dependencies and the offers) in
/// a folder of its own, without its lock, to lock and edit.
fn composed_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&workspace_root().join("tests/packs/composed"), dir.path());
    fs::remove_file(dir.path().join("region/pack.lock")).unwrap();
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn replace_in(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "`{from}` is not in {}", path.display());
    fs::write(path, text.replace(from, to)).unwrap();
}

fn check_json(dir: &Path, pack: &str, offers: &str) -> Value {
    let output = clausier_in(
        dir,
        &["check", pack, offers, "--date", DATE, "--format", "json"],
    );
    assert!(exit_code(&output) <= 1, "{}", transcript(&output));
    serde_json::from_slice(&output.stdout).unwrap()
}

// composition

#[test]
fn validate_a_pack_built_on_two_packs() {
    let output = clausier(&["validate", REGION]);
    assert_eq!(exit_code(&output), 0);
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn check_names_the_pack_of_every_clause_and_the_parameters_in_effect() {
    let output = clausier(&["check", REGION, OFFERS, "--date", DATE, "--explain"]);
    assert_eq!(exit_code(&output), 1);
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn check_json_gives_each_result_its_pack_and_version() {
    let output = clausier(&["check", REGION, OFFERS, "--date", DATE, "--format", "json"]);
    assert_eq!(exit_code(&output), 1);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let versions = [
        ("region", "0.3.0"),
        ("base", "1.2.0"),
        ("sovereignty", "2.1.0"),
    ];
    let alpha = &report["descriptors"][0];
    let results: Vec<(&str, &str, &str)> = alpha["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let pack = r["pack"].as_str().unwrap();
            let version = r["version"].as_str().unwrap();
            assert!(versions.contains(&(pack, version)), "{r}");
            (
                r["clause"].as_str().unwrap(),
                pack,
                r["level"].as_str().unwrap_or("-"),
            )
        })
        .collect();
    // The selection, in the order of the `use` lines, with the levels they give, then the
    // region's own clauses.
    assert_eq!(
        results,
        [
            ("HEB-01", "base", "must"),
            ("PRX-01", "base", "must"),
            ("ACC-01", "base", "must"),
            ("SOUV-02", "sovereignty", "should"),
            ("REG-01", "region", "must"),
            ("PRIX", "base", "-"),
            ("ENV", "region", "-"),
        ]
    );
    insta::assert_json_snapshot!(report["params"], @r#"
    [
      {
        "name": "max_price",
        "pack": "base",
        "value": "6.50 €",
        "default": "8.00 €",
        "set_in": "tests/packs/composed/region/pack.toml:13:1"
      },
      {
        "name": "min_rgaa",
        "pack": "base",
        "value": "75%",
        "default": "75%",
        "set_in": null
      },
      {
        "name": "min_eu_share",
        "pack": "sovereignty",
        "value": "80%",
        "default": "50%",
        "set_in": "tests/packs/composed/region/region.clause:7:18"
      }
    ]
    "#);
    insta::assert_snapshot!("check_json_of_the_composed_pack", transcript(&output));
}

#[test]
fn a_dependency_checked_alone_keeps_its_own_levels_and_thresholds() {
    let output = clausier(&[
        "check",
        "tests/packs/composed/base",
        "tests/packs/composed/offers/bravo.json",
        "--date",
        DATE,
        "--format",
        "json",
    ]);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["params"][0]["value"], "8.00 €");
    assert_eq!(report["params"][0]["set_in"], Value::Null);
    let acc = &report["descriptors"][0]["results"][2];
    assert_eq!(
        (acc["clause"].as_str(), acc["level"].as_str()),
        (Some("ACC-01"), Some("should"))
    );
}

#[test]
fn changing_a_threshold_in_the_depending_pack_changes_one_outcome_and_nothing_else() {
    let dir = composed_copy();
    let before = check_json(dir.path(), "region", "offers");
    replace_in(
        &dir.path().join("region/pack.toml"),
        "max_price = \"6.50 €\"",
        "max_price = \"6.00 €\"",
    );
    let after = check_json(dir.path(), "region", "offers");

    let mut changed = Vec::new();
    differences("", &before, &after, &mut changed);
    let bravo = "/descriptors/1";
    let outside: Vec<&String> = changed
        .iter()
        .filter(|path| !path.starts_with(&format!("{bravo}/")))
        .collect();
    // The region's own files changed, so its hash did; the threshold is the new one; one
    // descriptor moved from eligible to ineligible, and the summary counts it.
    assert_eq!(
        outside,
        [
            "/pack/hash",
            "/params/0/value",
            "/summary/eligible",
            "/summary/ineligible"
        ],
        "{changed:#?}"
    );
    let (was, is) = (&before["descriptors"][1], &after["descriptors"][1]);
    assert_eq!(
        (was["id"].as_str(), was["status"].as_str()),
        (Some("bravo"), Some("eligible"))
    );
    assert_eq!(is["status"], "ineligible");
    // Among the requirements, only the price ceiling changed its result.
    let requirement_changes: Vec<&str> = was["results"]
        .as_array()
        .unwrap()
        .iter()
        .zip(is["results"].as_array().unwrap())
        .filter(|(a, b)| a["kind"] == "requirement" && a["status"] != b["status"])
        .map(|(a, _)| a["clause"].as_str().unwrap())
        .collect();
    assert_eq!(requirement_changes, ["PRX-01"]);
}

/// The JSON pointers of every leaf that differs between two values.
fn differences(at: &str, a: &Value, b: &Value, out: &mut Vec<String>) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (key, value) in x {
                differences(
                    &format!("{at}/{key}"),
                    value,
                    y.get(key).unwrap_or(&Value::Null),
                    out,
                );
            }
            for key in y.keys().filter(|key| !x.contains_key(*key)) {
                out.push(format!("{at}/{key}"));
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (left, right)) in x.iter().zip(y).enumerate() {
                differences(&format!("{at}/{i}"), left, right, out);
            }
        }
        _ if a != b => out.push(at.to_owned()),
        _ => {}
    }
}

// pack.lock

#[test]
fn the_committed_lock_of_the_fixture_is_up_to_date() {
    let output = clausier(&["lock", REGION, "--frozen"]);
    assert_eq!(exit_code(&output), 0, "{}", transcript(&output));
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn lock_records_every_pack_with_the_hash_of_each_file() {
    let dir = composed_copy();
    let output = clausier_in(dir.path(), &["lock", "region"]);
    assert_eq!(exit_code(&output), 0, "{}", transcript(&output));
    let lock = fs::read_to_string(dir.path().join("region/pack.lock")).unwrap();
    insta::assert_snapshot!(format!(
        "{}--- region/pack.lock\n{lock}",
        transcript(&output)
    ));
    // Written from the same files, the lock is the committed one.
    let committed = fs::read_to_string(workspace_root().join(REGION).join("pack.lock")).unwrap();
    assert_eq!(lock, committed.replace("\r\n", "\n"));
    let again = clausier_in(dir.path(), &["lock", "region"]);
    assert!(
        stderr(&again).starts_with("à jour : `region/pack.lock`"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn tampering_with_a_locked_dependency_stops_every_command_until_it_is_locked_again() {
    let dir = composed_copy();
    assert_eq!(exit_code(&clausier_in(dir.path(), &["lock", "region"])), 0);
    replace_in(
        &dir.path().join("base/clauses.clause"),
        "param max_price: money = 8.00 €",
        "param max_price: money = 80.00 €",
    );

    let check = clausier_in(dir.path(), &["check", "region", "offers", "--date", DATE]);
    assert_eq!(exit_code(&check), 2);
    assert!(check.stdout.is_empty());
    assert!(
        stderr(&check).contains("`base/clauses.clause` a été modifié"),
        "{}",
        stderr(&check)
    );
    insta::assert_snapshot!("tampered_check", transcript(&check));

    let validate = clausier_in(dir.path(), &["validate", "region"]);
    assert_eq!(exit_code(&validate), 2);
    assert_eq!(stderr(&validate), stderr(&check));

    let frozen = clausier_in(dir.path(), &["lock", "region", "--frozen"]);
    assert_eq!(exit_code(&frozen), 2);
    insta::assert_snapshot!("tampered_lock_frozen", transcript(&frozen));

    let relock = clausier_in(dir.path(), &["lock", "region"]);
    assert_eq!(exit_code(&relock), 0);
    let check = clausier_in(dir.path(), &["check", "region", "offers", "--date", DATE]);
    assert_eq!(exit_code(&check), 1, "{}", transcript(&check));
}

#[test]
fn a_new_dependency_is_refused_until_it_is_locked() {
    let dir = composed_copy();
    replace_in(
        &dir.path().join("region/pack.toml"),
        "sovereignty = { path = \"../sovereignty\", version = \"^2.0\" }\n",
        "",
    );
    replace_in(
        &dir.path().join("region/region.clause"),
        "use sovereignty::{SOUV-02 as should}",
        "",
    );
    replace_in(
        &dir.path().join("region/region.clause"),
        "set sovereignty::min_eu_share = 80%",
        "",
    );
    assert_eq!(exit_code(&clausier_in(dir.path(), &["lock", "region"])), 0);
    replace_in(
        &dir.path().join("region/pack.toml"),
        "[params.base]",
        "sovereignty = { path = \"../sovereignty\", version = \"^2.0\" }\n\n[params.base]",
    );
    let output = clausier_in(dir.path(), &["validate", "region"]);
    assert_eq!(exit_code(&output), 2);
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn frozen_without_a_lock_fails() {
    let dir = composed_copy();
    let output = clausier_in(dir.path(), &["lock", "region", "--frozen"]);
    assert_eq!(exit_code(&output), 2);
    assert!(!dir.path().join("region/pack.lock").exists());
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn a_single_clause_file_has_no_lock() {
    let output = clausier(&["lock", "tests/packs/composed/base/schema.clause"]);
    assert_eq!(exit_code(&output), 2);
    insta::assert_snapshot!(transcript(&output));
}

// errors of the graph and of composition

fn validate_error(fixture: &str) -> String {
    let output = clausier(&["validate", &format!("tests/packs/errors/{fixture}")]);
    assert_eq!(exit_code(&output), 2, "{}", transcript(&output));
    transcript(&output)
}

#[test]
fn a_cycle_names_the_packs_in_order() {
    insta::assert_snapshot!(validate_error("cycle/a"));
}

/// The errors of a pack's graph and lock speak the reader's language: a drafter who
/// edits `pack.toml` reads them in French.
#[test]
fn errors_of_the_graph_are_in_french_with_lang_fr() {
    let french = |fixture: &str| {
        let output = clausier(&[
            "validate",
            &format!("tests/packs/errors/{fixture}"),
            "--lang",
            "fr",
        ]);
        assert_eq!(exit_code(&output), 2, "{}", transcript(&output));
        transcript(&output)
    };
    insta::assert_snapshot!("cycle_in_french", french("cycle/a"));
    insta::assert_snapshot!(
        "version_mismatch_in_french",
        french("version-mismatch/region")
    );
    insta::assert_snapshot!("two_versions_in_french", french("two-versions/region"));
}

#[test]
fn a_tampered_lock_is_explained_in_french_with_lang_fr() {
    let dir = composed_copy();
    assert_eq!(exit_code(&clausier_in(dir.path(), &["lock", "region"])), 0);
    replace_in(
        &dir.path().join("base/clauses.clause"),
        "param max_price: money = 8.00 €",
        "param max_price: money = 80.00 €",
    );
    let frozen = clausier_in(dir.path(), &["lock", "region", "--frozen", "--lang", "fr"]);
    assert_eq!(exit_code(&frozen), 2);
    insta::assert_snapshot!("tampered_lock_frozen_in_french", transcript(&frozen));
}

#[test]
fn a_version_that_does_not_match_the_requirement_is_refused() {
    insta::assert_snapshot!(validate_error("version-mismatch/region"));
}

#[test]
fn two_versions_of_one_pack_are_refused() {
    insta::assert_snapshot!(validate_error("two-versions/region"));
}

#[test]
fn a_dependency_outside_the_workspace_is_refused() {
    insta::assert_snapshot!(validate_error("outside-workspace/region"));
}

#[test]
fn a_dependency_that_is_not_found_is_located_in_the_manifest() {
    insta::assert_snapshot!(validate_error("missing-dependency/region"));
}

#[test]
fn unknown_dependencies_clauses_and_parameters_have_suggestions() {
    insta::assert_snapshot!(validate_error("unknown-names/region"));
}

#[test]
fn conflicting_declarations_across_packs_name_both_packs() {
    insta::assert_snapshot!(validate_error("conflicting-types/region"));
}

#[test]
fn overrides_are_type_checked_where_they_are_written() {
    insta::assert_snapshot!(validate_error("override-types/region"));
}

#[test]
fn errors_of_composition_are_in_the_json_diagnostics_too() {
    let output = clausier(&[
        "validate",
        "tests/packs/errors/override-types/region",
        "--format",
        "json",
    ]);
    assert_eq!(exit_code(&output), 2);
    let diagnostics: Value = serde_json::from_slice(&output.stdout).unwrap();
    // The errors, without the lints on what the pack holds.
    let located: Vec<(String, u64, u64)> = diagnostics
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            (
                format!(
                    "{} {}",
                    d["code"].as_str().unwrap(),
                    d["file"].as_str().unwrap()
                ),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        located,
        [
            (
                "E0309 tests/packs/errors/override-types/region/region.clause".to_owned(),
                4,
                22
            ),
            (
                "E0206 tests/packs/errors/override-types/region/pack.toml".to_owned(),
                9,
                1
            ),
            (
                "E0309 tests/packs/errors/override-types/region/pack.toml".to_owned(),
                9,
                13
            ),
            (
                "E0101 tests/packs/errors/override-types/region/pack.toml".to_owned(),
                10,
                16
            ),
        ]
    );
}

#[test]
fn a_graph_error_stops_check_with_exit_code_2() {
    let output = clausier(&[
        "check",
        "tests/packs/errors/cycle/a",
        OFFERS,
        "--date",
        DATE,
    ]);
    assert_eq!(exit_code(&output), 2);
    assert!(output.stdout.is_empty());
    assert!(stderr(&output).contains("E0802"), "{}", stderr(&output));
}

#[test]
fn help_lock() {
    let output = clausier(&["lock", "--help"]);
    assert_eq!(exit_code(&output), 0);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("Examples:"));
    insta::assert_snapshot!(stdout);
}

/// The shipped region, in a copy of `rules/` and `examples/region-exemple`, with one of its
/// thresholds changed: exactly the test written for that threshold fails, and the offers'
/// outcomes stay as they were.
#[test]
fn changing_a_threshold_of_the_shipped_region_fails_exactly_its_test() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&workspace_root().join("rules"), &dir.path().join("rules"));
    copy_dir(
        &workspace_root().join("examples/region-exemple"),
        &dir.path().join("examples/region-exemple"),
    );
    let _ = fs::remove_file(dir.path().join("rules/region-exemple/pack.lock"));
    let test = |dir: &Path| clausier_in(dir, &["test", "rules/region-exemple", "--date", DATE]);

    let before = test(dir.path());
    assert_eq!(exit_code(&before), 0, "{}", transcript(&before));
    let offers_before = check_json(
        dir.path(),
        "rules/region-exemple",
        "examples/region-exemple",
    );

    replace_in(
        &dir.path().join("rules/region-exemple/consultation.clause"),
        "set edtech-fr::max_price = 5.50 €",
        "set edtech-fr::max_price = 6.00 €",
    );
    let after = test(dir.path());
    assert_eq!(exit_code(&after), 1, "{}", transcript(&after));
    let stdout = String::from_utf8_lossy(&after.stdout);
    let failed: Vec<&str> = stdout
        .lines()
        .filter_map(|line| line.strip_prefix("ÉCHEC"))
        .map(str::trim)
        .collect();
    assert_eq!(
        failed,
        ["un prix de 5,80 € respecte le socle national mais dépasse le plafond de la région"]
    );

    let offers_after = check_json(
        dir.path(),
        "rules/region-exemple",
        "examples/region-exemple",
    );
    let statuses = |report: &Value| -> Vec<(String, String)> {
        report["descriptors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| (d["id"].to_string(), d["status"].to_string()))
            .collect()
    };
    assert_eq!(statuses(&offers_before), statuses(&offers_after));
}

/// The launch date in `[document]` decides which law applies: an environmental execution
/// condition is required of procedures launched from 2026-08-22 (`W0513`), not before.
#[test]
fn the_launch_date_of_the_document_decides_whether_an_environmental_condition_is_required() {
    let folder = tempfile::tempdir().unwrap();
    let pack = folder.path().join("appel");
    std::fs::create_dir(&pack).unwrap();
    let manifest = |launch: &str| {
        format!("[pack]\nname = \"appel\"\nversion = \"1.0.0\"\n\n[document]\nlaunch = {launch}\n")
    };
    std::fs::write(
        pack.join("appel.clause"),
        "descriptor { id: string, hosted_in_eu: bool, env: { rgesn: int } }\n\
         requirement HEB \"Hébergement\" {\n  text \"Les données sont hébergées dans l'UE.\"\n  require hosted_in_eu\n}\n\
         criterion ENV \"Écoconception\" weight 100 {\n  text \"Critères du RGESN respectés.\"\n  score env.rgesn / 30\n}\n",
    )
    .unwrap();

    std::fs::write(pack.join("pack.toml"), manifest("2026-05-04")).unwrap();
    let before = clausier_in(folder.path(), &["validate", "appel"]);
    assert_eq!(exit_code(&before), 0, "{}", transcript(&before));
    assert!(
        !stderr(&before).contains("W0513"),
        "{}",
        transcript(&before)
    );

    std::fs::write(pack.join("pack.toml"), manifest("2026-09-01")).unwrap();
    let after = clausier_in(folder.path(), &["validate", "appel"]);
    assert!(
        stderr(&after).contains(
            "avertissement[W0513]: aucune condition d'exécution ne prend en compte l'environnement"
        ),
        "{}",
        transcript(&after)
    );
}
