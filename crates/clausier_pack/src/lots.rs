//! The `lots` key of `[document]`: the lots the contract is divided into (CCP L2113-10),
//! each awarded separately, with the id clauses and descriptors name them by.
//!
//! ```toml
//! [document]
//! lots = [
//!   { id = "1", title = "Espace numérique de travail (ENT)" },
//!   { id = "2", title = "Ressources numériques pédagogiques" },
//! ]
//! ```
//!
//! A lot written as a plain string, `lots = ["Mathématiques", "Langues"]`, is a title
//! whose id is its position (`"1"`, `"2"`…): packs written before lots had ids keep
//! their meaning.

use std::ops::Range;

use toml::Spanned;
use toml::de::DeValue;

use crate::sections::{Located, describe};

pub use clausier_check::Lot;

/// The keys of one lot's table.
const LOT_KEYS: &[&str] = &["id", "title"];

const LOTS_HELP: &str = "list the lots in order: `lots = [{ id = \"1\", title = \"Espace numérique de travail\" }, { id = \"2\", title = \"Ressources pédagogiques\" }]`";

pub(crate) fn read_lots(
    value: &Spanned<DeValue<'_>>,
    invalid: &impl Fn(String, Range<usize>) -> Located,
    unknown_key: &impl Fn(String, Range<usize>) -> Located,
) -> Result<Vec<Lot>, Located> {
    let DeValue::Array(items) = value.get_ref() else {
        return Err(invalid(
            format!("`lots` must be a list, not {}", describe(value.get_ref())),
            value.span(),
        )
        .with_label("expected a list")
        .with_help(LOTS_HELP));
    };
    let mut lots: Vec<Lot> = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let (lot, id_span) = match item.get_ref() {
            DeValue::String(title) => {
                let title = non_empty(title, "a lot has an empty title", item, invalid)?;
                let id = (index + 1).to_string();
                (Lot { id, title }, item.span())
            }
            DeValue::Table(table) => {
                let mut entries: Vec<_> = table.iter().collect();
                entries.sort_by_key(|(key, _)| key.span().start);
                let mut id = None;
                let mut title = None;
                for (key, field) in entries {
                    match key.get_ref().as_ref() {
                        "id" => {
                            let text = string("id", field, invalid)?;
                            let text = non_empty(&text, "a lot has an empty id", field, invalid)?;
                            id = Some((text, field.span()));
                        }
                        "title" => {
                            let text = string("title", field, invalid)?;
                            title = Some(non_empty(
                                &text,
                                "a lot has an empty title",
                                field,
                                invalid,
                            )?);
                        }
                        other => {
                            let help =
                                match clausier_check::did_you_mean(other, LOT_KEYS.iter().copied())
                                {
                                    Some(best) => format!("did you mean `{best}`?"),
                                    None => "a lot has the keys `id` and `title`".to_owned(),
                                };
                            return Err(unknown_key(
                                format!("unknown key `{other}` in a lot of `[document]`"),
                                key.span(),
                            )
                            .with_label("unknown key")
                            .with_help(help));
                        }
                    }
                }
                let missing = |key: &str| {
                    invalid(format!("a lot has no `{key}`"), item.span())
                        .with_label(format!("no `{key}`"))
                        .with_help(LOTS_HELP)
                };
                let Some((id, id_span)) = id else {
                    return Err(missing("id"));
                };
                let Some(title) = title else {
                    return Err(missing("title"));
                };
                (Lot { id, title }, id_span)
            }
            other => {
                return Err(invalid(
                    format!(
                        "a lot must be a table with `id` and `title`, not {}",
                        describe(other)
                    ),
                    item.span(),
                )
                .with_label("expected a table")
                .with_help(LOTS_HELP));
            }
        };
        if let Some(first) = lots.iter().find(|earlier| earlier.id == lot.id) {
            return Err(
                invalid(format!("two lots have the id `{}`", lot.id), id_span)
                    .with_label("already the id of an earlier lot")
                    .with_help(format!(
                        "each lot has its own id: `{}` is already « {} »",
                        first.id, first.title
                    )),
            );
        }
        lots.push(lot);
    }
    Ok(lots)
}

fn string(
    name: &str,
    value: &Spanned<DeValue<'_>>,
    invalid: &impl Fn(String, Range<usize>) -> Located,
) -> Result<String, Located> {
    match value.get_ref() {
        DeValue::String(text) => Ok(text.to_string()),
        other => Err(invalid(
            format!(
                "the `{name}` of a lot must be a string, not {}",
                describe(other)
            ),
            value.span(),
        )
        .with_label("expected a string")
        .with_help(format!("write it in double quotes: `{name} = \"…\"`"))),
    }
}

fn non_empty(
    text: &str,
    message: &str,
    value: &Spanned<DeValue<'_>>,
    invalid: &impl Fn(String, Range<usize>) -> Located,
) -> Result<String, Located> {
    if text.trim().is_empty() {
        Err(invalid(message.to_owned(), value.span())
            .with_label("empty text")
            .with_help(LOTS_HELP))
    } else {
        Ok(text.to_owned())
    }
}
