//! The words of an explanation, shared by every report format: each format marks the
//! pieces that quote the clause or the descriptor in its own way (plain, Markdown code,
//! HTML `<code>`).
//!
//! An `or` (or an `any`) that nothing satisfies reads as one failure with its
//! alternatives, never as separate failures: the requirement needed only one of them.

use std::borrow::Cow;

use clausier_check::value::Value;
use clausier_eval::report::{
    Alternative, Claim, ClauseResult, DescriptorReport, ExpiredEvidence, Explanation, Reason,
    Relation, RequestedDocument, RequirementResult, RunWarning, Shown, Worded,
};
use clausier_i18n::{Lang, t};

/// A piece of an explanation: words, or a quotation of the clause or the descriptor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Piece {
    Text(String),
    Code(String),
    /// Between a sub-expression and the value it read: ` — ` in text, `: ` in HTML.
    Then,
}

fn text(words: &str) -> Piece {
    Piece::Text(words.to_owned())
}

fn code(quoted: &str) -> Piece {
    Piece::Code(quoted.to_owned())
}

/// Joins pieces into one string, `mark` writing each quotation.
pub(crate) fn join(
    pieces: &[Piece],
    mark: impl Fn(&str) -> String,
    words: impl Fn(&str) -> String,
    then: &str,
) -> String {
    pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text(text) => words(text),
            Piece::Code(quoted) => mark(quoted),
            Piece::Then => then.to_owned(),
        })
        .collect()
}

/// Plain text, as the human, JUnit and SARIF reports print it.
pub(crate) fn plain(pieces: &[Piece]) -> String {
    join(pieces, str::to_owned, str::to_owned, " — ")
}

/// The heading of a group of alternatives: `none of these holds`, or `no element of
/// subprocessors satisfies it` for an `any`.
pub(crate) fn group_heading(item: &Explanation, lang: Lang) -> Vec<Piece> {
    match item.any_list() {
        Some(list) => {
            let sentence = t!(lang, "explain-no-element", list = "\u{0}");
            quoting(&sentence, list)
        }
        None => vec![Piece::Text(t!(lang, "explain-none-holds"))],
    }
}

/// A sentence with one quotation at the `\u{0}` that stands for it.
fn quoting(sentence: &str, quoted: &str) -> Vec<Piece> {
    let (before, after) = sentence.split_once('\u{0}').unwrap_or((sentence, ""));
    let mut pieces = Vec::new();
    if !before.is_empty() {
        pieces.push(text(before));
    }
    pieces.push(code(quoted));
    if !after.is_empty() {
        pieces.push(text(after));
    }
    pieces
}

/// One explanation on one line: `hosting.region is ADEQUATE (line 6, column 15); the
/// requirement expects EU or EEA`, or the sub-expression as written when it compares
/// nothing with a value (`hosting.region == backup.region — hosting.region is OTHER at
/// vendors/x.json:4:15`); a group as `none of these holds: A; or B`.
pub(crate) fn explanation(item: &Explanation, lang: Lang) -> Vec<Piece> {
    if !item.alternatives.is_empty() {
        let mut pieces = group_heading(item, lang);
        pieces.push(text(": "));
        for (index, alternative) in item.alternatives.iter().enumerate() {
            if index > 0 {
                pieces.push(text(&format!("{} ", t!(lang, "explain-or-inline"))));
            }
            pieces.extend(alternative_line(alternative, lang));
        }
        return pieces;
    }
    if let (Some(claim), Some(path)) = (&item.claim, &item.path) {
        return claimed(item, claim, path, lang);
    }
    let mut pieces = match &item.in_words {
        Some(rule) => rule
            .iter()
            .map(|piece| match piece {
                Worded::Words(words) => text(words),
                Worded::Quoted(quoted) => code(quoted),
            })
            .collect(),
        None => vec![code(&item.expr)],
    };
    pieces.extend(detail(item, lang));
    pieces
}

