//! CSV descriptors: a row each, dotted columns, `;` lists, empty cells, ids by row.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails loudly where its expectation does not hold"
)]

mod load_support;

use clausier_data::load::Format;
use clausier_diagnostics::Severity;
use insta::assert_snapshot;
use load_support::{load, load_strict, render};

const VENDORS: &str = "\
id,name,seats,rating,launched,hosting.region,hosting.country,hosting.secnumcloud,evidence.tier,accessibility.rgaa_rate,standards,security.iso27001,security.iso27001_expires,pricing.per_student,reversibility.export_formats,reversibility.notice,tiers,audits,sizes
vendor-042,Lumière Éducation,1200,4.50,2024-09-02,EU,FR,true,II,87.5%,RGAA; RGPD;RGAA,TRUE,2027-06-30,4.50 €,CSV;JSON,P6M,I;IV,2025-01-15,1;1.0;2
,\"Durand, fils\",,,,OTHER,,false,,87.5,,,,4.5,,6 months,,,
";

#[test]
fn every_type_in_cells_with_their_locations() {
    let descriptors = load("vendors.csv", VENDORS, Format::Csv);
    assert_eq!(descriptors.len(), 2);
    assert!(descriptors.iter().all(|d| !d.is_invalid()));
    assert_snapshot!(render(&descriptors));
}

#[test]
fn rows_are_named_by_their_id_else_by_stem_and_line() {
    let descriptors = load("data/vendors.csv", VENDORS, Format::Csv);
    let ids: Vec<(&str, Option<u32>)> = descriptors
        .iter()
        .map(|d| (d.id.as_str(), d.line))
        .collect();
    assert_eq!(ids, [("vendor-042", Some(2)), ("vendors:3", Some(3))]);
    assert!(descriptors.iter().all(|d| d.source == "data/vendors.csv"));
}

