use std::fmt::Write as _;

use insta::assert_snapshot;

use super::{Fixture, PACK};
use crate::FileId;

fn check(input: &str, file: u32) -> String {
    let fixture = Fixture::parse(input);
    let file = FileId(file);
    let mut out = String::new();
    for range in fixture.analysis.folding_ranges(file) {
        let _ = writeln!(out, "{:?} {}", range.kind, fixture.range(file, range.span));
    }
    out
}

#[test]
fn schema_items_records_and_docs() {
    assert_snapshot!(check(PACK, 0), @r#"
Block schema.clause:2:1-7:2
Block schema.clause:11:1-21:2
Block schema.clause:13:3-17:4
"#);
}

#[test]
fn clauses_and_comment_runs() {
    let input =
        "// one\n// two\n\n// alone\nrequirement A \"a\" {\n  level must\n  require true\n}\n";
    assert_snapshot!(check(input, 0), @r#"
Comment main.clause:1:1-2:7
Block main.clause:5:1-8:2
"#);
}
