//! `pack.toml`, the manifest of a pack: `[pack]` (its identity), `[dependencies]` (the
//! packs it builds on, by path, with a version requirement), `[params]` (overrides of
//! their parameters), `[workspace]` (the descriptors an editor checks it against) and
//! `[document]` (the tender it is published as).
//! See `docs/packs.md`.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

pub use crate::descriptors::{DescriptorPattern, WorkspaceSection};
pub use crate::document::{DOCUMENT_KEYS, DocumentLanguage, DocumentTable};
use clausier_diagnostics::Message;

use crate::error::ManifestError;
pub use crate::lots::Lot;
pub use crate::sections::{Dependency, ParamSetting, ParamValue};

/// The manifest's file name, beside the clause files.
pub const MANIFEST_FILE: &str = "pack.toml";

/// The keys `[pack]` accepts, in the order the help text lists them.
pub const PACK_KEYS: &[&str] = &["name", "version", "description", "license", "authors"];

/// The top-level tables a manifest may have.
pub const TABLES: &[&str] = &["pack", "dependencies", "params", "workspace", "document"];

/// What `pack.toml` says. Every field is optional; see [`crate::LoadedPack`] for defaults.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Manifest {
    pub pack: PackSection,
    /// `[dependencies]`, in the order the manifest lists them.
    pub dependencies: Vec<Dependency>,
    /// Every key of the `[params.DEP]` tables, in the order the manifest lists them.
    pub params: Vec<ParamSetting>,
    /// `[workspace]`: what an editor checks the pack against.
    pub workspace: WorkspaceSection,
    /// `[document]`: the tender's title page and defaults; `None` without the table.
    pub document: Option<DocumentTable>,
}

/// The `[pack]` table.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PackSection {
    pub name: Option<String>,
    pub version: Option<String>,
    pub description: Option<String>,
    pub license: Option<String>,
    pub authors: Vec<String>,
}

/// The shape serde reads: keys and values keep their spans so that every complaint about
/// `[pack]` points at the key or value it is about.
#[derive(Deserialize)]
struct RawManifest {
    pack: Option<BTreeMap<Spanned<String>, Spanned<toml::Value>>>,
}

/// Reads a manifest. `path` is where it was read from and `name` how to show it.
pub fn parse_manifest(path: &Path, name: &str, text: &str) -> Result<Manifest, Box<ManifestError>> {
    let raw: RawManifest = toml::from_str(text).map_err(|error| {
        ManifestError::new(path, name, text, toml_message(&error), error.span())
            .with_label(Message::new("e08-label-invalid-toml"))
            .with_help(Message::new("e0801-help-manifest-is-toml"))
    })?;
    let sections = crate::sections::read_sections(path, name, text)?;
    let mut section = PackSection::default();
    let Some(table) = raw.pack else {
        return Ok(Manifest {
            pack: section,
            dependencies: sections.dependencies,
            params: sections.params,
            workspace: sections.workspace,
            document: sections.document,
        });
    };
    let mut entries: Vec<_> = table.into_iter().collect();
    // Report the first problem in reading order, not in key order.
    entries.sort_by_key(|(key, _)| key.span().start);
    let error = |message: Message, span: std::ops::Range<usize>| {
        ManifestError::new(path, name, text, message, Some(span))
    };
    for (key, value) in entries {
        let key_span = key.span();
        let value_span = value.span();
        let key = key.into_inner();
        let value = value.into_inner();
        match key.as_str() {
            "name" => {
                let name_value = expect_string(&key, value)
                    .map_err(|message| error(message, value_span.clone()))?;
                if name_value.trim().is_empty() {
                    return Err(error(Message::new("e0801-empty-name"), value_span)
                        .with_label(Message::new("e0801-label-empty-name"))
                        .with_help(Message::new("e0801-help-empty-name")));
                }
                section.name = Some(name_value);
            }
            "version" => {
                let version = expect_string(&key, value)
                    .map_err(|message| error(message, value_span.clone()))?;
                if !is_version(&version) {
                    return Err(error(
                        Message::new("e0801-not-a-version").with("version", &version),
                        value_span,
                    )
                    .with_label(Message::new("e0801-label-not-a-version"))
                    .with_help(Message::new("e0801-help-not-a-version")));
                }
                section.version = Some(version);
            }
            "description" => {
                section.description =
                    Some(expect_string(&key, value).map_err(|message| error(message, value_span))?);
            }
            "license" => {
                section.license =
                    Some(expect_string(&key, value).map_err(|message| error(message, value_span))?);
            }
            "authors" => {
                section.authors = expect_string_list(&key, value)
                    .map_err(|message| error(message, value_span.clone()))?;
            }
            _ => {
                return Err(error(
                    Message::new("e0801-unknown-pack-key").with("key", &key),
                    key_span,
                )
                .with_label(Message::new("e08-label-unknown-key"))
                .with_help(Message::new("e0801-help-pack-keys").with("keys", allowed_keys())));
            }
        }
    }
    Ok(Manifest {
        pack: section,
        dependencies: sections.dependencies,
        params: sections.params,
        workspace: sections.workspace,
        document: sections.document,
    })
}

fn expect_string(key: &str, value: toml::Value) -> Result<String, Message> {
    match value {
        toml::Value::String(text) => Ok(text),
        other => Err(Message::new("e08-must-be-string")
            .with("key", key)
            .with("found", describe_toml_type(&other))),
    }
}

