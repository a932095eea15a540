//! The `[dependencies]` and `[params]` tables of `pack.toml`, read with the span of every
//! key and value so that each complaint points at what it is about.
//!
//! ```toml
//! [dependencies]
//! edtech-fr = { path = "../edtech-fr", version = "^1.0" }
//!
//! [params.edtech-fr]
//! max_price = "5.50 €"     # a string holds a value as a clause file writes it
//! min_rgaa_rate = "80%"
//! max_retention = "15 days"
//! ```

use std::ops::Range;
use std::path::Path;

use rust_decimal::Decimal;
use toml::Spanned;
use toml::de::{DeString, DeTable, DeValue};

use clausier_diagnostics::Message;

use crate::descriptors::{WorkspaceSection, read_workspace_table};
use crate::document::{DocumentTable, read_document_table};
use crate::error::ManifestError;
use crate::manifest::TABLES;
use crate::signature::PublicKey;

/// A pack this pack depends on: `name = { path = "…", version = "…" }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dependency {
    /// The name `use` and `set` write; the dependency's own `[pack] name` must be it.
    pub name: String,
    pub name_span: Range<usize>,
    /// The folder of the dependency, relative to the manifest's folder, as written.
    pub path: String,
    pub path_span: Range<usize>,
    /// The version requirement (Cargo's rules: `^1.0`, `~1.2`, `>=1.0, <2.0`); any
    /// version when absent.
    pub version: Option<semver::VersionReq>,
    /// The requirement as written, and where.
    pub version_text: Option<String>,
    pub version_span: Option<Range<usize>>,
    /// The publisher's key the dependency must be signed by (`key = "ed25519:…"`), and
    /// where it is written.
    pub key: Option<(PublicKey, Range<usize>)>,
}

/// One key of a `[params.DEP]` table: an override of the parameter `name` of the
/// dependency `pack`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamSetting {
    pub pack: String,
    pub pack_span: Range<usize>,
    pub name: String,
    pub name_span: Range<usize>,
    pub value: ParamValue,
    pub value_span: Range<usize>,
}

/// A parameter's value in the manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParamValue {
    /// A value written as in a clause file: a TOML string's content (`5.50 €`, `80%`,
    /// `EU`, `[EU, EEA]`, `"texte"`), or a TOML date as it is written. `offset` is
    /// where the text starts in the manifest.
    Clause {
        text: String,
        offset: usize,
    },
    Bool(bool),
    /// A TOML integer: an `int` (or a `number`).
    Int(Decimal),
    /// A TOML float: a `number`.
    Number(Decimal),
}

pub(crate) type Located = Box<ManifestError>;

/// A key of a table and its value, both with their spans.
type Entry<'v, 'i> = (&'v Spanned<DeString<'i>>, &'v Spanned<DeValue<'i>>);

/// The tables of a manifest other than `[pack]`.
#[derive(Debug, Default)]
pub(crate) struct Sections {
    pub dependencies: Vec<Dependency>,
    pub params: Vec<ParamSetting>,
    pub workspace: WorkspaceSection,
    pub document: Option<DocumentTable>,
}

/// Reads `[dependencies]`, `[params]`, `[workspace]` and `[document]`, and refuses a top-level table
/// the manifest does not have.
pub(crate) fn read_sections(path: &Path, name: &str, text: &str) -> Result<Sections, Located> {
    let error = |message: Message, span: Range<usize>| {
        ManifestError::new(path, name, text, message, Some(span))
    };
    let document = DeTable::parse(text).map_err(|e| {
        ManifestError::new(
            path,
            name,
            text,
            crate::manifest::toml_message(&e),
            e.span(),
        )
        .with_label(Message::new("e08-label-invalid-toml"))
    })?;
    let mut entries: Vec<_> = document.get_ref().iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    let mut sections = Sections::default();
    for (key, value) in entries {
        match key.get_ref().as_ref() {
            "pack" => {}
            "dependencies" => sections.dependencies = read_dependencies(value, &error)?,
            "params" => sections.params = read_params(text, value, &error)?,
            "workspace" => sections.workspace = read_workspace_table(value, &error)?,
            "document" => sections.document = Some(read_document_table(value, &error)?),
            other => {
                let mut located = error(
                    Message::new("e0801-unknown-table").with("table", other),
                    key.span(),
                )
                .with_label(Message::new("e0801-label-unknown-table"));
                located = match clausier_check::did_you_mean(other, TABLES.iter().copied()) {
                    Some(best) => located.with_help(
                        Message::new("e08-help-did-you-mean").with("name", format!("[{best}]")),
                    ),
                    None => located.with_help(Message::new("e0801-help-tables")),
                };
                return Err(located);
            }
        }
    }
    Ok(sections)
}

