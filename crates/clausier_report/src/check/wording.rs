//! The words of an explanation, shared by every report format: each format marks the
//! pieces that quote the clause or the descriptor in its own way (plain, Markdown code,
//! HTML `<code>`).
//!
//! An `or` (or an `any`) that nothing satisfies reads as one failure with its
//! alternatives, never as separate failures: the requirement needed only one of them.

use std::borrow::Cow;

use clausier_eval::report::{
    Alternative, DescriptorReport, Explanation, Reason, RequestedDocument, RequirementResult,
};

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
pub(crate) fn group_heading(item: &Explanation) -> Vec<Piece> {
    match item.any_list() {
        Some(list) => vec![text("no element of "), code(list), text(" satisfies it")],
        None => vec![text("none of these holds")],
    }
}

/// One explanation on one line: `hosting.region == EU — hosting.region is OTHER at
/// vendors/x.json:4:15`; a group as `none of these holds: A — …; or B — …`.
pub(crate) fn explanation(item: &Explanation, source: &str) -> Vec<Piece> {
    if !item.alternatives.is_empty() {
        let mut pieces = group_heading(item);
        pieces.push(text(": "));
        for (index, alternative) in item.alternatives.iter().enumerate() {
            if index > 0 {
                pieces.push(text("; or "));
            }
            pieces.extend(alternative_line(alternative, source));
        }
        return pieces;
    }
    let mut pieces = vec![code(&item.expr)];
    pieces.extend(detail(item, source));
    pieces
}

/// An alternative on one line: the failing sub-expression itself when it is the whole
/// alternative, else the alternative followed by what fails in it.
pub(crate) fn alternative_line(alternative: &Alternative, source: &str) -> Vec<Piece> {
    match alternative.explanation.as_slice() {
        [only] if only.expr == alternative.expr => explanation(only, source),
        [] => vec![code(&alternative.expr)],
        items => {
            let mut pieces = vec![code(&alternative.expr), text(" (")];
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    pieces.push(text("; "));
                }
                pieces.extend(explanation(item, source));
            }
            pieces.push(text(")"));
            pieces
        }
    }
}

/// What follows a sub-expression: whose element it is about, the value it read and
/// where.
pub(crate) fn detail(item: &Explanation, source: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    if let Some(element) = item.element.as_ref().filter(|e| e.quantifier == "all") {
        pieces.push(text(", required of every element of "));
        pieces.push(code(&element.list));
    }
    match (&item.path, &item.value) {
        (Some(path), Some(value)) => {
            pieces.extend([Piece::Then, code(path), text(" is "), code(value)]);
        }
        (Some(path), None) => pieces.extend([Piece::Then, code(path), text(" is absent")]),
        (None, Some(value)) => pieces.extend([Piece::Then, code(value)]),
        (None, None) => {}
    }
    if let Some(words) = &item.words {
        pieces.push(text(&format!(", {words}")));
    }
    if let Some(counted) = &item.counted {
        match counted.as_slice() {
            [] => pieces.push(text(", counting none of them")),
            paths => {
                pieces.push(text(", counting "));
                for (index, path) in paths.iter().enumerate() {
                    if index > 0 {
                        pieces.push(text(", "));
                    }
                    pieces.push(code(path));
                }
            }
        }
    }
    if let Some(line) = item.line {
        let at = format!("{source}:{line}:{}", item.column.unwrap_or(1));
        pieces.extend([text(" at "), code(&at)]);
    }
    pieces
}

/// `lowest(pricing.per_student) / pricing.per_student has no value: division by zero
/// (R0702)`.
pub(crate) fn reason(reason: &Reason) -> Vec<Piece> {
    vec![
        code(&reason.expr),
        text(&format!(
            " has no value: {} ({})",
            reason.message, reason.code
        )),
    ]
}

/// Why a requirement is missing or a score unknown: the absent paths, then the
/// computations without a value.
pub(crate) fn unknown(missing: &[String], reasons: &[Reason]) -> Vec<Piece> {
    let mut pieces = Vec::new();
    for (index, path) in missing.iter().enumerate() {
        if index > 0 {
            pieces.push(text(", "));
        }
        pieces.push(code(path));
    }
    for item in reasons {
        if !pieces.is_empty() {
            pieces.push(text("; "));
        }
        pieces.extend(reason(item));
    }
    pieces
}

/// Why a requirement is `missing`: its absent paths and computations without a value,
/// then the documents to request from the candidate.
pub(crate) fn requirement_unknown(requirement: &RequirementResult) -> Vec<Piece> {
    let mut pieces = unknown(&requirement.missing, &requirement.reasons);
    pieces.extend(documents_to_request(&requirement.documents));
    pieces
}

/// [`requirement_unknown`] in plain words.
pub(crate) fn requirement_undecided(requirement: &RequirementResult) -> String {
    let mut why = undecided(&requirement.missing, &requirement.reasons);
    why.push_str(&plain(&documents_to_request(&requirement.documents)));
    why
}

/// `; documents to request: « Dossier d'homologation RGS »`, or nothing.
fn documents_to_request(documents: &[RequestedDocument]) -> Vec<Piece> {
    let mut pieces = Vec::new();
    for (index, document) in documents.iter().enumerate() {
        pieces.push(text(match (index, documents.len()) {
            (0, 1) => "; document to request: ",
            (0, _) => "; documents to request: ",
            _ => ", ",
        }));
        pieces.push(text(&format!("« {} »", document.label)));
    }
    pieces
}

/// Why a requirement cannot be decided, in plain words: `missing a, b`, then each
/// computation without a value.
pub(crate) fn undecided(missing: &[String], reasons: &[Reason]) -> String {
    let mut parts = Vec::new();
    if !missing.is_empty() || reasons.is_empty() {
        parts.push(format!("missing {}", missing.join(", ")));
    }
    parts.extend(reasons.iter().map(|item| plain(&reason(item))));
    parts.join("; ")
}

/// The offer an entry is about, with its lot in a contract divided into lots
/// (`ent-a (lot 1)`): an offer on two lots has an entry in each, ranked in each.
pub(crate) fn offer_name(descriptor: &DescriptorReport) -> Cow<'_, str> {
    match &descriptor.lot {
        Some(lot) => Cow::Owned(format!("{} (lot {lot})", descriptor.id)),
        None => Cow::Borrowed(&descriptor.id),
    }
}
