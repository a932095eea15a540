//! Lints on what a tender must contain for the environment: an environmental award
//! criterion (`W0506`) and an environmental execution condition (`W0513`).

use clausier_diagnostics::{Code, Diagnostic, Message};
use clausier_syntax::ast::Level;
use jiff::civil::{Date, date};
use rust_decimal::Decimal;

use super::grids::Grid;
use super::{field_segments, words};
use crate::fold::{has_error, walk};
use crate::hir::{
    CheckedPack, ClauseMeta, CriterionDef, FieldRef, RequirementDef, TExpr, TExprKind,
};
use crate::types::Origin;

/// `W0506`: a grid of criteria ready to publish (see [`grid_ready`]) none of which is
/// environmental, once per lot of a contract divided into lots. A criterion without
/// `text` does not make the grid less ready: `W0510` says what it lacks.
///
/// The criteria are those in effect, the root's own and those it brought in with `use`;
/// the warning points at the first of the grid that `root` declares, else at the `use`
/// that brought in the first (`entries`), where the root's author can act.
pub(super) fn no_environmental_criterion(
    pack: &CheckedPack,
    root: &str,
    entries: &[Origin],
) -> Vec<Diagnostic> {
    Grid::of(pack)
        .into_iter()
        .filter_map(|grid| grid_without_environmental_criterion(pack, grid, root, entries))
        .collect()
}

fn grid_without_environmental_criterion(
    pack: &CheckedPack,
    grid: Grid<'_>,
    root: &str,
    entries: &[Origin],
) -> Option<Diagnostic> {
    let criteria: Vec<&CriterionDef> = pack.criteria.iter().filter(|c| grid.has(&c.meta)).collect();
    let (first, at) = first_of_root(pack, grid, root, entries)?;
    if !grid_ready(&criteria) || criteria.iter().any(|c| is_environmental(pack, c)) {
        return None;
    }
    let summary = Message::new("w0506-criteria-summary").with("count", criteria.len());
    let mut diagnostic = Diagnostic::warning(
        Code::NO_ENVIRONMENTAL_CRITERION,
        Message::new("w0506-no-environmental-criterion").with("grid", grid.named()),
    )
    .with_primary(at.file, at.span, summary);
    for criterion in criteria.iter().filter(|c| !std::ptr::eq(**c, first)) {
        diagnostic = diagnostic.with_secondary(
            criterion.meta.origin.file,
            criterion.meta.origin.span,
            Message::new("law-not-environmental"),
        );
    }
    if grid.lot.is_some() {
        diagnostic = diagnostic.with_note(Message::new("w0506-lot-grid-note"));
    }
    Some(
        diagnostic
            .with_note(Message::new("w0506-law-note"))
            .with_note(Message::new("w0506-what-counts-note"))
            .with_help(Message::new("w0506-help")),
    )
}

/// The first criterion of the grid the root declares, else the first of the grid in
/// effect, with where it came into the root.
fn first_of_root<'p>(
    pack: &'p CheckedPack,
    grid: Grid<'_>,
    root: &str,
    entries: &[Origin],
) -> Option<(&'p CriterionDef, Origin)> {
    let criteria = &pack.criteria;
    let in_grid = |c: &&CriterionDef| grid.has(&c.meta);
    let index = criteria
        .iter()
        .position(|c| in_grid(&c) && c.meta.pack == root)
        .or_else(|| criteria.iter().position(|c| in_grid(&c)))?;
    let criterion = criteria.get(index)?;
    let at = entries.get(index).copied().unwrap_or(criterion.meta.origin);
    Some((criterion, at))
}

/// Whether a criterion takes the environment into account, as `W0506` understands it.
fn is_environmental(pack: &CheckedPack, criterion: &CriterionDef) -> bool {
    speaks_of_environment(pack, &criterion.meta, [&criterion.score])
}

/// Whether a clause speaks of the environment: its id or title names it, or one of
/// `exprs` reads a field whose name does.
fn speaks_of_environment<'e>(
    pack: &CheckedPack,
    meta: &ClauseMeta,
    exprs: impl IntoIterator<Item = &'e TExpr>,
) -> bool {
    if names_environment(&meta.id) || names_environment(&meta.title) {
        return true;
    }
    let environmental = |field: &FieldRef| {
        field_segments(&pack.schema, field)
            .iter()
            .any(|segment| names_environment(segment))
    };
    let mut found = false;
    for expr in exprs {
        walk(expr, &mut |node| {
            found |= match &node.kind {
                TExprKind::Field(field) | TExprKind::Has(field) => environmental(field),
                TExprKind::Aggregate(id) => pack
                    .aggregates
                    .get(id.0 as usize)
                    .is_some_and(|aggregate| environmental(&aggregate.field)),
                _ => false,
            };
            !found
        });
    }
    found
}

