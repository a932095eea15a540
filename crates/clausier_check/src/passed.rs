//! `passed(ID)` in a criterion's score reads the outcome of a requirement. The
//! requirement is one in effect in the pack (after `use`), with its level there: only a
//! `should` requirement may be scored, since every scored offer passes the `must` and
//! `execution` ones and an `info` one is never used in the award. So each reference is
//! resolved once the clauses are composed, to the requirement's index in
//! [`CheckedPack::requirements`](crate::hir::CheckedPack::requirements).

use clausier_diagnostics::{Code, Diagnostic, FileId, Fix, Message, Span};
use clausier_syntax::ast::{ClauseId, Level};

use crate::Checker;
use crate::fold::walk_mut;
use crate::hir::TExprKind;
use crate::suggest::did_you_mean;
use crate::types::Ty;

/// A `passed(ID)` met while typing a score.
#[derive(Debug, Clone)]
pub(crate) struct PassedRef {
    pub file: FileId,
    /// The whole `passed(…)`.
    pub span: Span,
    pub id: ClauseId,
}

/// A requirement as declared, before composition: what a criterion that is not in
/// effect may still name.
pub(crate) struct DeclaredRequirement {
    pub id: String,
}

impl Checker<'_> {
    /// The requirements of every pack of the graph, before `compose` keeps the root's.
    pub(crate) fn declared_requirements(&self) -> Vec<DeclaredRequirement> {
        self.pack
            .requirements
            .iter()
            .map(|requirement| DeclaredRequirement {
                id: requirement.meta.id.clone(),
            })
            .collect()
    }

    /// Resolves every `passed(ID)` of the criteria in effect to a requirement in effect;
    /// those of criteria left out of the pack only need a requirement of that id
    /// somewhere in the graph.
    pub(crate) fn resolve_passed(&mut self, declared: &[DeclaredRequirement]) {
        let mut pending = std::mem::take(&mut self.passed_refs);
        let mut unknown = Vec::new();
        let mut criteria = std::mem::take(&mut self.pack.criteria);
        for criterion in &mut criteria {
            let file = criterion.meta.origin.file;
            let criterion_lots = criterion.meta.lots.clone();
            walk_mut(&mut criterion.score, &mut |node| {
                if !matches!(node.kind, TExprKind::Passed(_)) {
                    return;
                }
                let Some(at) = pending
                    .iter()
                    .position(|r| r.file == file && r.span == node.span)
                else {
                    return;
                };
                let reference = pending.swap_remove(at);
                match self.passed_index(&reference, &criterion_lots) {
                    Ok(index) => node.kind = TExprKind::Passed(index),
                    Err(not_found) => {
                        node.ty = Ty::Error;
                        unknown.extend(not_found.then_some(reference));
                    }
                }
            });
        }
        self.pack.criteria = criteria;
        for reference in unknown {
            self.report_unknown(&reference);
        }
        for reference in pending {
            if !declared.iter().any(|r| r.id == reference.id.name) {
                self.report_unknown(&reference);
            }
        }
    }

    /// The index of the requirement a `passed` names, when it may be scored. Otherwise
    /// whether no requirement has the id (left to the caller to report); a requirement
    /// of another level, or one that does not apply to every lot the criterion scores,
    /// is reported here.
    fn passed_index(
        &mut self,
        reference: &PassedRef,
        criterion_lots: &[String],
    ) -> Result<usize, bool> {
        let id = &reference.id;
        let Some((index, level)) = self
            .pack
            .requirements
            .iter()
            .enumerate()
            .find(|(_, r)| r.meta.id == id.name)
            .map(|(index, r)| (index, r.level))
        else {
            return Err(true);
        };
        if level == Level::Should {
            // Still resolved when reported, so that the requirement counts as scored and
            // `W0509` does not add a warning on top of the error.
            if let Some(missing) = self.lots_without_requirement(index, criterion_lots) {
                self.report_outside_lots(reference, &missing);
            }
            return Ok(index);
        }
        let help = match level {
            Level::Info => "e0315-info-help",
            _ => "e0315-not-should-help",
        };
        let level = level.as_str();
        self.report(
            Diagnostic::error(
                Code::PASSED_MISUSED,
                Message::new("e0315-cannot-score")
                    .with("id", &id.name)
                    .with("level", level),
            )
            .with_primary(
                reference.file,
                id.span,
                Message::new("e0315-requirement-of-level").with("level", level),
            )
            .with_help(Message::new(help)),
        );
        Err(false)
    }

    /// The lots the criterion scores in which the requirement is not asked, if any: an
    /// offer on such a lot has no outcome for it to score.
    fn lots_without_requirement(
        &self,
        requirement: usize,
        criterion_lots: &[String],
    ) -> Option<Vec<String>> {
        let requirement_lots = &self.pack.requirements.get(requirement)?.meta.lots;
        if requirement_lots.is_empty() {
            return None;
        }
        let scored: Vec<&String> = if criterion_lots.is_empty() {
            self.graph.lots.iter().map(|lot| &lot.id).collect()
        } else {
            criterion_lots.iter().collect()
        };
        let missing: Vec<String> = scored
            .into_iter()
            .filter(|lot| !requirement_lots.contains(lot))
            .cloned()
            .collect();
        (!missing.is_empty()).then_some(missing)
    }

    fn report_outside_lots(&mut self, reference: &PassedRef, missing: &[String]) {
        let id = &reference.id;
        let listed: Vec<String> = missing.iter().map(|lot| format!("`{lot}`")).collect();
        let lots = listed.join(", ");
        self.report(
            Diagnostic::error(
                Code::PASSED_OUTSIDE_LOT,
                Message::new("e0409-not-asked")
                    .with("id", &id.name)
                    .with("lots", &lots)
                    .with("count", listed.len()),
            )
            .with_primary(
                reference.file,
                id.span,
                Message::new("e0409-not-asked-label")
                    .with("lots", &lots)
                    .with("count", listed.len()),
            )
            .with_help(
                Message::new("e0409-not-asked-help")
                    .with("id", &id.name)
                    .with("lots", &lots),
            ),
        );
    }

    fn report_unknown(&mut self, reference: &PassedRef) {
        let id = &reference.id;
        let is_criterion = self.pack.criteria.iter().any(|c| c.meta.id == id.name);
        let mut diagnostic = Diagnostic::error(
            Code::UNKNOWN_PASSED_REQUIREMENT,
            Message::new(if is_criterion {
                "e0314-criterion"
            } else {
                "e0314-unknown-requirement"
            })
            .with("id", &id.name),
        )
        .with_primary(
            reference.file,
            id.span,
            Message::new("e0314-not-a-requirement"),
        );
        let ids: Vec<&str> = self
            .pack
            .requirements
            .iter()
            .map(|r| r.meta.id.as_str())
            .collect();
        diagnostic = match did_you_mean(&id.name, ids.iter().copied()) {
            Some(best) if !is_criterion => {
                let best = best.to_owned();
                diagnostic
                    .with_help(Message::new("e0314-did-you-mean").with("name", &best))
                    .with_fix(Fix {
                        title: Message::new("e0314-replace-with").with("name", &best),
                        edits: vec![(reference.file, id.span, best)],
                    })
            }
            _ => diagnostic.with_help(Message::new("e0314-help")),
        };
        self.report(diagnostic);
    }
}
