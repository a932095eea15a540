//! Warnings on a pack that compiles but probably does not say what its author meant.

use clausier_diagnostics::{Code, Diagnostic, FileId, Message};
use rust_decimal::Decimal;

use crate::Checker;
use crate::fold::{Folder, has_error, reads_offer};
use crate::hir::{Lot, TExpr};
use crate::ops;
use crate::value::Value;

impl Checker<'_> {
    pub(crate) fn lint(&mut self) {
        self.lint_unused_params();
        self.lint_weights();
        self.lint_constant_clauses();
        self.lint_law();
        self.lint_written_values();
    }

    fn lint_unused_params(&mut self) {
        let unused: Vec<(String, crate::types::Origin)> = self
            .pack
            .params
            .iter()
            .zip(&self.params.states)
            .filter(|(_, state)| state.lint_unused && !state.used)
            .map(|(param, _)| (param.name.clone(), param.origin))
            .collect();
        for (name, origin) in unused {
            self.report(
                Diagnostic::warning(
                    Code::UNUSED_PARAM,
                    Message::new("w0501-unused-param").with("name", &name),
                )
                .with_primary(
                    origin.file,
                    origin.span,
                    Message::new("w0501-declared-here"),
                )
                .with_help(Message::new("w0501-unused-param-help")),
            );
        }
    }

    /// The weights sum to 100 in each lot: each lot is awarded on its own grid, the
    /// criteria without `lots` and those naming it. A contract in one piece has one grid.
    fn lint_weights(&mut self) {
        if self.weights.entries.is_empty() || self.weights.any_invalid {
            return;
        }
        let lots = self.graph.lots;
        if lots.is_empty() {
            let grid: Vec<&WeightEntry> = self.weights.entries.iter().collect();
            if let Some(diagnostic) = weights_not_100(&grid, None) {
                self.report(diagnostic);
            }
            return;
        }
        let mut found = Vec::new();
        for lot in lots {
            let grid: Vec<&WeightEntry> = self
                .weights
                .entries
                .iter()
                .filter(|entry| entry.lots.is_empty() || entry.lots.contains(&lot.id))
                .collect();
            // A lot no criterion scores has no grid to sum.
            if grid.is_empty() {
                continue;
            }
            found.extend(weights_not_100(&grid, Some(lot)));
        }
        for diagnostic in found {
            self.report(diagnostic);
        }
    }

    fn lint_constant_clauses(&mut self) {
        let known: Vec<bool> = self.params.states.iter().map(|s| s.value_known).collect();
        let folder = Folder::new(&self.pack.params, &known);
        let mut found = Vec::new();
        for requirement in &self.pack.requirements {
            let meta = &requirement.meta;
            let file = meta.origin.file;
            if let Some(when) = &requirement.when
                && let Some(holds) = constant_bool(&folder, when)
            {
                let (message, help) = if holds {
                    ("w0504-when-always-true", "w0504-when-always-true-help")
                } else {
                    ("w0504-when-always-false", "w0504-when-always-false-help")
                };
                found.push(
                    Diagnostic::warning(
                        Code::CONSTANT_WHEN,
                        Message::new(message).with("id", &meta.id),
                    )
                    .with_primary(file, when.span, Message::new("w05-not-on-the-offer"))
                    .with_help(Message::new(help)),
                );
            }
            // `require true` beside a required document checks that the document is
            // supplied: the requirement does depend on the offer.
            if let Some(holds) = constant_bool(&folder, &requirement.require)
                && (!holds || requirement.documents.is_empty())
            {
                let (message, help) = if holds {
                    ("w0503-always-true", "w0503-always-true-help")
                } else {
                    ("w0503-always-false", "w0503-always-false-help")
                };
                found.push(
                    Diagnostic::warning(
                        Code::CONSTANT_REQUIRE,
                        Message::new(message).with("id", &meta.id),
                    )
                    .with_primary(
                        file,
                        requirement.require.span,
                        Message::new("w05-not-on-the-offer"),
                    )
                    .with_help(Message::new(help)),
                );
            }
        }
        for criterion in &self.pack.criteria {
            let Some(value) = constant(&folder, &criterion.score) else {
                continue;
            };
            let Some(fraction) = ops::score_fraction(&value) else {
                continue;
            };
            if fraction >= Decimal::ZERO && fraction <= Decimal::ONE {
                continue;
            }
            let shown = value.display(&self.pack.schema).to_string();
            found.push(
                Diagnostic::warning(
                    Code::SCORE_OUT_OF_RANGE,
                    Message::new("w0505-score-out-of-range")
                        .with("id", &criterion.meta.id)
                        .with("value", shown),
                )
                .with_primary(
                    criterion.meta.origin.file,
                    criterion.score.span,
                    Message::new("w05-not-on-the-offer"),
                )
                .with_help(Message::new("w0505-score-out-of-range-help")),
            );
        }
        for diagnostic in found {
            self.report(diagnostic);
        }
    }
}

/// The value of an expression that does not depend on the offer, if it folds.
fn constant(folder: &Folder<'_>, expr: &TExpr) -> Option<Value> {
    if has_error(expr) || reads_offer(expr) {
        return None;
    }
    folder.fold(expr).ok()
}

fn constant_bool(folder: &Folder<'_>, expr: &TExpr) -> Option<bool> {
    match constant(folder, expr)? {
        Value::Bool(b) => Some(b),
        _ => None,
    }
}

/// `W0502` for one grid of weights (a lot's, or the whole contract's) that does not
/// sum to 100.
fn weights_not_100(grid: &[&WeightEntry], lot: Option<&Lot>) -> Option<Diagnostic> {
    let sum: Decimal = grid.iter().map(|entry| entry.weight).sum();
    if sum == Decimal::ONE_HUNDRED {
        return None;
    }
    let sum = sum.normalize();
    let message = match lot {
        None => Message::new("w0502-weights-sum").with("sum", sum.to_string()),
        Some(lot) => Message::new("w0502-lot-weights-sum")
            .with("lot", &lot.id)
            .with("title", &lot.title)
            .with("sum", sum.to_string()),
    };
    let mut diagnostic = Diagnostic::warning(Code::WEIGHTS_NOT_100, message);
    for (i, entry) in grid.iter().enumerate() {
        let text =
            Message::new("w0502-weight").with("weight", entry.weight.normalize().to_string());
        diagnostic = if i == 0 {
            diagnostic.with_primary(entry.file, entry.span, text)
        } else {
            diagnostic.with_secondary(entry.file, entry.span, text)
        };
    }
    let help = match lot {
        None => "w0502-weights-sum-help",
        Some(_) => "w0502-lot-weights-sum-help",
    };
    Some(diagnostic.with_help(Message::new(help)))
}

/// A valid criterion weight, where it was written, and the lots its criterion scores
/// (empty: every lot).
pub(crate) struct WeightEntry {
    pub(crate) file: FileId,
    pub(crate) span: clausier_diagnostics::Span,
    pub(crate) weight: Decimal,
    pub(crate) lots: Vec<String>,
}

/// The weights of the pack's criteria, where they were written, for `W0502`.
#[derive(Default)]
pub(crate) struct WeightLog {
    pub(crate) entries: Vec<WeightEntry>,
    /// A weight already reported as invalid: their sum says nothing more.
    pub(crate) any_invalid: bool,
}
