//! Descriptor files as spreadsheets save them: UTF-8 with or without a byte order mark,
//! Windows-1252 from a French Excel, UTF-16 with its mark; a note once per file says which
//! encoding was assumed, and a byte no encoding reads is a located error.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails loudly where its expectation does not hold"
)]

mod load_support;

use clausier_data::Descriptor;
use clausier_data::files::{DEFAULT_MAX_SIZE, read_descriptor_file};
use clausier_data::load::{LoadOptions, load_file};
use insta::assert_snapshot;
use load_support::{render, schema};

fn read(name: &str, bytes: &[u8]) -> Vec<Descriptor> {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    match read_descriptor_file(&path, name, DEFAULT_MAX_SIZE) {
        Ok(file) => load_file(&schema(), name, &file, &LoadOptions::default()),
        Err(unread) => vec![*unread],
    }
}

#[test]
fn a_windows_1252_csv_is_read_with_one_note_for_the_file() {
    let bytes = b"id;name;pricing.per_student\nlumiere;Lumi\xe8re \xc9ducation;4,50 \x80\ndurand;Durand;3 \x80\n";
    assert_snapshot!(render(&read("offres.csv", bytes)), @r#"
    lumiere (offres.csv line 2) valid
      <root> @2:1
      id = "lumiere" @2:1
      name = "Lumière Éducation" @2:9
      pricing @2:27
      pricing.per_student = money 4.50 @2:27
      warning D0610 `` nowhere: `offres.csv` is not UTF-8: it was read as Windows-1252
        help: check its accented letters in this report; save the file as UTF-8 to be sure (in Excel, « CSV UTF-8 (délimité par des virgules) »)
    durand (offres.csv line 3) valid
      <root> @3:1
      id = "durand" @3:1
      name = "Durand" @3:8
      pricing @3:15
      pricing.per_student = money 3 @3:15
    "#);
}

#[test]
fn utf8_with_or_without_a_byte_order_mark_has_no_note() {
    let text = "name,pricing.per_student\nLumière,4.50 €\n";
    let with_mark = [b"\xef\xbb\xbf".as_slice(), text.as_bytes()].concat();
    for bytes in [text.as_bytes(), with_mark.as_slice()] {
        let descriptors = read("offres.csv", bytes);
        assert!(descriptors[0].problems.is_empty(), "{descriptors:?}");
    }
}

#[test]
fn a_utf16_file_with_its_byte_order_mark_is_read_with_a_note() {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "name\tpricing.per_student\nLumière\t4.50 €\n".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    assert_snapshot!(render(&read("offres.tsv", &bytes)), @r#"
    offres:2 (offres.tsv line 2) valid
      <root> @2:1
      name = "Lumière" @2:1
      pricing @2:9
      pricing.per_student = money 4.50 @2:9
      warning D0610 `` nowhere: `offres.tsv` is not UTF-8: it was read as UTF-16
        help: check its accented letters in this report; save the file as UTF-8 to be sure (in Excel, « CSV UTF-8 (délimité par des virgules) »)
    "#);
}

#[test]
fn json_yaml_and_toml_in_windows_1252_are_read_too() {
    let files: [(&str, &[u8]); 3] = [
        ("a.json", b"{\"name\": \"Lumi\xe8re\"}"),
        ("b.yaml", b"name: Lumi\xe8re\n"),
        ("c.toml", b"name = \"Lumi\xe8re\"\n"),
    ];
    for (name, bytes) in files {
        let descriptors = read(name, bytes);
        let rendered = render(&descriptors);
        assert!(rendered.contains("name = \"Lumière\""), "{rendered}");
        assert!(rendered.contains("warning D0610"), "{rendered}");
    }
}

#[test]
fn a_byte_windows_1252_leaves_undefined_is_an_error_at_its_line_and_column() {
    let bytes = b"name;pricing.per_student\nLumi\xe8re;4,50 \x81\n";
    assert_snapshot!(render(&read("offres.csv", bytes)), @r#"
    offres (offres.csv) invalid
      error D0607 `` 2:14: `offres.csv` is neither UTF-8 nor Windows-1252: byte 0x81 is no character
        help: save the file as UTF-8 (in Excel, « CSV UTF-8 (délimité par des virgules) »)
    "#);
}
