//! The descriptors declared for a pack, which an editor checks it against as the
//! drafter types: the `[workspace]` table of `pack.toml`,
//!
//! ```toml
//! [workspace]
//! descriptors = ["examples/**/*.json", "../../examples/edtech-fr/*.yaml"]
//! ```
//!
//! or, without it, every descriptor file under a `descriptors/` folder beside the
//! manifest. Patterns are globs relative to the pack's folder (`*` stays within one
//! folder, `**` crosses folders); only files with a descriptor extension are taken, as
//! `clausier check` does with a folder.

use std::collections::HashSet;
use std::fs;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use clausier_data::Format;
use globset::{Glob, GlobBuilder, GlobMatcher};
use toml::Spanned;
use toml::de::DeValue;

use crate::graph::normalize;
use crate::manifest::Manifest;
use crate::sections::{Located, describe, table};

/// The folder searched when the manifest declares no pattern.
pub const DESCRIPTORS_FOLDER: &str = "descriptors";

/// The `[workspace]` table.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WorkspaceSection {
    /// `descriptors = […]`, in the order written.
    pub descriptors: Vec<DescriptorPattern>,
}

/// One glob of `descriptors`, checked when the manifest was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DescriptorPattern {
    pub pattern: String,
    /// The string's span in the manifest.
    pub span: Range<usize>,
}

const WORKSPACE_HELP: &str = "declare the descriptors to check the pack against as `[workspace]` then `descriptors = [\"examples/**/*.json\"]`";

pub(crate) fn read_workspace_table(
    value: &Spanned<DeValue<'_>>,
    error: &impl Fn(String, Range<usize>) -> Located,
) -> Result<WorkspaceSection, Located> {
    let mut section = WorkspaceSection::default();
    for (key, value) in table(value, "`[workspace]`", WORKSPACE_HELP, error)? {
        if key.get_ref().as_ref() != "descriptors" {
            return Err(error(
                format!("unknown key `{}` in `[workspace]`", key.get_ref()),
                key.span(),
            )
            .with_label("unknown key")
            .with_help("`[workspace]` has one key, `descriptors`: a list of globs"));
        }
        let DeValue::Array(items) = value.get_ref() else {
            return Err(error(
                format!(
                    "`descriptors` must be a list of strings, not {}",
                    describe(value.get_ref())
                ),
                value.span(),
            )
            .with_label("expected a list")
            .with_help(WORKSPACE_HELP));
        };
        for item in items {
            let DeValue::String(pattern) = item.get_ref() else {
                return Err(error(
                    format!(
                        "`descriptors` must be a list of strings, not of {}",
                        plural(describe(item.get_ref()))
                    ),
                    item.span(),
                )
                .with_label("expected a string")
                .with_help(WORKSPACE_HELP));
            };
            let pattern = pattern.to_string();
            check_pattern(&pattern).map_err(|(message, label)| {
                error(message, item.span())
                    .with_label(label)
                    .with_help(WORKSPACE_HELP)
            })?;
            section.descriptors.push(DescriptorPattern {
                pattern,
                span: item.span(),
            });
        }
    }
    Ok(section)
}

fn plural(described: &str) -> String {
    let noun = described.trim_start_matches("an ").trim_start_matches("a ");
    format!("{noun}s")
}

/// Why a pattern cannot be used: the message and the label.
fn check_pattern(pattern: &str) -> Result<(), (String, String)> {
    if pattern.trim().is_empty() {
        return Err((
            "a descriptor pattern is empty".to_owned(),
            "empty".to_owned(),
        ));
    }
    if Path::new(pattern).has_root() || pattern.contains('\\') {
        return Err((
            format!("`{pattern}` is not relative to the pack's folder"),
            "write a `/`-separated path relative to this `pack.toml`".to_owned(),
        ));
    }
    matcher(pattern).map(drop).map_err(|e| {
        (
            format!("`{pattern}` is not a valid glob"),
            e.kind().to_string(),
        )
    })
}

fn matcher(pattern: &str) -> Result<GlobMatcher, globset::Error> {
    GlobBuilder::new(pattern)
        .literal_separator(true)
        .build()
        .map(|glob: Glob| glob.compile_matcher())
}

/// The descriptor files declared for the pack in `pack_dir`: those the manifest's
/// `[workspace] descriptors` globs match, else every descriptor file under its
/// `descriptors/` folder; canonical, sorted, each once. Unreadable folders are skipped:
/// an editor shows what it can.
pub fn descriptor_files(pack_dir: &Path, manifest: &Manifest) -> Vec<PathBuf> {
    let mut found = Vec::new();
    if manifest.workspace.descriptors.is_empty() {
        walk(
            &pack_dir.join(DESCRIPTORS_FOLDER),
            &mut HashSet::new(),
            &mut |path| {
                found.push(path.to_path_buf());
            },
        );
    } else {
        for pattern in &manifest.workspace.descriptors {
            matching(pack_dir, &pattern.pattern, &mut found);
        }
    }
    // Two patterns may reach one file by different paths: it is checked once.
    let mut unique: Vec<PathBuf> = found
        .iter()
        .map(|path| fs::canonicalize(path).unwrap_or_else(|_| normalize(path)))
        .collect();
    unique.sort();
    unique.dedup();
    unique
}

/// The files under the pattern's fixed folder whose path, written from the pack's
/// folder, the pattern matches: `../../examples/edtech-fr/*.json` walks
/// `../../examples/edtech-fr` only.
fn matching(pack_dir: &Path, pattern: &str, found: &mut Vec<PathBuf>) {
    let Ok(glob) = matcher(pattern) else {
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

#[cfg(test)]
mod tests;