#[test]
fn blank_rows_are_skipped_and_quoted_cells_may_span_lines() {
    let text = "name,standards\n\nA,RGAA\n   \n,,\n\"B\nand C\",\"X;Y\"\nD,\n";
    let descriptors = load("v.csv", text, Format::Csv);
    assert_snapshot!(render(&descriptors), @r#"
    v:3 (v.csv line 3) valid
      <root> @3:1
      name = "A" @3:1
      standards = ["RGAA"] @3:3
        [0] = "RGAA" @3:3
    v:6 (v.csv line 6) valid
      <root> @6:1
      name = "B\nand C" @6:1
      standards = ["X", "Y"] @7:8
        [0] = "X" @7:9
        [1] = "Y" @7:11
    v:8 (v.csv line 8) valid
      <root> @8:1
      name = "D" @8:1
    "#);
}

#[test]
fn wrong_values_are_reported_at_their_cells() {
    let text = "\
name,seats,hosting.region,launched,standards,sizes
A,twelve,eu,30/06/2027,RGAA,1;x;3
";
    let descriptors = load("v.csv", text, Format::Csv);
    assert_snapshot!(render(&descriptors), @r#"
    v:2 (v.csv line 2) invalid
      <root> @2:1
      name = "A" @2:1
      hosting @2:10
      standards = ["RGAA"] @2:24
        [0] = "RGAA" @2:24
      sizes = [1, 3] @2:29
        [0] = 1 @2:29
        [1] = 3 @2:33
      error D0602 `seats` 2:3: expected a whole number such as `12`, found `twelve`
      error D0603 `hosting.region` 2:10: unknown `Region` value `eu`
        help: did you mean `EU`? `Region` is one of `EU`, `EEA`, `ADEQUATE`, `OTHER`
      error D0602 `launched` 2:13: expected a date such as `2027-06-30`, found `30/06/2027`
        help: write dates year-month-day, as `2027-06-30`
      error D0602 `sizes[1]` 2:31: expected a whole number such as `12`, found `x`
    "#);
}

#[test]
fn a_row_with_the_wrong_number_of_cells_is_invalid_and_the_next_rows_load() {
    let text = "name,hosting.region\nA,EU\nB,EU,extra\nC\nD,EU\n";
    let descriptors = load("v.csv", text, Format::Csv);
    assert_eq!(descriptors.len(), 4);
    assert_snapshot!(render(&descriptors[1..3]), @r#"
    v:3 (v.csv line 3) invalid
      error D0601 `` 3:1: invalid CSV: expected 2 cells as in the header, found 3
        help: the header has 2 cells and this row has 3 cells: quote cells that hold a comma, as `"Paris, France"`
    v:4 (v.csv line 4) invalid
      error D0601 `` 4:1: invalid CSV: expected 2 cells as in the header, found 1
        help: the header has 2 cells and this row has 1 cell: give every column a cell, left empty (`,,`) where there is no value
    "#);
    assert!(!descriptors[3].is_invalid());
    assert_eq!(descriptors[3].line, Some(5));
}

#[test]
fn a_short_row_and_an_unclosed_quote_each_get_their_own_help() {
    let short = load(
        "a.csv",
        "name,hosting.region,hosting.country\ncsv-court,EU\n",
        Format::Csv,
    );
    let unclosed = load(
        "b.csv",
        "name,hosting.region,hosting.country\ncsv-guillemet,\"EU,FR\n",
        Format::Csv,
    );
    assert_snapshot!(render(&[short, unclosed].concat()), @r#"
    a:2 (a.csv line 2) invalid
      error D0601 `` 2:1: invalid CSV: expected 3 cells as in the header, found 2
        help: the header has 3 cells and this row has 2 cells: give every column a cell, left empty (`,,`) where there is no value
    b:2 (b.csv line 2) invalid
      error D0601 `` 2:15: invalid CSV: the `"` that opens this cell is never closed
        help: close the quote at the end of the cell; a `"` inside a quoted cell is written twice, as `""`
    "#);
}

#[test]
fn an_unclosed_quote_is_one_invalid_row_and_the_rows_below_still_load() {
    let text = "name,hosting.region\nA,EU\nB,\"EU\nC,EU\nD,EU\n";
    let descriptors = load("v.csv", text, Format::Csv);
    let lines: Vec<(Option<u32>, bool)> = descriptors
        .iter()
        .map(|d| (d.line, d.is_invalid()))
        .collect();
    assert_eq!(
        lines,
        [
            (Some(2), false),
            (Some(3), true),
            (Some(4), false),
            (Some(5), false)
        ],
        "the quote does not swallow the rows below it"
    );
    assert_snapshot!(render(&descriptors[1..2]), @r#"
    v:3 (v.csv line 3) invalid
      error D0601 `` 3:3: invalid CSV: the `"` that opens this cell is never closed
        help: close the quote at the end of the cell; a `"` inside a quoted cell is written twice, as `""`
    "#);
}

#[test]
fn a_quote_closed_lines_later_amid_a_cell_does_not_swallow_the_rows_between() {
    let text = "name,hosting.region\nA,\"EU\nB,EU\nC,E\"U\nD,EU\n";
    let descriptors = load("v.csv", text, Format::Csv);
    let lines: Vec<(Option<u32>, bool)> = descriptors
        .iter()
        .map(|d| (d.line, d.is_invalid()))
        .collect();
    assert_eq!(
        lines,
        [
            (Some(2), true),
            (Some(3), false),
            (Some(4), true),
            (Some(5), false)
        ]
    );
}

#[test]
fn a_value_in_a_column_without_a_name_makes_its_row_invalid() {
    let text = "name,,seats\nA,x,1\nB,,2\n";
    let descriptors = load("v.csv", text, Format::Csv);
    assert!(
        !descriptors[1].is_invalid(),
        "an empty cell is nothing lost"
    );
    assert_snapshot!(render(&descriptors[..1]), @r#"
    v:2 (v.csv line 2) invalid
      <root> @2:1
      name = "A" @2:1
      seats = number 1 @2:5
      error D0601 `` 2:3: invalid CSV: the value `x` is in a column without a name in the header (column 2)
        help: name the column in the header row, as `hosting.region`, or leave its cells empty
    "#);
}

#[test]
fn an_unclosed_quote_in_the_header_makes_the_file_invalid() {
    let descriptors = load("v.csv", "name,\"hosting.region\nA,EU\n", Format::Csv);
    assert_snapshot!(render(&descriptors), @r#"
    v (v.csv) invalid
      error D0601 `` 1:6: invalid CSV: the `"` that opens this cell is never closed
        help: close the quote at the end of the cell; a `"` inside a quoted cell is written twice, as `""`
    "#);
}

#[test]
fn lists_of_records_and_whole_records_cannot_be_cells() {
    let text = "subprocessors,subprocessors.region,hosting\nA,EU,x\n,,\n";
    let descriptors = load("v.csv", text, Format::Csv);
    assert_eq!(descriptors.len(), 1, "the all-empty row is blank");
    assert_snapshot!(render(&descriptors), @r"
    v:2 (v.csv line 2) invalid
      <root> @2:1
      error D0602 `subprocessors` 2:1: `subprocessors` is a list of records, which a CSV cell cannot hold
        help: write `[]` when the list is empty; otherwise describe `subprocessors` in a JSON, YAML or TOML descriptor
      error D0602 `subprocessors.region` 2:3: `subprocessors` is a list of records, which a CSV cell cannot hold
        help: describe `subprocessors` in a JSON, YAML or TOML descriptor
      error D0602 `hosting` 2:6: the column `hosting` names a record, not a value
        help: give each of its fields a column, such as `hosting.…`
    ");
}

#[test]
fn a_list_of_records_may_be_given_empty_as_brackets() {
    let descriptors = load("v.csv", "id,subprocessors\nA,[]\n", Format::Csv);
    assert_snapshot!(render(&descriptors), @r#"
    A (v.csv line 2) valid
      <root> @2:1
      id = "A" @2:1
      subprocessors = list of 0 @2:3
    "#);
}

#[test]
fn a_value_in_a_repeated_column_makes_its_row_invalid() {
    let text = "name,seats,name\nA,1,B\nC,2,\n";
    let descriptors = load("v.csv", text, Format::Csv);
    assert!(descriptors[0].is_invalid());
    assert!(
        !descriptors[1].is_invalid(),
        "an empty cell gives nothing twice"
    );
    assert_snapshot!(render(&descriptors), @r#"
    v:2 (v.csv line 2) invalid
      <root> @2:1
      name = "A" @2:1
      seats = number 1 @2:3
      error D0606 `name` 1:12: column `name` given twice
        help: give each column once
    v:3 (v.csv line 3) valid
      <root> @3:1
      name = "C" @3:1
      seats = number 2 @3:3
    "#);
}

#[test]
fn unknown_columns_are_warned_once_with_a_did_you_mean_and_errors_under_strict() {
    let text = "name,colour,hosting.regoin\nA,blue,EU\nB,red,EU\n";
    let descriptors = load("v.csv", text, Format::Csv);
    assert!(descriptors.iter().all(|d| !d.is_invalid()));
    assert_snapshot!(render(&descriptors), @r#"
    v:2 (v.csv line 2) valid
      <root> @2:1
      name = "A" @2:1
      warning D0604 `colour` 1:6: column `colour` is not a field declared by the pack
      warning D0604 `hosting.regoin` 1:13: column `hosting.regoin` is not a field declared by the pack
        help: did you mean `hosting.region`?
    v:3 (v.csv line 3) valid
      <root> @3:1
      name = "B" @3:1
    "#);
    let strict = load_strict("v.csv", text, Format::Csv);
    assert!(strict[0].is_invalid());
    assert!(!strict[1].is_invalid());
    assert!(
        strict[0]
            .problems
            .iter()
            .all(|p| p.severity == Severity::Error)
    );
}

#[test]
fn a_column_typed_with_combining_accents_names_its_field() {
    // `délai_intervention` with its `é` typed as `e` and a combining acute accent, and a
    // slip in the same word.
    let text = "name,de\u{301}lai_intervention\nA,P1D\n";
    let descriptors = load("v.csv", text, Format::Csv);
    assert_snapshot!(render(&descriptors), @r#"
    v:2 (v.csv line 2) valid
      <root> @2:1
      name = "A" @2:1
      délai_intervention = duration 0 months 1 days @2:3
    "#);
    let slip = load("v.csv", "de\u{301}lai_interventoin\nP1D\n", Format::Csv);
    assert_snapshot!(render(&slip), @r#"
    v:2 (v.csv line 2) valid
      <root> @2:1
      warning D0604 `délai_interventoin` 1:1: column `délai_interventoin` is not a field declared by the pack
        help: did you mean `délai_intervention`?
    "#);
}

#[test]
fn a_file_without_a_header_is_one_invalid_descriptor() {
    let expected = "\
vendors (data/vendors.csv) invalid
  error D0601 `` 1:1: invalid CSV: the file has no header row
    help: the first row names the columns, as `id,name,hosting.region`
";
    for text in ["", "\n\n", " , \n"] {
        let descriptors = load("data/vendors.csv", text, Format::Csv);
        assert_eq!(render(&descriptors), expected, "{text:?}");
    }
}

#[test]
fn a_header_without_rows_has_no_descriptors() {
    assert!(load("v.csv", "id,name\n", Format::Csv).is_empty());
}

#[test]
fn crlf_line_ends_and_a_byte_order_mark() {
    let text = "\u{feff}name,hosting.region\r\nA,EU\r\nB,EEA\r\n";
    let descriptors = load("v.csv", text, Format::Csv);
    assert_snapshot!(render(&descriptors), @r#"
    v:2 (v.csv line 2) valid
      <root> @2:1
      name = "A" @2:1
      hosting @2:3
      hosting.region = enum 1#0 EU @2:3
    v:3 (v.csv line 3) valid
      <root> @3:1
      name = "B" @3:1
      hosting @3:3
      hosting.region = enum 1#1 EEA @3:3
    "#);
}

#[test]
fn decimal_commas_get_a_hint() {
    let text = "rating,pricing.per_student,accessibility.rgaa_rate,hosting.region\n\"4,5\",\"4,50 €\",\"87,5%\",Region.EU\n";
    let descriptors = load("v.csv", text, Format::Csv);
    assert_snapshot!(render(&descriptors), @r#"
    v:2 (v.csv line 2) invalid
      <root> @2:1
      hosting @2:24
      accessibility @2:16
      pricing @2:7
      error D0602 `rating` 2:1: expected a number such as `4.5`, found `"4,5"`
        help: write decimals with a point: `4.5`
      error D0602 `pricing.per_student` 2:7: expected an amount in euros such as `4.50 €`, found `"4,50 €"`
        help: write decimals with a point: `4.50 €`
      error D0602 `accessibility.rgaa_rate` 2:16: expected a percentage such as `87.5%`, found `"87,5%"`
        help: write decimals with a point: `87.5%`
      error D0603 `hosting.region` 2:24: unknown `Region` value `Region.EU`
        help: write the value's name alone: `EU`
    "#);
}

#[test]
fn a_french_spreadsheet_separates_cells_with_semicolons_and_writes_decimal_commas() {
    let text = "\
id;name;rating;pricing.per_student;accessibility.rgaa_rate;standards;sizes;tiers
vendor-042;Lumière;4,5;4,50 €;12,5 %;\"RGAA;RGPD\";\"1;2\";[]
vendor-043;\"Durand; fils\";4;4 €;87,5%;[];;
";
    let descriptors = load("offres.csv", text, Format::Csv);
    assert_snapshot!(render(&descriptors), @r#"
    vendor-042 (offres.csv line 2) valid
      <root> @2:1
      id = "vendor-042" @2:1
      name = "Lumière" @2:12
      rating = number 4.5 @2:20
      accessibility @2:31
      accessibility.rgaa_rate = percent 12.5 @2:31
      standards = ["RGAA", "RGPD"] @2:38
        [0] = "RGAA" @2:39
        [1] = "RGPD" @2:44
      pricing @2:24
      pricing.per_student = money 4.50 @2:24
      tiers = [] @2:56
      sizes = [1, 2] @2:50
        [0] = 1 @2:51
        [1] = 2 @2:53
    vendor-043 (offres.csv line 3) valid
      <root> @3:1
      id = "vendor-043" @3:1
      name = "Durand; fils" @3:12
      rating = number 4 @3:27
      accessibility @3:33
      accessibility.rgaa_rate = percent 87.5 @3:33
      standards = [] @3:39
      pricing @3:29
      pricing.per_student = money 4 @3:29
    "#);
}

#[test]
fn decimal_commas_stay_wrong_in_a_comma_separated_file() {
    let text = "rating,name\n\"4,5\",A\n";
    let descriptors = load("v.csv", text, Format::Csv);
    assert!(descriptors[0].is_invalid());
    assert_eq!(descriptors[0].problems[0].code.as_str(), "D0602");
}

#[test]
fn a_row_or_header_with_another_separator_gets_a_hint_naming_it() {
    let row = load("a.csv", "name;hosting.region;rating\nA,EU,4\n", Format::Csv);
    let header = load("b.tsv", "name;hosting.region\nA;EU\n", Format::Tsv);
    assert_snapshot!(render(&[row, header].concat()), @r#"
    a:2 (a.csv line 2) invalid
      error D0601 `` 2:1: invalid CSV: expected 3 cells as in the header, found 1
        help: the header has 3 cells and this row has 1 cell: the header separates cells with `;` but this row with `,`; use `;` on every row
    b (b.tsv) invalid
      error D0601 `` 1:1: invalid TSV: the header is one column, but its name holds `;`
        help: this file separates its 2 columns with `;`, not tabs: save it as CSV (`.csv`), whose separator is found from the header
    "#);
}
