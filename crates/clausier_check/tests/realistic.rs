//! Whole packs: the example of the design brief, and a larger pack as a region would
//! write it, across two files.

mod common;

use common::{BRIEF_EXAMPLE, check, check_files, render_texpr};
use insta::assert_snapshot;

#[test]
fn the_brief_example_only_warns_of_its_unused_parameter() {
    let outcome = check(BRIEF_EXAMPLE);
    // `max_price` is declared for other packs to override, but no clause reads it.
    assert_snapshot!(outcome.diagnostics());
    assert!(!outcome.checked.has_errors());
}

const SCHEMA_FILE: &str = r#"
/// Niveau de preuve d'efficacité (ESSA).
enum Tier { I, II, III, IV }
enum Region { EU, EEA, ADEQUATE, OTHER }
enum Qualification { NONE, SECNUMCLOUD, HDS }

type Subprocessor = { name: string, region: Region, purpose: string }

descriptor {
  id: string
  name: string
  hosting: { region: Region, country: string, provider: string, qualification: Qualification }
  subprocessors: list<Subprocessor>
  gar: { compliant: bool, contract_version: int }
  evidence: { tier: Tier }
  accessibility: { rgaa_rate: percent, declaration: bool }
  standards: set<string>
  security: { iso27001: bool, iso27001_expires: date }
}
"#;

const RULES_FILE: &str = r#"
descriptor {
  pricing: { per_student: money, setup_fee: money }
  reversibility: { export_formats: set<string>, notice: duration }
  hosting: { region: Region }
}

/// Prix maximal par élève et par an.
param max_price: money = 6.00 €
param min_rgaa: percent = 75%
param open_formats: set<string> = ["CSV", "JSON", "ODS"]
param max_notice: duration = 3 months
param min_contract: int = 2020

/// Hébergement des données.
requirement HEB-01 "Hébergement dans l'Union européenne" {
  level must
  text "Le titulaire héberge l'ensemble des données, sous-traitants compris, dans l'UE."
  ref "RGPD art. 44 à 49"
  evidence "Attestation d'hébergement"
  require hosting.region == EU and all s in subprocessors: s.region in [EU, EEA]
}

requirement HEB-02 "Qualification de l'hébergeur" {
  level should
  when hosting.region != EU
  require hosting.qualification != NONE
}

requirement GAR-01 "Conformité GAR" {
  require gar.compliant and gar.contract_version >= min_contract
}

requirement EVI-02 "Efficacité démontrée" {
  level should
  when gar.compliant
  require evidence.tier <= II
}

requirement SEC-01 "Certification ISO 27001 en cours de validité" {
  require security.iso27001 and security.iso27001_expires >= today + 12 months
}

requirement ACC-01 "Accessibilité RGAA" {
  level should
  require accessibility.declaration and accessibility.rgaa_rate >= min_rgaa
}

requirement REV-01 "Réversibilité" {
  require (any f in reversibility.export_formats: f in open_formats)
    and reversibility.notice <= max_notice
    and count(s in subprocessors: s.purpose == "export") <= 1
}

requirement PRI-01 "Prix plafond" {
  require has pricing.per_student implies pricing.per_student + pricing.setup_fee / 30 <= max_price
}

criterion PRIX "Prix" weight 40 {
  text "Note = prix le plus bas / prix de l'offre × 40."
  score lowest(pricing.per_student) / pricing.per_student
}

criterion ACC "Accessibilité" weight 35 {
  score if accessibility.rgaa_rate >= min_rgaa then accessibility.rgaa_rate else 0%
}

criterion FMT "Formats ouverts" weight 25 {
  score count(f in reversibility.export_formats: f in open_formats) / 3
}

test "une offre conforme est éligible" {
  given { hosting: { region: "EU" }, subprocessors: [], gar: { compliant: true } }
  expect eligible
  expect pass HEB-01
  expect score >= 60
}
"#;

#[test]
fn a_realistic_pack_checks_clean() {
    let outcome = check_files(&[("schema.clause", SCHEMA_FILE), ("rules.clause", RULES_FILE)]);
    assert_eq!(outcome.diagnostics(), "no diagnostics\n");
    let pack = outcome.pack();
    let mut lines = Vec::new();
    for requirement in &pack.requirements {
        lines.push(format!(
            "{} {} locals={} when={} require={}",
            requirement.meta.id,
            requirement.level.as_str(),
            requirement.locals,
            requirement
                .when
                .as_ref()
                .map_or_else(|| "-".to_owned(), |w| render_texpr(pack, w)),
            render_texpr(pack, &requirement.require)
        ));
    }
    for criterion in &pack.criteria {
        lines.push(format!(
            "{} weight={} score={}",
            criterion.meta.id,
            criterion.weight,
            render_texpr(pack, &criterion.score)
        ));
    }
    for param in &pack.params {
        lines.push(format!(
            "param {}: {} = {}",
            param.name,
            param.ty.display(&pack.schema),
            param.value.display(&pack.schema)
        ));
    }
    assert_snapshot!(lines.join("\n"));
    assert_eq!(pack.tests.len(), 1);
    assert!(pack.requirements.iter().all(|r| r.meta.pack == "test-pack"));
}

#[test]
fn checking_is_deterministic() {
    let files = [("schema.clause", SCHEMA_FILE), ("rules.clause", RULES_FILE)];
    let first = check_files(&files);
    let second = check_files(&files);
    assert_eq!(first.checked.diagnostics, second.checked.diagnostics);
    assert_eq!(first.checked.pack.symbols, second.checked.pack.symbols);
    assert_eq!(first.checked.pack.schema, second.checked.pack.schema);
}
