//! The `[document]` table of `pack.toml`: what the published tender says of itself (its
//! title, the buyer, the object of the contract, the procedure, the lots, the dates) and
//! the defaults it gives the commands (the evaluation date, the language of `render`).
//!
//! ```toml
//! [document]
//! title = "Ressources numériques éducatives 2027-2030"
//! buyer = "Région Exemple"
//! deadline = 2027-03-15      # date limite de réception des offres
//! language = "fr"
//! ```

use std::ops::Range;

use clausier_diagnostics::{Code, Message};
use jiff::civil::Date;
use toml::Spanned;
use toml::de::DeValue;

use crate::lots::{Lot, read_lots};
use crate::sections::{Located, describe, table};

/// The `[document]` table. Every key is optional.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocumentTable {
    /// The title of the tender, on its title page.
    pub title: Option<String>,
    /// The public buyer (acheteur).
    pub buyer: Option<String>,
    /// The object of the contract (objet du marché).
    pub object: Option<String>,
    /// The procedure, such as « Appel d'offres ouvert ».
    pub procedure: Option<String>,
    /// The lots the contract is divided into, in order; none for a contract in one
    /// piece.
    pub lots: Vec<Lot>,
    /// The day the procedure is launched (the contract notice is sent).
    pub launch: Option<Date>,
    /// The deadline for offers (date limite de réception des offres): the default
    /// evaluation date.
    pub deadline: Option<Date>,
    /// The default language of `clausier render`.
    pub language: Option<DocumentLanguage>,
}

/// A language a tender is rendered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentLanguage {
    Fr,
    En,
}

/// The keys of `[document]`, in the order the help lists them.
pub const DOCUMENT_KEYS: &[&str] = &[
    "title",
    "buyer",
    "object",
    "procedure",
    "lots",
    "launch",
    "deadline",
    "language",
];

pub(crate) fn read_document_table(
    value: &Spanned<DeValue<'_>>,
    error: &impl Fn(Message, Range<usize>) -> Located,
) -> Result<DocumentTable, Located> {
    let invalid =
        |message: Message, span: Range<usize>| error(message, span).with_code(Code::DOCUMENT_VALUE);
    let help = Message::new("e0815-help-document");
    let entries = table(value, Message::from("`[document]`"), &help, &invalid)?;
    let mut document = DocumentTable::default();
    let mut deadline_span = None;
    for (key, value) in entries {
        let name = key.get_ref().as_ref();
        match name {
            "title" => document.title = Some(text(name, value, &invalid)?),
            "buyer" => document.buyer = Some(text(name, value, &invalid)?),
            "object" => document.object = Some(text(name, value, &invalid)?),
            "procedure" => document.procedure = Some(text(name, value, &invalid)?),
            "lots" => {
                let unknown_key = |message: Message, span: Range<usize>| {
                    error(message, span).with_code(Code::DOCUMENT_KEY)
                };
                document.lots = read_lots(value, &invalid, &unknown_key)?;
            }
            "launch" => document.launch = Some(date(name, value, &invalid)?),
            "deadline" => {
                document.deadline = Some(date(name, value, &invalid)?);
                deadline_span = Some(value.span());
            }
            "language" => document.language = Some(language(value, &invalid)?),
            other => {
                let located = error(
                    Message::new("e0814-unknown-key").with("key", other),
                    key.span(),
                )
                .with_code(Code::DOCUMENT_KEY)
                .with_label(Message::new("e08-label-unknown-key"));
                let help = match clausier_check::did_you_mean(other, DOCUMENT_KEYS.iter().copied())
                {
                    Some(best) => Message::new("e08-help-did-you-mean").with("name", best),
                    None => Message::new("e0814-help-keys").with("keys", quoted_keys()),
                };
                return Err(located.with_help(help));
            }
        }
    }
    if let (Some(launch), Some(deadline), Some(span)) =
        (document.launch, document.deadline, deadline_span)
        && deadline < launch
    {
        return Err(error(
            Message::new("e0816-deadline-before-launch")
                .with("deadline", deadline.to_string())
                .with("launch", launch.to_string()),
            span,
        )
        .with_code(Code::DOCUMENT_DATES)
        .with_label(Message::new("e0816-label-before-launch"))
        .with_help(Message::new("e0816-help-dates")));
    }
    Ok(document)
}

