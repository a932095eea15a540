//! Formats by extension, and descriptors for files that cannot be read.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails loudly where its expectation does not hold"
)]

use std::path::Path;

use clausier_data::load::{Format, unreadable};
use clausier_diagnostics::{Code, Severity};

#[test]
fn formats_are_known_by_their_extension() {
    let cases = [
        ("vendors/a.json", Some(Format::Json)),
        ("a.yaml", Some(Format::Yaml)),
        ("a.yml", Some(Format::Yaml)),
        ("a.toml", Some(Format::Toml)),
        ("a.csv", Some(Format::Csv)),
        ("a.tsv", Some(Format::Tsv)),
        ("export.TAB", Some(Format::Tsv)),
        ("a.ndjson", Some(Format::Ndjson)),
        ("a.jsonl", Some(Format::Ndjson)),
        ("A.JSON", Some(Format::Json)),
        ("a.json.bak", None),
        ("a.txt", None),
        ("json", None),
        (".json", None),
    ];
    for (path, expected) in cases {
        assert_eq!(Format::from_path(Path::new(path)), expected, "{path}");
    }
    let names: Vec<&str> = [
        Format::Json,
        Format::Yaml,
        Format::Toml,
        Format::Csv,
        Format::Tsv,
        Format::Ndjson,
    ]
    .into_iter()
    .map(Format::name)
    .collect();
    assert_eq!(names, ["JSON", "YAML", "TOML", "CSV", "TSV", "NDJSON"]);
}

#[test]
fn an_unreadable_file_is_one_invalid_descriptor() {
    let descriptor = unreadable(
        "vendors/vendor-042.json",
        "`vendors/vendor-042.json` is not valid UTF-8".to_owned(),
    );
    assert_eq!(descriptor.id, "vendor-042");
    assert_eq!(descriptor.source, "vendors/vendor-042.json");
    assert!(descriptor.root.is_none());
    assert!(descriptor.is_invalid());
    let [problem] = descriptor.problems.as_slice() else {
        panic!("one problem expected: {:?}", descriptor.problems);
    };
    assert_eq!(problem.code, Code::DESCRIPTOR_UNREADABLE);
    assert_eq!(problem.severity, Severity::Error);
    assert_eq!(
        problem.message.text(clausier_diagnostics::Lang::En),
        "`vendors/vendor-042.json` is not valid UTF-8"
    );
    assert_eq!(problem.path, "");
    assert_eq!(problem.loc, None);
}
