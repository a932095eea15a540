//! The canonical layout of items, blocks, types and test data. Expressions are in
//! [`crate::expr`]; comments are put back by the [`Writer`].

use clausier_syntax::ast::{
    ClauseField, ClauseFieldKind, DataValue, DataValueKind, Docs, EnumDecl, Expect, ExpectKind,
    FieldBound, FieldDecl, Given, IndicatorDecl, Item, ItemKind, Path, RiskDecl, SourceFileAst,
    StringLit, TestDate, TestDecl, TypeExpr, TypeExprKind, UseDecl,
};
use clausier_syntax::lexicon::ITEM_KEYWORDS;

use crate::FormatOptions;
use crate::flat::{self, slice, width};
use crate::writer::{Break, Writer, has_blank_line};

/// Where an item was in the source and where it is in the output (both from the start
/// of its doc comment, or of its keyword, to the end of its last token).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ItemPlace {
    pub source: (usize, usize),
    pub output: (usize, usize),
}

pub(crate) struct Printer<'a> {
    pub(crate) w: Writer<'a>,
    pub(crate) src: &'a str,
    pub(crate) indent: usize,
    pub(crate) max_width: usize,
}

/// Prints a whole file; returns the text and where each item went.
pub(crate) fn print_file(
    src: &str,
    ast: &SourceFileAst,
    options: &FormatOptions,
) -> (String, Vec<ItemPlace>) {
    let item_ends: Vec<u32> = ast.items.iter().map(item_end).collect();
    let mut printer = Printer {
        w: Writer::new(src, &ast.comments, &item_ends),
        src,
        indent: options.indent_width,
        max_width: options.max_width,
    };
    let mut places = Vec::with_capacity(ast.items.len());
    let mut previous: Option<&Item> = None;
    for item in &ast.items {
        let start = item_start(item);
        let separate = previous.is_some_and(|previous| {
            !same_group(previous, item)
                || has_blank_line(src, item_end(previous) as usize, start as usize)
        });
        printer.w.set_break(Break::item(separate));
        printer.w.cont = printer.indent;
        printer.w.mark_next();
        printer.item(item);
        places.push(ItemPlace {
            source: (start as usize, item_end(item) as usize),
            output: (printer.w.marked(), printer.w.out_len()),
        });
        previous = Some(item);
    }
    printer.w.cont = 0;
    (printer.w.finish(Break::item(false)), places)
}

fn item_start(item: &Item) -> u32 {
    if item.docs.span.is_empty() {
        item.span.start
    } else {
        item.docs.span.start.min(item.span.start)
    }
}

/// Where the last token of an item ends (the parser's span of a `param`, a `set` or a
/// `use` without a list runs on over the spaces and comments after it).
fn item_end(item: &Item) -> u32 {
    let end = match &item.kind {
        ItemKind::Param(decl) => flat::expr_end(&decl.value),
        ItemKind::Set(decl) => flat::expr_end(&decl.value),
        ItemKind::Use(decl) if decl.items.is_none() => decl.pack.span.end,
        _ => item.span.end,
    };
    end.min(item.span.end)
}

/// `param`s, `enum`s, and `use` and `set` lines may follow each other without a blank
/// line.
fn same_group(a: &Item, b: &Item) -> bool {
    let group = |item: &Item| match item.kind {
        ItemKind::Param(_) => Some(0),
        ItemKind::Enum(_) => Some(1),
        ItemKind::Use(_) | ItemKind::Set(_) => Some(2),
        _ => None,
    };
    group(a).is_some() && group(a) == group(b)
}

/// The canonical order of the lines of a requirement, criterion, indicator or risk.
fn clause_rank(field: &ClauseField) -> u8 {
    match field.kind {
        ClauseFieldKind::Level(_) => 0,
        ClauseFieldKind::Lots(_) => 1,
        ClauseFieldKind::When(_) => 2,
        ClauseFieldKind::Text(_) => 3,
        ClauseFieldKind::Note(_) => 4,
        ClauseFieldKind::Ref(_) => 5,
        ClauseFieldKind::Evidence(_) | ClauseFieldKind::NoEquivalent(_) => 6,
        ClauseFieldKind::Require(_) => 7,
        ClauseFieldKind::Score(_) => 8,
        ClauseFieldKind::Value(_) => 9,
        ClauseFieldKind::By(_) => 10,
        ClauseFieldKind::Spend(_) => 11,
        ClauseFieldKind::Ends(_) => 12,
        ClauseFieldKind::Window(_) => 13,
        ClauseFieldKind::Alternatives(_) => 14,
        ClauseFieldKind::Error => 15,
    }
}