pub(crate) fn table<'v, 'i>(
    value: &'v Spanned<DeValue<'i>>,
    what: Message,
    help: &Message,
    error: &impl Fn(Message, Range<usize>) -> Located,
) -> Result<Vec<Entry<'v, 'i>>, Located> {
    match value.get_ref() {
        DeValue::Table(table) => {
            let mut entries: Vec<_> = table.iter().collect();
            entries.sort_by_key(|(key, _)| key.span().start);
            Ok(entries)
        }
        other => Err(error(
            Message::new("e08-must-be-table")
                .with("what", what)
                .with("found", describe(other)),
            value.span(),
        )
        .with_label(Message::new("e08-label-expected-table"))
        .with_help(help.clone())),
    }
}

fn dependency_help() -> Message {
    Message::new("e0801-help-dependency")
}

fn read_dependencies(
    value: &Spanned<DeValue<'_>>,
    error: &impl Fn(Message, Range<usize>) -> Located,
) -> Result<Vec<Dependency>, Located> {
    let mut dependencies = Vec::new();
    let help = dependency_help();
    for (key, value) in table(value, Message::from("`[dependencies]`"), &help, error)? {
        let dep_name = key.get_ref().to_string();
        let entries = match value.get_ref() {
            DeValue::Table(_) => table(value, Message::new("e0801-a-dependency"), &help, error)?,
            DeValue::String(text) => {
                return Err(error(
                    Message::new("e0801-dependency-without-path").with("name", &dep_name),
                    value.span(),
                )
                .with_label(Message::new("e0801-label-version-alone"))
                .with_help(
                    Message::new("e0801-help-dependency-by-path")
                        .with("name", &dep_name)
                        .with("version", text.to_string()),
                ));
            }
            other => {
                return Err(error(
                    Message::new("e0801-dependency-not-table")
                        .with("name", &dep_name)
                        .with("found", describe(other)),
                    value.span(),
                )
                .with_label(Message::new("e0801-label-expected-dependency-table"))
                .with_help(dependency_help()));
            }
        };
        let mut path = None;
        let mut version = None;
        let mut pinned_key = None;
        for (field, field_value) in entries {
            let string = || match field_value.get_ref() {
                DeValue::String(text) => Ok(text.to_string()),
                other => Err(error(
                    Message::new("e08-must-be-string")
                        .with("key", field.get_ref().to_string())
                        .with("found", describe(other)),
                    field_value.span(),
                )
                .with_help(dependency_help())),
            };
            match field.get_ref().as_ref() {
                "path" => {
                    let text = string()?;
                    if text.trim().is_empty() {
                        return Err(error(
                            Message::new("e0801-empty-path").with("name", &dep_name),
                            field_value.span(),
                        )
                        .with_label(Message::new("e0801-label-empty-path"))
                        .with_help(Message::new("e0801-help-empty-path")));
                    }
                    path = Some((text, field_value.span()));
                }
                "version" => {
                    let text = string()?;
                    let requirement = semver::VersionReq::parse(&text).map_err(|e| {
                        error(
                            Message::new("e0801-not-a-requirement").with("text", &text),
                            field_value.span(),
                        )
                        .with_label(e.to_string())
                        .with_help(Message::new("e0801-help-requirement"))
                    })?;
                    version = Some((requirement, text, field_value.span()));
                }
                "key" => {
                    let text = string()?;
                    let public = PublicKey::parse(&text).map_err(|message| {
                        error(
                            Message::new("e0801-not-a-key").with("text", &text),
                            field_value.span(),
                        )
                        .with_label(message)
                        .with_help(Message::new("e0801-help-pin-key"))
                    })?;
                    pinned_key = Some((public, field_value.span()));
                }
                other => {
                    return Err(error(
                        Message::new("e0801-unknown-dependency-key")
                            .with("key", other)
                            .with("name", &dep_name),
                        field.span(),
                    )
                    .with_label(Message::new("e08-label-unknown-key"))
                    .with_help(Message::new("e0801-help-dependency-keys")));
                }
            }
        }
        let Some((path, path_span)) = path else {
            return Err(error(
                Message::new("e0801-dependency-without-path").with("name", &dep_name),
                value.span(),
            )
            .with_label(Message::new("e0801-label-path-missing"))
            .with_help(Message::new("e0801-help-path").with("name", &dep_name)));
        };
        let (version, version_text, version_span) = match version {
            Some((requirement, text, span)) => (Some(requirement), Some(text), Some(span)),
            None => (None, None, None),
        };
        dependencies.push(Dependency {
            name: dep_name,
            name_span: key.span(),
            path,
            path_span,
            version,
            version_text,
            version_span,
            key: pinned_key,
        });
    }
    Ok(dependencies)
}

