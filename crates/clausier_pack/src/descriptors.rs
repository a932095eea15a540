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

use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};

use clausier_data::files;
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
    files::glob_matcher(pattern).map(drop).map_err(|e| {
        (
            format!("`{pattern}` is not a valid glob"),
            e.kind().to_string(),
        )
    })
}

/// The descriptor files declared for the pack in `pack_dir`: those the manifest's
/// `[workspace] descriptors` globs match, else every descriptor file under its
/// `descriptors/` folder (found by `clausier_data::files`); canonical, sorted, each once.
/// Unreadable folders are skipped: an editor shows what it can.
pub fn descriptor_files(pack_dir: &Path, manifest: &Manifest) -> Vec<PathBuf> {
    let found = if manifest.workspace.descriptors.is_empty() {
        files::folder_files(&pack_dir.join(DESCRIPTORS_FOLDER))
    } else {
        let patterns: Vec<&str> = manifest
            .workspace
            .descriptors
            .iter()
            .map(|pattern| pattern.pattern.as_str())
            .collect();
        files::declared_files(pack_dir, &patterns)
    };
    // Two patterns may reach one file by different paths: it is checked once.
    let mut unique: Vec<PathBuf> = found
        .iter()
        .map(|path| fs::canonicalize(path).unwrap_or_else(|_| normalize(path)))
        .collect();
    unique.sort();
    unique.dedup();
    unique
}

#[cfg(test)]
mod tests;
