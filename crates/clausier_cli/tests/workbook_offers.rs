//! `clausier check` on a folder of vendors' workbooks: an Excel table of offers (one a
//! row) and an OpenDocument questionnaire (one offer a sheet), found in the folder beside
//! a JSON offer, evaluated like it, their problems named by sheet and cell.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails loudly where its expectation does not hold"
)]

mod support;

use std::io::Write as _;

use serde_json::Value;
use support::{clausier, example_offer, offer_cells};

const EDTECH: &str = "rules/edtech-fr";
const DATE: &str = "2026-11-28";

/// An Excel workbook with one sheet, « Offres »: a header of field paths, then one row
/// per offer, every cell a text as a vendor types it.
fn offers_table(offers: &[Vec<(String, String)>]) -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet().set_name("Offres").unwrap();
    let mut paths: Vec<&str> = Vec::new();
    for offer in offers {
        for (path, _) in offer {
            if !paths.contains(&path.as_str()) {
                paths.push(path);
            }
        }
    }
    for (column, path) in (0u16..).zip(&paths) {
        sheet.write_string(0, column, *path).unwrap();
    }
    for (row, offer) in (1u32..).zip(offers) {
        for (path, text) in offer {
            let column = paths.iter().position(|known| known == path).unwrap();
            sheet
                .write_string(row, u16::try_from(column).unwrap(), text)
                .unwrap();
        }
    }
    workbook.save_to_buffer().unwrap()
}

/// An OpenDocument spreadsheet with one questionnaire sheet, « Offre »: `Champ`,
/// `Valeur`, then a row per field.
fn questionnaire_ods(cells: &[(String, String)]) -> Vec<u8> {
    let escape = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let row = |path: &str, value: &str| {
        format!(
            "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>{}</text:p></table:table-cell><table:table-cell office:value-type=\"string\"><text:p>{}</text:p></table:table-cell></table:table-row>",
            escape(path),
            escape(value)
        )
    };
    let mut rows = row("Champ", "Valeur");
    for (path, value) in cells {
        rows.push_str(&row(path, value));
    }
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Offre">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let mut bytes = Vec::new();
    {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(&mut bytes));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        zip.start_file("mimetype", stored).unwrap();
        zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
            .unwrap();
        zip.start_file("content.xml", stored).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
        zip.start_file("META-INF/manifest.xml", stored).unwrap();
        zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#).unwrap();
        zip.finish().unwrap();
    }
    bytes
}

/// The cells of an example offer, with `edits` (path, text) replacing or adding cells; a
/// top-level field edited is replaced whole (as a list of records, which has no cell).
fn edited(example: &str, edits: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut offer = example_offer(example);
    for (path, _) in edits {
        offer.as_object_mut().unwrap().remove(*path);
    }
    let mut cells = offer_cells(&offer);
    for (path, text) in edits {
        match cells.iter_mut().find(|(known, _)| known == path) {
            Some(cell) => cell.1 = (*text).to_owned(),
            None => cells.push(((*path).to_owned(), (*text).to_owned())),
        }
    }
    cells
}

/// Each entry of the report: what identifies it, its outcome, its data problems, the
/// requirements it does not pass with their explanations, and its points per criterion.
fn entries(report: &Value) -> String {
    let mut text = String::new();
    for entry in report["descriptors"].as_array().unwrap() {
        text.push_str(&format!(
            "{} ({}): {}, score {}, rank {}\n",
            entry["id"], entry["source"], entry["status"], entry["score"], entry["rank"]
        ));
        for error in entry["errors"].as_array().into_iter().flatten() {
            text.push_str(&format!("  problem: {error}\n"));
        }
        for result in entry["results"].as_array().into_iter().flatten() {
            if result["kind"] == "criterion" {
                text.push_str(&format!(
                    "  {}: {} points\n",
                    result["clause"], result["points"]
                ));
            } else if result["status"] != "pass" {
                text.push_str(&format!(
                    "  {} {}: {} {}\n",
                    result["clause"], result["level"], result["status"], result["explanation"]
                ));
            }
        }
    }
    text
}

#[test]
fn a_folder_of_workbooks_is_checked_as_offers_each_named_by_file_sheet_and_row() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("offres");
    std::fs::create_dir(&folder).unwrap();
    let eveil = edited("examples/edtech-fr/eveil-numerique.json", &[]);
    let malins = edited(
        "examples/edtech-fr/petits-malins.json",
        &[("subprocessors", "[]"), ("a11y.audit_date", "12.05.2026")],
    );
    std::fs::write(folder.join("offres.xlsx"), offers_table(&[eveil, malins])).unwrap();
    let plume = edited(
        "examples/edtech-fr/plume-savante.json",
        &[("subprocessors", "[]"), ("id", "plume-questionnaire")],
    );
    std::fs::write(folder.join("plume.ods"), questionnaire_ods(&plume)).unwrap();
    std::fs::copy(
        support::workspace_root().join("examples/edtech-fr/eveil-numerique.json"),
        folder.join("eveil-numerique.json"),
    )
    .unwrap();

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
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let text = entries(&report).replace(&format!("{}/", folder.display()), "");
    insta::assert_snapshot!(text);
}
