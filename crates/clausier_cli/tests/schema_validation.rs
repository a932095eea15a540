//! The JSON Schema of `clausier schema rules/edtech-fr`, checked with an independent
//! validator (Python's jsonschema, Draft 2020-12, formats checked) against the shipped
//! example descriptors: it accepts exactly those `clausier check` can read, and rejects
//! the deliberately invalid one and a hand-made wrong one. The same for the `$`-keyed
//! form of a value (`examples/equivalence-label`): the offers that use it are accepted,
//! and a mistake in the form is rejected where it is.
//!
//! The Python environment comes from `scripts/python-env`; `scripts/test` sets
//! `CLAUSIER_TEST_PYTHON` to its interpreter. Without it these tests fail and say so.

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "the helpers run programs and read their output; a test that cannot must fail loudly"
)]

mod support;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;
use support::{clausier, run, workspace_root};

const PACK: &str = "rules/edtech-fr";
const EXAMPLES: &str = "examples/edtech-fr";
const DATE: &str = "2026-11-28";
const SCRIPT: &str = "crates/clausier_cli/tests/schema_validation.py";

fn python() -> PathBuf {
    support::python("validate the JSON Schema with Python's jsonschema")
}

/// The schema of the shipped pack, written in `folder`.
fn schema_in(folder: &Path) -> PathBuf {
    schema_of(PACK, folder)
}

