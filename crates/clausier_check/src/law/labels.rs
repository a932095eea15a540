//! `W0507`: a requirement that demands a label without accepting an equivalent;
//! `W0516`: a requirement that says it admits no equivalent but demands no label.

use clausier_diagnostics::{Code, Diagnostic, Message, stack};

use super::{field_segments, words};
use crate::fold::has_error;
use crate::hir::{ClauseMeta, FieldRef, RequirementDef, TExpr, TExprKind};
use crate::types::Schema;
use crate::value::Value;

/// `W0507`: a requirement written for publication (it has a `text`) that only a
/// labelled or certified offer can pass, whose title, text and doc comment never speak
/// of an equivalent.
pub(super) fn label_without_equivalent(
    schema: &Schema,
    requirement: &RequirementDef,
) -> Option<Diagnostic> {
    let meta = &requirement.meta;
    if meta.text.is_none()
        || has_error(&requirement.require)
        || requirement.no_equivalent.is_some()
        || mentions_equivalence(meta)
    {
        return None;
    }
    let node = needed_label(schema, &requirement.require)?;
    let label = match &node.kind {
        TExprKind::Field(field) | TExprKind::Has(field) => {
            Message::new("w0507-names-a-label").with("name", &field.text)
        }
        TExprKind::Const(Value::String(text)) => {
            Message::new("w0507-names-a-label").with("name", text.as_ref())
        }
        _ => Message::new("w0507-this-names-a-label"),
    };
    Some(
        Diagnostic::warning(
            Code::LABEL_WITHOUT_EQUIVALENT,
            Message::new("w0507-label-without-equivalent").with("id", &meta.id),
        )
        .with_primary(meta.origin.file, node.span, label)
        .with_secondary(
            meta.origin.file,
            meta.origin.span,
            Message::new("w0507-no-equivalent-mentioned"),
        )
        .with_note(Message::new("w0507-law-note"))
        .with_help(Message::new("w0507-help")),
    )
}

/// `W0516`: `no_equivalent` on a requirement that no label decides, where no claim of an
/// equivalent is ever examined anyway.
pub(super) fn no_equivalent_without_label(
    schema: &Schema,
    requirement: &RequirementDef,
) -> Option<Diagnostic> {
    let line = requirement.no_equivalent.as_ref()?;
    if has_error(&requirement.require) || demands_a_label(schema, requirement) {
        return None;
    }
    let meta = &requirement.meta;
    Some(
        Diagnostic::warning(
            Code::NO_EQUIVALENT_WITHOUT_LABEL,
            Message::new("w0516-no-equivalent-without-label").with("id", &meta.id),
        )
        .with_primary(
            meta.origin.file,
            line.span,
            Message::new("w0516-changes-nothing"),
        )
        .with_secondary(
            meta.origin.file,
            requirement.require.span,
            Message::new("w0516-no-label-read"),
        )
        .with_help(Message::new("w0516-help")),
    )
}

/// Whether every way of meeting the requirement needs a label or certification (the test
/// of `W0507`): the law obliges the buyer to examine a claimed equivalent to it (CCP
/// R2111-12 to R2111-17), so the evaluator puts such a requirement under review rather
/// than failing it when the offer claims one.
pub fn demands_a_label(schema: &Schema, requirement: &RequirementDef) -> bool {
    !has_error(&requirement.require) && needed_label(schema, &requirement.require).is_some()
}

/// Whether a claim of an equivalent is examined on this requirement: it demands a label
/// and does not say it admits no equivalent (`no_equivalent "…"`, for a certification the
/// law imposes).
pub fn accepts_equivalents(schema: &Schema, requirement: &RequirementDef) -> bool {
    requirement.no_equivalent.is_none() && demands_a_label(schema, requirement)
}

/// Whether the drafter addressed equivalence in the clause's title, text, note or doc
/// comment: a word that starts with `equivalen` (« ou équivalent », « équivalence »,
/// "or equivalent").
fn mentions_equivalence(meta: &ClauseMeta) -> bool {
    [
        Some(meta.title.as_str()),
        meta.text.as_ref().map(|text| text.source.as_str()),
        meta.note.as_ref().map(|note| note.source.as_str()),
        Some(meta.docs.as_str()),
    ]
    .into_iter()
    .flatten()
    .any(|text| words(text).iter().any(|w| w.starts_with("equivalen")))
}

