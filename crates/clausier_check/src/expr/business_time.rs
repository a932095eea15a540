//! Calls of `business_duration(start, end, days, opens, closes)`: the business time
//! between two datetimes ([`crate::business_time`]), typed here; business hours written
//! as two literals that close before they open are refused (E0323).

use clausier_diagnostics::{Code, Diagnostic, Span};
use clausier_syntax::ast::{Expr, TimeFunction};

use super::{ExprChecker, error_expr};
use crate::hir::{TExpr, TExprKind};
use crate::types::Ty;
use crate::value::Value;
use crate::wording::this_is;

const WORD: &str = "business_duration";
const EXAMPLE: &str = "for example `business_duration(incident.ouverture, incident.prise_en_charge, [lundi, mardi, mercredi, jeudi, vendredi], 08:00, 18:00)`";

/// What each argument is, in order, as the messages name it.
const ARGUMENTS: [&str; 5] = [
    "the start, a `datetime`",
    "the end, a `datetime`",
    "the days counted, a `set<weekday>`",
    "the opening time, a `time`",
    "the closing time, a `time`",
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
                    "the business hours close before they open",
                )
                .with_primary(self.file, closes.span, "closes at or before the opening time")
                .with_secondary(self.file, opens.span, "opens here")
                .with_note("business hours cannot run past midnight: the duration would never have a value")
                .with_help("write the opening time first: `08:00, 18:00`"),
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
                format!(
                    "`{WORD}` takes a start, an end, the days counted, an opening and a closing time, found {}",
                    match found {
                        0 => "no argument".to_owned(),
                        1 => "1 argument".to_owned(),
                        n => format!("{n} arguments"),
                    }
                ),
            )
            .with_primary(
                self.file,
                span,
                format!("`{WORD}` takes {} arguments", TimeFunction::BusinessDuration.arity()),
            )
            .with_help(EXAMPLE),
        );
    }

    fn report_business_argument(&mut self, position: usize, arg: &TExpr) {
        let expected = match position {
            0 | 1 => "datetime",
            2 => "set<weekday>",
            _ => "time",
        };
        let found = self.cx.ty_name(&arg.ty);
        let which = ARGUMENTS.get(position).copied().unwrap_or_default();
        self.cx.report(
            Diagnostic::error(
                Code::TYPE_MISMATCH,
                format!("expected `{expected}`, found `{found}`"),
            )
            .with_primary(self.file, arg.span, this_is(&found))
            .with_note(format!("argument {} of `{WORD}` is {which}", position + 1))
            .with_help(EXAMPLE),
        );
    }
}
