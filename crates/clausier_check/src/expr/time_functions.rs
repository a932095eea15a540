//! Calls of the time functions of the standard library: `weekday(d)`, the day of the
//! week of a date or a datetime; `business_duration(…)` is in [`super::business_time`].

use clausier_diagnostics::{Code, Diagnostic, Message, Span};
use clausier_syntax::ast::{Expr, TimeFunction};

use super::words::{for_example, found_arguments, this_is};
use super::{ExprChecker, error_expr};
use crate::hir::{TExpr, TExprKind};
use crate::types::Ty;

impl ExprChecker<'_, '_> {
    /// `weekday(d)`.
    pub(super) fn time_call(&mut self, function: TimeFunction, args: &[Expr], span: Span) -> TExpr {
        if function == TimeFunction::BusinessDuration {
            return self.business_duration_call(args, span);
        }
        let word = function.as_str();
        let [of] = args else {
            self.cx.report(
                Diagnostic::error(
                    Code::TYPE_MISMATCH,
                    Message::new("e0301-takes-found")
                        .with("function", word)
                        .with("expected", Message::new("e0301-expects-one-date"))
                        .with("found", found_arguments(args.len())),
                )
                .with_primary(
                    self.file,
                    span,
                    Message::new("e0301-takes")
                        .with("function", word)
                        .with("expected", Message::new("e0301-expects-one-date")),
                )
                .with_help(for_example("weekday(incident.ouverture) in jours_ouvres")),
            );
            for arg in args {
                self.check(arg, None);
            }
            return error_expr(span);
        };
        let of = self.check(of, None);
        match of.ty {
            Ty::Date | Ty::DateTime => {}
            Ty::Error => return error_expr(span),
            _ => {
                let found = self.cx.ty_name(&of.ty);
                self.cx.report(
                    Diagnostic::error(
                        Code::TYPE_MISMATCH,
                        Message::new("e0301-expected-date-found").with("found", &found),
                    )
                    .with_primary(self.file, of.span, this_is(&found))
                    .with_note(Message::new("e0301-gives-the-weekday").with("function", word)),
                );
                return error_expr(span);
            }
        }
        let weekday = self.cx.weekday_enum();
        TExpr {
            kind: TExprKind::Weekday {
                of: Box::new(of),
                weekday,
            },
            ty: Ty::Enum(weekday),
            span,
        }
    }
}
