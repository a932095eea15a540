//! Whole runs: statuses, `when`, explanations located in the descriptor, scoring,
//! ranks, aggregates over the eligible cohort, clamping, invalid data, and reports that
//! do not depend on the number of threads.

#![allow(
    clippy::expect_used,
    clippy::panic,
    reason = "tests state their expectations"
)]

mod eval_support;

use clausier_check::hir::{ArithOp, CheckedPack, LocalId, TExpr};
use clausier_check::types::Ty;
use clausier_check::value::Value;
use clausier_data::descriptor::Descriptor;
use clausier_eval::report::{
    ClauseResult, CriterionResult, DescriptorReport, DescriptorStatus, RequirementResult,
    RequirementStatus,
};
use clausier_syntax::ast::{AggregateKind, CompareOp, Level};
use eval_support::*;

/// The design brief's example pack, built by hand.
fn brief_pack() -> CheckedPack {
    let schema = edtech_schema();
    let mut b = PackBuilder::new(schema.clone());
    let e = Exprs { schema: &schema };
    let sub_ty = e
        .field("subprocessors")
        .ty
        .element()
        .cloned()
        .expect("a list");
    let s = LocalId(0);
    let min_rgaa = b.param("min_rgaa", Value::Percent(decimal("75")), Ty::Percent);
    b.must(
        "HEB-01",
        and(
            eq(e.field("hosting.region"), e.variant("Region", "EU")),
            all(
                s,
                "s",
                e.field("subprocessors"),
                eq(
                    e.local_field(s, "s", &sub_ty, "region"),
                    e.variant("Region", "EU"),
                ),
            ),
        ),
    );
    b.requirement(
        "EVI-02",
        Level::Should,
        Some(e.field("gar.compliant")),
        compare(
            CompareOp::Le,
            e.field("evidence.tier"),
            e.variant("Tier", "II"),
        ),
    );
    b.must(
        "SEC-01",
        and(
            e.field("security.iso27001"),
            compare(
                CompareOp::Ge,
                e.field("security.iso27001_expires"),
                arith(ArithOp::Add, today(), duration(12, 0)),
            ),
        ),
    );
    b.should(
        "ACC-01",
        compare(CompareOp::Ge, e.field("accessibility.rgaa_rate"), min_rgaa),
    );
    let lowest = b.aggregate(AggregateKind::Lowest, "pricing.per_student");
    b.criterion(
        "PRIX",
        "40",
        arith(ArithOp::Div, lowest, e.field("pricing.per_student")),
    );
    b.criterion("ACC", "60", e.field("accessibility.rgaa_rate"));
    b.pack
}

const ELIGIBLE: &str = r#"{
  "id": "vendor-001",
  "hosting": { "region": "EU", "country": "FR" },
  "subprocessors": [ { "name": "mail", "region": "EU" } ],
  "gar": { "compliant": true },
  "evidence": { "tier": "II" },
  "accessibility": { "rgaa_rate": 80 },
  "security": { "iso27001": true, "iso27001_expires": "2028-01-01" },
  "pricing": { "per_student": 5 }
}"#;

const INELIGIBLE: &str = r#"{
  "id": "vendor-002",
  "hosting": { "region": "OTHER" },
  "subprocessors": [
    { "name": "mail", "region": "EU" },
    { "name": "analytics", "region": "OTHER" }
  ],
  "gar": { "compliant": true },
  "evidence": { "tier": "IV" },
  "accessibility": { "rgaa_rate": 60 },
  "security": { "iso27001": true, "iso27001_expires": "2027-03-01" },
  "pricing": { "per_student": 2 }
}"#;

const INCOMPLETE: &str = r#"{
  "id": "vendor-003",
  "hosting": { "region": "EU" },
  "subprocessors": [ { "name": "mail", "region": "EU" }, { "name": "cdn" } ],
  "gar": { "compliant": false },
  "accessibility": { "rgaa_rate": 90 },
  "pricing": { "per_student": 4 }
}"#;

const INVALID: &str = r#"{
  "id": "vendor-004",
  "hosting": { "region": "MARS" },
  "pricing": { "per_student": "cheap" }
}"#;

fn brief_descriptors(pack: &CheckedPack) -> Vec<Descriptor> {
    [
        ("vendors/vendor-001.json", ELIGIBLE),
        ("vendors/vendor-002.json", INELIGIBLE),
        ("vendors/vendor-003.json", INCOMPLETE),
        ("vendors/vendor-004.json", INVALID),
    ]
    .into_iter()
    .map(|(source, text)| json_descriptor(&pack.schema, source, text))
    .collect()
}

