use std::fmt::Write as _;

use insta::assert_snapshot;

use super::{Fixture, PACK, mark};

fn goto(input: &str) -> String {
    let fixture = Fixture::parse(input);
    let (file, offset) = fixture.cursor();
    let mut out = String::new();
    for target in fixture.analysis.goto_definition(file, offset) {
        let _ = writeln!(
            out,
            "{} {}",
            fixture.loc(target.file, target.span),
            target.name
        );
    }
    out
}

fn refs(input: &str, include_declaration: bool) -> String {
    let fixture = Fixture::parse(input);
    let (file, offset) = fixture.cursor();
    let Some(refs) = fixture
        .analysis
        .references(file, offset, include_declaration)
    else {
        return "not on a name".to_owned();
    };
    let mut out = String::new();
    for r in refs {
        let def = if r.is_definition { " (definition)" } else { "" };
        let _ = writeln!(out, "{}{def}", fixture.loc(r.file, r.span));
    }
    out
}

#[test]
fn goto_field_across_files() {
    assert_snapshot!(goto(&mark(PACK, "hosting.re$0gion in")), @r#"schema.clause:15:5-15:11 `region` region"#);
}

#[test]
fn goto_param() {
    assert_snapshot!(goto(&mark(PACK, "<= max_pri$0ce")), @r#"schema.clause:24:7-24:16 `max_price` max_price"#);
}

#[test]
fn goto_variant_and_enum() {
    assert_snapshot!(goto(&mark(PACK, "== Region.E$0U")), @r#"schema.clause:4:3-4:5 `EU` EU"#);
    assert_snapshot!(goto(&mark(PACK, "== Reg$0ion.EU")), @r#"schema.clause:2:6-2:12 `Region` Region"#);
}

#[test]
fn goto_clause_from_a_test() {
    assert_snapshot!(goto(&mark(PACK, "pass HEB-0$01")), @r#"rules.clause:2:13-2:19 `HEB-01` HEB-01"#);
}

#[test]
fn goto_local() {
    assert_snapshot!(goto(&mark(PACK, "s$0.region ==")), @r#"rules.clause:11:15-11:16 `s` s"#);
}

#[test]
fn goto_nothing() {
    assert_snapshot!(goto(&mark(PACK, "lev$0el should")), @"");
}

#[test]
fn references_of_a_variant() {
    assert_snapshot!(refs(&mark(PACK, "[E$0U, EEA]"), true), @r#"
schema.clause:4:3-4:5 `EU` (definition)
rules.clause:6:30-6:32 `EU`
rules.clause:11:54-11:56 `EU`
rules.clause:19:30-19:34 `"EU"`
"#);
    assert_snapshot!(refs(&mark(PACK, "[E$0U, EEA]"), false), @r#"
rules.clause:6:30-6:32 `EU`
rules.clause:11:54-11:56 `EU`
rules.clause:19:30-19:34 `"EU"`
"#);
}

#[test]
fn references_of_a_field_from_its_declaration() {
    assert_snapshot!(refs(&mark(PACK, "re$0gion: Region\n    certified"), true), @r#"
schema.clause:15:5-15:11 `region` (definition)
rules.clause:6:19-6:25 `region`
rules.clause:19:22-19:28 `region`
"#);
}

#[test]
fn references_of_a_clause() {
    assert_snapshot!(refs(&mark(PACK, "requirement HE$0B-01"), true), @r#"
rules.clause:2:13-2:19 `HEB-01` (definition)
rules.clause:20:15-20:21 `HEB-01`
"#);
}

#[test]
fn references_off_a_name() {
    assert_snapshot!(refs(&mark(PACK, "lev$0el should"), true), @"not on a name");
}

#[test]
fn from_the_data_of_a_test() {
    assert_snapshot!(goto(&mark(PACK, "{ reg$0ion: \"EU\", certified")), @r#"schema.clause:15:5-15:11 `region` region"#);
    assert_snapshot!(goto(&mark(PACK, "region: \"E$0U\", certified")), @r#"schema.clause:4:3-4:5 `EU` EU"#);
    assert_snapshot!(refs(&mark(PACK, "{ reg$0ion: \"EU\", certified"), true), @r#"
schema.clause:15:5-15:11 `region` (definition)
rules.clause:6:19-6:25 `region`
rules.clause:19:22-19:28 `region`
"#);
}
