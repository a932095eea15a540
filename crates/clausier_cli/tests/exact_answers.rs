//! Exact answers through the command a buyer runs: products with a zero factor, constant
//! sub-expressions, unknown operands, sets compared in any order, and the shipped
//! interoperability criterion for an offer without any LTI service.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test states its expectations"
)]

mod support;

use serde_json::Value;
use support::clausier;

const PACK: &str = r#"
enum Region { EU, EEA, OTHER }

descriptor {
  id: string
  x: number
  price: money where >= -100 €
  regions: set<Region>
}

requirement ZERO-PRODUCT "Un produit par zéro est nul" {
  require 0.1 * 0 == 0
}

requirement ZERO-FIRST "Zéro en premier facteur" {
  require 0 * 0.1 == 0
}

requirement UNKNOWN-TIMES-ZERO "Une valeur absente fois zéro" {
  level should
  require x * 0 == 0
}

requirement SAME-SET "Un ensemble ne dépend pas de l'ordre" {
  level should
  require regions == [EEA, EU]
}

requirement NEGATIVE-ZERO "Un montant négatif fois zéro" {
  require price * 0 == 0 €
}

criterion CONSTANT "Constante" weight 50 {
  score 0.1 * 0 + 0.2
}

criterion ABSENT "Valeur absente" weight 50 {
  score x * 0
}
"#;

const OFFERS: &str = concat!(
    r#"{"id": "with-x", "x": 7, "price": -4.5, "regions": ["EU", "EEA"]}"#,
    "\n",
    r#"{"id": "without-x", "price": 0, "regions": ["EEA"]}"#,
    "\n",
);

fn run_pack() -> Value {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("exact.clause");
    let offers = dir.path().join("offers.ndjson");
    std::fs::write(&pack, PACK).unwrap();
    std::fs::write(&offers, OFFERS).unwrap();
    let output = clausier(&[
        "check",
        pack.to_str().unwrap(),
        offers.to_str().unwrap(),
        "--date",
        "2026-11-28",
        "--format",
        "json",
    ]);
    assert!(
        output.status.code() == Some(0) || output.status.code() == Some(1),
        "check failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("a JSON report")
}

fn result<'a>(report: &'a Value, offer: &str, clause: &str) -> &'a Value {
    report["descriptors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == offer)
        .and_then(|d| {
            d["results"]
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["clause"] == clause)
        })
        .unwrap_or_else(|| panic!("no result of {clause} for {offer}"))
}

#[test]
fn a_product_with_a_zero_factor_is_exactly_zero() {
    let report = run_pack();
    for offer in ["with-x", "without-x"] {
        assert_eq!(result(&report, offer, "ZERO-PRODUCT")["status"], "pass");
        assert_eq!(result(&report, offer, "ZERO-FIRST")["status"], "pass");
        assert_eq!(result(&report, offer, "NEGATIVE-ZERO")["status"], "pass");
        let constant = result(&report, offer, "CONSTANT");
        assert_eq!(constant["score"], 0.2, "{constant}");
        assert_eq!(constant["points"], 10.0, "{constant}");
    }
}

#[test]
fn an_absent_value_times_zero_is_unknown_and_names_the_absent_field() {
    let report = run_pack();
    let known = result(&report, "with-x", "ABSENT");
    assert_eq!(known["score"], 0.0, "{known}");
    assert_eq!(
        result(&report, "with-x", "UNKNOWN-TIMES-ZERO")["status"],
        "pass"
    );

    let unknown = result(&report, "without-x", "ABSENT");
    assert_eq!(unknown["score"], Value::Null, "{unknown}");
    assert_eq!(unknown["points"], 0.0, "{unknown}");
    assert_eq!(unknown["missing"], serde_json::json!(["x"]), "{unknown}");
    let requirement = result(&report, "without-x", "UNKNOWN-TIMES-ZERO");
    assert_eq!(requirement["status"], "missing");
    assert_eq!(requirement["missing"], serde_json::json!(["x"]));
}

#[test]
fn sets_are_equal_whatever_the_order_of_their_elements() {
    let report = run_pack();
    assert_eq!(result(&report, "with-x", "SAME-SET")["status"], "pass");
    assert_eq!(result(&report, "without-x", "SAME-SET")["status"], "fail");
}

#[test]
fn the_shipped_interoperability_criterion_scores_an_offer_without_lti() {
    let output = clausier(&[
        "check",
        "rules/edtech-fr",
        "examples/edtech-fr/plume-savante.json",
        "--date",
        "2026-11-28",
        "--format",
        "json",
    ]);
    let report: Value = serde_json::from_slice(&output.stdout).expect("a JSON report");
    let interop = result(&report, "vendor-plume-savante", "INTEROPERABILITE");
    // No LTI version and no LTI service: only OneRoster counts, 0.2 of 15 points.
    assert_eq!(interop["score"], 0.2, "{interop}");
    assert_eq!(interop["points"], 3.0, "{interop}");
    assert_eq!(report["descriptors"][0]["score"], 59.58);
}
