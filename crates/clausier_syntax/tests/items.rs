//! Every item form, parsed from fixture files that carry no error.

mod common;

use clausier_syntax::debug::{debug_tree, debug_tree_with_spans};
use common::{parse_text, render_diagnostics};

#[test]
fn valid_fixtures_parse_without_diagnostics() {
    insta::glob!("fixtures/valid/*.clause", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let parse = parse_text(&text);
        assert!(
            parse.diagnostics.is_empty(),
            "{}",
            render_diagnostics(&text, &parse.diagnostics)
        );
        insta::assert_snapshot!(debug_tree(&parse.ast));
    });
}

#[test]
fn spans_cover_what_each_node_was_parsed_from() {
    let text = "/// Docs.\nrequirement A-1 \"T\" { // note\n  require a.b == 1 and not c\n}\n";
    let parse = parse_text(text);
    assert!(parse.diagnostics.is_empty());
    insta::assert_snapshot!(debug_tree_with_spans(&parse.ast), @r#"
    requirement A-1 "T" @10..70
      docs "Docs." @0..9
      require (and@50..68 (==@50..58 a.b@50..53 1@57..58) (not@63..68 c@67..68)) @42..68
    comment " note" @32..39
    "#);
    let require = common::first_require(text).unwrap();
    let clausier_syntax::ast::ExprKind::Binary { op_span, lhs, .. } = require.into_kind() else {
        panic!("not a binary expression");
    };
    assert_eq!(&text[op_span.range()], "and");
    let clausier_syntax::ast::ExprKind::Binary { op_span, .. } = lhs.kind else {
        panic!("not a comparison");
    };
    assert_eq!(&text[op_span.range()], "==");
}

#[test]
fn items_keep_their_docs_out_of_their_span() {
    let text = "/// One.\n///Two.\n///   Three.\n\n// plain\nenum E {\n  /// Variant.\n  V\n}\n";
    let parse = parse_text(text);
    let item = &parse.ast.items[0];
    assert_eq!(item.docs.text, "One.\nTwo.\n  Three.");
    assert_eq!(
        &text[item.docs.span.range()],
        "/// One.\n///Two.\n///   Three."
    );
    assert!(text[item.span.range()].starts_with("enum E"));
    assert!(text[item.span.range()].ends_with('}'));
    let clausier_syntax::ast::ItemKind::Enum(decl) = &item.kind else {
        panic!("not an enum");
    };
    assert_eq!(decl.variants[0].docs.text, "Variant.");
    assert_eq!(parse.ast.comments[0].text, " plain");
}

#[test]
fn windows_line_endings_parse_alike() {
    let unix = std::fs::read_to_string("tests/fixtures/valid/edtech.clause").unwrap();
    let windows = unix.replace('\n', "\r\n");
    let parse = parse_text(&windows);
    assert!(
        parse.diagnostics.is_empty(),
        "{}",
        render_diagnostics(&windows, &parse.diagnostics)
    );
    assert_eq!(debug_tree(&parse.ast), debug_tree(&parse_text(&unix).ast));
}

#[test]
fn a_test_may_run_at_its_own_date() {
    let text = "test \"après l'échéance\" {\n  date 2027-12-03\n  given { ai: { uses: [\"PROCTORING\"] } }\n  expect fail IA-02\n}\n";
    let parse = parse_text(text);
    assert!(
        parse.diagnostics.is_empty(),
        "{}",
        render_diagnostics(text, &parse.diagnostics)
    );
    insta::assert_snapshot!(debug_tree(&parse.ast), @r#"
    test "après l'échéance"
      date 2027-12-03
      given {ai: {uses: ["PROCTORING"]}}
      expect fail IA-02
    "#);
}

#[test]
fn review_alone_is_the_offers_status_and_before_an_id_a_requirements() {
    let text = "test \"équivalence\" {\n  given { hds: { \"$value\": false, \"$valid_until\": 2026-06-30 } }\n  expect review\n  expect review HEB-03 // à examiner\n  expect review\n}\ntest \"sur une ligne\" { given {} expect review expect review HEB-03 expect review}\n";
    let parse = parse_text(text);
    assert!(
        parse.diagnostics.is_empty(),
        "{}",
        render_diagnostics(text, &parse.diagnostics)
    );
    insta::assert_snapshot!(debug_tree(&parse.ast), @r#"
    test "équivalence"
      given {hds: {$value: false, $valid_until: 2026-06-30}}
      expect review
      expect review HEB-03
      expect review
    test "sur une ligne"
      given {}
      expect review
      expect review HEB-03
      expect review
    comment " à examiner"
    "#);
}

#[test]
fn a_test_with_two_dates_is_refused() {
    let text = "test \"t\" {\n  date 2027-12-03\n  date 2028-01-01\n  expect eligible\n}\n";
    let parse = parse_text(text);
    insta::assert_snapshot!(render_diagnostics(text, &parse.diagnostics), @r"
    error[E0402]: `date` appears twice in this test
      --> 3:3
       |   date 2028-01-01
       |   ^^^^^^^^^^^^^^^ second `date`
      --> 2:3
       |   date 2027-12-03
       |   --------------- first `date`
       = help: a test runs at one date: write another test for the other one
    ");
}

#[test]
fn a_range_of_a_string_value_maps_back_to_the_text_as_written() {
    let text = "requirement A \"a\" {\n  text \"« \\\"{x}\\\" » \\u{E9}\\n{long_name}.\"\n  require b\n}\n";
    let parse = parse_text(text);
    assert!(parse.diagnostics.is_empty());
    let clausier_syntax::ast::ItemKind::Requirement(decl) = &parse.ast.items[0].kind else {
        panic!("not a requirement");
    };
    let clausier_syntax::ast::ClauseFieldKind::Text(lit) = &decl.body[0].kind else {
        panic!("not a text");
    };
    assert_eq!(lit.value, "« \"{x}\" » é\n{long_name}.");
    let source = |needle: &str| {
        let start = lit.value.find(needle).unwrap();
        &text[lit.source_span(start..start + needle.len()).range()]
    };
    assert_eq!(source("{x}"), "{x}");
    assert_eq!(source("{long_name}"), "{long_name}");
    assert_eq!(source("\"{x}\""), "\\\"{x}\\\"");
    assert_eq!(source("é\n"), "\\u{E9}\\n");
    assert_eq!(source("."), ".");
}
