//! Helpers shared by the parser's integration tests.

#![allow(
    dead_code,
    reason = "each test binary uses a different part of this module"
)]
#![expect(clippy::panic, reason = "a helper fails the test that calls it")]

use clausier_diagnostics::Lang;
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
            diagnostic.message.text(Lang::En)
        );
        for label in &diagnostic.labels {
            let at = index.line_col(text, label.span.start);
            let line = index.line_of(label.span.start);
            let range = index.line_range(line, text).unwrap_or(0..0);
            let source = &text[range.clone()];
            let end = (label.span.end as usize)
                .min(range.end)
                .max(label.span.start as usize);
            let width = text[label.span.start as usize..end].chars().count().max(1);
            let marker = if label.primary { '^' } else { '-' };
            let _ = writeln!(out, "  --> {}:{}", at.line, at.column);
            let _ = writeln!(out, "   | {source}");
            let under = format!(
                "   | {}{} {}",
                " ".repeat(at.column as usize - 1),
                marker.to_string().repeat(width),
                label.message.text(Lang::En)
            );
            // A label that only marks the place ends at its marker.
            let _ = writeln!(out, "{}", under.trim_end());
        }
        if let Some(help) = &diagnostic.help {
            let _ = writeln!(out, "   = help: {}", help.text(Lang::En));
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
    parse_text(text)
        .ast
        .items
        .into_iter()
        .find_map(|item| match item.kind {
            ItemKind::Requirement(requirement) => {
                requirement
                    .body
                    .into_iter()
                    .find_map(|field| match field.kind {
                        ClauseFieldKind::Require(expr) => Some(expr),
                        _ => None,
                    })
            }
            _ => None,
        })
}

/// Every span in the tree, and whether the tree holds an `Error` node anywhere.
pub fn spans_and_errors(
    ast: &clausier_syntax::ast::SourceFileAst,
) -> (Vec<clausier_diagnostics::Span>, bool) {
    let mut walker = Walker::default();
    for item in &ast.items {
        walker.item(item);
    }
    for comment in &ast.comments {
        walker.spans.push(comment.span);
    }
    (walker.spans, walker.errors)
}

#[derive(Default)]
struct Walker {
    spans: Vec<clausier_diagnostics::Span>,
    errors: bool,
}

impl Walker {
    fn docs(&mut self, docs: &clausier_syntax::ast::Docs) {
        if !docs.is_empty() {
            self.spans.push(docs.span);
        }
    }

    fn item(&mut self, item: &clausier_syntax::ast::Item) {
        use clausier_syntax::ast::{Given, ItemKind};
        self.spans.push(item.span);
        self.docs(&item.docs);
        match &item.kind {
            ItemKind::Enum(decl) => {
                self.spans.push(decl.name.span);
                for variant in &decl.variants {
                    self.docs(&variant.docs);
                    self.spans.push(variant.name.span);
                }
            }
            ItemKind::Type(decl) => {
                self.spans.push(decl.name.span);
                self.ty(&decl.ty);
            }
            ItemKind::Descriptor(decl) => decl.fields.iter().for_each(|f| self.field(f)),
            ItemKind::Param(decl) => {
                self.spans.push(decl.name.span);
                self.ty(&decl.ty);
                self.expr(&decl.value);
            }
            ItemKind::Requirement(decl) => {
                self.spans.push(decl.id.span);
                self.spans.extend(decl.title.iter().map(|t| t.span));
                self.clause_fields(&decl.body);
            }
            ItemKind::Criterion(decl) => {
                self.spans.push(decl.id.span);
                self.spans.extend(decl.title.iter().map(|t| t.span));
                self.spans.extend(decl.weight.iter().map(|w| w.span));
                self.clause_fields(&decl.body);
            }
            ItemKind::Indicator(decl) => {
                self.spans.push(decl.id.span);
                self.spans.extend(decl.title.iter().map(|t| t.span));
                self.clause_fields(&decl.body);
            }
            ItemKind::Risk(decl) => {
                self.spans.push(decl.id.span);
                self.spans.extend(decl.title.iter().map(|t| t.span));
                self.clause_fields(&decl.body);
            }
            ItemKind::Use(decl) => {
                self.spans.push(decl.pack.span);
                for item in decl.items.iter().flatten() {
                    self.spans.push(item.span);
                    self.spans.push(item.id.span);
                    self.spans.extend(item.level.iter().map(|(_, span)| *span));
                }
            }
            ItemKind::Set(decl) => {
                self.spans.push(decl.pack.span);
                self.spans.push(decl.name.span);
                self.expr(&decl.value);
            }
            ItemKind::Test(decl) => {
                self.spans.push(decl.name.span);
                match &decl.given {
                    Some(Given::File(file)) => self.spans.push(file.span),
                    Some(Given::Inline(value)) => self.data(value),
                    None => {}
                }
                for expect in &decl.expects {
                    use clausier_syntax::ast::ExpectKind as K;
                    self.spans.push(expect.span);
                    match &expect.kind {
                        K::Pass(id) | K::Fail(id) | K::Missing(id) | K::NotApplicable(id) => {
                            self.spans.push(id.span)
                        }
                        K::Error => self.errors = true,
                        _ => {}
                    }
                }
            }
            ItemKind::Error => self.errors = true,
        }
    }

