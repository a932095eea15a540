//! Every report says of an offer under review that it waits on the buyer, with the
//! claimed equivalent in words, and cites the buyer's decision once recorded.

use clausier_eval::ReviewDecision;
use clausier_eval::report::{
    ClaimedEquivalent, ClauseResult, DescriptorStatus, Report, RequirementStatus,
};
use clausier_i18n::Lang;

use super::fixtures::{clauses, report};
use super::*;

/// The fixture with its ineligible offer claiming an equivalent on the failed `HEB-01`,
/// under review or, with `decision`, decided.
fn report_with_claim(decision: Option<ReviewDecision>) -> Report {
    let mut report = report();
    let Some(offer) = report
        .descriptors
        .iter_mut()
        .find(|offer| offer.id == "vendor-013")
    else {
        unreachable!("the fixture has vendor-013");
    };
    let accepted = decision.as_ref().map(|decision| decision.accepted);
    offer.status = match accepted {
        Some(true) => DescriptorStatus::Eligible,
        Some(false) => DescriptorStatus::Ineligible,
        None => DescriptorStatus::Review,
    };
    for result in &mut offer.results {
        if let ClauseResult::Requirement(requirement) = result
            && requirement.clause == "HEB-01"
        {
            requirement.status = match accepted {
                Some(true) => RequirementStatus::Pass,
                Some(false) => RequirementStatus::Fail,
                None => RequirementStatus::Review,
            };
            requirement.claim = Some(Box::new(ClaimedEquivalent {
                path: "hosting.region".to_owned(),
                label: "SecNumCloud".to_owned(),
                issuer: "ANSSI".to_owned(),
                document: "Visa n° 2025-12".to_owned(),
                not_admitted: None,
            }));
            requirement.decision = decision.clone().map(Box::new);
        }
    }
    report.summary.ineligible -= 1;
    report.summary.count(offer.status);
    report.summary.total -= 1;
    report
}

fn accepted() -> ReviewDecision {
    ReviewDecision {
        clause: "HEB-01".to_owned(),
        descriptor: "vendor-013".to_owned(),
        accepted: true,
        reason: "qualification de l'ANSSI jugée équivalente".to_owned(),
        by: "M. Durand".to_owned(),
        at: "2026-12-05T10:30:00Z".to_owned(),
    }
}

#[test]
fn every_report_says_an_offer_is_under_review_with_the_claim_in_words() {
    let report = report_with_claim(None);
    let french = HumanOptions {
        color: false,
        ..HumanOptions::default()
    };
    let claim = "revendique SecNumCloud, délivré par ANSSI (justificatif : Visa n° 2025-12), comme équivalent pour hosting.region";
    let human = render_human(&report, &french);
    assert!(human.contains("à examiner"), "{human}");
    assert!(human.contains(claim), "{human}");
    assert!(
        human.contains("l'offre n'est ni notée ni classée"),
        "{human}"
    );
    assert!(human.contains(", 1 à examiner"), "{human}");
    let english = render_human(
        &report,
        &HumanOptions {
            lang: Lang::En,
            ..french
        },
    );
    assert!(english.contains("under review"), "{english}");
    assert!(
        english.contains("claims SecNumCloud, issued by ANSSI"),
        "{english}"
    );
    let markdown = render_markdown(&report, Lang::Fr);
    assert!(markdown.contains("à examiner"), "{markdown}");
    assert!(markdown.contains("revendique SecNumCloud"), "{markdown}");
    let html = render_html(&report, Lang::Fr);
    assert!(html.contains("revendique SecNumCloud"), "{html}");
    let junit = render_junit(&report, Lang::Fr);
    assert!(junit.contains("type=\"review\""), "{junit}");
    let sarif = render_sarif(&report, &clauses(), Lang::Fr).unwrap_or_default();
    assert!(sarif.contains("revendique SecNumCloud"), "{sarif}");
    let csv = render_csv(&report).unwrap_or_default();
    assert!(
        csv.contains("vendor-013,vendors/vendor-013.json,review"),
        "{csv}"
    );
    let json = render_json(&report).unwrap_or_default();
    assert!(json.contains("\"status\": \"review\""), "{json}");
    assert!(json.contains("\"claim\": {"), "{json}");
    assert!(json.contains("\"review\": 1"), "{json}");
    let ndjson = render_ndjson(&report).unwrap_or_default();
    assert!(ndjson.contains("\"claim\":{"), "{ndjson}");
}

#[test]
fn a_decided_claim_is_cited_with_who_decided_when_and_why() {
    let report = report_with_claim(Some(accepted()));
    let human = render_human(
        &report,
        &HumanOptions {
            color: false,
            ..HumanOptions::default()
        },
    );
    let cited = "équivalence acceptée par M. Durand le 5 décembre 2026 : qualification de l'ANSSI jugée équivalente";
    assert!(human.contains(cited), "{human}");
    let markdown = render_markdown(&report, Lang::Fr);
    assert!(
        markdown.contains("équivalence acceptée par M. Durand"),
        "{markdown}"
    );
    let json = render_json(&report).unwrap_or_default();
    assert!(json.contains("\"decision\": {"), "{json}");
}
