//! Selection ranges: from the token under the cursor outwards, each range holding the
//! one before, up to the whole file.

use clausier_syntax::ast::{
    DataValue, DataValueKind, FieldDecl, Given, Item, ItemKind, TypeExpr, TypeExprKind,
};

use clausier_syntax::lexicon;

use crate::{Analysis, FileId, Span};

/// Records, data and types nest shallowly in practice; the bound keeps a hostile file
/// from recursing deep.
const MAX_DEPTH: usize = 64;

impl Analysis {
    /// The ranges around `offset`, innermost first, each strictly larger than the one
    /// before and holding it: the token, each enclosing expression, the clause line
    /// (`require …`), the item, the item with its doc comment, the file.
    pub fn selection_ranges(&self, file: FileId, offset: u32) -> Vec<Span> {
        let Some(data) = self.file(file) else {
            return Vec::new();
        };
        let text = data.text.as_str();
        if offset as usize > text.len() {
            return Vec::new();
        }
        let mut candidates: Vec<Span> = Vec::new();
        let tokens = lexicon::tokenize(text);
        let token = lexicon::token_at(&tokens, offset).map(|t| t.span);
        let name = self.symbol_at(file, offset).map(|o| o.span);
        // A clause id lexes as several tokens (`HEB`, `-`, `01`): the id is the token.
        match (token, name) {
            (Some(token), Some(name)) if name.start <= token.start && token.end <= name.end => {
                candidates.push(name);
            }
            _ => candidates.extend(token.into_iter().chain(name)),
        }
        for item in data
            .parse
            .ast
            .items
            .iter()
            .filter(|i| i.span.touches(offset))
        {
            item_spans(item, offset, &mut candidates);
        }
        // Some nodes end after the spaces and line break that follow them.
        let mut trimmed: Vec<Span> = candidates
            .into_iter()
            .map(|span| trim(text, span))
            .collect();
        trimmed.push(Span::from_range(0..text.len()));
        growing_chain(trimmed, offset)
    }
}

/// The spans in `item` around `offset`, in no particular order.
fn item_spans(item: &Item, offset: u32, out: &mut Vec<Span>) {
    out.push(item.span);
    if !item.docs.is_empty() {
        out.push(item.docs.span.cover(item.span));
    }
    let point = Span::empty_at(offset);
    for root in crate::tree::item_exprs(item) {
        out.extend(crate::tree::ancestors(root, point).iter().map(|e| e.span));
    }
    match &item.kind {
        ItemKind::Requirement(decl) => out.extend(decl.body.iter().map(|f| f.span)),
        ItemKind::Indicator(decl) => out.extend(decl.body.iter().map(|f| f.span)),
        ItemKind::Risk(decl) => out.extend(decl.body.iter().map(|f| f.span)),
        ItemKind::Criterion(decl) => {
            out.extend(decl.body.iter().map(|f| f.span));
            out.extend(decl.weight.as_ref().map(|w| w.span));
        }
        ItemKind::Descriptor(decl) => field_spans(&decl.fields, out, 0),
        ItemKind::Type(decl) => type_spans(&decl.ty, out, 0),
        ItemKind::Param(decl) => type_spans(&decl.ty, out, 0),
        ItemKind::Enum(decl) => {
            for variant in &decl.variants {
                out.push(variant.name.span);
                if !variant.docs.is_empty() {
                    out.push(variant.docs.span.cover(variant.name.span));
                }
            }
        }
        ItemKind::Use(decl) => {
            for used in decl.items.iter().flatten() {
                out.push(used.span);
            }
            let items = decl.items.iter().flatten();
            if let Some(list) = items.map(|u| u.span).reduce(Span::cover) {
                out.push(list);
            }
        }
        ItemKind::Test(decl) => {
            out.extend(decl.expects.iter().map(|e| e.span));
            out.extend(decl.date.as_ref().map(|d| d.span));
            match &decl.given {
                Some(Given::Inline(value)) => data_spans(value, out, 0),
                Some(Given::File(name)) => out.push(name.span),
                None => {}
            }
        }
        ItemKind::Set(_) | ItemKind::Error => {}
    }
}

fn field_spans(fields: &[FieldDecl], out: &mut Vec<Span>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    for field in fields {
        out.push(field.span);
        if !field.docs.is_empty() {
            out.push(field.docs.span.cover(field.span));
        }
        type_spans(&field.ty, out, depth + 1);
    }
}

fn type_spans(ty: &TypeExpr, out: &mut Vec<Span>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    out.push(ty.span);
    match &ty.kind {
        TypeExprKind::List(inner) | TypeExprKind::Set(inner) => {
            type_spans(inner, out, depth + 1);
        }
        TypeExprKind::Map(key, value) => {
            type_spans(key, out, depth + 1);
            type_spans(value, out, depth + 1);
        }
        TypeExprKind::Record(fields) => field_spans(fields, out, depth + 1),
        TypeExprKind::Named(_) | TypeExprKind::Error => {}
    }
}

/// A datum, each `key: value` entry, and what they hold.
fn data_spans(value: &DataValue, out: &mut Vec<Span>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    out.push(value.span);
    match &value.kind {
        DataValueKind::Object(entries) => {
            for (key, inner) in entries {
                out.push(key.span.cover(inner.span));
                data_spans(inner, out, depth + 1);
            }
        }
        DataValueKind::Array(items) => {
            for item in items {
                data_spans(item, out, depth + 1);
            }
        }
        DataValueKind::Null | DataValueKind::Literal(_) | DataValueKind::Error => {}
    }
}

/// The spans that touch `offset`, smallest first, each kept only if it holds the one
/// kept before and is larger.
fn growing_chain(mut candidates: Vec<Span>, offset: u32) -> Vec<Span> {
    candidates.retain(|span| span.touches(offset));
    candidates.sort_by_key(|span| (span.len(), span.start));
    let mut chain: Vec<Span> = Vec::new();
    for span in candidates {
        let grows = chain.last().is_none_or(|last| {
            span.start <= last.start && last.end <= span.end && span.len() > last.len()
        });
        if grows {
            chain.push(span);
        }
    }
    chain
}

/// The span without the white space at its ends.
fn trim(text: &str, span: Span) -> Span {
    let Some(slice) = text.get(span.range()) else {
        return span;
    };
    let leading = slice.len() - slice.trim_start().len();
    let trailing = slice.len() - slice.trim_end().len();
    if leading + trailing >= slice.len() {
        return span;
    }
    let start = span.start as usize + leading;
    Span::from_range(start..span.end as usize - trailing)
}
