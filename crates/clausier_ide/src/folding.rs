//! Folding: items and inline records that span several lines, doc comments, and runs
//! of `//` comments.

use clausier_syntax::ast::{FieldDecl, ItemKind, TypeExprKind};

use crate::{Analysis, FileId, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FoldKind {
    /// An item or a record type.
    Block,
    /// A doc comment or a run of comments.
    Comment,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoldingRange {
    pub span: Span,
    pub kind: FoldKind,
}

impl Analysis {
    /// The ranges that can fold, in offset order; each spans at least two lines.
    pub fn folding_ranges(&self, file: FileId) -> Vec<FoldingRange> {
        let Some(data) = self.file(file) else {
            return Vec::new();
        };
        let text = data.text.as_str();
        let mut out = Vec::new();
        let mut push = |span: Span, kind| {
            if crate::slice(text, span).trim_end().contains('\n') {
                let trimmed = crate::slice(text, span).trim_end().len();
                let end = span
                    .start
                    .saturating_add(u32::try_from(trimmed).unwrap_or(0));
                out.push(FoldingRange {
                    span: Span::new(span.start, end),
                    kind,
                });
            }
        };
        for item in &data.parse.ast.items {
            if !item.docs.is_empty() {
                push(item.docs.span, FoldKind::Comment);
            }
            push(item.span, FoldKind::Block);
            let fields = match &item.kind {
                ItemKind::Descriptor(decl) => decl.fields.as_slice(),
                ItemKind::Type(decl) => match &decl.ty.kind {
                    TypeExprKind::Record(fields) => fields.as_slice(),
                    _ => &[],
                },
                _ => &[],
            };
            fold_fields(fields, &mut push, 0);
        }
        let mut run: Option<Span> = None;
        for comment in &data.parse.ast.comments {
            run = match run {
                Some(current) if only_blank(text, current.end, comment.span.start) => {
                    Some(current.cover(comment.span))
                }
                Some(current) => {
                    push(current, FoldKind::Comment);
                    Some(comment.span)
                }
                None => Some(comment.span),
            };
        }
        if let Some(current) = run {
            push(current, FoldKind::Comment);
        }
        out.sort_by_key(|r| (r.span.start, std::cmp::Reverse(r.span.end)));
        out.dedup();
        out
    }
}

fn fold_fields(fields: &[FieldDecl], push: &mut impl FnMut(Span, FoldKind), depth: usize) {
    if depth > 64 {
        return;
    }
    for field in fields {
        if !field.docs.is_empty() {
            push(field.docs.span, FoldKind::Comment);
        }
        if let TypeExprKind::Record(inner) = &field.ty.kind {
            push(field.span, FoldKind::Block);
            fold_fields(inner, push, depth + 1);
        }
    }
}

/// Whether only one line break and spaces separate two comments.
fn only_blank(text: &str, from: u32, to: u32) -> bool {
    text.get(from as usize..to as usize)
        .is_some_and(|gap| gap.trim().is_empty() && gap.matches('\n').count() == 1)
}
