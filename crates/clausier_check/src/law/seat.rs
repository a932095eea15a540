//! `W0508`: a clause that judges the operator rather than the offer: its seat, its
//! nationality, its capital, its shareholders or who controls it.
//!
//! A requirement of any level but `info` (a `must` or an `execution` one excludes, a
//! `should` one is scored) and a criterion are reported. The lawful alternatives are tied
//! to the object of the contract: where the data are hosted, who may access them, a
//! qualification with its equivalents.

use clausier_diagnostics::{Code, Diagnostic, Message, Span};
use clausier_syntax::ast::Level;

use super::{field_segments, words};
use crate::fold::{has_error, walk};
use crate::hir::{ClauseMeta, CriterionDef, FieldRef, RequirementDef, TExpr, TExprKind};
use crate::types::Schema;

/// `W0508` on a requirement: its `require` or `when` reads such a field.
pub(super) fn seat_based_requirement(
    schema: &Schema,
    requirement: &RequirementDef,
) -> Option<Diagnostic> {
    let why = match requirement.level {
        Level::Info => return None,
        Level::Must | Level::Execution => {
            Message::new("w0508-requirement-excludes").with("level", requirement.level.as_str())
        }
        Level::Should => Message::new("w0508-should-scored"),
    };
    let exprs = std::iter::once(&requirement.require).chain(requirement.when.as_ref());
    let (span, field) = first_operator_read(schema, exprs)?;
    let meta = &requirement.meta;
    Some(diagnostic(
        meta,
        Message::new("w0508-requirement-judges-operator").with("id", &meta.id),
        span,
        &field,
        why,
    ))
}

/// `W0508` on a criterion: its score reads such a field.
pub(super) fn seat_based_criterion(
    schema: &Schema,
    criterion: &CriterionDef,
) -> Option<Diagnostic> {
    let (span, field) = first_operator_read(schema, std::iter::once(&criterion.score))?;
    let meta = &criterion.meta;
    Some(
        diagnostic(
            meta,
            Message::new("w0508-criterion-scores-operator").with("id", &meta.id),
            span,
            &field,
            Message::new("w0508-criterion-linked-to-object"),
        )
        .with_note(Message::new("w0508-award-criteria-note")),
    )
}

fn diagnostic(
    meta: &ClauseMeta,
    message: Message,
    span: Span,
    field: &str,
    why: Message,
) -> Diagnostic {
    Diagnostic::warning(Code::SEAT_BASED_ELIGIBILITY, message)
        .with_primary(
            meta.origin.file,
            span,
            Message::new("w0508-field-about-operator").with("field", field),
        )
        .with_secondary(meta.origin.file, meta.origin.span, why)
        .with_note(Message::new("w0508-equal-treatment-note"))
        .with_help(Message::new("w0508-help"))
}

/// The first field read by `exprs` (free of errors) that is about the operator's seat,
/// nationality or ownership: where it is read, and its path.
fn first_operator_read<'e>(
    schema: &Schema,
    exprs: impl IntoIterator<Item = &'e TExpr>,
) -> Option<(Span, String)> {
    exprs
        .into_iter()
        .filter(|expr| !has_error(expr))
        .find_map(|expr| operator_read(schema, expr))
}

fn operator_read(schema: &Schema, expr: &TExpr) -> Option<(Span, String)> {
    let mut found = None;
    walk(expr, &mut |node| {
        if let TExprKind::Field(field) | TExprKind::Has(field) = &node.kind
            && is_operator_field(schema, field)
        {
            found = Some((node.span, field.text.clone()));
        }
        found.is_none()
    });
    found
}

/// Whether a field is about the operator rather than the offer. One of its segments
/// names a seat or a nationality (`seat`, `siege`, `nationality`, `headquarters`…), the
/// capital or the shareholders (`capital`, `shareholders`, `actionnaires`,
/// `voting_rights`…); or it names a country, a share or control under a segment that
/// names the operator (`vendor.country`, `vendor.non_eu_share`, `vendor.controlled_by`;
/// not `hosting.country`, which is where the data are, nor `access.control`).
fn is_operator_field(schema: &Schema, field: &FieldRef) -> bool {
    let segments = field_segments(schema, field);
    let segment_words: Vec<Vec<String>> = segments.iter().map(|s| words(s)).collect();
    let names_operator = segment_words.iter().flatten().any(|w| {
        matches!(
            w.as_str(),
            "seat"
                | "siege"
                | "hq"
                | "domicile"
                | "incorporation"
                | "incorporated"
                | "capital"
                | "shareholding"
                | "actionnariat"
                | "voting"
        ) || ["nationalit", "headquarter", "shareholder", "actionnaire"]
            .iter()
            .any(|stem| w.starts_with(stem))
    });
    if names_operator {
        return true;
    }
    let scoped_at = segment_words.iter().position(|ws| {
        ws.iter().any(|w| {
            matches!(
                w.as_str(),
                "country" | "countries" | "pays" | "nation" | "share" | "shares" | "parts"
            ) || w.starts_with("control")
        })
    });
    let Some(scoped_at) = scoped_at else {
        return false;
    };
    segment_words
        .iter()
        .take(scoped_at + 1)
        .flatten()
        .any(|w| OPERATOR_WORDS.contains(&w.as_str()))
}

/// Words that name the operator, under which a country, a share or control is its own.
const OPERATOR_WORDS: &[&str] = &[
    "vendor",
    "vendeur",
    "candidat",
    "candidate",
    "bidder",
    "soumissionnaire",
    "titulaire",
    "company",
    "entreprise",
    "societe",
    "supplier",
    "fournisseur",
    "editeur",
    "publisher",
    "contractor",
    "operator",
    "operateur",
    "owner",
    "proprietaire",
    "provider",
];