/// The schema of `pack`, written in `folder`.
fn schema_of(pack: &str, folder: &Path) -> PathBuf {
    let output = clausier(&["schema", pack]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let path = folder.join("descriptor.schema.json");
    fs::write(&path, &output.stdout).unwrap();
    path
}

/// What the validator says of each descriptor of the files, by descriptor id: the JSON
/// paths of its errors (none when it is valid).
fn validate(schema: &Path, files: &[String]) -> BTreeMap<String, Vec<String>> {
    let mut args = vec![SCRIPT.to_owned(), schema.display().to_string()];
    args.extend(files.iter().cloned());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = run(&python(), &args);
    assert!(
        output.status.success(),
        "the validator failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let result: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        result["schema"],
        Value::Array(Vec::new()),
        "the schema is not a valid Draft 2020-12 schema"
    );
    result["descriptors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|descriptor| {
            let paths = descriptor["errors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|error| error["path"].as_str().unwrap().to_owned())
                .collect();
            (descriptor["id"].as_str().unwrap().to_owned(), paths)
        })
        .collect()
}

/// The status `clausier check` gives each descriptor of the files, by id.
fn check_statuses(files: &[String]) -> BTreeMap<String, String> {
    check_statuses_of(PACK, files)
}

fn check_statuses_of(pack: &str, files: &[String]) -> BTreeMap<String, String> {
    let mut args = vec!["check", pack];
    args.extend(files.iter().map(String::as_str));
    args.extend(["--date", DATE, "--format", "json"]);
    let output = clausier(&args);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    report["descriptors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|descriptor| {
            (
                descriptor["id"].as_str().unwrap().to_owned(),
                descriptor["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// The example descriptors the schema describes: every format but CSV, whose cells are
/// text typed by the pack rather than JSON values.
fn example_files() -> Vec<String> {
    let mut files: Vec<String> = fs::read_dir(workspace_root().join(EXAMPLES))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| {
            [".json", ".yaml", ".yml", ".toml", ".ndjson", ".jsonl"]
                .iter()
                .any(|extension| name.ends_with(extension))
        })
        .map(|name| format!("{EXAMPLES}/{name}"))
        .collect();
    files.sort();
    files
}

#[test]
fn the_schema_accepts_exactly_the_examples_clausier_can_read() {
    let folder = tempfile::tempdir().unwrap();
    let schema = schema_in(folder.path());
    let files = example_files();
    let validated = validate(&schema, &files);
    let statuses = check_statuses(&files);
    assert_eq!(
        validated.keys().collect::<Vec<_>>(),
        statuses.keys().collect::<Vec<_>>(),
        "the validator and `clausier check` do not see the same descriptors"
    );
    assert!(validated.len() >= 13, "too few examples: {validated:?}");
    for (id, errors) in &validated {
        let invalid = statuses[id] == "invalid";
        assert_eq!(
            !errors.is_empty(),
            invalid,
            "{id}: `clausier check` says {}, the schema finds {errors:?}",
            statuses[id]
        );
    }
    assert_eq!(
        validated["vendor-horloge-comtoise"],
        ["$.security.iso27001_expires"],
        "the deliberately invalid example is rejected for its date"
    );
}

#[test]
fn the_schema_rejects_a_wrong_descriptor_where_it_is_wrong() {
    let folder = tempfile::tempdir().unwrap();
    let schema = schema_in(folder.path());
    let wrong = folder.path().join("wrong.json");
    fs::write(
        &wrong,
        r#"{
  "id": "wrong",
  "hosting": { "region": "MARS", "secnumcloud": "yes" },
  "subprocessors": [ { "name": "Support", "region": "EU" }, null ],
  "a11y": { "rgaa_rate": "beaucoup", "audit_date": "2026-02-30" },
  "pricing": { "per_student": "4,50 €" },
  "exit": { "notice": "deux mois", "export_formats": "CSV" },
  "gar": { "contract_year": 2020.5 }
}"#,
    )
    .unwrap();
    let files = [wrong.display().to_string()];
    let validated = validate(&schema, &files);
    assert_eq!(
        validated["wrong"],
        [
            "$.a11y.audit_date",
            "$.a11y.rgaa_rate",
            "$.exit.export_formats",
            "$.exit.notice",
            "$.gar.contract_year",
            "$.hosting.region",
            "$.hosting.secnumcloud",
            "$.pricing.per_student",
            "$.subprocessors[1]",
        ]
    );
    assert_eq!(check_statuses(&files)["wrong"], "invalid");
}

#[test]
fn the_schema_accepts_every_form_clausier_reads() {
    let folder = tempfile::tempdir().unwrap();
    let schema = schema_in(folder.path());
    let forms = folder.path().join("forms.json");
    fs::write(
        &forms,
        r#"{
  "id": "forms",
  "hosting": { "region": null, "provider": "Hébergeur", "undeclared": [1, 2] },
  "a11y": { "rgaa_rate": " 87.5 % ", "audit_date": "2026-02-28" },
  "pricing": { "per_student": "4.50 EUR" },
  "exit": {
    "notice": "1 an et 6 mois",
    "transition": "P30D",
    "retrieval": "2 weeks, 3 days",
    "switching_fee": 0,
    "export_formats": ["CSV", "xAPI"]
  },
  "gar": { "contract_year": 2020 },
  "env": { "rgesn_priority_met": 24 },
  "ai": { "uses": [] },
  "extra": "ignored"
}"#,
    )
    .unwrap();
    let files = [forms.display().to_string()];
    assert_eq!(validate(&schema, &files)["forms"], Vec::<String>::new());
    assert_ne!(check_statuses(&files)["forms"], "invalid");
}

const EQUIVALENCE_PACK: &str = "examples/equivalence-label/pack";
const EQUIVALENCE_OFFERS: &str = "examples/equivalence-label/offres";

#[test]
fn the_schema_accepts_the_dollar_form_of_the_equivalence_example() {
    let folder = tempfile::tempdir().unwrap();
    let schema = schema_of(EQUIVALENCE_PACK, folder.path());
    let files: Vec<String> = ["certifiee", "equivalente", "expiree", "sans-label"]
        .iter()
        .map(|name| format!("{EQUIVALENCE_OFFERS}/{name}.json"))
        .collect();
    let validated = validate(&schema, &files);
    assert_eq!(validated.len(), 4, "{validated:?}");
    for (id, errors) in &validated {
        assert_eq!(errors, &Vec::<String>::new(), "{id}");
    }
}

#[test]
fn the_schema_rejects_a_mistake_in_the_dollar_form_where_it_is() {
    let folder = tempfile::tempdir().unwrap();
    let schema = schema_of(EQUIVALENCE_PACK, folder.path());
    let mistakes = [
        (
            "unknown-key",
            r#"{"certifications": {"secnumcloud": {"$value": true, "$expires": "2027-01-01"}}}"#,
        ),
        (
            "no-value",
            r#"{"certifications": {"secnumcloud": {"$source": "document"}}}"#,
        ),
        (
            "claim-lacks-document",
            r#"{"certifications": {"secnumcloud": {"$value": false, "$equivalent": {"label": "C5", "issuer": "BSI"}}}}"#,
        ),
        (
            "value-of-the-wrong-type",
            r#"{"certifications": {"secnumcloud": {"$value": "oui", "$source": {"kind": "audit"}}}}"#,
        ),
        (
            "bad-kind-and-date",
            r#"{"certifications": {"$value": {"secnumcloud": true}, "$source": "rumour", "$valid_until": "31/12/2026"}}"#,
        ),
    ];
    let files: Vec<String> = mistakes
        .iter()
        .map(|(id, text)| {
            let path = folder.path().join(format!("{id}.json"));
            fs::write(&path, text).unwrap();
            path.display().to_string()
        })
        .collect();
    let validated = validate(&schema, &files);
    let at = |id: &str| validated[id].clone();
    assert_eq!(at("unknown-key"), ["$.certifications.secnumcloud"]);
    assert_eq!(at("no-value"), ["$.certifications.secnumcloud"]);
    assert_eq!(
        at("claim-lacks-document"),
        ["$.certifications.secnumcloud['$equivalent']"]
    );
    assert_eq!(
        at("value-of-the-wrong-type"),
        ["$.certifications.secnumcloud['$value']"]
    );
    assert_eq!(
        at("bad-kind-and-date"),
        [
            "$.certifications['$source']",
            "$.certifications['$valid_until']"
        ]
    );
    // `clausier check` refuses each of them too.
    let statuses = check_statuses_of(EQUIVALENCE_PACK, &files);
    assert!(
        statuses.values().all(|status| status == "invalid"),
        "{statuses:?}"
    );
}
