//! Binary operators: logic, comparisons, membership and arithmetic, typed with the
//! rules of [`crate::ops`].

use clausier_diagnostics::{Code, Diagnostic, Message, Span};
use clausier_syntax::ast::{BinaryOp, CompareOp, Expr};

use super::words::{a_ty, quoted_variants_help, this_is, unit_help};
use super::{ConditionOf, ExprChecker};
use crate::hir::{ArithOp, TExpr, TExprKind};
use crate::ops;
use crate::types::Ty;
use crate::value::Value;

impl ExprChecker<'_, '_> {
    pub(super) fn binary(
        &mut self,
        op: BinaryOp,
        op_span: Span,
        lhs: &Expr,
        rhs: &Expr,
        span: Span,
    ) -> TExpr {
        match op {
            BinaryOp::And | BinaryOp::Or | BinaryOp::Implies => {
                let l = self.check_condition(lhs, ConditionOf::Operand(op.as_str()));
                let r = self.check_condition(rhs, ConditionOf::Operand(op.as_str()));
                let (l, r) = (Box::new(l), Box::new(r));
                let kind = match op {
                    BinaryOp::And => TExprKind::And(l, r),
                    BinaryOp::Or => TExprKind::Or(l, r),
                    _ => TExprKind::Implies(l, r),
                };
                TExpr {
                    kind,
                    ty: Ty::Bool,
                    span,
                }
            }
            BinaryOp::Compare(compare) => self.compare(compare, op_span, lhs, rhs, span),
            BinaryOp::In => self.membership(lhs, rhs, span),
            BinaryOp::Add => self.arith(ArithOp::Add, op_span, lhs, rhs, span),
            BinaryOp::Sub => self.arith(ArithOp::Sub, op_span, lhs, rhs, span),
            BinaryOp::Mul => self.arith(ArithOp::Mul, op_span, lhs, rhs, span),
            BinaryOp::Div => self.arith(ArithOp::Div, op_span, lhs, rhs, span),
        }
    }

    /// Types two operands that must agree, the one that needs context (a bare variant,
    /// `[]`) after the other so that `EU == hosting.region` works both ways round.
    fn operand_pair(&mut self, lhs: &Expr, rhs: &Expr) -> (TExpr, TExpr) {
        if self.needs_context(lhs) && !self.needs_context(rhs) {
            let r = self.check(rhs, None);
            let l = self.check(lhs, Some(&r.ty));
            (l, r)
        } else {
            let l = self.check(lhs, None);
            let r = self.check(rhs, Some(&l.ty));
            (l, r)
        }
    }

    fn compare(
        &mut self,
        op: CompareOp,
        op_span: Span,
        lhs: &Expr,
        rhs: &Expr,
        span: Span,
    ) -> TExpr {
        let (l, r) = self.operand_pair(lhs, rhs);
        let known = l.ty != Ty::Error && r.ty != Ty::Error;
        if known && !ops::comparison_allowed(op, &l.ty, &r.ty) {
            let same = l.ty == r.ty || (l.ty.is_numeric() && r.ty.is_numeric());
            if same {
                self.report_unordered(op, op_span, &l);
            } else {
                self.report_incomparable(&l, &r);
            }
        }
        TExpr {
            kind: TExprKind::Compare(op, Box::new(l), Box::new(r)),
            ty: Ty::Bool,
            span,
        }
    }

    fn report_unordered(&mut self, op: CompareOp, op_span: Span, operand: &TExpr) {
        let name = self.cx.ty_name(&operand.ty);
        let help = match &operand.ty {
            Ty::String => Message::new("e0304-strings-help"),
            other => Message::new("e0304-equality-only-help").with("ty", self.cx.ty_name(other)),
        };
        self.cx.report(
            Diagnostic::error(
                Code::NOT_ORDERED,
                Message::new("e0304-not-ordered")
                    .with("op", op.as_str())
                    .with("ty", &name),
            )
            .with_primary(self.file, op_span, Message::new("e0304-not-ordered-label"))
            .with_secondary(self.file, operand.span, this_is(&name))
            .with_help(help),
        );
    }

    fn report_incomparable(&mut self, l: &TExpr, r: &TExpr) {
        let (l_name, r_name) = (self.cx.ty_name(&l.ty), self.cx.ty_name(&r.ty));
        let schema = &self.cx.pack.schema;
        let help = unit_help(schema, r, &l.ty, "threshold")
            .or_else(|| unit_help(schema, l, &r.ty, "value"));
        let mut diagnostic = Diagnostic::error(
            Code::INCOMPARABLE,
            Message::new("e0302-incomparable")
                .with("left", &l_name)
                .with("right", &r_name),
        )
        .with_primary(self.file, r.span, this_is(&r_name))
        .with_secondary(self.file, l.span, this_is(&l_name));
        if let Some(help) = help {
            diagnostic = diagnostic.with_help(help);
        } else {
            diagnostic = diagnostic.with_note(Message::new("e0302-incomparable-note"));
        }
        self.cx.report(diagnostic);
    }

