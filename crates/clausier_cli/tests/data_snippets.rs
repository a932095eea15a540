//! A descriptor's data problems in the human report of `clausier check` are diagnostics
//! as `validate` prints clause errors: the lines of the vendor's file with a caret under
//! the bad value, `file:line:col` and the help. A record of an NDJSON or CSV file keeps
//! the line numbers of its file, and a vendor's control characters are written out.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test states its expectations"
)]

use std::path::Path;
use std::process::{Command, Stdio};

const PACK: &str = r#"
enum Region { EU, OTHER }

descriptor {
  id: string
  hosting: { region: Region }
  seats: int
}

requirement HEB-01 "Hébergement dans l'Union européenne" {
  require hosting.region == EU
}
"#;

/// The human report of `clausier check pack.clause offers` run in a folder holding
/// `files` under `offers/`, with paths relative to it.
fn human_report(files: &[(&str, &str)]) -> String {
    human_report_of(PACK, files, &[])
}

/// The human report of `clausier check pack.clause offers` with `pack` and `options`.
fn human_report_of(pack: &str, files: &[(&str, &str)], options: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pack.clause"), pack).unwrap();
    std::fs::create_dir(dir.path().join("offers")).unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join("offers").join(name), text).unwrap();
    }
    let output = Command::new(Path::new(env!("CARGO_BIN_EXE_clausier")))
        .args(["check", "pack.clause", "offers", "--date", "2026-11-28"])
        .args(options)
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn a_bad_value_in_json_yaml_and_csv_is_shown_in_the_vendors_file() {
    let report = human_report(&[
        (
            "a.json",
            "{\n  \"id\": \"a\",\n  \"hosting\": { \"region\": \"EUU\" },\n  \"seats\": 12\n}\n",
        ),
        ("b.yaml", "id: b\nhosting:\n  region: EU\nseats: douze\n"),
        (
            "c.csv",
            "id,hosting.region,seats\nc1,EU,3\nc2,MARS,4\nc3,EU,5\n",
        ),
    ]);
    insta::assert_snapshot!(report);
}

#[test]
fn an_ndjson_record_keeps_the_line_numbers_of_its_file() {
    let report = human_report(&[(
        "d.ndjson",
        "{\"id\": \"d1\", \"hosting\": {\"region\": \"EU\"}, \"seats\": 1}\n\n{\"id\": \"d3\", \"hosting\": {\"region\": \"EU\"}, \"seats\": 1.5}\n",
    )]);
    insta::assert_snapshot!(report);
}

#[test]
fn control_characters_of_the_vendor_are_written_out_in_snippets() {
    let report = human_report(&[(
        "e.json",
        "{\"id\": \"e\", \"hosting\": {\"region\": \"E\u{1b}[2K\r\u{7}U\"}, \"seats\": 1}\n",
    )]);
    for raw in ['\u{1b}', '\r', '\u{7}'] {
        assert!(!report.contains(raw), "{report:?}");
    }
    insta::assert_snapshot!(report);
}

const DATED_PACK: &str = r#"
enum Region { EU, OTHER }

descriptor {
  hosting: { region: Region }
  starts: date
  pricing: { per_student: money where >= 0.01 € }
}

requirement HEB-01 "Hébergement dans l'Union européenne" {
  require hosting.region == EU
}
"#;

/// One offer with a value of each kind of mistake: a misspelt key, a key given twice, a
/// date written the French way, an unknown value and a price below its bound.
const MISTAKES: &str = "{\n  \"hosting\": { \"region\": \"Europe\", \"regoin\": \"EU\" },\n  \"starts\": \"30/06/2027\",\n  \"starts\": \"2027-06-30\",\n  \"pricing\": { \"per_student\": -1 }\n}\n";

#[test]
fn a_vendors_mistakes_read_in_french_with_the_words_of_the_explanations() {
    let report = human_report_of(DATED_PACK, &[("v.json", MISTAKES)], &["--lang", "fr"]);
    insta::assert_snapshot!(report);
}

#[test]
fn a_vendors_mistakes_read_in_english_with_lang_en() {
    let report = human_report_of(DATED_PACK, &[("v.json", MISTAKES)], &["--lang", "en"]);
    insta::assert_snapshot!(report);
}

/// Files no format can read, and paths that are no file to read: a CSV row with a cell
/// too many and one with an unclosed quote, a YAML alias to no anchor, JSON missing a
/// comma, TOML missing a value, a byte that is no character, a link to nothing and a
/// FIFO.
fn broken_files_report(lang: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pack.clause"), PACK).unwrap();
    let offers = dir.path().join("offers");
    std::fs::create_dir(&offers).unwrap();
    let files: [(&str, &[u8]); 5] = [
        ("a.csv", b"id,hosting.region,seats\nv1,EU,3,4\nv2,\"EU,3\n"),
        ("b.yaml", b"hosting: *nowhere\nseats: 3\n"),
        (
            "c.json",
            b"{ \"hosting\": { \"region\": \"EU\" } \"seats\": 3 }\n",
        ),
        ("d.toml", b"seats =\n"),
        ("e.csv", b"id,seats\nv\x81,3\n"),
    ];
    for (name, bytes) in files {
        std::fs::write(offers.join(name), bytes).unwrap();
    }
    std::os::unix::fs::symlink(offers.join("gone.json"), offers.join("f.json")).unwrap();
    let status = Command::new("mkfifo")
        .arg(offers.join("g.json"))
        .status()
        .unwrap();
    assert!(status.success());
    let output = Command::new(Path::new(env!("CARGO_BIN_EXE_clausier")))
        .args(["check", "pack.clause", "offers", "--date", "2026-11-28"])
        .args(["--lang", lang])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn files_that_cannot_be_read_are_explained_in_french() {
    insta::assert_snapshot!(broken_files_report("fr"));
}

#[test]
fn files_that_cannot_be_read_are_explained_in_english_with_lang_en() {
    insta::assert_snapshot!(broken_files_report("en"));
}
