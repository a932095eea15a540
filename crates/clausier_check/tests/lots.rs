//! `lots "1", "2"` in requirements and criteria: which lots of `[document]` a clause
//! applies to, and the errors of a `lots` line.

mod common;

use insta::assert_snapshot;

use common::{check, check_with_lots};

const LOTS: &[(&str, &str)] = &[
    ("1", "Espace numérique de travail (ENT)"),
    ("2", "Ressources numériques pédagogiques"),
];

const SCHEMA: &str = r#"
descriptor {
  sso: bool
  price: money
}
"#;

#[test]
fn a_clause_applies_to_the_lots_it_names_in_the_order_of_the_document() {
    let outcome = check_with_lots(
        &format!(
            r#"{SCHEMA}
requirement ENT-01 "Authentification unique" {{
  lots "2", "1"
  require sso
}}
requirement PRX-01 "Prix plafond" {{ require price <= 10 € }}
criterion PRIX "Prix" weight 100 {{
  lots "1"
  score lowest(price) / price
}}
"#
        ),
        LOTS,
    );
    let errors: Vec<&str> = outcome
        .codes()
        .into_iter()
        .filter(|code| code.starts_with('E'))
        .collect();
    assert!(errors.is_empty(), "{}", outcome.diagnostics());
    let pack = outcome.pack();
    let lots = |meta: &clausier_check::hir::ClauseMeta| meta.lots.join(",");
    assert_eq!(lots(&pack.requirements[0].meta), "1,2");
    assert_eq!(lots(&pack.requirements[1].meta), "");
    assert_eq!(lots(&pack.criteria[0].meta), "1");
    assert_eq!(pack.schema.lots.len(), 2);
}

#[test]
fn an_unknown_or_repeated_lot_is_an_error() {
    let source = format!(
        r#"{SCHEMA}
requirement ENT-01 "Authentification unique" {{
  lots "1", "3", "1"
  require sso
}}
requirement ENT-02 "Lot ENT" {{
  lots "ENT"
  require sso
}}
"#
    );
    let outcome = check_with_lots(&source, LOTS);
    assert_snapshot!(outcome.diagnostics());
}

#[test]
fn lots_in_a_pack_without_lots_is_an_error() {
    let outcome = check(&format!(
        r#"{SCHEMA}
requirement ENT-01 "Authentification unique" {{
  lots "1", "2"
  require sso
}}
"#
    ));
    assert_snapshot!(outcome.diagnostics());
}

#[test]
fn lots_is_given_once() {
    let outcome = check_with_lots(
        &format!(
            r#"{SCHEMA}
requirement ENT-01 "Authentification unique" {{
  lots "1"
  lots "2"
  require sso
}}
"#
        ),
        LOTS,
    );
    assert_eq!(outcome.codes(), ["E0402"]);
}

#[test]
fn passed_of_a_requirement_not_asked_in_the_criterion_lots_is_an_error() {
    let source = format!(
        r#"{SCHEMA}
requirement ENT-01 "Authentification unique" {{
  level should
  lots "1"
  require sso
}}
criterion SSO "Authentification" weight 20 {{
  score if passed(ENT-01) then 1 else 0
}}
criterion SSO-ENT "Authentification (ENT)" weight 20 {{
  lots "1"
  score if passed(ENT-01) then 1 else 0
}}
criterion PRIX "Prix" weight 60 {{ score lowest(price) / price }}
"#
    );
    let outcome = check_with_lots(&source, LOTS);
    assert_snapshot!(outcome.diagnostics());
}

#[test]
fn weights_sum_to_100_in_each_lot() {
    // Lot 1 is scored on QUAL (every lot) and PRIX-ENT, lot 2 on QUAL and PRIX-RES.
    let grid = |resources_price: u32| {
        format!(
            r#"{SCHEMA}
criterion QUAL "Qualité" weight 40 {{ score if sso then 1 else 0 }}
criterion PRIX-ENT "Prix (ENT)" weight 60 {{
  lots "1"
  score lowest(price) / price
}}
criterion PRIX-RES "Prix (ressources)" weight {resources_price} {{
  lots "2"
  score lowest(price) / price
}}
"#
        )
    };
    let weights_warnings = |outcome: &common::Outcome| {
        outcome
            .codes()
            .into_iter()
            .filter(|code| *code == "W0502")
            .count()
    };
    assert_eq!(weights_warnings(&check_with_lots(&grid(60), LOTS)), 0);
    let outcome = check_with_lots(&grid(50), LOTS);
    assert_eq!(weights_warnings(&outcome), 1);
    let diagnostics = outcome.diagnostics();
    let warning = diagnostics
        .split("warning[")
        .find(|part| part.starts_with("W0502"))
        .unwrap();
    assert_snapshot!(warning);
}

#[test]
fn a_descriptor_field_named_lots_is_reserved_at_the_top_only() {
    let source = r#"
descriptor {
  lots: list<string>
  catalogue: { lots: list<string> }
}
requirement CAT-01 "Catalogue" { require count(catalogue.lots) >= 1 }
"#;
    // Reserved whether the pack declares lots or not: declaring them later never
    // changes what a descriptor's `lots` key means.
    assert_snapshot!(check(source).diagnostics());
    assert_eq!(
        check_with_lots(source, LOTS).diagnostics(),
        check(source).diagnostics()
    );
}
