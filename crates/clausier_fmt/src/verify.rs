//! The formatter's own safety net: the formatted text must parse without errors to the
//! same tree as the original (modulo positions, and the canonical order of clause
//! lines) and hold the same comments in the same order. If it does not, the original
//! is kept and the caller gets an error instead of a changed program.

use clausier_diagnostics::{FileId, Severity};
use clausier_syntax::ast::{ItemKind, SourceFileAst};
use clausier_syntax::debug::debug_tree;

use crate::printer::canonical_clause_order;

/// A text form of what a file means and says: its tree without positions, clause lines
/// in the canonical order, and its comments without trailing spaces.
pub(crate) fn fingerprint(ast: &SourceFileAst) -> String {
    let mut ast = ast.clone();
    for item in &mut ast.items {
        match &mut item.kind {
            ItemKind::Requirement(decl) => canonical_clause_order(&mut decl.body),
            ItemKind::Criterion(decl) => canonical_clause_order(&mut decl.body),
            ItemKind::Indicator(decl) => canonical_clause_order(&mut decl.body),
            ItemKind::Risk(decl) => canonical_clause_order(&mut decl.body),
            _ => {}
        }
    }
    let comments = std::mem::take(&mut ast.comments);
    let mut text = debug_tree(&ast);
    for comment in comments {
        text.push_str("comment ");
        text.push_str(comment.text.trim_end());
        text.push('\n');
    }
    text
}

/// Whether `formatted` means and says what the original, of fingerprint `expected`, did.
pub(crate) fn keeps_meaning(expected: &str, formatted: &str) -> bool {
    let parse = clausier_syntax::parse(FileId(0), formatted);
    !parse
        .diagnostics
        .iter()
        .any(|diagnostic| diagnostic.severity == Severity::Error)
        && fingerprint(&parse.ast) == expected
}
