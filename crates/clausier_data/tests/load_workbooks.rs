//! Excel and OpenDocument workbooks: one offer per row under a header of field paths, or
//! a questionnaire sheet (path, value) per offer; the values typed as CSV's, problems
//! located at their cell (line = row, column = column) and named by sheet and cell, and
//! files that are not workbooks refused with a message that names them.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails loudly where its expectation does not hold"
)]

mod load_support;

use std::io::Write as _;

use clausier_data::Descriptor;
use clausier_data::files::{DEFAULT_MAX_SIZE, read_descriptor_file};
use clausier_data::load::{Format as LoadFormat, LoadOptions, load_file};
use insta::assert_snapshot;
use load_support::{render, schema};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

fn read(name: &str, bytes: &[u8]) -> Vec<Descriptor> {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    match read_descriptor_file(&path, name, DEFAULT_MAX_SIZE) {
        Ok(file) => load_file(&schema(), name, &file, &LoadOptions::default()),
        Err(unread) => vec![*unread],
    }
}

fn offers_table() -> Vec<u8> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet().set_name("Offres").unwrap();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (column, name) in [
        "id",
        "name",
        "seats",
        "pricing.per_student",
        "hosting.secnumcloud",
        "launched",
        "standards",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(0, column as u16, *name).unwrap();
    }
    sheet.write_string(1, 0, "lumiere").unwrap();
    sheet.write_string(1, 1, "Lumière Éducation").unwrap();
    sheet.write_number(1, 2, 1200).unwrap();
    sheet.write_number(1, 3, 4.5).unwrap();
    sheet.write_boolean(1, 4, true).unwrap();
    let launched = ExcelDateTime::from_ymd(2024, 9, 2).unwrap();
    sheet
        .write_datetime_with_format(1, 5, &launched, &date)
        .unwrap();
    sheet.write_string(1, 6, "RGAA;RGPD").unwrap();
    sheet.write_string(2, 0, "durand").unwrap();
    sheet.write_string(2, 2, "beaucoup").unwrap();
    sheet.write_string(2, 6, "[]").unwrap();
    workbook.save_to_buffer().unwrap()
}

#[test]
fn a_table_sheet_gives_one_offer_per_row_typed_as_csv_cells_are() {
    assert_snapshot!(render(&read("offres.xlsx", &offers_table())));
}

#[test]
fn a_problem_names_its_sheet_and_cell_and_is_located_at_its_row_and_column() {
    let descriptors = read("offres.xlsx", &offers_table());
    let durand = &descriptors[1];
    assert!(durand.is_invalid());
    let problem = &durand.problems[0];
    assert!(
        problem
            .message
            .text(clausier_diagnostics::Lang::En)
            .starts_with("in sheet `Offres`, cell C3: "),
        "{}",
        problem.message.text(clausier_diagnostics::Lang::En)
    );
    let loc = problem.loc.unwrap();
    assert_eq!((loc.line, loc.column), (3, 3));
}

#[test]
fn a_questionnaire_sheet_is_one_offer_whatever_its_other_columns() {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet().set_name("Questionnaire").unwrap();
    let rows = [
        ("Champ", "Valeur", "Description"),
        ("id", "nimbus", "identifiant"),
        ("hosting.region", "EU", "région d'hébergement"),
        ("seats", "", "nombre de postes"),
        ("rating", "4,5", "note"),
    ];
    for (row, (path, value, description)) in rows.iter().enumerate() {
        sheet.write_string(row as u32, 0, *path).unwrap();
        if !value.is_empty() {
            sheet.write_string(row as u32, 1, *value).unwrap();
        }
        sheet.write_string(row as u32, 2, *description).unwrap();
    }
    sheet.write_number(3, 1, 30).unwrap();
    let descriptors = read("nimbus.xlsx", &workbook.save_to_buffer().unwrap());
    assert_snapshot!(render(&descriptors));
}

#[test]
fn an_ods_spreadsheet_is_read_as_a_workbook() {
    let content = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:spreadsheet><table:table table:name="Offres">
<table:table-row><table:table-cell office:value-type="string"><text:p>id</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>seats</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>launched</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>lumiere</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="1200"><text:p>1200</text:p></table:table-cell><table:table-cell office:value-type="date" office:date-value="2024-09-02"><text:p>02/09/2024</text:p></table:table-cell></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>"#;
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
    assert_snapshot!(render(&read("offres.ods", &bytes)));
}

#[test]
fn a_file_that_is_not_a_workbook_is_refused_with_its_name() {
    let descriptors = read("offres.xlsx", b"id,name\nlumiere,Lumiere\n");
    assert_eq!(descriptors.len(), 1);
    assert!(descriptors[0].is_invalid());
    let problem = &descriptors[0].problems[0];
    assert!(
        problem
            .message
            .text(clausier_diagnostics::Lang::En)
            .starts_with("the file cannot be read as an XLSX workbook"),
        "{}",
        problem.message.text(clausier_diagnostics::Lang::En)
    );
    assert!(
        problem
            .help
            .as_ref()
            .map(|help| help.text(clausier_diagnostics::Lang::En))
            .as_deref()
            .unwrap()
            .contains("Classeur Excel")
    );
}

