//! `sum`, `mean`, `min` and `max` over a list, typed with the rules of
//! [`crate::list_aggregates`].

use clausier_diagnostics::{Code, Diagnostic, Span};
use clausier_syntax::ast::{Expr, Ident, ListAggregateKind};

use super::{ExprChecker, error_expr};
use crate::hir::{TExpr, TExprKind};
use crate::list_aggregates;
use crate::types::Ty;

impl ExprChecker<'_, '_> {
    /// `sum(xs)` or `sum(x in xs: e)`: the values aggregated are the elements, or `e`
    /// of each with `x` bound to it.
    pub(super) fn list_aggregate(
        &mut self,
        kind: ListAggregateKind,
        projection: Option<&(Ident, Box<Expr>)>,
        collection: &Expr,
        span: Span,
    ) -> TExpr {
        let collection = self.check(collection, None);
        let element = self.element_of(&collection, kind.as_str());
        let (projection, values) = match projection {
            Some((var, value)) => {
                let id = self.bind(var, element);
                let value = self.check(value, None);
                self.scope.pop();
                let (ty, value_span) = (value.ty.clone(), value.span);
                (
                    Some((id, var.name.clone(), Box::new(value))),
                    (ty, value_span),
                )
            }
            None => (None, (element, collection.span)),
        };
        let (value_ty, value_span) = values;
        if value_ty == Ty::Error {
            return error_expr(span);
        }
        let Some(ty) = list_aggregates::result_type(kind, &value_ty) else {
            let name = self.cx.ty_name(&value_ty);
            let word = kind.as_str();
            let what = if projection.is_some() {
                "values"
            } else {
                "a list"
            };
            let values_of = if projection.is_some() {
                format!("each value is `{name}`")
            } else {
                format!("a list of `{name}`")
            };
            self.cx.report(
                Diagnostic::error(
                    Code::INVALID_OPERANDS,
                    format!("`{word}` does not apply to {what} of `{name}`"),
                )
                .with_primary(self.file, value_span, values_of)
                .with_help(format!(
                    "`{word}` takes values of type {}",
                    list_aggregates::accepted_types(kind)
                )),
            );
            return error_expr(span);
        };
        TExpr {
            kind: TExprKind::ListAggregate {
                kind,
                collection: Box::new(collection),
                projection,
            },
            ty,
            span,
        }
    }
}
