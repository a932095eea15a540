//! What the end-to-end suites that run the binary and an independent checker share: the
//! workspace root, the checkers' paths that `scripts/test` exports, and running programs
//! from the workspace root.

#![allow(
    dead_code,
    reason = "each test crate includes this module and uses the part it needs"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// The path in the environment variable `name`, which `scripts/test` sets by running
/// `script`; without it the test fails and says how to set it. `purpose` ends the
/// sentence "… is not set: these tests …".
pub fn checker(name: &str, script: &str, purpose: &str) -> PathBuf {
    match std::env::var_os(name) {
        Some(path) if !path.is_empty() => PathBuf::from(path),
        _ => panic!(
            "{name} is not set: these tests {purpose}. Run `scripts/test`, or first \
             `export {name}=\"$({script})\"`"
        ),
    }
}

/// The Python of `scripts/python-env`, with the pinned packages of tests/requirements.txt.
pub fn python(purpose: &str) -> PathBuf {
    checker("CLAUSIER_TEST_PYTHON", "scripts/python-env", purpose)
}

/// Runs `program` from the workspace root with nothing on its standard input.
pub fn run(program: &Path, args: &[&str]) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(workspace_root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap_or_else(|error| panic!("cannot run `{}`: {error}", program.display()))
}

/// Runs the `clausier` binary of this build.
pub fn clausier(args: &[&str]) -> Output {
    run(Path::new(env!("CARGO_BIN_EXE_clausier")), args)
}

/// `clausier check PACK INPUTS… --date DATE` written as `format` to `file_name` in a new
/// temporary folder (with `--output`), and the JSON report of the same run, read. The
/// examples the suites use hold ineligible offers: the run must exit with 1.
pub struct WrittenReport {
    pub dir: tempfile::TempDir,
    pub file: PathBuf,
    pub json: serde_json::Value,
}

pub fn written_report(
    pack: &str,
    inputs: &[&str],
    date: &str,
    format: &str,
    file_name: &str,
) -> WrittenReport {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(file_name);
    let mut args = vec!["check", pack];
    args.extend(inputs);
    args.extend(["--date", date]);
    let written_args = [
        &args[..],
        &["--format", format, "--output", file.to_str().unwrap()],
    ]
    .concat();
    let written = clausier(&written_args);
    assert_eq!(
        written.status.code(),
        Some(1),
        "the examples hold ineligible offers: {}",
        String::from_utf8_lossy(&written.stderr)
    );
    let json = clausier(&[&args[..], &["--format", "json"]].concat());
    WrittenReport {
        dir,
        file,
        json: serde_json::from_slice(&json.stdout).unwrap(),
    }
}

/// The cells of a Markdown table row, split on the `|` that are not escaped, trimmed.
pub fn markdown_cells(line: &str) -> Vec<String> {
    let inner = line
        .trim()
        .strip_prefix('|')
        .and_then(|line| line.strip_suffix('|'))
        .unwrap_or_else(|| panic!("not a table row: {line}"));
    let mut cells = vec![String::new()];
    let mut escaped = false;
    for character in inner.chars() {
        if character == '|' && !escaped {
            cells.push(String::new());
        } else if let Some(cell) = cells.last_mut() {
            cell.push(character);
        }
        escaped = character == '\\' && !escaped;
    }
    cells.iter().map(|cell| cell.trim().to_owned()).collect()
}

/// The fields of a JSON offer as `(path, text)` pairs, in the order of the file, each
/// text as a vendor types it in a spreadsheet cell: nested records flattened into dotted
/// paths, booleans `oui` or `non`, lists `;`-separated (`[]` when empty), numbers and
/// texts as they are. A non-empty list of records has no cell: it panics.
pub fn offer_cells(offer: &serde_json::Value) -> Vec<(String, String)> {
    fn walk(value: &serde_json::Value, prefix: &str, cells: &mut Vec<(String, String)>) {
        match value {
            serde_json::Value::Object(fields) => {
                for (name, field) in fields {
                    let path = match prefix.is_empty() {
                        true => name.clone(),
                        false => format!("{prefix}.{name}"),
                    };
                    walk(field, &path, cells);
                }
            }
            other => cells.push((prefix.to_owned(), cell_text(other))),
        }
    }
    let mut cells = Vec::new();
    walk(offer, "", &mut cells);
    cells
}

/// A JSON value as a vendor types it in a cell (see [`offer_cells`]).
pub fn cell_text(value: &serde_json::Value) -> String {
    use serde_json::Value;
    match value {
        Value::Bool(true) => "oui".to_owned(),
        Value::Bool(false) => "non".to_owned(),
        Value::Array(items) if items.is_empty() => "[]".to_owned(),
        Value::Array(items) => items
            .iter()
            .map(|item| {
                assert!(!item.is_object(), "a list of records has no cell");
                cell_text(item)
            })
            .collect::<Vec<_>>()
            .join(";"),
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// An example offer of the workspace, read as JSON.
pub fn example_offer(path: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(workspace_root().join(path)).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The entries of a JSON report without what says where values were written (the file,
/// lines and columns), which differ from one format to another.
pub fn entries_without_places(report: &serde_json::Value) -> serde_json::Value {
    fn strip(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(map) => {
                for key in ["source", "line", "column"] {
                    map.remove(key);
                }
                map.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut entries = report["descriptors"].clone();
    strip(&mut entries);
    entries
}

/// `clausier diagnose PACK INVENTORY … --format html` (with `extra` arguments) written
/// to a temporary file, then opened in headless Chromium by
/// `tests/validators/diagnose-check.mjs`: what it saw, as JSON. The page as shown is kept
/// in `target/SCREENSHOT` to be looked at.
pub fn browse_dashboard(
    pack: &str,
    inventory: &str,
    extra: &[&str],
    screenshot: &str,
) -> serde_json::Value {
    let validators = checker(
        "CLAUSIER_TEST_NODE_VALIDATORS",
        "scripts/node-validators",
        "open the diagnosis dashboard in headless Chromium, with the npm packages of tests/validators",
    );
    let chromium = checker(
        "CLAUSIER_TEST_CHROMIUM",
        "scripts/chromium",
        "open the diagnosis dashboard in headless Chromium",
    );
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("diagnostic.html");
    let mut args = vec![
        "diagnose",
        pack,
        inventory,
        "--format",
        "html",
        "--output",
        page.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let output = clausier(&args);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let screenshot = workspace_root().join("target").join(screenshot);
    let output = run(
        Path::new("node"),
        &[
            validators.join("diagnose-check.mjs").to_str().unwrap(),
            page.to_str().unwrap(),
            chromium.to_str().unwrap(),
            screenshot.to_str().unwrap(),
        ],
    );
    assert!(
        output.status.success(),
        "the browser check could not run:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}