/// The sub-expression that names a label which every way of satisfying `expr` needs, if
/// there is one. An `or` (or the branches of an `if`) escapes as soon as one side can
/// hold without a label; `not` never requires the label it negates; `a implies b` needs
/// what `b` needs.
fn needed_label<'e>(schema: &Schema, expr: &'e TExpr) -> Option<&'e TExpr> {
    stack::deep(|| needed_label_in(schema, expr))
}

fn needed_label_in<'e>(schema: &Schema, expr: &'e TExpr) -> Option<&'e TExpr> {
    match &expr.kind {
        TExprKind::Field(field) | TExprKind::Has(field) => {
            is_label_field(schema, field).then_some(expr)
        }
        TExprKind::Const(Value::String(text)) => names_label(text).then_some(expr),
        TExprKind::Const(_)
        | TExprKind::Param(_)
        | TExprKind::ParamField(..)
        | TExprKind::Local(_)
        | TExprKind::Today
        | TExprKind::Aggregate(_)
        | TExprKind::Passed(_)
        | TExprKind::Entries
        | TExprKind::Share { .. }
        | TExprKind::TextCheck { .. }
        | TExprKind::Weekday { .. }
        | TExprKind::BusinessDuration(_)
        | TExprKind::Not(_)
        | TExprKind::Neg(_) => None,
        TExprKind::List(items) => items.iter().find_map(|item| needed_label(schema, item)),
        TExprKind::And(a, b)
        | TExprKind::Compare(_, a, b)
        | TExprKind::Arith(_, a, b)
        | TExprKind::In(a, b)
        | TExprKind::Index(a, b) => needed_label(schema, a).or_else(|| needed_label(schema, b)),
        TExprKind::Or(a, b) => {
            let left = needed_label(schema, a)?;
            needed_label(schema, b).map(|_| left)
        }
        TExprKind::Implies(_, b) => needed_label(schema, b),
        TExprKind::If(_, a, b) => {
            let left = needed_label(schema, a)?;
            needed_label(schema, b).map(|_| left)
        }
        TExprKind::Quantifier {
            collection, body, ..
        } => needed_label(schema, collection).or_else(|| needed_label(schema, body)),
        TExprKind::Count { collection, filter } => needed_label(schema, collection).or_else(|| {
            filter
                .as_ref()
                .and_then(|(_, _, body)| needed_label(schema, body))
        }),
        TExprKind::ListAggregate {
            collection,
            projection,
            ..
        } => needed_label(schema, collection).or_else(|| {
            projection
                .as_ref()
                .and_then(|(_, _, value)| needed_label(schema, value))
        }),
    }
}

/// Whether a field holds a label or certification: one of its segments names one, and
/// none speaks of an equivalent (`security.equivalent_expires` is the alternative).
fn is_label_field(schema: &Schema, field: &FieldRef) -> bool {
    let segments = field_segments(schema, field);
    let is_alternative = segments
        .iter()
        .any(|segment| words(segment).iter().any(|w| w.starts_with("equivalen")));
    !is_alternative && segments.iter().any(|segment| names_label(segment))
}

/// Whether a name or a string names a label, a certification or a qualification:
/// `secnumcloud`, `hds`, `eucs`, `iso` with a standard's number (`iso27001`,
/// `ISO 27001`), or a word starting with `label`, `ecolabel`, `certif` or `qualif`.
fn names_label(text: &str) -> bool {
    let words = words(text);
    let iso_number = |word: &str| {
        word.strip_prefix("iso")
            .is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit()))
    };
    words.iter().any(|word| {
        matches!(word.as_str(), "secnumcloud" | "hds" | "eucs")
            || iso_number(word)
            || ["label", "ecolabel", "certif", "qualif"]
                .iter()
                .any(|stem| word.starts_with(stem))
    }) || words.windows(2).any(|pair| {
        pair[0] == "iso" && !pair[1].is_empty() && pair[1].chars().all(|c| c.is_ascii_digit())
    })
}
