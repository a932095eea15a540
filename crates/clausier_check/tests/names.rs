//! Name resolution: variables, descriptor fields, parameters, enum variants, and the
//! "did you mean" of each kind of miss.

mod common;

use common::{SCHEMA, check_files, check_in_schema, render_symbols, report};
use insta::assert_snapshot;

fn snapshot_of(source: &str) -> String {
    report(source, &check_in_schema(source))
}

#[test]
fn unknown_field_suggests_the_nearest_field() {
    assert_snapshot!(snapshot_of(
        r#"
requirement HEB-01 "hosting" {
  require hosting.regoin == EU
}
"#
    ));
}

#[test]
fn unknown_field_without_a_near_miss_lists_the_fields() {
    assert_snapshot!(snapshot_of(
        r#"
requirement HEB-01 "hosting" {
  require hosting.datacenter == "Paris"
}
"#
    ));
}

#[test]
fn a_field_of_a_list_points_to_quantifiers() {
    assert_snapshot!(snapshot_of(
        r#"
requirement SUB-01 "subprocessors" {
  require subprocessors.region == EU
}
"#
    ));
}

#[test]
fn a_field_of_a_value_that_is_not_a_record() {
    assert_snapshot!(snapshot_of(
        r#"
param max_price: money = 6 €
requirement PRI-01 "price" {
  require pricing.per_student.amount <= max_price.amount and hosting.region.code == "EU"
}
"#
    ));
}

#[test]
fn unknown_name_suggests_fields_parameters_and_variables() {
    assert_snapshot!(snapshot_of(
        r#"
param max_price: money = 6 €
requirement PRI-01 "price" {
  require pricing.per_student <= max_prce and hostng.secnumcloud
    and all sub in subprocessors: su.region == EU
}
"#
    ));
}

#[test]
fn unknown_name_with_nothing_near() {
    assert_snapshot!(snapshot_of(
        r#"
requirement X-01 "x" {
  require zzz
}
"#
    ));
}

#[test]
fn unknown_variants_suggest_and_list_the_variants() {
    assert_snapshot!(snapshot_of(
        r#"
requirement HEB-01 "hosting" {
  require hosting.region == EUU or hosting.region == Region.Eu or evidence.tier <= Tier.V
}
"#
    ));
}

#[test]
fn an_enum_is_not_a_value() {
    assert_snapshot!(snapshot_of(
        r#"
requirement HEB-01 "hosting" {
  require hosting.region == Region
}
"#
    ));
}

#[test]
fn ambiguous_variants_need_their_enum() {
    let source = r#"
enum Zone { EU, US }
requirement HEB-01 "hosting" {
  require hosting.region == EU and EU == hosting.region and Zone.EU != Zone.US
}
requirement HEB-02 "somewhere" {
  require count([EU]) > 1 and count([EU, OTHER]) == 2
}
"#;
    let outcome = check_in_schema(source);
    assert_snapshot!(report(source, &outcome));
    assert_snapshot!(
        "ambiguous_variants_resolved_by_context",
        outcome.require_of("HEB-01")
    );
}

#[test]
fn bare_variants_take_their_enum_from_the_other_operand() {
    let source = r#"
requirement ENUMS "enums" {
  require hosting.region == EU
    and OTHER != hosting.region
    and evidence.tier <= II
    and hosting.region in [EU, EEA]
    and all s in subprocessors: s.region in [EU, ADEQUATE]
    and EU in [hosting.region]
    and (if hosting.secnumcloud then EU else OTHER) == hosting.region
}
requirement LISTS "empty lists" {
  require standards != [] and [] != standards and not ("ISO" in [])
}
"#;
    let outcome = check_in_schema(source);
    assert_eq!(outcome.diagnostics(), "no diagnostics\n");
    assert_snapshot!(format!(
        "{}\n{}",
        outcome.require_of("ENUMS"),
        outcome.require_of("LISTS")
    ));
}

#[test]
fn variables_shadow_fields_and_resolve_to_their_elements() {
    let source = r#"
requirement SUB-01 "subprocessors" {
  require all hosting in subprocessors: hosting.region == EU and any s in subprocessors: s.name == hosting.name
}
"#;
    let outcome = check_in_schema(source);
    assert_eq!(outcome.diagnostics(), "no diagnostics\n");
    assert_snapshot!(outcome.require_of("SUB-01"));
    assert_eq!(outcome.pack().requirements[0].locals, 2);
}

#[test]
fn symbols_record_definitions_and_every_resolved_name() {
    let source = r#"
enum Zone { NORTH, SOUTH }
type Site = { zone: Zone }
descriptor { sites: list<Site> }
param min_sites: int = 2
requirement SIT-01 "sites" {
  require count(s in sites: s.zone == Zone.NORTH) >= min_sites and hosting.region == EU
}
test "t" {
  given "vendor.json"
  expect pass SIT-01
}
"#;
    let outcome = check_files(&[("schema.clause", SCHEMA), ("main.clause", source)]);
    assert_eq!(outcome.diagnostics(), "no diagnostics\n");
    assert_snapshot!(render_symbols(&outcome, "main.clause"));
}

#[test]
fn a_name_typed_with_a_combining_accent_is_the_name_typed_with_its_letter() {
    // `délai` and `prix_élève` declared composed (é), read decomposed (e + U+0301), in an
    // expression and in a placeholder.
    let source = "descriptor {\n  d\u{e9}lai: int\n}\n\n\
                  param prix_\u{e9}l\u{e8}ve: int = 3\n\n\
                  requirement R-01 \"D\u{e9}lai\" {\n  \
                  text \"Au plus {prix_e\u{301}le\u{300}ve} jours.\"\n  \
                  require de\u{301}lai <= prix_e\u{301}le\u{300}ve\n}\n";
    let outcome = common::check(source);
    assert!(
        outcome.codes().iter().all(|code| !code.starts_with('E')),
        "{}",
        outcome.diagnostics()
    );
    assert!(
        !outcome.codes().contains(&"W0501"),
        "{}",
        outcome.diagnostics()
    );
}
