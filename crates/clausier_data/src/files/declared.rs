//! The descriptor files a pack declares for an editor: those its `[workspace]
//! descriptors` globs match (the pack layer reads and checks the patterns, and gives them
//! here as strings), else every descriptor file under a folder. Hidden entries and
//! `target` folders are skipped, each folder is visited once even through links, and only
//! regular files with a descriptor extension are listed.

use std::collections::HashSet;
use std::fs;
use std::path::{Component, Path, PathBuf};

use globset::{GlobBuilder, GlobMatcher};

use crate::load::Format;

/// The files below `pack_dir` that one of `patterns` matches, written from `pack_dir`
/// with `/` between parts (`*` stays within one folder, `**` crosses folders). A pattern
/// that is not a valid glob matches nothing: the pack layer reports it on the manifest.
pub fn declared_files(pack_dir: &Path, patterns: &[&str]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for pattern in patterns {
        matching(pack_dir, pattern, &mut found);
    }
    found
}

/// Every descriptor file below `folder`, sorted by path.
pub fn folder_files(folder: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    walk(folder, &mut HashSet::new(), &mut |path| {
        found.push(path.to_path_buf());
    });
    found
}

/// A pattern as the manifest's globs are read: `*` does not cross a `/`.
pub fn glob_matcher(pattern: &str) -> Result<GlobMatcher, globset::Error> {
    GlobBuilder::new(pattern)
        .literal_separator(true)
        .build()
        .map(|glob| glob.compile_matcher())
}

/// The files under the pattern's fixed folder whose path, written from the pack's
/// folder, the pattern matches: `../../examples/edtech-fr/*.json` walks
/// `../../examples/edtech-fr` only.
fn matching(pack_dir: &Path, pattern: &str, found: &mut Vec<PathBuf>) {
    let Ok(glob) = glob_matcher(pattern) else {
        return;
    };
    let fixed: Vec<&str> = pattern
        .split('/')
        .take_while(|part| !part.contains(['*', '?', '[', '{']))
        .collect();
    let whole_pattern_is_fixed = fixed.len() == pattern.split('/').count();
    let base_parts = if whole_pattern_is_fixed {
        &fixed[..fixed.len().saturating_sub(1)]
    } else {
        &fixed[..]
    };
    let base: PathBuf = base_parts.iter().collect();
    let start = pack_dir.join(&base);
    walk(&start, &mut HashSet::new(), &mut |path| {
        let Ok(below) = path.strip_prefix(&start) else {
            return;
        };
        let written = base.join(below);
        if glob.is_match(slashed(&written)) {
            found.push(path.to_path_buf());
        }
    });
}

/// A relative path with `/` between its parts, as patterns are written.
fn slashed(path: &Path) -> String {
    let parts: Vec<String> = path
        .components()
        .filter(|part| !matches!(part, Component::CurDir))
        .map(|part| part.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// Every descriptor file below `folder`, skipping hidden entries and `target` folders,
/// each folder visited once even through links.
fn walk(folder: &Path, visited: &mut HashSet<PathBuf>, found: &mut dyn FnMut(&Path)) {
    let Ok(canonical) = fs::canonicalize(folder) else {
        return;
    };
    if !visited.insert(canonical) {
        return;
    }
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    let mut children: Vec<(String, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_str()?.to_owned();
            (!name.starts_with('.')).then(|| (name, entry.path()))
        })
        .collect();
    children.sort();
    for (name, path) in children {
        let Ok(metadata) = fs::metadata(&path) else {
            continue;
        };
        if metadata.is_dir() {
            if name != "target" {
                walk(&path, visited, found);
            }
        } else if metadata.is_file() && Format::from_path(&path).is_some() {
            found(&path);
        }
    }
}
