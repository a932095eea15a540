//! Indicators over a whole inventory and risks of each of its entries: what their lines
//! must be once typed. Their bodies are read with the clauses' (`clauses::read_body`),
//! which keeps `entries` to an indicator's `value` (`expr/inventory.rs`).

use clausier_diagnostics::{Code, Diagnostic, FileId, Message, Span};
use clausier_syntax::ast::{ClauseId, IndicatorDecl, Item, RiskDecl};

use crate::Checker;
use crate::clauses::{Body, ClauseKind, has_broken_line, read_body};
use crate::expr::{ExprChecker, error_expr};
use crate::hir::{FieldRoot, GroupingDef, IndicatorDef, RiskDef, TExpr, TExprKind};
use crate::types::Ty;

/// An indicator groups by one field, or by two (a matrix).
const MAX_GROUPING_FIELDS: usize = 2;

impl<'a> Checker<'a> {
    pub(crate) fn check_indicator(&mut self, file: FileId, item: &Item, decl: &IndicatorDecl) {
        let title = decl.title.as_ref().map(|t| t.value.as_str());
        let mut meta = self.clause_meta(file, item, &decl.id, title, &item.docs);
        let mut checker = ExprChecker::new(self, file, &decl.id.name);
        let mut body = read_body(&mut checker, file, &decl.body, ClauseKind::Indicator);
        let locals = checker.locals();
        let value = self.required_value(file, &decl.id, body.value.take(), &decl.body);
        let grouping = self.grouping(file, body.by.take().unwrap_or_default());
        body.describe(&mut meta);
        self.record_literals(meta.origin, &decl.body);
        self.pack.indicators.push(IndicatorDef {
            meta,
            value,
            grouping,
            locals,
        });
    }

    pub(crate) fn check_risk(&mut self, file: FileId, item: &Item, decl: &RiskDecl) {
        let title = decl.title.as_ref().map(|t| t.value.as_str());
        let mut meta = self.clause_meta(file, item, &decl.id, title, &item.docs);
        let mut checker = ExprChecker::new(self, file, &decl.id.name);
        let mut body: Body = read_body(&mut checker, file, &decl.body, ClauseKind::Risk);
        let locals = checker.locals();
        let value = self.required_value(file, &decl.id, body.value.take(), &decl.body);
        let value = self.risk_line(file, value, RiskLine::Value);
        let spend = body
            .spend
            .take()
            .map(|e| self.risk_line(file, e, RiskLine::Spend));
        let ends = body
            .ends
            .take()
            .map(|e| self.risk_line(file, e, RiskLine::Ends));
        let window = body
            .window
            .take()
            .map(|e| self.risk_line(file, e, RiskLine::Window));
        let alternatives = body
            .alternatives
            .take()
            .map(|e| self.risk_line(file, e, RiskLine::Alternatives));
        body.describe(&mut meta);
        self.record_literals(meta.origin, &decl.body);
        self.pack.risks.push(RiskDef {
            meta,
            value,
            spend,
            ends,
            window,
            alternatives,
            locals,
        });
    }

    /// The `value` line, reported when there is none (unless a broken line may be it).
    fn required_value(
        &mut self,
        file: FileId,
        id: &ClauseId,
        value: Option<TExpr>,
        body: &[clausier_syntax::ast::ClauseField],
    ) -> TExpr {
        if let Some(value) = value {
            return value;
        }
        if !has_broken_line(body) {
            self.report(
                Diagnostic::error(
                    Code::MISSING_VALUE,
                    Message::new("e0411-no-value").with("id", &id.name),
                )
                .with_primary(file, id.span, Message::new("e0411-no-value-label"))
                .with_help(Message::new("e0411-no-value-help")),
            );
        }
        error_expr(id.span)
    }

    /// A line of a risk, reported (E0301, naming the line) when its type is not the one
    /// the line needs.
    fn risk_line(&mut self, file: FileId, typed: TExpr, line: RiskLine) -> TExpr {
        let fits = match (&line, &typed.ty) {
            (_, Ty::Error) => true,
            (RiskLine::Value, ty) => ty.is_numeric(),
            (RiskLine::Spend, ty) => *ty == Ty::Money,
            (RiskLine::Ends, ty) => *ty == Ty::Date,
            (RiskLine::Window, ty) => *ty == Ty::Duration,
            (RiskLine::Alternatives, Ty::List(element) | Ty::Set(element)) => {
                matches!(**element, Ty::String | Ty::Error)
            }
            (RiskLine::Alternatives, _) => false,
        };
        if fits {
            return typed;
        }
        let found = self.ty_name(&typed.ty);
        let (message, help) = line.words();
        self.report(
            Diagnostic::error(
                Code::TYPE_MISMATCH,
                Message::new(message).with("found", &found),
            )
            .with_primary(file, typed.span, crate::expr::words::this_is(&found))
            .with_help(Message::new(help)),
        );
        error_expr(typed.span)
    }

    /// The fields of `by`: each a field of the descriptor whose type is an enum or a
    /// string, at most two of them.
    fn grouping(&mut self, file: FileId, paths: Vec<(TExpr, Span)>) -> Vec<GroupingDef> {
        let mut grouping = Vec::new();
        for (index, (typed, span)) in paths.into_iter().enumerate() {
            if index == MAX_GROUPING_FIELDS {
                self.report(
                    Diagnostic::error(
                        Code::MISPLACED_CLAUSE_FIELD,
                        Message::new("e0403-too-many-groupings"),
                    )
                    .with_primary(file, span, Message::new("e0403-not-allowed-here"))
                    .with_help(Message::new("e0403-too-many-groupings-help")),
                );
            }
            if index >= MAX_GROUPING_FIELDS || typed.ty == Ty::Error {
                continue;
            }
            let TExprKind::Field(field) = &typed.kind else {
                self.report(
                    Diagnostic::error(Code::GROUPING_FIELD_TYPE, Message::new("e0325-not-a-field"))
                        .with_primary(file, span, Message::new("e03-not-a-descriptor-field"))
                        .with_help(Message::new("e0325-grouping-help")),
                );
                continue;
            };
            if field.root != FieldRoot::Descriptor {
                continue;
            }
            if !matches!(typed.ty, Ty::Enum(_) | Ty::String) {
                let found = self.ty_name(&typed.ty);
                self.report(
                    Diagnostic::error(
                        Code::GROUPING_FIELD_TYPE,
                        Message::new("e0325-grouping-field-type")
                            .with("path", &field.text)
                            .with("found", &found),
                    )
                    .with_primary(file, span, crate::expr::words::this_is(&found))
                    .with_help(Message::new("e0325-grouping-help")),
                );
                continue;
            }
            grouping.push(GroupingDef {
                field: field.clone(),
                ty: typed.ty.clone(),
                span,
            });
        }
        grouping
    }
}

/// A line of a risk whose type is fixed.
enum RiskLine {
    Value,
    Spend,
    Ends,
    Window,
    Alternatives,
}

impl RiskLine {
    /// The message and help that say what the line needs.
    fn words(&self) -> (&'static str, &'static str) {
        match self {
            RiskLine::Value => ("e0301-risk-value", "e0301-risk-value-help"),
            RiskLine::Spend => ("e0301-risk-spend", "e0301-risk-spend-help"),
            RiskLine::Ends => ("e0301-risk-ends", "e0301-risk-ends-help"),
            RiskLine::Window => ("e0301-risk-window", "e0301-risk-window-help"),
            RiskLine::Alternatives => ("e0301-risk-alternatives", "e0301-risk-alternatives-help"),
        }
    }
}