fn quoted_keys() -> String {
    let quoted: Vec<String> = DOCUMENT_KEYS.iter().map(|key| format!("`{key}`")).collect();
    quoted.join(", ")
}

/// A text that a title page prints: a string with something in it.
fn text(
    name: &str,
    value: &Spanned<DeValue<'_>>,
    invalid: &impl Fn(Message, Range<usize>) -> Located,
) -> Result<String, Located> {
    match value.get_ref() {
        DeValue::String(text) if text.trim().is_empty() => Err(invalid(
            Message::new("e0815-empty").with("name", name),
            value.span(),
        )
        .with_label(Message::new("e0815-label-empty"))
        .with_help(Message::new("e0815-help-empty").with("meaning", key_meaning(name)))),
        DeValue::String(text) => Ok(text.to_string()),
        other => Err(invalid(
            Message::new("e08-must-be-string")
                .with("key", name)
                .with("found", describe(other)),
            value.span(),
        )
        .with_label(Message::new("e0815-label-expected-string"))
        .with_help(
            Message::new("e0815-help-quotes")
                .with("meaning", key_meaning(name))
                .with("name", name),
        )),
    }
}

fn key_meaning(name: &str) -> Message {
    Message::new(match name {
        "title" => "e0815-meaning-title",
        "buyer" => "e0815-meaning-buyer",
        "object" => "e0815-meaning-object",
        "procedure" => "e0815-meaning-procedure",
        _ => "e0815-meaning-value",
    })
}

/// A TOML date without a time: `2027-03-15`.
fn date(
    name: &str,
    value: &Spanned<DeValue<'_>>,
    invalid: &impl Fn(Message, Range<usize>) -> Located,
) -> Result<Date, Located> {
    let example = match name {
        "launch" => "launch = 2026-12-01",
        _ => "deadline = 2027-03-15",
    };
    match value.get_ref() {
        DeValue::Datetime(datetime) if datetime.time.is_none() && datetime.offset.is_none() => {
            let day = datetime.date.and_then(|date| {
                Date::new(
                    i16::try_from(date.year).ok()?,
                    i8::try_from(date.month).ok()?,
                    i8::try_from(date.day).ok()?,
                )
                .ok()
            });
            day.ok_or_else(|| {
                invalid(
                    Message::new("e0815-not-a-day").with("name", name),
                    value.span(),
                )
                .with_label(Message::new("e0815-label-no-such-day"))
                .with_help(Message::new("e0815-help-day").with("example", example))
            })
        }
        DeValue::Datetime(_) => Err(invalid(
            Message::new("e0801-param-has-time").with("name", name),
            value.span(),
        )
        .with_label(Message::new("e0801-label-date-and-time"))
        .with_help(Message::new("e0815-help-day-alone").with("example", example))),
        DeValue::String(text) => Err(invalid(
            Message::new("e0815-date-not-toml-date")
                .with("name", name)
                .with("found", Message::new("e08-toml-string")),
            value.span(),
        )
        .with_label(Message::new("e08-toml-string"))
        .with_help(if text.parse::<Date>().is_ok() {
            Message::new("e0815-help-without-quotes")
                .with("name", name)
                .with("text", text.to_string())
        } else {
            Message::new("e0815-help-day-without-quotes").with("example", example)
        })),
        other => Err(invalid(
            Message::new("e0815-date-not-toml-date")
                .with("name", name)
                .with("found", describe(other)),
            value.span(),
        )
        .with_label(Message::new("e0815-label-expected-date"))
        .with_help(Message::new("e0815-help-day-without-quotes").with("example", example))),
    }
}