fn read_params(
    source: &str,
    value: &Spanned<DeValue<'_>>,
    error: &impl Fn(Message, Range<usize>) -> Located,
) -> Result<Vec<ParamSetting>, Located> {
    let mut settings = Vec::new();
    let help = Message::new("e0801-help-params");
    for (pack, values) in table(value, Message::from("`[params]`"), &help, error)? {
        if !matches!(values.get_ref(), DeValue::Table(_)) {
            return Err(error(
                Message::new("e0801-param-outside-table").with("key", pack.get_ref().to_string()),
                pack.span(),
            )
            .with_label(Message::new("e0801-label-not-dependency-table"))
            .with_help(help));
        }
        for (key, value) in table(values, Message::new("e0801-a-params-table"), &help, error)? {
            settings.push(ParamSetting {
                pack: pack.get_ref().to_string(),
                pack_span: pack.span(),
                name: key.get_ref().to_string(),
                name_span: key.span(),
                value: param_value(source, key.get_ref(), value, error)?,
                value_span: value.span(),
            });
        }
    }
    Ok(settings)
}

fn param_value(
    source: &str,
    name: &str,
    value: &Spanned<DeValue<'_>>,
    error: &impl Fn(Message, Range<usize>) -> Located,
) -> Result<ParamValue, Located> {
    let span = value.span();
    match value.get_ref() {
        DeValue::String(text) => Ok(ParamValue::Clause {
            text: text.to_string(),
            offset: content_offset(source, span.start),
        }),
        DeValue::Boolean(b) => Ok(ParamValue::Bool(*b)),
        DeValue::Integer(integer) => {
            let digits: String = integer.as_str().chars().filter(|c| *c != '_').collect();
            match (integer.radix(), digits.parse::<Decimal>()) {
                (10, Ok(number)) => Ok(ParamValue::Int(number)),
                _ => Err(
                    error(Message::new("e0801-out-of-range").with("name", name), span)
                        .with_label(Message::new("e0801-label-out-of-range"))
                        .with_help(Message::new("e0801-help-decimal")),
                ),
            }
        }
        DeValue::Float(float) => {
            let digits: String = float.as_str().chars().filter(|c| *c != '_').collect();
            digits
                .parse::<Decimal>()
                .or_else(|_| Decimal::from_scientific(&digits))
                .map(ParamValue::Number)
                .map_err(|_| {
                    error(Message::new("e0801-not-a-number").with("name", name), span)
                        .with_label(Message::new("e0801-label-not-finite"))
                        .with_help(Message::new("e0801-help-decimal-example"))
                })
        }
        DeValue::Datetime(datetime)
            if datetime.date.is_some() && datetime.time.is_none() && datetime.offset.is_none() =>
        {
            Ok(ParamValue::Clause {
                text: datetime.to_string(),
                offset: span.start,
            })
        }
        DeValue::Datetime(_) => Err(error(
            Message::new("e0801-param-has-time").with("name", name),
            span,
        )
        .with_label(Message::new("e0801-label-date-and-time"))
        .with_help(Message::new("e0801-help-date-param"))),
        DeValue::Array(_) => Err(error(
            Message::new("e0801-param-is-array").with("name", name),
            span,
        )
        .with_label(Message::new("e0801-label-toml-array"))
        .with_help(Message::new("e0801-help-list-in-string"))),
        DeValue::Table(_) => Err(error(
            Message::new("e0801-param-is-table").with("name", name),
            span,
        )
        .with_label(Message::new("e08-toml-table"))
        .with_help(Message::new("e0801-help-param-value"))),
    }
}

/// Where a string's content starts: after its opening quote or quotes (and the line
/// break a multi-line string drops). With escapes, spans into the content are close to,
/// not exactly at, the characters they name.
fn content_offset(source: &str, start: usize) -> usize {
    let rest = source.get(start..).unwrap_or_default();
    if rest.starts_with("\"\"\"") || rest.starts_with("'''") {
        let after = start + 3;
        match source.get(after..) {
            Some(text) if text.starts_with("\r\n") => after + 2,
            Some(text) if text.starts_with('\n') => after + 1,
            _ => after,
        }
    } else {
        start + 1
    }
}

pub(crate) fn describe(value: &DeValue<'_>) -> Message {
    Message::new(match value {
        DeValue::String(_) => "e08-toml-string",
        DeValue::Integer(_) => "e08-toml-integer",
        DeValue::Float(_) => "e08-toml-number",
        DeValue::Boolean(_) => "e08-toml-boolean",
        DeValue::Datetime(_) => "e08-toml-date",
        DeValue::Array(_) => "e08-toml-list",
        DeValue::Table(_) => "e08-toml-table",
    })
}

