use std::fs;
use std::path::{Path, PathBuf};

use super::*;
use crate::manifest::parse_manifest;

fn touch(root: &Path, relative: &str) {
    let path = root.join(relative);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, "").unwrap();
}

fn manifest(text: &str) -> Result<Manifest, Box<crate::ManifestError>> {
    parse_manifest(Path::new("pack.toml"), "pack.toml", text)
}

fn relative(root: &Path, found: Vec<PathBuf>) -> Vec<String> {
    found
        .into_iter()
        .map(|path| {
            let below = path.strip_prefix(root).unwrap();
            below.to_string_lossy().replace('\\', "/")
        })
        .collect()
}

#[test]
fn globs_are_relative_to_the_pack_and_may_leave_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = &dir.path().canonicalize().unwrap();
    for file in [
        "rules/region/examples/a.json",
        "rules/region/examples/deep/b.yaml",
        "rules/region/examples/deep/notes.md",
        "rules/region/examples/.hidden/c.json",
        "rules/region/other/d.json",
        "offers/e.toml",
        "offers/sub/f.toml",
    ] {
        touch(root, file);
    }
    let manifest = manifest(
        "[workspace]\ndescriptors = [\"examples/**/*\", \"../../offers/*.toml\", \"../region/examples/a.json\"]\n",
    )
    .unwrap();
    let found = descriptor_files(&root.join("rules/region"), &manifest);
    assert_eq!(
        relative(root, found),
        [
            "offers/e.toml",
            "rules/region/examples/a.json",
            "rules/region/examples/deep/b.yaml",
        ]
    );
}

#[test]
fn without_patterns_the_descriptors_folder_is_searched() {
    let dir = tempfile::tempdir().unwrap();
    let root = &dir.path().canonicalize().unwrap();
    for file in [
        "descriptors/a.json",
        "descriptors/x/b.ndjson",
        "descriptors/x/c.CSV",
        "descriptors/readme.md",
        "examples/d.json",
    ] {
        touch(root, file);
    }
    let found = descriptor_files(root, &Manifest::default());
    assert_eq!(
        relative(root, found),
        [
            "descriptors/a.json",
            "descriptors/x/b.ndjson",
            "descriptors/x/c.CSV"
        ]
    );
    let empty = tempfile::tempdir().unwrap();
    assert!(descriptor_files(empty.path(), &Manifest::default()).is_empty());
}

#[test]
fn the_patterns_are_kept_with_their_spans() {
    let text = "[workspace]\ndescriptors = [\"a/*.json\"]\n";
    let manifest = manifest(text).unwrap();
    let pattern = &manifest.workspace.descriptors[0];
    assert_eq!(pattern.pattern, "a/*.json");
    assert_eq!(&text[pattern.span.clone()], "\"a/*.json\"");
}

#[test]
fn bad_values_and_patterns_are_located() {
    let cases = [
        (
            "[workspace]\ndescriptors = \"a/*.json\"\n",
            "`descriptors` must be a list of strings, not a string",
            "\"a/*.json\"",
        ),
        (
            "[workspace]\ndescriptors = [\"a\", 3]\n",
            "`descriptors` must be a list of strings, not of integers",
            "3",
        ),
        (
            "[workspace]\ndescriptors = [\"a/[b.json\"]\n",
            "`a/[b.json` is not a valid glob",
            "\"a/[b.json\"",
        ),
        (
            "[workspace]\ndescriptors = [\"/etc/*.json\"]\n",
            "`/etc/*.json` is not relative to the pack's folder",
            "\"/etc/*.json\"",
        ),
        (
            "[workspace]\ndescriptors = [\" \"]\n",
            "a descriptor pattern is empty",
            "\" \"",
        ),
        (
            "[workspace]\ndescriptor = [\"a\"]\n",
            "unknown key `descriptor` in `[workspace]`",
            "descriptor",
        ),
        (
            "workspace = 1\n",
            "`[workspace]` must be a table, not an integer",
            "1",
        ),
    ];
    for (text, message, located) in cases {
        let error = manifest(text).unwrap_err();
        assert_eq!(error.english(), message, "{text}");
        assert_eq!(&text[error.span.clone().unwrap()], located, "{text}");
    }
}

#[test]
fn a_misspelt_table_suggests_workspace() {
    let error = manifest("[workspaces]\ndescriptors = []\n").unwrap_err();
    assert_eq!(
        error.english_help().as_deref(),
        Some("did you mean `[workspace]`?")
    );
}
