//! Typing: conditions, comparisons, arithmetic, collections, `has`, aggregates, and the
//! typed tree the evaluator receives.

mod common;

use common::{check_in_schema, report};
use insta::assert_snapshot;

fn snapshot_of(source: &str) -> String {
    report(source, &check_in_schema(source))
}

#[test]
fn conditions_must_be_bool() {
    assert_snapshot!(snapshot_of(
        r#"
requirement ACC-01 "accessibility" {
  when pricing.per_student
  require accessibility.rgaa_rate
}
requirement SUB-01 "subprocessors" {
  require not hosting.country or subprocessors and (if hosting.region then true else false)
}
requirement SUB-02 "filters" {
  require any s in subprocessors: s.region and count(s in subprocessors: s.name) > 0
}
"#
    ));
}

#[test]
fn comparisons_of_different_types_suggest_the_right_literal() {
    assert_snapshot!(snapshot_of(
        r#"
requirement CMP-01 "units" {
  require accessibility.rgaa_rate >= 75 €
    and accessibility.rgaa_rate >= 75
    and pricing.per_student <= 6
    and reversibility.notice >= 30
    and hosting.region == "EU"
    and security.iso27001_expires > "2026-12-01"
    and 0.8 <= accessibility.rgaa_rate
    and hosting.country == hosting.secnumcloud
}
"#
    ));
}

#[test]
fn ordering_needs_ordered_types() {
    assert_snapshot!(snapshot_of(
        r#"
requirement ORD-01 "order" {
  require hosting.secnumcloud < true and hosting.country >= "M" and pricing.licences >= 2.5
}
"#
    ));
}

#[test]
fn arithmetic_names_the_operator_and_both_types() {
    assert_snapshot!(snapshot_of(
        r#"
requirement ARI-01 "arithmetic" {
  require accessibility.rgaa_rate + pricing.per_student > 0%
    and hosting.country * 2 == "x"
    and -hosting.country == "x"
    and security.iso27001_expires + 30 > today
    and pricing.per_student - 1 > 0 €
    and accessibility.rgaa_rate - 5 > 0%
}
"#
    ));
}

#[test]
fn a_date_moved_by_written_hours_is_refused() {
    assert_snapshot!(snapshot_of(
        r#"
requirement EXP-01 "expiry" {
  require security.iso27001_expires >= today + 24 hours
    and security.iso27001_expires - 90 minutes < today
    and security.iso27001_expires >= today + 1 day
    and security.iso27001_expires >= today + reversibility.notice
    and reversibility.notice <= 48 hours
}
"#
    ));
}

#[test]
fn collections_are_needed_by_in_all_any_and_count() {
    assert_snapshot!(snapshot_of(
        r#"
requirement COL-01 "collections" {
  require "x" in hosting.country
    and all x in pricing.licences: x > 0
    and any r in hosting.region: r == EU
    and count(hosting) > 0
    and 3 in standards
    and EU in ["EU", "EEA"]
    and hosting.region in ["EU"]
}
"#
    ));
}

#[test]
fn scores_are_numbers_or_percents() {
    assert_snapshot!(snapshot_of(
        r#"
criterion PRIX "price" weight 50 {
  score pricing.per_student
}
criterion SEC "security" weight 30 {
  score hosting.secnumcloud
}
criterion TAG "tags" weight 20 {
  score standards
}
"#
    ));
}

#[test]
fn aggregates_only_in_criterion_scores() {
    assert_snapshot!(snapshot_of(
        r#"
requirement PRI-01 "price" {
  require pricing.per_student <= lowest(pricing.per_student) * 2
}
criterion PRIX "price" weight 100 {
  score if lowest(hosting.country) == "x" then highest(3) else highest(accessibility.rgaa_rate) / 100%
}
criterion SUB "subprocessors" weight 0.5 {
  score count(s in subprocessors: lowest(s.name) == "a")
}
"#
    ));
}

#[test]
fn has_needs_a_field() {
    assert_snapshot!(snapshot_of(
        r#"
param max_price: money = 6 €
requirement HAS-01 "has" {
  require has max_price and has EU and all s in subprocessors: has s
}
requirement HAS-02 "has fields" {
  require has security.iso27001_expires and all s in subprocessors: has s.region
}
"#
    ));
}

#[test]
fn if_branches_must_agree() {
    assert_snapshot!(snapshot_of(
        r#"
criterion PRIX "price" weight 100 {
  score if hosting.secnumcloud then pricing.per_student else 50%
}
"#
    ));
}

#[test]
fn lists_hold_one_type() {
    assert_snapshot!(snapshot_of(
        r#"
requirement LST-01 "list" {
  require hosting.country in ["FR", 3, true]
}
"#
    ));
}

