//! From clause text to report: packs parsed and checked by the real front end, then
//! compiled and run.

#![allow(
    clippy::expect_used,
    clippy::panic,
    reason = "tests state their expectations"
)]

mod eval_support;

use clausier_check::check_pack;
use clausier_check::hir::CheckedPack;
use clausier_data::descriptor::Descriptor;
use clausier_diagnostics::FileId;
use clausier_eval::report::{ClauseResult, DescriptorStatus, RequirementStatus};
use clausier_syntax::parse;
use eval_support::*;

/// Parses and checks one `.clause` file; it must compile without errors.
fn pack_from_text(text: &str) -> CheckedPack {
    let file = FileId(0);
    let parsed = parse(file, text);
    assert!(parsed.diagnostics.is_empty(), "{:#?}", parsed.diagnostics);
    let checked = check_pack("edtech-fr", &[(file, &parsed.ast)]);
    assert!(!checked.has_errors(), "{:#?}", checked.diagnostics);
    checked.pack
}

const BRIEF_PACK: &str = r#"
/// Niveau de preuve d'efficacité (ESSA).
enum Tier { I, II, III, IV }
enum Region { EU, EEA, ADEQUATE, OTHER }

type Subprocessor = { name: string, region: Region, purpose: string }

descriptor {
  id: string
  name: string
  hosting: { region: Region, country: string, provider: string, secnumcloud: bool }
  subprocessors: list<Subprocessor>
  gar: { compliant: bool }
  evidence: { tier: Tier }
  accessibility: { rgaa_rate: percent }
  standards: set<string>
  security: { iso27001: bool, iso27001_expires: date }
  pricing: { per_student: money }
  reversibility: { export_formats: set<string>, notice: duration }
}

param max_price: money = 6.00 €
param min_rgaa: percent = 75%

requirement HEB-01 "Hébergement dans l'Union européenne" {
  level must
  require hosting.region == EU and all s in subprocessors: s.region == EU
}

requirement EVI-02 "Efficacité démontrée" {
  level should
  when gar.compliant
  require evidence.tier <= II
}

requirement SEC-01 "Certification ISO 27001 en cours de validité" {
  require security.iso27001 and security.iso27001_expires >= today + 12 months
}

requirement ACC-01 "Accessibilité RGAA" {
  level should
  require accessibility.rgaa_rate >= min_rgaa
}

requirement PRI-01 "Prix plafond" {
  require pricing.per_student <= max_price
}

criterion PRIX "Prix" weight 40 {
  score lowest(pricing.per_student) / pricing.per_student
}

criterion ACC "Accessibilité" weight 60 {
  score accessibility.rgaa_rate
}
"#;

fn vendor(id: &str, region: &str, sub_region: &str, price: &str, rate: &str) -> String {
    format!(
        r#"{{
  "id": "{id}",
  "hosting": {{ "region": "{region}" }},
  "subprocessors": [ {{ "name": "mail", "region": "{sub_region}" }} ],
  "gar": {{ "compliant": true }},
  "evidence": {{ "tier": "I" }},
  "accessibility": {{ "rgaa_rate": {rate} }},
  "security": {{ "iso27001": true, "iso27001_expires": "2028-06-30" }},
  "pricing": {{ "per_student": {price} }}
}}"#
    )
}

fn vendors(pack: &CheckedPack) -> Vec<Descriptor> {
    [
        vendor("v1", "EU", "EU", "5", "80"),
        vendor("v2", "EU", "OTHER", "3", "95"),
        vendor("v3", "EEA", "EU", "4", "70"),
        vendor("v4", "EU", "EU", "4", "100"),
        vendor("v5", "EU", "EU", "7", "100"),
    ]
    .iter()
    .enumerate()
    .map(|(index, text)| {
        json_descriptor(&pack.schema, &format!("vendors/v{}.json", index + 1), text)
    })
    .collect()
}

#[test]
fn the_brief_example_from_its_text() {
    let pack = pack_from_text(BRIEF_PACK);
    let report = check(&pack, &vendors(&pack), 3);
    insta::assert_snapshot!(pretty(&report));
}

#[test]
fn statuses_and_ranks_from_clause_text() {
    let pack = pack_from_text(BRIEF_PACK);
    let report = check(&pack, &vendors(&pack), 1);
    let outcome: Vec<(DescriptorStatus, Option<String>, Option<u32>)> = report
        .descriptors
        .iter()
        .map(|d| (d.status, d.score.map(|s| s.to_string()), d.rank))
        .collect();
    // v2 has a subprocessor outside the EU, v3 is hosted in the EEA, v5 is above the
    // price ceiling: only v1 and v4 are scored, against the lowest eligible price (4 €).
    assert_eq!(
        outcome,
        [
            (DescriptorStatus::Eligible, Some("80".to_owned()), Some(2)),
            (DescriptorStatus::Ineligible, None, None),
            (DescriptorStatus::Ineligible, None, None),
            (DescriptorStatus::Eligible, Some("100".to_owned()), Some(1)),
            (DescriptorStatus::Ineligible, None, None),
        ]
    );
}

#[test]
fn explanations_print_the_expression_canonically() {
    let pack = pack_from_text(BRIEF_PACK);
    let report = check(&pack, &vendors(&pack), 1);
    let failures: Vec<(String, Vec<String>)> = report
        .descriptors
        .iter()
        .flat_map(|d| &d.results)
        .filter_map(|result| match result {
            ClauseResult::Requirement(r) if r.status == RequirementStatus::Fail => Some((
                r.clause.clone(),
                r.explanation.iter().map(|item| item.expr.clone()).collect(),
            )),
            _ => None,
        })
        .collect();
    assert_eq!(
        failures,
        [
            (
                "HEB-01".to_owned(),
                vec!["subprocessors[0].region == EU".to_owned()]
            ),
            ("HEB-01".to_owned(), vec!["hosting.region == EU".to_owned()]),
            (
                "ACC-01".to_owned(),
                vec!["accessibility.rgaa_rate >= min_rgaa".to_owned()]
            ),
            (
                "PRI-01".to_owned(),
                vec!["pricing.per_student <= max_price".to_owned()]
            ),
        ]
    );
}

