//! Lints on the values a clause's published text gives: a text that writes a
//! parameter's value instead of naming it with `{name}` (`W0511`), and an overridden
//! parameter that a clause's text does not show (`W0512`). Either way the published text
//! would say one threshold while the rule checks another once a region sets its own.
//!
//! Only the parameters a clause's own expressions (`when`, `require`, `score`) read are
//! looked for in its texts: a number that happens to equal an unrelated parameter is
//! not the clause's threshold.

mod forms;
mod french;

use clausier_diagnostics::{Code, Diagnostic, FileId, Message, Span};
use clausier_syntax::ast::StringLit;

use crate::fold::walk;
use crate::hir::{ClauseMeta, ParamDef, ParamId, TExpr, TExprKind};
use crate::types::{Schema, Ty};
use crate::{Checker, ClauseLiterals};

impl Checker<'_> {
    pub(crate) fn lint_written_values(&mut self) {
        let mut found = Vec::new();
        let clauses = self
            .pack
            .requirements
            .iter()
            .map(|r| (&r.meta, exprs_of([Some(&r.require), r.when.as_ref()])))
            .chain(
                self.pack
                    .criteria
                    .iter()
                    .map(|c| (&c.meta, exprs_of([Some(&c.score), None]))),
            );
        for (meta, exprs) in clauses {
            let read = params_read(&exprs);
            let literals = self.clause_literals.get(&meta.origin);
            for id in &read {
                let Some(param) = self.pack.params.get(id.0 as usize) else {
                    continue;
                };
                if let Some(literals) = literals {
                    found.extend(literal_values(&self.pack.schema, meta, literals, param));
                }
                found.extend(override_not_shown(
                    &self.pack.schema,
                    meta,
                    literals,
                    *id,
                    param,
                ));
            }
        }
        for diagnostic in found {
            self.report(diagnostic);
        }
    }
}

fn exprs_of(exprs: [Option<&TExpr>; 2]) -> Vec<&TExpr> {
    exprs.into_iter().flatten().collect()
}

/// The parameters `exprs` read, each once, in order.
fn params_read(exprs: &[&TExpr]) -> Vec<ParamId> {
    let mut read = Vec::new();
    for expr in exprs {
        walk(expr, &mut |node| {
            if let TExprKind::Param(id) | TExprKind::ParamField(id, _) = node.kind
                && !read.contains(&id)
            {
                read.push(id);
            }
            true
        });
    }
    read
}

/// `W0511`: the first place each of the clause's `text`, `note` and `ref` writes the
/// default or the effective value of `param`.
fn literal_values(
    schema: &Schema,
    meta: &ClauseMeta,
    literals: &ClauseLiterals,
    param: &ParamDef,
) -> Vec<Diagnostic> {
    // A number alone is a count or a score only when the parameter is one.
    let bare_numbers = matches!(param.ty, Ty::Int | Ty::Number);
    let mut values = vec![&param.default];
    if param.value != param.default {
        values.push(&param.value);
    }
    let mut patterns: Vec<String> = values
        .iter()
        .flat_map(|value| forms::forms(value, bare_numbers))
        .collect();
    patterns.sort();
    patterns.dedup();
    let places = literals
        .text
        .iter()
        .map(|text| (text, "text"))
        .chain(literals.note.iter().map(|note| (note, "note")))
        .chain(literals.refs.iter().map(|reference| (reference, "ref")));
    let mut found = Vec::new();
    for (literal, field) in places {
        let first = patterns
            .iter()
            .flat_map(|pattern| forms::find(&literal.value, pattern))
            .filter(|range| !(bare_numbers && after_a_reference_word(&literal.value, range.start)))
            .min_by_key(|range| range.start);
        if let Some(range) = first {
            let written = literal.value[range.clone()].to_owned();
            let span = literal.source_span(range);
            found.push(literal_value(schema, meta, field, param, &written, span));
        }
    }
    found
}

fn literal_value(
    schema: &Schema,
    meta: &ClauseMeta,
    field: &str,
    param: &ParamDef,
    written: &str,
    span: Span,
) -> Diagnostic {
    let name = &param.name;
    // "the value" when the parameter keeps its default, "a value" when an override
    // gives it another one: the text may write either.
    let which = if param.value == param.default {
        "default"
    } else {
        "overridden"
    };
    let mut diagnostic = Diagnostic::warning(
        Code::LITERAL_VALUE_IN_TEXT,
        Message::new("w0511-literal-value")
            .with("field", field)
            .with("id", &meta.id)
            .with("which", which)
            .with("name", name),
    )
    .with_primary(
        meta.origin.file,
        span,
        Message::new("w0511-literal-value-label")
            .with("written", written)
            .with("which", which)
            .with("name", name),
    );
    let effective = param.value.display(schema).to_string();
    if param.value != param.default {
        diagnostic = diagnostic.with_note(
            Message::new("w0511-default-and-effective")
                .with("name", name)
                .with("default", param.default.display(schema).to_string())
                .with("effective", &effective),
        );
    }
    let help = if field == "ref" {
        "w0511-ref-help"
    } else {
        "w0511-help"
    };
    diagnostic.with_help(
        Message::new(help)
            .with("name", name)
            .with("effective", effective),
    )
}

/// Whether the number at `start` follows a word that numbers a part of a text or a
/// standard (`art. 28`, `annexe 2`, `n° 3`, `ISO 27001`), which is not a threshold.
fn after_a_reference_word(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches(|c: char| c.is_whitespace() || c == '.');
    let word = crate::law::word_ranges(before)
        .last()
        .filter(|(range, _)| range.end == before.len())
        .map(|(_, word)| word.clone());
    word.is_some_and(|word| {
        matches!(
            word.as_str(),
            "art"
                | "article"
                | "articles"
                | "annexe"
                | "annex"
                | "n"
                | "no"
                | "numero"
                | "alinea"
                | "point"
                | "section"
                | "chapitre"
                | "titre"
                | "version"
                | "v"
                | "iso"
                | "iec"
                | "en"
                | "rgaa"
                | "wcag"
                | "lot"
                | "tier"
                | "niveau"
        )
    }) || before.ends_with('§')
}

/// `W0512`: `param` is overridden, the clause reads it, and its text has no `{name}`.
fn override_not_shown(
    schema: &Schema,
    meta: &ClauseMeta,
    literals: Option<&ClauseLiterals>,
    id: ParamId,
    param: &ParamDef,
) -> Option<Diagnostic> {
    let site = param.set_in.as_ref()?;
    let text = meta.text.as_ref()?;
    if text.params().any(|shown| shown == id) {
        return None;
    }
    let (file, span): (FileId, Span) = match literals.and_then(|l| l.text.as_ref()) {
        Some(StringLit { span, .. }) => (meta.origin.file, *span),
        None => (meta.origin.file, meta.origin.span),
    };
    let name = &param.name;
    let value = param.value.display(schema).to_string();
    Some(
        Diagnostic::warning(
            Code::OVERRIDE_NOT_IN_TEXT,
            Message::new("w0512-override-not-shown")
                .with("id", &meta.id)
                .with("name", name)
                .with("pack", &site.pack)
                .with("value", &value),
        )
        .with_primary(
            file,
            span,
            Message::new("w0512-override-not-shown-label")
                .with("name", name)
                .with("value", &value),
        )
        .with_secondary(
            site.origin.file,
            site.origin.span,
            Message::new("w0512-set-here").with("name", name),
        )
        .with_help(Message::new("w0512-help").with("name", name)),
    )
}
