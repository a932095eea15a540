//! Typing expressions: names resolved, types inferred (with the expected type passed
//! down where it decides something: a bare variant, an empty list), every operator
//! checked against [`crate::ops`].
//!
//! An expression with an error gets [`Ty::Error`], and nothing built on it is reported
//! again.

mod business_time;
mod inventory;
mod list_aggregates;
mod operators;
mod paths;
mod tables;
mod text_functions;
mod time_functions;
pub(crate) mod words;

use clausier_diagnostics::{Code, Diagnostic, FileId, Message, Span, stack};
use clausier_syntax::ast::{
    AggregateKind, ClauseId, Expr, ExprKind, Ident, Literal, LiteralKind, QuantifierKind, UnaryOp,
};

use crate::Checker;
use crate::hir::{
    AggregateDef, AggregateId, FieldRoot, LegalText, LocalId, Symbol, TExpr, TExprKind,
};
use crate::types::Ty;
use crate::value::{Duration, Value};
use words::{a_ty, condition_help, this_is};

/// Types the expressions of one clause (or one parameter's value), numbering the
/// variables they bind.
pub(crate) struct ExprChecker<'c, 'a> {
    cx: &'c mut Checker<'a>,
    file: FileId,
    /// The clause id or parameter name the variables belong to.
    owner: String,
    scope: Vec<Binding>,
    next_local: u32,
    aggregates_allowed: bool,
    /// Whether `entries` may be read: only in an indicator's `value`.
    inventory: bool,
}

struct Binding {
    name: String,
    id: LocalId,
    ty: Ty,
    span: Span,
}

/// Which construct asks for a condition, to say so in `E0301`.
#[derive(Clone, Copy)]
pub(crate) enum ConditionOf {
    Require,
    When,
    Operand(&'static str),
    Not,
    If,
    Filter,
}

impl ConditionOf {
    fn label(self) -> Message {
        match self {
            ConditionOf::Require => Message::new("e0301-condition-of-require"),
            ConditionOf::When => Message::new("e0301-condition-of-when"),
            ConditionOf::Operand(op) => Message::new("e0301-condition-of-operand").with("op", op),
            ConditionOf::Not => Message::new("e0301-condition-of-not"),
            ConditionOf::If => Message::new("e0301-condition-of-if"),
            ConditionOf::Filter => Message::new("e0301-condition-of-filter"),
        }
    }
}

/// A placeholder for an expression that could not be typed. It is never evaluated: a
/// pack with an error is not.
pub(crate) fn error_expr(span: Span) -> TExpr {
    TExpr {
        kind: TExprKind::Const(Value::Bool(false)),
        ty: Ty::Error,
        span,
    }
}

impl<'c, 'a> ExprChecker<'c, 'a> {
    pub(crate) fn new(cx: &'c mut Checker<'a>, file: FileId, owner: &str) -> Self {
        Self {
            cx,
            file,
            owner: owner.to_owned(),
            scope: Vec::new(),
            next_local: 0,
            aggregates_allowed: false,
            inventory: false,
        }
    }

    /// Allows `lowest`, `highest` and `passed`: only a criterion's `score` may use them.
    pub(crate) fn allow_aggregates(&mut self, allowed: bool) {
        self.aggregates_allowed = allowed;
    }

    pub(crate) fn report(&mut self, diagnostic: Diagnostic) {
        self.cx.report(diagnostic);
    }

    /// A `text` or `note` of the clause, its placeholders checked.
    pub(crate) fn legal_text(&mut self, literal: &clausier_syntax::ast::StringLit) -> LegalText {
        self.cx.legal_text(self.file, literal)
    }

    /// How many variables the expressions checked so far bind.
    pub(crate) fn locals(&self) -> u32 {
        self.next_local
    }

    /// Types an expression that must be a condition.
    pub(crate) fn check_condition(&mut self, expr: &Expr, of: ConditionOf) -> TExpr {
        let typed = self.check(expr, Some(&Ty::Bool));
        self.expect_bool(&typed, of);
        typed
    }