/// A one-field pack whose only requirement is `expr`.
fn requirement_pack(expr: &str) -> CheckedPack {
    pack_from_text(&format!(
        "descriptor {{ n: number, d: date }}\nrequirement R \"r\" {{ require {expr} }}\n"
    ))
}

fn status_of(expr: &str, data: &str) -> RequirementStatus {
    let pack = requirement_pack(expr);
    let descriptor = json_descriptor(&pack.schema, "d.json", data);
    let report = check(&pack, &[descriptor], 1);
    match &report.descriptors[0].results[0] {
        ClauseResult::Requirement(result) => result.status,
        ClauseResult::Criterion(_) => panic!("a requirement"),
    }
}

#[test]
fn exact_decimals_and_calendar_months_from_text() {
    assert_eq!(status_of("0.1 + 0.2 == 0.3", "{}"), RequirementStatus::Pass);
    assert_eq!(
        status_of("n + 0.2 == 0.3", r#"{ "n": 0.1 }"#),
        RequirementStatus::Pass
    );
    assert_eq!(
        status_of("d + 1 month == 2026-02-28", r#"{ "d": "2026-01-31" }"#),
        RequirementStatus::Pass
    );
    assert_eq!(
        status_of("d + 1 month == 2026-02-28", "{}"),
        RequirementStatus::Missing
    );
    assert_eq!(status_of("false and n > 0", "{}"), RequirementStatus::Fail);
    assert_eq!(status_of("true or n > 0", "{}"), RequirementStatus::Pass);
    assert_eq!(
        status_of("n > 0 implies false", "{}"),
        RequirementStatus::Missing
    );
    assert_eq!(
        status_of("has n or n > 0", "{}"),
        RequirementStatus::Missing
    );
    assert_eq!(
        status_of("1 / n > 0", r#"{ "n": 0 }"#),
        RequirementStatus::Missing
    );
}

#[test]
fn printed_requirements_read_like_their_source() {
    let cases = [
        "hosting.region == EU and all s in subprocessors: s.region == EU",
        "(all s in subprocessors: s.region == EU) and gar.compliant",
        "security.iso27001 and security.iso27001_expires >= today + 6 months",
        "not (gar.compliant or hosting.secnumcloud)",
        "count(s in subprocessors: s.region != EU) <= 2",
        "any f in reversibility.export_formats: f in [\"CSV\", \"JSON\"]",
        "if gar.compliant then evidence.tier <= II else has evidence.tier",
        "pricing.per_student * 2 - 1.50 € < 10.00 €",
        "gar.compliant implies hosting.secnumcloud implies evidence.tier < III",
    ];
    for case in cases {
        let text = BRIEF_PACK.replace(
            "require pricing.per_student <= max_price",
            &format!("require {case}"),
        );
        let pack = pack_from_text(&text);
        let printed = pack
            .requirements
            .iter()
            .find(|r| r.meta.id == "PRI-01")
            .map(|r| clausier_eval::print::expr_to_string(&pack, &r.require))
            .expect("PRI-01");
        assert_eq!(printed, case);
    }
}

/// `passed(ID)` reads the outcome of a requirement, which the run judges before scoring:
/// the compiled form and the reference interpreter read it alike.
#[test]
fn passed_reads_the_requirement_outcome_in_both_evaluators() {
    use clausier_check::value::{Record, Value};
    use clausier_eval::{ClauseExpr, EvalContext, reference};
    let pack = pack_from_text(
        r#"
descriptor { a11y: { rate: percent } }
requirement ACC-02 "Accessibilité" {
  level should
  require a11y.rate >= 100%
}
criterion ACC "Accessibilité" weight 100 {
  score if passed(ACC-02) then 1 else 0.5
}
"#,
    );
    let program = compile_valid(&pack);
    let data = Record::default();
    for (outcome, score) in [
        (Some(true), Some("1")),
        (Some(false), Some("0.5")),
        (None, None),
    ] {
        let context = EvalContext {
            passed: vec![outcome],
            ..EvalContext::new(jiff::civil::date(2026, 11, 28))
        };
        let expected = score.map(|n| Value::Number(decimal(n)));
        let compiled = program.evaluate(ClauseExpr::Score(0), &data, &context);
        let referenced = reference::evaluate(&pack, &pack.criteria[0].score, &data, &context);
        assert_eq!(compiled, expected, "{outcome:?}");
        assert_eq!(referenced, expected, "{outcome:?}");
    }
}

/// The clauses a report describes carry their texts with the placeholders filled with
/// the values in effect.
#[test]
fn report_clause_texts_are_filled_with_effective_values() {
    let pack = pack_from_text(
        r#"
descriptor { pricing: { per_student: money } }
param max_price: money = 6.50 €
requirement PRX-01 "Prix" {
  text "Le prix n'excède pas {max_price} HT {{par élève}}."
  note "Plafond : {max_price}."
  require pricing.per_student <= max_price
}
"#,
    );
    let infos = clausier_eval::report::clause_infos(&pack);
    assert_eq!(
        infos[0].text.as_deref(),
        Some("Le prix n'excède pas 6.50 € HT {par élève}.")
    );
    assert_eq!(infos[0].note.as_deref(), Some("Plafond : 6.50 €."));
}
