//! A compact, stable text form of a syntax tree, for snapshot tests of the parser, the
//! formatter and the IDE features.
//!
//! Items and clause fields go one to a line; expressions are S-expressions with the
//! operator first: `(and (== hosting.region EU) (all s subprocessors (== s.region EU)))`.
//! Parentheses written in the source show as `(paren …)`, so precedence is visible.

use std::fmt::Write as _;

use clausier_diagnostics::{Span, stack};

use crate::ast::{
    ClauseField, ClauseFieldKind, DataValue, DataValueKind, Docs, DurationUnit, Expect, ExpectKind,
    Expr, ExprKind, FieldDecl, Given, IndicatorDecl, Item, ItemKind, Literal, LiteralKind, Path,
    QuantifierKind, RiskDecl, SourceFileAst, TypeExpr, TypeExprKind, UnaryOp,
};

/// The tree without positions.
pub fn debug_tree(ast: &SourceFileAst) -> String {
    Printer::new(false).file(ast)
}

/// The tree with the byte span of every item, field and expression node (`@start..end`).
pub fn debug_tree_with_spans(ast: &SourceFileAst) -> String {
    Printer::new(true).file(ast)
}

/// One expression, without positions.
pub fn debug_expr(expr: &Expr) -> String {
    let mut printer = Printer::new(false);
    printer.expr(expr);
    printer.out
}

struct Printer {
    out: String,
    spans: bool,
}

impl Printer {
    fn new(spans: bool) -> Self {
        Self {
            out: String::new(),
            spans,
        }
    }

    fn file(mut self, ast: &SourceFileAst) -> String {
        for item in &ast.items {
            self.item(item);
        }
        for comment in &ast.comments {
            let _ = write!(self.out, "comment {:?}", comment.text);
            self.end_line(comment.span);
        }
        self.out
    }

    fn span(&mut self, span: Span) {
        if self.spans {
            let _ = write!(self.out, "@{}..{}", span.start, span.end);
        }
    }

    /// Ends a line that opened with a keyword: a space, the span, the line break.
    fn end_line(&mut self, span: Span) {
        if self.spans {
            self.out.push(' ');
            self.span(span);
        }
        self.out.push('\n');
    }

    fn docs(&mut self, docs: &Docs, indent: &str) {
        if !docs.is_empty() {
            let _ = write!(self.out, "{indent}docs {:?}", docs.text);
            self.end_line(docs.span);
        }
    }

    fn item(&mut self, item: &Item) {
        match &item.kind {
            ItemKind::Enum(decl) => {
                let _ = write!(self.out, "enum {}", decl.name.name);
                self.end_line(item.span);
                self.docs(&item.docs, "  ");
                for variant in &decl.variants {
                    let _ = write!(self.out, "  variant {}", variant.name.name);
                    self.end_line(variant.name.span);
                    self.docs(&variant.docs, "    ");
                }
            }
            ItemKind::Type(decl) => {
                let _ = write!(self.out, "type {} = ", decl.name.name);
                self.type_expr(&decl.ty);
                self.end_line(item.span);
                self.docs(&item.docs, "  ");
            }
            ItemKind::Descriptor(decl) => {
                self.out.push_str("descriptor");
                self.end_line(item.span);
                self.docs(&item.docs, "  ");
                for field in &decl.fields {
                    let _ = write!(self.out, "  field {}: ", field.name.name);
                    self.type_expr(&field.ty);
                    self.end_line(field.span);
                    self.docs(&field.docs, "    ");
                }
            }
            ItemKind::Param(decl) => {
                let _ = write!(self.out, "param {}: ", decl.name.name);
                self.type_expr(&decl.ty);
                self.out.push_str(" = ");
                self.expr(&decl.value);
                self.end_line(item.span);
                self.docs(&item.docs, "  ");
            }
            ItemKind::Requirement(decl) => {
                let _ = write!(self.out, "requirement {}", decl.id.name);
                if let Some(title) = &decl.title {
                    let _ = write!(self.out, " {:?}", title.value);
                }
                self.end_line(item.span);
                self.docs(&item.docs, "  ");
                self.clause_fields(&decl.body);
            }
            ItemKind::Criterion(decl) => {
                let _ = write!(self.out, "criterion {}", decl.id.name);
                if let Some(title) = &decl.title {
                    let _ = write!(self.out, " {:?}", title.value);
                }
                if let Some(weight) = &decl.weight {
                    let _ = write!(self.out, " weight {}", weight.value);
                }
                self.end_line(item.span);
                self.docs(&item.docs, "  ");
                self.clause_fields(&decl.body);
            }
            ItemKind::Indicator(IndicatorDecl { id, title, body })
            | ItemKind::Risk(RiskDecl { id, title, body }) => {
                let word = if matches!(item.kind, ItemKind::Risk(_)) {
                    "risk"
                } else {
                    "indicator"
                };
                let _ = write!(self.out, "{word} {}", id.name);
                if let Some(title) = title {
                    let _ = write!(self.out, " {:?}", title.value);
                }
                self.end_line(item.span);
                self.docs(&item.docs, "  ");
                self.clause_fields(body);
            }
            ItemKind::Use(decl) => {
                let _ = write!(self.out, "use {}", decl.pack.name);
                if let Some(items) = &decl.items {
                    let listed: Vec<String> = items
                        .iter()
                        .map(|item| match item.level {
                            Some((level, _)) => format!("{} as {}", item.id.name, level.as_str()),
                            None => item.id.name.clone(),
                        })
                        .collect();
                    let _ = write!(self.out, "::{{{}}}", listed.join(", "));
                }
                self.end_line(item.span);
                self.docs(&item.docs, "  ");
            }
            ItemKind::Set(decl) => {
                let _ = write!(self.out, "set {}::{} = ", decl.pack.name, decl.name.name);
                self.expr(&decl.value);
                self.end_line(item.span);
                self.docs(&item.docs, "  ");
            }
            ItemKind::Test(decl) => {
                let _ = write!(self.out, "test {:?}", decl.name.value);
                self.end_line(item.span);
                self.docs(&item.docs, "  ");
                if let Some(date) = &decl.date {
                    let _ = write!(self.out, "  date {}", date.value);
                    self.end_line(date.span);
                }
                match &decl.given {
                    Some(Given::File(path)) => {
                        let _ = write!(self.out, "  given file {:?}", path.value);
                        self.end_line(path.span);
                    }
                    Some(Given::Inline(value)) => {
                        self.out.push_str("  given ");
                        self.data(value);
                        self.end_line(value.span);
                    }
                    None => {}
                }
                for expect in &decl.expects {
                    self.expect(expect);
                }
            }
            ItemKind::Error => {
                self.out.push_str("error");
                self.end_line(item.span);
                self.docs(&item.docs, "  ");
            }
        }
    }