    fn clause_fields(&mut self, fields: &[clausier_syntax::ast::ClauseField]) {
        use clausier_syntax::ast::ClauseFieldKind as K;
        for field in fields {
            self.spans.push(field.span);
            match &field.kind {
                K::Text(s) | K::Note(s) | K::Ref(s) | K::NoEquivalent(s) => self.spans.push(s.span),
                K::Evidence(evidence) => {
                    if let Some(document) = &evidence.document {
                        self.spans.push(document.span);
                    }
                    self.spans
                        .extend(evidence.proof.iter().map(|kind| kind.span));
                    self.spans.push(evidence.label.span);
                }
                K::When(e)
                | K::Require(e)
                | K::Score(e)
                | K::Value(e)
                | K::Spend(e)
                | K::Ends(e)
                | K::Window(e)
                | K::Alternatives(e) => self.expr(e),
                K::By(paths) => {
                    for path in paths {
                        self.spans.push(path.span);
                        self.spans.extend(path.segments.iter().map(|s| s.span));
                    }
                }
                K::Lots(ids) => self.spans.extend(ids.iter().map(|id| id.span)),
                K::Level(_) => {}
                K::Error => self.errors = true,
            }
        }
    }

    fn field(&mut self, field: &clausier_syntax::ast::FieldDecl) {
        self.spans.push(field.span);
        self.docs(&field.docs);
        self.spans.push(field.name.span);
        self.ty(&field.ty);
        for bound in &field.bounds {
            self.spans.push(bound.span);
            self.spans.push(bound.value.span);
        }
    }

    fn ty(&mut self, ty: &clausier_syntax::ast::TypeExpr) {
        use clausier_syntax::ast::TypeExprKind as K;
        self.spans.push(ty.span);
        match &ty.kind {
            K::Named(name) => self.spans.push(name.span),
            K::List(inner) | K::Set(inner) => self.ty(inner),
            K::Map(key, value) => {
                self.ty(key);
                self.ty(value);
            }
            K::Record(fields) => fields.iter().for_each(|f| self.field(f)),
            K::Error => self.errors = true,
        }
    }

    fn data(&mut self, value: &clausier_syntax::ast::DataValue) {
        use clausier_syntax::ast::DataValueKind as K;
        self.spans.push(value.span);
        match &value.kind {
            K::Null => {}
            K::Literal(literal) => self.spans.push(literal.span),
            K::Array(values) => values.iter().for_each(|v| self.data(v)),
            K::Object(entries) => {
                for (key, value) in entries {
                    self.spans.push(key.span);
                    self.data(value);
                }
            }
            K::Error => self.errors = true,
        }
    }

