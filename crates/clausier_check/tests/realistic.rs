//! Whole packs: the example of the design brief, and a larger pack as a region would
//! write it, across two files, lawful in every way the lints check.

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
  env: { rgesn_priority_met: int, rgesn_commitment: bool }
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
  text "Le candidat héberge l'ensemble des données, sous-traitants compris, dans l'UE."
  ref "RGPD art. 44 à 49"
  evidence "Attestation d'hébergement"
  require hosting.region == EU and all s in subprocessors: s.region in [EU, EEA]
}

requirement HEB-02 "Qualification de l'hébergeur" {
  level info
  text "Le candidat indique la qualification de son hébergeur situé hors de l'UE, ou une qualification équivalente."
  when hosting.region != EU
  require hosting.qualification != NONE
}

requirement GAR-01 "Conformité GAR" {
  text "La ressource est accessible par le GAR, sous un contrat d'adhésion de {min_contract} ou plus récent."
  require gar.compliant and gar.contract_version >= min_contract
}

requirement EVI-02 "Efficacité démontrée" {
  level should
  text "L'efficacité de la ressource est démontrée par une étude de niveau II au moins."
  when gar.compliant
  require evidence.tier <= II
}

requirement SEC-01 "Certification ISO 27001 en cours de validité" {
  text "Le service est certifié ISO/IEC 27001 ou équivalent, pour un an au moins."
  require security.iso27001 and security.iso27001_expires >= today + 12 months
}

requirement ACC-01 "Accessibilité RGAA" {
  level should
  text "Le service publie sa déclaration d'accessibilité, avec un taux de conformité d'au moins {min_rgaa}."
  require accessibility.declaration and accessibility.rgaa_rate >= min_rgaa
}

requirement REV-01 "Réversibilité" {
  text "Les données sont exportables dans l'un des formats {open_formats}, avec un préavis de {max_notice} au plus."
  require (any f in reversibility.export_formats: f in open_formats)
    and reversibility.notice <= max_notice
    and count(s in subprocessors: s.purpose == "export") <= 1
}

requirement PRI-01 "Prix plafond" {
  text "Le prix par élève, frais de mise en service compris, n'excède pas {max_price} HT."
  require has pricing.per_student implies pricing.per_student + pricing.setup_fee / 30 <= max_price
}

requirement ENV-02 "Sobriété numérique" {
  level execution
  text "Le titulaire applique, pendant toute la durée du marché, les critères prioritaires du RGESN déclarés dans son offre."
  require env.rgesn_commitment
}

criterion PRIX "Prix" weight 40 {
  text "Note = prix le plus bas / prix de l'offre × 40."
  score lowest(pricing.per_student) / pricing.per_student
}

criterion ACC "Accessibilité" weight 35 {
  text "Note = taux de conformité RGAA × 35 si l'exigence ACC-01 est satisfaite, 0 sinon."
  score if passed(ACC-01) then accessibility.rgaa_rate else 0%
}

criterion FMT "Formats ouverts et efficacité" weight 15 {
  text "Note = formats ouverts proposés / 3 × 10, plus 5 points si l'exigence EVI-02 est satisfaite."
  score count(f in reversibility.export_formats: f in open_formats) / 3 * 2 / 3 + (if passed(EVI-02) then 1 / 3 else 0)
}

criterion ENV "Écoconception (RGESN)" weight 10 {
  text "Note = critères prioritaires du RGESN satisfaits / 30 × 10."
  score env.rgesn_priority_met / 30
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
