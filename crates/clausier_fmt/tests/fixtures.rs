//! The formatter on files: the fixtures under `tests/fmt/` (snapshots of their
//! formatted text), the shipped packs (already canonical) and the conformance packs.

#![expect(
    clippy::panic,
    reason = "a fixture that cannot be read fails the test loudly"
)]

mod common;

use std::path::{Path, PathBuf};

use common::check_format;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn clause_files(folder: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![folder.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = std::fs::read_dir(&folder)
            .unwrap_or_else(|error| panic!("{}: {error}", folder.display()));
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|ext| ext == "clause") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn formatted_fixtures() {
    insta::glob!("../../../tests/fmt", "*.clause", |path| {
        let input = read(path);
        match check_format(&input) {
            Ok(output) => insta::assert_snapshot!(output),
            Err(problem) => panic!("{}: {problem}", path.display()),
        }
    });
}

#[test]
fn the_tree_comparison_ignores_positions_but_not_content() {
    let parse = |text: &str| common::parse_clean(text).unwrap_or_default();
    let (a, b) = (
        parse("param p: int = 1 + 2"),
        parse("param  p :int=\n  1+2\n"),
    );
    assert_ne!(
        clausier_syntax::debug::debug_tree_with_spans(&a),
        clausier_syntax::debug::debug_tree_with_spans(&b)
    );
    assert_eq!(common::tree(&a), common::tree(&b));
    assert_ne!(
        common::tree(&a),
        common::tree(&parse("param p: int = (1 + 2)"))
    );
    assert_ne!(
        common::tree(&a),
        common::tree(&parse("param p: int = 1 + 3"))
    );
}

#[test]
fn an_already_formatted_fixture_is_left_as_it_is() {
    let input = read(&workspace().join("tests/fmt/canonical.clause"));
    assert_eq!(clausier_fmt::format(&input).as_deref(), Ok(input.as_str()));
}

#[test]
fn the_shipped_packs_are_formatted() {
    let files = clause_files(&workspace().join("rules"));
    assert!(!files.is_empty());
    for path in files {
        let input = read(&path);
        let output =
            check_format(&input).unwrap_or_else(|problem| panic!("{}: {problem}", path.display()));
        assert!(
            output == input,
            "{} is not formatted: run `clausier fmt {}`",
            path.display(),
            path.display()
        );
    }
}

#[test]
fn conformance_packs_keep_their_meaning() {
    let files = clause_files(&workspace().join("tests/conformance"));
    assert!(!files.is_empty());
    let mut formatted = 0;
    for path in files {
        // One of them is deliberately not UTF-8.
        let Ok(input) = std::fs::read_to_string(&path) else {
            continue;
        };
        if common::parse_clean(&input).is_err() {
            let error = clausier_fmt::format(&input).unwrap_err();
            assert!(
                matches!(error, clausier_fmt::FormatError::Syntax { .. }),
                "{}: {error}",
                path.display()
            );
            continue;
        }
        check_format(&input).unwrap_or_else(|problem| panic!("{}: {problem}", path.display()));
        formatted += 1;
    }
    assert!(formatted > 10);
}
