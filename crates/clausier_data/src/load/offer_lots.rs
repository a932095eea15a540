//! The top-level `lots` key of a descriptor: the lots of the contract its offer bids for
//! (CCP L2113-10), one id as a string or a list of ids. Read in every format from the
//! neutral tree; the fast JSON path reads the same key with `known_lot`.
//!
//! In a pack divided into lots, an offer that names no lot or a lot the pack does not
//! declare is `invalid` (D0609): it could not be compared with the right offers. In a
//! pack without lots the key is an undeclared field like any other (see `convert.rs`).

use clausier_check::types::Lot;
use clausier_diagnostics::{Code, Message, Span, quoted};

use super::expect::{Phrase, expected_found, found};
use super::node::{Node, NodeKind};
use super::suggest::closest;
use super::text_index::TextIndex;
use crate::descriptor::DataProblem;

/// The ids of the lots named by the `lots` value `node`, in the order of `declared`,
/// each once, and the problems of the value.
pub(crate) fn read(
    node: &Node<'_>,
    declared: &[Lot],
    index: &TextIndex<'_>,
) -> (Vec<String>, Vec<DataProblem>) {
    let mut named: Vec<&str> = Vec::new();
    let mut problems = Vec::new();
    let mut id_at = |item: &Node<'_>, path: String| match item.as_text() {
        Some(text) => match known_lot(declared, text) {
            Some(lot) => named.push(lot),
            None => problems.push(unknown(text, item.span, path, declared, index)),
        },
        None => problems.push(not_an_id(item, path, index)),
    };
    match &node.kind {
        NodeKind::List(items) => {
            for (position, item) in items.iter().enumerate() {
                id_at(item, format!("lots[{position}]"));
            }
        }
        NodeKind::Null => {}
        _ => id_at(node, "lots".to_owned()),
    }
    if named.is_empty() && problems.is_empty() {
        problems.push(missing(Some(node.span), "lots", declared, index));
    }
    let ids = declared
        .iter()
        .filter(|lot| named.contains(&lot.id.as_str()))
        .map(|lot| lot.id.clone())
        .collect();
    (ids, problems)
}

/// The declared lot whose id is `text`.
pub(crate) fn known_lot<'d>(declared: &'d [Lot], text: &str) -> Option<&'d str> {
    declared
        .iter()
        .find(|lot| lot.id == text)
        .map(|lot| lot.id.as_str())
}

/// An offer that names no lot: no `lots` key (located on the whole descriptor at `span`),
/// or one that is empty.
pub(crate) fn missing(
    span: Option<Span>,
    path: &str,
    declared: &[Lot],
    index: &TextIndex<'_>,
) -> DataProblem {
    DataProblem::new(
        Code::OFFER_LOTS,
        Message::new("data-offer-names-no-lot"),
        path.to_owned(),
        span.map(|span| index.loc(span)),
    )
    .with_help(Message::new("data-help-name-the-lots").with("lots", listing(declared)))
}

fn unknown(
    text: &str,
    span: Span,
    path: String,
    declared: &[Lot],
    index: &TextIndex<'_>,
) -> DataProblem {
    let help = match nearest_lot(text, declared) {
        Some(Near::Title(id)) => Message::new("data-help-lot-title")
            .with("title", quoted(text))
            .with("id", id),
        Some(Near::Id(id)) => Message::new("data-help-did-you-mean-lot")
            .with("id", id)
            .with("lots", listing(declared)),
        None => Message::new("data-help-lots").with("lots", listing(declared)),
    };
    DataProblem::new(
        Code::OFFER_LOTS,
        Message::new("data-unknown-lot").with("id", quoted(text)),
        path,
        Some(index.loc(span)),
    )
    .with_help(help)
}

enum Near<'d> {
    Id(&'d str),
    Title(&'d str),
}

/// The lot a vendor most likely meant: one named by its title, as `Lot 2`, or whose id
/// differs in case or (for ids longer than two characters) by a slip. Short ids such as
/// `1` and `3` are never each other's misspelling.
fn nearest_lot<'d>(text: &str, declared: &'d [Lot]) -> Option<Near<'d>> {
    let text = text.trim();
    if let Some(lot) = declared
        .iter()
        .find(|lot| lot.title.trim().eq_ignore_ascii_case(text))
    {
        return Some(Near::Title(&lot.id));
    }
    let without_word = text
        .get(..3)
        .filter(|word| word.eq_ignore_ascii_case("lot"))
        .and_then(|_| text.get(3..))
        .map_or(text, str::trim_start);
    if let Some(lot) = declared
        .iter()
        .find(|lot| lot.id.eq_ignore_ascii_case(without_word))
    {
        return Some(Near::Id(&lot.id));
    }
    if without_word.chars().count() <= 2 {
        return None;
    }
    closest(without_word, declared.iter().map(|lot| lot.id.as_str())).map(Near::Id)
}

fn not_an_id(node: &Node<'_>, path: String, index: &TextIndex<'_>) -> DataProblem {
    DataProblem::new(
        Code::DESCRIPTOR_TYPE,
        expected_found(
            Phrase::masculine(Message::new("data-expected-lot-id")),
            found(node, index),
        ),
        path,
        Some(index.loc(node.span)),
    )
    .with_help(Message::new("data-help-lot-ids-as-strings"))
}

/// The lots of the contract, as `` `1` (ENT), `2` (Ressources) ``.
fn listing(declared: &[Lot]) -> String {
    let listed: Vec<String> = declared
        .iter()
        .map(|lot| format!("`{}` ({})", lot.id, lot.title))
        .collect();
    listed.join(", ")
}
