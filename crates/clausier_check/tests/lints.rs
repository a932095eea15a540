//! Warnings: unused parameters, weights that do not sum to 100, conditions and scores
//! that do not depend on the offer.

mod common;

use common::{check_in_schema, report};
use insta::assert_snapshot;

fn snapshot_of(source: &str) -> String {
    report(source, &check_in_schema(source))
}

#[test]
fn unused_parameters() {
    assert_snapshot!(snapshot_of(
        r#"
/// Used.
param max_price: money = 6 €
param min_rgaa: percent = 75%
requirement PRI-01 "price" { require pricing.per_student <= max_price }
"#
    ));
}

#[test]
fn weights_that_do_not_sum_to_100() {
    assert_snapshot!(snapshot_of(
        r#"
criterion PRIX "price" weight 40 { score lowest(pricing.per_student) / pricing.per_student }
criterion ACC "accessibility" weight 50 { score accessibility.rgaa_rate }
"#
    ));
}

#[test]
fn weights_that_sum_to_100_with_decimals() {
    let source = r#"
criterion PRIX "price" weight 33.5 { score lowest(pricing.per_student) / pricing.per_student }
criterion ACC "accessibility" weight 66.5 { score accessibility.rgaa_rate }
"#;
    assert!(!check_in_schema(source).codes().contains(&"W0502"));
}

#[test]
fn requirements_that_do_not_read_the_offer() {
    assert_snapshot!(snapshot_of(
        r#"
param max_price: money = 6 €
requirement ALW-01 "always" { require 1 < 2 }
requirement NEV-01 "never" { require max_price > 10 € }
requirement LST-01 "constant list" { require all x in [1, 2]: x > 0 and EU in [EU, EEA] }
requirement DAT-01 "reads the date" { require today > 2020-01-01 }
requirement FLD-01 "reads a field" { require hosting.region == EU or true }
requirement HAS-01 "has" { require has gar.compliant or true }
"#
    ));
}

#[test]
fn applicability_that_does_not_read_the_offer() {
    assert_snapshot!(snapshot_of(
        r#"
requirement WHE-01 "always" {
  when true
  require gar.compliant
}
requirement WHE-02 "never" {
  when count([1]) == 0
  require gar.compliant
}
"#
    ));
}

#[test]
fn constant_scores_out_of_range() {
    assert_snapshot!(snapshot_of(
        r#"
criterion A "a" weight 25 { score 1.5 }
criterion B "b" weight 25 { score 150% }
criterion C "c" weight 25 { score -1 }
criterion D "d" weight 25 { score 50% }
"#
    ));
}

#[test]
fn lints_stay_silent_on_expressions_with_errors() {
    assert_snapshot!(snapshot_of(
        r#"
param broken: money = 75%
requirement ERR-01 "error" { require broken > 1 € }
requirement ERR-02 "error" { require 1 < "2" }
criterion A "a" weight 0 { score 2 + zzz }
criterion B "b" weight 30 { score 1 }
"#
    ));
}