#[cfg(test)]
mod tests {
    use crate::manifest::{Manifest, parse_manifest};

    use super::*;

    fn parse(text: &str) -> Result<Manifest, Box<ManifestError>> {
        parse_manifest(Path::new("pack.toml"), "pack.toml", text)
    }

    #[test]
    fn dependencies_are_read_in_order_with_their_spans() {
        let text = "[pack]\nname = \"region\"\n\n[dependencies]\nsouverainete = { path = \"../souverainete\" }\nedtech-fr = { path = \"../edtech-fr\", version = \"^1.0\" }\n";
        let manifest = parse(text).unwrap();
        let names: Vec<&str> = manifest
            .dependencies
            .iter()
            .map(|d| d.name.as_str())
            .collect();
        assert_eq!(names, ["souverainete", "edtech-fr"]);
        let edtech = &manifest.dependencies[1];
        assert_eq!(&text[edtech.name_span.clone()], "edtech-fr");
        assert_eq!(&text[edtech.path_span.clone()], "\"../edtech-fr\"");
        assert_eq!(&text[edtech.version_span.clone().unwrap()], "\"^1.0\"");
        let requirement = edtech.version.as_ref().unwrap();
        assert!(requirement.matches(&semver::Version::new(1, 4, 0)));
        assert!(!requirement.matches(&semver::Version::new(2, 0, 0)));
        assert_eq!(manifest.dependencies[0].version, None);
    }

    #[test]
    fn a_dependency_given_as_a_version_only_is_refused_with_the_table_form() {
        let text = "[dependencies]\nedtech-fr = \"^1.0\"\n";
        let error = parse(text).unwrap_err();
        assert_eq!(error.english(), "the dependency `edtech-fr` has no path");
        assert_eq!(&text[error.span.clone().unwrap()], "\"^1.0\"");
        assert_eq!(
            error.english_help().as_deref(),
            Some(
                "packs are found by path: `edtech-fr = { path = \"../edtech-fr\", version = \"^1.0\" }`"
            )
        );
    }

    #[test]
    fn a_bad_version_requirement_is_located() {
        let text = "[dependencies]\nedtech-fr = { path = \"../e\", version = \"un\" }\n";
        let error = parse(text).unwrap_err();
        assert_eq!(error.english(), "`un` is not a version requirement");
        assert_eq!(&text[error.span.clone().unwrap()], "\"un\"");
    }

    #[test]
    fn params_are_read_per_dependency() {
        let text = "[params.edtech-fr]\nmax_price = \"5.50 €\"\nmin_rgaa_rate = 80\nstrict = true\nratio = 1.5\ndeadline = 2027-01-12\n";
        let manifest = parse(text).unwrap();
        let settings: Vec<(&str, &str, &ParamValue)> = manifest
            .params
            .iter()
            .map(|p| (p.pack.as_str(), p.name.as_str(), &p.value))
            .collect();
        assert_eq!(
            settings,
            [
                (
                    "edtech-fr",
                    "max_price",
                    &ParamValue::Clause {
                        text: "5.50 €".into(),
                        offset: text.find("5.50").unwrap()
                    }
                ),
                (
                    "edtech-fr",
                    "min_rgaa_rate",
                    &ParamValue::Int(Decimal::from(80))
                ),
                ("edtech-fr", "strict", &ParamValue::Bool(true)),
                (
                    "edtech-fr",
                    "ratio",
                    &ParamValue::Number(Decimal::new(15, 1))
                ),
                (
                    "edtech-fr",
                    "deadline",
                    &ParamValue::Clause {
                        text: "2027-01-12".into(),
                        offset: text.find("2027").unwrap()
                    }
                ),
            ]
        );
        assert_eq!(&text[manifest.params[0].name_span.clone()], "max_price");
        assert_eq!(&text[manifest.params[0].pack_span.clone()], "edtech-fr");
    }

    #[test]
    fn a_param_outside_a_dependency_table_is_refused() {
        let text = "[params]\nmax_price = \"5 €\"\n";
        let error = parse(text).unwrap_err();
        assert_eq!(
            error.english(),
            "`max_price` under `[params]` must be a table named after a dependency"
        );
        assert_eq!(&text[error.span.clone().unwrap()], "max_price");
    }

    #[test]
    fn an_unknown_table_is_refused_with_a_suggestion() {
        let text = "[pack]\nname = \"a\"\n\n[dependences]\n";
        let error = parse(text).unwrap_err();
        assert_eq!(error.english(), "unknown table `[dependences]`");
        assert_eq!(
            error.english_help().as_deref(),
            Some("did you mean `[dependencies]`?")
        );
        assert_eq!(&text[error.span.clone().unwrap()], "dependences");
    }
}
