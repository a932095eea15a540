//! The outline of a file: its items, with their fields and variants as children.

use clausier_syntax::ast::{FieldDecl, Item, ItemKind, TypeExpr, TypeExprKind};

use crate::{Analysis, FileId, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SymbolKind {
    Enum,
    Variant,
    Type,
    Descriptor,
    Field,
    Param,
    Requirement,
    Criterion,
    /// An indicator over the whole inventory.
    Indicator,
    /// A risk of each entry of an inventory.
    Risk,
    Test,
    Use,
    Set,
}

/// One entry of a file's outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentSymbol {
    pub name: String,
    pub kind: SymbolKind,
    /// A short description: a field's or parameter's type, a clause's title.
    pub detail: Option<String>,
    /// The whole declaration.
    pub full_range: Span,
    /// Its name (the keyword for `descriptor`).
    pub focus_range: Span,
    pub children: Vec<DocumentSymbol>,
}

impl Analysis {
    /// The items of a file in source order, with fields and variants as children.
    pub fn document_symbols(&self, file: FileId) -> Vec<DocumentSymbol> {
        let Some(data) = self.file(file) else {
            return Vec::new();
        };
        data.parse
            .ast
            .items
            .iter()
            .filter_map(|item| item_symbol(&data.text, item))
            .collect()
    }
}

fn item_symbol(text: &str, item: &Item) -> Option<DocumentSymbol> {
    let leaf = |name: &str, kind, detail: Option<String>, focus: Span| DocumentSymbol {
        name: name.to_owned(),
        kind,
        detail,
        full_range: item.span,
        focus_range: focus,
        children: Vec::new(),
    };
    let symbol = match &item.kind {
        ItemKind::Enum(decl) => {
            let mut symbol = leaf(&decl.name.name, SymbolKind::Enum, None, decl.name.span);
            symbol.children = decl
                .variants
                .iter()
                .map(|v| DocumentSymbol {
                    name: v.name.name.clone(),
                    kind: SymbolKind::Variant,
                    detail: None,
                    full_range: v.name.span,
                    focus_range: v.name.span,
                    children: Vec::new(),
                })
                .collect();
            symbol
        }
        ItemKind::Type(decl) => {
            let mut symbol = leaf(
                &decl.name.name,
                SymbolKind::Type,
                type_detail(text, &decl.ty),
                decl.name.span,
            );
            symbol.children = type_children(text, &decl.ty);
            symbol
        }
        ItemKind::Descriptor(decl) => {
            let focus = Span::new(item.span.start, item.span.start.saturating_add(10));
            let mut symbol = leaf("descriptor", SymbolKind::Descriptor, None, focus);
            symbol.children = fields(text, &decl.fields);
            symbol
        }
        ItemKind::Param(decl) => leaf(
            &decl.name.name,
            SymbolKind::Param,
            Some(crate::slice(text, decl.ty.span).to_owned()),
            decl.name.span,
        ),
        ItemKind::Requirement(decl) => leaf(
            &decl.id.name,
            SymbolKind::Requirement,
            decl.title.as_ref().map(|t| t.value.clone()),
            decl.id.span,
        ),
        ItemKind::Criterion(decl) => leaf(
            &decl.id.name,
            SymbolKind::Criterion,
            decl.title.as_ref().map(|t| t.value.clone()),
            decl.id.span,
        ),
        ItemKind::Indicator(decl) => leaf(
            &decl.id.name,
            SymbolKind::Indicator,
            decl.title.as_ref().map(|t| t.value.clone()),
            decl.id.span,
        ),
        ItemKind::Risk(decl) => leaf(
            &decl.id.name,
            SymbolKind::Risk,
            decl.title.as_ref().map(|t| t.value.clone()),
            decl.id.span,
        ),
        ItemKind::Test(decl) => leaf(&decl.name.value, SymbolKind::Test, None, decl.name.span),
        ItemKind::Use(decl) => leaf(&decl.pack.name, SymbolKind::Use, None, decl.pack.span),
        ItemKind::Set(decl) => leaf(
            &format!("{}::{}", decl.pack.name, decl.name.name),
            SymbolKind::Set,
            None,
            decl.name.span,
        ),
        ItemKind::Error => return None,
    };
    Some(symbol)
}

fn fields(text: &str, fields: &[FieldDecl]) -> Vec<DocumentSymbol> {
    fields
        .iter()
        .map(|field| DocumentSymbol {
            name: field.name.name.clone(),
            kind: SymbolKind::Field,
            detail: type_detail(text, &field.ty),
            full_range: field.span,
            focus_range: field.name.span,
            children: type_children(text, &field.ty),
        })
        .collect()
}

/// A type as written, unless it is an inline record (its fields are children).
fn type_detail(text: &str, ty: &TypeExpr) -> Option<String> {
    match &ty.kind {
        TypeExprKind::Record(_) | TypeExprKind::Error => None,
        _ => Some(crate::slice(text, ty.span).to_owned()),
    }
}

fn type_children(text: &str, ty: &TypeExpr) -> Vec<DocumentSymbol> {
    match &ty.kind {
        TypeExprKind::Record(decls) => fields(text, decls),
        _ => Vec::new(),
    }
}
