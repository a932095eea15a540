use std::fmt::Write as _;

use insta::assert_snapshot;

use super::{Fixture, PACK, mark};
use crate::FileId;

/// Each range from the cursor outwards: its text, or where it is when it is long.
fn check(input: &str) -> String {
    let fixture = Fixture::parse(input);
    let (file, offset) = fixture.cursor();
    let text = fixture.text(file);
    let mut out = String::new();
    for span in fixture.analysis.selection_ranges(file, offset) {
        let slice = crate::slice(text, span);
        if slice.len() <= 60 && !slice.contains('\n') {
            let _ = writeln!(out, "`{slice}`");
        } else {
            let _ = writeln!(out, "{}", fixture.range(file, span));
        }
    }
    out
}

#[test]
fn from_a_name_to_the_file() {
    assert_snapshot!(check(&mark(PACK, "require hosting.re$0gion in")), @r#"
`region`
`hosting.region`
`hosting.region in [EU, EEA]`
`require hosting.region in [EU, EEA]`
rules.clause:2:1-7:2
rules.clause:1:1-7:2
rules.clause:1:1-22:1
"#);
    assert_snapshot!(check(&mark(PACK, "s.region == Region.E$0U")), @r#"
`EU`
`Region.EU`
`s.region == Region.EU`
`all s in subprocessors: s.region == Region.EU`
`require all s in subprocessors: s.region == Region.EU`
rules.clause:9:1-12:2
rules.clause:1:1-22:1
"#);
}

#[test]
fn operators_literals_and_clause_ids() {
    assert_snapshot!(check(&mark(PACK, "price <$0= max_price")), @r#"
`<=`
`price <= max_price`
`if price <= max_price then 100 else 0`
`score if price <= max_price then 100 else 0`
rules.clause:14:1-16:2
rules.clause:1:1-22:1
"#);
    assert_snapshot!(check(&mark(PACK, "then 1$000 else")), @r#"
`100`
`if price <= max_price then 100 else 0`
`score if price <= max_price then 100 else 0`
rules.clause:14:1-16:2
rules.clause:1:1-22:1
"#);
    assert_snapshot!(check(&mark(PACK, "requirement HEB$0-01")), @r#"
`HEB-01`
rules.clause:2:1-7:2
rules.clause:1:1-7:2
rules.clause:1:1-22:1
"#);
}

#[test]
fn schema_and_test_data() {
    assert_snapshot!(check(&mark(PACK, "certified: b$0ool")), @r#"
`bool`
`certified: bool`
schema.clause:13:12-17:4
schema.clause:13:3-17:4
schema.clause:12:3-17:4
schema.clause:11:1-21:2
schema.clause:1:1-25:1
"#);
    assert_snapshot!(check(&mark(PACK, "{ region: \"E$0U\"")), @r#"
`"EU"`
`region: "EU"`
`{ region: "EU", certified: true }`
`hosting: { region: "EU", certified: true }`
rules.clause:19:9-19:88
rules.clause:18:1-21:2
rules.clause:1:1-22:1
"#);
    assert_snapshot!(check(&mark(PACK, "expect pass H$0EB-01")), @r#"
`HEB-01`
`expect pass HEB-01`
rules.clause:18:1-21:2
rules.clause:1:1-22:1
"#);
}

#[test]
fn every_range_holds_the_one_before() {
    for input in [PACK, super::no_panic::BROKEN] {
        let fixture = Fixture::parse(input);
        for (index, _) in fixture.names.iter().enumerate() {
            let file = FileId(index as u32);
            let len = fixture.text(file).len() as u32;
            for offset in 0..=len + 1 {
                let ranges = fixture.analysis.selection_ranges(file, offset);
                if offset <= len {
                    assert!(!ranges.is_empty(), "{offset}");
                }
                for pair in ranges.windows(2) {
                    let (inner, outer) = (pair[0], pair[1]);
                    assert!(outer.start <= inner.start && inner.end <= outer.end);
                    assert!(outer.len() > inner.len(), "{pair:?}");
                }
                for span in &ranges {
                    assert!(span.touches(offset));
                }
            }
        }
    }
}
