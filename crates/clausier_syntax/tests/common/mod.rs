//! Helpers shared by the parser's integration tests.

#![allow(dead_code, reason = "each test binary uses a different part of this module")]

use std::fmt::Write as _;

use clausier_diagnostics::{Diagnostic, FileId, LineIndex};
use clausier_syntax::ast::{ClauseFieldKind, Expr, ItemKind};
use clausier_syntax::debug::{debug_expr, debug_tree};
use clausier_syntax::{Parse, parse};

pub fn parse_text(text: &str) -> Parse {
    parse(FileId(0), text)
}

/// Diagnostics as a person reads them: the code, the message, the source line with the
/// primary label under it, and the help.
pub fn render_diagnostics(text: &str, diagnostics: &[Diagnostic]) -> String {
    let index = LineIndex::new(text);
    let mut out = String::new();
    for diagnostic in diagnostics {
        let _ = writeln!(
            out,
            "{}[{}]: {}",
            diagnostic.severity.as_str(),
            diagnostic.code,
            diagnostic.message
        );
        for label in &diagnostic.labels {
            let at = index.line_col(text, label.span.start);
            let line = index.line_of(label.span.start);
            let range = index.line_range(line, text).unwrap_or(0..0);
            let source = &text[range.clone()];
            let end = (label.span.end as usize).min(range.end).max(label.span.start as usize);
            let width = text[label.span.start as usize..end].chars().count().max(1);
            let marker = if label.primary { '^' } else { '-' };
            let _ = writeln!(out, "  --> {}:{}", at.line, at.column);
            let _ = writeln!(out, "   | {source}");
            let _ = writeln!(
                out,
                "   | {}{} {}",
                " ".repeat(at.column as usize - 1),
                marker.to_string().repeat(width),
                label.message
            );
        }
        if let Some(help) = &diagnostic.help {
            let _ = writeln!(out, "   = help: {help}");
        }
    }
    out
}

/// The tree and the diagnostics of `text`, for one snapshot.
pub fn tree_and_diagnostics(text: &str) -> String {
    let parse = parse_text(text);
    format!(
        "{}\n{}",
        debug_tree(&parse.ast),
        render_diagnostics(text, &parse.diagnostics)
    )
}

/// Parses `source` as the value of a parameter and prints the expression; fails the test
/// on any diagnostic.
pub fn expr(source: &str) -> String {
    let text = format!("param p: int = {source}\n");
    let parse = parse_text(&text);
    assert!(
        parse.diagnostics.is_empty(),
        "unexpected diagnostics for `{source}`:\n{}",
        render_diagnostics(&text, &parse.diagnostics)
    );
    match &parse.ast.items[..] {
        [item] => match &item.kind {
            ItemKind::Param(param) => debug_expr(&param.value),
            other => panic!("not a param: {other:?}"),
        },
        items => panic!("expected one item, got {items:?}"),
    }
}

/// The first `require` expression of the first requirement of `text`.
pub fn first_require(text: &str) -> Option<Expr> {
    parse_text(text).ast.items.into_iter().find_map(|item| match item.kind {
        ItemKind::Requirement(requirement) => {
            requirement.body.into_iter().find_map(|field| match field.kind {
                ClauseFieldKind::Require(expr) => Some(expr),
                _ => None,
            })
        }
        _ => None,
    })
}
