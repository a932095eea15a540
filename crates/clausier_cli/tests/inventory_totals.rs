//! The inventory of `examples/autodiagnostic`, read by a reader that knows nothing of
//! Clausier (Python's csv module and exact decimals), gives exactly the spending of the
//! document it illustrates (« TIE Break : trajectoire d'indépendance numérique
//! européenne », Banque des Territoires, January 2026): the fourteen category totals, the
//! total and the split between suppliers subject to EU law and to another law.
//!
//! The Python comes from `scripts/python-env`; `scripts/test` sets `CLAUSIER_TEST_PYTHON`
//! to its interpreter. Without it these tests fail and say so.

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "the helpers run programs and read their output; a test that cannot must fail loudly"
)]

mod support;

use std::fs;

use serde_json::{Value, json};
use support::run;

const INVENTORY: &str = "examples/autodiagnostic/inventaire.csv";
const READER: &str = "crates/clausier_cli/tests/inventory_read.py";
const SCHEMA: &str = "rules/autodiagnostic/schema.clause";

/// The document's spending by category: its exact French label, the variant of the
/// pack's `Category` enum that stands for it, and the annual amount in euros.
const CATEGORIES: [(&str, &str, &str); 14] = [
    ("Applications métiers", "APPLICATIONS_METIERS", "3820000"),
    ("Serveurs", "SERVEURS", "2100000"),
    ("Postes de travail", "POSTES_DE_TRAVAIL", "2100000"),
    ("Smartphones – Tablettes", "SMARTPHONES_TABLETTES", "72000"),
    ("Périphériques", "PERIPHERIQUES", "57000"),
    ("Stockage", "STOCKAGE", "350000"),
    ("Réseaux", "RESEAUX", "840000"),
    (
        "Systèmes d'exploitation",
        "SYSTEMES_D_EXPLOITATION",
        "166000",
    ),
    ("Sécurité des données", "SECURITE_DES_DONNEES", "142000"),
    (
        "Protection des terminaux",
        "PROTECTION_DES_TERMINAUX",
        "81000",
    ),
    (
        "Gestion des postes de travail",
        "GESTION_DES_POSTES_DE_TRAVAIL",
        "20000",
    ),
    ("Bureautique", "BUREAUTIQUE", "1828000"),
    (
        "Applications techniques",
        "APPLICATIONS_TECHNIQUES",
        "20000",
    ),
    ("Visio", "VISIO", "34000"),
];

fn read_inventory() -> Value {
    let python =
        support::python("read the example inventory with Python's csv module and decimals");
    let read = run(&python, &[READER, INVENTORY]);
    assert!(
        read.status.success(),
        "the reader refused the inventory: {}",
        String::from_utf8_lossy(&read.stderr)
    );
    serde_json::from_slice(&read.stdout).unwrap()
}

#[test]
fn the_inventory_reproduces_the_spending_of_each_category_exactly() {
    let read = read_inventory();
    let expected: serde_json::Map<String, Value> = CATEGORIES
        .iter()
        .map(|(_, variant, amount)| ((*variant).to_owned(), json!(amount)))
        .collect();
    assert_eq!(read["by_category"], Value::Object(expected));
    assert_eq!(read["total"], "11630000");
    assert!(
        (40..=60).contains(&read["lines"].as_u64().unwrap()),
        "{}",
        read["lines"]
    );
}

#[test]
fn the_inventory_splits_spending_between_eu_and_non_eu_suppliers_exactly() {
    let read = read_inventory();
    assert_eq!(
        read["by_jurisdiction"],
        json!({ "UE": "5600000", "HORS_UE": "6030000" })
    );
}

/// Each variant of `Category` carries the document's exact label in its doc comment,
/// which is what the tender, the questionnaire and the editor's hover show.
#[test]
fn each_category_of_the_schema_names_the_documents_label() {
    let schema = fs::read_to_string(support::workspace_root().join(SCHEMA)).unwrap();
    for (label, variant, _) in CATEGORIES {
        let documented = format!("/// « {label} »\n  {variant},");
        let last = format!("/// « {label} »\n  {variant}\n");
        assert!(
            schema.contains(&documented) || schema.contains(&last),
            "{SCHEMA} does not document `{variant}` as « {label} »"
        );
    }
}
