//! Code actions: the fixes the checker attaches to its diagnostics, adding a field the
//! schema lacks, and switching a requirement between `must` and `should`.

use clausier_check::hir::Symbol;
use clausier_check::types::{RecordId, Ty};
use clausier_diagnostics::{Code, Fix, Message};
use clausier_syntax::ast::{ClauseFieldKind, ExprKind, Item, ItemKind, Level, Path};

use crate::field_insertion::RecordBlock;
use crate::{Analysis, Diagnostic, FileId, SourceChange, Span, TextEdit};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CodeActionKind {
    /// Repairs what a diagnostic reports.
    QuickFix,
    /// Rewrites working code into other working code.
    RefactorRewrite,
}

/// An edit offered at a range of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeAction {
    /// What the action does, rendered in the editor's language by the server.
    pub title: Message,
    pub kind: CodeActionKind,
    /// The code of the diagnostic the action repairs.
    pub code: Option<Code>,
    pub change: SourceChange,
    /// The one obvious repair, which an editor may apply without asking.
    pub is_preferred: bool,
}

impl Analysis {
    /// The actions that apply at `range`: the fixes of the diagnostics that overlap it,
    /// adding an undeclared field to the schema, changing a requirement's level.
    pub fn code_actions(&self, file: FileId, range: Span) -> Vec<CodeAction> {
        let mut out = Vec::new();
        // A manifest has diagnostics with fixes too (a misspelt parameter under
        // `[params]`), but no clauses to rewrite.
        let clause_file = self.file(file);
        for diagnostic in self.diagnostics(file) {
            let Some(label) = diagnostic.primary_label() else {
                continue;
            };
            if label.file != file || !overlaps(label.span, range) {
                continue;
            }
            let only_fix = diagnostic.fixes.len() == 1;
            out.extend(diagnostic.fixes.iter().map(|fix| CodeAction {
                title: fix.title.clone(),
                kind: CodeActionKind::QuickFix,
                code: Some(diagnostic.code),
                change: fix_change(fix),
                is_preferred: only_fix,
            }));
            if clause_file.is_some() {
                out.extend(self.add_field_action(file, &diagnostic, label.span));
            }
        }
        if let Some(data) = clause_file {
            for item in &data.parse.ast.items {
                out.extend(self.level_action(file, &data.text, item, range));
            }
        }
        out
    }

    /// "add field `x: T` to …" for a path segment that names no field: `E0201` on a
    /// later segment, `E0203` on the first (which then names a descriptor field).
    fn add_field_action(
        &self,
        file: FileId,
        diagnostic: &Diagnostic,
        at: Span,
    ) -> Option<CodeAction> {
        // The codes are shared by neighbouring mistakes; the message's id tells them apart
        // whatever language the diagnostic is shown in.
        let id = diagnostic.message.id();
        let is_unknown_field = diagnostic.code == Code::UNKNOWN_FIELD
            && matches!(
                id,
                Some("e0201-unknown-field" | "e0201-unknown-record-field")
            );
        let is_unknown_name =
            diagnostic.code == Code::UNKNOWN_NAME && id == Some("e0203-unknown-name");
        if !is_unknown_field && !is_unknown_name {
            return None;
        }
        let data = self.file(file)?;
        let (path, parent, top) = data
            .parse
            .ast
            .items
            .iter()
            .find_map(|item| path_with_segment(item, at))?;
        let position = path.segments.iter().position(|s| s.span == at)?;
        let owner = match position {
            0 if is_unknown_name => self.checked.pack.schema.descriptor,
            0 => return None,
            _ => self.record_of_segment(file, &data.text, path, position - 1)?,
        };
        let leaf = self.expected_type_text(file, &data.text, path.span, parent, top);
        let rest = path.segments.get(position + 1..).unwrap_or(&[]);
        let ty = rest.iter().rev().fold(leaf, |inner, segment| {
            format!("{{ {}: {inner} }}", segment.name)
        });
        let name = &path.segments.get(position)?.name;
        let block = self.record_block(owner, file)?;
        let edit = block.insert_field(self, name, &ty)?;
        Some(CodeAction {
            title: Message::new("editor-action-add-field")
                .with("field", format!("{name}: {ty}"))
                .with("owner", block.owner_name),
            kind: CodeActionKind::QuickFix,
            code: Some(diagnostic.code),
            change: SourceChange {
                edits: vec![(block.file, vec![edit])],
            },
            is_preferred: false,
        })
    }

