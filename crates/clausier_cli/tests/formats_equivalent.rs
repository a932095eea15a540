//! The same offers in every file a vendor sends give the same results: the example offers
//! of `examples/edtech-fr`, written by Python writers that know nothing of Clausier
//! (`offers_write.py`: the json and csv modules, openpyxl, odfpy) as JSON files, as a
//! French Excel's CSV (`;`, decimal commas, Windows-1252), as an Excel workbook and as an
//! OpenDocument spreadsheet, are checked one format at a time; every offer has the same
//! status, score, rank and clause outcomes in each. The reference is the JSON the writer
//! wrote rather than the example files: a table cannot hold a non-empty list of records,
//! so nine of the ten offers lose their `subprocessors` in every format, and ranks are
//! only comparable between runs on the same offers. And the questionnaire of `clausier
//! schema --format xlsx` is read back by openpyxl (`questionnaire_read.py`).
//!
//! The Python environment comes from `scripts/python-env`; `scripts/test` sets
//! `CLAUSIER_TEST_PYTHON` to its interpreter. Without it these tests fail and say so.

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "the helpers run programs and read their output; a test that cannot must fail loudly"
)]

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use support::{clausier, run};

const EDTECH: &str = "rules/edtech-fr";
const EXAMPLES: &str = "examples/edtech-fr";
const DATE: &str = "2026-11-28";
const WRITER: &str = "crates/clausier_cli/tests/offers_write.py";
const QUESTIONNAIRE_READER: &str = "crates/clausier_cli/tests/questionnaire_read.py";

/// The offers whose `subprocessors`, a non-empty list of records, no table can hold: the
/// writer leaves that field out of them in every format, JSON included.
const SUBPROCESSORS_LEFT_OUT: [&str; 9] = [
    "vendor-atelier-des-nombres",
    "vendor-boussole-lecture",
    "vendor-clef-des-champs",
    "vendor-horloge-comtoise",
    "vendor-humeur-de-classe",
    "vendor-memoire-longue",
    "vendor-nuage-lointain",
    "vendor-petits-malins",
    "vendor-plume-savante",
];

fn python() -> PathBuf {
    support::python("write offers with openpyxl and odfpy and read workbooks with openpyxl")
}

