use insta::assert_snapshot;

use super::{Fixture, PACK};

fn check(input: &str) -> String {
    Fixture::parse(input).diagnostics()
}

#[test]
fn a_clean_pack_has_no_diagnostics() {
    assert_snapshot!(check(PACK), @r#"
rules.clause:9:13-9:19 warning W0509: the `should` requirement `SUB-01` is not scored by any criterion
rules.clause:9:13-9:19 warning W0510: requirement `SUB-01` has no `text`
rules.clause:14:11-14:16 warning W0510: criterion `PRICE` has no `text`
rules.clause:14:32-14:34 warning W0502: the criteria weights sum to 40, not 100
"#);
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

#[test]
fn files_can_change_and_go() {
    let mut fixture = Fixture::parse(
        "//- a.clause\ndescriptor { price: money }\n//- b.clause\nrequirement A \"a\" {\n  level must\n  require price > 3 €\n}\n",
    );
    assert_snapshot!(fixture.diagnostics(), @"");
    fixture
        .analysis
        .set_file_text(crate::FileId(0), "descriptor { cost: money }\n".to_owned());
    assert_snapshot!(fixture.diagnostics(), @r#"b.clause:3:11-3:16 error E0203: unknown name `price`"#);
    fixture.analysis.remove_file(crate::FileId(0));
    let files: Vec<_> = fixture.analysis.files().collect();
    assert_eq!(files, vec![crate::FileId(1)]);
    assert_snapshot!(format!("{:?}", fixture.analysis.file_text(crate::FileId(0))), @r#"None"#);
}