    fn expr(&mut self, expr: &Expr) {
        use clausier_syntax::ast::ExprKind as K;
        self.spans.push(expr.span);
        match &expr.kind {
            K::Literal(literal) => self.spans.push(literal.span),
            K::Path(path) | K::Has(path) => {
                self.spans.push(path.span);
                self.spans.extend(path.segments.iter().map(|s| s.span));
            }
            K::List(items) => items.iter().for_each(|e| self.expr(e)),
            K::Table(entries) => {
                for entry in entries {
                    self.spans.push(entry.key.span());
                    self.expr(&entry.value);
                }
            }
            K::Index { table, key } => {
                self.expr(table);
                self.expr(key);
            }
            K::Unary { operand, .. } => self.expr(operand),
            K::Binary {
                op_span, lhs, rhs, ..
            } => {
                self.spans.push(*op_span);
                self.expr(lhs);
                self.expr(rhs);
            }
            K::Quantifier {
                var,
                collection,
                body,
                ..
            } => {
                self.spans.push(var.span);
                self.expr(collection);
                self.expr(body);
            }
            K::Count { filter, collection } => {
                if let Some((var, body)) = filter {
                    self.spans.push(var.span);
                    self.expr(body);
                }
                self.expr(collection);
            }
            K::Share {
                var,
                collection,
                condition,
                weight,
            } => {
                self.spans.push(var.span);
                self.expr(collection);
                self.expr(condition);
                if let Some(weight) = weight {
                    self.expr(weight);
                }
            }
            K::ListAggregate {
                projection,
                collection,
                ..
            } => {
                if let Some((var, value)) = projection {
                    self.spans.push(var.span);
                    self.expr(value);
                }
                self.expr(collection);
            }
            K::If {
                cond,
                then_branch,
                else_branch,
            } => {
                self.expr(cond);
                self.expr(then_branch);
                self.expr(else_branch);
            }
            K::Aggregate { arg, .. } | K::Paren(arg) => self.expr(arg),
            K::Passed(id) => self.spans.push(id.span),
            K::Call { function, args } => {
                self.spans.push(function.span);
                args.iter().for_each(|arg| self.expr(arg));
            }
            K::Today => {}
            K::Error => self.errors = true,
        }
    }
}

/// The checks every parse must pass, whatever the text: spans inside the text and on
/// character boundaries, items in order, a diagnostic for every error node, labels in
/// the text, and the same result twice.
pub fn check_invariants(text: &str) {
    let parse = parse_text(text);
    let (spans, errors) = spans_and_errors(&parse.ast);
    let in_text = |span: clausier_diagnostics::Span| {
        span.start <= span.end
            && (span.end as usize) <= text.len()
            && text.is_char_boundary(span.start as usize)
            && text.is_char_boundary(span.end as usize)
    };
    for span in spans {
        assert!(in_text(span), "span {span:?} outside {text:?}");
    }
    for pair in parse.ast.items.windows(2) {
        assert!(
            pair[0].span.end <= pair[1].span.start,
            "items out of order: {:?} then {:?} in {text:?}",
            pair[0].span,
            pair[1].span
        );
    }
    if errors {
        assert!(
            parse.diagnostics.iter().any(|d| d.is_error()),
            "an error node without a diagnostic in {text:?}"
        );
    }
    for diagnostic in &parse.diagnostics {
        assert!(!diagnostic.labels.is_empty(), "{diagnostic:?}");
        for label in &diagnostic.labels {
            assert!(
                in_text(label.span),
                "label {:?} outside {text:?}",
                label.span
            );
        }
    }
    let _ = debug_tree(&parse.ast);
    let again = parse_text(text);
    assert_eq!(again.ast, parse.ast);
    assert_eq!(again.diagnostics, parse.diagnostics);
}
