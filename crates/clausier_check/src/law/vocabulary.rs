//! `W0514`: « titulaire » in the text of a specification checked at bid stage. Until the
//! award the parties are « le candidat » or « le soumissionnaire »; « le titulaire » is
//! the holder of the contract, whose obligations are execution conditions.

use clausier_diagnostics::{Code, Diagnostic, Message};
use clausier_syntax::ast::{Level, StringLit};

use super::word_ranges;
use crate::hir::RequirementDef;

/// Whether « titulaire » at `at` names the holder of the contract: not « titulaire
/// d'une certification », « titulaire de la qualification », « titulaire du label »
/// (who holds a certificate), but « titulaire du marché » and « le titulaire » alone.
fn names_the_contract_holder(words: &[(std::ops::Range<usize>, String)], at: usize) -> bool {
    let mut next = words.iter().skip(at + 1).map(|(_, word)| word.as_str());
    if !matches!(next.next(), Some("de" | "d" | "des" | "du")) {
        return true;
    }
    let noun = next.find(|word| !matches!(*word, "la" | "le" | "l" | "les" | "un" | "une"));
    noun.is_some_and(|noun| {
        ["marche", "contrat", "accord"]
            .iter()
            .any(|stem| noun.starts_with(stem))
    })
}

/// `W0514` on a `must` or `should` requirement whose `text` (the literal as written)
/// says « titulaire », at the first place it does.
pub(super) fn titulaire_at_bid_stage(
    requirement: &RequirementDef,
    text: &StringLit,
) -> Option<Diagnostic> {
    if !matches!(requirement.level, Level::Must | Level::Should) {
        return None;
    }
    let words = word_ranges(&text.value);
    let range = words
        .iter()
        .enumerate()
        .find(|(at, (_, word))| {
            matches!(word.as_str(), "titulaire" | "titulaires")
                && names_the_contract_holder(&words, *at)
        })
        .map(|(_, (range, _))| range.clone())?;
    let meta = &requirement.meta;
    let level = requirement.level.as_str();
    Some(
        Diagnostic::warning(
            Code::TITULAIRE_AT_BID_STAGE,
            Message::new("w0514-titulaire")
                .with("level", level)
                .with("id", &meta.id),
        )
        .with_primary(
            meta.origin.file,
            text.source_span(range),
            Message::new("w0514-titulaire-label"),
        )
        .with_secondary(
            meta.origin.file,
            meta.origin.span,
            Message::new("w0514-checked-on-the-offer").with("level", level),
        )
        .with_note(Message::new("w0514-titulaire-note"))
        .with_help(Message::new("w0514-titulaire-help")),
    )
}
