//! Claims of an equivalent: a requirement demanding a label, failed by an offer that
//! claims an equivalent to it, is under `review` and the offer waits on the buyer; a
//! recorded decision turns it into `pass` or `fail`, cited in the result.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails loudly where its expectation does not hold"
)]

mod eval_support;

use clausier_check::hir::CheckedPack;
use clausier_data::descriptor::Descriptor;
use clausier_data::load::LoadOptions;
use clausier_eval::report::{
    ClauseResult, DescriptorReport, DescriptorStatus, Report, RequirementResult, RequirementStatus,
};
use clausier_eval::stream::{Pass, Pending, StreamCheck};
use clausier_eval::{ReviewDecision, RunOptions, compile, run};
use eval_support::{json_descriptor, pack_info, run_date};

/// The example `examples/equivalence-label`: its pack and its offers.
const PACK: &str = include_str!("../../../examples/equivalence-label/pack/exigences.clause");
const CERTIFIED: &str = include_str!("../../../examples/equivalence-label/offres/certifiee.json");
const CLAIMING: &str = include_str!("../../../examples/equivalence-label/offres/equivalente.json");
const UNCERTIFIED: &str =
    include_str!("../../../examples/equivalence-label/offres/sans-label.json");
/// A claim of an equivalent on a requirement that demands no label changes nothing.
const CLAIMING_A_PRICE: &str = r#"{"id": "prix-equivalent", "name": "Prix équivalent", "certifications": {"secnumcloud": true}, "price": {"$value": 12.00, "$equivalent": {"label": "un autre prix", "issuer": "le vendeur", "document": "devis"}}}"#;

fn checked() -> CheckedPack {
    let mut sources = clausier_diagnostics::SourceMap::new();
    let id = sources.add(clausier_diagnostics::SourceFile::new(
        "pack/review.clause",
        PACK,
    ));
    let parse = clausier_syntax::parse(id, PACK);
    assert!(parse.diagnostics.is_empty(), "{:?}", parse.diagnostics);
    let checked = clausier_check::check_pack("equivalence-label", &[(id, &parse.ast)]);
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    checked.pack
}

fn check(decisions: Vec<ReviewDecision>) -> Report {
    let (program, _, descriptors) = program_and_offers();
    let options = RunOptions::new(run_date(), 1).with_decisions(decisions);
    run(&program, pack_info(), &descriptors, &options)
}

/// The example's program and its offers, with one claiming an equivalent on a field that
/// demands no label.
fn program_and_offers() -> (clausier_eval::Program, CheckedPack, Vec<Descriptor>) {
    let pack = checked();
    let checked = clausier_check::Checked {
        pack: pack.clone(),
        diagnostics: Vec::new(),
    };
    let Some(valid) = checked.valid() else {
        unreachable!("a pack without diagnostics is valid");
    };
    let program = compile(valid);
    let descriptors: Vec<_> = [
        ("offres/certifiee.json", CERTIFIED),
        ("offres/equivalente.json", CLAIMING),
        ("offres/sans-label.json", UNCERTIFIED),
        ("prix-equivalent.json", CLAIMING_A_PRICE),
    ]
    .into_iter()
    .map(|(source, text)| json_descriptor(&pack.schema, source, text))
    .collect();
    (program, pack, descriptors)
}

fn offer<'r>(report: &'r Report, source: &str) -> &'r DescriptorReport {
    report
        .descriptors
        .iter()
        .find(|descriptor| descriptor.source == source)
        .unwrap()
}

fn requirement<'r>(descriptor: &'r DescriptorReport, clause: &str) -> &'r RequirementResult {
    descriptor
        .results
        .iter()
        .find_map(|result| match result {
            ClauseResult::Requirement(r) if r.clause == clause => Some(r),
            _ => None,
        })
        .unwrap()
}

fn decision(accepted: bool) -> ReviewDecision {
    let id = {
        let report = check(Vec::new());
        offer(&report, "offres/equivalente.json").id.clone()
    };
    ReviewDecision {
        clause: "SNC-01".to_owned(),
        descriptor: id,
        accepted,
        reason: "L'attestation C5 de type 2 couvre les exigences HDS d'hébergement".to_owned(),
        by: "M. Durand".to_owned(),
        at: "2026-12-05T10:30:00Z".to_owned(),
    }
}