fn expect_string_list(key: &str, value: toml::Value) -> Result<Vec<String>, Message> {
    let not_a_list = |other: &toml::Value| {
        Message::new("e08-must-be-string-list")
            .with("key", key)
            .with("found", describe_toml_type(other))
    };
    match value {
        toml::Value::Array(items) => items
            .into_iter()
            .map(|item| match item {
                toml::Value::String(text) => Ok(text),
                other => Err(not_a_list(&other)),
            })
            .collect(),
        other => Err(not_a_list(&other)),
    }
}

pub(crate) fn describe_toml_type(value: &toml::Value) -> Message {
    Message::new(match value {
        toml::Value::String(_) => "e08-toml-string",
        toml::Value::Integer(_) => "e08-toml-integer",
        toml::Value::Float(_) => "e08-toml-number",
        toml::Value::Boolean(_) => "e08-toml-boolean",
        toml::Value::Datetime(_) => "e08-toml-date",
        toml::Value::Array(_) => "e08-toml-list",
        toml::Value::Table(_) => "e08-toml-table",
    })
}

fn allowed_keys() -> String {
    let quoted: Vec<String> = PACK_KEYS.iter().map(|key| format!("`{key}`")).collect();
    quoted.join(", ")
}

/// `MAJOR.MINOR.PATCH`, optionally followed by `-pre.release` and `+build` parts: the
/// versions a lockfile can order.
pub(crate) fn is_version(text: &str) -> bool {
    let without_build =
        text.split_once('+').map_or(
            text,
            |(version, build)| {
                if build.is_empty() { "" } else { version }
            },
        );
    let core = match without_build.split_once('-') {
        Some((core, pre)) if !pre.is_empty() => core,
        Some(_) => return false,
        None => without_build,
    };
    let numbers: Vec<&str> = core.split('.').collect();
    numbers.len() == 3
        && numbers.iter().all(|part| {
            !part.is_empty()
                && part.bytes().all(|byte| byte.is_ascii_digit())
                && (part.len() == 1 || !part.starts_with('0'))
        })
}

/// toml's messages end with a line break and sometimes start with a capital; ours do not.
/// They are the parser's English words, framed in the reader's language.
pub(crate) fn toml_message(error: &toml::de::Error) -> Message {
    let message = error.message().trim();
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => Message::new("e08-invalid-toml").with(
            "reason",
            first.to_lowercase().chain(chars).collect::<String>(),
        ),
        None => Message::new("e08-label-invalid-toml"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Manifest, Box<ManifestError>> {
        parse_manifest(Path::new("pack.toml"), "pack.toml", text)
    }

    #[test]
    fn reads_every_key_of_pack() {
        let manifest = parse(
            "[pack]\nname = \"edtech-fr\"\nversion = \"1.2.0\"\ndescription = \"Clauses\"\n\
             license = \"EUPL-1.2\"\nauthors = [\"Région Bretagne\"]\n",
        )
        .unwrap();
        assert_eq!(
            manifest.pack,
            PackSection {
                name: Some("edtech-fr".into()),
                version: Some("1.2.0".into()),
                description: Some("Clauses".into()),
                license: Some("EUPL-1.2".into()),
                authors: vec!["Région Bretagne".into()],
            }
        );
    }

    #[test]
    fn an_empty_manifest_is_the_default_one() {
        assert_eq!(parse("").unwrap(), Manifest::default());
    }

    #[test]
    fn an_unknown_key_is_located_and_the_allowed_keys_are_named() {
        let text = "[pack]\nname = \"a\"\nverison = \"1.0.0\"\n";
        let error = parse(text).unwrap_err();
        assert_eq!(error.english(), "unknown key `verison` in `[pack]`");
        assert_eq!(&text[error.span.clone().unwrap()], "verison");
        assert_eq!(
            error.english_help().as_deref(),
            Some("the keys of `[pack]` are `name`, `version`, `description`, `license`, `authors`")
        );
    }

    #[test]
    fn a_value_of_the_wrong_type_is_located() {
        let text = "[pack]\nauthors = \"Région Bretagne\"\n";
        let error = parse(text).unwrap_err();
        assert_eq!(
            error.english(),
            "`authors` must be a list of strings, not a string"
        );
        assert_eq!(&text[error.span.clone().unwrap()], "\"Région Bretagne\"");
    }

    #[test]
    fn versions_have_three_numbers() {
        for good in ["0.0.0", "1.2.3", "10.0.1-beta.1", "1.0.0+build.5"] {
            assert!(is_version(good), "{good}");
        }
        for bad in ["1.0", "1.0.0.0", "01.0.0", "1.0.0-", "v1.0.0", "1.0.0+"] {
            assert!(!is_version(bad), "{bad}");
        }
        let error = parse("[pack]\nversion = \"1.0\"\n").unwrap_err();
        assert_eq!(error.english(), "`1.0` is not a version");
    }

    #[test]
    fn a_toml_syntax_error_is_located() {
        let text = "[pack]\nname = \"a\nversion = \"1.0.0\"\n";
        let error = parse(text).unwrap_err();
        assert!(error.span.is_some());
        assert!(
            error
                .english()
                .chars()
                .next()
                .is_some_and(char::is_lowercase),
            "{}",
            error.english()
        );
    }
}
