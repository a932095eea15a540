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
use clausier_diagnostics::Message;
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

fn workspace_help() -> Message {
    Message::new("e0801-help-workspace")
}

pub(crate) fn read_workspace_table(
    value: &Spanned<DeValue<'_>>,
    error: &impl Fn(Message, Range<usize>) -> Located,
) -> Result<WorkspaceSection, Located> {
    let mut section = WorkspaceSection::default();
    let help = workspace_help();
    for (key, value) in table(value, Message::from("`[workspace]`"), &help, error)? {
        if key.get_ref().as_ref() != "descriptors" {
            return Err(error(
                Message::new("e0801-unknown-workspace-key").with("key", key.get_ref().to_string()),
                key.span(),
            )
            .with_label(Message::new("e08-label-unknown-key"))
            .with_help(Message::new("e0801-help-workspace-keys")));
        }
        let DeValue::Array(items) = value.get_ref() else {
            return Err(error(
                Message::new("e08-must-be-string-list")
                    .with("key", "descriptors")
                    .with("found", describe(value.get_ref())),
                value.span(),
            )
            .with_label(Message::new("e08-label-expected-list"))
            .with_help(workspace_help()));
        };
        for item in items {
            let DeValue::String(pattern) = item.get_ref() else {
                return Err(error(
                    Message::new("e0801-descriptors-not-strings")
                        .with("found", describe_plural(item.get_ref())),
                    item.span(),
                )
                .with_label(Message::new("e0815-label-expected-string"))
                .with_help(workspace_help()));
            };
            let pattern = pattern.to_string();
            check_pattern(&pattern).map_err(|(message, label)| {
                error(message, item.span())
                    .with_label(label)
                    .with_help(workspace_help())
            })?;
            section.descriptors.push(DescriptorPattern {
                pattern,
                span: item.span(),
            });
        }
    }
    Ok(section)
}

/// A TOML value's kind in the plural: what a list of them holds.
fn describe_plural(value: &DeValue<'_>) -> Message {
    Message::new(match value {
        DeValue::String(_) => "e08-toml-strings",
        DeValue::Integer(_) => "e08-toml-integers",
        DeValue::Float(_) => "e08-toml-numbers",
        DeValue::Boolean(_) => "e08-toml-booleans",
        DeValue::Datetime(_) => "e08-toml-dates",
        DeValue::Array(_) => "e08-toml-lists",
        DeValue::Table(_) => "e08-toml-tables",
    })
}

/// Why a pattern cannot be used: the message and the label.
fn check_pattern(pattern: &str) -> Result<(), (Message, Message)> {
    if pattern.trim().is_empty() {
        return Err((
            Message::new("e0801-empty-pattern"),
            Message::new("e0801-label-empty-pattern"),
        ));
    }
    if Path::new(pattern).has_root() || pattern.contains('\\') {
        return Err((
            Message::new("e0801-pattern-not-relative").with("pattern", pattern),
            Message::new("e0801-label-pattern-not-relative"),
        ));
    }
    files::glob_matcher(pattern).map(drop).map_err(|e| {
        (
            Message::new("e0801-pattern-not-glob").with("pattern", pattern),
            Message::from(e.kind().to_string()),
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