    fn expect_bool(&mut self, typed: &TExpr, of: ConditionOf) {
        if matches!(typed.ty, Ty::Bool | Ty::Error) {
            return;
        }
        let found = self.cx.ty_name(&typed.ty);
        let mut diagnostic = Diagnostic::error(
            Code::TYPE_MISMATCH,
            Message::new("e0301-expected-found")
                .with("expected", "bool")
                .with("found", &found),
        )
        .with_primary(self.file, typed.span, this_is(&found))
        .with_note(of.label());
        if let Some(help) = condition_help(&self.cx.pack.schema, &typed.ty) {
            diagnostic = diagnostic.with_help(help);
        }
        self.cx.report(diagnostic);
    }

    /// Types `expr`. `expected` is a hint, not a requirement: it picks the enum of a
    /// bare variant and the element type of `[]`; the caller checks the result.
    pub(crate) fn check(&mut self, expr: &Expr, expected: Option<&Ty>) -> TExpr {
        stack::deep(|| self.check_node(expr, expected))
    }

    fn check_node(&mut self, expr: &Expr, expected: Option<&Ty>) -> TExpr {
        let span = expr.span;
        match &expr.kind {
            ExprKind::Literal(literal) => self.literal(literal),
            ExprKind::Path(path) => self.path_expr(path, expected),
            ExprKind::List(items) => self.list(items, expected, span),
            ExprKind::Table(entries) => self.table(entries, expected, span),
            ExprKind::Index { table, key } => self.index(table, key, span),
            ExprKind::Unary { op, operand } => self.unary(*op, operand, span),
            ExprKind::Binary {
                op,
                op_span,
                lhs,
                rhs,
            } => self.binary(*op, *op_span, lhs, rhs, span),
            ExprKind::Quantifier {
                kind,
                var,
                collection,
                body,
            } => self.quantifier(*kind, var, collection, body, span),
            ExprKind::Count { filter, collection } => self.count(filter.as_ref(), collection, span),
            ExprKind::Share {
                var,
                collection,
                condition,
                weight,
            } => self.share(var, collection, condition, weight.as_deref(), span),
            ExprKind::Has(path) => self.has(path, span),
            ExprKind::If {
                cond,
                then_branch,
                else_branch,
            } => self.conditional(cond, then_branch, else_branch, expected, span),
            ExprKind::Today => TExpr {
                kind: TExprKind::Today,
                ty: Ty::Date,
                span,
            },
            ExprKind::Aggregate { kind, arg } => self.aggregate(*kind, arg, span),
            ExprKind::Passed(id) => self.passed(id, span),
            ExprKind::ListAggregate {
                kind,
                projection,
                collection,
            } => self.list_aggregate(*kind, projection.as_ref(), collection, span),
            ExprKind::Call { function, args } => self.call(function, args, span),
            ExprKind::Paren(inner) => self.check(inner, expected),
            ExprKind::Error => error_expr(span),
        }
    }

    fn literal(&mut self, literal: &Literal) -> TExpr {
        let (value, ty) = match &literal.kind {
            LiteralKind::Bool(b) => (Value::Bool(*b), Ty::Bool),
            LiteralKind::Int(n) => (Value::Number(*n), Ty::Int),
            LiteralKind::Number(n) => (Value::Number(*n), Ty::Number),
            LiteralKind::String(s) => (Value::String(s.as_str().into()), Ty::String),
            LiteralKind::Percent(p) => (Value::Percent(*p), Ty::Percent),
            LiteralKind::Money(m) => (Value::Money(*m), Ty::Money),
            LiteralKind::Date(d) => (Value::Date(*d), Ty::Date),
            LiteralKind::Time(t) => (Value::Time(*t), Ty::Time),
            LiteralKind::DateTime(dt) => (Value::DateTime(*dt), Ty::DateTime),
            LiteralKind::Duration(d) => {
                let Some(duration) = Duration::of_unit(d.amount, d.unit) else {
                    self.cx.report(
                        Diagnostic::error(
                            Code::INVALID_LITERAL,
                            Message::new("e0104-duration-too-large"),
                        )
                        .with_primary(
                            self.file,
                            literal.span,
                            Message::new("e0104-duration-too-large-label"),
                        )
                        .with_help(Message::new("e0104-duration-too-large-help")),
                    );
                    return error_expr(literal.span);
                };
                (Value::Duration(duration), Ty::Duration)
            }
        };
        TExpr {
            kind: TExprKind::Const(value),
            ty,
            span: literal.span,
        }
    }

