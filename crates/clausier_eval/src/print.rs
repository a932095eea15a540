//! Canonical, precedence-aware printing of checked expressions, for explanations:
//! `hosting.region == EU`, `security.iso27001_expires >= today + 12 months`.
//!
//! Parentheses appear only where the grammar needs them. Quantifiers and `if` extend as
//! far right as they can, so they are parenthesized wherever something follows them.

use clausier_check::text_functions::TextCheck;
use std::collections::HashMap;

use clausier_check::hir::{ArithOp, CheckedPack, FieldRef, FieldRoot, LocalId, TExpr, TExprKind};
use clausier_check::value::Value;
use clausier_diagnostics::stack;
use clausier_syntax::ast::TimeFunction;
use clausier_syntax::ast::{AggregateKind, QuantifierKind};

/// Prints an expression of a checked pack the way a drafter would write it.
pub fn expr_to_string(pack: &CheckedPack, expr: &TExpr) -> String {
    Printer::new(pack).print(expr)
}

/// Binding strength, loosest first (the brief's precedence table).
mod prec {
    pub const OPEN: u8 = 0;
    pub const IMPLIES: u8 = 1;
    pub const OR: u8 = 2;
    pub const AND: u8 = 3;
    pub const NOT: u8 = 4;
    pub const COMPARE: u8 = 5;
    pub const ADD: u8 = 6;
    pub const MUL: u8 = 7;
    pub const NEG: u8 = 8;
    pub const ATOM: u8 = 9;
}

/// Where a printed text names a variable bound outside it, by byte range: an
/// explanation writes the place of the element there (`subprocessors[1]`) so that no
/// bound variable reaches a reader as if it were a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FreeLocal {
    pub start: usize,
    pub end: usize,
    pub slot: u32,
}

/// Where a whole printed expression names a variable, and how many variables were bound
/// around that name when it was written: the name is free in every sub-expression that
/// began with fewer bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LocalMark {
    pub start: usize,
    pub end: usize,
    pub slot: u32,
    pub binding: usize,
}

/// Where a sub-expression's text lies in the text of the whole expression, and how many
/// variables were bound around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Extent {
    pub start: usize,
    pub end: usize,
    pub bound: usize,
}

/// A whole expression printed once, with the extent of each of its sub-expressions
/// (keyed by address, valid while the expression is borrowed) and every variable it
/// names. Quoting a sub-expression is then taking a slice: a chain of `n` operands is
/// printed in time and space linear in `n`, not quadratic.
pub(crate) struct Recorded {
    pub text: String,
    pub extents: HashMap<*const TExpr, Extent>,
    pub locals: Vec<LocalMark>,
}

/// A printer that knows the names of the variables bound around the expressions it
/// prints.
pub(crate) struct Printer<'a> {
    pack: &'a CheckedPack,
    locals: Vec<(LocalId, String)>,
    marks: Vec<LocalMark>,
    extents: Option<HashMap<*const TExpr, Extent>>,
}

impl<'a> Printer<'a> {
    pub fn new(pack: &'a CheckedPack) -> Self {
        Self {
            pack,
            locals: Vec::new(),
            marks: Vec::new(),
            extents: None,
        }
    }

    fn bind(&mut self, local: LocalId, name: &str) {
        self.locals.push((local, name.to_owned()));
    }

    fn unbind(&mut self) {
        self.locals.pop();
    }

    pub fn print(&mut self, expr: &TExpr) -> String {
        let mut out = String::new();
        self.write(expr, prec::OPEN, true, &mut out);
        self.marks.clear();
        out
    }

    /// Prints `expr` and records where each sub-expression's text lies.
    pub fn record(&mut self, expr: &TExpr) -> Recorded {
        self.extents = Some(HashMap::new());
        self.marks.clear();
        let mut text = String::new();
        self.write(expr, prec::OPEN, true, &mut text);
        Recorded {
            text,
            extents: self.extents.take().unwrap_or_default(),
            locals: std::mem::take(&mut self.marks),
        }
    }

    /// Writes `expr` where the context binds at least as tightly as `min`; `open_tail`
    /// says whether an expression that extends to the right may end here unbracketed.
    fn write(&mut self, expr: &TExpr, min: u8, open_tail: bool, out: &mut String) {
        stack::deep(|| self.write_node(expr, min, open_tail, out));
    }

    fn write_node(&mut self, expr: &TExpr, min: u8, open_tail: bool, out: &mut String) {
        let own = self.precedence(expr);
        let extends_right = matches!(expr.kind, TExprKind::Quantifier { .. } | TExprKind::If(..));
        let bracketed = own < min || (extends_right && !open_tail);
        if bracketed {
            out.push('(');
        }
        let start = out.len();
        self.write_bare(expr, open_tail || bracketed, out);
        if let Some(extents) = self.extents.as_mut() {
            let extent = Extent {
                start,
                end: out.len(),
                bound: self.locals.len(),
            };
            extents.insert(std::ptr::from_ref(expr), extent);
        }
        if bracketed {
            out.push(')');
        }
    }

