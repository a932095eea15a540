//! What a published tender needs of each clause: a legal text (`W0510`), and for a
//! `should` requirement a criterion that weighs it (`W0509`): an element "appreciated"
//! without a published weight is an unpublished award criterion.

use clausier_diagnostics::{Code, Diagnostic, Message};
use clausier_syntax::ast::Level;

use super::grids::Grid;
use crate::fold::walk;
use crate::hir::{CheckedPack, ClauseMeta, RequirementDef, TExprKind};
use crate::types::Origin;

/// `W0509`: each `should` requirement in effect that no criterion in effect scores with
/// `passed(ID)`; in a contract divided into lots, no criterion of one of the lots it
/// applies to. `entries` says where each requirement came into the pack (its id, or the
/// `use` that brought it in), which is where the warning points.
pub(super) fn unscored_should(pack: &CheckedPack, entries: &[Origin]) -> Vec<Diagnostic> {
    let grids = Grid::of(pack);
    // For each grid, which requirements its criteria score.
    let scored: Vec<Vec<bool>> = grids
        .iter()
        .map(|grid| {
            let mut scored = vec![false; pack.requirements.len()];
            for criterion in pack.criteria.iter().filter(|c| grid.has(&c.meta)) {
                walk(&criterion.score, &mut |node| {
                    if let TExprKind::Passed(index) = node.kind
                        && let Some(flag) = scored.get_mut(index)
                    {
                        *flag = true;
                    }
                    true
                });
            }
            scored
        })
        .collect();
    pack.requirements
        .iter()
        .enumerate()
        .filter(|(_, r)| r.level == Level::Should)
        .filter_map(|(index, requirement)| {
            let unscored: Vec<Grid<'_>> = grids
                .iter()
                .zip(&scored)
                .filter(|(grid, scored)| {
                    grid.has(&requirement.meta) && !scored.get(index).copied().unwrap_or(true)
                })
                .map(|(grid, _)| *grid)
                .collect();
            (!unscored.is_empty())
                .then(|| unscored_requirement(requirement, index, &unscored, entries))
        })
        .collect()
}

/// The `W0509` of one requirement, unscored in `grids`.
fn unscored_requirement(
    requirement: &RequirementDef,
    index: usize,
    grids: &[Grid<'_>],
    entries: &[Origin],
) -> Diagnostic {
    let meta = &requirement.meta;
    let at = entries.get(index).copied().unwrap_or(meta.origin);
    let lots: Vec<String> = grids
        .iter()
        .filter_map(|grid| grid.lot)
        .map(|lot| format!("`{}` ({})", lot.id, lot.title))
        .collect();
    let mut diagnostic = Diagnostic::warning(
        Code::UNSCORED_SHOULD,
        Message::new("w0509-unscored-should")
            .with("id", &meta.id)
            .with("lots", lots.join(", "))
            .with("count", lots.len()),
    )
    .with_primary(
        at.file,
        at.span,
        Message::new("w0509-unscored-should-label"),
    );
    if at != meta.origin {
        diagnostic = diagnostic.with_secondary(
            meta.origin.file,
            meta.origin.span,
            Message::new("w0509-declared-here"),
        );
    }
    diagnostic
        .with_note(Message::new("w0509-unscored-should-note"))
        .with_help(Message::new("w0509-unscored-should-help").with("id", &meta.id))
}

/// `W0510`: a requirement or a criterion in effect without `text`, in a pack written
/// for publication: one whose clauses give texts. A pack none of whose clauses has one
/// holds rules to check offers with, not yet a tender to publish (and `clausier render`
/// refuses it all the same).
pub(super) fn missing_texts(pack: &CheckedPack) -> Vec<Diagnostic> {
    let publishes = pack.requirements.iter().any(|r| r.meta.text.is_some())
        || pack.criteria.iter().any(|c| c.meta.text.is_some());
    if !publishes {
        return Vec::new();
    }
    let requirements = pack.requirements.iter().map(|r| (&r.meta, "requirement"));
    let criteria = pack.criteria.iter().map(|c| (&c.meta, "criterion"));
    requirements
        .chain(criteria)
        .filter(|(meta, _)| meta.text.is_none())
        .map(|(meta, kind)| missing_text(meta, kind))
        .collect()
}

fn missing_text(meta: &ClauseMeta, kind: &str) -> Diagnostic {
    let (message, label, help) = if kind == "criterion" {
        (
            "w0510-criterion-without-text",
            "w0510-criterion-without-text-label",
            "w0510-criterion-without-text-help",
        )
    } else {
        (
            "w0510-requirement-without-text",
            "w0510-requirement-without-text-label",
            "w0510-requirement-without-text-help",
        )
    };
    Diagnostic::warning(
        Code::MISSING_TEXT,
        Message::new(message).with("id", &meta.id),
    )
    .with_primary(meta.origin.file, meta.origin.span, Message::new(label))
    .with_note(Message::new("w0510-render-refuses-note"))
    .with_help(Message::new(help))
}
