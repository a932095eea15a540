//! `W0515`: a requirement whose text says that an offer failing it is « écartée »,
//! « rejetée » or « éliminée ». An offer that does not meet the specifications is
//! *irrégulière* (CCP L2152-2), and in some procedures the buyer may invite its author to
//! regularise it (R2152-2) instead of setting it aside: the text must not promise
//! otherwise.

use std::ops::Range;

use clausier_diagnostics::{Code, Diagnostic, Fix, Message};
use clausier_syntax::ast::{Level, StringLit};

use super::word_ranges;
use crate::hir::RequirementDef;

/// The words that replace a word setting an offer aside, when it is one: the participle
/// agrees as the original does (« écartées » gives « déclarées irrégulières »), the verb
/// keeps its tense (« rejettera » gives « déclarera irrégulière »). `folded` is the word
/// as [`super::words`] folds it, `written` as the text has it.
fn replacement(folded: &str, written: &str) -> Option<&'static str> {
    let stem = ["ecart", "rejet", "elimin"]
        .into_iter()
        .find(|stem| folded.starts_with(stem))?;
    let ending = &folded[stem.len()..];
    let participle = written.ends_with('é') || written.ends_with("és");
    Some(match ending {
        "ee" => "déclarée irrégulière",
        "ees" => "déclarées irrégulières",
        "e" | "te" if participle => "déclaré irrégulier",
        "es" | "tes" if participle => "déclarés irréguliers",
        "e" | "te" if stem != "rejet" || ending == "te" => "déclare irrégulière",
        "era" | "tera" => "déclarera irrégulière",
        _ => return None,
    })
}

/// `W0515` on a `must` or `execution` requirement whose `text` or `note` says, in a
/// sentence about an offer, that the offer is set aside.
pub(super) fn offer_set_aside(
    requirement: &RequirementDef,
    literals: [Option<&StringLit>; 2],
) -> Option<Diagnostic> {
    if !matches!(requirement.level, Level::Must | Level::Execution) {
        return None;
    }
    let (literal, range, replacement) = literals
        .into_iter()
        .flatten()
        .find_map(|literal| set_aside_in(&literal.value).map(|(r, w)| (literal, r, w)))?;
    let meta = &requirement.meta;
    let file = meta.origin.file;
    let span = literal.source_span(range);
    Some(
        Diagnostic::warning(
            Code::OFFER_SET_ASIDE,
            Message::new("w0515-set-aside").with("id", &meta.id),
        )
        .with_primary(file, span, Message::new("w0515-set-aside-label"))
        .with_note(Message::new("w0515-set-aside-note"))
        .with_help(Message::new("w0515-set-aside-help").with("replacement", replacement))
        .with_fix(Fix {
            title: Message::new("w0515-write").with("replacement", replacement),
            edits: vec![(file, span, replacement.to_owned())],
        }),
    )
}

/// The first word of `text` that sets an offer aside, in a sentence that speaks of an
/// offer, with the words that replace it.
fn set_aside_in(text: &str) -> Option<(Range<usize>, &'static str)> {
    sentences(text).find_map(|sentence| {
        let words = word_ranges(&text[sentence.clone()]);
        let about_an_offer = words
            .iter()
            .any(|(_, word)| matches!(word.as_str(), "offre" | "offres"));
        if !about_an_offer {
            return None;
        }
        words.iter().find_map(|(range, folded)| {
            let range = sentence.start + range.start..sentence.start + range.end;
            replacement(folded, &text[range.clone()]).map(|words| (range, words))
        })
    })
}

/// The byte ranges of the sentences of a text, cut after `.`, `;`, `!`, `?` and line
/// breaks.
fn sentences(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    text.char_indices()
        .filter(|(_, c)| matches!(c, '.' | ';' | '!' | '?' | '\n'))
        .map(|(at, c)| at + c.len_utf8())
        .chain(std::iter::once(text.len()))
        .filter_map(move |end| {
            let range = start..end;
            start = end;
            (!range.is_empty()).then_some(range)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_sentence_about_an_offer_counts() {
        let text = "La candidature est rejetée si elle est incomplète. Une offre non conforme sera écartée.";
        let (range, replacement) = set_aside_in(text).unwrap();
        assert_eq!(&text[range], "écartée");
        assert_eq!(replacement, "déclarée irrégulière");
        assert_eq!(set_aside_in("La candidature incomplète est rejetée."), None);
        assert_eq!(set_aside_in("Les offres sont classées."), None);
        assert_eq!(set_aside_in("Une offre n'est pas écartable."), None);
    }

    #[test]
    fn the_replacement_agrees_with_the_word_it_replaces() {
        let cases = [
            ("écartée", "déclarée irrégulière"),
            ("rejetées", "déclarées irrégulières"),
            ("eliminee", "déclarée irrégulière"),
            ("rejeté", "déclaré irrégulier"),
            ("écartés", "déclarés irréguliers"),
            ("écarte", "déclare irrégulière"),
            ("rejette", "déclare irrégulière"),
            ("éliminera", "déclarera irrégulière"),
            ("rejettera", "déclarera irrégulière"),
        ];
        for (word, expected) in cases {
            let text = format!("L'offre est {word}.");
            let (_, found) = set_aside_in(&text).unwrap_or_else(|| panic!("{word}"));
            assert_eq!(found, expected, "{word}");
        }
        assert_eq!(set_aside_in("L'offre rejoint le rejet."), None);
    }
}