    fn clause_fields(&mut self, fields: &[ClauseField]) {
        for field in fields {
            self.out.push_str("  ");
            match &field.kind {
                ClauseFieldKind::Level(level) => {
                    let _ = write!(self.out, "level {}", level.as_str());
                }
                ClauseFieldKind::Text(text) => {
                    let _ = write!(self.out, "text {:?}", text.value);
                }
                ClauseFieldKind::Note(text) => {
                    let _ = write!(self.out, "note {:?}", text.value);
                }
                ClauseFieldKind::Ref(text) => {
                    let _ = write!(self.out, "ref {:?}", text.value);
                }
                ClauseFieldKind::Evidence(evidence) => {
                    self.out.push_str("evidence ");
                    if let Some(document) = &evidence.document {
                        let _ = write!(self.out, "{} ", document.dotted());
                    }
                    if !evidence.proof.is_empty() {
                        let kinds: Vec<&str> = evidence
                            .proof
                            .iter()
                            .map(|kind| kind.name.as_str())
                            .collect();
                        let _ = write!(self.out, "from {} ", kinds.join(", "));
                    }
                    let _ = write!(self.out, "{:?}", evidence.label.value);
                }
                ClauseFieldKind::NoEquivalent(reason) => {
                    let _ = write!(self.out, "no_equivalent {:?}", reason.value);
                }
                ClauseFieldKind::Lots(ids) => {
                    let ids: Vec<String> = ids.iter().map(|id| format!("{:?}", id.value)).collect();
                    let _ = write!(self.out, "lots {}", ids.join(", "));
                }
                ClauseFieldKind::When(expr) => {
                    self.out.push_str("when ");
                    self.expr(expr);
                }
                ClauseFieldKind::Require(expr) => {
                    self.out.push_str("require ");
                    self.expr(expr);
                }
                ClauseFieldKind::Score(expr) => {
                    self.out.push_str("score ");
                    self.expr(expr);
                }
                ClauseFieldKind::Value(expr) => {
                    self.out.push_str("value ");
                    self.expr(expr);
                }
                ClauseFieldKind::By(paths) => {
                    let paths: Vec<String> = paths.iter().map(Path::dotted).collect();
                    let _ = write!(self.out, "by {}", paths.join(", "));
                }
                ClauseFieldKind::Spend(expr) => {
                    self.out.push_str("spend ");
                    self.expr(expr);
                }
                ClauseFieldKind::Ends(expr) => {
                    self.out.push_str("ends ");
                    self.expr(expr);
                }
                ClauseFieldKind::Window(expr) => {
                    self.out.push_str("window ");
                    self.expr(expr);
                }
                ClauseFieldKind::Alternatives(expr) => {
                    self.out.push_str("alternatives ");
                    self.expr(expr);
                }
                ClauseFieldKind::Error => self.out.push_str("error"),
            }
            self.end_line(field.span);
        }
    }

