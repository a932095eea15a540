//! Finding a pack's clause files in a folder.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::error::PackError;

pub(crate) const CLAUSE_EXTENSION: &str = "clause";

/// A file of the pack: where it is, and its path relative to the pack's folder with `/`
/// separators whatever the platform, which is what names and hashes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FoundFile {
    pub path: PathBuf,
    pub relative: String,
}

/// Every `*.clause` file below `root`, sorted by relative path. Hidden entries and `target`
/// folders (build output, not sources) are skipped.
pub(crate) fn clause_files(root: &Path) -> Result<Vec<FoundFile>, PackError> {
    let mut found = Vec::new();
    let mut visited = HashSet::new();
    walk(root, "", &mut visited, &mut found)?;
    found.sort_by(|a, b| a.relative.cmp(&b.relative));
    Ok(found)
}

fn walk(
    folder: &Path,
    prefix: &str,
    visited: &mut HashSet<PathBuf>,
    found: &mut Vec<FoundFile>,
) -> Result<(), PackError> {
    let io_error = |path: &Path| {
        let path = path.to_path_buf();
        move |error| PackError::Io { path, error }
    };
    // A symbolic link back to an enclosing folder would otherwise loop for ever.
    let canonical = fs::canonicalize(folder).map_err(io_error(folder))?;
    if !visited.insert(canonical) {
        return Ok(());
    }
    let entries = fs::read_dir(folder).map_err(io_error(folder))?;
    for entry in entries {
        let entry = entry.map_err(io_error(folder))?;
        let file_name = entry.file_name();
        // A name that is not Unicode cannot be a clause file's name in a pack meant to
        // be shared; skipping it is kinder than failing the whole pack.
        let Some(name) = file_name.to_str() else {
            continue;
        };
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        let metadata = match fs::metadata(&path) {
            Ok(metadata) => metadata,
            // A dangling link or an unreadable entry matters only if it is a clause file.
            Err(error) if has_clause_extension(&path) => {
                return Err(PackError::Io { path, error });
            }
            Err(_) => continue,
        };
        let relative = if prefix.is_empty() {
            name.to_owned()
        } else {
            format!("{prefix}/{name}")
        };
        if metadata.is_dir() {
            if name != "target" {
                walk(&path, &relative, visited, found)?;
            }
        } else if has_clause_extension(&path) {
            // Not only regular files: a FIFO or a device named like a clause file is
            // refused when it is read, never skipped in silence.
            found.push(FoundFile { path, relative });
        }
    }
    Ok(())
}

pub(crate) fn has_clause_extension(path: &Path) -> bool {
    path.extension()
        .is_some_and(|extension| extension == CLAUSE_EXTENSION)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(root: &Path, relative: &str) {
        let path = root.join(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, "").unwrap();
    }

    #[test]
    fn finds_clause_files_recursively_in_path_order() {
        let dir = tempfile::tempdir().unwrap();
        for relative in [
            "b.clause",
            "a/z.clause",
            "a/b/c.clause",
            "notes.md",
            ".hidden/x.clause",
            ".swap.clause",
            "target/out.clause",
            "sub/target/out.clause",
        ] {
            touch(dir.path(), relative);
        }
        let found: Vec<String> = clause_files(dir.path())
            .unwrap()
            .into_iter()
            .map(|file| file.relative)
            .collect();
        assert_eq!(found, ["a/b/c.clause", "a/z.clause", "b.clause"]);
    }

    #[cfg(unix)]
    #[test]
    fn only_a_dangling_link_named_like_a_clause_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        touch(dir.path(), "a.clause");
        let nowhere = dir.path().join("nowhere");
        std::os::unix::fs::symlink(&nowhere, dir.path().join("notes.md")).unwrap();
        assert_eq!(clause_files(dir.path()).unwrap().len(), 1);
        std::os::unix::fs::symlink(&nowhere, dir.path().join("b.clause")).unwrap();
        let error = clause_files(dir.path()).unwrap_err();
        assert_eq!(error.path(), dir.path().join("b.clause"));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_an_enclosing_folder_is_followed_once() {
        let dir = tempfile::tempdir().unwrap();
        touch(dir.path(), "a/x.clause");
        std::os::unix::fs::symlink(dir.path(), dir.path().join("a/loop")).unwrap();
        let found: Vec<String> = clause_files(dir.path())
            .unwrap()
            .into_iter()
            .map(|file| file.relative)
            .collect();
        assert_eq!(found, ["a/x.clause"]);
    }
}