    fn list(&mut self, items: &[Expr], expected: Option<&Ty>, span: Span) -> TExpr {
        // The expected element type only guides the items (`[EU, EEA]`); the items say
        // what the list holds, and the consumer reports a list of the wrong kind.
        let hint = expected.and_then(Ty::element).cloned();
        let mut element: Option<Ty> = None;
        let mut typed_items: Vec<(usize, TExpr)> = Vec::with_capacity(items.len());
        let mut mismatch = false;
        // Items that say their own type go first, so that `[OTHER, EU]` types `OTHER`
        // by the enum `EU` belongs to, as `[EU, OTHER]` does.
        let mut order: Vec<usize> = (0..items.len()).collect();
        order.sort_by_key(|&index| self.context_need(&items[index]));
        for index in order {
            let item = &items[index];
            let typed = self.check(item, element.as_ref().or(hint.as_ref()));
            match (&element, &typed.ty) {
                (_, Ty::Error) => {}
                (None, ty) | (Some(Ty::Error), ty) => element = Some(ty.clone()),
                (Some(current), ty) => match unify(current, ty) {
                    Some(joined) => element = Some(joined),
                    None if !mismatch => {
                        mismatch = true;
                        let (want, found) = (self.cx.ty_name(current), self.cx.ty_name(ty));
                        let mut diagnostic = Diagnostic::error(
                            Code::TYPE_MISMATCH,
                            Message::new("e0301-list-items-differ")
                                .with("first", &want)
                                .with("other", &found),
                        )
                        .with_primary(self.file, typed.span, this_is(&found))
                        .with_help(Message::new("e0301-list-items-help"));
                        if let Some(first) = typed_items.first().map(|(_, t)| t.span) {
                            diagnostic =
                                diagnostic.with_secondary(self.file, first, this_is(&want));
                        }
                        self.cx.report(diagnostic);
                    }
                    None => {}
                },
            }
            typed_items.push((index, typed));
        }
        typed_items.sort_by_key(|(index, _)| *index);
        let typed_items: Vec<TExpr> = typed_items.into_iter().map(|(_, typed)| typed).collect();
        let element = if mismatch {
            Ty::Error
        } else {
            element.or(hint).unwrap_or(Ty::Error)
        };
        let ty = match expected {
            Some(Ty::Set(_)) => Ty::Set(Box::new(element)),
            _ => Ty::List(Box::new(element)),
        };
        TExpr {
            kind: TExprKind::List(typed_items),
            ty,
            span,
        }
    }

    fn unary(&mut self, op: UnaryOp, operand: &Expr, span: Span) -> TExpr {
        match op {
            UnaryOp::Not => {
                let inner = self.check_condition(operand, ConditionOf::Not);
                TExpr {
                    kind: TExprKind::Not(Box::new(inner)),
                    ty: Ty::Bool,
                    span,
                }
            }
            UnaryOp::Neg => {
                let inner = self.check(operand, None);
                let ty = match &inner.ty {
                    Ty::Int | Ty::Number | Ty::Percent | Ty::Money | Ty::Duration | Ty::Error => {
                        inner.ty.clone()
                    }
                    other => {
                        let name = self.cx.ty_name(other);
                        self.cx.report(
                            Diagnostic::error(
                                Code::INVALID_OPERANDS,
                                Message::new("e0303-negate").with("ty", &name),
                            )
                            .with_primary(self.file, inner.span, this_is(&name))
                            .with_help(Message::new("e0303-negate-help")),
                        );
                        Ty::Error
                    }
                };
                TExpr {
                    kind: TExprKind::Neg(Box::new(inner)),
                    ty,
                    span,
                }
            }
        }
    }