#[test]
fn typed_trees() {
    let source = r#"
param min_rgaa: percent = 75%
requirement SEC-01 "security" {
  require security.iso27001 and security.iso27001_expires >= today + 12 months
}
requirement SUB-01 "subprocessors" {
  require count(s in subprocessors: s.region != EU) <= 2 implies has hosting.secnumcloud
}
requirement NUM-01 "numbers" {
  require pricing.licences / 2 > 1.5 and -accessibility.rgaa_rate < min_rgaa * 2
}
criterion PRIX "price" weight 60 {
  score lowest(pricing.per_student) / pricing.per_student
}
criterion ACC "accessibility" weight 40 {
  score if accessibility.rgaa_rate >= min_rgaa then accessibility.rgaa_rate else highest(accessibility.rgaa_rate) - lowest(accessibility.rgaa_rate) - 100%
}
"#;
    let outcome = check_in_schema(source);
    assert!(!outcome.checked.has_errors(), "{}", outcome.diagnostics());
    let trees = [
        outcome.require_of("SEC-01"),
        outcome.require_of("SUB-01"),
        outcome.require_of("NUM-01"),
        outcome.score_of("PRIX"),
        outcome.score_of("ACC"),
    ];
    assert_snapshot!(trees.join("\n"));
    assert_eq!(
        outcome.pack().aggregates.len(),
        3,
        "equal aggregates are shared"
    );
}

#[test]
fn errors_do_not_cascade() {
    // One error each: the unknown name, not the comparison, the `and` or the lint
    // on constant conditions.
    assert_snapshot!(snapshot_of(
        r#"
requirement ONE-01 "one" {
  require hostng.region == EU and hosting.region == Regoin.EU
}
requirement ONE-02 "two" {
  require (accessibility.rgaa_rate + pricing.per_student) > 5% and count(nothing) > 0
}
"#
    ));
}

#[test]
fn list_aggregates_type_their_values() {
    let source = r#"
requirement AGG-01 "aggregates" {
  require mean(s in subprocessors: s.name) == "a"
    and sum(standards) > 0
    and max(s in subprocessors: s.region) == EU
    and min(s in subprocessors: s.regoin) == EU
    and sum(hosting) > 0
}
"#;
    assert_snapshot!(snapshot_of(source));
}

#[test]
fn list_aggregates_give_the_type_of_their_values() {
    let source = r#"
param rates: list<percent> = [80%, 90%]
param licences: list<int> = [1, 2]
requirement AGG-02 "aggregates" {
  require mean(rates) >= 85% and mean(licences) == 1.5 and sum(licences) == 3
    and max(s in subprocessors: s.region) == EU and min(rates) < 85%
}
"#;
    let outcome = check_in_schema(source);
    assert!(!outcome.checked.has_errors(), "{}", outcome.diagnostics());
    assert_snapshot!(outcome.require_of("AGG-02"));
}

#[test]
fn text_functions_read_a_text_and_a_literal_pattern() {
    let source = r#"
param scheme: string = "^https://"
requirement TXT-01 "text functions" {
  require matches(hosting.country, "^(FR")
    and matches(hosting.country, scheme)
    and siret(pricing.licences)
    and uai(hosting.country, "x")
    and matches(hosting.country, "(a{1000}){1000}")
    and siren(hosting.country)
    and avg(standards) > 0
}
"#;
    assert_snapshot!(snapshot_of(source));
}

#[test]
fn text_functions_are_conditions() {
    let source = r#"
requirement TXT-02 "text functions" {
  require siret(hosting.country) and uai(hosting.country)
    and https_url(hosting.country) and not matches(hosting.country, "^[A-Z]{2}$")
}
"#;
    let outcome = check_in_schema(source);
    assert!(!outcome.checked.has_errors(), "{}", outcome.diagnostics());
    assert_snapshot!(outcome.require_of("TXT-02"));
}

#[test]
fn times_of_day_compare_with_times_only() {
    assert_snapshot!(snapshot_of(
        r#"
param ouverture: time = 08:00
param fermeture: time = 18:30
requirement HOR-01 "hours" {
  require ouverture < fermeture and fermeture != 23:59
    and ouverture >= 8
    and ouverture <= today
    and ouverture + 1 hour > fermeture
}
"#
    ));
}

#[test]
fn dates_and_times_move_by_durations_and_compare_with_dates_and_times_only() {
    assert_snapshot!(snapshot_of(
        r#"
param lancement: datetime = 2027-01-04T08:30
requirement INC-01 "incident" {
  require lancement + 48 hours > lancement and lancement - lancement <= 4 hours
    and 1 day + lancement >= 2027-01-04T08:30
    and lancement >= 2027-01-04
    and lancement < 08:30
    and lancement + 1 < lancement
}
"#
    ));
}

#[test]
fn weekdays_are_a_builtin_enum_named_in_french() {
    assert_snapshot!(snapshot_of(
        r#"
param jours: set<weekday> = [lundi, monday]
enum weekday { a }
requirement DAY-01 "jours" {
  require weekday(today) in jours and weekday(2027-01-04) == lundi
    and weekday(1) == mardi
    and weekday(today, today) == weekday.samedi
}
"#
    ));
}

#[test]
fn business_durations_take_datetimes_days_and_hours_that_open_before_they_close() {
    assert_snapshot!(snapshot_of(
        r#"
param ouvre: time = 18:00
requirement BUS-01 "heures ouvrées" {
  require business_duration(2027-01-08T17:00, 2027-01-11T09:00, [lundi, vendredi], 08:00, 18:00) == 2 hours
    and business_duration(2027-01-08T17:00, 2027-01-11T09:00, [lundi], 18:00, 08:00) > 0 hours
    and business_duration(2027-01-08, 2027-01-11T09:00, ["lundi"], 8, 18:00) > 0 hours
    and business_duration(2027-01-08T17:00) > 0 hours
    and business_duration(2027-01-08T17:00, 2027-01-11T09:00, [lundi], ouvre, 08:00) > 0 hours
}
"#
    ));
}
