//! What an expression may say of a whole inventory: `entries` (only in an indicator's
//! `value`, E0324 elsewhere), no field of one entry outside an aggregate over it there
//! (E0326), and `share(x in xs: p, w)`.

use clausier_diagnostics::{Code, Diagnostic, Message, Span};
use clausier_syntax::ast::{Expr, Ident, Path};
use clausier_syntax::lexicon::ENTRIES_NAME;

use super::words::this_is;
use super::{ConditionOf, ExprChecker, error_expr};
use crate::hir::{FieldRoot, TExpr, TExprKind};
use crate::types::Ty;

impl ExprChecker<'_, '_> {
    /// Whether this checker reads `entries`: it types an indicator's `value`, where the
    /// whole inventory is summed and no field of a single entry may be read outside an
    /// aggregate.
    pub(crate) fn read_inventory(&mut self, inventory: bool) {
        self.inventory = inventory;
    }

    /// Types a path alone, as a `by` line writes it.
    pub(crate) fn check_path(&mut self, path: &Path) -> TExpr {
        self.path_expr(path, None)
    }

    /// `entries`, when `path` names it: the list of the inventory's entries in an
    /// indicator, reported anywhere else. `None` for any other path, and for a bound
    /// variable or a descriptor field that happens to be called `entries`.
    pub(super) fn entries(&mut self, path: &Path) -> Option<TExpr> {
        let [first] = path.segments.as_slice() else {
            return None;
        };
        if first.name != ENTRIES_NAME
            || self.scope.iter().any(|binding| binding.name == first.name)
            || self
                .cx
                .pack
                .schema
                .descriptor_record()
                .is_some_and(|record| record.field(ENTRIES_NAME).is_some())
        {
            return None;
        }
        if !self.inventory {
            self.cx.report(
                Diagnostic::error(
                    Code::ENTRIES_IN_PER_ENTRY_RULE,
                    Message::new("e0324-entries-in-per-entry-rule"),
                )
                .with_primary(
                    self.file,
                    path.span,
                    Message::new("e0324-entries-in-per-entry-rule-label"),
                )
                .with_help(Message::new("e0324-entries-in-per-entry-rule-help")),
            );
            return Some(error_expr(path.span));
        }
        let entry = Ty::Record(self.cx.pack.schema.descriptor);
        Some(TExpr {
            kind: TExprKind::Entries,
            ty: Ty::List(Box::new(entry)),
            span: path.span,
        })
    }

    /// Reports a field of the descriptor read directly in an indicator's `value`, where
    /// there is no one entry to read it from.
    pub(super) fn field_of_no_entry(&mut self, root: FieldRoot, text: &str, span: Span) -> bool {
        if !self.inventory || root != FieldRoot::Descriptor {
            return false;
        }
        self.cx.report(
            Diagnostic::error(
                Code::FIELD_OUTSIDE_INVENTORY_AGGREGATE,
                Message::new("e0326-field-outside-aggregate").with("path", text),
            )
            .with_primary(
                self.file,
                span,
                Message::new("e0326-field-outside-aggregate-label"),
            )
            .with_help(Message::new("e0326-field-outside-aggregate-help").with("path", text)),
        );
        true
    }

    /// `share(x in xs: p)` or `share(x in xs: p, w)`: a percent.
    pub(super) fn share(
        &mut self,
        var: &Ident,
        collection: &Expr,
        condition: &Expr,
        weight: Option<&Expr>,
        span: Span,
    ) -> TExpr {
        let collection = self.check(collection, None);
        let element = self.element_of(&collection, "share");
        let id = self.bind(var, element);
        let condition = self.check_condition(condition, ConditionOf::Filter);
        let weight = weight.map(|weight| {
            let typed = self.check(weight, None);
            if !matches!(typed.ty, Ty::Int | Ty::Number | Ty::Money | Ty::Error) {
                let found = self.cx.ty_name(&typed.ty);
                self.cx.report(
                    Diagnostic::error(
                        Code::TYPE_MISMATCH,
                        Message::new("e0301-share-weight").with("found", &found),
                    )
                    .with_primary(self.file, typed.span, this_is(&found))
                    .with_help(Message::new("e0301-share-weight-help")),
                );
            }
            Box::new(typed)
        });
        self.scope.pop();
        TExpr {
            kind: TExprKind::Share {
                var: id,
                var_name: var.name.clone(),
                collection: Box::new(collection),
                condition: Box::new(condition),
                weight,
            },
            ty: Ty::Percent,
            span,
        }
    }
}
