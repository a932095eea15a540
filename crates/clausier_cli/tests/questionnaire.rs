//! `clausier schema --format xlsx`: the questionnaire a buyer sends to vendors, read back
//! as a spreadsheet reads it, then filled in with an example offer's values and checked:
//! it gives the same results as the offer written in JSON.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails loudly where its expectation does not hold"
)]

mod support;

use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use serde_json::Value;
use support::{cell_text, clausier, entries_without_places, example_offer};

const EDTECH: &str = "rules/edtech-fr";
const DATE: &str = "2026-11-28";

/// Every row of the workbook's one sheet, each cell as text.
fn rows_of(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut workbook: Xlsx<_> = calamine::open_workbook(path).unwrap();
    let names = workbook.sheet_names();
    let range = workbook.worksheet_range(&names[0]).unwrap();
    let rows = range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect();
    (names, rows)
}

fn questionnaire(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("questionnaire.xlsx");
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
    path
}

#[test]
fn the_questionnaire_has_one_row_per_field_with_its_type_and_values_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let (sheets, rows) = rows_of(&questionnaire(dir.path()));
    assert_eq!(
        sheets,
        ["Offre"],
        "one sheet, or the others would be read as offers"
    );
    assert_eq!(
        rows[0],
        ["Champ", "Valeur", "Description", "Type", "Valeurs admises"]
    );
    let mut listing = String::new();
    for row in &rows[1..] {
        assert!(
            row[1].is_empty(),
            "the value of `{}` is for the vendor",
            row[0]
        );
        let allowed: Vec<&str> = row[4]
            .lines()
            .map(|line| line.split(" : ").next().unwrap())
            .collect();
        listing.push_str(&format!(
            "{} | {} | {}\n",
            row[0],
            row[3],
            allowed.join(", ")
        ));
    }
    let description = |path: &str| {
        rows.iter()
            .find(|row| row[0] == path)
            .map(|row| row[2].clone())
            .unwrap()
    };
    assert!(
        description("hosting.region").contains("hébergées"),
        "{}",
        description("hosting.region")
    );
    insta::assert_snapshot!(listing);
}

#[test]
fn the_questionnaire_is_the_same_bytes_each_time() {
    let (one, two) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let first = std::fs::read(questionnaire(one.path())).unwrap();
    let second = std::fs::read(questionnaire(two.path())).unwrap();
    assert!(first == second, "the workbook depends on the clock");
}

/// The value at a dotted path of a JSON offer.
fn at_path<'v>(offer: &'v Value, path: &str) -> Option<&'v Value> {
    path.split('.').try_fold(offer, |value, key| value.get(key))
}

fn json_report(inputs: &[&str]) -> Value {
    let mut args = vec!["check", EDTECH];
    args.extend(inputs);
    args.extend(["--date", DATE, "--format", "json"]);
    let output = clausier(&args);
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&output.stderr)))
}

#[test]
fn a_questionnaire_filled_in_is_an_offer_with_the_results_of_the_same_offer_in_json() {
    let dir = tempfile::tempdir().unwrap();
    let (_, rows) = rows_of(&questionnaire(dir.path()));
    let example = "examples/edtech-fr/eveil-numerique.json";
    let offer = example_offer(example);

    // The vendor types each value of its offer in column B, and saves the workbook.
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet().set_name("Offre").unwrap();
    for (row, cells) in (0u32..).zip(&rows) {
        for (column, text) in (0u16..).zip(cells) {
            if !text.is_empty() {
                sheet.write_string(row, column, text).unwrap();
            }
        }
        if row > 0
            && let Some(value) = at_path(&offer, &cells[0])
        {
            sheet.write_string(row, 1, cell_text(value)).unwrap();
        }
    }
    let filled = dir.path().join("eveil-numerique.xlsx");
    workbook.save(&filled).unwrap();

    let from_workbook = json_report(&[filled.to_str().unwrap()]);
    let from_json = json_report(&[example]);
    assert_eq!(
        from_workbook["descriptors"][0]["status"], from_json["descriptors"][0]["status"],
        "{from_workbook:#}"
    );
    assert_eq!(
        entries_without_places(&from_workbook),
        entries_without_places(&from_json)
    );
}
