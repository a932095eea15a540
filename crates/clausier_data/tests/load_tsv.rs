//! TSV descriptors: CSV with tabs between cells, as spreadsheets export it.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails loudly where its expectation does not hold"
)]

mod load_support;

use clausier_data::load::Format;
use insta::assert_snapshot;
use load_support::{load, render};

const VENDORS: &str =
    "id\tname\tseats\thosting.region\tstandards\tpricing.per_student\treversibility.notice
vendor-042\tLumière, Éducation\t1200\tEU\tRGAA; RGPD\t4.50 €\tP6M
\t\"Durand\tfils\"\t\tOTHER\t\t4.5\t6 months
";

#[test]
fn every_cell_is_read_with_its_location() {
    let descriptors = load("vendors.tsv", VENDORS, Format::Tsv);
    assert_eq!(descriptors.len(), 2);
    assert!(descriptors.iter().all(|d| !d.is_invalid()));
    // A comma is plain text in a TSV cell; a tab inside a cell needs quotes.
    assert_snapshot!(render(&descriptors), @r#"
vendor-042 (vendors.tsv line 2) valid
  <root> @2:1
  id = "vendor-042" @2:1
  name = "Lumière, Éducation" @2:12
  seats = number 1200 @2:31
  hosting @2:36
  hosting.region = enum 1#0 EU @2:36
  standards = ["RGAA", "RGPD"] @2:39
    [0] = "RGAA" @2:39
    [1] = "RGPD" @2:45
  pricing @2:50
  pricing.per_student = money 4.50 @2:50
  reversibility @2:57
  reversibility.notice = duration 6 months 0 days @2:57
vendors:3 (vendors.tsv line 3) valid
  <root> @3:1
  name = "Durand\tfils" @3:2
  hosting @3:17
  hosting.region = enum 1#3 OTHER @3:17
  pricing @3:24
  pricing.per_student = money 4.5 @3:24
  reversibility @3:28
  reversibility.notice = duration 6 months 0 days @3:28
"#);
}

#[test]
fn a_row_with_a_missing_cell_says_so_in_tsv_words() {
    let text = "id\thosting.region\tseats\nv1\tEU\n";
    let descriptors = load("v.tsv", text, Format::Tsv);
    assert_snapshot!(render(&descriptors), @r#"
v:2 (v.tsv line 2) invalid
  error D0601 `` 2:1: invalid TSV: expected 3 cells as in the header, found 2
    help: the header has 3 cells and this row has 2 cells: give every column a cell, left empty (two tabs in a row) where there is no value
"#);
}