    fn expect(&mut self, expect: &Expect) {
        self.out.push_str("  expect ");
        let text = match &expect.kind {
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
            ExpectKind::Score(op, value) => format!("score {} {value}", op.as_str()),
            ExpectKind::Error => "error".to_string(),
        };
        self.out.push_str(&text);
        self.end_line(expect.span);
    }

    fn field(&mut self, field: &FieldDecl) {
        if !field.docs.is_empty() {
            let _ = write!(self.out, "#[doc {:?}] ", field.docs.text);
        }
        let _ = write!(self.out, "{}: ", field.name.name);
        self.type_expr(&field.ty);
        for (i, bound) in field.bounds.iter().enumerate() {
            self.out.push_str(if i == 0 { " where " } else { " and " });
            let _ = write!(self.out, "{} ", bound.op.as_str());
            self.literal(&bound.value);
        }
    }

    fn type_expr(&mut self, ty: &TypeExpr) {
        match &ty.kind {
            TypeExprKind::Named(name) => self.out.push_str(&name.name),
            TypeExprKind::List(element) => {
                self.out.push_str("list<");
                self.type_expr(element);
                self.out.push('>');
            }
            TypeExprKind::Set(element) => {
                self.out.push_str("set<");
                self.type_expr(element);
                self.out.push('>');
            }
            TypeExprKind::Map(key, value) => {
                self.out.push_str("map<");
                self.type_expr(key);
                self.out.push_str(", ");
                self.type_expr(value);
                self.out.push('>');
            }
            TypeExprKind::Record(fields) => {
                self.out.push('{');
                for (i, field) in fields.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(", ");
                    }
                    self.field(field);
                }
                self.out.push('}');
            }
            TypeExprKind::Error => self.out.push_str("<error>"),
        }
        self.span(ty.span);
    }

    fn data(&mut self, value: &DataValue) {
        match &value.kind {
            DataValueKind::Null => self.out.push_str("null"),
            DataValueKind::Literal(literal) => self.literal(literal),
            DataValueKind::Array(values) => {
                self.out.push('[');
                for (i, value) in values.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(", ");
                    }
                    self.data(value);
                }
                self.out.push(']');
            }
            DataValueKind::Object(entries) => {
                self.out.push('{');
                for (i, (key, value)) in entries.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(", ");
                    }
                    let _ = write!(self.out, "{}: ", key.name);
                    self.data(value);
                }
                self.out.push('}');
            }
            DataValueKind::Error => self.out.push_str("<error>"),
        }
        if !matches!(value.kind, DataValueKind::Literal(_)) {
            self.span(value.span);
        }
    }

    fn literal(&mut self, literal: &Literal) {
        let _ = match &literal.kind {
            LiteralKind::Bool(value) => write!(self.out, "{value}"),
            LiteralKind::Int(value) => write!(self.out, "{value}"),
            LiteralKind::Number(value) if value.to_string().contains('.') => {
                write!(self.out, "{value}")
            }
            LiteralKind::Number(value) => write!(self.out, "(number {value})"),
            LiteralKind::String(value) => write!(self.out, "{value:?}"),
            LiteralKind::Percent(value) => write!(self.out, "{value}%"),
            LiteralKind::Money(value) => write!(self.out, "{value}€"),
            LiteralKind::Date(date) => write!(self.out, "{date}"),
            LiteralKind::DateTime(datetime) => write!(
                self.out,
                "(datetime {}T{:02}:{:02})",
                datetime.date(),
                datetime.hour(),
                datetime.minute()
            ),
            LiteralKind::Time(time) => {
                write!(self.out, "(time {:02}:{:02})", time.hour(), time.minute())
            }
            LiteralKind::Duration(duration) => {
                let unit = match duration.unit {
                    DurationUnit::Days => "days",
                    DurationUnit::Weeks => "weeks",
                    DurationUnit::Months => "months",
                    DurationUnit::Years => "years",
                    DurationUnit::Hours => "hours",
                    DurationUnit::Minutes => "minutes",
                };
                write!(self.out, "(duration {} {unit})", duration.amount)
            }
        };
        self.span(literal.span);
    }

    fn open(&mut self, head: &str, span: Span) {
        self.out.push('(');
        self.out.push_str(head);
        self.span(span);
    }

    fn expr(&mut self, expr: &Expr) {
        stack::deep(|| self.expr_node(expr));
    }

    fn expr_node(&mut self, expr: &Expr) {
        match &expr.kind {
            ExprKind::Literal(literal) => self.literal(literal),
            ExprKind::Path(path) => {
                self.out.push_str(&path.dotted());
                self.span(expr.span);
            }
            ExprKind::Today => {
                self.out.push_str("today");
                self.span(expr.span);
            }
            ExprKind::Passed(id) => {
                self.open("passed", expr.span);
                let _ = write!(self.out, " {})", id.name);
            }
            ExprKind::Error => {
                self.out.push_str("<error>");
                self.span(expr.span);
            }
            ExprKind::Table(entries) => {
                self.out.push('{');
                for (i, entry) in entries.iter().enumerate() {
                    if i > 0 {
                        self.out.push(' ');
                    }
                    let _ = write!(self.out, "{:?}: ", entry.key.text());
                    self.expr(&entry.value);
                }
                self.out.push('}');
                self.span(expr.span);
            }
            ExprKind::Index { table, key } => {
                self.open("index", expr.span);
                self.out.push(' ');
                self.expr(table);
                self.out.push(' ');
                self.expr(key);
                self.out.push(')');
            }
            ExprKind::List(items) => {
                self.out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.push(' ');
                    }
                    self.expr(item);
                }
                self.out.push(']');
                self.span(expr.span);
            }
            ExprKind::Unary { op, operand } => {
                let head = match op {
                    UnaryOp::Not => "not",
                    UnaryOp::Neg => "neg",
                };
                self.open(head, expr.span);
                self.out.push(' ');
                self.expr(operand);
                self.out.push(')');
            }
            ExprKind::Binary { op, lhs, rhs, .. } => {
                self.open(op.as_str(), expr.span);
                self.out.push(' ');
                self.expr(lhs);
                self.out.push(' ');
                self.expr(rhs);
                self.out.push(')');
            }
            ExprKind::Quantifier {
                kind,
                var,
                collection,
                body,
            } => {
                let head = match kind {
                    QuantifierKind::All => "all",
                    QuantifierKind::Any => "any",
                };
                self.open(head, expr.span);
                let _ = write!(self.out, " {} ", var.name);
                self.expr(collection);
                self.out.push(' ');
                self.expr(body);
                self.out.push(')');
            }
            ExprKind::Count { filter, collection } => {
                self.open("count", expr.span);
                if let Some((var, _)) = filter {
                    let _ = write!(self.out, " {}", var.name);
                }
                self.out.push(' ');
                self.expr(collection);
                if let Some((_, body)) = filter {
                    self.out.push(' ');
                    self.expr(body);
                }
                self.out.push(')');
            }
            ExprKind::Share {
                var,
                collection,
                condition,
                weight,
            } => {
                self.open("share", expr.span);
                let _ = write!(self.out, " {} ", var.name);
                self.expr(collection);
                self.out.push(' ');
                self.expr(condition);
                if let Some(weight) = weight {
                    self.out.push(' ');
                    self.expr(weight);
                }
                self.out.push(')');
            }
            ExprKind::ListAggregate {
                kind,
                projection,
                collection,
            } => {
                self.open(kind.as_str(), expr.span);
                if let Some((var, _)) = projection {
                    let _ = write!(self.out, " {}", var.name);
                }
                self.out.push(' ');
                self.expr(collection);
                if let Some((_, value)) = projection {
                    self.out.push(' ');
                    self.expr(value);
                }
                self.out.push(')');
            }
            ExprKind::Call { function, args } => {
                self.open("call", expr.span);
                let _ = write!(self.out, " {}", function.name);
                for arg in args {
                    self.out.push(' ');
                    self.expr(arg);
                }
                self.out.push(')');
            }
            ExprKind::Has(path) => {
                self.open("has", expr.span);
                let _ = write!(self.out, " {})", path.dotted());
            }
            ExprKind::If {
                cond,
                then_branch,
                else_branch,
            } => {
                self.open("if", expr.span);
                for part in [cond, then_branch, else_branch] {
                    self.out.push(' ');
                    self.expr(part);
                }
                self.out.push(')');
            }
            ExprKind::Aggregate { kind, arg } => {
                let head = match kind {
                    crate::ast::AggregateKind::Lowest => "lowest",
                    crate::ast::AggregateKind::Highest => "highest",
                };
                self.open(head, expr.span);
                self.out.push(' ');
                self.expr(arg);
                self.out.push(')');
            }
            ExprKind::Paren(inner) => {
                self.open("paren", expr.span);
                self.out.push(' ');
                self.expr(inner);
                self.out.push(')');
            }
        }
    }
}
