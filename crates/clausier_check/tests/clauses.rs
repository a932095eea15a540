//! The structure of requirements and criteria, clause ids, parameters, and what the
//! checked pack records of each clause.

mod common;

use common::{SCHEMA, check_files, check_in_schema, report};
use insta::{assert_debug_snapshot, assert_snapshot};

fn snapshot_of(source: &str) -> String {
    report(source, &check_in_schema(source))
}

#[test]
fn a_requirement_needs_require() {
    assert_snapshot!(snapshot_of(
        r#"
requirement HEB-01 "hosting" {
  level must
  text "Les données sont hébergées dans l'UE."
}
"#
    ));
}

#[test]
fn fields_given_twice() {
    assert_snapshot!(snapshot_of(
        r#"
requirement HEB-01 "hosting" {
  level must
  level should
  text "a"
  text "b"
  when gar.compliant
  when hosting.secnumcloud
  require hosting.region == EU
  require hosting.region == EEA
}
criterion PRIX "price" weight 100 {
  score 1
  score 0
}
"#
    ));
}

#[test]
fn fields_in_the_wrong_kind_of_clause() {
    assert_snapshot!(snapshot_of(
        r#"
requirement HEB-01 "hosting" {
  require hosting.region == EU
  score lowest(pricing.per_student) / pricing.per_student
}
criterion PRIX "price" weight 100 {
  level must
  when gar.compliant
  require lowest(pricing.per_student) > 0 €
  ref "CCP art. R2152-7"
  evidence "Bordereau de prix"
  score 1
}
"#
    ));
}

#[test]
fn a_criterion_needs_a_score() {
    assert_snapshot!(snapshot_of(
        r#"
criterion PRIX "price" weight 100 {
  text "Le prix"
}
"#
    ));
}

#[test]
fn weights_are_more_than_zero_and_at_most_100() {
    assert_snapshot!(snapshot_of(
        r#"
criterion A "a" weight 0 { score 1 }
criterion B "b" weight 150 { score 1 }
criterion C "c" { score 1 }
criterion D "d" weight 100 { score 1 }
"#
    ));
}

#[test]
fn clause_ids_are_unique_across_kinds_and_files() {
    let other = r#"
requirement HEB-01 "again" { require gar.compliant }
"#;
    let main = r#"
requirement HEB-01 "hosting" { require hosting.region == EU }
criterion HEB-01 "score" weight 100 { score 1 }
"#;
    let outcome = check_files(&[
        ("schema.clause", SCHEMA),
        ("main.clause", main),
        ("other.clause", other),
    ]);
    assert_snapshot!(outcome.diagnostics());
    assert_eq!(
        outcome.pack().requirements.len(),
        2,
        "duplicates are kept for the editor"
    );
}

#[test]
fn dependencies_are_not_resolved_yet() {
    assert_snapshot!(snapshot_of(
        r#"
use edtech_fr
use gar_base::{GAR-01, GAR-02 as should}
set edtech_fr::max_price = 5.50 €
"#
    ));
}

#[test]
fn parameters_do_not_shadow_fields() {
    assert_snapshot!(snapshot_of(
        r#"
param pricing: money = 6 €
param max_price: money = 6 €
param max_price: money = 7 €
requirement PRI-01 "price" { require pricing.per_student <= max_price }
"#
    ));
}

#[test]
fn parameter_values_are_constants_of_their_type() {
    assert_snapshot!(snapshot_of(
        r#"
param a: money = 75%
param b: percent = 75
param c: money = pricing.per_student
param d: date = today + 1 month
param e: number = 1 / 0
param f: Region = EUU
param g: int = 4.5
param h: money = a
param i: Regoin = EU
param j: duration = 6
param k: bool = has gar.compliant
requirement USE "use" {
  require pricing.per_student <= a and accessibility.rgaa_rate >= b and pricing.per_student <= c
    and security.iso27001_expires >= d and pricing.licences > e and hosting.region == f
    and pricing.licences > g and pricing.per_student <= h and hosting.region == i
    and reversibility.notice >= j and k == gar.compliant
}
"#
    ));
}