    /// Binds a variable for the body of `all`, `any` or `count`.
    fn bind(&mut self, var: &Ident, ty: Ty) -> LocalId {
        let id = LocalId(self.next_local);
        self.next_local = self.next_local.saturating_add(1);
        self.cx.symbol(
            self.file,
            var.span,
            Symbol::Local {
                clause: self.owner.clone(),
                name: var.name.clone(),
                definition: var.span,
            },
            true,
        );
        self.scope.push(Binding {
            name: var.name.clone(),
            id,
            ty,
            span: var.span,
        });
        id
    }

    /// The element type of a collection `all`, `any`, `count` or `in` walks.
    fn element_of(&mut self, collection: &TExpr, construct: &str) -> Ty {
        match &collection.ty {
            Ty::List(inner) | Ty::Set(inner) => (**inner).clone(),
            Ty::Error => Ty::Error,
            other => {
                let name = self.cx.ty_name(other);
                let mut diagnostic = Diagnostic::error(
                    Code::NOT_A_COLLECTION,
                    Message::new("e0305-needs-collection")
                        .with("construct", construct)
                        .with("found", &name),
                )
                .with_primary(self.file, collection.span, this_is(&name));
                if construct == "in" {
                    diagnostic = diagnostic.with_help(Message::new("e0305-in-help"));
                }
                self.cx.report(diagnostic);
                Ty::Error
            }
        }
    }

    fn quantifier(
        &mut self,
        kind: QuantifierKind,
        var: &Ident,
        collection: &Expr,
        body: &Expr,
        span: Span,
    ) -> TExpr {
        let collection = self.check(collection, None);
        let construct = match kind {
            QuantifierKind::All => "all",
            QuantifierKind::Any => "any",
        };
        let element = self.element_of(&collection, construct);
        let id = self.bind(var, element);
        let body = self.check_condition(body, ConditionOf::Filter);
        self.scope.pop();
        TExpr {
            kind: TExprKind::Quantifier {
                kind,
                var: id,
                var_name: var.name.clone(),
                collection: Box::new(collection),
                body: Box::new(body),
            },
            ty: Ty::Bool,
            span,
        }
    }

    fn count(
        &mut self,
        filter: Option<&(Ident, Box<Expr>)>,
        collection: &Expr,
        span: Span,
    ) -> TExpr {
        let collection = self.check(collection, None);
        let element = self.element_of(&collection, "count");
        let filter = filter.map(|(var, body)| {
            let id = self.bind(var, element);
            let body = self.check_condition(body, ConditionOf::Filter);
            self.scope.pop();
            (id, var.name.clone(), Box::new(body))
        });
        TExpr {
            kind: TExprKind::Count {
                collection: Box::new(collection),
                filter,
            },
            ty: Ty::Int,
            span,
        }
    }

    fn conditional(
        &mut self,
        cond: &Expr,
        then_branch: &Expr,
        else_branch: &Expr,
        expected: Option<&Ty>,
        span: Span,
    ) -> TExpr {
        let cond = self.check_condition(cond, ConditionOf::If);
        let then_typed = self.check(then_branch, expected);
        let hint = expected.cloned().unwrap_or_else(|| then_typed.ty.clone());
        let else_typed = self.check(else_branch, Some(&hint));
        let ty = match unify(&then_typed.ty, &else_typed.ty) {
            Some(ty) => ty,
            None => {
                let (then_name, else_name) = (
                    self.cx.ty_name(&then_typed.ty),
                    self.cx.ty_name(&else_typed.ty),
                );
                self.cx.report(
                    Diagnostic::error(
                        Code::TYPE_MISMATCH,
                        Message::new("e0301-if-branches-differ")
                            .with("then", &then_name)
                            .with("else", &else_name),
                    )
                    .with_primary(self.file, else_typed.span, this_is(&else_name))
                    .with_secondary(self.file, then_typed.span, this_is(&then_name))
                    .with_help(Message::new("e0301-if-branches-help")),
                );
                Ty::Error
            }
        };
        TExpr {
            kind: TExprKind::If(Box::new(cond), Box::new(then_typed), Box::new(else_typed)),
            ty,
            span,
        }
    }

