//! Warnings on a pack that compiles but probably does not say what its author meant.

use clausier_diagnostics::{Code, Diagnostic, FileId};
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
                    format!("the parameter `{name}` is never used"),
                )
                .with_primary(origin.file, origin.span, "declared here")
                .with_help("use it in a clause, or remove it"),
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
                    (
                        "always true",
                        "remove `when`: the requirement always applies",
                    )
                } else {
                    (
                        "always false",
                        "the requirement never applies: compare a descriptor field in `when`",
                    )
                };
                found.push(
                    Diagnostic::warning(
                        Code::CONSTANT_WHEN,
                        format!("the `when` of requirement `{}` is {message}", meta.id),
                    )
                    .with_primary(file, when.span, "this does not depend on the offer")
                    .with_help(help),
                );
            }
            // `require true` beside a required document checks that the document is
            // supplied: the requirement does depend on the offer.
            if let Some(holds) = constant_bool(&folder, &requirement.require)
                && (!holds || requirement.documents.is_empty())
            {
                let (message, help) = if holds {
                    (
                        "always true",
                        "every offer passes it: compare a descriptor field with the threshold",
                    )
                } else {
                    (
                        "always false",
                        "no offer can pass it: compare a descriptor field with the threshold",
                    )
                };
                found.push(
                    Diagnostic::warning(
                        Code::CONSTANT_REQUIRE,
                        format!("requirement `{}` is {message}", meta.id),
                    )
                    .with_primary(
                        file,
                        requirement.require.span,
                        "this does not depend on the offer",
                    )
                    .with_help(help),
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
                    format!(
                        "the score of `{}` is always {shown}, outside the range 0 to 1",
                        criterion.meta.id
                    ),
                )
                .with_primary(criterion.meta.origin.file, criterion.score.span, "this does not depend on the offer")
                .with_help("a score is a fraction from 0 to 1 (a percent counts as its fraction); it is clamped when scoring"),
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
        None => format!("the criteria weights sum to {sum}, not 100"),
        Some(lot) => format!(
            "the criteria weights of lot `{}` ({}) sum to {sum}, not 100",
            lot.id, lot.title
        ),
    };
    let mut diagnostic = Diagnostic::warning(Code::WEIGHTS_NOT_100, message);
    for (i, entry) in grid.iter().enumerate() {
        let text = format!("weight {}", entry.weight.normalize());
        diagnostic = if i == 0 {
            diagnostic.with_primary(entry.file, entry.span, text)
        } else {
            diagnostic.with_secondary(entry.file, entry.span, text)
        };
    }
    let help = match lot {
        None => "set the weights so that they sum to 100: each is the share of the score it gives",
        Some(_) => {
            "set the weights of the criteria of this lot (those without `lots` and those naming it) so that they sum to 100: each lot is awarded on its own grid"
        }
    };
    Some(diagnostic.with_help(help))
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
