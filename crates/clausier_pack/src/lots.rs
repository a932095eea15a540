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

use clausier_diagnostics::Message;
use toml::Spanned;
use toml::de::DeValue;

use crate::sections::{Located, describe};

pub use clausier_check::Lot;

/// The keys of one lot's table.
const LOT_KEYS: &[&str] = &["id", "title"];

fn lots_help() -> Message {
    Message::new("e0815-help-lots")
}

pub(crate) fn read_lots(
    value: &Spanned<DeValue<'_>>,
    invalid: &impl Fn(Message, Range<usize>) -> Located,
    unknown_key: &impl Fn(Message, Range<usize>) -> Located,
) -> Result<Vec<Lot>, Located> {
    let DeValue::Array(items) = value.get_ref() else {
        return Err(invalid(
            Message::new("e0815-lots-not-list").with("found", describe(value.get_ref())),
            value.span(),
        )
        .with_label(Message::new("e08-label-expected-list"))
        .with_help(lots_help()));
    };
    let mut lots: Vec<Lot> = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let (lot, id_span) = match item.get_ref() {
            DeValue::String(title) => {
                let title = non_empty(title, "e0815-lot-empty-title", item, invalid)?;
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
                            let text = non_empty(&text, "e0815-lot-empty-id", field, invalid)?;
                            id = Some((text, field.span()));
                        }
                        "title" => {
                            let text = string("title", field, invalid)?;
                            title =
                                Some(non_empty(&text, "e0815-lot-empty-title", field, invalid)?);
                        }
                        other => {
                            let help =
                                match clausier_check::did_you_mean(other, LOT_KEYS.iter().copied())
                                {
                                    Some(best) => {
                                        Message::new("e08-help-did-you-mean").with("name", best)
                                    }
                                    None => Message::new("e0814-help-lot-keys"),
                                };
                            return Err(unknown_key(
                                Message::new("e0814-unknown-lot-key").with("key", other),
                                key.span(),
                            )
                            .with_label(Message::new("e08-label-unknown-key"))
                            .with_help(help));
                        }
                    }
                }
                let missing = |key: &str| {
                    invalid(
                        Message::new("e0815-lot-key-missing").with("key", key),
                        item.span(),
                    )
                    .with_label(Message::new("e0815-label-key-missing").with("key", key))
                    .with_help(lots_help())
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
                    Message::new("e0815-lot-not-table").with("found", describe(other)),
                    item.span(),
                )
                .with_label(Message::new("e08-label-expected-table"))
                .with_help(lots_help()));
            }
        };
        if let Some(first) = lots.iter().find(|earlier| earlier.id == lot.id) {
            return Err(invalid(
                Message::new("e0815-lot-id-twice").with("id", &lot.id),
                id_span,
            )
            .with_label(Message::new("e0815-label-id-taken"))
            .with_help(
                Message::new("e0815-help-id-taken")
                    .with("id", &first.id)
                    .with("title", &first.title),
            ));
        }
        lots.push(lot);
    }
    Ok(lots)
}

fn string(
    name: &str,
    value: &Spanned<DeValue<'_>>,
    invalid: &impl Fn(Message, Range<usize>) -> Located,
) -> Result<String, Located> {
    match value.get_ref() {
        DeValue::String(text) => Ok(text.to_string()),
        other => Err(invalid(
            Message::new("e0815-lot-key-not-string")
                .with("key", name)
                .with("found", describe(other)),
            value.span(),
        )
        .with_label(Message::new("e0815-label-expected-string"))
        .with_help(Message::new("e0815-help-lot-quotes").with("key", name))),
    }
}

fn non_empty(
    text: &str,
    message: &'static str,
    value: &Spanned<DeValue<'_>>,
    invalid: &impl Fn(Message, Range<usize>) -> Located,
) -> Result<String, Located> {
    if text.trim().is_empty() {
        Err(invalid(Message::new(message), value.span())
            .with_label(Message::new("e0815-label-empty"))
            .with_help(lots_help()))
    } else {
        Ok(text.to_owned())
    }
}
