//! JSON descriptors: every type, value locations, every problem with its place.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails loudly where its expectation does not hold"
)]

mod load_support;

use clausier_data::load::Format;
use clausier_diagnostics::Code;
use insta::assert_snapshot;
use load_support::{load_one, load_strict, render};

const FULL: &str = r#"{
  "id": "vendor-042",
  "name": "Lumière Éducation",
  "seats": 1200,
  "rating": 4.50,
  "launched": "2024-09-02",
  "hosting": { "region": "EU", "country": "FR", "secnumcloud": true },
  "subprocessors": [
    { "name": "Scaleway", "region": "EU", "purpose": "hosting" },
    { "name": "Mailjet", "region": "EEA", "purpose": "mail" }
  ],
  "evidence": { "tier": "II" },
  "accessibility": { "rgaa_rate": 87.5 },
  "standards": ["RGAA", "RGPD", "RGAA"],
  "security": { "iso27001": true, "iso27001_expires": "2027-06-30" },
  "pricing": { "per_student": 4.50 },
  "reversibility": { "export_formats": ["CSV", "JSON"], "notice": "P6M" },
  "tiers": ["I", "IV"],
  "audits": ["2025-01-15"],
  "sizes": [1, 1.0, 2]
}
"#;

#[test]
fn every_type_with_the_location_of_every_value() {
    let descriptor = load_one("vendors/vendor-042.json", FULL, Format::Json);
    assert!(!descriptor.is_invalid());
    assert_snapshot!(render(&[descriptor]));
}

#[test]
fn string_forms_of_percent_money_and_duration() {
    let text = r#"{
  "accessibility": { "rgaa_rate": "87.5%" },
  "pricing": { "per_student": "4.50 €" },
  "reversibility": { "notice": "6 months" }
}"#;
    let descriptor = load_one("v.json", text, Format::Json);
    assert_snapshot!(render(&[descriptor]), @r"
    v (v.json) valid
      <root> @1:1
      accessibility @2:20
      accessibility.rgaa_rate = percent 87.5 @2:35
      pricing @3:14
      pricing.per_student = money 4.50 @3:31
      reversibility @4:20
      reversibility.notice = duration 6 months 0 days @4:32
    ");
}

#[test]
fn wrong_types_are_all_reported_with_path_and_place() {
    let text = r#"{
  "seats": 12.5,
  "rating": "4.5",
  "name": 42,
  "launched": "2027-02-30",
  "hosting": { "region": "eu", "secnumcloud": "yes" },
  "subprocessors": [
    { "name": "A", "region": "EU" },
    { "name": "B", "region": "MARS" },
    null
  ],
  "evidence": "II",
  "accessibility": { "rgaa_rate": "87.5" },
  "security": { "iso27001_expires": "30/06/2027" },
  "pricing": { "per_student": "4.50 $" },
  "reversibility": { "notice": "soon", "export_formats": "CSV" },
  "tiers": [3],
  "sizes": [1e400]
}"#;
    let descriptor = load_one("vendors/bad.json", text, Format::Json);
    assert!(descriptor.is_invalid());
    assert_snapshot!(render(&[descriptor]));
}

#[test]
fn the_brief_example_of_a_wrong_date() {
    let text = r#"{ "security": { "iso27001_expires": "30/06/2027" } }"#;
    let descriptor = load_one("v.json", text, Format::Json);
    let problem = &descriptor.problems[0];
    assert_eq!(problem.code, Code::DESCRIPTOR_TYPE);
    assert_eq!(
        problem.message.text(clausier_diagnostics::Lang::En),
        "expected a date such as `2027-06-30`, found `\"30/06/2027\"`"
    );
    assert_eq!(problem.path, "security.iso27001_expires");
    let loc = problem.loc.unwrap();
    let column = text.find("\"30/06").unwrap() + 1;
    assert_eq!((loc.line, loc.column as usize), (1, column));
    assert_eq!(&text[loc.span.range()], "\"30/06/2027\"");
}

#[test]
fn syntax_errors_have_a_line_and_column_and_no_data() {
    let cases = [
        ("trailing comma", "{\n  \"name\": \"x\",\n}\n"),
        ("comment", "{\n  // note\n  \"name\": \"x\"\n}"),
        ("unquoted key", "{ name: \"x\" }"),
        ("unterminated string", "{\n  \"name\": \"x\n}"),
        ("two values", "{} {}"),
        ("single quotes", "{ \"name\": 'x' }"),
        ("empty", ""),
    ];
    let mut out = String::new();
    for (name, text) in cases {
        let descriptor = load_one("v.json", text, Format::Json);
        assert!(descriptor.root.is_none() || name == "empty", "{name}");
        out.push_str(&format!("-- {name}\n{}", render(&[descriptor])));
    }
    assert_snapshot!(out);
}