/// `pricing.per_student is 9.40 € (line 3, column 389); the requirement expects at most
/// 8.00 €`.
fn claimed(item: &Explanation, claim: &Claim, path: &str, lang: Lang) -> Vec<Piece> {
    let mut pieces = match &claim.observed {
        Some(observed) => {
            let sentence = t!(
                lang,
                "explain-declared",
                path = "\u{0}",
                value = shown(observed, lang)
            );
            quoting(&sentence, path)
        }
        None => quoting(&t!(lang, "explain-absent", path = "\u{0}"), path),
    };
    pieces.extend(every_element(item, lang));
    pieces.extend(location(item, lang));
    let expected = t!(lang, "explain-expects", expected = expectation(claim, lang));
    pieces.push(text(&format!("{} {expected}", semicolon(lang))));
    pieces
}

/// `, required of every element of subprocessors` when an `all` failed on an element.
fn every_element(item: &Explanation, lang: Lang) -> Vec<Piece> {
    let Some(element) = item.element.as_ref().filter(|e| e.quantifier == "all") else {
        return Vec::new();
    };
    let sentence = t!(lang, "explain-every-element", list = "\u{0}");
    let mut pieces = vec![text(", ")];
    pieces.extend(quoting(&sentence, &element.list));
    pieces
}

/// ` (line 3, column 389)` where the value is in the vendor's file.
fn location(item: &Explanation, lang: Lang) -> Option<Piece> {
    let line = item.line?;
    let column = item.column.unwrap_or(1);
    let at = t!(lang, "explain-at", line = line, column = column);
    Some(text(&format!(" ({at})")))
}

/// `;` as each language punctuates it.
pub(crate) fn semicolon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => " ;",
        Lang::En => ";",
    }
}

/// What the requirement expects, in words: `at most 8.00 €`, `EU or EEA`.
fn expectation(claim: &Claim, lang: Lang) -> String {
    let first = claim
        .expected
        .first()
        .map(|value| shown(value, lang))
        .unwrap_or_default();
    let moment = claim.expected.first().and_then(moment_kind);
    let id = match (claim.relation, moment) {
        (Relation::Equal, Some(Moment::Day)) => "expect-on-day",
        (Relation::Equal, _) => "expect-equal",
        (Relation::NotEqual, _) => "expect-not-equal",
        (Relation::AtMost, None) => "expect-at-most",
        (Relation::AtMost, Some(Moment::Day)) => "expect-on-or-before",
        (Relation::AtMost, Some(Moment::Time)) => "expect-at-or-before-time",
        (Relation::Below, None) => "expect-below",
        (Relation::Below, Some(Moment::Day)) => "expect-before",
        (Relation::Below, Some(Moment::Time)) => "expect-before-time",
        (Relation::AtLeast, None) => "expect-at-least",
        (Relation::AtLeast, Some(Moment::Day)) => "expect-on-or-after",
        (Relation::AtLeast, Some(Moment::Time)) => "expect-at-or-after-time",
        (Relation::Above, None) => "expect-above",
        (Relation::Above, Some(Moment::Day)) => "expect-after",
        (Relation::Above, Some(Moment::Time)) => "expect-after-time",
        (Relation::OneOf, _) => {
            let values = listed(&claim.expected, lang, "list-last-or");
            return clausier_i18n::text_with(
                lang,
                "expect-one-of",
                &clausier_i18n::Args::new().with("values", values),
            );
        }
        (Relation::NoneOf, _) => {
            let values = listed(&claim.expected, lang, "list-last-and");
            return clausier_i18n::text_with(
                lang,
                "expect-none-of",
                &clausier_i18n::Args::new().with("values", values),
            );
        }
        (Relation::Yes, _) => return t!(lang, "expect-yes"),
        (Relation::No, _) => return t!(lang, "expect-no"),
        (Relation::Given, _) => return t!(lang, "expect-given"),
    };
    clausier_i18n::text_with(lang, id, &clausier_i18n::Args::new().with("value", first))
}

/// A value that is a moment: compared, it reads "on or before", not "at most".
#[derive(Clone, Copy)]
enum Moment {
    Day,
    Time,
}

