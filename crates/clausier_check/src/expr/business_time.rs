//! Calls of `business_duration(start, end, days, opens, closes)`: the business time
//! between two datetimes ([`crate::business_time`]), typed here; business hours written
//! as two literals that close before they open are refused (E0323).

use clausier_diagnostics::{Code, Diagnostic, Message, Span};
use clausier_syntax::ast::{Expr, TimeFunction};

use super::words::{for_example, found_arguments, this_is};
use super::{ExprChecker, error_expr};
use crate::hir::{TExpr, TExprKind};
use crate::types::Ty;
use crate::value::Value;

const WORD: &str = "business_duration";
const EXAMPLE: &str = "business_duration(incident.ouverture, incident.prise_en_charge, [lundi, mardi, mercredi, jeudi, vendredi], 08:00, 18:00)";

/// What each argument is, in order: the catalogue message that names it.
const ARGUMENTS: [&str; 5] = [
    "e0301-business-argument-start",
    "e0301-business-argument-end",
    "e0301-business-argument-days",
    "e0301-business-argument-opens",
    "e0301-business-argument-closes",
];

impl ExprChecker<'_, '_> {
    /// `business_duration(start, end, days, opens, closes)`.
    pub(super) fn business_duration_call(&mut self, args: &[Expr], span: Span) -> TExpr {
        let Ok([start, end, days, opens, closes]) = <&[Expr; 5]>::try_from(args) else {
            self.report_business_arity(args.len(), span);
            for arg in args {
                self.check(arg, None);
            }
            return error_expr(span);
        };
        let weekday = self.cx.weekday_enum();
        let days_ty = Ty::Set(Box::new(Ty::Enum(weekday)));
        let checked = [
            self.check(start, Some(&Ty::DateTime)),
            self.check(end, Some(&Ty::DateTime)),
            self.check(days, Some(&days_ty)),
            self.check(opens, Some(&Ty::Time)),
            self.check(closes, Some(&Ty::Time)),
        ];
        let mut well_typed = true;
        for (position, arg) in checked.iter().enumerate() {
            let fits = match (position, &arg.ty) {
                (_, Ty::Error) => false,
                (0 | 1, Ty::DateTime) | (3 | 4, Ty::Time) => true,
                (2, Ty::Set(element) | Ty::List(element)) if matches!(**element, Ty::Enum(id) if id == weekday) => {
                    true
                }
                _ => {
                    self.report_business_argument(position, arg);
                    false
                }
            };
            well_typed &= fits;
        }
        if !well_typed {
            return error_expr(span);
        }
        let [_, _, _, opens, closes] = &checked;
        if let (TExprKind::Const(Value::Time(open)), TExprKind::Const(Value::Time(close))) =
            (&opens.kind, &closes.kind)
            && open >= close
        {
            self.cx.report(
                Diagnostic::error(
                    Code::EMPTY_BUSINESS_HOURS,
                    Message::new("e0323-closes-before-opening"),
                )
                .with_primary(
                    self.file,
                    closes.span,
                    Message::new("e0323-closes-before-opening-label"),
                )
                .with_secondary(self.file, opens.span, Message::new("e0323-opens-here"))
                .with_note(Message::new("e0323-closes-before-opening-note"))
                .with_help(Message::new("e0323-closes-before-opening-help")),
            );
            return error_expr(span);
        }
        TExpr {
            kind: TExprKind::BusinessDuration(Box::new(checked)),
            ty: Ty::Duration,
            span,
        }
    }

    fn report_business_arity(&mut self, found: usize, span: Span) {
        self.cx.report(
            Diagnostic::error(
                Code::TYPE_MISMATCH,
                Message::new("e0301-takes-found")
                    .with("function", WORD)
                    .with("expected", Message::new("e0301-expects-business-arguments"))
                    .with("found", found_arguments(found)),
            )
            .with_primary(
                self.file,
                span,
                Message::new("e0301-takes").with("function", WORD).with(
                    "expected",
                    Message::new("e0301-expects-arguments")
                        .with("count", TimeFunction::BusinessDuration.arity()),
                ),
            )
            .with_help(for_example(EXAMPLE)),
        );
    }

    fn report_business_argument(&mut self, position: usize, arg: &TExpr) {
        let expected = match position {
            0 | 1 => "datetime",
            2 => "set<weekday>",
            _ => "time",
        };
        let found = self.cx.ty_name(&arg.ty);
        let which = ARGUMENTS
            .get(position)
            .copied()
            .unwrap_or("e0301-business-argument-closes");
        self.cx.report(
            Diagnostic::error(
                Code::TYPE_MISMATCH,
                Message::new("e0301-expected-found")
                    .with("expected", expected)
                    .with("found", &found),
            )
            .with_primary(self.file, arg.span, this_is(&found))
            .with_note(
                Message::new("e0301-argument-is")
                    .with("position", position + 1)
                    .with("function", WORD)
                    .with("which", Message::new(which)),
            )
            .with_help(for_example(EXAMPLE)),
        );
    }
}
