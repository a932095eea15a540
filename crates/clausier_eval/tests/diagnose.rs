//! `diagnose` on a small inventory: indicators over all the valid entries and per group
//! (an enum's every variant, strings in code-point order, the entries without the field
//! last), shares, risks with their priorities and ranks, and the entries left out.

use clausier_check::value::Value;
use clausier_data::descriptor::Descriptor;
use clausier_data::load::{Format, LoadOptions, load_text};
use clausier_diagnostics::{FileId, SourceFile, SourceMap};
use clausier_eval::diagnosis::{Diagnosis, GroupKey, IndicatorResult};
use clausier_eval::report::PackInfo;
use clausier_eval::{RunOptions, compile, diagnose};
use rust_decimal::Decimal;

const PACK: &str = r#"
enum Category { BUREAUTIQUE, VISIO, SERVEURS }
enum Jurisdiction { UE, HORS_UE }
descriptor {
  category: Category
  annual_spend: money
  supplier: { name: string, jurisdiction: Jurisdiction }
  criticality: int
  contract_end: date
  lock_in: set<string>
}
param fenetre: duration = 1 year
param categories: map<Category, list<string>> = {
  BUREAUTIQUE: ["office", "word-processor"], VISIO: ["video-conferencing"], SERVEURS: []
}

indicator DEPENSE "Dépense par catégorie" {
  text "Fenêtre de {fenetre}."
  value sum(e in entries: e.annual_spend)
  by category
}
indicator FOURNISSEURS "Lignes par fournisseur" {
  value count(entries)
  by supplier.name
}
indicator MATRICE "Catégorie et droit" {
  value count(entries)
  by category, supplier.jurisdiction
}
indicator PART "Part hors UE" {
  value share(e in entries: e.supplier.jurisdiction == HORS_UE, e.annual_spend)
}
indicator MOYENNE "Criticité moyenne" {
  value mean(e in entries: e.criticality)
  by category
}
indicator FIN "Dernière fin de contrat" {
  value max(e in entries: e.contract_end)
}
indicator RIEN "Part d'un total nul" {
  value share(e in entries: true, e.annual_spend - e.annual_spend)
}
risk RISQUE "Risque" {
  value criticality + count(lock_in)
  spend annual_spend
  ends contract_end
  window fenetre
  alternatives categories[category]
}
"#;

/// One line per entry: id, category, spend, supplier, jurisdiction, criticality, end.
const INVENTORY: &str = r#"{"id": "a", "category": "BUREAUTIQUE", "annual_spend": 100, "supplier": {"name": "Zeta", "jurisdiction": "HORS_UE"}, "criticality": 2, "contract_end": "2027-03-01", "lock_in": ["format"]}
{"id": "b", "category": "BUREAUTIQUE", "annual_spend": 300, "supplier": {"name": "Alpha", "jurisdiction": "UE"}, "criticality": 1, "contract_end": "2028-06-01", "lock_in": []}
{"id": "c", "category": "VISIO", "annual_spend": 200, "supplier": {"name": "Élan", "jurisdiction": "HORS_UE"}, "criticality": 3, "contract_end": "2030-01-01", "lock_in": []}
{"id": "d", "category": "VISIO", "annual_spend": 150, "supplier": {"jurisdiction": "UE"}, "criticality": 3, "lock_in": []}
{"id": "e", "category": "NOPE", "annual_spend": 999}
{"id": "f", "category": "BUREAUTIQUE", "annual_spend": 100, "supplier": {"name": "Zeta", "jurisdiction": "HORS_UE"}, "criticality": 2, "contract_end": "2026-01-01", "lock_in": ["format"]}
"#;

fn diagnosis(jobs: usize) -> Diagnosis {
    let mut sources = SourceMap::new();
    let id: FileId = sources.add(SourceFile::new("pack.clause", PACK));
    let parse = clausier_syntax::parse(id, PACK);
    assert!(parse.diagnostics.is_empty(), "{:?}", parse.diagnostics);
    let checked = clausier_check::check_pack("inventaire", &[(id, &parse.ast)]);
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    let entries: Vec<Descriptor> = load_text(
        &checked.pack.schema,
        "inventaire.ndjson",
        INVENTORY,
        Format::Ndjson,
        &LoadOptions::default(),
    );
    let Some(valid) = checked.valid() else {
        unreachable!("asserted above: the pack has no error");
    };
    let program = compile(valid);
    let info = PackInfo {
        name: "inventaire".to_owned(),
        version: "1.0.0".to_owned(),
        hash: "sha256:0".to_owned(),
    };
    let options = RunOptions::new(jiff::civil::date(2026, 12, 5), jobs);
    diagnose(&program, info, &entries, &options)
}

fn indicator<'d>(diagnosis: &'d Diagnosis, id: &str) -> &'d IndicatorResult {
    let found = diagnosis.indicators.iter().find(|i| i.item.id == id);
    found.unwrap_or_else(|| unreachable!("the pack declares `{id}`"))
}

fn money(text: &str) -> Option<Value> {
    Some(Value::Money(text.parse().unwrap_or_default()))
}

fn count(n: i64) -> Option<Value> {
    Some(Value::Number(Decimal::from(n)))
}

fn key(name: &str) -> GroupKey {
    GroupKey::Variant(name.to_owned())
}

#[test]
fn invalid_entries_are_left_out_and_the_report_is_runs() {
    let diagnosis = diagnosis(1);
    assert_eq!(diagnosis.left_out, [4]);
    assert_eq!(diagnosis.report.descriptors.len(), 6);
}

