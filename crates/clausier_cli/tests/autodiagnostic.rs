//! The shipped pack `rules/autodiagnostic` run on the example inventory of
//! `examples/autodiagnostic`: every line of the inventory is checked once, each indicator
//! flags exactly the lines it should, nothing is ever ineligible (every indicator is
//! information only), the human report reads as a French diagnosis, and a line written
//! with a category's label instead of its value is refused where it is written.

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "the helpers run the binary and read its output; a test that cannot must fail loudly"
)]

mod support;

use std::collections::BTreeMap;

use serde_json::Value;
use support::{clausier, workspace_root};

const PACK: &str = "rules/autodiagnostic";
const INVENTORY_FOLDER: &str = "examples/autodiagnostic";
const INVENTORY: &str = "examples/autodiagnostic/inventaire.csv";
const DATE: &str = "2026-11-28";

/// The JSON report of the diagnosis; it must exit with 0, since no line can be ineligible.
fn diagnosis() -> Value {
    let output = clausier(&[
        "check",
        PACK,
        INVENTORY_FOLDER,
        "--date",
        DATE,
        "--format",
        "json",
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

fn text(value: &Value) -> &str {
    value.as_str().unwrap()
}

/// The ids of the inventory's lines, in order, read with the csv crate.
fn inventory_ids() -> Vec<String> {
    let mut reader = csv::Reader::from_path(workspace_root().join(INVENTORY)).unwrap();
    let headers = reader.headers().unwrap().clone();
    let id = headers.iter().position(|name| name == "id").unwrap();
    reader
        .records()
        .map(|record| record.unwrap()[id].to_owned())
        .collect()
}

#[test]
fn every_line_of_the_inventory_is_diagnosed_once_and_none_is_excluded() {
    let report = diagnosis();
    let descriptors = report["descriptors"].as_array().unwrap();
    let diagnosed: Vec<&str> = descriptors.iter().map(|d| text(&d["id"])).collect();
    assert_eq!(diagnosed, inventory_ids());
    for descriptor in descriptors {
        assert_eq!(descriptor["status"], "eligible", "{}", descriptor["id"]);
        assert_eq!(descriptor["source"], INVENTORY, "{}", descriptor["id"]);
        let clauses: Vec<&str> = descriptor["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|result| {
                assert_eq!(result["level"], "info", "{}", descriptor["id"]);
                text(&result["clause"])
            })
            .collect();
        assert_eq!(
            clauses,
            ["DIAG-01", "DIAG-02", "DIAG-03", "DIAG-04", "DIAG-05"],
            "{}",
            descriptor["id"]
        );
        assert!(descriptor["errors"].as_array().unwrap().is_empty());
    }
    let summary = &report["summary"];
    assert_eq!(summary["total"], descriptors.len());
    assert_eq!(summary["eligible"], descriptors.len());
}

/// Each indicator's count of lines by outcome, and the lines it flags.
#[test]
fn each_indicator_flags_exactly_the_lines_it_should() {
    let report = diagnosis();
    let mut counts: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    let mut flagged: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for descriptor in report["descriptors"].as_array().unwrap() {
        for result in descriptor["results"].as_array().unwrap() {
            let clause = text(&result["clause"]);
            let status = text(&result["status"]);
            *counts.entry(clause).or_default().entry(status).or_default() += 1;
            if status == "fail" {
                flagged
                    .entry(clause)
                    .or_default()
                    .push(text(&descriptor["id"]));
            }
        }
    }
    let expected_counts = |pass, fail, not_applicable| {
        [
            ("fail", fail),
            ("not_applicable", not_applicable),
            ("pass", pass),
        ]
        .into_iter()
        .filter(|(_, count)| *count > 0)
        .collect::<BTreeMap<&str, usize>>()
    };
    // A vital service whose supplier is subject to a third country's law.
    assert_eq!(counts["DIAG-01"], expected_counts(7, 6, 33));
    assert_eq!(
        flagged["DIAG-01"],
        [
            "nuage-public",
            "baies-stockage",
            "commutateurs-wifi",
            "logiciel-sauvegarde",
            "suite-collaborative",
            "messagerie"
        ]
    );
    // Sensitive data hosted outside the EU.
    assert_eq!(counts["DIAG-02"], expected_counts(10, 1, 35));
    assert_eq!(flagged["DIAG-02"], ["messagerie"]);
    // A non-EU supplier's contract ending more than 24 months after the diagnosis.
    assert_eq!(counts["DIAG-03"], expected_counts(11, 6, 29));
    assert_eq!(
        flagged["DIAG-03"],
        [
            "nuage-public",
            "postes-fixes",
            "postes-portables",
            "os-postes",
            "suite-collaborative",
            "messagerie"
        ]
    );
    // Data kept by the service that cannot leave in an open format.
    assert_eq!(counts["DIAG-04"], expected_counts(23, 6, 17));
    assert_eq!(
        flagged["DIAG-04"],
        [
            "decisionnel",
            "logiciel-sauvegarde",
            "suite-collaborative",
            "messagerie",
            "edition-pdf",
            "webinaires"
        ]
    );
    // Any sign of lock-in.
    assert_eq!(counts["DIAG-05"], expected_counts(28, 18, 0));
    assert_eq!(flagged["DIAG-05"].len(), 18);
    assert_eq!(counts.len(), 5);
}

#[test]
fn the_diagnosis_reads_in_french() {
    let output = clausier(&["check", PACK, INVENTORY_FOLDER, "--date", DATE]);
    assert_eq!(output.status.code(), Some(0));
    insta::assert_snapshot!(String::from_utf8(output.stdout).unwrap());
}

/// An inventory line that writes the document's label (« Smartphones – Tablettes ») where
/// the schema expects its value (`SMARTPHONES_TABLETTES`) is not silently left out of the
/// diagnosis: it is invalid, with the cell located and the values the field takes.
#[test]
fn a_category_written_as_its_label_is_refused_where_it_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let inventory = std::fs::read_to_string(workspace_root().join(INVENTORY)).unwrap();
    let header = inventory.lines().next().unwrap();
    let line = "tel,Flotte de smartphones,Smartphones – Tablettes,48000,Lumen Mobile Inc.,\
                HORS_UE,US,SUR_SITE,FR,MOYENNE,AUCUNE,2027-05-31,[],MATERIEL_CAPTIF,320";
    let file = dir.path().join("inventaire.csv");
    std::fs::write(&file, format!("{header}\n{line}\n")).unwrap();
    let output = clausier(&[
        "check",
        PACK,
        file.to_str().unwrap(),
        "--date",
        DATE,
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let descriptor = &report["descriptors"][0];
    assert_eq!(descriptor["status"], "invalid");
    let errors = descriptor["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{errors:?}");
    let error = &errors[0];
    assert_eq!(error["code"], "D0603");
    assert_eq!(error["path"], "category");
    assert_eq!(
        (error["line"].as_u64(), error["column"].as_u64()),
        (Some(2), Some(27))
    );
    assert!(
        text(&error["help"]).contains("`SMARTPHONES_TABLETTES`"),
        "{}",
        error["help"]
    );
}