    fn membership(&mut self, lhs: &Expr, rhs: &Expr, span: Span) -> TExpr {
        let (l, r) = if self.needs_context(lhs) && !self.needs_context(rhs) {
            let r = self.check(rhs, None);
            let hint = r.ty.element().cloned();
            let l = self.check(lhs, hint.as_ref());
            (l, r)
        } else {
            let l = self.check(lhs, None);
            let hint = Ty::List(Box::new(l.ty.clone()));
            let r = self.check(rhs, Some(&hint));
            (l, r)
        };
        // `k in m` asks whether the table `m` has an entry for `k`.
        let element = match &r.ty {
            Ty::Map(key, _) => (**key).clone(),
            _ => self.element_of(&r, "in"),
        };
        let fits = l.ty == element
            || l.ty == Ty::Error
            || element == Ty::Error
            || (l.ty.is_numeric() && element.is_numeric());
        if !fits {
            let (item, collection) = (self.cx.ty_name(&l.ty), self.cx.ty_name(&r.ty));
            let schema = &self.cx.pack.schema;
            let mut diagnostic = Diagnostic::error(
                Code::INCOMPARABLE,
                Message::new("e0302-cannot-look-for")
                    .with("item", a_ty(&item))
                    .with("collection", a_ty(&collection)),
            )
            .with_primary(self.file, l.span, this_is(&item))
            .with_secondary(
                self.file,
                r.span,
                Message::new("e0302-holds-values").with("ty", self.cx.ty_name(&element)),
            );
            let help = unit_help(schema, &l, &element, "value")
                .or_else(|| quoted_variants_help(schema, &r, &l.ty));
            if let Some(help) = help {
                diagnostic = diagnostic.with_help(help);
            }
            self.cx.report(diagnostic);
        }
        TExpr {
            kind: TExprKind::In(Box::new(l), Box::new(r)),
            ty: Ty::Bool,
            span,
        }
    }

    fn arith(&mut self, op: ArithOp, op_span: Span, lhs: &Expr, rhs: &Expr, span: Span) -> TExpr {
        let l = self.check(lhs, None);
        let r = self.check(rhs, None);
        let ty = if l.ty == Ty::Error || r.ty == Ty::Error {
            Ty::Error
        } else if let Some(ty) = ops::arith_type(op, &l.ty, &r.ty) {
            self.refuse_time_on_date(op_span, &l, &r);
            ty
        } else {
            self.report_invalid_operands(op, op_span, &l, &r);
            Ty::Error
        };
        TExpr {
            kind: TExprKind::Arith(op, Box::new(l), Box::new(r)),
            ty,
            span,
        }
    }

    /// `d + 4 hours`: a date has no time of day, so the sum would never have a value. A
    /// duration the offer gives (`d + support.delay`) may have hours or not: it is left
    /// to evaluation, which gives no value (R0707).
    fn refuse_time_on_date(&mut self, op_span: Span, l: &TExpr, r: &TExpr) {
        let (date, duration) = match (&l.ty, &r.ty) {
            (Ty::Date, Ty::Duration) => (l, r),
            (Ty::Duration, Ty::Date) => (r, l),
            _ => return,
        };
        let TExprKind::Const(Value::Duration(written)) = &duration.kind else {
            return;
        };
        if !written.has_time() {
            return;
        }
        self.cx.report(
            Diagnostic::error(
                Code::TIME_ON_DATE_LITERAL,
                Message::new("e0319-time-on-date"),
            )
            .with_primary(
                self.file,
                duration.span,
                Message::new("e0319-duration-has-time"),
            )
            .with_secondary(
                self.file,
                date.span,
                Message::new("e0319-date-without-time"),
            )
            .with_secondary(self.file, op_span, Message::new("e0319-never-a-value"))
            .with_help(Message::new("e0319-time-on-date-help")),
        );
    }

    fn report_invalid_operands(&mut self, op: ArithOp, op_span: Span, l: &TExpr, r: &TExpr) {
        let (l_name, r_name) = (self.cx.ty_name(&l.ty), self.cx.ty_name(&r.ty));
        let schema = &self.cx.pack.schema;
        // A literal in the wrong unit next to a value is the usual slip: `price + 1`.
        let help = match (op, &l.ty, &r.ty) {
            (ArithOp::Add | ArithOp::Sub, Ty::Date, _) => {
                unit_help(schema, r, &Ty::Duration, "duration")
            }
            (ArithOp::Add | ArithOp::Sub, Ty::Percent | Ty::Money, _) => {
                unit_help(schema, r, &l.ty, "number")
            }
            (ArithOp::Add, _, Ty::Percent | Ty::Money) => unit_help(schema, l, &r.ty, "number"),
            _ => None,
        };
        let mut diagnostic = Diagnostic::error(
            Code::INVALID_OPERANDS,
            Message::new("e0303-invalid-operands")
                .with("op", op.as_str())
                .with("left", &l_name)
                .with("right", &r_name),
        )
        .with_primary(
            self.file,
            op_span,
            Message::new("e0303-invalid-operands-label").with("op", op.as_str()),
        )
        .with_secondary(self.file, l.span, this_is(&l_name))
        .with_secondary(self.file, r.span, this_is(&r_name));
        diagnostic = match help {
            Some(help) => diagnostic.with_help(help),
            None => diagnostic.with_note(arith_note(op)),
        };
        self.cx.report(diagnostic);
    }
}

/// What the operator accepts, from the table of [`ops::arith_type`].
fn arith_note(op: ArithOp) -> Message {
    Message::new(match op {
        ArithOp::Add => "e0303-add-note",
        ArithOp::Sub => "e0303-sub-note",
        ArithOp::Mul => "e0303-mul-note",
        ArithOp::Div => "e0303-div-note",
    })
}