fn moment_kind(shown: &Shown) -> Option<Moment> {
    match shown {
        Shown::Value(Value::Date(_) | Value::DateTime(_)) => Some(Moment::Day),
        Shown::Value(Value::Time(_)) => Some(Moment::Time),
        _ => None,
    }
}

/// `EU, EEA or EFTA`, the last joined with the word `last` names.
fn listed(values: &[Shown], lang: Lang, last: &'static str) -> String {
    let words: Vec<String> = values.iter().map(|value| shown(value, lang)).collect();
    match words.split_last() {
        Some((only, [])) => only.clone(),
        Some((final_one, rest)) => {
            let last = match last {
                "list-last-and" => t!(lang, "list-last-and"),
                _ => t!(lang, "list-last-or"),
            };
            format!("{} {last} {final_one}", rest.join(", "))
        }
        None => String::new(),
    }
}

/// A value of a claim as the language writes it: `9,40 €`, `30 septembre 2026`, `oui`.
pub(crate) fn shown(value: &Shown, lang: Lang) -> String {
    match value {
        Shown::Name(name) => name.clone(),
        Shown::Value(Value::Bool(true)) => t!(lang, "word-yes"),
        Shown::Value(Value::Bool(false)) => t!(lang, "word-no"),
        Shown::Value(value) => crate::pack::plain_value_in_words(value, lang),
    }
}

/// An alternative on one line: the failing sub-expression itself when it is the whole
/// alternative, else the alternative followed by what fails in it.
pub(crate) fn alternative_line(alternative: &Alternative, lang: Lang) -> Vec<Piece> {
    match alternative.explanation.as_slice() {
        [only] if only.expr == alternative.expr => explanation(only, lang),
        [] => vec![code(&alternative.expr)],
        items if said_in_words(items) => {
            let mut pieces = Vec::new();
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    pieces.push(text(&format!("{} ", semicolon(lang))));
                }
                pieces.extend(explanation(item, lang));
            }
            pieces
        }
        items => {
            let mut pieces = vec![code(&alternative.expr), text(" (")];
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    pieces.push(text(&format!("{} ", semicolon(lang))));
                }
                pieces.extend(explanation(item, lang));
            }
            pieces.push(text(")"));
            pieces
        }
    }
}

/// Whether every item says in words what was declared and expected: an alternative made
/// of them needs no quotation of its condition.
pub(crate) fn said_in_words(items: &[Explanation]) -> bool {
    items
        .iter()
        .all(|item| item.claim.is_some() && item.path.is_some() && item.alternatives.is_empty())
}

/// What follows a sub-expression quoted as written: whose element it is about, the value
/// it read and where.
pub(crate) fn detail(item: &Explanation, lang: Lang) -> Vec<Piece> {
    let mut pieces = Vec::new();
    pieces.extend(every_element(item, lang));
    match (&item.path, &item.value) {
        (Some(path), Some(value)) => {
            pieces.push(Piece::Then);
            let sentence = t!(lang, "explain-declared", path = "\u{0}", value = "\u{1}");
            let (head, tail) = sentence.split_once('\u{1}').unwrap_or((&sentence, ""));
            pieces.extend(quoting(head, path));
            match &item.observed {
                Some(observed) => pieces.push(code(&shown(observed, lang))),
                None => pieces.push(code(value)),
            }
            if !tail.is_empty() {
                pieces.push(text(tail));
            }
        }
        (Some(path), None) => {
            pieces.push(Piece::Then);
            pieces.extend(quoting(&t!(lang, "explain-absent", path = "\u{0}"), path));
        }
        (None, Some(value)) => pieces.extend([Piece::Then, code(value)]),
        (None, None) => {}
    }
    match (item.words_id, &item.words) {
        (Some(id), _) => pieces.push(text(&format!(", {}", clausier_i18n::text(lang, id)))),
        (None, Some(words)) => pieces.push(text(&format!(", {words}"))),
        (None, None) => {}
    }
    if let Some(counted) = &item.counted {
        match counted.as_slice() {
            [] => pieces.push(text(&format!(", {}", t!(lang, "explain-counting-none")))),
            paths => {
                pieces.push(text(&format!(", {} ", t!(lang, "explain-counting"))));
                for (index, path) in paths.iter().enumerate() {
                    if index > 0 {
                        pieces.push(text(", "));
                    }
                    pieces.push(code(path));
                }
            }
        }
    }
    pieces.extend(location(item, lang));
    pieces
}

