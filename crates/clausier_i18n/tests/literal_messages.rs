//! The conversion of diagnostics to the catalogue, file by file: the files that still
//! build a diagnostic's words from a string in code (a `Message::Literal`, the same
//! English in every language) are listed here, and the list can only shrink. A file that
//! starts building literal words fails, and so does a listed file that no longer does
//! (strike it off).

#![expect(clippy::panic, reason = "a test reports what is wrong by failing")]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Files of library and command code whose diagnostics still have literal words.
const STILL_LITERAL: &[&str] = &[];

/// A diagnostic's words given as a string literal or a `format!`: the message of
/// `Diagnostic::error`/`warning`/`from_code`, a label, a help, a note, a fix title, or the
/// message of a literal's error in the parser. Words first put in a variable escape it.
fn literal_words() -> regex::Regex {
    regex::Regex::new(
        r#"(?x)
        \b(?:Diagnostic::(?:error|warning|info|from_code)\(\s*[^,()]+(?:\([^()]*\))?,
           |\.with_(?:help|note)\(
           |\.with_(?:primary|secondary)\(\s*[^,()]+(?:\([^()]*\))?,\s*[^,()]+(?:\([^()]*\))?,
           |Fix::new\(
           |LiteralError::new\(\s*[^,]+,)
        \s*&?(?:"|format!|r\#?")"#,
    )
    .unwrap_or_else(|error| panic!("{error}"))
}

/// The code of a source file without its unit tests (`#[cfg(test)]` to the end).
fn without_tests(source: &str) -> &str {
    source
        .find("#[cfg(test)]")
        .map_or(source, |at| &source[..at])
}

fn library_sources(root: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|error| panic!("{dir:?}: {error}"));
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name();
            if path.is_dir() {
                // Tests, benchmarks and fuzzing build diagnostics to look at them, not to
                // show them to anyone.
                if !matches!(
                    name.to_str(),
                    Some("target" | "tests" | "benches" | "locales" | "explanations")
                ) {
                    stack.push(path);
                }
            } else if path.extension().is_some_and(|ext| ext == "rs")
                && name != "tests.rs"
                && !path
                    .components()
                    .any(|part| part.as_os_str() == "clausier_fuzz")
            {
                files.push(path);
            }
        }
    }
    files
}

#[test]
fn only_the_listed_files_still_build_literal_diagnostic_words() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let pattern = literal_words();
    let mut literal = BTreeSet::new();
    for path in library_sources(&crates) {
        let source = std::fs::read_to_string(&path).unwrap_or_default();
        if pattern.is_match(without_tests(&source)) {
            let relative = path
                .strip_prefix(&crates)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            literal.insert(relative);
        }
    }
    let listed: BTreeSet<String> = STILL_LITERAL.iter().map(|s| (*s).to_owned()).collect();
    let new: Vec<_> = literal.difference(&listed).collect();
    let converted: Vec<_> = listed.difference(&literal).collect();
    assert!(
        new.is_empty(),
        "these files build a diagnostic's words from a string: write a message of the catalogue (`Message::new`) instead: {new:#?}"
    );
    assert!(
        converted.is_empty(),
        "these files no longer build literal words: strike them off STILL_LITERAL: {converted:#?}"
    );
}