#[test]
fn a_grouped_sum_gives_every_variant_its_total_and_share() {
    let diagnosis = diagnosis(1);
    let spend = indicator(&diagnosis, "DEPENSE");
    assert_eq!(spend.total.value, money("850"));
    assert_eq!(spend.item.text.as_deref(), Some("Fenêtre de 1 year."));
    let groups: Vec<_> = spend
        .groups
        .iter()
        .map(|g| (g.keys.clone(), g.value.value.clone(), g.share, g.entries))
        .collect();
    assert_eq!(
        groups,
        [
            (
                vec![key("BUREAUTIQUE")],
                money("500"),
                "500"
                    .parse::<Decimal>()
                    .ok()
                    .and_then(|p| p.checked_div(Decimal::from(850))),
                3
            ),
            (
                vec![key("VISIO")],
                money("350"),
                Decimal::from(350).checked_div(Decimal::from(850)),
                2
            ),
            // A variant no entry has: the sum over no entry.
            (vec![key("SERVEURS")], money("0"), Some(Decimal::ZERO), 0),
        ]
    );
    assert_eq!(spend.grouping[0].enum_name.as_deref(), Some("Category"));
}

#[test]
fn strings_group_in_code_point_order_and_absent_last() {
    let diagnosis = diagnosis(1);
    let suppliers = indicator(&diagnosis, "FOURNISSEURS");
    let keys: Vec<_> = suppliers
        .groups
        .iter()
        .map(|g| (g.keys[0].clone(), g.entries))
        .collect();
    assert_eq!(
        keys,
        [
            (GroupKey::Text("Alpha".to_owned()), 1),
            (GroupKey::Text("Zeta".to_owned()), 2),
            (GroupKey::Text("Élan".to_owned()), 1),
            (GroupKey::Absent, 1),
        ]
    );
    assert_eq!(suppliers.grouping[0].enum_name, None);
}

#[test]
fn two_fields_make_a_matrix_first_field_major() {
    let diagnosis = diagnosis(1);
    let matrix = indicator(&diagnosis, "MATRICE");
    let cells: Vec<_> = matrix
        .groups
        .iter()
        .map(|g| (g.keys.clone(), g.value.value.clone()))
        .collect();
    assert_eq!(
        cells,
        [
            (vec![key("BUREAUTIQUE"), key("UE")], count(1)),
            (vec![key("BUREAUTIQUE"), key("HORS_UE")], count(2)),
            (vec![key("VISIO"), key("UE")], count(1)),
            (vec![key("VISIO"), key("HORS_UE")], count(1)),
            (vec![key("SERVEURS"), key("UE")], count(0)),
            (vec![key("SERVEURS"), key("HORS_UE")], count(0)),
        ]
    );
}

#[test]
fn a_weighted_share_is_a_percent_of_the_weights() {
    let diagnosis = diagnosis(1);
    let share = indicator(&diagnosis, "PART");
    // 100 + 200 + 100 of 850.
    let expected = Decimal::from(40000)
        .checked_div(Decimal::from(850))
        .map(|p| p.normalize());
    assert_eq!(share.total.value, expected.map(Value::Percent));
    assert!(share.groups.is_empty());
}

#[test]
fn a_mean_over_no_entry_is_unknown_and_shares_nothing() {
    let diagnosis = diagnosis(1);
    let mean = indicator(&diagnosis, "MOYENNE");
    let last = mean
        .groups
        .last()
        .unwrap_or_else(|| unreachable!("three groups"));
    assert_eq!(last.keys, [key("SERVEURS")]);
    assert_eq!(last.value.value, None);
    assert_eq!(last.value.missing, ["aggregate of an empty list"]);
    assert_eq!(last.share, None);
}

#[test]
fn risks_rank_by_score_spend_and_nearness_and_name_what_is_missing() {
    let diagnosis = diagnosis(1);
    let risk = &diagnosis.risks[0];
    let rows: Vec<_> = risk
        .entries
        .iter()
        .map(|e| {
            (
                e.entry,
                e.score.map(|d| d.normalize().to_string()),
                e.nearness.map(|d| d.normalize().to_string()),
                e.priority.map(|d| d.normalize().to_string()),
                e.rank,
                e.missing.clone(),
            )
        })
        .collect();
    let s = |text: &str| Some(text.to_owned());
    assert_eq!(
        rows,
        [
            // Ends within the year: nearness 1; 3 × 100 × 1.
            (0, s("3"), s("1"), s("300"), Some(1), vec![]),
            // Within two years: 1/2; 1 × 300 × 0.5.
            (1, s("1"), s("0.5"), s("150"), Some(3), vec![]),
            // Beyond: 1/4; 3 × 200 × 0.25.
            (2, s("3"), s("0.25"), s("150"), Some(3), vec![]),
            // No contract end: listed, unranked, with the missing field.
            (3, s("3"), None, None, None, vec!["contract_end".to_owned()]),
            // Already ended: nearness 1, tied with the first.
            (5, s("3"), s("1"), s("300"), Some(1), vec![]),
        ]
    );
    assert_eq!(risk.entries[0].alternatives, ["office", "word-processor"]);
    assert_eq!(risk.entries[0].spend, Some(Decimal::from(100)));
}

#[test]
fn the_diagnosis_is_the_same_whatever_the_number_of_threads() {
    assert_eq!(diagnosis(1), diagnosis(4));
}

#[test]
fn an_unknown_indicator_names_the_entries_and_fields_or_the_reason() {
    let diagnosis = diagnosis(1);
    let end = indicator(&diagnosis, "FIN");
    assert_eq!(end.total.value, None);
    assert_eq!(end.total.missing, ["d: contract_end"]);
    let nothing = indicator(&diagnosis, "RIEN");
    assert_eq!(nothing.total.value, None);
    assert_eq!(nothing.total.missing, ["share of a zero total"]);
}