#[test]
fn parameter_values_are_folded() {
    let source = r#"
param max_price: money = 6.00 € * 2 - 0.50 €
param min_rgaa: percent = -(-75%)
param regions: set<Region> = [EU, EEA, EU]
param formats: list<string> = []
param ratio: number = 3
param first: date = 2026-01-31 + 1 month
param notice: duration = 2 * 6 months
param strict: bool = 1 < 2 and not false
param quorum: int = count(x in [1, 2, 3]: x >= 2)
requirement USE "use" {
  require pricing.per_student <= max_price and accessibility.rgaa_rate >= min_rgaa
    and hosting.region in regions and all f in formats: f in standards
    and pricing.licences >= ratio and security.iso27001_expires >= first
    and reversibility.notice >= notice and (strict implies hosting.secnumcloud)
    and pricing.licences >= quorum
}
"#;
    let outcome = check_in_schema(source);
    assert_eq!(outcome.diagnostics(), "no diagnostics\n");
    let pack = outcome.pack();
    let values: Vec<String> = pack
        .params
        .iter()
        .map(|p| {
            format!(
                "{}: {} = {}",
                p.name,
                p.ty.display(&pack.schema),
                p.value.display(&pack.schema)
            )
        })
        .collect();
    assert_snapshot!(values.join("\n"));
}

#[test]
fn clause_meta_is_filled() {
    let source = r#"
/// Hébergement des données.
requirement HEB-01 "Hébergement dans l'UE" {
  text "Le titulaire héberge les données dans l'UE."
  ref "RGPD art. 44"
  ref "RGPD art. 45"
  evidence "Attestation"
  require all s in subprocessors: s.region == EU and any t in subprocessors: t.name == s.name
}
requirement EVI-02 "Efficacité" {
  level should
  when gar.compliant
  require evidence.tier <= II
}
/// Le prix.
criterion PRIX "Prix" weight 100 {
  text "Note du prix."
  evidence "Bordereau"
  score count(s in subprocessors: s.region == EU) / 10
}
"#;
    let outcome = check_in_schema(source);
    // « Le titulaire » in a specification (`W0514`), a `should` requirement no criterion
    // scores (`W0509`) and without text (`W0510`), a grid ready to publish without an
    // environmental criterion (`W0506`) nor execution condition (`W0513`).
    assert_eq!(
        outcome.codes(),
        ["W0514", "W0509", "W0510", "W0506", "W0513"]
    );
    let pack = outcome.pack();
    let summary: Vec<String> = pack
        .requirements
        .iter()
        .map(|r| {
            let m = &r.meta;
            format!(
                "requirement {} {:?} level={} locals={} when={} docs={:?} text={:?} refs={:?} evidence={:?} pack={} origin=`{}` span={}..",
                m.id,
                m.title,
                r.level.as_str(),
                r.locals,
                r.when.is_some(),
                m.docs,
                m.text.as_ref().map(|t| &t.source),
                m.refs,
                m.evidence,
                m.pack,
                outcome.text_at(m.origin.file, m.origin.span),
                &outcome.text_at(m.origin.file, m.span).chars().take(20).collect::<String>(),
            )
        })
        .chain(pack.criteria.iter().map(|c| {
            let m = &c.meta;
            format!(
                "criterion {} {:?} weight={} locals={} docs={:?} text={:?} evidence={:?}",
                m.id,
                m.title,
                c.weight,
                c.locals,
                m.docs,
                m.text.as_ref().map(|t| &t.source),
                m.evidence
            )
        }))
        .collect();
    assert_snapshot!(summary.join("\n"));
}

#[test]
fn tests_are_collected() {
    let source = r#"
requirement HEB-01 "hosting" { require hosting.region == EU }
test "eligible" {
  given { hosting: { region: "EU" } }
  expect eligible
  expect pass HEB-01
}
test "from a file" {
  given "vendor.json"
  expect fail HEB-01
}
"#;
    let outcome = check_in_schema(source);
    assert_eq!(outcome.diagnostics(), "no diagnostics\n");
    let tests: Vec<(&str, usize)> = outcome
        .pack()
        .tests
        .iter()
        .map(|t| (t.decl.name.value.as_str(), t.decl.expects.len()))
        .collect();
    assert_debug_snapshot!(tests);
}