    /// `passed(ID)`: typed here, resolved to a requirement once the pack's clauses are
    /// composed (see `crate::passed`).
    fn passed(&mut self, id: &ClauseId, span: Span) -> TExpr {
        if !self.aggregates_allowed {
            self.cx.report(
                Diagnostic::error(
                    Code::PASSED_MISUSED,
                    Message::new("e0315-passed-outside-score"),
                )
                .with_primary(
                    self.file,
                    span,
                    Message::new("e0315-passed-outside-score-label"),
                )
                .with_help(Message::new("e0315-passed-outside-score-help")),
            );
            return error_expr(span);
        }
        self.cx
            .symbol(self.file, id.span, Symbol::Clause(id.name.clone()), false);
        self.cx.passed_refs.push(crate::passed::PassedRef {
            file: self.file,
            span,
            id: id.clone(),
        });
        TExpr {
            kind: TExprKind::Passed(usize::MAX),
            ty: Ty::Bool,
            span,
        }
    }

    fn aggregate(&mut self, kind: AggregateKind, arg: &Expr, span: Span) -> TExpr {
        let name = match kind {
            AggregateKind::Lowest => "lowest",
            AggregateKind::Highest => "highest",
        };
        let typed = self.check(arg, None);
        if !self.aggregates_allowed {
            self.cx.report(
                Diagnostic::error(
                    Code::AGGREGATE_OUTSIDE_CRITERION,
                    Message::new("e0307-aggregate-outside-score").with("aggregate", name),
                )
                .with_primary(
                    self.file,
                    span,
                    Message::new("e0307-aggregate-outside-score-label").with("aggregate", name),
                )
                .with_help(Message::new("e0307-aggregate-outside-score-help")),
            );
            return error_expr(span);
        }
        if typed.ty == Ty::Error {
            return error_expr(span);
        }
        let field = match &typed.kind {
            TExprKind::Field(field)
                if field.root == FieldRoot::Descriptor
                    && matches!(typed.ty, Ty::Int | Ty::Number | Ty::Percent | Ty::Money) =>
            {
                field.clone()
            }
            _ => {
                let found = self.cx.ty_name(&typed.ty);
                let reason = match &typed.kind {
                    TExprKind::Field(field) if field.root == FieldRoot::Descriptor => {
                        Message::new("e0308-field-is").with("a_ty", a_ty(&found))
                    }
                    TExprKind::Field(field) => {
                        Message::new("e0308-field-of-variable").with("field", &field.text)
                    }
                    _ => Message::new("e0308-not-a-field"),
                };
                self.cx.report(
                    Diagnostic::error(
                        Code::AGGREGATE_ARGUMENT,
                        Message::new("e0308-needs-numeric-field").with("aggregate", name),
                    )
                    .with_primary(self.file, typed.span, reason)
                    .with_help(
                        Message::new("e0308-needs-numeric-field-help").with("aggregate", name),
                    ),
                );
                return error_expr(span);
            }
        };
        let existing = self
            .cx
            .pack
            .aggregates
            .iter()
            .position(|def| def.kind == kind && def.field == field);
        let index = existing.unwrap_or_else(|| {
            self.cx.pack.aggregates.push(AggregateDef { kind, field });
            self.cx.pack.aggregates.len() - 1
        });
        TExpr {
            kind: TExprKind::Aggregate(AggregateId(u32::try_from(index).unwrap_or(u32::MAX))),
            ty: typed.ty.clone(),
            span,
        }
    }
}

/// The common type of two values that may stand in the same place (list items, `if`
/// branches): the same type, or `number` for an `int` and a `number`. An error joins
/// anything.
fn unify(a: &Ty, b: &Ty) -> Option<Ty> {
    match (a, b) {
        (Ty::Error, other) | (other, Ty::Error) => Some(other.clone()),
        _ if a == b => Some(a.clone()),
        _ if a.is_numeric() && b.is_numeric() => Some(Ty::Number),
        (Ty::List(x), Ty::List(y)) => unify(x, y).map(|t| Ty::List(Box::new(t))),
        (Ty::Set(x), Ty::Set(y)) => unify(x, y).map(|t| Ty::Set(Box::new(t))),
        _ => None,
    }
}