/// Sorts clause lines into the canonical order, keeping repeated lines (`ref`,
/// `evidence`) in the author's order.
pub(crate) fn canonical_clause_order(fields: &mut [ClauseField]) {
    fields.sort_by_key(clause_rank);
}

impl Printer<'_> {
    pub(crate) fn fits(&self, text: &str, trail: usize) -> bool {
        self.w.column() + width(text) + trail <= self.max_width
    }

    /// A token printed as the source has it.
    fn verbatim(&mut self, start: u32, end: u32) {
        let text = slice(self.src, start, end).to_string();
        self.w.token(start as usize, end as usize, &text);
    }

    /// The offset of the first `wanted` character at or after `from`, outside comments
    /// and strings; `from` when there is none before `to`.
    pub(crate) fn find(&self, from: usize, to: usize, wanted: char) -> usize {
        let bytes = self.src.as_bytes();
        let mut i = from;
        while i < to.min(bytes.len()) {
            match bytes[i] {
                b'"' => {
                    i += 1;
                    while i < bytes.len() && bytes[i] != b'"' && bytes[i] != b'\n' {
                        i += if bytes[i] == b'\\' { 2 } else { 1 };
                    }
                    i += 1;
                }
                b'/' if bytes.get(i + 1) == Some(&b'/') => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                }
                byte if char::from(byte) == wanted => return i,
                _ => i += 1,
            }
        }
        from
    }

    /// The start of the first token at or after `from` (skipping spaces and comments).
    pub(crate) fn next_token(&self, from: usize) -> usize {
        let bytes = self.src.as_bytes();
        let mut i = from;
        while i < bytes.len() {
            if bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'/') {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            match self.src[i..].chars().next() {
                Some(c) if crate::writer::is_space(c) => i += c.len_utf8(),
                _ => break,
            }
        }
        i
    }

    /// The `///` lines of an item, field or variant, each as written. Comments between
    /// them stay between them. The token after them goes on the next line at `indent`.
    fn docs(&mut self, docs: &Docs, indent: usize) {
        if docs.span.is_empty() {
            return;
        }
        let src = self.src;
        let end = docs.span.end as usize;
        let mut at = docs.span.start as usize;
        let mut first = true;
        while at < end {
            let line_end = src[at..end].find('\n').map_or(end, |i| at + i);
            let line = &src[at..line_end];
            let content = line.trim_start();
            let content_start = at + (line.len() - content.len());
            if content.starts_with("///") && !content.starts_with("////") {
                let body = content.strip_prefix("///").unwrap_or(content);
                let body = body.strip_suffix('\r').unwrap_or(body);
                let body = body.strip_prefix(' ').unwrap_or(body);
                let text = if body.is_empty() {
                    "///".to_string()
                } else {
                    format!("/// {body}")
                };
                if !first {
                    self.w.set_break(Break::line(indent));
                }
                self.w.doc_line(content_start, line_end, &text);
                first = false;
            }
            at = line_end + 1;
        }
        self.w.set_break(Break::line(indent));
    }

    fn item(&mut self, item: &Item) {
        self.docs(&item.docs, 0);
        let start = item.span.start;
        let end = item.span.end as usize;
        match &item.kind {
            ItemKind::Enum(decl) => self.enum_decl(item, decl),
            ItemKind::Type(decl) => {
                self.keyword(start, "type");
                self.w.text(" ");
                self.verbatim(decl.name.span.start, decl.name.span.end);
                self.w.text(" = ");
                self.type_expr(&decl.ty, 0);
            }
            ItemKind::Descriptor(decl) => {
                self.keyword(start, "descriptor");
                self.w.text(" ");
                let open = self.find(start as usize, end, '{');
                self.record_block(&decl.fields, open, end.saturating_sub(1), 0, true);
            }
            ItemKind::Param(decl) => {
                self.keyword(start, "param");
                self.w.text(" ");
                self.verbatim(decl.name.span.start, decl.name.span.end);
                self.w.text(": ");
                self.type_expr(&decl.ty, 0);
                self.w.text(" = ");
                self.expr(&decl.value, self.indent, 0);
            }
            ItemKind::Set(decl) => {
                self.keyword(start, "set");
                self.w.text(" ");
                self.verbatim(decl.pack.span.start, decl.pack.span.end);
                self.w.text("::");
                self.verbatim(decl.name.span.start, decl.name.span.end);
                self.w.text(" = ");
                self.expr(&decl.value, self.indent, 0);
            }
            ItemKind::Use(decl) => self.use_decl(item, decl),
            ItemKind::Requirement(decl) => {
                self.keyword(start, "requirement");
                self.w.text(" ");
                self.verbatim(decl.id.span.start, decl.id.span.end);
                let mut header_end = decl.id.span.end as usize;
                if let Some(title) = &decl.title {
                    self.w.text(" ");
                    self.verbatim(title.span.start, title.span.end);
                    header_end = title.span.end as usize;
                }
                self.clause_body(&decl.body, header_end, end);
            }
            ItemKind::Criterion(decl) => {
                self.keyword(start, "criterion");
                self.w.text(" ");
                self.verbatim(decl.id.span.start, decl.id.span.end);
                let mut header_end = decl.id.span.end as usize;
                if let Some(title) = &decl.title {
                    self.w.text(" ");
                    self.verbatim(title.span.start, title.span.end);
                    header_end = title.span.end as usize;
                }
                if let Some(weight) = &decl.weight {
                    self.w.text(" weight ");
                    self.verbatim(weight.span.start, weight.span.end);
                    header_end = weight.span.end as usize;
                }
                self.clause_body(&decl.body, header_end, end);
            }
            ItemKind::Indicator(IndicatorDecl { id, title, body })
            | ItemKind::Risk(RiskDecl { id, title, body }) => {
                let word = if matches!(item.kind, ItemKind::Risk(_)) {
                    "risk"
                } else {
                    "indicator"
                };
                self.keyword(start, word);
                self.w.text(" ");
                self.verbatim(id.span.start, id.span.end);
                let mut header_end = id.span.end as usize;
                if let Some(title) = title {
                    self.w.text(" ");
                    self.verbatim(title.span.start, title.span.end);
                    header_end = title.span.end as usize;
                }
                self.clause_body(body, header_end, end);
            }
            ItemKind::Test(decl) => self.test_decl(item, decl),
            ItemKind::Error => self.verbatim(item.span.start, item.span.end),
        }
    }

    fn keyword(&mut self, start: u32, word: &str) {
        self.w
            .item_keyword(start as usize, start as usize + word.len(), word);
    }

    // ------------------------------------------------------------------------ enums

    fn enum_decl(&mut self, item: &Item, decl: &EnumDecl) {
        self.keyword(item.span.start, "enum");
        self.w.text(" ");
        self.verbatim(decl.name.span.start, decl.name.span.end);
        self.w.text(" ");
        let end = item.span.end as usize;
        let open = self.find(decl.name.span.end as usize, end, '{');
        let close = end.saturating_sub(1);
        let documented = decl.variants.iter().any(|v| !v.docs.span.is_empty());
        if !documented && !self.w.has_comment_in(open, close + 1) {
            let names: Vec<&str> = decl.variants.iter().map(|v| v.name.name.as_str()).collect();
            let text = if names.is_empty() {
                "{}".to_string()
            } else {
                format!("{{ {} }}", names.join(", "))
            };
            if self.fits(&text, 0) {
                self.w.token(open, close + 1, &text);
                return;
            }
        }
        let inner = self.indent;
        self.w.token(open, open + 1, "{");
        let count = decl.variants.len();
        for (i, variant) in decl.variants.iter().enumerate() {
            self.w.set_break(if i == 0 {
                Break::open(inner)
            } else {
                Break::member(inner, true)
            });
            self.docs(&variant.docs, inner);
            self.verbatim(variant.name.span.start, variant.name.span.end);
            // A variant alone on the last line must not read as an item keyword.
            if i + 1 < count || ITEM_KEYWORDS.contains(&variant.name.name.as_str()) {
                self.w.text(",");
            }
        }
        self.w.set_break(Break::close(inner, 0, count > 0));
        self.w.token(close, close + 1, "}");
    }

    // ------------------------------------------------------------------------ use

    fn use_decl(&mut self, item: &Item, decl: &UseDecl) {
        self.keyword(item.span.start, "use");
        self.w.text(" ");
        self.verbatim(decl.pack.span.start, decl.pack.span.end);
        let Some(items) = &decl.items else {
            return;
        };
        self.w.text("::");
        let end = item.span.end as usize;
        let open = self.find(decl.pack.span.end as usize, end, '{');
        let close = end.saturating_sub(1);
        let entry = |item: &clausier_syntax::ast::UseItem| match item.level {
            Some((level, _)) => format!("{} as {}", item.id.name, level.as_str()),
            None => item.id.name.clone(),
        };
        let has_comments = self.w.has_comment_in(open, close + 1);
        if !has_comments {
            let parts: Vec<String> = items.iter().map(entry).collect();
            let text = format!("{{{}}}", parts.join(", "));
            // A line starting with an item keyword would start an item: keep those inline.
            let risky = items
                .iter()
                .any(|item| ITEM_KEYWORDS.contains(&item.id.name.as_str()));
            if risky || self.fits(&text, 0) {
                self.w.token(open, close + 1, &text);
                return;
            }
        }
        let inner = self.indent;
        self.w.token(open, open + 1, "{");
        let mut previous_end = open + 1;
        for (i, use_item) in items.iter().enumerate() {
            let id_start = use_item.id.span.start as usize;
            // `set as must` at the start of a line would start an item: such an entry
            // stays on the line before, after its comma, and the comma stays after any
            // comment before it.
            let risky = ITEM_KEYWORDS.contains(&use_item.id.name.as_str());
            if i > 0 {
                if risky {
                    let comma = self.find(previous_end, id_start, ',');
                    self.w.token(comma, comma + 1, ",");
                    self.w.text(" ");
                } else {
                    self.w.text(",");
                    self.w.set_break(Break::line(inner));
                }
            } else if risky {
                self.w.text(" ");
            } else {
                self.w.set_break(Break::line(inner));
            }
            self.verbatim(use_item.id.span.start, use_item.id.span.end);
            previous_end = use_item.id.span.end as usize;
            if let Some((level, span)) = use_item.level {
                let as_at = self.next_token(use_item.id.span.end as usize);
                self.w.text(" ");
                self.w.token(as_at, as_at + 2, "as");
                self.w.text(" ");
                self.w
                    .token(span.start as usize, span.end as usize, level.as_str());
                previous_end = span.end as usize;
            }
        }
        self.w.set_break(Break::close_compact(inner, 0));
        self.w.token(close, close + 1, "}");
    }

    // ------------------------------------------------------------------------ types

    fn type_expr(&mut self, ty: &TypeExpr, indent: usize) {
        let (start, end) = (ty.span.start as usize, ty.span.end as usize);
        match &ty.kind {
            TypeExprKind::Named(name) => {
                self.verbatim(name.span.start, name.span.end);
            }
            TypeExprKind::List(element) | TypeExprKind::Set(element) => {
                let word = if matches!(ty.kind, TypeExprKind::List(_)) {
                    "list"
                } else {
                    "set"
                };
                self.w.token(start, start + word.len(), word);
                let angle = self.find(start + word.len(), end, '<');
                self.w.token(angle, angle + 1, "<");
                self.type_expr(element, indent);
                self.w.token(end.saturating_sub(1), end, ">");
            }
            TypeExprKind::Map(key, value) => {
                self.w.token(start, start + "map".len(), "map");
                let angle = self.find(start + "map".len(), end, '<');
                self.w.token(angle, angle + 1, "<");
                self.type_expr(key, indent);
                let comma = self.find(key.span.end as usize, end, ',');
                self.w.token(comma, comma + 1, ",");
                self.w.text(" ");
                self.type_expr(value, indent);
                self.w.token(end.saturating_sub(1), end, ">");
            }
            TypeExprKind::Record(fields) => {
                self.record_block(fields, start, end.saturating_sub(1), indent, false);
            }
            TypeExprKind::Error => self.verbatim(ty.span.start, ty.span.end),
        }
    }

    /// A record type, or the body of `descriptor` (`always_open`): on one line when it
    /// fits and holds no doc comment and no comment, else one field per line.
    fn record_block(
        &mut self,
        fields: &[FieldDecl],
        open: usize,
        close: usize,
        indent: usize,
        always_open: bool,
    ) {
        let has_comments = self.w.has_comment_in(open, close + 1);
        if (!always_open || fields.is_empty())
            && !has_comments
            && let Some(text) = flat::record(self.src, fields)
            && self.fits(&text, 0)
        {
            self.w.token(open, close + 1, &text);
            return;
        }
        let inner = indent + self.indent;
        self.w.token(open, open + 1, "{");
        for (i, field) in fields.iter().enumerate() {
            self.w.set_break(if i == 0 {
                Break::open(inner)
            } else {
                Break::member(inner, true)
            });
            self.w.cont = inner + self.indent;
            self.docs(&field.docs, inner);
            self.verbatim(field.name.span.start, field.name.span.end);
            self.w.text(": ");
            self.type_expr(&field.ty, inner);
            self.field_bounds(&field.bounds);
        }
        self.w
            .set_break(Break::close(inner, indent, !fields.is_empty()));
        self.w.token(close, close + 1, "}");
    }

    /// `where >= 0.01 € and <= 6 €`, each bound as its operator, one space, its literal.
    fn field_bounds(&mut self, bounds: &[FieldBound]) {
        for (i, bound) in bounds.iter().enumerate() {
            self.w.text(if i == 0 { " where " } else { " and " });
            let text = flat::field_bound(self.src, bound);
            self.w
                .token(bound.span.start as usize, bound.span.end as usize, &text);
        }
    }

    // ------------------------------------------------------------------------ clauses

    /// The `{ … }` of a requirement or criterion. Without comments inside, its lines are
    /// put in the canonical order (`level`, `lots`, `when`, `text`, `ref`, `evidence`, `require`,
    /// `score`) and blank lines between them are removed; with comments, the author's
    /// order and blank lines are kept, so that no comment moves away from what it
    /// describes.
    fn clause_body(&mut self, body: &[ClauseField], header_end: usize, end: usize) {
        self.w.text(" ");
        let open = self.find(header_end, end, '{');
        let close = end.saturating_sub(1);
        let has_comments = self.w.has_comment_in(open, close + 1);
        if body.is_empty() && !has_comments {
            self.w.token(open, close + 1, "{}");
            return;
        }
        let mut fields: Vec<&ClauseField> = body.iter().collect();
        if !has_comments {
            fields.sort_by_key(|field| clause_rank(field));
        }
        let inner = self.indent;
        self.w.token(open, open + 1, "{");
        for (i, field) in fields.iter().enumerate() {
            self.w.set_break(if i == 0 {
                Break::open(inner)
            } else {
                Break::member(inner, has_comments)
            });
            self.w.cont = inner + self.indent;
            self.clause_field(field, inner);
        }
        self.w.set_break(Break::close(inner, 0, !fields.is_empty()));
        self.w.token(close, close + 1, "}");
    }

    fn clause_field(&mut self, field: &ClauseField, indent: usize) {
        let start = field.span.start as usize;
        let (word, rest) = match &field.kind {
            ClauseFieldKind::Level(level) => {
                let text = format!("level {}", level.as_str());
                self.w.token(start, field.span.end as usize, &text);
                return;
            }
            ClauseFieldKind::Text(text) => ("text", Ok(text)),
            ClauseFieldKind::Note(text) => ("note", Ok(text)),
            ClauseFieldKind::Ref(text) => ("ref", Ok(text)),
            ClauseFieldKind::Evidence(evidence) => {
                self.w.token(start, start + "evidence".len(), "evidence");
                self.w.text(" ");
                if let Some(document) = &evidence.document {
                    let (from, to) = (document.span.start as usize, document.span.end as usize);
                    self.w.token(from, to, &document.dotted());
                    self.w.text(" ");
                }
                if let Some((first, rest)) = evidence.proof.split_first() {
                    self.w.text("from ");
                    self.verbatim(first.span.start, first.span.end);
                    for kind in rest {
                        self.w.text(", ");
                        self.verbatim(kind.span.start, kind.span.end);
                    }
                    self.w.text(" ");
                }
                self.verbatim(evidence.label.span.start, evidence.label.span.end);
                return;
            }
            ClauseFieldKind::NoEquivalent(reason) => ("no_equivalent", Ok(reason)),
            ClauseFieldKind::Lots(ids) => {
                self.lots_field(start, ids);
                return;
            }
            ClauseFieldKind::When(expr) => ("when", Err(expr)),
            ClauseFieldKind::Require(expr) => ("require", Err(expr)),
            ClauseFieldKind::Score(expr) => ("score", Err(expr)),
            ClauseFieldKind::Value(expr) => ("value", Err(expr)),
            ClauseFieldKind::Spend(expr) => ("spend", Err(expr)),
            ClauseFieldKind::Ends(expr) => ("ends", Err(expr)),
            ClauseFieldKind::Window(expr) => ("window", Err(expr)),
            ClauseFieldKind::Alternatives(expr) => ("alternatives", Err(expr)),
            ClauseFieldKind::By(paths) => {
                self.by_field(start, paths);
                return;
            }
            ClauseFieldKind::Error => {
                self.verbatim(field.span.start, field.span.end);
                return;
            }
        };
        self.w.token(start, start + word.len(), word);
        self.w.text(" ");
        match rest {
            Ok(text) => self.verbatim(text.span.start, text.span.end),
            Err(expr) => self.expr(expr, indent + self.indent, 0),
        }
    }

    /// `by a, b.c`: the paths on one line, one space after each comma.
    fn by_field(&mut self, start: usize, paths: &[Path]) {
        self.w.token(start, start + "by".len(), "by");
        for (index, path) in paths.iter().enumerate() {
            self.w.text(if index == 0 { " " } else { ", " });
            let (from, to) = (path.span.start as usize, path.span.end as usize);
            self.w.token(from, to, &path.dotted());
        }
    }

    /// `lots "1", "2"`: the ids on one line, each as written, one space after each comma.
    fn lots_field(&mut self, start: usize, ids: &[StringLit]) {
        self.w.token(start, start + "lots".len(), "lots");
        for (index, id) in ids.iter().enumerate() {
            self.w.text(if index == 0 { " " } else { ", " });
            self.verbatim(id.span.start, id.span.end);
        }
    }

    // ------------------------------------------------------------------------ tests

    /// The body of a test: `given` first, then the expectations, unless comments inside
    /// ask for the author's order.
    fn test_decl(&mut self, item: &Item, decl: &TestDecl) {
        self.keyword(item.span.start, "test");
        self.w.text(" ");
        self.verbatim(decl.name.span.start, decl.name.span.end);
        self.w.text(" ");
        let end = item.span.end as usize;
        let open = self.find(decl.name.span.end as usize, end, '{');
        let close = end.saturating_sub(1);
        let has_comments = self.w.has_comment_in(open, close + 1);
        if decl.date.is_none() && decl.given.is_none() && decl.expects.is_empty() && !has_comments {
            self.w.token(open, close + 1, "{}");
            return;
        }
        enum Line<'t> {
            Date(&'t TestDate),
            Given(&'t Given),
            Expect(&'t Expect),
        }
        let given_start = |given: &Given| match given {
            Given::Inline(value) => value.span.start,
            Given::File(path) => path.span.start,
        };
        let mut lines: Vec<(u32, Line)> = decl
            .expects
            .iter()
            .map(|expect| (expect.span.start, Line::Expect(expect)))
            .collect();
        if let Some(given) = &decl.given {
            let at = if has_comments { given_start(given) } else { 1 };
            lines.push((at, Line::Given(given)));
        }
        if let Some(date) = &decl.date {
            let at = if has_comments { date.span.start } else { 0 };
            lines.push((at, Line::Date(date)));
        }
        lines.sort_by_key(|(at, _)| *at);
        let inner = self.indent;
        self.w.token(open, open + 1, "{");
        let mut previous_end = open + 1;
        for (i, (_, line)) in lines.iter().enumerate() {
            self.w.set_break(if i == 0 {
                Break::open(inner)
            } else {
                Break::member(inner, has_comments)
            });
            self.w.cont = inner + self.indent;
            match line {
                Line::Given(given) => {
                    let value_start = given_start(given) as usize;
                    let keyword = if has_comments {
                        self.next_token(previous_end)
                    } else {
                        value_start
                    };
                    self.w.token(keyword, keyword, "given");
                    self.w.text(" ");
                    match given {
                        Given::File(path) => self.verbatim(path.span.start, path.span.end),
                        Given::Inline(value) => self.data(value, inner, 0),
                    }
                    previous_end = match given {
                        Given::Inline(value) => value.span.end as usize,
                        Given::File(path) => path.span.end as usize,
                    };
                }
                Line::Date(date) => {
                    let text = format!("date {}", date.value);
                    self.w
                        .token(date.span.start as usize, date.span.end as usize, &text);
                    previous_end = date.span.end as usize;
                }
                Line::Expect(expect) => {
                    let text = self.expect_text(expect);
                    self.w
                        .token(expect.span.start as usize, expect.span.end as usize, &text);
                    previous_end = expect.span.end as usize;
                }
            }
        }
        self.w.set_break(Break::close(inner, 0, !lines.is_empty()));
        self.w.token(close, close + 1, "}");
    }

    fn expect_text(&self, expect: &Expect) -> String {
        let what = match &expect.kind {
            ExpectKind::Eligible => "eligible".to_string(),
            ExpectKind::Ineligible => "ineligible".to_string(),
            ExpectKind::Incomplete => "incomplete".to_string(),
            ExpectKind::Invalid => "invalid".to_string(),
            ExpectKind::Review => "review".to_string(),
            ExpectKind::Pass(id) => format!("pass {}", id.name),
            ExpectKind::Fail(id) => format!("fail {}", id.name),
            ExpectKind::Missing(id) => format!("missing {}", id.name),
            ExpectKind::NotApplicable(id) => format!("not_applicable {}", id.name),
            ExpectKind::UnderReview(id) => format!("review {}", id.name),
            ExpectKind::Score(op, value) => {
                // The number as written: `60.0` stays `60.0`.
                let written = slice(self.src, expect.span.start, expect.span.end);
                let number = written
                    .rsplit(|c: char| c.is_whitespace() || "<>=!".contains(c))
                    .find(|part| !part.is_empty())
                    .map_or_else(|| value.to_string(), str::to_string);
                format!("score {} {number}", op.as_str())
            }
            ExpectKind::Error => {
                return slice(self.src, expect.span.start, expect.span.end).to_string();
            }
        };
        format!("expect {what}")
    }

    /// Test data: on one line when it fits and holds no comment, else one entry per line.
    fn data(&mut self, value: &DataValue, indent: usize, trail: usize) {
        let (start, end) = (value.span.start as usize, value.span.end as usize);
        if !self.w.has_comment_in(start, end) {
            let text = flat::data(self.src, value);
            if self.fits(&text, trail) {
                self.w.token(start, end, &text);
                return;
            }
        }
        let inner = indent + self.indent;
        match &value.kind {
            DataValueKind::Object(entries) => {
                self.w.token(start, start + 1, "{");
                for (i, (key, entry)) in entries.iter().enumerate() {
                    self.w.set_break(Break::line(inner));
                    self.verbatim(key.span.start, key.span.end);
                    self.w.text(": ");
                    let last = i + 1 == entries.len();
                    self.data(entry, inner, usize::from(!last));
                    if !last {
                        self.w.text(",");
                    }
                }
                self.w.set_break(Break::close_compact(inner, indent));
                self.w.token(end.saturating_sub(1), end, "}");
            }
            DataValueKind::Array(values) => {
                self.w.token(start, start + 1, "[");
                for (i, entry) in values.iter().enumerate() {
                    self.w.set_break(Break::line(inner));
                    let last = i + 1 == values.len();
                    self.data(entry, inner, usize::from(!last));
                    if !last {
                        self.w.text(",");
                    }
                }
                self.w.set_break(Break::close_compact(inner, indent));
                self.w.token(end.saturating_sub(1), end, "]");
            }
            _ => {
                let text = flat::data(self.src, value);
                self.w.token(start, end, &text);
            }
        }
    }
}