    fn precedence(&self, expr: &TExpr) -> u8 {
        match &expr.kind {
            TExprKind::If(..) => prec::OPEN,
            TExprKind::Implies(..) => prec::IMPLIES,
            TExprKind::Or(..) => prec::OR,
            TExprKind::And(..) => prec::AND,
            TExprKind::Not(_) => prec::NOT,
            TExprKind::Compare(..) | TExprKind::In(..) => prec::COMPARE,
            TExprKind::Arith(ArithOp::Add | ArithOp::Sub, ..) => prec::ADD,
            TExprKind::Arith(ArithOp::Mul | ArithOp::Div, ..) => prec::MUL,
            TExprKind::Neg(_) => prec::NEG,
            TExprKind::Const(value) if self.constant(value).starts_with('-') => prec::NEG,
            _ => prec::ATOM,
        }
    }

    fn constant(&self, value: &Value) -> String {
        value.display(&self.pack.schema).to_string()
    }

    fn write_bare(&mut self, expr: &TExpr, open_tail: bool, out: &mut String) {
        match &expr.kind {
            TExprKind::Const(value) => out.push_str(&self.constant(value)),
            TExprKind::Field(field) => self.write_field(field, out),
            TExprKind::Param(id) => match self.pack.params.get(id.0 as usize) {
                Some(param) => out.push_str(&param.name),
                None => out.push('?'),
            },
            TExprKind::ParamField(id, steps) => {
                match self.pack.params.get(id.0 as usize) {
                    Some(param) => out.push_str(&param.name),
                    None => out.push('?'),
                }
                for step in steps {
                    out.push('.');
                    let name = self
                        .pack
                        .schema
                        .record(step.record)
                        .and_then(|record| record.field_at(step.field))
                        .map_or("?", |(name, _)| name);
                    out.push_str(name);
                }
            }
            TExprKind::Local(local) => self.write_local(*local, out),
            TExprKind::List(items) => {
                out.push('[');
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        out.push_str(", ");
                    }
                    self.write(item, prec::OPEN, true, out);
                }
                out.push(']');
            }
            TExprKind::Not(operand) => {
                out.push_str("not ");
                self.write(operand, prec::NOT, open_tail, out);
            }
            TExprKind::Neg(operand) => {
                out.push('-');
                self.write(operand, prec::ATOM, open_tail, out);
            }
            TExprKind::And(lhs, rhs) => self.left_assoc(lhs, "and", rhs, prec::AND, open_tail, out),
            TExprKind::Or(lhs, rhs) => self.left_assoc(lhs, "or", rhs, prec::OR, open_tail, out),
            TExprKind::Implies(lhs, rhs) => {
                self.write(lhs, prec::IMPLIES + 1, false, out);
                out.push_str(" implies ");
                self.write(rhs, prec::IMPLIES, open_tail, out);
            }
            TExprKind::Compare(op, lhs, rhs) => {
                self.write(lhs, prec::COMPARE + 1, false, out);
                out.push(' ');
                out.push_str(op.as_str());
                out.push(' ');
                self.write(rhs, prec::COMPARE + 1, open_tail, out);
            }
            TExprKind::In(item, collection) => {
                self.write(item, prec::COMPARE + 1, false, out);
                out.push_str(" in ");
                self.write(collection, prec::COMPARE + 1, open_tail, out);
            }
            TExprKind::Index(table, key) => {
                self.write(table, prec::ATOM, false, out);
                out.push('[');
                self.write(key, 0, false, out);
                out.push(']');
            }
            TExprKind::Arith(op, lhs, rhs) => {
                let level = match op {
                    ArithOp::Add | ArithOp::Sub => prec::ADD,
                    ArithOp::Mul | ArithOp::Div => prec::MUL,
                };
                self.left_assoc(lhs, op.as_str(), rhs, level, open_tail, out);
            }
            TExprKind::Quantifier {
                kind,
                var,
                var_name,
                collection,
                body,
            } => {
                out.push_str(match kind {
                    QuantifierKind::All => "all ",
                    QuantifierKind::Any => "any ",
                });
                out.push_str(var_name);
                out.push_str(" in ");
                self.write(collection, prec::ADD, false, out);
                out.push_str(": ");
                self.bind(*var, var_name);
                self.write(body, prec::OPEN, open_tail, out);
                self.unbind();
            }
            TExprKind::Count { collection, filter } => {
                out.push_str("count(");
                match filter {
                    None => self.write(collection, prec::OPEN, true, out),
                    Some((var, name, condition)) => {
                        out.push_str(name);
                        out.push_str(" in ");
                        self.write(collection, prec::ADD, false, out);
                        out.push_str(": ");
                        self.bind(*var, name);
                        self.write(condition, prec::OPEN, true, out);
                        self.unbind();
                    }
                }
                out.push(')');
            }
            TExprKind::Entries => out.push_str(clausier_syntax::lexicon::ENTRIES_NAME),
            TExprKind::Share {
                var,
                var_name,
                collection,
                condition,
                weight,
            } => {
                out.push_str("share(");
                out.push_str(var_name);
                out.push_str(" in ");
                self.write(collection, prec::ADD, false, out);
                out.push_str(": ");
                self.bind(*var, var_name);
                self.write(condition, prec::OPEN, true, out);
                if let Some(weight) = weight {
                    out.push_str(", ");
                    self.write(weight, prec::OPEN, true, out);
                }
                self.unbind();
                out.push(')');
            }
            TExprKind::ListAggregate {
                kind,
                collection,
                projection,
            } => {
                out.push_str(kind.as_str());
                out.push('(');
                match projection {
                    None => self.write(collection, prec::OPEN, true, out),
                    Some((var, name, value)) => {
                        out.push_str(name);
                        out.push_str(" in ");
                        self.write(collection, prec::ADD, false, out);
                        out.push_str(": ");
                        self.bind(*var, name);
                        self.write(value, prec::OPEN, true, out);
                        self.unbind();
                    }
                }
                out.push(')');
            }
            TExprKind::TextCheck { check, text } => {
                out.push_str(check.function().as_str());
                out.push('(');
                self.write(text, prec::OPEN, true, out);
                if let TextCheck::Matches(pattern) = check {
                    out.push_str(", ");
                    out.push_str(&self.constant(&Value::String(pattern.as_str().into())));
                }
                out.push(')');
            }
            TExprKind::Weekday { of, .. } => {
                out.push_str(TimeFunction::Weekday.as_str());
                out.push('(');
                self.write(of, prec::OPEN, true, out);
                out.push(')');
            }
            TExprKind::BusinessDuration(args) => {
                out.push_str(TimeFunction::BusinessDuration.as_str());
                out.push('(');
                for (position, arg) in args.iter().enumerate() {
                    if position > 0 {
                        out.push_str(", ");
                    }
                    self.write(arg, prec::OPEN, true, out);
                }
                out.push(')');
            }
            TExprKind::Has(field) => {
                out.push_str("has ");
                out.push_str(&field.text);
            }
            TExprKind::If(cond, then_branch, else_branch) => {
                out.push_str("if ");
                self.write(cond, prec::OPEN, true, out);
                out.push_str(" then ");
                self.write(then_branch, prec::OPEN, true, out);
                out.push_str(" else ");
                self.write(else_branch, prec::OPEN, open_tail, out);
            }
            TExprKind::Today => out.push_str("today"),
            TExprKind::Aggregate(id) => match self.pack.aggregates.get(id.0 as usize) {
                Some(aggregate) => {
                    out.push_str(match aggregate.kind {
                        AggregateKind::Lowest => "lowest(",
                        AggregateKind::Highest => "highest(",
                    });
                    out.push_str(&aggregate.field.text);
                    out.push(')');
                }
                None => out.push('?'),
            },
            TExprKind::Passed(index) => {
                out.push_str("passed(");
                match self.pack.requirements.get(*index) {
                    Some(requirement) => out.push_str(&requirement.meta.id),
                    None => out.push('?'),
                }
                out.push(')');
            }
        }
    }

    fn left_assoc(
        &mut self,
        lhs: &TExpr,
        op: &str,
        rhs: &TExpr,
        level: u8,
        open_tail: bool,
        out: &mut String,
    ) {
        self.write(lhs, level, false, out);
        out.push(' ');
        out.push_str(op);
        out.push(' ');
        self.write(rhs, level + 1, open_tail, out);
    }

    fn write_local(&mut self, local: LocalId, out: &mut String) {
        let found = self.locals.iter().rposition(|(id, _)| *id == local);
        let name = found
            .and_then(|index| self.locals.get(index))
            .map_or("?", |(_, name)| name.as_str());
        let start = out.len();
        out.push_str(name);
        if let Some(binding) = found {
            self.marks.push(LocalMark {
                start,
                end: out.len(),
                slot: local.0,
                binding,
            });
        }
    }

    /// A descriptor path as written; a path from a variable as the variable and the
    /// schema's names of its steps, so that the variable can be marked.
    fn write_field(&mut self, field: &FieldRef, out: &mut String) {
        let FieldRoot::Local(local) = field.root else {
            return out.push_str(&field.text);
        };
        let schema = &self.pack.schema;
        let names: Option<Vec<&str>> = field
            .steps
            .iter()
            .map(|step| {
                schema
                    .record(step.record)?
                    .field_at(step.field)
                    .map(|(name, _)| name)
            })
            .collect();
        let Some(names) = names else {
            return out.push_str(&field.text);
        };
        self.write_local(local, out);
        for name in names {
            out.push('.');
            out.push_str(name);
        }
    }
}
