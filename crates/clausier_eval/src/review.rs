//! Claims of an equivalent: a requirement that demands a label (the test of `W0507`) and
//! fails on a field where the offer claims an equivalent (`$equivalent`) is under
//! `review` rather than failed, since the buyer must examine the claim (CCP R2111-12 to
//! R2111-17, proof by any means); a decision of the buyer for that clause and offer turns
//! it into `pass` (accepted) or `fail` (refused).

use clausier_data::descriptor::Descriptor;
use clausier_data::evidence::Evidence;

use crate::program::RequirementProgram;
use crate::report::{ClaimedEquivalent, Explanation, RequirementStatus};
use crate::run::ReviewDecision;

/// A failed requirement's outcome once claims and decisions are taken into account.
pub(crate) struct Reviewed {
    pub(crate) status: RequirementStatus,
    pub(crate) claim: Option<Box<ClaimedEquivalent>>,
    pub(crate) decision: Option<Box<ReviewDecision>>,
}

/// What becomes of a requirement that failed with `explanation`: unchanged unless it
/// accepts equivalents and a field its failure read carries a claim of one. A claim on a
/// requirement that admits none (`no_equivalent`) leaves it failed, with the claim and
/// the reason kept for the reports.
pub(crate) fn review_failure(
    requirement: &RequirementProgram,
    descriptor: &Descriptor,
    explanation: &[Explanation],
    decisions: &[ReviewDecision],
) -> Reviewed {
    let unchanged = Reviewed {
        status: RequirementStatus::Fail,
        claim: None,
        decision: None,
    };
    if !requirement.accepts_equivalents && requirement.no_equivalent.is_none() {
        return unchanged;
    }
    let Some(evidence) = descriptor
        .evidence
        .iter()
        .find(|evidence| evidence.equivalent.is_some() && read_by(evidence, explanation))
    else {
        return unchanged;
    };
    let Some(equivalent) = &evidence.equivalent else {
        return unchanged;
    };
    let claim = Box::new(ClaimedEquivalent {
        path: evidence.shown.clone(),
        label: equivalent.label.clone(),
        issuer: equivalent.issuer.clone(),
        document: equivalent.document.clone(),
        not_admitted: requirement.no_equivalent.clone(),
    });
    // A requirement that admits no equivalent fails, citing its reason beside the claim.
    if !requirement.accepts_equivalents {
        return Reviewed {
            claim: Some(claim),
            ..unchanged
        };
    }
    let decision = decisions
        .iter()
        .find(|decision| decision.clause == requirement.id && decision.descriptor == descriptor.id)
        .cloned()
        .map(Box::new);
    let status = match &decision {
        Some(decision) if decision.accepted => RequirementStatus::Pass,
        Some(_) => RequirementStatus::Fail,
        None => RequirementStatus::Review,
    };
    Reviewed {
        status,
        claim: Some(claim),
        decision,
    }
}

/// Whether a failing sub-expression (or one of its alternatives) read the field of
/// `evidence` or a value inside it.
fn read_by(evidence: &Evidence, explanation: &[Explanation]) -> bool {
    let field = evidence.shown.as_str();
    let within = |path: &str| {
        path.strip_prefix(field)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
    };
    explanation.iter().any(|step| {
        step.path.as_deref().is_some_and(within)
            || step
                .alternatives
                .iter()
                .any(|alternative| read_by(evidence, &alternative.explanation))
    })
}
