//! The `$`-keyed form of a value: where it comes from and until when it holds, read alike
//! from JSON, YAML and TOML, with located problems.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails loudly where its expectation does not hold"
)]

mod load_support;

use clausier_check::value::Value;
use clausier_data::descriptor::{Descriptor, PathStep};
use clausier_data::load::Format;
use clausier_data::{Provenance, ProvenanceKind};
use load_support::{load_one, schema};

fn standards_path() -> Vec<PathStep> {
    let schema = schema();
    let index = schema
        .descriptor_record()
        .unwrap()
        .fields
        .get_index_of("standards")
        .unwrap();
    vec![PathStep::Field(u32::try_from(index).unwrap())]
}

/// The value of `standards`, its source and its last valid day.
fn assert_hds_certificate(descriptor: &Descriptor) {
    assert!(!descriptor.is_invalid(), "{:?}", descriptor.problems);
    let root = descriptor.root.as_ref().unwrap();
    let standards_field = standards_path();
    let PathStep::Field(index) = standards_field[0] else {
        unreachable!()
    };
    let Some(Value::List(values)) = root.get(index) else {
        panic!("standards is not a list: {root:?}");
    };
    assert_eq!(values.len(), 1);
    let evidence = clausier_data::evidence::find(&descriptor.evidence, &standards_field)
        .expect("the evidence of standards");
    assert_eq!(
        evidence.source,
        Some(Provenance {
            kind: ProvenanceKind::Document,
            reference: Some("Certificat HDS n° 2024-118".to_owned()),
            issuer: Some("AFNOR Certification".to_owned()),
        })
    );
    assert_eq!(evidence.valid_until, Some(jiff::civil::date(2026, 3, 31)));
    assert!(evidence.expired_on(jiff::civil::date(2026, 4, 1)));
    assert!(!evidence.expired_on(jiff::civil::date(2026, 3, 31)));
}

#[test]
fn json_yaml_and_toml_say_where_a_value_comes_from_and_until_when() {
    let json = r#"{"standards": {"$value": ["HDS"], "$source": {"kind": "document", "reference": "Certificat HDS n° 2024-118", "issuer": "AFNOR Certification"}, "$valid_until": "2026-03-31"}}"#;
    assert_hds_certificate(&load_one("offer.json", json, Format::Json));
    let yaml = "standards:\n  $value: [HDS]\n  $source:\n    kind: document\n    reference: Certificat HDS n° 2024-118\n    issuer: AFNOR Certification\n  $valid_until: 2026-03-31\n";
    assert_hds_certificate(&load_one("offer.yaml", yaml, Format::Yaml));
    let toml = "[standards]\n\"$value\" = [\"HDS\"]\n\"$valid_until\" = 2026-03-31\n\n[standards.\"$source\"]\nkind = \"document\"\nreference = \"Certificat HDS n° 2024-118\"\nissuer = \"AFNOR Certification\"\n";
    assert_hds_certificate(&load_one("offer.toml", toml, Format::Toml));
}

#[test]
fn a_source_may_be_its_kind_alone_and_a_plain_value_has_no_evidence() {
    let json = r#"{"name": {"$value": "Lumière", "$source": "declared"}, "seats": 3}"#;
    let descriptor = load_one("offer.json", json, Format::Json);
    assert!(!descriptor.is_invalid(), "{:?}", descriptor.problems);
    assert_eq!(descriptor.evidence.len(), 1);
    let source = descriptor.evidence[0].source.as_ref().unwrap();
    assert_eq!(source.kind, ProvenanceKind::Declared);
    assert_eq!(descriptor.evidence[0].valid_until, None);
}

/// Each problem as `line:column message`, in English.
fn problems(descriptor: &Descriptor) -> Vec<String> {
    descriptor
        .problems
        .iter()
        .map(|problem| {
            let loc = problem.loc.unwrap();
            format!(
                "{}:{} {} {}",
                loc.line,
                loc.column,
                problem.code,
                problem.message.text(clausier_diagnostics::Lang::En)
            )
        })
        .collect()
}

#[test]
fn a_wrong_form_is_located_and_makes_the_offer_invalid() {
    let json = "{\n  \"standards\": {\"$value\": [\"HDS\"], \"$valid_until\": \"31/03/2026\", \"$expires\": 1},\n  \"name\": {\"$source\": {\"kind\": \"rumour\"}},\n  \"seats\": {\"$value\": 3, \"$source\": {\"reference\": \"x\"}}\n}";
    let descriptor = load_one("offer.json", json, Format::Json);
    assert!(descriptor.is_invalid());
    assert_eq!(
        problems(&descriptor),
        [
            "2:52 D0602 `$valid_until` must be a date",
            "2:66 D0602 `$expires` is not a key of a value's evidence",
            "3:11 D0602 this value's evidence gives no `$value`",
            "3:32 D0602 the source of a value must be one of its kinds",
            "4:37 D0602 the source of a value does not say its `kind`",
        ]
    );
}