/// Whether a grid of criteria is ready to publish: weights that sum to 100 and scores
/// free of errors. Until then `W0502` or the errors show that the tender is still being
/// drafted, and the lints on what a tender must contain wait.
fn grid_ready(criteria: &[&CriterionDef]) -> bool {
    let total: Decimal = criteria.iter().map(|c| c.weight).sum();
    total == Decimal::ONE_HUNDRED && criteria.iter().all(|c| !has_error(&c.score))
}

// ---------------------------------------------------------------------------- W0513

/// The day from which a procedure must include an environmental execution condition
/// (loi n° 2021-1104 art. 35, CCP L2112-2).
const ENVIRONMENTAL_CONDITION_FROM: Date = date(2026, 8, 22);

/// `W0513`: a tender ready to publish (see [`grid_ready`]), for a procedure launched
/// from 2026-08-22 (`launch`, `None` for one launched now), with no execution condition
/// that takes the environment into account; once per lot of a contract divided into
/// lots, whose conditions are those without `lots` and those naming it.
///
/// An execution condition counts when its id or title names the environment or its
/// `when` or `require` reads a field that does, as for `W0506`. The warning points at
/// the root's first execution condition, else at its first criterion.
pub(super) fn no_environmental_condition(
    pack: &CheckedPack,
    root: &str,
    entries: &[Origin],
    launch: Option<Date>,
) -> Vec<Diagnostic> {
    if launch.is_some_and(|launch| launch < ENVIRONMENTAL_CONDITION_FROM) {
        return Vec::new();
    }
    Grid::of(pack)
        .into_iter()
        .filter_map(|grid| grid_without_environmental_condition(pack, grid, root, entries, launch))
        .collect()
}

fn grid_without_environmental_condition(
    pack: &CheckedPack,
    grid: Grid<'_>,
    root: &str,
    entries: &[Origin],
    launch: Option<Date>,
) -> Option<Diagnostic> {
    let criteria: Vec<&CriterionDef> = pack.criteria.iter().filter(|c| grid.has(&c.meta)).collect();
    if !grid_ready(&criteria) {
        return None;
    }
    let conditions: Vec<&RequirementDef> = pack
        .requirements
        .iter()
        .filter(|r| r.level == Level::Execution && grid.has(&r.meta))
        .collect();
    let environmental = |r: &RequirementDef| {
        speaks_of_environment(pack, &r.meta, std::iter::once(&r.require).chain(&r.when))
    };
    if conditions.iter().any(|r| environmental(r)) {
        return None;
    }
    let own_condition = conditions
        .iter()
        .find(|r| r.meta.pack == root)
        .or_else(|| conditions.first());
    let mut diagnostic = Diagnostic::warning(
        Code::NO_ENVIRONMENTAL_CONDITION,
        Message::new("w0513-no-environmental-condition").with("grid", grid.named()),
    );
    diagnostic = match own_condition {
        Some(first) => {
            let mut diagnostic = diagnostic.with_primary(
                first.meta.origin.file,
                first.meta.origin.span,
                Message::new("w0513-condition-not-environmental"),
            );
            for other in conditions.iter().filter(|r| !std::ptr::eq(**r, *first)) {
                diagnostic = diagnostic.with_secondary(
                    other.meta.origin.file,
                    other.meta.origin.span,
                    Message::new("law-not-environmental"),
                );
            }
            diagnostic
        }
        None => {
            let (_, at) = first_of_root(pack, grid, root, entries)?;
            let label = match grid.lot {
                None => Message::new("w0513-no-execution-condition"),
                Some(lot) => Message::new("w0513-lot-no-execution-condition").with("lot", &lot.id),
            };
            diagnostic.with_primary(at.file, at.span, label)
        }
    };
    if grid.lot.is_some() {
        diagnostic = diagnostic.with_note(Message::new("w0513-lot-contract-note"));
    }
    let launched = match launch {
        Some(launch) => Message::new("law-launched-on").with("date", launch.to_string()),
        None => Message::new("law-no-launch-date"),
    };
    Some(
        diagnostic
            .with_note(Message::new("w0513-law-note"))
            .with_note(launched)
            .with_note(Message::new("w0513-what-counts-note"))
            .with_help(Message::new("w0513-help")),
    )
}

/// Whether a name or a title speaks of the environment: one of its words is `env` or
/// `eco` (as in « éco-conception »), or starts with one of [`ENVIRONMENT_STEMS`], or it
/// says « numérique responsable ».
fn names_environment(text: &str) -> bool {
    let words = words(text);
    words.iter().any(|word| {
        word == "env" || word == "eco" || ENVIRONMENT_STEMS.iter().any(|s| word.starts_with(s))
    }) || words
        .windows(2)
        .any(|pair| pair[0] == "numerique" && pair[1] == "responsable")
}

/// The beginnings of words that name the environment, accents removed.
const ENVIRONMENT_STEMS: &[&str] = &[
    "environ",
    "ecoconcep",
    "ecolog",
    "ecorespons",
    "rgesn",
    "carbon",
    "climat",
    "durab",
    "sustainab",
    "sobriet",
    "energ",
    "recycl",
    "reemploi",
    "reconditionn",
    "green",
];
