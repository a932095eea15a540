//! A reader of the Excel workbook `clausier check --format xlsx` writes, with calamine
//! (not the writer's crate): the ranking sheet, the reasons sheet and the summary sheet,
//! read by their French headings as a buyer finds them.

use std::collections::HashMap;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};

use crate::{Row, Seen, Unmet};

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::Float(number) => format!("{number}"),
        Data::Int(number) => format!("{number}"),
        other => other.to_string(),
    }
}

/// The rows of a sheet under its heading row, each as heading → text.
fn sheet(workbook: &mut Xlsx<std::io::Cursor<&[u8]>>, name: &str) -> Vec<HashMap<String, Data>> {
    let range = workbook
        .worksheet_range(name)
        .unwrap_or_else(|error| panic!("no sheet `{name}`: {error}"));
    let mut rows = range.rows();
    let headings: Vec<String> = rows
        .next()
        .expect("a heading row")
        .iter()
        .map(cell_text)
        .collect();
    rows.map(|row| headings.iter().cloned().zip(row.iter().cloned()).collect())
        .collect()
}

fn status(words: &str) -> &'static str {
    match words {
        "éligible" => "eligible",
        "inéligible" => "ineligible",
        "incomplète" => "incomplete",
        "invalide" => "invalid",
        other => panic!("not a status: {other}"),
    }
}

pub fn read(bytes: &[u8]) -> Seen {
    let mut workbook: Xlsx<_> =
        open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("an .xlsx workbook");
    let mut ranking: Vec<(u64, Row)> = sheet(&mut workbook, "Classement")
        .into_iter()
        .map(|row| {
            let place = match &row["N°"] {
                Data::Float(number) => *number as u64,
                other => panic!("not a place: {other:?}"),
            };
            let number = |heading: &str| match &row[heading] {
                Data::Float(value) => Some(*value),
                Data::Empty => None,
                other => panic!("{heading} is not a number: {other:?}"),
            };
            (
                place,
                Row {
                    id: cell_text(&row["Offre"]),
                    status: status(&cell_text(&row["Statut"])).to_owned(),
                    score: number("Note").map(|score| format!("{score:.2}")),
                    rank: number("Rang").map(|rank| format!("{rank}")),
                },
            )
        })
        .collect();
    // The sheet is in rank order; the input order is the `N°` column.
    ranking.sort_by_key(|(place, _)| *place);
    let mut unmet = Unmet::new();
    for row in sheet(&mut workbook, "Motifs") {
        let outcome = match cell_text(&row["Résultat"]).as_str() {
            "non satisfaite" => "fail",
            "non décidable, données manquantes" => "missing",
            _ => continue,
        };
        unmet
            .entry(cell_text(&row["Offre"]))
            .or_default()
            .insert((cell_text(&row["Clause"]), outcome.to_owned()));
    }
    let range = workbook
        .worksheet_range("Synthèse")
        .expect("the summary sheet");
    let counts: HashMap<String, u64> = range
        .rows()
        .filter_map(|row| match (row.first(), row.get(1)) {
            (Some(label), Some(Data::Float(count))) => Some((cell_text(label), *count as u64)),
            _ => None,
        })
        .collect();
    let summary = [
        "Offres",
        "Éligibles",
        "Inéligibles",
        "Incomplètes",
        "Invalides",
    ]
    .map(|label| counts[label]);
    Seen {
        rows: Some(ranking.into_iter().map(|(_, row)| row).collect()),
        unmet: Some(unmet),
        summary: Some(summary),
        invalid: None,
    }
}
