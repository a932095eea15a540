use insta::assert_snapshot;

use super::Fixture;
use crate::{FileId, Span};

fn check(input: &str) -> String {
    let fixture = Fixture::parse(input);
    match fixture.analysis.format(FileId(0)) {
        Ok(edits) if edits.is_empty() => "unchanged".to_owned(),
        Ok(edits) => edits
            .iter()
            .map(|e| format!("{}\n{}", fixture.range(FileId(0), e.range), e.new_text))
            .collect(),
        Err(error) => format!("error: {error}"),
    }
}

#[test]
fn formats_a_whole_file() {
    assert_snapshot!(check("param   p :int=1\nrequirement A \"a\" {require p>0\nlevel must}\n"), @r#"
main.clause:1:1-4:1
param p: int = 1

requirement A "a" {
  level must
  require p > 0
}
"#);
}

#[test]
fn formatted_text_is_left_alone() {
    assert_snapshot!(check("param p: int = 1\n"), @"unchanged");
}

#[test]
fn syntax_errors_are_refused() {
    assert_snapshot!(check("param p: = \n"), @r#"error: cannot format a file with syntax errors: the first is at line 1, column 10: expected a type, found `=`"#);
}

#[test]
fn range_formatting_and_unknown_files() {
    let fixture = Fixture::parse("param   p :int=1\n\nparam q: int = 2\n");
    let edits = fixture.analysis.format_range(FileId(0), Span::new(0, 3));
    assert_snapshot!(format!("{edits:?}"), @r#"Ok([TextEdit { range: Span { start: 0, end: 16 }, new_text: "param p: int = 1" }])"#);
    assert_eq!(fixture.analysis.format(FileId(9)), Ok(Vec::new()));
}
