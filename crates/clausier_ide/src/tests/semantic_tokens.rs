use std::fmt::Write as _;

use insta::assert_snapshot;

use super::{Fixture, PACK, mark};
use crate::{FileId, SEMANTIC_TOKEN_KINDS, SEMANTIC_TOKEN_MODIFIERS, SemanticToken};

/// The tokens of the line the cursor is on: `text kind +modifier…` each.
fn check(input: &str) -> String {
    let fixture = Fixture::parse(input);
    let (file, offset) = fixture.cursor();
    let text = fixture.text(file);
    let line_start = text
        .get(..offset as usize)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let line_end = text
        .get(offset as usize..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| i + offset as usize);
    let mut out = String::new();
    for token in fixture.analysis.semantic_tokens(file) {
        if (token.span.start as usize) < line_start || token.span.end as usize > line_end {
            continue;
        }
        let _ = writeln!(out, "{}", render(text, &token));
    }
    out
}

fn render(text: &str, token: &SemanticToken) -> String {
    let mut line = format!(
        "`{}` {}",
        crate::slice(text, token.span),
        SEMANTIC_TOKEN_KINDS
            .get(token.kind as usize)
            .unwrap_or(&"?")
    );
    for (bit, name) in SEMANTIC_TOKEN_MODIFIERS.iter().enumerate() {
        if token.modifiers.0 & (1 << bit) != 0 {
            let _ = write!(line, " +{name}");
        }
    }
    line
}

/// Sorted, non-overlapping, non-empty, each within a line.
fn assert_well_formed(text: &str, tokens: &[SemanticToken]) {
    let mut end = 0;
    for token in tokens {
        assert!(token.span.start >= end, "overlap at {token:?}");
        assert!(!token.span.is_empty(), "{token:?}");
        let slice = text.get(token.span.range()).unwrap_or("\n");
        assert!(!slice.contains('\n'), "{token:?}");
        end = token.span.end;
    }
}