#[test]
fn a_claimed_equivalent_to_a_label_is_under_review_and_the_offer_waits() {
    let report = check(Vec::new());
    let claiming = offer(&report, "offres/equivalente.json");
    assert_eq!(claiming.status, DescriptorStatus::Review);
    assert_eq!(claiming.score, None, "an offer under review is not scored");
    assert_eq!(claiming.rank, None, "nor ranked");
    let qualification = requirement(claiming, "SNC-01");
    assert_eq!(qualification.status, RequirementStatus::Review);
    let claim = qualification.claim.as_ref().unwrap();
    assert_eq!(claim.path, "certifications.secnumcloud");
    assert_eq!(claim.label, "Attestation C5 de type 2");
    assert_eq!(qualification.decision, None);
    assert_eq!(
        offer(&report, "offres/sans-label.json").status,
        DescriptorStatus::Ineligible
    );
    assert_eq!(
        offer(&report, "prix-equivalent.json").status,
        DescriptorStatus::Ineligible,
        "a requirement that demands no label accepts no equivalent"
    );
    assert_eq!(report.summary.review, 1);
    assert_eq!(report.summary.eligible, 1);
    insta::assert_snapshot!(
        "review_without_decision",
        serde_json::to_string_pretty(&claiming).unwrap()
    );
}

#[test]
fn an_accepted_equivalent_passes_citing_the_decision_and_the_offer_is_ranked() {
    let report = check(vec![decision(true)]);
    let claiming = offer(&report, "offres/equivalente.json");
    assert_eq!(claiming.status, DescriptorStatus::Eligible);
    assert_eq!(claiming.rank, Some(1), "the cheaper offer ranks first");
    let qualification = requirement(claiming, "SNC-01");
    assert_eq!(qualification.status, RequirementStatus::Pass);
    assert_eq!(qualification.decision.as_ref().unwrap().by, "M. Durand");
    assert_eq!(report.summary.review, 0);
    insta::assert_snapshot!(
        "review_accepted",
        serde_json::to_string_pretty(&claiming).unwrap()
    );
}

/// A run streamed in passes (as `check` streams NDJSON) sees the accepted equivalent from
/// its first pass: the claiming offer, the cheapest, counts in `lowest(price)` and in the
/// ranks, so every entry is the one the whole run gives.
#[test]
fn a_streamed_run_applies_the_decision_from_its_first_pass() {
    let (program, _, descriptors) = program_and_offers();
    let options = RunOptions::new(run_date(), 2).with_decisions(vec![decision(true)]);
    let whole = run(&program, pack_info(), &descriptors, &options);
    let chunk: Vec<Pending> = descriptors.iter().cloned().map(Pending::Ready).collect();
    let mut stream = StreamCheck::new(&program, &options, LoadOptions::default());
    assert_eq!(stream.passes(), [Pass::Survey, Pass::Scores, Pass::Results]);
    let mut entries = Vec::new();
    for pass in stream.passes() {
        stream.begin(*pass);
        match pass {
            Pass::Survey => stream.survey(&chunk),
            Pass::Scores => stream.score(&chunk),
            Pass::Results => entries = stream.results(&chunk, DescriptorReport::clone),
        }
    }
    assert_eq!(
        serde_json::to_string_pretty(&entries).unwrap(),
        serde_json::to_string_pretty(&whole.descriptors).unwrap()
    );
    assert_eq!(offer(&whole, "offres/equivalente.json").rank, Some(1));
    assert_eq!(stream.summary(), whole.summary);
}

#[test]
fn a_refused_equivalent_fails_citing_the_decision() {
    let report = check(vec![decision(false)]);
    let claiming = offer(&report, "offres/equivalente.json");
    assert_eq!(claiming.status, DescriptorStatus::Ineligible);
    let qualification = requirement(claiming, "SNC-01");
    assert_eq!(qualification.status, RequirementStatus::Fail);
    assert!(!qualification.decision.as_ref().unwrap().accepted);
    assert!(
        !qualification.explanation.is_empty(),
        "the failure is still explained"
    );
}

#[test]
fn a_decision_on_another_offer_or_clause_is_not_applied() {
    let mut elsewhere = decision(true);
    elsewhere.clause = "PRICE-01".to_owned();
    let report = check(vec![elsewhere]);
    assert_eq!(
        offer(&report, "offres/equivalente.json").status,
        DescriptorStatus::Review
    );
}
