use std::fmt::Write as _;

use insta::assert_snapshot;

use super::{Fixture, PACK};
use crate::{DocumentSymbol, FileId};

fn check(input: &str, file: u32) -> String {
    let fixture = Fixture::parse(input);
    let file = FileId(file);
    let mut out = String::new();
    for symbol in fixture.analysis.document_symbols(file) {
        render(&fixture, file, &symbol, 0, &mut out);
    }
    out
}

fn render(
    fixture: &Fixture,
    file: FileId,
    symbol: &DocumentSymbol,
    depth: usize,
    out: &mut String,
) {
    let detail = symbol
        .detail
        .as_deref()
        .map(|d| format!(" ({d})"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{:indent$}{:?} {}{detail} {} focus {}",
        "",
        symbol.kind,
        symbol.name,
        fixture.range(file, symbol.full_range),
        fixture.range(file, symbol.focus_range),
        indent = depth * 2
    );
    for child in &symbol.children {
        render(fixture, file, child, depth + 1, out);
    }
}

#[test]
fn schema_items_have_fields_and_variants() {
    assert_snapshot!(check(PACK, 0), @r#"
Enum Region schema.clause:2:1-7:2 focus schema.clause:2:6-2:12
  Variant EU schema.clause:4:3-4:5 focus schema.clause:4:3-4:5
  Variant EEA schema.clause:5:3-5:6 focus schema.clause:5:3-5:6
  Variant OTHER schema.clause:6:3-6:8 focus schema.clause:6:3-6:8
Type Subprocessor schema.clause:9:1-9:53 focus schema.clause:9:6-9:18
  Field name (string) schema.clause:9:23-9:35 focus schema.clause:9:23-9:27
  Field region (Region) schema.clause:9:37-9:51 focus schema.clause:9:37-9:43
Descriptor descriptor schema.clause:11:1-21:2 focus schema.clause:11:1-11:11
  Field hosting schema.clause:13:3-17:4 focus schema.clause:13:3-13:10
    Field region (Region) schema.clause:15:5-15:19 focus schema.clause:15:5-15:11
    Field certified (bool) schema.clause:16:5-16:20 focus schema.clause:16:5-16:14
  Field subprocessors (list<Subprocessor>) schema.clause:18:3-18:36 focus schema.clause:18:3-18:16
  Field price (money) schema.clause:20:3-20:15 focus schema.clause:20:3-20:8
Param max_price (money) schema.clause:24:1-25:1 focus schema.clause:24:7-24:16
"#);
}

#[test]
fn clauses_and_tests() {
    assert_snapshot!(check(PACK, 1), @r#"
Requirement HEB-01 (Hosting in the EU) rules.clause:2:1-7:2 focus rules.clause:2:13-2:19
Requirement SUB-01 (Subprocessors in the EU) rules.clause:9:1-12:2 focus rules.clause:9:13-9:19
Criterion PRICE (Price) rules.clause:14:1-16:2 focus rules.clause:14:11-14:16
Test eu rules.clause:18:1-21:2 focus rules.clause:18:6-18:10
"#);
}

#[test]
fn broken_items_are_left_out() {
    assert_snapshot!(check("enum A { X }\nrequirement {\nparam p: int = 1\n", 0), @r#"
Enum A main.clause:1:1-1:13 focus main.clause:1:6-1:7
  Variant X main.clause:1:10-1:11 focus main.clause:1:10-1:11
Param p (int) main.clause:3:1-4:1 focus main.clause:3:7-3:8
"#);
}
