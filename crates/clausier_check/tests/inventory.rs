//! Indicators over a whole inventory and per-entry risks: `entries` only in an
//! indicator's `value` (E0324), grouping fields (E0325), fields of one entry outside an
//! aggregate (E0326), the types of a risk's lines (E0301), `value` required (E0411), and
//! ids shared with the clauses (E0205).

mod common;

use common::{check_files, render_texpr, report};
use insta::assert_snapshot;

const INVENTORY: &str = r#"
enum Category { BUREAUTIQUE, VISIO, SERVEURS }
enum Jurisdiction { UE, HORS_UE }
enum Criticality { VITALE, IMPORTANTE, SECONDAIRE }
descriptor {
  name: string
  category: Category
  annual_spend: money
  supplier: { name: string, jurisdiction: Jurisdiction }
  criticality: Criticality
  contract_end: date
  lock_in: set<string>
  users: int
}
param poids: map<Criticality, int> = { VITALE: 3, IMPORTANTE: 2, SECONDAIRE: 1 }
param fenetre: duration = 18 months
param categories: map<Category, list<string>> = {
  BUREAUTIQUE: ["office"], VISIO: ["video-conferencing"], SERVEURS: []
}
"#;

/// Checks `items` as `main.clause` beside the inventory's schema, so that positions in
/// the snapshot are those of the snippet.
fn snapshot_of(items: &str) -> String {
    report(
        items,
        &check_files(&[("schema.clause", INVENTORY), ("main.clause", items)]),
    )
}

#[test]
fn indicators_and_risks_are_typed() {
    let items = r#"
indicator DEPENSE "Dépense par catégorie" {
  value sum(e in entries: e.annual_spend)
  by category
}
indicator MATRICE "Matrice" {
  value count(entries)
  by criticality, supplier.jurisdiction
}
indicator PART "Part hors UE" {
  value share(e in entries: e.supplier.jurisdiction == HORS_UE, e.annual_spend)
}
indicator VITAUX "Services vitaux" {
  value share(e in entries: e.criticality == VITALE)
}
risk RISQUE "Risque" {
  value poids[criticality] + (if supplier.jurisdiction == HORS_UE then 3 else 0) + count(lock_in)
  spend annual_spend
  ends contract_end
  window fenetre
  alternatives categories[category]
}
"#;
    let outcome = check_files(&[("schema.clause", INVENTORY), ("main.clause", items)]);
    assert_eq!(outcome.diagnostics(), "no diagnostics\n");
    let pack = outcome.pack();
    let mut out = String::new();
    for indicator in &pack.indicators {
        let by: Vec<String> = indicator
            .grouping
            .iter()
            .map(|g| format!("{}:{}", g.field.text, g.ty.display(&pack.schema)))
            .collect();
        out.push_str(&format!(
            "indicator {} = {} by [{}]\n",
            indicator.meta.id,
            render_texpr(pack, &indicator.value),
            by.join(", ")
        ));
    }
    for risk in &pack.risks {
        let line = |e: &Option<clausier_check::hir::TExpr>| {
            e.as_ref().map_or("-".to_owned(), |e| render_texpr(pack, e))
        };
        out.push_str(&format!(
            "risk {} = {}\n  spend {}\n  ends {}\n  window {}\n  alternatives {}\n",
            risk.meta.id,
            render_texpr(pack, &risk.value),
            line(&risk.spend),
            line(&risk.ends),
            line(&risk.window),
            line(&risk.alternatives),
        ));
    }
    assert_snapshot!(out);
}

#[test]
fn entries_in_a_per_entry_rule_is_an_error_located_at_entries() {
    assert_snapshot!(snapshot_of(
        r#"
requirement R-01 "Part" {
  require count(e in entries: e.users > 10) > 2
}
criterion C-01 "Critère" weight 10 {
  score sum(e in entries: e.users)
}
risk RISQUE "Risque" {
  value count(entries)
}
param total: int = count(entries)
"#
    ));
}

#[test]
fn grouping_fields_must_be_enums_or_strings() {
    assert_snapshot!(snapshot_of(
        r#"
indicator A "Par dépense" {
  value count(entries)
  by annual_spend
}
indicator B "Par fenêtre" {
  value count(entries)
  by fenetre
}
indicator C "Trois champs" {
  value count(entries)
  by category, criticality, name
}
"#
    ));
}

#[test]
fn a_field_of_one_entry_outside_an_aggregate_is_an_error() {
    assert_snapshot!(snapshot_of(
        r#"
indicator A "Dépense" {
  value annual_spend + sum(e in entries: e.annual_spend)
}
indicator B "Dépense" {
  value sum(e in entries: annual_spend)
}
"#
    ));
}

#[test]
fn the_lines_of_a_risk_have_their_types() {
    assert_snapshot!(snapshot_of(
        r#"
risk RISQUE "Risque" {
  value name
  spend users
  ends fenetre
  window contract_end
  alternatives category
}
indicator I "Sans valeur" {
  by category
  spend annual_spend
}
risk S "Part" {
  value 1
  by category
}
indicator P "Poids" {
  value share(e in entries: true, e.name)
}
requirement R-01 "Même id" {
  require users > 1
}
risk R-01 "Même id" {
  value 1
}
"#
    ));
}

#[test]
fn lines_of_a_tender_are_refused_in_indicators_and_risks() {
    assert_snapshot!(snapshot_of(
        r#"
indicator I "Indicateur" {
  level info
  evidence "Attestation"
  value count(entries)
}
risk R "Risque" {
  when users > 1
  evidence contract_end "Contrat"
  value 1
}
"#
    ));
}
