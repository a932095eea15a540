//! Where a new field of a record goes: the `descriptor` block, the named `type` or the
//! inline `{ … }` that declares the record, and the edit that adds it there as the
//! formatter would lay it out.

use clausier_check::types::{RecordId, Ty};
use clausier_diagnostics::Message;
use clausier_syntax::ast::{FieldDecl, ItemKind, TypeExpr, TypeExprKind};

use crate::{Analysis, FileId, Span, TextEdit};

/// Schemas are shallow; the bound keeps a malformed one from recursing for long.
const MAX_DEPTH: usize = 64;

/// The declaration of a record in one file.
pub(crate) struct RecordBlock<'a> {
    pub file: FileId,
    /// How an action's title names the record: "the descriptor", "`Subprocessor`".
    pub owner_name: Message,
    fields: &'a [FieldDecl],
    /// The `{ … }` around the fields.
    braces: Span,
    /// A `descriptor` block, which always has one field per line.
    always_open: bool,
}

/// The block that declares `owner`: for the descriptor, a `descriptor` block of the file
/// where the field is used if it has one, else of the first file that has one.
pub(crate) fn find_block(
    analysis: &Analysis,
    owner: RecordId,
    use_file: FileId,
) -> Option<RecordBlock<'_>> {
    let schema = &analysis.checked.pack.schema;
    if owner == schema.descriptor {
        // The pack of the use first: a dependency's schema is its authors' to change.
        let pack = analysis.file(use_file).map(|f| f.pack);
        let rank = |id: FileId, of: usize| (id != use_file, Some(of) != pack);
        let mut candidates: Vec<&crate::FileData> =
            analysis.files.iter().map(AsRef::as_ref).collect();
        candidates.sort_by_key(|f| rank(f.id, f.pack));
        return candidates.into_iter().find_map(|data| {
            data.parse
                .ast
                .items
                .iter()
                .find_map(|item| match &item.kind {
                    ItemKind::Descriptor(decl) => {
                        let text = crate::slice(&data.text, item.span);
                        let open = item
                            .span
                            .start
                            .saturating_add(u32::try_from(text.find('{')?).ok()?);
                        let close = item.span.end.saturating_sub(1);
                        text.ends_with('}').then_some(())?;
                        Some(RecordBlock {
                            file: data.id,
                            owner_name: Message::new("editor-action-the-descriptor"),
                            fields: &decl.fields,
                            braces: Span::new(open, close.saturating_add(1)),
                            always_open: true,
                        })
                    }
                    _ => None,
                })
        });
    }
    let record = schema.record(owner)?;
    if let Some(name) = &record.name {
        let (_, origin) = schema.aliases.get(name)?;
        let data = analysis.file(origin.file)?;
        let ty = data
            .parse
            .ast
            .items
            .iter()
            .find_map(|item| match &item.kind {
                ItemKind::Type(decl) if decl.name.span == origin.span => Some(&decl.ty),
                _ => None,
            })?;
        return record_in(ty, data.id, Message::from(format!("`{name}`")));
    }
    let declaring = schema
        .records
        .iter()
        .flat_map(|r| r.fields.values())
        .find(|field| {
            let mut ty = &field.ty;
            while let Some(inner) = ty.element() {
                ty = inner;
            }
            *ty == Ty::Record(owner)
        })?;
    let origin = declaring.origin;
    let data = analysis.file(origin.file)?;
    let field = data
        .parse
        .ast
        .items
        .iter()
        .find_map(|item| match &item.kind {
            ItemKind::Descriptor(decl) => field_named_at(&decl.fields, origin.span, 0),
            ItemKind::Type(decl) => match &decl.ty.kind {
                TypeExprKind::Record(fields) => field_named_at(fields, origin.span, 0),
                _ => None,
            },
            _ => None,
        })?;
    // A record's name or path is code, the same in every language.
    let owner_name = match crate::hover::record_path(schema, owner, 0) {
        Some(path) => Message::from(format!("`{path}`")),
        None => Message::new("editor-hover-a-record"),
    };
    record_in(&field.ty, data.id, owner_name)
}

/// The record a type expression declares, through `list<…>` and `set<…>`.
fn record_in(ty: &TypeExpr, file: FileId, owner_name: Message) -> Option<RecordBlock<'_>> {
    let mut ty = ty;
    for _ in 0..MAX_DEPTH {
        match &ty.kind {
            TypeExprKind::List(inner) | TypeExprKind::Set(inner) => ty = inner,
            TypeExprKind::Record(fields) => {
                return Some(RecordBlock {
                    file,
                    owner_name,
                    fields,
                    braces: ty.span,
                    always_open: false,
                });
            }
            _ => return None,
        }
    }
    None
}

/// The field declaration whose name is at `span`, in `fields` or their inline records.
fn field_named_at(fields: &[FieldDecl], span: Span, depth: usize) -> Option<&FieldDecl> {
    if depth > MAX_DEPTH {
        return None;
    }
    fields.iter().find_map(|field| {
        if field.name.span == span {
            return Some(field);
        }
        let mut ty = &field.ty;
        while let TypeExprKind::List(inner) | TypeExprKind::Set(inner) = &ty.kind {
            ty = inner;
        }
        match &ty.kind {
            TypeExprKind::Record(inner) => field_named_at(inner, span, depth + 1),
            _ => None,
        }
    })
}

impl RecordBlock<'_> {
    /// The edit that adds `name: ty` after the last field: on a line of its own indented
    /// like that field when the fields are one per line, else after a `, ` on the same
    /// line.
    pub(crate) fn insert_field(
        &self,
        analysis: &Analysis,
        name: &str,
        ty: &str,
    ) -> Option<TextEdit> {
        let text = analysis.file_text(self.file)?;
        let line_break = if text.contains("\r\n") { "\r\n" } else { "\n" };
        let Some(last) = self.fields.last() else {
            let (range, new_text) = if self.always_open {
                let inside = Span::new(
                    self.braces.start.saturating_add(1),
                    self.braces.end.saturating_sub(1),
                );
                (inside, format!("{line_break}  {name}: {ty}{line_break}"))
            } else {
                (self.braces, format!("{{ {name}: {ty} }}"))
            };
            return Some(TextEdit { range, new_text });
        };
        let before = text.get(..last.span.start as usize)?;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let indent = before.get(line_start..)?;
        if !indent.trim().is_empty() {
            return Some(TextEdit {
                range: Span::empty_at(last.span.end),
                new_text: format!(", {name}: {ty}"),
            });
        }
        let after = text.get(last.span.end as usize..)?;
        let rest_of_line = after.split(['\r', '\n']).next().unwrap_or("");
        let trailing = rest_of_line.trim_start();
        let after_comma = trailing.strip_prefix(',');
        let rest = after_comma.unwrap_or(trailing).trim();
        // A comma or a comment after the field stays on its line; a `}` moves after
        // the new field.
        let offset = if rest.is_empty() || rest.starts_with("//") {
            rest_of_line.len()
        } else if after_comma.is_some() {
            rest_of_line.find(',').map_or(0, |i| i + 1)
        } else {
            0
        };
        let at = last.span.end.saturating_add(u32::try_from(offset).ok()?);
        Some(TextEdit {
            range: Span::empty_at(at),
            new_text: format!("{line_break}{indent}{name}: {ty}"),
        })
    }
}