    /// The record that the segment at `index` of `path` has as its type.
    fn record_of_segment(
        &self,
        file: FileId,
        text: &str,
        path: &Path,
        index: usize,
    ) -> Option<RecordId> {
        let segment = path.segments.get(index)?;
        let pack = &self.checked.pack;
        let symbol = pack
            .symbols
            .iter()
            .find(|s| s.file == file && s.span == segment.span)?;
        let ty = match &symbol.symbol {
            Symbol::Field { record, field } => {
                pack.schema.record(*record)?.field_at(*field)?.1.ty.clone()
            }
            Symbol::Local {
                name, definition, ..
            } => crate::completion::bound_type(self, text, *definition, name)?,
            Symbol::Param(id) => pack.params.get(id.0 as usize)?.ty.clone(),
            _ => return None,
        };
        match ty {
            Ty::Record(id) => Some(id),
            _ => None,
        }
    }

    /// The type a new field should have, read from where the path is used: the other
    /// side of a comparison, the list after `in`, a condition; `string` when nothing
    /// tells.
    fn expected_type_text(
        &self,
        file: FileId,
        text: &str,
        path_span: Span,
        parent: Option<&clausier_syntax::ast::Expr>,
        top: Context,
    ) -> String {
        let schema = &self.checked.pack.schema;
        let shown = |ty: Ty| match ty {
            Ty::Error | Ty::Record(_) => None,
            Ty::Int => Some("number".to_owned()),
            ty => Some(ty.display(schema).to_string()),
        };
        let infer = |expr| crate::expr_types::infer(self, file, text, expr);
        let found = match parent.map(|p| &p.kind) {
            Some(ExprKind::Binary { op, lhs, rhs, .. }) => {
                use clausier_syntax::ast::BinaryOp as Op;
                let path_is_lhs = lhs.span == path_span;
                let other = if path_is_lhs { rhs } else { lhs };
                match op {
                    Op::And | Op::Or | Op::Implies => Some(Ty::Bool),
                    Op::Compare(_) => infer(other),
                    Op::In if path_is_lhs => infer(other).and_then(|ty| ty.element().cloned()),
                    Op::In => infer(other).map(|ty| Ty::List(Box::new(ty))),
                    Op::Add | Op::Sub => match infer(other) {
                        Some(Ty::Duration) if path_is_lhs => Some(Ty::Date),
                        other => other,
                    },
                    Op::Mul | Op::Div => match infer(other) {
                        Some(ty @ (Ty::Money | Ty::Percent)) if !path_is_lhs => Some(ty),
                        _ => Some(Ty::Number),
                    },
                }
            }
            Some(ExprKind::Unary { op, .. }) => Some(match op {
                clausier_syntax::ast::UnaryOp::Not => Ty::Bool,
                clausier_syntax::ast::UnaryOp::Neg => Ty::Number,
            }),
            Some(ExprKind::If { cond, .. }) if cond.span == path_span => Some(Ty::Bool),
            Some(ExprKind::Quantifier { body, .. }) if body.span == path_span => Some(Ty::Bool),
            Some(ExprKind::Count {
                filter: Some((_, body)),
                ..
            }) if body.span == path_span => Some(Ty::Bool),
            Some(ExprKind::Aggregate { .. }) => Some(Ty::Number),
            Some(_) => None,
            None => match top {
                Context::Condition => Some(Ty::Bool),
                Context::Score => Some(Ty::Number),
                Context::Other => None,
            },
        };
        found.and_then(shown).unwrap_or_else(|| "string".to_owned())
    }

    /// "change level to should" (or "to must") on a requirement whose header or
    /// `level` line the range touches. Without a `level` line the level is `must`.
    fn level_action(
        &self,
        file: FileId,
        text: &str,
        item: &Item,
        range: Span,
    ) -> Option<CodeAction> {
        let ItemKind::Requirement(decl) = &item.kind else {
            return None;
        };
        let header_end = decl.title.as_ref().map_or(decl.id.span.end, |t| t.span.end);
        let open = crate::slice(text, Span::new(header_end, item.span.end)).find('{')?;
        let open = header_end.saturating_add(u32::try_from(open).ok()?);
        let header = Span::new(item.span.start, open.saturating_add(1));
        let level_line = decl.body.iter().find_map(|field| match field.kind {
            ClauseFieldKind::Level(level) => Some((level, field.span)),
            _ => None,
        });
        let touched =
            overlaps(header, range) || level_line.is_some_and(|(_, span)| overlaps(span, range));
        if !touched {
            return None;
        }
        let (target, edit) = match level_line {
            Some((level, span)) => {
                let written = crate::slice(text, span);
                let word = level.as_str();
                let at = written.rfind(word)?;
                let start = span.start.saturating_add(u32::try_from(at).ok()?);
                let end = start.saturating_add(u32::try_from(word.len()).ok()?);
                let target = match level {
                    Level::Must | Level::Info => Level::Should,
                    Level::Should | Level::Execution => Level::Must,
                };
                let edit = TextEdit {
                    range: Span::new(start, end),
                    new_text: target.as_str().to_owned(),
                };
                (target, edit)
            }
            None => (Level::Should, add_level_line(text, open, &decl.body)?),
        };
        Some(CodeAction {
            title: Message::new("editor-action-change-level").with("level", target.as_str()),
            kind: CodeActionKind::RefactorRewrite,
            code: None,
            change: SourceChange {
                edits: vec![(file, vec![edit])],
            },
            is_preferred: false,
        })
    }

