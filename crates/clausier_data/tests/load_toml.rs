//! TOML descriptors: tables, arrays of tables, native dates, locations, problems.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails loudly where its expectation does not hold"
)]

mod load_support;

use clausier_data::load::Format;
use insta::assert_snapshot;
use load_support::{load_one, load_strict, render};

const FULL: &str = r#"id = "vendor-042"
name = "Lumière Éducation"
seats = 1_200
rating = 4.50
launched = 2024-09-02
standards = ["RGAA", "RGPD", "RGAA"]
tiers = ["I", "IV"]
audits = [2025-01-15]
sizes = [1, 1.0, 0x2]

[hosting]
region = "EU"
country = "FR"
secnumcloud = true

[[subprocessors]]
name = "Scaleway"
region = "EU"
purpose = "hosting"

[[subprocessors]]
name = "Mailjet"
region = "EEA"
purpose = "mail"

[evidence]
tier = "II"

[accessibility]
rgaa_rate = 87.5

[security]
iso27001 = true
iso27001_expires = "2027-06-30"

[pricing]
per_student = "4.50 €"

[reversibility]
export_formats = ["CSV", "JSON"]
notice = "P6M"
"#;

#[test]
fn every_type_with_the_location_of_every_value() {
    let descriptor = load_one("vendors/vendor-042.toml", FULL, Format::Toml);
    assert!(!descriptor.is_invalid());
    assert_snapshot!(render(&[descriptor]));
}

#[test]
fn dotted_keys_and_inline_tables() {
    let text = "hosting.region = \"EU\"\nsecurity = { iso27001 = false }\n";
    let descriptor = load_one("v.toml", text, Format::Toml);
    assert_snapshot!(render(&[descriptor]), @r"
    v (v.toml) valid
      <root> @1:1
      hosting @1:1
      hosting.region = enum 1#0 EU @1:18
      security @2:12
      security.iso27001 = false @2:25
    ");
}

#[test]
fn wrong_types_are_all_reported_with_path_and_place() {
    let text = r#"seats = 1.5
rating = inf
launched = 2027-06-30T10:00:00Z
name = 12

[security]
iso27001_expires = "30/06/2027"

[reversibility]
notice = 6

[[subprocessors]]
name = "A"
region = "eu"
"#;
    let descriptor = load_one("v.toml", text, Format::Toml);
    assert!(descriptor.is_invalid());
    assert_snapshot!(render(&[descriptor]));
}

#[test]
fn duplicate_keys_are_reported_and_the_rest_is_checked() {
    let text = "name = \"a\"\nname = \"b\"\n\n[hosting]\nregion = \"MARS\"\n\n[hosting]\ncountry = \"FR\"\n";
    let descriptor = load_one("v.toml", text, Format::Toml);
    assert!(descriptor.is_invalid());
    assert_snapshot!(render(&[descriptor]));
}

#[test]
fn a_key_repeated_in_a_table_has_its_full_path() {
    let text =
        "id = \"toml\"\n\n[hosting]\nregion = \"EU\"\ncountry = \"FR\"\nregion = \"OTHER\"\n";
    let descriptor = load_one("v.toml", text, Format::Toml);
    assert!(descriptor.is_invalid());
    assert_snapshot!(render(&[descriptor]), @r#"
    toml (v.toml) invalid
      <root> @1:1
      id = "toml" @1:6
      hosting @3:1
      hosting.region = enum 1#0 EU @4:10
      hosting.country = "FR" @5:11
      error D0606 `hosting.region` 6:1: key `region` given twice
        help: give each key and each table once
    "#);
}

#[test]
fn repeated_keys_have_their_full_path_however_their_table_is_written() {
    let cases = [
        (
            "dotted keys",
            "hosting.region = \"EU\"\nhosting . 'region' = \"EEA\"\n",
        ),
        (
            "inline table",
            "hosting = { region = \"EU\", \"region\" = \"EEA\" }\n",
        ),
        (
            "second array table",
            "[[subprocessors]]\nname = \"A\"\n\n[[subprocessors]]\nname = \"B\"\nname = \"C\"\n",
        ),
        (
            "inline table in a list",
            "subprocessors = [{ name = \"A\" }, { name = \"B\", name = \"C\" }]\n",
        ),
        (
            "table given twice",
            "[security]\niso27001 = true\n\n[security]\niso27001 = false\n",
        ),
        ("dotted table header", "[a.b]\nc = 1\n\n[a.b]\nd = 2\n"),
    ];
    let mut out = String::new();
    for (name, text) in cases {
        let descriptor = load_one("v.toml", text, Format::Toml);
        out.push_str(&format!("-- {name}\n"));
        for problem in &descriptor.problems {
            let loc = problem.loc.expect("located");
            out.push_str(&format!(
                "{} `{}` {}:{}: {}\n",
                problem.code,
                problem.path,
                loc.line,
                loc.column,
                problem.message.text(clausier_diagnostics::Lang::En)
            ));
        }
    }
    assert_snapshot!(out, @r"
    -- dotted keys
    D0606 `hosting.region` 2:11: key `region` given twice
    -- inline table
    D0606 `hosting.region` 1:28: key `region` given twice
    -- second array table
    D0606 `subprocessors[1].name` 6:1: key `name` given twice
    -- inline table in a list
    D0606 `subprocessors[1].name` 1:48: key `name` given twice
    -- table given twice
    D0606 `security` 4:2: key `security` given twice
    D0606 `security.iso27001` 5:1: key `iso27001` given twice
    -- dotted table header
    D0604 `a` 1:2: field `a` is not declared by the pack
    D0606 `a.b` 4:4: key `b` given twice
    ");
}

#[test]
fn syntax_errors_have_a_line_and_column_and_no_data() {
    let cases = [
        ("missing value", "name =\n"),
        ("unclosed string", "name = \"abc\n"),
        ("bare word", "name = abc\n"),
        ("bad table header", "[hosting\nregion = \"EU\"\n"),
    ];
    let mut out = String::new();
    for (name, text) in cases {
        let descriptor = load_one("v.toml", text, Format::Toml);
        assert!(descriptor.root.is_none(), "{name}");
        out.push_str(&format!("-- {name}\n{}", render(&[descriptor])));
    }
    assert_snapshot!(out);
}

#[test]
fn an_empty_file_is_an_empty_descriptor() {
    let descriptor = load_one("v.toml", "", Format::Toml);
    assert!(!descriptor.is_invalid());
    assert!(descriptor.problems.is_empty());
}

#[test]
fn undeclared_fields_warn_and_are_errors_under_strict() {
    let text = "[hosting]\ncountri = \"FR\"\n";
    let descriptors = load_strict("v.toml", text, Format::Toml);
    assert_snapshot!(render(&descriptors), @r"
    v (v.toml) invalid
      <root> @1:1
      hosting @1:1
      error D0604 `hosting.countri` 2:1: field `countri` is not declared by the pack
        help: did you mean `country`?
    ");
}
