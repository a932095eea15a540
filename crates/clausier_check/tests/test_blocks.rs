//! What the checker says of `test` blocks: each needs a `given` and an `expect`, and every
//! requirement an `expect` names must exist (a criterion has no status to expect).

mod common;

use common::{check_in_schema, report};
use insta::assert_snapshot;

fn snapshot_of(source: &str) -> String {
    report(source, &check_in_schema(source))
}

#[test]
fn expected_requirements_must_exist() {
    assert_snapshot!(snapshot_of(
        r#"
requirement HEB-01 "hosting" { require hosting.region == EU }
requirement SEC-01 "security" { require security.iso27001 }
criterion PRIX "price" weight 100 { score lowest(pricing.per_student) / pricing.per_student }
test "a typo" {
  given { hosting: { region: "EU" } }
  expect pass HEB-1
  expect fail GAR-07
  expect missing SEC-01
}
test "a criterion" {
  given { hosting: { region: "EU" } }
  expect pass PRIX
}
"#
    ));
}

#[test]
fn a_test_needs_a_descriptor_and_an_expectation() {
    assert_snapshot!(snapshot_of(
        r#"
requirement HEB-01 "hosting" { require hosting.region == EU }
test "nothing given" {
  expect pass HEB-01
}
test "nothing expected" {
  given { hosting: { region: "EU" } }
}
"#
    ));
}

#[test]
fn expected_requirements_are_linked_to_their_clause() {
    let outcome = check_in_schema(
        r#"
requirement HEB-01 "hosting" { require hosting.region == EU }
test "linked" {
  given "offer.json"
  expect fail HEB-01
}
"#,
    );
    assert_eq!(outcome.diagnostics(), "no diagnostics\n");
    let linked = outcome
        .pack()
        .symbols
        .iter()
        .filter(|symbol| {
            !symbol.is_definition
                && symbol.symbol == clausier_check::hir::Symbol::Clause("HEB-01".to_owned())
        })
        .count();
    assert_eq!(linked, 1);
}

#[test]
fn with_many_requirements_and_nothing_near_no_list_is_given() {
    let mut source = String::new();
    for index in 0..13 {
        source.push_str(&format!(
            "requirement R-{index:02} \"r\" {{ require hosting.secnumcloud }}\n"
        ));
    }
    source.push_str("test \"t\" {\n  given {}\n  expect pass ZZZZZZ\n}\n");
    let outcome = check_in_schema(&source);
    let diagnostics = outcome.diagnostics();
    assert!(
        diagnostics.contains("unknown requirement `ZZZZZZ` in a test"),
        "{diagnostics}"
    );
    assert!(!diagnostics.contains("note:"), "{diagnostics}");
}