/// `lowest(pricing.per_student) / pricing.per_student has no value: division by zero
/// (R0702)`.
pub(crate) fn reason(reason: &Reason, lang: Lang) -> Vec<Piece> {
    let words = t!(
        lang,
        "explain-no-value",
        reason = reason_words(reason, lang),
        code = reason.code.as_str()
    );
    vec![code(&reason.expr), text(&format!(" {words}"))]
}

/// Why a computation has no value, in the reader's language; as the evaluator said it
/// when the catalogue does not know its id.
fn reason_words(reason: &Reason, lang: Lang) -> String {
    if reason.message_id.is_empty() {
        return reason.message.clone();
    }
    let key = reason.key.clone().unwrap_or_default();
    clausier_i18n::text_with(
        lang,
        reason.message_id,
        &clausier_i18n::Args::new().with("key", key),
    )
}

/// Why a requirement is missing or a score unknown: the absent paths, then the
/// computations without a value.
pub(crate) fn unknown(missing: &[String], reasons: &[Reason], lang: Lang) -> Vec<Piece> {
    let mut pieces = Vec::new();
    for (index, path) in missing.iter().enumerate() {
        if index > 0 {
            pieces.push(text(", "));
        }
        pieces.push(code(path));
    }
    for item in reasons {
        if !pieces.is_empty() {
            pieces.push(text(&format!("{} ", semicolon(lang))));
        }
        pieces.extend(reason(item, lang));
    }
    pieces
}

/// Why a requirement is `missing`: its absent paths and computations without a value,
/// then the documents to request from the candidate.
pub(crate) fn requirement_unknown(requirement: &RequirementResult, lang: Lang) -> Vec<Piece> {
    let mut pieces = unknown(&requirement.missing, &requirement.reasons, lang);
    pieces.extend(expired(&requirement.expired, lang));
    pieces.extend(documents_to_request(&requirement.documents, lang));
    pieces
}

/// [`requirement_unknown`] in plain words.
pub(crate) fn requirement_undecided(requirement: &RequirementResult, lang: Lang) -> String {
    let mut why = undecided(&requirement.missing, &requirement.reasons, lang);
    why.push_str(&plain(&expired(&requirement.expired, lang)));
    why.push_str(&plain(&documents_to_request(&requirement.documents, lang)));
    why
}

/// `; `certifications` expired on 31 March 2026`, for each value set aside as expired.
fn expired(expired: &[ExpiredEvidence], lang: Lang) -> Vec<Piece> {
    let mut pieces = Vec::new();
    for evidence in expired {
        pieces.push(text(&format!("{} ", semicolon(lang))));
        pieces.push(code(&evidence.path));
        let day = crate::pack::plain_value_in_words(&Value::Date(evidence.last_day), lang);
        pieces.push(text(&format!(
            " {}",
            t!(lang, "explain-expired", date = day)
        )));
    }
    pieces
}

/// The documents an offer still has to supply (*pièces à fournir*), grouped per
/// requirement in the report's order: each requirement `missing` a document it requires.
pub(crate) fn documents_to_provide(
    descriptor: &DescriptorReport,
) -> Vec<(&RequirementResult, &[RequestedDocument])> {
    descriptor
        .results
        .iter()
        .filter_map(|result| match result {
            ClauseResult::Requirement(requirement) if !requirement.documents.is_empty() => {
                Some((requirement, requirement.documents.as_slice()))
            }
            _ => None,
        })
        .collect()
}