fn language(
    value: &Spanned<DeValue<'_>>,
    invalid: &impl Fn(Message, Range<usize>) -> Located,
) -> Result<DocumentLanguage, Located> {
    let help = Message::new("e0815-help-language");
    match value.get_ref() {
        DeValue::String(text) => match text.as_ref() {
            "fr" => Ok(DocumentLanguage::Fr),
            "en" => Ok(DocumentLanguage::En),
            other => Err(invalid(
                Message::new("e0815-not-a-language").with("text", other),
                value.span(),
            )
            .with_label(Message::new("e0815-label-fr-or-en"))
            .with_help(help)),
        },
        other => Err(invalid(
            Message::new("e08-must-be-string")
                .with("key", "language")
                .with("found", describe(other)),
            value.span(),
        )
        .with_label(Message::new("e0815-label-expected-string"))
        .with_help(help)),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::error::ManifestError;
    use crate::manifest::{Manifest, parse_manifest};

    use super::*;

    fn parse(text: &str) -> Result<Manifest, Box<ManifestError>> {
        parse_manifest(Path::new("pack.toml"), "pack.toml", text)
    }

    fn refused(text: &str) -> (Code, String, String, Option<String>) {
        let error = parse(text).unwrap_err();
        let at = error.span.clone().map(|span| text[span].to_owned());
        (
            error.code,
            error.english(),
            at.unwrap_or_default(),
            error.english_help(),
        )
    }

    #[test]
    fn every_key_is_read() {
        let manifest = parse(
            "[document]\ntitle = \"Ressources 2027-2030\"\nbuyer = \"Région Exemple\"\n\
             object = \"Fourniture de ressources\"\nprocedure = \"Appel d'offres ouvert\"\n\
             lots = [\"Mathématiques\", \"Langues\"]\nlaunch = 2026-12-01\n\
             deadline = 2027-03-15\nlanguage = \"en\"\n",
        )
        .unwrap();
        assert_eq!(
            manifest.document,
            Some(DocumentTable {
                title: Some("Ressources 2027-2030".into()),
                buyer: Some("Région Exemple".into()),
                object: Some("Fourniture de ressources".into()),
                procedure: Some("Appel d'offres ouvert".into()),
                lots: vec![
                    Lot {
                        id: "1".into(),
                        title: "Mathématiques".into()
                    },
                    Lot {
                        id: "2".into(),
                        title: "Langues".into()
                    },
                ],
                launch: Some(jiff::civil::date(2026, 12, 1)),
                deadline: Some(jiff::civil::date(2027, 3, 15)),
                language: Some(DocumentLanguage::En),
            })
        );
    }

    #[test]
    fn without_the_table_there_is_no_document() {
        assert_eq!(parse("[pack]\nname = \"a\"\n").unwrap().document, None);
        assert_eq!(
            parse("[document]\n").unwrap().document,
            Some(DocumentTable::default())
        );
    }

    #[test]
    fn an_unknown_key_is_located_with_the_nearest_key() {
        assert_eq!(
            refused("[document]\ntitle = \"T\"\ndeadlin = 2027-03-15\n"),
            (
                Code::DOCUMENT_KEY,
                "unknown key `deadlin` in `[document]`".to_owned(),
                "deadlin".to_owned(),
                Some("did you mean `deadline`?".to_owned())
            )
        );
        let (code, _, _, help) = refused("[document]\nfoo = 1\n");
        assert_eq!(code, Code::DOCUMENT_KEY);
        assert_eq!(
            help.as_deref(),
            Some(
                "the keys of `[document]` are `title`, `buyer`, `object`, `procedure`, `lots`, `launch`, `deadline`, `language`"
            )
        );
    }

    #[test]
    fn values_of_the_wrong_type_are_located() {
        let cases: &[(&str, &str, &str)] = &[
            ("title = 3", "`title` must be a string, not an integer", "3"),
            ("buyer = \"  \"", "`buyer` is empty", "\"  \""),
            (
                "lots = \"Langues\"",
                "`lots` must be a list, not a string",
                "\"Langues\"",
            ),
            (
                "lots = [\"A\", 2]",
                "a lot must be a table with `id` and `title`, not an integer",
                "2",
            ),
            (
                "deadline = \"2027-03-15\"",
                "`deadline` must be a TOML date, not a string",
                "\"2027-03-15\"",
            ),
            (
                "deadline = 2027-03-15T12:00:00",
                "`deadline` has a time of day",
                "2027-03-15T12:00:00",
            ),
            (
                "launch = true",
                "`launch` must be a TOML date, not a boolean",
                "true",
            ),
            (
                "language = \"de\"",
                "`de` is not a language of `clausier render`",
                "\"de\"",
            ),
            (
                "language = 1",
                "`language` must be a string, not an integer",
                "1",
            ),
        ];
        for (line, message, at) in cases {
            let (code, found, span, _) = refused(&format!("[document]\n{line}\n"));
            assert_eq!(
                (code, found.as_str(), span.as_str()),
                (Code::DOCUMENT_VALUE, *message, *at),
                "{line}"
            );
        }
        let (_, _, _, help) = refused("[document]\ndeadline = \"2027-03-15\"\n");
        assert_eq!(
            help.as_deref(),
            Some("write the date without quotes: `deadline = 2027-03-15`")
        );
        let (code, message, _, _) = refused("document = 3\n");
        assert_eq!(
            (code, message.as_str()),
            (
                Code::DOCUMENT_VALUE,
                "`[document]` must be a table, not an integer"
            )
        );
    }

    #[test]
    fn lots_have_ids_and_titles() {
        let manifest = parse(
            "[document]\nlots = [\n  { id = \"ENT\", title = \"Espace numérique de travail\" },\n  \
             { title = \"Ressources\", id = \"R\" },\n]\n",
        )
        .unwrap();
        let lots: Vec<(&str, &str)> = manifest
            .document
            .as_ref()
            .unwrap()
            .lots
            .iter()
            .map(|lot| (lot.id.as_str(), lot.title.as_str()))
            .collect();
        assert_eq!(
            lots,
            [("ENT", "Espace numérique de travail"), ("R", "Ressources")]
        );
    }

    #[test]
    fn bad_lots_are_located() {
        let cases: &[(&str, Code, &str, &str)] = &[
            (
                "lots = [{ id = \"1\", title = \"A\" }, { id = \"1\", title = \"B\" }]",
                Code::DOCUMENT_VALUE,
                "two lots have the id `1`",
                "\"1\"",
            ),
            (
                "lots = [{ id = \"1\", title = \" \" }]",
                Code::DOCUMENT_VALUE,
                "a lot has an empty title",
                "\" \"",
            ),
            (
                "lots = [{ id = \"\", title = \"A\" }]",
                Code::DOCUMENT_VALUE,
                "a lot has an empty id",
                "\"\"",
            ),
            (
                "lots = [{ id = \"1\" }]",
                Code::DOCUMENT_VALUE,
                "a lot has no `title`",
                "{ id = \"1\" }",
            ),
            (
                "lots = [{ id = 1, title = \"A\" }]",
                Code::DOCUMENT_VALUE,
                "the `id` of a lot must be a string, not an integer",
                "1",
            ),
            (
                "lots = [{ id = \"1\", titel = \"A\" }]",
                Code::DOCUMENT_KEY,
                "unknown key `titel` in a lot of `[document]`",
                "titel",
            ),
        ];
        for (line, expected_code, message, at) in cases {
            let (code, found, span, _) = refused(&format!("[document]\n{line}\n"));
            assert_eq!(
                (code, found.as_str(), span.as_str()),
                (*expected_code, *message, *at),
                "{line}"
            );
        }
        let (_, _, _, help) = refused(
            "[document]\nlots = [{ id = \"1\", title = \"ENT\" }, { id = \"1\", title = \"B\" }]\n",
        );
        assert_eq!(
            help.as_deref(),
            Some("each lot has its own id: `1` is already « ENT »")
        );
        let (_, _, _, help) = refused("[document]\nlots = [{ id = \"1\", titel = \"A\" }]\n");
        assert_eq!(help.as_deref(), Some("did you mean `title`?"));
    }

    #[test]
    fn the_deadline_cannot_come_before_the_launch() {
        let (code, message, at, _) =
            refused("[document]\nlaunch = 2027-04-01\ndeadline = 2027-03-15\n");
        assert_eq!(code, Code::DOCUMENT_DATES);
        assert_eq!(
            message,
            "the deadline for offers, 2027-03-15, is before the launch, 2027-04-01"
        );
        assert_eq!(at, "2027-03-15");
    }
}