#[test]
fn the_brief_pack_on_four_vendors() {
    let pack = brief_pack();
    let report = check(&pack, &brief_descriptors(&pack), 2);
    insta::assert_snapshot!(pretty(&report));
}

fn requirement<'a>(report: &'a DescriptorReport, id: &str) -> &'a RequirementResult {
    report
        .results
        .iter()
        .find_map(|result| match result {
            ClauseResult::Requirement(r) if r.clause == id => Some(r),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no requirement `{id}`"))
}

fn criterion<'a>(report: &'a DescriptorReport, id: &str) -> &'a CriterionResult {
    report
        .results
        .iter()
        .find_map(|result| match result {
            ClauseResult::Criterion(c) if c.clause == id => Some(c),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no criterion `{id}`"))
}

#[test]
fn statuses_follow_must_requirements_only() {
    let pack = brief_pack();
    let report = check(&pack, &brief_descriptors(&pack), 1);
    let statuses: Vec<DescriptorStatus> = report.descriptors.iter().map(|d| d.status).collect();
    assert_eq!(
        statuses,
        [
            DescriptorStatus::Eligible,
            DescriptorStatus::Ineligible,
            DescriptorStatus::Incomplete,
            DescriptorStatus::Invalid
        ]
    );
    // A failed `should` is reported but does not make an offer ineligible.
    let ineligible = &report.descriptors[1];
    assert_eq!(
        requirement(ineligible, "ACC-01").status,
        RequirementStatus::Fail
    );
    assert_eq!(requirement(ineligible, "ACC-01").level, "should");
    let summary = report.summary;
    assert_eq!(
        (
            summary.total,
            summary.eligible,
            summary.ineligible,
            summary.incomplete,
            summary.invalid
        ),
        (4, 1, 1, 1, 1)
    );
}

#[test]
fn a_false_when_is_not_applicable_and_an_unknown_one_is_missing() {
    let pack = brief_pack();
    let descriptors = brief_descriptors(&pack);
    let report = check(&pack, &descriptors, 1);
    let not_compliant = requirement(&report.descriptors[2], "EVI-02");
    assert_eq!(not_compliant.status, RequirementStatus::NotApplicable);
    assert!(not_compliant.missing.is_empty());

    let schema = pack.schema.clone();
    let no_gar = json_descriptor(&schema, "no-gar.json", r#"{ "evidence": { "tier": "I" } }"#);
    let report = check(&pack, &[no_gar], 1);
    let unknown_when = requirement(&report.descriptors[0], "EVI-02");
    assert_eq!(unknown_when.status, RequirementStatus::Missing);
    assert_eq!(unknown_when.missing, ["gar.compliant"]);
}

#[test]
fn missing_paths_name_list_elements_by_index() {
    let pack = brief_pack();
    let report = check(&pack, &brief_descriptors(&pack), 1);
    let incomplete = &report.descriptors[2];
    assert_eq!(
        requirement(incomplete, "HEB-01").missing,
        ["subprocessors[1].region"]
    );
    assert_eq!(
        requirement(incomplete, "SEC-01").missing,
        ["security.iso27001", "security.iso27001_expires"]
    );
}

/// An explanation item as `(expr, path, value, line)`.
type Quoted<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<u32>);

#[test]
fn explanations_quote_the_failing_values_where_they_are_written() {
    let pack = brief_pack();
    let report = check(&pack, &brief_descriptors(&pack), 1);
    let heb = requirement(&report.descriptors[1], "HEB-01");
    let items: Vec<Quoted<'_>> = heb
        .explanation
        .iter()
        .map(|item| {
            (
                item.expr.as_str(),
                item.path.as_deref(),
                item.value.as_deref(),
                item.line,
            )
        })
        .collect();
    assert_eq!(
        items,
        [
            (
                "hosting.region == EU",
                Some("hosting.region"),
                Some("OTHER"),
                Some(3)
            ),
            (
                "subprocessors[1].region == EU",
                Some("subprocessors[1].region"),
                Some("OTHER"),
                Some(6)
            ),
        ]
    );
}

#[test]
fn an_all_explains_five_elements_then_counts_the_rest() {
    let pack = brief_pack();
    let subprocessors: Vec<String> = (0..8)
        .map(|index| format!(r#"{{ "name": "s{index}", "region": "OTHER" }}"#))
        .collect();
    let data = format!(
        r#"{{ "hosting": {{ "region": "EU" }}, "subprocessors": [{}] }}"#,
        subprocessors.join(", ")
    );
    let descriptor = json_descriptor(&pack.schema, "many.json", &data);
    let report = check(&pack, &[descriptor], 1);
    let heb = requirement(&report.descriptors[0], "HEB-01");
    let paths: Vec<Option<&str>> = heb.explanation.iter().map(|i| i.path.as_deref()).collect();
    assert_eq!(
        paths,
        [
            Some("subprocessors[0].region"),
            Some("subprocessors[1].region"),
            Some("subprocessors[2].region"),
            Some("subprocessors[3].region"),
            Some("subprocessors[4].region"),
            Some("subprocessors"),
        ]
    );
    let last = heb.explanation.last().expect("a summary item");
    assert_eq!(last.expr, "all s in subprocessors: s.region == EU");
    assert_eq!(last.value.as_deref(), Some("3 more failing elements"));
}

/// A pack with one criterion, `accessibility.rgaa_rate` weighted 100, and no
/// requirement.
fn rate_pack(score: impl FnOnce(&Exprs<'_>) -> TExpr) -> CheckedPack {
    let schema = edtech_schema();
    let mut b = PackBuilder::new(schema.clone());
    let e = Exprs { schema: &schema };
    b.criterion("ACC", "100", score(&e));
    b.pack
}

fn rates(pack: &CheckedPack, rates: &[&str]) -> Vec<Descriptor> {
    rates
        .iter()
        .enumerate()
        .map(|(index, rate)| {
            let data = format!(r#"{{ "accessibility": {{ "rgaa_rate": {rate} }} }}"#);
            json_descriptor(&pack.schema, &format!("v{index}.json"), &data)
        })
        .collect()
}

#[test]
fn ties_share_a_rank() {
    let pack = rate_pack(|e| e.field("accessibility.rgaa_rate"));
    let report = check(&pack, &rates(&pack, &["80", "90", "70", "90"]), 1);
    let ranks: Vec<Option<u32>> = report.descriptors.iter().map(|d| d.rank).collect();
    assert_eq!(ranks, [Some(3), Some(1), Some(4), Some(1)]);
    let scores: Vec<String> = report
        .descriptors
        .iter()
        .map(|d| d.score.expect("scored").to_string())
        .collect();
    assert_eq!(scores, ["80", "90", "70", "90"]);
}

#[test]
fn scores_are_clamped_and_rounded() {
    // Rates lie within 0% and 100%: a score of `2 × rate − 50%` leaves the range.
    let pack = rate_pack(|e| {
        arith(
            ArithOp::Sub,
            arith(
                ArithOp::Mul,
                e.field("accessibility.rgaa_rate"),
                number("2"),
            ),
            percent("50"),
        )
    });
    let report = check(
        &pack,
        &rates(&pack, &["85", "22.5", "41.666665", "58.333333"]),
        1,
    );
    let results: Vec<(String, String, bool)> = report
        .descriptors
        .iter()
        .map(|d| {
            let acc = criterion(d, "ACC");
            (
                acc.score.expect("a score").to_string(),
                acc.points.expect("points").to_string(),
                acc.clamped,
            )
        })
        .collect();
    assert_eq!(
        results,
        [
            ("1".to_owned(), "100".to_owned(), true),
            ("0".to_owned(), "0".to_owned(), true),
            ("0.3333".to_owned(), "33.33".to_owned(), false),
            ("0.6667".to_owned(), "66.67".to_owned(), false),
        ]
    );
    let json = pretty(&report);
    assert!(json.contains(r#""clamped": true"#));
}

#[test]
fn an_unknown_score_earns_nothing_and_says_why() {
    let pack = rate_pack(|e| e.field("accessibility.rgaa_rate"));
    let descriptor = json_descriptor(&pack.schema, "v.json", "{}");
    let report = check(&pack, &[descriptor], 1);
    let only = &report.descriptors[0];
    let acc = criterion(only, "ACC");
    assert_eq!(acc.score, None);
    assert_eq!(acc.points.map(|p| p.to_string()), Some("0".to_owned()));
    assert_eq!(acc.missing, ["accessibility.rgaa_rate"]);
    assert_eq!(only.score.map(|s| s.to_string()), Some("0".to_owned()));
    assert_eq!(only.rank, Some(1));
}

#[test]
fn lowest_is_taken_over_the_eligible_offers_only() {
    let pack = brief_pack();
    let report = check(&pack, &brief_descriptors(&pack), 1);
    // vendor-002 (2 €) and vendor-003 (4 €) are not eligible: the lowest eligible price is
    // vendor-001's own 5 €, so it earns the whole 40 points.
    let eligible = &report.descriptors[0];
    let prix = criterion(eligible, "PRIX");
    assert_eq!(prix.score.map(|s| s.to_string()), Some("1".to_owned()));
    assert_eq!(prix.points.map(|p| p.to_string()), Some("40".to_owned()));
    // 40 + 60 × 80%.
    assert_eq!(eligible.score.map(|s| s.to_string()), Some("88".to_owned()));

    let cheaper = ELIGIBLE
        .replace("vendor-001", "vendor-005")
        .replace(r#""per_student": 5"#, r#""per_student": 4"#);
    let mut descriptors = brief_descriptors(&pack);
    descriptors.push(json_descriptor(
        &pack.schema,
        "vendors/vendor-005.json",
        &cheaper,
    ));
    let report = check(&pack, &descriptors, 1);
    let prix = criterion(&report.descriptors[0], "PRIX");
    assert_eq!(prix.score.map(|s| s.to_string()), Some("0.8".to_owned()));
    assert_eq!(prix.points.map(|p| p.to_string()), Some("32".to_owned()));
    let ranks: Vec<Option<u32>> = report.descriptors.iter().map(|d| d.rank).collect();
    assert_eq!(ranks, [Some(2), None, None, None, Some(1)]);
}

#[test]
fn offers_that_are_not_eligible_are_not_scored() {
    let pack = brief_pack();
    let report = check(&pack, &brief_descriptors(&pack), 1);
    for not_eligible in &report.descriptors[1..3] {
        assert_eq!((not_eligible.score, not_eligible.rank), (None, None));
        let prix = criterion(not_eligible, "PRIX");
        assert_eq!((prix.score, prix.points), (None, None));
    }
}

#[test]
fn a_pack_without_criteria_gives_no_score() {
    let schema = edtech_schema();
    let mut b = PackBuilder::new(schema.clone());
    b.must("TRUE", boolean(true));
    let descriptor = json_descriptor(&schema, "v.json", "{}");
    let report = check(&b.pack, &[descriptor], 1);
    let only = &report.descriptors[0];
    assert_eq!(only.status, DescriptorStatus::Eligible);
    assert_eq!((only.score, only.rank), (None, None));
}

#[test]
fn an_invalid_descriptor_is_carried_with_its_errors() {
    let pack = brief_pack();
    let report = check(&pack, &brief_descriptors(&pack), 1);
    let invalid = &report.descriptors[3];
    assert_eq!(invalid.status, DescriptorStatus::Invalid);
    assert!(invalid.results.is_empty());
    let errors: Vec<(&str, &str, Option<u32>)> = invalid
        .errors
        .iter()
        .map(|e| (e.code.as_str(), e.path.as_str(), e.line))
        .collect();
    assert_eq!(
        errors,
        [
            ("D0603", "hosting.region", Some(3)),
            ("D0602", "pricing.per_student", Some(4)),
        ]
    );
    assert!(
        invalid
            .errors
            .iter()
            .all(|e| e.column.is_some() && !e.message.is_empty())
    );
}

#[test]
fn an_unreadable_descriptor_is_invalid() {
    let pack = brief_pack();
    let broken = json_descriptor(&pack.schema, "broken.json", r#"{ "hosting": "#);
    let report = check(&pack, &[broken], 1);
    let only = &report.descriptors[0];
    assert_eq!(only.status, DescriptorStatus::Invalid);
    assert_eq!(only.errors[0].code, "D0601");
}

#[test]
fn the_report_does_not_depend_on_the_number_of_threads() {
    let pack = brief_pack();
    let templates = [ELIGIBLE, INELIGIBLE, INCOMPLETE, INVALID];
    let descriptors: Vec<Descriptor> = (0..240)
        .map(|index| {
            let price = format!(r#""per_student": {}.{}"#, 2 + index % 7, index % 10);
            let rate = format!(r#""rgaa_rate": {}"#, 50 + index % 50);
            let text = templates[index % 4]
                .replace(r#""per_student": 5"#, &price)
                .replace(r#""rgaa_rate": 80"#, &rate);
            json_descriptor(&pack.schema, &format!("v{index:03}.json"), &text)
        })
        .collect();
    let one = pretty(&check(&pack, &descriptors, 1));
    let four = pretty(&check(&pack, &descriptors, 4));
    assert_eq!(one, four);
    assert!(one.contains(r#""rank": 2"#), "the run ranks several offers");
}

#[test]
fn a_program_is_shared_between_threads() {
    fn shareable<T: Send + Sync>(_: &T) {}
    let program = compile_valid(&brief_pack());
    shareable(&program);
    assert_eq!(program.schema(), &brief_pack().schema);
}