#[test]
fn a_missing_comma_is_reported_at_the_token_found_instead() {
    let text = "{\n  \"id\": \"vendor-042\",\n  \"hosting\": { \"region\": \"EU\" \"country\": \"FR\" }\n}\n";
    let descriptor = load_one("v.json", text, Format::Json);
    assert!(descriptor.root.is_none());
    assert_snapshot!(render(&[descriptor]), @r#"
    v (v.json) invalid
      error D0601 `` 3:31: invalid JSON: expected `,` or `}`, found `"country"`
        help: put a comma between two entries
    "#);
}

#[test]
fn syntax_errors_point_at_the_offending_token_or_at_the_end() {
    let cases = [
        (
            "missing comma in a list",
            "{ \"standards\": [\"RGAA\" \"RGPD\"] }",
        ),
        (
            "missing comma before a long string",
            &format!("{{ \"a\": 1 \"{}\": 2 }}", "x".repeat(70)),
        ),
        ("missing colon", "{ \"name\" \"x\" }"),
        ("missing colon at the end", "{ \"name\"\n"),
        ("two commas", "{ \"name\": \"x\",, \"seats\": 1 }"),
        ("no key after the brace", "{ : 1 }"),
        ("bracket closing an object", "{ \"name\": \"x\" ]"),
        ("unclosed object", "{\n  \"name\": \"x\"\n\n"),
        (
            "unclosed list",
            "{\n  \"standards\": [\"RGAA\",\n    \"RGPD\"\n",
        ),
        ("missing value at the end", "{ \"name\":\n"),
        ("unexpected brace", "{ \"name\": }"),
    ];
    let mut out = String::new();
    for (name, text) in cases {
        let descriptor = load_one("v.json", text, Format::Json);
        assert!(descriptor.root.is_none(), "{name}");
        out.push_str(&format!("-- {name}\n{}", render(&[descriptor])));
    }
    assert_snapshot!(out, @r#"
    -- missing comma in a list
    v (v.json) invalid
      error D0601 `` 1:24: invalid JSON: expected `,` or `]`, found `"RGPD"`
        help: put a comma between two entries
    -- missing comma before a long string
    v (v.json) invalid
      error D0601 `` 1:10: invalid JSON: expected `,` or `}`, found a string
        help: put a comma between two entries
    -- missing colon
    v (v.json) invalid
      error D0601 `` 1:10: invalid JSON: expected `:` after the key, found `"x"`
        help: write each entry as `"key": value`
    -- missing colon at the end
    v (v.json) invalid
      error D0601 `` 1:9: invalid JSON: expected `:` after the key, found the end of the file
        help: write each entry as `"key": value`
    -- two commas
    v (v.json) invalid
      error D0601 `` 1:15: invalid JSON: expected a key in double quotes, found `,`
    -- no key after the brace
    v (v.json) invalid
      error D0601 `` 1:3: invalid JSON: expected a key in double quotes or `}`, found `:`
    -- bracket closing an object
    v (v.json) invalid
      error D0601 `` 1:15: invalid JSON: expected `,` or `}`, found `]`
    -- unclosed object
    v (v.json) invalid
      error D0601 `` 2:14: invalid JSON: unterminated object
        help: the `{` at line 1, column 1 is never closed: add its `}`
    -- unclosed list
    v (v.json) invalid
      error D0601 `` 3:11: invalid JSON: unterminated array
        help: the `[` at line 2, column 16 is never closed: add its `]`
    -- missing value at the end
    v (v.json) invalid
      error D0601 `` 1:10: invalid JSON: expected value after colon in object property
    -- unexpected brace
    v (v.json) invalid
      error D0601 `` 1:11: invalid JSON: unexpected close brace
    "#);
}

#[test]
fn top_level_must_be_an_object() {
    let descriptor = load_one("v.json", "[1, 2]", Format::Json);
    assert!(descriptor.root.is_none());
    assert_snapshot!(render(&[descriptor]), @r#"
    v (v.json) invalid
      error D0605 `` 1:1: expected a record of fields at the top of the descriptor, found a list
        help: a JSON descriptor is an object, as `{ "id": "vendor-042", … }`
    "#);
}

#[test]
fn duplicate_keys_are_reported_at_the_second_key() {
    let text = "{\n  \"hosting\": { \"region\": \"EU\",\n    \"region\": \"OTHER\" },\n  \"name\": \"a\",\n  \"name\": \"b\"\n}";
    let descriptor = load_one("v.json", text, Format::Json);
    assert!(descriptor.is_invalid());
    assert_snapshot!(render(&[descriptor]), @r#"
    v (v.json) invalid
      <root> @1:1
      name = "a" @4:11
      hosting @2:14
      hosting.region = enum 1#0 EU @2:26
      error D0606 `hosting.region` 3:5: key `region` given twice
        help: the first `region` is on line 2; give each key once
      error D0606 `name` 5:3: key `name` given twice
        help: the first `name` is on line 4; give each key once
    "#);
}

#[test]
fn nulls_are_absent() {
    let text = r#"{ "name": null, "hosting": null, "standards": null, "pricing": { "per_student": null } }"#;
    let descriptor = load_one("v.json", text, Format::Json);
    assert!(!descriptor.is_invalid());
    assert_snapshot!(render(&[descriptor]), @r"
    v (v.json) valid
      <root> @1:1
      pricing @1:64
    ");
}

#[test]
fn undeclared_fields_are_warned_with_a_did_you_mean_and_errors_under_strict() {
    let text = r#"{ "id": "x", "hosting": { "regoin": "EU", "tier": 1 }, "colour": "blue" }"#;
    let relaxed = load_one("v.json", text, Format::Json);
    assert!(!relaxed.is_invalid(), "warnings do not invalidate");
    assert_snapshot!(render(&[relaxed]), @r#"
    x (v.json) valid
      <root> @1:1
      id = "x" @1:9
      hosting @1:25
      warning D0604 `hosting.regoin` 1:27: field `regoin` is not declared by the pack
        help: did you mean `region`?
      warning D0604 `hosting.tier` 1:43: field `tier` is not declared by the pack
      warning D0604 `colour` 1:56: field `colour` is not declared by the pack
    "#);
    let strict = load_strict("v.json", text, Format::Json);
    assert!(strict[0].is_invalid(), "`--strict` makes them errors");
    assert_eq!(strict[0].problems.len(), 3);
}

#[test]
fn a_key_typed_with_combining_accents_is_the_declared_field() {
    // `délai_intervention` with its `é` typed as `e` and a combining acute accent.
    let text = "{ \"de\u{301}lai_intervention\": \"P1D\", \"de\u{301}lai_interventoin\": 1 }";
    let descriptor = load_one("v.json", text, Format::Json);
    assert_snapshot!(render(&[descriptor]), @r#"
    v (v.json) valid
      <root> @1:1
      délai_intervention = duration 0 months 1 days @1:26
      warning D0604 `délai_interventoin` 1:33: field `délai_interventoin` is not declared by the pack
        help: did you mean `délai_intervention`?
    "#);
}

#[test]
fn ids_come_from_the_data_else_the_file_stem() {
    let with_id = load_one(
        "vendors/vendor-042.json",
        r#"{ "id": "acme" }"#,
        Format::Json,
    );
    assert_eq!(with_id.id, "acme");
    assert_eq!(with_id.source, "vendors/vendor-042.json");
    assert_eq!(with_id.line, None);
    let without = load_one(
        "vendors/vendor-042.json",
        r#"{ "name": "acme" }"#,
        Format::Json,
    );
    assert_eq!(without.id, "vendor-042");
    let number_id = load_one("vendors/vendor-042.json", r#"{ "id": 42 }"#, Format::Json);
    assert_eq!(number_id.id, "vendor-042");
    assert!(number_id.is_invalid(), "the declared `id` is a string");
    let broken = load_one("vendors/vendor-042.json", "{", Format::Json);
    assert_eq!(broken.id, "vendor-042");
}

#[test]
fn the_id_need_not_be_declared() {
    let schema = clausier_check::types::Schema {
        records: vec![clausier_check::types::RecordDef::default()],
        ..Default::default()
    };
    let options = clausier_data::load::LoadOptions { strict: true };
    let descriptors = clausier_data::load::load_text(
        &schema,
        "a.json",
        r#"{ "id": "acme", "x": 1 }"#,
        Format::Json,
        &options,
    );
    assert_eq!(descriptors[0].id, "acme");
    let paths: Vec<&str> = descriptors[0]
        .problems
        .iter()
        .map(|p| p.path.as_str())
        .collect();
    assert_eq!(paths, ["x"], "the id is never an undeclared field");
}

#[test]
fn columns_count_characters_and_a_byte_order_mark_is_skipped() {
    let text =
        "\u{feff}{ \"name\": \"é\", \"hosting\": { \"country\": \"Ærø\", \"region\": \"EU\" } }";
    let descriptor = load_one("v.json", text, Format::Json);
    assert_snapshot!(render(&[descriptor]), @r#"
    v (v.json) valid
      <root> @1:2
      name = "é" @1:12
      hosting @1:28
      hosting.region = enum 1#0 EU @1:58
      hosting.country = "Ærø" @1:41
    "#);
}

#[test]
fn a_minified_file_with_many_values_locates_the_last_one() {
    let items: Vec<String> = (0..50_000).map(|i| format!("\"é{i}\"")).collect();
    let text = format!("{{\"standards\":[{}]}}", items.join(","));
    let descriptor = load_one("v.json", &text, Format::Json);
    assert!(!descriptor.is_invalid());
    let last = descriptor
        .locations
        .get(&[
            clausier_data::descriptor::PathStep::Field(9),
            clausier_data::descriptor::PathStep::Index(49_999),
        ])
        .unwrap();
    let offset = text.rfind("\"é49999\"").unwrap();
    assert_eq!(
        (last.line, last.column as usize),
        (1, text[..offset].chars().count() + 1)
    );
}

#[test]
fn a_pack_without_a_descriptor_block_reads_an_empty_record() {
    let schema = clausier_check::types::Schema::default();
    let options = clausier_data::load::LoadOptions::default();
    let descriptors =
        clausier_data::load::load_text(&schema, "a.json", r#"{ "x": 1 }"#, Format::Json, &options);
    assert!(!descriptors[0].is_invalid());
    assert_eq!(
        descriptors[0].root.as_ref().map(|root| root.fields.len()),
        Some(0)
    );
}
