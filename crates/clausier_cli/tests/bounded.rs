//! Untrusted packs and descriptors of any size or depth: the binary answers with a
//! located error, never a crash.

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "a test that cannot write its inputs or run the binary must fail"
)]

mod support;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use support::clausier;

const SCHEMA: &str = "descriptor {\n  x: int\n  b: bool\n}\n";
/// A clause after the deep one, with an error of its own: it must still be checked.
const AFTER: &str = "requirement APRES \"après\" {\n  require inconnu\n}\n";

fn pack_with(dir: &Path, require: &str) -> String {
    let file = dir.join("profond.clause");
    let text =
        format!("{SCHEMA}requirement PROFOND \"profond\" {{\n  require {require}\n}}\n{AFTER}");
    std::fs::write(&file, text).unwrap();
    file.to_str().unwrap().to_owned()
}

fn exit_code(output: &Output) -> Option<i32> {
    output.status.code()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn deep_expressions() -> [(&'static str, String); 3] {
    let depth = 1_000_000;
    [
        (
            "parentheses",
            format!("{}b{}", "(".repeat(depth), ")".repeat(depth)),
        ),
        ("minus", format!("{}x > 0", "- ".repeat(depth))),
        ("not", format!("{}b and b", "not ".repeat(depth))),
    ]
}

#[test]
fn validate_and_check_refuse_a_million_levels_of_nesting_and_check_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let descriptor = dir.path().join("offre.json");
    std::fs::write(&descriptor, r#"{"x": 1, "b": true}"#).unwrap();
    for (name, expression) in deep_expressions() {
        let pack = pack_with(dir.path(), &expression);
        for args in [
            vec!["validate", pack.as_str()],
            vec!["check", pack.as_str(), descriptor.to_str().unwrap()],
        ] {
            let output = clausier(&args);
            let stderr = stderr(&output);
            assert_eq!(exit_code(&output), Some(2), "{name} {args:?}: {stderr}");
            assert_eq!(stderr.matches("[E0105]").count(), 1, "{name}: {stderr}");
            assert!(stderr.contains("profond.clause:6:"), "{name}: {stderr}");
            assert!(
                stderr.contains("[E0203]: nom inconnu `inconnu`"),
                "{name}: the clause after the deep one was not checked: {stderr}"
            );
        }
    }
}

#[test]
fn fmt_leaves_a_million_levels_of_nesting_unchanged_with_an_error() {
    let dir = tempfile::tempdir().unwrap();
    for (name, expression) in deep_expressions() {
        let pack = pack_with(dir.path(), &expression);
        let before = std::fs::read_to_string(&pack).unwrap();
        let output = clausier(&["fmt", pack.as_str()]);
        let stderr = stderr(&output);
        assert_eq!(exit_code(&output), Some(2), "{name}: {stderr}");
        assert_eq!(stderr.matches("[E0105]").count(), 1, "{name}: {stderr}");
        assert_eq!(std::fs::read_to_string(&pack).unwrap(), before, "{name}");
    }
}

/// Runs the binary on `args`; one that has not ended after two minutes (a quadratic path
/// on a large input) is stopped and fails the test.
fn clausier_within_two_minutes(args: &[&str]) -> Output {
    // The messages these tests read are the English ones.
    let mut child = Command::new(env!("CARGO_BIN_EXE_clausier"))
        .args(args)
        .args(["--lang", "en"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("`clausier {}` did not end within two minutes", args[0]);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

fn numbered(count: usize, each: impl Fn(usize) -> String) -> String {
    (0..count).map(each).collect()
}

#[test]
fn two_hundred_thousand_enum_variants_and_list_elements_are_checked() {
    let count = 200_000;
    let dir = tempfile::tempdir().unwrap();
    let variants = numbered(count, |i| format!("V{i}, "));
    let elements = numbered(count, |i| format!("{i}, "));
    let pack = write(
        dir.path(),
        "grand.clause",
        &format!(
            "enum Grand {{ {variants} }}\ndescriptor {{\n  id: string\n  g: Grand\n  x: int\n}}\n\
             requirement G \"g\" {{\n  require g >= V5\n}}\n\
             requirement X \"x\" {{\n  require x in [{elements}]\n}}\n"
        ),
    );
    let last = count - 1;
    let offer = write(
        dir.path(),
        "offre.json",
        &format!(r#"{{"id": "o", "g": "V{last}", "x": {last}}}"#),
    );
    let output = clausier_within_two_minutes(&["check", &pack, &offer]);
    assert_eq!(exit_code(&output), Some(0), "{}", stderr(&output));
}

#[test]
fn a_hundred_thousand_clauses_are_checked() {
    let count = 100_000;
    let dir = tempfile::tempdir().unwrap();
    let clauses = numbered(count, |i| {
        format!("requirement R{i} \"r\" {{\n  require x >= {i}\n}}\n")
    });
    let pack = write(
        dir.path(),
        "nombreuses.clause",
        &format!("{SCHEMA}{clauses}"),
    );
    let offer = write(
        dir.path(),
        "offre.json",
        &format!(r#"{{"x": {count}, "b": true}}"#),
    );
    let output = clausier_within_two_minutes(&["check", &pack, &offer]);
    assert_eq!(exit_code(&output), Some(0), "{}", stderr(&output));
}

#[test]
fn twenty_thousand_pack_tests_run() {
    let count = 20_000;
    let dir = tempfile::tempdir().unwrap();
    let tests = numbered(count, |i| {
        format!("test \"t{i}\" {{\n  given {{ x: {i} }}\n  expect pass POSITIF\n}}\n")
    });
    let pack = write(
        dir.path(),
        "nombreux.clause",
        &format!("{SCHEMA}requirement POSITIF \"p\" {{\n  require x >= 0\n}}\n{tests}"),
    );
    let output = clausier_within_two_minutes(&["test", &pack]);
    assert_eq!(exit_code(&output), Some(0), "{}", stderr(&output));
}

#[test]
fn a_hundred_megabyte_value_is_quoted_short_in_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let pack = write(
        dir.path(),
        "regions.clause",
        "enum Region { EU, OTHER }\ndescriptor {\n  region: Region\n}\n\
         requirement R \"r\" {\n  require region == EU\n}\n",
    );
    let value = "X".repeat(100 << 20);
    let offer = write(
        dir.path(),
        "offre.json",
        &format!(r#"{{"region": "{value}"}}"#),
    );
    drop(value);
    // Past the default size of a descriptor: the buyer raised it for this file.
    let output = clausier(&[
        "check",
        &pack,
        &offer,
        "--max-descriptor-size",
        "200MiB",
        "--lang",
        "en",
    ]);
    assert_eq!(exit_code(&output), Some(1), "{}", stderr(&output));
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(report.len() < 10_000, "a report of {} bytes", report.len());
    assert!(
        report.contains(&format!(
            "unknown `Region` value `{}`… (104857600 characters)",
            "X".repeat(80)
        )),
        "{report}"
    );
}