#[test]
fn an_empty_workbook_is_refused() {
    let mut workbook = Workbook::new();
    workbook.add_worksheet();
    let descriptors = read("vide.xlsx", &workbook.save_to_buffer().unwrap());
    assert_eq!(descriptors.len(), 1);
    assert_eq!(
        descriptors[0].problems[0]
            .message
            .text(clausier_diagnostics::Lang::En),
        "`vide.xlsx` holds no cell: it has no offer"
    );
}

#[test]
fn a_workbook_larger_than_the_size_limit_is_not_opened() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("big.xlsx");
    std::fs::write(&path, offers_table()).unwrap();
    let refused = read_descriptor_file(&path, "big.xlsx", 100).unwrap_err();
    assert!(
        refused.problems[0]
            .message
            .text(clausier_diagnostics::Lang::En)
            .contains("larger than")
    );
}

/// A questionnaire with the given (path, value) rows, all written as text cells.
fn questionnaire_of(rows: &[(&str, &str)]) -> Vec<u8> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet().set_name("Offre").unwrap();
    sheet.write_string(0, 0, "Champ").unwrap();
    sheet.write_string(0, 1, "Valeur").unwrap();
    for (row, (path, value)) in rows.iter().enumerate() {
        sheet.write_string(row as u32 + 1, 0, *path).unwrap();
        sheet.write_string(row as u32 + 1, 1, *value).unwrap();
    }
    workbook.save_to_buffer().unwrap()
}

#[test]
fn a_workbook_boolean_may_be_written_oui_non_vrai_or_faux_in_any_case() {
    let descriptors = read(
        "nimbus.xlsx",
        &questionnaire_of(&[
            ("id", "nimbus"),
            ("hosting.secnumcloud", "Oui"),
            ("security.iso27001", "FAUX"),
        ]),
    );
    assert_snapshot!(render(&descriptors), @r#"
    nimbus (nimbus.xlsx) valid
      <root> @2:2
      id = "nimbus" @2:2
      hosting @3:2
      hosting.secnumcloud = true @3:2
      security @4:2
      security.iso27001 = false @4:2
    "#);
}

#[test]
fn oui_is_a_boolean_in_a_workbook_only() {
    for (name, text, format) in [
        (
            "nimbus.json",
            r#"{"hosting": {"secnumcloud": "oui"}}"#,
            LoadFormat::Json,
        ),
        ("nimbus.csv", "hosting.secnumcloud\noui\n", LoadFormat::Csv),
    ] {
        let descriptor = load_support::load_one(name, text, format);
        assert!(descriptor.is_invalid(), "{name} should refuse `oui`");
        assert!(
            descriptor.problems[0]
                .message
                .text(clausier_diagnostics::Lang::En)
                .contains("`true` or `false`"),
            "{name}: {}",
            descriptor.problems[0]
                .message
                .text(clausier_diagnostics::Lang::En)
        );
    }
}

#[test]
fn a_workbook_claims_an_equivalent_in_columns_and_a_partial_claim_names_its_cell() {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet().set_name("Offres").unwrap();
    let header = [
        "id",
        "hosting.secnumcloud",
        "hosting.secnumcloud.$equivalent.label",
        "hosting.secnumcloud.$equivalent.issuer",
        "hosting.secnumcloud.$equivalent.document",
    ];
    for (column, name) in header.iter().enumerate() {
        sheet.write_string(0, column as u16, *name).unwrap();
    }
    for (column, text) in ["aube", "non", "C5 type 2", "Cabinet Exemple", "C5-2025-77"]
        .iter()
        .enumerate()
    {
        sheet.write_string(1, column as u16, *text).unwrap();
    }
    for (column, text) in [
        (0, "brume"),
        (1, "non"),
        (2, "C5 type 2"),
        (3, "Cabinet Exemple"),
    ] {
        sheet.write_string(2, column, text).unwrap();
    }
    let descriptors = read("offres.xlsx", &workbook.save_to_buffer().unwrap());
    let aube = &descriptors[0];
    assert!(!aube.is_invalid(), "{:?}", aube.problems);
    let claim = aube.evidence[0].equivalent.as_ref().expect("a claim");
    assert_eq!(
        (
            claim.label.as_str(),
            claim.issuer.as_str(),
            claim.document.as_str()
        ),
        ("C5 type 2", "Cabinet Exemple", "C5-2025-77")
    );
    let brume = &descriptors[1];
    assert!(brume.is_invalid());
    assert_eq!(brume.problems.len(), 1, "{:?}", brume.problems);
    assert_eq!(
        brume.problems[0]
            .message
            .text(clausier_diagnostics::Lang::En),
        "in sheet `Offres`, cell E3: the claim of an equivalent for `hosting.secnumcloud` gives \
         no `hosting.secnumcloud.$equivalent.document`"
    );
}
