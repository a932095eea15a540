use std::fmt::Write as _;

use insta::assert_snapshot;

use super::{Fixture, PACK};

fn check(input: &str, query: &str) -> String {
    let fixture = Fixture::parse(input);
    let mut out = String::new();
    for symbol in fixture.analysis.workspace_symbols(query) {
        let container = symbol
            .container
            .map(|c| format!(" in {c}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{:?} {}{container} {}",
            symbol.kind,
            symbol.name,
            fixture.range(symbol.file, symbol.span)
        );
    }
    out
}

#[test]
fn exact_then_prefix_then_part_then_subsequence() {
    assert_snapshot!(check(PACK, "region"), @r#"
Enum Region in test schema.clause:2:6-2:12
Field hosting.region in hosting schema.clause:15:5-15:11
Field Subprocessor.region in Subprocessor schema.clause:9:37-9:43
"#);
    assert_snapshot!(check(PACK, "pri"), @r#"
Field price in descriptor schema.clause:20:3-20:8
Criterion PRICE Price in test rules.clause:14:11-14:16
Param max_price in test schema.clause:24:7-24:16
Field Subprocessor.region in Subprocessor schema.clause:9:37-9:43
Requirement SUB-01 Subprocessors in the EU in test rules.clause:9:13-9:19
"#);
    assert_snapshot!(check(PACK, "hsr"), @r#"
Field hosting.region in hosting schema.clause:15:5-15:11
Field hosting.certified in hosting schema.clause:16:5-16:14
"#);
}

#[test]
fn clauses_by_id_or_title_ignoring_case_and_accents() {
    assert_snapshot!(check(PACK, "heb"), @"Requirement HEB-01 Hosting in the EU in test rules.clause:2:13-2:19");
    assert_snapshot!(check(PACK, "EU"), @r#"
Variant EU in Region schema.clause:4:3-4:5
Requirement HEB-01 Hosting in the EU in test rules.clause:2:13-2:19
Requirement SUB-01 Subprocessors in the EU in test rules.clause:9:13-9:19
"#);
    let input = "requirement HEB-01 \"Hébergement en Europe\" {\n  require true\n}\n";
    assert_snapshot!(check(input, "hebergement"), @"Requirement HEB-01 Hébergement en Europe in test main.clause:1:13-1:19");
}

#[test]
fn everything_for_an_empty_query_and_nothing_for_a_miss() {
    assert_snapshot!(check(PACK, ""), @r#"
Enum Region in test schema.clause:2:6-2:12
Variant EU in Region schema.clause:4:3-4:5
Variant EEA in Region schema.clause:5:3-5:6
Variant OTHER in Region schema.clause:6:3-6:8
Type Subprocessor in test schema.clause:9:6-9:18
Field Subprocessor.name in Subprocessor schema.clause:9:23-9:27
Field Subprocessor.region in Subprocessor schema.clause:9:37-9:43
Field hosting in descriptor schema.clause:13:3-13:10
Field hosting.region in hosting schema.clause:15:5-15:11
Field hosting.certified in hosting schema.clause:16:5-16:14
Field subprocessors in descriptor schema.clause:18:3-18:16
Field price in descriptor schema.clause:20:3-20:8
Param max_price in test schema.clause:24:7-24:16
Requirement HEB-01 Hosting in the EU in test rules.clause:2:13-2:19
Requirement SUB-01 Subprocessors in the EU in test rules.clause:9:13-9:19
Criterion PRICE Price in test rules.clause:14:11-14:16
"#);
    assert_snapshot!(check(PACK, "zzz"), @"");
}

#[test]
fn the_shipped_packs_are_searched_across_packs() {
    let dir = super::workspace::rules_copy();
    let analysis = super::workspace::open(&dir.path().join("rules/region-exemple"));
    let all = analysis.workspace_symbols("");
    assert_eq!(all.len(), crate::WORKSPACE_SYMBOLS_MAX);
    let mut out = String::new();
    for symbol in analysis.workspace_symbols("max_price").iter().take(3) {
        let _ = writeln!(
            out,
            "{:?} {} in {:?}",
            symbol.kind, symbol.name, symbol.container
        );
    }
    assert_snapshot!(out, @r#"Param max_price in Some("edtech-fr")"#);
}