#[test]
fn names_by_what_they_resolve_to() {
    assert_snapshot!(check(&mark(PACK, "require hosting.region in [EU, EEA]$0")), @r#"
`require` keyword
`hosting` property
`region` property
`in` keyword
`EU` enumMember
`EEA` enumMember
"#);
}

#[test]
fn declarations_docs_and_types() {
    assert_snapshot!(check(&mark(PACK, "param max_price: money = 6.00 €$0")), @r#"
`param` keyword
`max_price` parameter +declaration +readonly
`money` type +defaultLibrary
`6.00 €` number
"#);
    assert_snapshot!(check(&mark(PACK, "/// The highest acceptable price.$0")), @"`/// The highest acceptable price.` comment +documentation");
    assert_snapshot!(check(&mark(PACK, "subprocessors: list<Subprocessor>$0")), @r#"
`subprocessors` property +declaration
`list` type +defaultLibrary
`Subprocessor` type
"#);
    assert_snapshot!(check(&mark(PACK, "enum Region {$0")), @r#"
`enum` keyword
`Region` enum +declaration
"#);
    assert_snapshot!(check(&mark(PACK, "  EEA,$0")), @"`EEA` enumMember +declaration");
}

#[test]
fn clauses_and_bound_variables() {
    assert_snapshot!(check(&mark(PACK, "requirement HEB-01 \"Hosting in the EU\" {$0")), @r#"
`requirement` keyword
`HEB-01` clause +declaration
`"Hosting in the EU"` string
"#);
    assert_snapshot!(check(&mark(PACK, "require all s in subprocessors: s.region == Region.EU$0")), @r#"
`require` keyword
`all` keyword
`s` variable +declaration
`in` keyword
`subprocessors` property
`s` variable
`region` property
`==` operator
`Region` enum
`EU` enumMember
"#);
    assert_snapshot!(check(&mark(PACK, "score if price <= max_price then 100 else 0$0")), @r#"
`score` keyword
`if` keyword
`price` property
`<=` operator
`max_price` parameter +readonly
`then` keyword
`100` number
`else` keyword
`0` number
"#);
    assert_snapshot!(check(&mark(PACK, "criterion PRICE \"Price\" weight 40 {$0")), @r#"
`criterion` keyword
`PRICE` clause +declaration
`"Price"` string
`weight` keyword
`40` number
"#);
}

#[test]
fn tests_and_their_data() {
    assert_snapshot!(check(&mark(PACK, "subprocessors: [], price: \"5 €\" }$0")), @r#"
`given` keyword
`hosting` property
`region` property
`"EU"` string
`certified` property
`true` keyword
`subprocessors` property
`price` property
`"5 €"` string
"#);
    assert_snapshot!(check(&mark(PACK, "expect pass HEB-01$0")), @r#"
`expect` keyword
`pass` keyword
`HEB-01` clause
"#);
}

#[test]
fn literals_and_comments() {
    let input = "param d: date = 2026-12-01 // the day$0\n";
    assert_snapshot!(check(input), @r#"
`param` keyword
`d` parameter +declaration +readonly
`date` type +defaultLibrary
`2026-12-01` date
`// the day` comment
"#);
    let input = "param p: duration = 30 days$0\n";
    assert_snapshot!(check(input), @r#"
`param` keyword
`p` parameter +declaration +readonly
`duration` type +defaultLibrary
`30 days` number
"#);
    let input = "param t: time = 08:30$0\n";
    assert_snapshot!(check(input), @r#"
`param` keyword
`t` parameter +declaration +readonly
`time` type +defaultLibrary
`08:30` date
"#);
    let input = "param d: datetime = 2027-01-04T08:30$0\n";
    assert_snapshot!(check(input), @r#"
`param` keyword
`d` parameter +declaration +readonly
`datetime` type +defaultLibrary
`2027-01-04T08:30` date
"#);
    let input = "param h: duration = 4 heures$0\n";
    assert_snapshot!(check(input), @r#"
`param` keyword
`h` parameter +declaration +readonly
`duration` type +defaultLibrary
`4 heures` number
"#);
    let input = "param r: percent = 75 %$0\n";
    assert_snapshot!(check(input), @r#"
`param` keyword
`r` parameter +declaration +readonly
`percent` type +defaultLibrary
`75 %` number
"#);
    let input = "use other::{A-1 as should}$0\nset other::p = 2 EUR\n";
    assert_snapshot!(check(input), @r#"
`use` keyword
`other` namespace
`A-1` clause
`as` keyword
`should` keyword
"#);
}

#[test]
fn broken_text_keeps_its_tokens() {
    assert_snapshot!(check("requirement R-1 \"é {\n  require prix. and 3 €$0\n"), @r#"
`require` keyword
`and` keyword
`3 €` number
"#);
    assert_snapshot!(check("text \"unterminated é$0\nrequire\n"), @r#"
`text` keyword
`"unterminated é` string
"#);
}

#[test]
fn well_formed_on_every_fixture() {
    for input in [PACK, super::no_panic::BROKEN] {
        let fixture = Fixture::parse(input);
        for (index, _) in fixture.names.iter().enumerate() {
            let file = FileId(index as u32);
            assert_well_formed(fixture.text(file), &fixture.analysis.semantic_tokens(file));
        }
    }
    assert!(
        Fixture::parse(PACK)
            .analysis
            .semantic_tokens(FileId(9))
            .is_empty()
    );
}

#[test]
fn the_legends_name_every_kind_and_modifier() {
    assert_eq!(
        SEMANTIC_TOKEN_KINDS.len(),
        crate::SemanticTokenKind::Namespace as usize + 1
    );
    assert_eq!(SEMANTIC_TOKEN_MODIFIERS.len(), 4);
}

#[test]
fn passed_is_a_word_before_a_parenthesis_and_a_text_stays_one_string() {
    let pack = format!(
        "{PACK}\ncriterion NEW \"new\" weight 10 {{\n  text \"Au plus {{max_price}}.\"\n  score if passed(SUB-01) then 1 else 0\n}}\n"
    );
    assert_snapshot!(check(&mark(&pack, "score if passed(SUB-01) then 1 else 0$0")), @r#"
`score` keyword
`if` keyword
`passed` keyword
`SUB-01` clause
`then` keyword
`1` number
`else` keyword
`0` number
"#);
    // The placeholder is a symbol inside the string, which stays one token.
    assert_snapshot!(check(&mark(&pack, "text \"Au plus {max_price}.\"$0")), @r#"
`text` keyword
`"Au plus {max_price}."` string
"#);
    let fixture = Fixture::parse(&mark(&pack, "$0"));
    let file = fixture.cursor().0;
    assert_well_formed(fixture.text(file), &fixture.analysis.semantic_tokens(file));
}

#[test]
fn an_aggregate_over_a_list_is_a_word_before_a_parenthesis_only() {
    let pack = format!(
        "{PACK}\nparam sum: int = 3\nrequirement AGG \"agg\" {{\n  require max(s in subprocessors: s.region) == EU and sum > 2\n}}\n"
    );
    assert_snapshot!(check(&mark(&pack, "require max(s in subprocessors: s.region) == EU and sum > 2$0")), @r#"
`require` keyword
`max` keyword
`s` variable +declaration
`in` keyword
`subprocessors` property
`s` variable
`region` property
`==` operator
`EU` enumMember
`and` keyword
`sum` parameter +readonly
`>` operator
`2` number
"#);
}

#[test]
fn a_text_check_is_a_word_before_a_parenthesis_only() {
    let pack = format!(
        "{PACK}\nparam uai: string = \"0750680G\"\nrequirement TXT \"txt\" {{\n  require uai(uai) and matches(hosting.country, \"^F\")\n}}\n"
    );
    assert_snapshot!(check(&mark(&pack, "require uai(uai) and matches(hosting.country, \"^F\")$0")), @r#"
`require` keyword
`uai` keyword
`uai` parameter +readonly
`and` keyword
`matches` keyword
`hosting` property
`"^F"` string
"#);
}

#[test]
fn indicator_lines_and_share_are_keywords() {
    let source = "//- main.clause\nenum C { A, B }\ndescriptor { c: C, s: money }\nindicator I \"Part\" {\n  value share(e in entries: e.c == A, e.s)$0\n}\n";
    assert_snapshot!(check(source), @r#"
`value` keyword
`share` keyword
`e` variable +declaration
`in` keyword
`e` variable
`c` property
`==` operator
`A` enumMember
`e` variable
`s` property
"#);
}