/// `« Certificat HDS », « Plan d'assurance sécurité »`, each with the proof it asks for.
pub(crate) fn document_labels(documents: &[RequestedDocument], lang: Lang) -> String {
    documents
        .iter()
        .map(|document| document_words(document, lang))
        .collect::<Vec<_>>()
        .join(", ")
}

/// ` ; documents to request: « Dossier d'homologation RGS »`, or nothing.
fn documents_to_request(documents: &[RequestedDocument], lang: Lang) -> Vec<Piece> {
    let mut pieces = Vec::new();
    for (index, document) in documents.iter().enumerate() {
        pieces.push(text(&match (index, documents.len()) {
            (0, 1) => format!(
                "{} {} ",
                semicolon(lang),
                t!(lang, "explain-document-to-request")
            ),
            (0, _) => format!(
                "{} {} ",
                semicolon(lang),
                t!(lang, "explain-documents-to-request")
            ),
            _ => ", ".to_owned(),
        }));
        pieces.push(text(&document_words(document, lang)));
    }
    pieces
}

/// `« Certificat HDS »`, and when the clause asks for a kind of proof, which, and what
/// the offer gave instead: `« Certificat HDS » (justifié par un document ou un registre
/// public ; l'offre n'en donne qu'une déclaration)`.
pub(crate) fn document_words(document: &RequestedDocument, lang: Lang) -> String {
    let label = format!("« {} »", document.label);
    if document.proof.is_empty() {
        return label;
    }
    let kinds: Vec<String> = document
        .proof
        .iter()
        .map(|kind| proof_kind_words(kind, lang))
        .collect();
    let mut proof = t!(
        lang,
        "proof-asked",
        kinds = kinds.join(&t!(lang, "proof-or"))
    );
    match document.given_as {
        Some("declared") => {
            proof.push_str(semicolon(lang));
            proof.push(' ');
            proof.push_str(&t!(lang, "proof-given-declared"));
        }
        Some(kind) => {
            proof.push_str(semicolon(lang));
            proof.push(' ');
            let kind = proof_kind_words(kind, lang);
            proof.push_str(&t!(lang, "proof-given-other", kind = kind));
        }
        None => {}
    }
    format!("{label} ({proof})")
}

/// `un document`, `un registre public`, `un audit par un tiers`.
fn proof_kind_words(kind: &str, lang: Lang) -> String {
    match kind {
        "document" => t!(lang, "proof-kind-document"),
        "registry" => t!(lang, "proof-kind-registry"),
        "audit" => t!(lang, "proof-kind-audit"),
        _ => t!(lang, "proof-kind-declared"),
    }
}

/// Why a requirement cannot be decided, in plain words: `missing a, b`, then each
/// computation without a value.
pub(crate) fn undecided(missing: &[String], reasons: &[Reason], lang: Lang) -> String {
    let mut parts = Vec::new();
    if !missing.is_empty() || reasons.is_empty() {
        parts.push(t!(lang, "explain-missing", paths = missing.join(", ")));
    }
    parts.extend(reasons.iter().map(|item| plain(&reason(item, lang))));
    parts.join(&format!("{} ", semicolon(lang)))
}

/// The offer an entry is about, with its lot in a contract divided into lots
/// (`ent-a (lot 1)`): an offer on two lots has an entry in each, ranked in each.
pub(crate) fn offer_name(descriptor: &DescriptorReport) -> Cow<'_, str> {
    match &descriptor.lot {
        Some(lot) => Cow::Owned(format!("{} (lot {lot})", descriptor.id)),
        None => Cow::Borrowed(&descriptor.id),
    }
}

/// A warning about the whole run in the reader's language: `lowest(pricing.per_student)`
/// is 0 over the eligible offers, so the criterion does not rank them.
pub(crate) fn run_warning(warning: &RunWarning, lang: Lang) -> String {
    let Some(value) = &warning.value else {
        return warning.message.clone();
    };
    clausier_eval::report::zero_aggregate_message(
        &warning.aggregate,
        &shown(value, lang),
        warning.lot.as_deref(),
    )
    .text(lang)
}
