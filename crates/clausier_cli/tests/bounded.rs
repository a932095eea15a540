//! Untrusted packs and descriptors of any size or depth: the binary answers with a
//! located error, never a crash.

#![expect(
    clippy::unwrap_used,
    reason = "a test that cannot write its inputs must fail"
)]

mod support;

use std::path::Path;
use std::process::Output;

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
            assert_eq!(
                stderr.matches("error[E0105]").count(),
                1,
                "{name}: {stderr}"
            );
            assert!(stderr.contains("profond.clause:6:"), "{name}: {stderr}");
            assert!(
                stderr.contains("error[E0203]: unknown name `inconnu`"),
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
        assert_eq!(
            stderr.matches("error[E0105]").count(),
            1,
            "{name}: {stderr}"
        );
        assert_eq!(std::fs::read_to_string(&pack).unwrap(), before, "{name}");
    }
}
