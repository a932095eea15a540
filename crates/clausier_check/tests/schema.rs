//! The schema pass: builtin and declared types, duplicates, recursion, and descriptor
//! blocks merged across files.

mod common;

use common::{check, check_files, report};
use insta::assert_snapshot;

#[test]
fn unknown_types_suggest_the_nearest_name() {
    let source = r#"
enum Region { EU, OTHER }
descriptor {
  hosting: { region: Regoin, country: strng }
  tags: list
  price: Money
  owner: Vendor
}
"#;
    assert_snapshot!(report(source, &check(source)));
}

#[test]
fn duplicate_declarations_point_at_the_first() {
    let source = r#"
enum Region { EU, EEA, EU }
enum Region { A }
type Tier = { level: int, level: string }
enum money { CENTS }
descriptor {
  region: Region
  region: Region
}
"#;
    assert_snapshot!(report(source, &check(source)));
}

#[test]
fn recursive_types_are_reported_once_per_cycle() {
    let source = r#"
type Node = { name: string, children: list<Node> }
type Company = { parent: Holding }
type Holding = { owner: Company }
type Alias = Alias
descriptor {
  tree: Node
  company: Company
}
"#;
    assert_snapshot!(report(source, &check(source)));
}

#[test]
fn descriptor_blocks_merge_across_files() {
    let first = r#"
enum Region { EU, OTHER }
descriptor {
  id: string
  /// Where the data is hosted.
  hosting: { region: Region, provider: string }
}
"#;
    let second = r#"
descriptor {
  id: string
  hosting: { region: Region, secnumcloud: bool }
  price: money
}

requirement HEB-01 "hosting" {
  require hosting.region == EU and hosting.secnumcloud and hosting.provider != ""
}
"#;
    let outcome = check_files(&[("a.clause", first), ("b.clause", second)]);
    assert_eq!(outcome.diagnostics(), "no diagnostics\n");
    let schema = &outcome.pack().schema;
    let descriptor = schema.descriptor_record().unwrap();
    let fields: Vec<&str> = descriptor.fields.keys().map(String::as_str).collect();
    assert_eq!(fields, ["id", "hosting", "price"]);
    let (_, hosting) = descriptor.field("hosting").unwrap();
    assert_eq!(hosting.docs, "Where the data is hosted.");
    let clausier_check::types::Ty::Record(hosting_id) = hosting.ty else {
        panic!("hosting is not a record: {:?}", hosting.ty);
    };
    let hosting_fields: Vec<&str> = schema
        .record(hosting_id)
        .unwrap()
        .fields
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(hosting_fields, ["region", "provider", "secnumcloud"]);
    assert_snapshot!(outcome.require_of("HEB-01"));
}

#[test]
fn a_field_declared_with_two_types_names_both() {
    let first = r#"
enum Region { EU, OTHER }
type Subprocessor = { name: string }
descriptor {
  hosting: { region: Region }
  subprocessors: list<Subprocessor>
  notice: duration
}
"#;
    let second = r#"
descriptor {
  hosting: { region: string }
  subprocessors: list<{ name: string }>
  notice: int
}
"#;
    let outcome = check_files(&[("a.clause", first), ("b.clause", second)]);
    assert_snapshot!(outcome.diagnostics());
}

#[test]
fn named_types_can_be_used_before_they_are_declared() {
    let source = r#"
descriptor {
  subprocessors: list<Subprocessor>
  formats: Formats
}
type Formats = set<string>
type Subprocessor = { name: string, region: Region }
enum Region { EU, OTHER }

requirement SUB-01 "sub" {
  require all s in subprocessors: s.region == EU and "CSV" in formats
}
"#;
    let outcome = check(source);
    assert_eq!(outcome.diagnostics(), "no diagnostics\n");
    let aliases: Vec<&str> = outcome
        .pack()
        .schema
        .aliases
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        aliases,
        ["Formats", "Subprocessor"],
        "aliases keep declaration order"
    );
    assert_snapshot!(outcome.require_of("SUB-01"));
}