#[test]
fn csv_columns_beside_a_field_give_its_source_and_validity() {
    let csv = "id;name;name.$source.kind;name.$source.reference;name.$valid_until\nv1;Lumière;registry;SIRENE 123;31/03/2026\nv2;Aube;;;\nv3;;document;;2026-01-01\n";
    let descriptors = load_support::load("offers.csv", csv, Format::Csv);
    assert_eq!(descriptors.len(), 3);
    let first = &descriptors[0];
    assert!(!first.is_invalid(), "{:?}", first.problems);
    assert_eq!(first.evidence.len(), 1);
    assert_eq!(first.evidence[0].shown, "name");
    assert_eq!(
        first.evidence[0].source,
        Some(Provenance {
            kind: ProvenanceKind::Registry,
            reference: Some("SIRENE 123".to_owned()),
            issuer: None,
        })
    );
    assert_eq!(
        first.evidence[0].valid_until,
        Some(jiff::civil::date(2026, 3, 31))
    );
    // A row that leaves the evidence columns empty gives its value alone.
    let second = &descriptors[1];
    assert!(!second.is_invalid(), "{:?}", second.problems);
    assert!(second.evidence.is_empty());
    // Evidence without the value it vouches for is an error at the row.
    assert_eq!(
        problems(&descriptors[2]),
        ["4:5 D0602 this value's evidence gives no `$value`"]
    );
}

#[test]
fn a_claim_of_an_equivalent_says_what_who_issued_it_and_the_document() {
    let json = r#"{"standards": {"$value": [], "$equivalent": {"label": "ISO 27001", "issuer": "Organisme Exemple", "document": "Certificat n° BV-2025-77"}}}"#;
    let descriptor = load_one("offer.json", json, Format::Json);
    assert!(!descriptor.is_invalid(), "{:?}", descriptor.problems);
    let evidence = clausier_data::evidence::find(&descriptor.evidence, &standards_path())
        .expect("the evidence of standards");
    assert_eq!(
        evidence.equivalent,
        Some(clausier_data::evidence::EquivalentClaim {
            label: "ISO 27001".to_owned(),
            issuer: "Organisme Exemple".to_owned(),
            document: "Certificat n° BV-2025-77".to_owned(),
        })
    );
}

#[test]
fn a_malformed_claim_of_an_equivalent_is_located() {
    let json = "{\n  \"standards\": {\"$value\": [], \"$equivalent\": \"ISO 27001\"},\n  \"seats\": {\"$value\": 3, \"$equivalent\": {\"label\": \"X\", \"issuer\": \"\", \"by\": 1}}\n}";
    let descriptor = load_one("offer.json", json, Format::Json);
    assert!(descriptor.is_invalid());
    assert_eq!(
        problems(&descriptor),
        [
            "2:46 D0602 `$equivalent` must be a record",
            "3:41 D0602 this claim of an equivalent does not give its `document`",
            "3:66 D0602 the `issuer` of a claim of an equivalent must be a text that is not empty",
            "3:70 D0602 `by` is not a key of a claim of an equivalent",
        ]
    );
}

fn claim(label: &str, issuer: &str, document: &str) -> clausier_data::evidence::EquivalentClaim {
    clausier_data::evidence::EquivalentClaim {
        label: label.to_owned(),
        issuer: issuer.to_owned(),
        document: document.to_owned(),
    }
}

#[test]
fn csv_columns_beside_a_field_give_its_claim_of_an_equivalent() {
    let csv = "id;name;name.$equivalent.label;name.$equivalent.issuer;name.$equivalent.document\n\
               v1;Lumière;ISO 27001;Organisme Exemple;Certificat BV-2025-77\n\
               v2;Aube;;;\n";
    let descriptors = load_support::load("offers.csv", csv, Format::Csv);
    let first = &descriptors[0];
    assert!(!first.is_invalid(), "{:?}", first.problems);
    assert_eq!(first.evidence.len(), 1);
    assert_eq!(first.evidence[0].shown, "name");
    assert_eq!(
        first.evidence[0].equivalent,
        Some(claim(
            "ISO 27001",
            "Organisme Exemple",
            "Certificat BV-2025-77"
        ))
    );
    // The field keeps its own value beside the claim.
    assert!(first.root.as_ref().unwrap().get(1).is_some());
    // A row that leaves the claim's columns empty claims nothing.
    assert!(
        !descriptors[1].is_invalid(),
        "{:?}",
        descriptors[1].problems
    );
    assert!(descriptors[1].evidence.is_empty());
}

#[test]
fn a_csv_row_that_fills_a_claim_in_part_names_each_empty_column_at_its_cell() {
    let csv = "id;name;name.$equivalent.label;name.$equivalent.issuer;name.$equivalent.document\n\
               v1;Lumière;ISO 27001;;Certificat BV-2025-77\n\
               v2;Aube;;Organisme Exemple;\n";
    let descriptors = load_support::load("offers.csv", csv, Format::Csv);
    assert!(descriptors[0].is_invalid());
    assert!(descriptors[0].evidence.is_empty());
    assert_eq!(
        problems(&descriptors[0]),
        ["2:22 D0602 the claim of an equivalent for `name` gives no `name.$equivalent.issuer`"]
    );
    assert_eq!(
        problems(&descriptors[1]),
        [
            "3:9 D0602 the claim of an equivalent for `name` gives no `name.$equivalent.label`",
            "3:28 D0602 the claim of an equivalent for `name` gives no `name.$equivalent.document`",
        ]
    );
}

#[test]
fn a_claim_without_a_column_for_one_of_its_parts_is_an_error_at_its_first_cell() {
    let tsv = "id\tname\tname.$equivalent.label\tname.$equivalent.issuer\n\
               v1\tLumière\tISO 27001\tOrganisme Exemple\n";
    let descriptor = load_one("offers.tsv", tsv, Format::Tsv);
    assert!(descriptor.is_invalid());
    assert_eq!(
        problems(&descriptor),
        ["2:12 D0602 the claim of an equivalent for `name` gives no `name.$equivalent.document`"]
    );
}