    fn record_block(&self, owner: RecordId, use_file: FileId) -> Option<RecordBlock<'_>> {
        crate::field_insertion::find_block(self, owner, use_file)
    }
}

/// Where a path sits at the top of its item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Context {
    /// A `when` or `require`: a truth value.
    Condition,
    /// A criterion's `score`.
    Score,
    Other,
}

/// The path of an item one of whose segments spans `at`, with the expression around it
/// and where the whole expression sits.
fn path_with_segment(
    item: &Item,
    at: Span,
) -> Option<(&Path, Option<&clausier_syntax::ast::Expr>, Context)> {
    let bodies = match &item.kind {
        ItemKind::Requirement(decl) => decl.body.as_slice(),
        ItemKind::Criterion(decl) => decl.body.as_slice(),
        _ => &[],
    };
    let mut roots: Vec<(&clausier_syntax::ast::Expr, Context)> = bodies
        .iter()
        .filter_map(|field| {
            let context = match field.kind {
                ClauseFieldKind::When(_) | ClauseFieldKind::Require(_) => Context::Condition,
                ClauseFieldKind::Score(_) => Context::Score,
                _ => Context::Other,
            };
            crate::tree::field_expr(field).map(|expr| (expr, context))
        })
        .collect();
    if let ItemKind::Param(decl) = &item.kind {
        roots.push((&decl.value, Context::Other));
    }
    roots.into_iter().find_map(|(root, context)| {
        let chain = crate::tree::ancestors(root, at);
        let (innermost, outer) = chain.split_last()?;
        let (path, parent, context) = match &innermost.kind {
            ExprKind::Path(path) => (path, outer.last().copied(), context),
            // `has` asks whether a field is there, which says nothing of its type.
            ExprKind::Has(path) => (path, None, Context::Other),
            _ => return None,
        };
        path.segments.iter().any(|s| s.span == at).then_some(())?;
        Some((path, parent, context))
    })
}

/// A `level should` line before the first line of a requirement's body, indented like
/// it, or on its own line after the `{` of an empty body.
fn add_level_line(
    text: &str,
    open: u32,
    body: &[clausier_syntax::ast::ClauseField],
) -> Option<TextEdit> {
    let Some(first) = body.first() else {
        return Some(TextEdit {
            range: Span::empty_at(open.saturating_add(1)),
            new_text: "\n  level should".to_owned(),
        });
    };
    let before = text.get(..first.span.start as usize)?;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let indent = before.get(line_start..)?;
    let new_text = if indent.trim().is_empty() {
        format!("level should\n{indent}")
    } else {
        "level should ".to_owned()
    };
    Some(TextEdit {
        range: Span::empty_at(first.span.start),
        new_text,
    })
}

/// The edits of a fix as a change: grouped by file, in offset order, overlaps dropped.
pub(crate) fn fix_change(fix: &Fix) -> SourceChange {
    let mut edits: Vec<(FileId, TextEdit)> = fix
        .edits
        .iter()
        .map(|(file, range, new_text)| {
            let edit = TextEdit {
                range: *range,
                new_text: new_text.clone(),
            };
            (*file, edit)
        })
        .collect();
    edits.sort_by_key(|(file, edit)| (*file, edit.range.start, edit.range.end));
    let mut change = SourceChange::default();
    for (file, edit) in edits {
        match change.edits.last_mut() {
            Some((last, list)) if *last == file => {
                if list.last().is_none_or(|e| e.range.end <= edit.range.start) {
                    list.push(edit);
                }
            }
            _ => change.edits.push((file, vec![edit])),
        }
    }
    change
}

/// Whether two spans share an offset, an empty span counting as the point it is at.
fn overlaps(a: Span, b: Span) -> bool {
    a.start <= b.end && b.start <= a.end
}
