use insta::assert_snapshot;

use super::{Fixture, PACK};

fn check(input: &str) -> String {
    Fixture::parse(input).diagnostics()
}

#[test]
fn a_clean_pack_has_no_diagnostics() {
    assert_snapshot!(check(PACK), @r#"rules.clause:14:32-14:34 warning W0502: the criteria weights sum to 40, not 100"#);
}

#[test]
fn type_and_syntax_errors_are_located_in_their_file() {
    let input = r#"//- schema.clause
descriptor {
  price: money
}
//- rules.clause
requirement A-01 "a" {
  level must
  require prise > 3
}
requirement A-02 "b" {
  level must
  require price >
}
"#;
    assert_snapshot!(check(input), @r#"
rules.clause:3:11-3:16 error E0203: unknown name `prise`
rules.clause:7:18-7:18 error E0101: expected an expression, found `}`
"#);
}
