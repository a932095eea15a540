//! `sum`, `mean`, `min` and `max` over a list, typed with the rules of
//! [`crate::list_aggregates`].

use clausier_diagnostics::{Code, Diagnostic, Message, Span};
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
            let (message, values_of) = if projection.is_some() {
                ("e0303-aggregate-values", "e0303-each-value-is")
            } else {
                ("e0303-aggregate-list", "e0303-list-of")
            };
            let types = match kind {
                ListAggregateKind::Sum | ListAggregateKind::Mean => "e0303-numeric-types",
                ListAggregateKind::Min | ListAggregateKind::Max => "e0303-ordered-types",
            };
            self.cx.report(
                Diagnostic::error(
                    Code::INVALID_OPERANDS,
                    Message::new(message)
                        .with("function", word)
                        .with("ty", &name),
                )
                .with_primary(
                    self.file,
                    value_span,
                    Message::new(values_of).with("ty", &name),
                )
                .with_help(
                    Message::new("e0303-aggregate-help")
                        .with("function", word)
                        .with("types", Message::new(types)),
                ),
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
