//! A claimed equivalent and the buyer's decision on it, in the reader's language: what
//! every report says of a requirement under review or decided by the buyer.

use clausier_eval::ReviewDecision;
use clausier_eval::report::{ClaimedEquivalent, RequirementResult, RequirementStatus};
use clausier_i18n::{Lang, t};

use super::human::date_in_words;

/// « revendique ISO 27001, délivré par Organisme Exemple (justificatif : …), comme
/// équivalent pour `certifications` ».
pub(crate) fn claim_words(claim: &ClaimedEquivalent, lang: Lang) -> String {
    t!(
        lang,
        "review-claim",
        label = claim.label.as_str(),
        issuer = claim.issuer.as_str(),
        document = claim.document.as_str(),
        path = claim.path.as_str()
    )
}

/// « équivalence acceptée par M. Durand le 5 décembre 2026 : … ».
pub(crate) fn decision_words(decision: &ReviewDecision, lang: Lang) -> String {
    // The day is enough for a reader; the JSON report keeps the instant.
    let day = decision.at.get(..10).unwrap_or(&decision.at);
    let args = clausier_i18n::Args::new()
        .with("by", decision.by.as_str())
        .with("at", date_in_words(day, lang))
        .with("reason", decision.reason.as_str());
    let id = if decision.accepted {
        "review-accepted"
    } else {
        "review-refused"
    };
    clausier_i18n::text_with(lang, id, &args)
}

/// What a report says of a requirement's claim: the claim, then the decision or that
/// the offer waits on one; `None` when it has no claim.
pub(crate) fn review_words(requirement: &RequirementResult, lang: Lang) -> Option<String> {
    let claimed = requirement.claim.as_ref()?;
    let claim = claim_words(claimed, lang);
    let outcome = match (&requirement.decision, &claimed.not_admitted) {
        (_, Some(reason)) => t!(lang, "review-not-admitted", reason = reason.as_str()),
        (Some(decision), None) => decision_words(decision, lang),
        (None, None) => t!(lang, "review-pending"),
    };
    Some(format!(
        "{claim}{} {outcome}",
        super::wording::semicolon(lang)
    ))
}

/// Whether a report that lists only what keeps offers out lists this requirement: a
/// failure, missing data, a claim under review, or a claim the buyer decided (the
/// report cites the decision).
pub(crate) fn is_reported(requirement: &RequirementResult) -> bool {
    matches!(
        requirement.status,
        RequirementStatus::Fail | RequirementStatus::Missing | RequirementStatus::Review
    ) || requirement.claim.is_some()
}
