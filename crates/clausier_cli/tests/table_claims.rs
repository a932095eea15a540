//! `clausier check` on a spreadsheet's offers that claim an equivalent in the columns
//! `FIELD.$equivalent.label`, `.issuer` and `.document` (`examples/equivalence-label`'s
//! pack): the claiming offer is under review as its JSON twin is, and a row that fills
//! the claim in part is invalid, the empty column named at its cell.

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "the helpers run the binary and read its output; a test that cannot must fail loudly"
)]

mod support;

use serde_json::Value;
use support::clausier;

const PACK: &str = "examples/equivalence-label/pack";
const DATE: &str = "2026-11-28";
const CLAIM: &str = "certifications.secnumcloud.$equivalent";

/// The JSON report of `clausier check` on `csv`, written as `offres.csv`, with its exit
/// code.
fn check_csv(csv: &str) -> (Option<i32>, Value) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("offres.csv");
    std::fs::write(&file, csv).unwrap();
    let output = clausier(&[
        "check",
        PACK,
        file.to_str().unwrap(),
        "--date",
        DATE,
        "--format",
        "json",
    ]);
    let report = serde_json::from_slice(&output.stdout).unwrap_or_else(|_| {
        panic!("{}", String::from_utf8_lossy(&output.stderr));
    });
    (output.status.code(), report)
}

fn offer<'r>(report: &'r Value, id: &str) -> &'r Value {
    report["descriptors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|descriptor| descriptor["id"] == id)
        .unwrap_or_else(|| panic!("no offer {id}: {report}"))
}

fn requirement<'o>(offer: &'o Value, id: &str) -> &'o Value {
    offer["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|result| result["clause"] == id)
        .unwrap_or_else(|| panic!("no result {id}: {offer}"))
}

#[test]
fn a_spreadsheet_offer_claiming_an_equivalent_is_under_review() {
    let csv = format!(
        "id;name;price;certifications.secnumcloud;{CLAIM}.label;{CLAIM}.issuer;{CLAIM}.document\n\
         equivalente;Équivalente;6,00;non;Attestation C5 de type 2;Cabinet d'audit Exemple;Rapport C5-2025-77\n\
         sans-label;Sans label;5,00;non;;;\n"
    );
    let (code, report) = check_csv(&csv);
    // An offer under review is not eligible.
    assert_eq!(code, Some(1));
    let claiming = offer(&report, "equivalente");
    assert_eq!(claiming["status"], "review");
    let result = requirement(claiming, "SNC-01");
    assert_eq!(result["status"], "review");
    assert_eq!(result["claim"]["label"], "Attestation C5 de type 2");
    assert_eq!(result["claim"]["issuer"], "Cabinet d'audit Exemple");
    assert_eq!(result["claim"]["document"], "Rapport C5-2025-77");
    // The row that claims nothing fails as before.
    let plain = offer(&report, "sans-label");
    assert_eq!(plain["status"], "ineligible");
    assert_eq!(requirement(plain, "SNC-01")["status"], "fail");
}

#[test]
fn a_spreadsheet_row_filling_a_claim_in_part_is_invalid_at_the_empty_cell() {
    let csv = format!(
        "id;name;price;certifications.secnumcloud;{CLAIM}.label;{CLAIM}.issuer;{CLAIM}.document\n\
         partielle;Partielle;6,00;non;Attestation C5 de type 2;;Rapport C5-2025-77\n"
    );
    let (code, report) = check_csv(&csv);
    assert_eq!(code, Some(1));
    let partial = offer(&report, "partielle");
    assert_eq!(partial["status"], "invalid");
    let problems = partial["errors"].as_array().unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0]["code"], "D0602");
    assert_eq!(problems[0]["path"], format!("{CLAIM}.issuer"));
    assert_eq!(
        (&problems[0]["line"], &problems[0]["column"]),
        (&Value::from(2), &Value::from(55))
    );
}
