//! The `publiccode.yml` files of the shipped catalogue (`examples/catalogue`), checked by
//! an independent reader: PyYAML and Python's jsonschema against a JSON Schema of
//! publiccode.yml 0.4 written from the standard's text
//! (`tests/validators/publiccode-0.4.schema.json`). The same schema rejects a file that
//! leaves out a mandatory key, so that the shipped files passing it says something.
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
use std::path::Path;

use serde_json::Value;
use support::{run, workspace_root};

const SCHEMA: &str = "tests/validators/publiccode-0.4.schema.json";
const SCRIPT: &str = "crates/clausier_cli/tests/publiccode_validation.py";
const CATALOGUE: &str = "examples/catalogue";

/// What the validator says of each file: the path and message of each error.
fn validate(files: &[String]) -> BTreeMap<String, Vec<(String, String)>> {
    let python = support::python("validate publiccode.yml files with Python's jsonschema");
    let mut args = vec![SCRIPT.to_owned(), SCHEMA.to_owned()];
    args.extend(files.iter().cloned());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = run(&python, &args);
    assert!(
        output.status.success(),
        "the validator failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let result: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        result["schema"],
        Value::Array(Vec::new()),
        "the publiccode.yml schema is not a valid Draft 2020-12 schema"
    );
    result["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|file| {
            let errors = file["errors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|error| {
                    let text = |key: &str| error[key].as_str().unwrap().to_owned();
                    (text("path"), text("message"))
                })
                .collect();
            (file["file"].as_str().unwrap().to_owned(), errors)
        })
        .collect()
}

/// Every `publiccode.yml` of the catalogue, relative to the workspace root.
fn shipped_publiccode_files() -> Vec<String> {
    let mut files: Vec<String> = fs::read_dir(workspace_root().join(CATALOGUE))
        .unwrap()
        .map(|entry| entry.unwrap().path().join("publiccode.yml"))
        .filter(|path| path.is_file())
        .map(|path| {
            let name = path.parent().unwrap().file_name().unwrap();
            format!("{CATALOGUE}/{}/publiccode.yml", name.to_str().unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_shipped_publiccode_yml_is_valid_for_the_independent_reader() {
    let files = shipped_publiccode_files();
    assert!(
        files.len() >= 4,
        "the catalogue ships its publiccode.yml files: {files:?}"
    );
    for (file, errors) in validate(&files) {
        assert!(
            errors.is_empty(),
            "{file} is not a valid publiccode.yml 0.4: {errors:?}"
        );
    }
}

#[test]
fn a_file_without_a_mandatory_key_is_rejected_where_it_lacks_it() {
    let original = fs::read_to_string(
        workspace_root()
            .join(CATALOGUE)
            .join("ent-horizon/publiccode.yml"),
    )
    .unwrap();
    // Without `legal` (and so its licence), and with a maintenance contract that names
    // no contractor.
    let without_legal: String = original
        .split_inclusive('\n')
        .filter(|line| {
            !line.starts_with("legal:")
                && !line.starts_with("  license:")
                && !line.starts_with("  mainCopyrightOwner:")
                && !line.starts_with("  repoOwner:")
        })
        .collect();
    let contractors = without_legal.find("  contractors:").unwrap();
    let localisation = without_legal.find("localisation:").unwrap();
    let broken = format!(
        "{}{}",
        &without_legal[..contractors],
        &without_legal[localisation..]
    );
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("publiccode.yml");
    fs::write(&path, broken).unwrap();
    let file = path.display().to_string();
    let errors = validate(std::slice::from_ref(&file)).remove(&file).unwrap();
    assert_eq!(
        errors,
        vec![
            (String::new(), "'legal' is a required property".to_owned()),
            (
                "maintenance".to_owned(),
                "'contractors' is a required property".to_owned()
            ),
        ],
        "{}",
        Path::new(&file).display()
    );
}
