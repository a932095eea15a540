use std::fmt::Write as _;

use insta::assert_snapshot;

use super::{Fixture, PACK, mark};

fn check(input: &str, new_name: &str) -> String {
    let fixture = Fixture::parse(input);
    let (file, offset) = fixture.cursor();
    match fixture.analysis.rename(file, offset, new_name) {
        Ok(change) => {
            let mut out = String::new();
            for (file, edits) in &change.edits {
                for edit in edits {
                    let _ = writeln!(
                        out,
                        "{} -> {}",
                        fixture.loc(*file, edit.range),
                        edit.new_text
                    );
                }
            }
            out
        }
        Err(error) => format!("error: {error}"),
    }
}

#[test]
fn field_across_files_and_test_data() {
    assert_snapshot!(check(&mark(PACK, "hosting.re$0gion in"), "zone"), @r#"
schema.clause:15:5-15:11 `region` -> zone
rules.clause:6:19-6:25 `region` -> zone
rules.clause:19:22-19:28 `region` -> zone
"#);
}

#[test]
fn param() {
    assert_snapshot!(check(&mark(PACK, "param max_pri$0ce"), "ceiling"), @r#"
schema.clause:24:7-24:16 `max_price` -> ceiling
rules.clause:15:21-15:30 `max_price` -> ceiling
"#);
}

#[test]
fn variant_with_test_data() {
    assert_snapshot!(check(&mark(PACK, "[E$0U, EEA]"), "UE"), @r#"
schema.clause:4:3-4:5 `EU` -> UE
rules.clause:6:30-6:32 `EU` -> UE
rules.clause:11:54-11:56 `EU` -> UE
rules.clause:19:30-19:34 `"EU"` -> "UE"
"#);
}

#[test]
fn clause_id() {
    assert_snapshot!(check(&mark(PACK, "requirement HEB$0-01"), "HOST-1"), @r#"
rules.clause:2:13-2:19 `HEB-01` -> HOST-1
rules.clause:20:15-20:21 `HEB-01` -> HOST-1
"#);
}

#[test]
fn enum_and_local() {
    assert_snapshot!(check(&mark(PACK, "== Reg$0ion.EU"), "Zone"), @r#"
schema.clause:2:6-2:12 `Region` -> Zone
schema.clause:9:45-9:51 `Region` -> Zone
schema.clause:15:13-15:19 `Region` -> Zone
rules.clause:11:47-11:53 `Region` -> Zone
"#);
    assert_snapshot!(check(&mark(PACK, "all s$0 in"), "sub"), @r#"
rules.clause:11:15-11:16 `s` -> sub
rules.clause:11:35-11:36 `s` -> sub
"#);
}

#[test]
fn refused_names() {
    assert_snapshot!(check(&mark(PACK, "hosting.re$0gion in"), "certified"), @r#"error: `certified` is already used by another field of this record"#);
    assert_snapshot!(check(&mark(PACK, "hosting.re$0gion in"), "2nd"), @r#"error: `2nd` is not a valid name: a name starts with a letter or `_`, then letters, digits or `_`"#);
    assert_snapshot!(check(&mark(PACK, "hosting.re$0gion in"), "all"), @r#"error: `all` is not a valid name: it is a keyword"#);
    assert_snapshot!(check(&mark(PACK, "[E$0U, EEA]"), "EEA"), @r#"error: `EEA` is already used by another variant of this enum"#);
    assert_snapshot!(check(&mark(PACK, "requirement HEB$0-01"), "SUB-01"), @r#"error: `SUB-01` is already used by another clause"#);
    assert_snapshot!(check(&mark(PACK, "requirement HEB$0-01"), "-x"), @r#"error: `-x` is not a valid name: a clause id starts with a letter, then letters, digits, `_` or `-`"#);
    assert_snapshot!(check(&mark(PACK, "param max_pri$0ce"), "price"), @r#"error: `price` is already used by a descriptor field"#);
    assert_snapshot!(check(&mark(PACK, "== Reg$0ion.EU"), "Subprocessor"), @r#"error: `Subprocessor` is already used by a type"#);
    assert_snapshot!(check(&mark(PACK, "lev$0el must"), "x"), @r#"error: there is no name to rename here"#);
}

#[test]
fn from_the_data_of_a_test() {
    assert_snapshot!(check(&mark(PACK, "region: \"E$0U\", certified"), "UE"), @r#"
schema.clause:4:3-4:5 `EU` -> UE
rules.clause:6:30-6:32 `EU` -> UE
rules.clause:11:54-11:56 `EU` -> UE
rules.clause:19:30-19:34 `"EU"` -> "UE"
"#);
}

const TEXTS: &str = r#"//- rules.clause
descriptor {
  pricing: { per_student: money }
}
param max_price: money = 8.00 €
requirement PRX-01 "Prix" {
  level should
  text "« Prix » \"plafond\" : {max_price} HT ({{hors options}})."
  note "Soit {max_price} par élève."
  require pricing.per_student <= max_price
}
criterion PRIX "Prix" weight 100 {
  score if passed(PRX-01) then 1 else 0
}
"#;

#[test]
fn param_used_in_texts() {
    let renamed = r#"
rules.clause:4:7-4:16 `max_price` -> ceiling
rules.clause:7:33-7:42 `max_price` -> ceiling
rules.clause:8:15-8:24 `max_price` -> ceiling
rules.clause:9:34-9:43 `max_price` -> ceiling
"#;
    // From its declaration, and from a placeholder inside a string with escapes.
    assert_eq!(
        check(&mark(TEXTS, "param max_pri$0ce"), "ceiling"),
        renamed.trim_start()
    );
    assert_eq!(
        check(&mark(TEXTS, ": {max_$0price}"), "ceiling"),
        renamed.trim_start()
    );
}

#[test]
fn clause_id_read_by_passed() {
    assert_snapshot!(check(&mark(TEXTS, "passed(PRX$0-01)"), "PRX-02"), @r#"
rules.clause:5:13-5:19 `PRX-01` -> PRX-02
rules.clause:12:19-12:25 `PRX-01` -> PRX-02
"#);
}
