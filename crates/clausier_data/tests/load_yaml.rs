//! YAML descriptors: plain scalars typed by the schema, exact decimals, locations,
//! one document a file, anchors and aliases, every problem with its place.

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

const FULL: &str = "\
id: vendor-042
name: Lumière Éducation
seats: 1200
rating: 4.50
launched: 2024-09-02
hosting:
  region: EU
  country: 'FR'
  secnumcloud: true
subprocessors:
  - name: Scaleway
    region: EU
    purpose: hosting
  - { name: Mailjet, region: EEA, purpose: mail }
evidence:
  tier: II
accessibility:
  rgaa_rate: 87.5%
standards: [RGAA, RGPD, RGAA]
security:
  iso27001: True
  iso27001_expires: \"2027-06-30\"
pricing:
  per_student: 4.50 €
reversibility:
  export_formats:
    - CSV
    - JSON
  notice: 6 months
tiers: [I, IV]
audits: [2025-01-15]
sizes: [1, 1.0, 2]
";

#[test]
fn every_type_with_the_location_of_every_value() {
    let descriptor = load_one("vendors/vendor-042.yaml", FULL, Format::Yaml);
    assert!(!descriptor.is_invalid());
    assert_snapshot!(render(&[descriptor]));
}

#[test]
fn plain_scalars_take_the_declared_type() {
    let text = "name: 2024\nhosting: { country: NO, secnumcloud: FALSE }\nseats: 0012\n";
    let descriptor = load_one("v.yaml", text, Format::Yaml);
    assert_snapshot!(render(&[descriptor]), @r#"
    v (v.yaml) valid
      <root> @1:1
      name = "2024" @1:7
      seats = number 12 @3:8
      hosting @2:10
      hosting.country = "NO" @2:21
      hosting.secnumcloud = false @2:38
    "#);
}

#[test]
fn quoted_and_tagged_scalars_keep_their_type() {
    let text =
        "seats: \"12\"\nname: !!str 12\nrating: !!float 2.5\nhosting: { secnumcloud: 'true' }\n";
    let descriptor = load_one("v.yaml", text, Format::Yaml);
    assert_snapshot!(render(&[descriptor]), @r#"
    v (v.yaml) invalid
      <root> @1:1
      name = "12" @2:7
      rating = number 2.5 @3:9
      hosting @4:10
      error D0602 `seats` 1:8: expected a whole number such as `12`, found `"12"`
        help: remove the quotes: numbers are written without them
      error D0602 `hosting.secnumcloud` 4:25: expected `true` or `false`, found `'true'`
        help: write `true` or `false` without quotes
    "#);
}

#[test]
fn wrong_types_are_all_reported_with_path_and_place() {
    let text = "\
seats: twelve
launched: 30/06/2027
hosting:
  region: eu
subprocessors:
  - name: A
    region: MARS
  - ~
evidence: II
reversibility:
  notice: P1H
standards: RGAA
";
    let descriptor = load_one("v.yml", text, Format::Yaml);
    assert!(descriptor.is_invalid());
    assert_snapshot!(render(&[descriptor]));
}

#[test]
fn nulls_and_empty_values_are_absent() {
    let text = "name: ~\nseats: null\nrating:\nhosting:\n  region: NULL\n";
    let descriptor = load_one("v.yaml", text, Format::Yaml);
    assert!(!descriptor.is_invalid());
    assert_snapshot!(render(&[descriptor]), @r"
    v (v.yaml) valid
      <root> @1:1
      hosting @5:3
    ");
}

#[test]
fn syntax_errors_and_documents() {
    let cases = [
        ("bad indentation", "hosting:\n  region: EU\n country: FR\n"),
        ("unclosed flow", "standards: [RGAA, RGPD\n"),
        ("two documents", "name: a\n---\nname: b\n"),
        ("a list at the top", "- name: a\n"),
        ("a scalar at the top", "hello\n"),
        ("empty", ""),
        ("only a comment", "# nothing here\n"),
        ("complex key", "? [a, b]\n: c\n"),
        ("unknown alias", "name: *nowhere\n"),
    ];
    let mut out = String::new();
    for (name, text) in cases {
        let descriptor = load_one("v.yaml", text, Format::Yaml);
        assert!(descriptor.is_invalid(), "{name}");
        out.push_str(&format!("-- {name}\n{}", render(&[descriptor])));
    }
    assert_snapshot!(out);
}

#[test]
fn one_explicit_document_is_fine() {
    let descriptor = load_one("v.yaml", "---\nname: a\n...\n", Format::Yaml);
    assert!(!descriptor.is_invalid());
    assert_eq!(descriptor.id, "v");
}

#[test]
fn duplicate_keys_are_reported_at_the_second_key() {
    let text = "name: a\nhosting:\n  region: EU\n  region: OTHER\nname: b\n";
    let descriptor = load_one("v.yaml", text, Format::Yaml);
    assert_snapshot!(render(&[descriptor]), @r#"
    v (v.yaml) invalid
      <root> @1:1
      name = "a" @1:7
      hosting @3:3
      hosting.region = enum 1#0 EU @3:11
      error D0606 `hosting.region` 4:3: key `region` given twice
        help: the first `region` is on line 3; give each key once
      error D0606 `name` 5:1: key `name` given twice
        help: the first `name` is on line 1; give each key once
    "#);
}

#[test]
fn aliases_repeat_their_anchor() {
    let text = "\
hosting: &eu
  region: EU
subprocessors:
  - &s { name: A, region: EU, purpose: p }
  - *s
standards: [&x RGAA, *x, RGPD]
";
    let descriptor = load_one("v.yaml", text, Format::Yaml);
    assert_snapshot!(render(&[descriptor]), @r#"
    v (v.yaml) valid
      <root> @1:1
      hosting @1:10
      hosting.region = enum 1#0 EU @2:11
      subprocessors = list of 2 @4:3
      subprocessors[0] @4:5
      subprocessors[0].name = "A" @4:16
      subprocessors[0].region = enum 1#0 EU @4:27
      subprocessors[0].purpose = "p" @4:40
      subprocessors[1] @4:5
      subprocessors[1].name = "A" @4:16
      subprocessors[1].region = enum 1#0 EU @4:27
      subprocessors[1].purpose = "p" @4:40
      standards = ["RGAA", "RGPD"] @6:12
        [0] = "RGAA" @6:13
        [1] = "RGPD" @6:26
    "#);
}

#[test]
fn aliases_cannot_expand_without_bound() {
    // Each level repeats the previous one nine times: 9^8 values from a few hundred bytes.
    let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
    for level in 1..8 {
        let previous = format!("*a{}", level - 1);
        let items = vec![previous; 9].join(", ");
        text.push_str(&format!("a{level}: &a{level} [{items}]\n"));
    }
    text.push_str("standards: *a7\n");
    let schema = nested_lists_schema();
    let options = clausier_data::load::LoadOptions::default();
    let descriptors =
        clausier_data::load::load_text(&schema, "bomb.yaml", &text, Format::Yaml, &options);
    assert!(descriptors[0].is_invalid());
    // The anchors' keys `a0`…`a7` are undeclared: warnings beside the one error.
    let errors: Vec<String> = descriptors[0]
        .problems
        .iter()
        .filter(|p| p.severity == clausier_diagnostics::Severity::Error)
        .map(|p| p.message.text(clausier_diagnostics::Lang::En))
        .collect();
    assert_eq!(errors, ["the data expands to too many values"]);
}

/// `descriptor { standards: list<list<list<list<list<list<list<list<string>>>>>>>> }`
fn nested_lists_schema() -> clausier_check::types::Schema {
    use clausier_check::types::{FieldDef, Origin, RecordDef, Schema, Ty};
    let mut ty = Ty::String;
    for _ in 0..8 {
        ty = Ty::List(Box::new(ty));
    }
    let mut record = RecordDef::default();
    record.fields.insert(
        "standards".to_owned(),
        FieldDef {
            ty,
            docs: String::new(),
            origin: Origin::default(),
            declared_bounds: Default::default(),
        },
    );
    Schema {
        records: vec![record],
        ..Schema::default()
    }
}

#[test]
fn undeclared_fields_warn_and_are_errors_under_strict() {
    let text = "name: a\nnmae: b\n";
    let descriptors = load_strict("v.yaml", text, Format::Yaml);
    assert_snapshot!(render(&descriptors), @r#"
    v (v.yaml) invalid
      <root> @1:1
      name = "a" @1:7
      error D0604 `nmae` 2:1: field `nmae` is not declared by the pack
        help: did you mean `name`?
    "#);
}

#[test]
fn exact_decimals_from_the_source_text() {
    let text = "rating: 0.1000000000000000000000000001\npricing: { per_student: 1e-2 }\n";
    let descriptor = load_one("v.yaml", text, Format::Yaml);
    assert_snapshot!(render(&[descriptor]), @r"
    v (v.yaml) valid
      <root> @1:1
      rating = number 0.1000000000000000000000000001 @1:9
      pricing @2:10
      pricing.per_student = money 0.01 @2:25
    ");
}