/// Runs a Python helper and reads the JSON it prints.
fn python_json(args: &[&str]) -> Value {
    let output = run(&python(), args);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// What a buyer reads of each offer of `clausier check` on `folder`, by id: status,
/// score, rank, each clause's outcome (status, points, missing fields, explanation with
/// the values found) and the codes and paths of its data errors. The places values were
/// written differ between formats and are left out, and so are the words of data errors,
/// which name a workbook's sheet and cell.
fn outcomes(folder: &Path) -> BTreeMap<String, Value> {
    let output = clausier(&[
        "check",
        EDTECH,
        folder.to_str().unwrap(),
        "--date",
        DATE,
        "--format",
        "json",
    ]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "the examples hold ineligible offers: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let mut outcomes = BTreeMap::new();
    for entry in report["descriptors"].as_array().unwrap() {
        let clauses = without_places(entry["results"].clone());
        let errors: Vec<Value> = entry["errors"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|error| error["severity"] == "error")
            .map(|error| json!([error["code"], error["path"]]))
            .collect();
        let id = entry["id"].as_str().unwrap().to_owned();
        let outcome = json!({
            "status": entry["status"],
            "score": entry["score"],
            "rank": entry["rank"],
            "clauses": clauses,
            "errors": errors,
        });
        assert!(
            outcomes.insert(id.clone(), outcome).is_none(),
            "`{id}` is reported twice"
        );
    }
    outcomes
}

/// `value` without what says where a value was written: its file, line and column.
fn without_places(mut value: Value) -> Value {
    fn strip(value: &mut Value) {
        match value {
            Value::Object(map) => {
                for key in ["source", "line", "column"] {
                    map.remove(key);
                }
                map.values_mut().for_each(strip);
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut value);
    value
}

#[test]
fn the_same_offers_give_the_same_results_in_json_french_csv_xlsx_and_ods() {
    let dir = tempfile::tempdir().unwrap();
    let written = python_json(&[WRITER, EXAMPLES, dir.path().to_str().unwrap()]);
    let offers: Vec<&str> = written["offers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|id| id.as_str().unwrap())
        .collect();
    assert!(offers.len() >= 5, "too few offers to compare: {offers:?}");
    let left_out: BTreeMap<&str, Vec<&str>> = written["fields_left_out"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(id, paths)| {
            let paths = paths.as_array().unwrap().iter();
            (
                id.as_str(),
                paths.map(|path| path.as_str().unwrap()).collect(),
            )
        })
        .collect();
    let expected: BTreeMap<&str, Vec<&str>> = SUBPROCESSORS_LEFT_OUT
        .iter()
        .map(|id| (*id, vec!["subprocessors"]))
        .collect();
    assert_eq!(left_out, expected);

    // The CSV file is the one a French Excel saves: not UTF-8, `;` between cells, and
    // decimals with a comma (Plume Savante's price, Petits Malins' RGAA rate).
    let csv = std::fs::read(dir.path().join("csv/offres.csv")).unwrap();
    assert!(
        std::str::from_utf8(&csv).is_err(),
        "Windows-1252, not UTF-8"
    );
    let csv_text: String = csv.iter().map(|byte| char::from(*byte)).collect();
    assert!(csv_text.starts_with("id;name;"), "{csv_text:.40}");
    // Booleans and days as French Excel writes them.
    assert!(csv_text.contains(";VRAI;") && csv_text.contains(";FAUX;"));
    assert!(
        csv_text.contains("/2026;"),
        "no day/month/year date in the CSV file"
    );
    for decimal in [";3,5;", ";92,5;", "5,20 €"] {
        let latin = decimal.replace('€', "\u{80}");
        assert!(csv_text.contains(&latin), "no `{decimal}` in the CSV file");
    }

    let reference = outcomes(&dir.path().join("json"));
    let ids: Vec<&str> = reference.keys().map(String::as_str).collect();
    let mut sorted_offers = offers.clone();
    sorted_offers.sort_unstable();
    assert_eq!(ids, sorted_offers);
    let ranked = reference
        .values()
        .filter(|outcome| outcome["rank"].is_u64())
        .count();
    assert!(ranked >= 3, "too few ranked offers to compare scores");
    for format in ["csv", "xlsx", "ods"] {
        let found = outcomes(&dir.path().join(format));
        for (id, expected) in &reference {
            assert_eq!(
                found.get(id),
                Some(expected),
                "`{id}` written as {format} differs from JSON"
            );
        }
        assert_eq!(found.len(), reference.len(), "{format}: other offers");
    }
}

/// The values the « Valeurs admises » cell of a questionnaire row names, one a line
/// before ` : ` (`EU : Un État membre…`), or each line as it is (`oui`).
fn allowed_values(cell: &str) -> Vec<String> {
    cell.lines()
        .map(|line| line.split(" : ").next().unwrap().to_owned())
        .collect()
}

#[test]
fn the_questionnaire_read_by_openpyxl_has_a_row_per_field_and_lists_for_enums() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("questionnaire.xlsx");
    let output = clausier(&[
        "schema",
        EDTECH,
        "--format",
        "xlsx",
        "--output",
        path.to_str().unwrap(),
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let read = python_json(&[QUESTIONNAIRE_READER, path.to_str().unwrap()]);
    assert_eq!(read["sheets"], json!(["Offre"]));
    let rows: Vec<Vec<&str>> = read["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            let cells = row.as_array().unwrap().iter();
            cells.map(|cell| cell.as_str().unwrap()).collect()
        })
        .collect();
    assert_eq!(
        rows[0],
        ["Champ", "Valeur", "Description", "Type", "Valeurs admises"]
    );
    let lists: BTreeMap<String, Vec<String>> =
        serde_json::from_value(read["lists"].clone()).unwrap();

    let mut fields = BTreeMap::new();
    let mut expected_lists = BTreeMap::new();
    for (number, row) in (1..).zip(&rows).skip(1) {
        let [path, value, description, kind, allowed] = row[..] else {
            panic!("row {number} has not five cells: {row:?}");
        };
        assert!(value.is_empty(), "the value of `{path}` is for the vendor");
        assert!(
            !description.is_empty() && !kind.is_empty(),
            "row {number}: {row:?}"
        );
        if kind == "une valeur de la liste" || kind == "oui/non" {
            expected_lists.insert(format!("B{number}"), allowed_values(allowed));
        }
        fields.insert(path, (description, kind, allowed));
    }
    assert_eq!(lists, expected_lists, "a list on each enum and yes/no row");

    assert_eq!(
        fields["hosting.region"],
        (
            "Zone où sont physiquement hébergées toutes les données, sauvegardes comprises.",
            "une valeur de la liste",
            "EU : Un État membre de l'Union européenne.\nEEA : Islande, Liechtenstein ou \
             Norvège (Espace économique européen hors UE).\nADEQUATE : Un pays tiers couvert \
             par une décision d'adéquation (RGPD art. 45).\nOTHER : Tout autre pays tiers."
        )
    );
    let region_row = rows.iter().position(|row| row[0] == "hosting.region");
    assert_eq!(
        lists[&format!("B{}", region_row.unwrap() + 1)],
        ["EU", "EEA", "ADEQUATE", "OTHER"]
    );
    assert_eq!(fields["hosting.secnumcloud"].1, "oui/non");
    assert_eq!(fields["pricing.per_student"].1, "montant en euros");
    assert_eq!(fields["a11y.audit_date"].1, "date (AAAA-MM-JJ)");

    // Every field an example offer fills in has its row.
    let written = python_json(&[
        WRITER,
        EXAMPLES,
        dir.path().join("offers").to_str().unwrap(),
    ]);
    let header = std::fs::read(dir.path().join("offers/csv/offres.csv")).unwrap();
    let header: String = header
        .iter()
        .take_while(|byte| **byte != b'\r')
        .map(|byte| char::from(*byte))
        .collect();
    assert!(written["offers"].as_array().unwrap().len() >= 5);
    for path in header.split(';') {
        assert!(fields.contains_key(path), "no row for `{path}`");
    }
}
