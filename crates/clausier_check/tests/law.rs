//! Lints drawn from procurement law: no environmental criterion (`W0506`), a label
//! required without an equivalent (`W0507`), a clause based on the operator's seat,
//! nationality or ownership (`W0508`). Each fires in one snapshot and stays silent where
//! the pack does what the law asks (the other lints may fire there: each test looks at
//! its own).

mod common;

use clausier_check::{PackGraph, PackInput, check_graph};
use clausier_diagnostics::{FileId, SourceFile, SourceMap};
use clausier_syntax::ast::SourceFileAst;
use common::{Outcome, check_files, render_diagnostics, report};
use insta::assert_snapshot;

/// The fields the snippets read: a vendor with its seat, labels and their
/// alternatives, and an `env` record.
const SCHEMA: &str = r#"
enum Eucs { NONE, SUBSTANTIAL, HIGH }
type Subprocessor = { name: string, country: string, seat_country: string }
descriptor {
  vendor: { siren: string, seat_country: string, nationality: string, country: string, non_eu_total_share: percent }
  hosting: { country: string, secnumcloud: bool, secnumcloud_expires: date, secnumcloud_equivalent_expires: date, eucs_level: Eucs, hds: bool, labels: set<string> }
  security: { iso27001: bool, iso27001_expires: date, equivalent_expires: date, certifications: set<string> }
  subprocessors: list<Subprocessor>
  gdpr: { health_data: bool }
  env: { rgesn_priority_met: int, carbon_kg: number }
  pricing: { per_student: money }
  a11y: { rgaa_rate: percent }
  support: { languages: set<string> }
}
"#;

fn check_main(source: &str) -> Outcome {
    check_files(&[("schema.clause", SCHEMA), ("main.clause", source)])
}

fn snapshot_of(source: &str) -> String {
    report(source, &check_main(source))
}

fn assert_clean(source: &str) {
    assert_eq!(
        check_main(source).diagnostics(),
        "no diagnostics\n",
        "{source}"
    );
}

/// Checks that `code` does not fire on `source`.
fn assert_silent(code: &str, source: &str) {
    let outcome = check_main(source);
    assert!(
        !outcome.codes().contains(&code),
        "{code} fires on {source}:\n{}",
        outcome.diagnostics()
    );
}

// ---------------------------------------------------------------------------- W0506

#[test]
fn a_grid_without_an_environmental_criterion() {
    assert_snapshot!(snapshot_of(
        r#"
criterion PRIX "Prix" weight 60 {
  text "Note = prix le plus bas / prix de l'offre × 60."
  score lowest(pricing.per_student) / pricing.per_student
}
criterion ACC "Accessibilité" weight 40 {
  text "Note = taux de conformité au RGAA × 40."
  score a11y.rgaa_rate
}
"#
    ));
}

#[test]
fn a_single_criterion_that_is_not_environmental() {
    assert_snapshot!(snapshot_of(
        r#"
criterion PRIX "Prix" weight 100 {
  text "Note = prix le plus bas / prix de l'offre × 100."
  score lowest(pricing.per_student) / pricing.per_student
}
"#
    ));
}

/// A criterion of weight 90 on price, then `environmental`, weight 10.
fn grid_with(environmental: &str) -> String {
    format!(
        "criterion PRIX \"Prix\" weight 90 {{\n  text \"Prix.\"\n  score lowest(pricing.per_student) / pricing.per_student\n}}\n{environmental}\n"
    )
}

#[test]
fn an_environmental_criterion_by_id_title_or_field() {
    for environmental in [
        // The id names the environment.
        r#"criterion ENV-01 "Note" weight 10 { text "Note." score a11y.rgaa_rate }"#,
        r#"criterion ENVIRONNEMENT "Note" weight 10 { text "Note." score a11y.rgaa_rate }"#,
        // The title does, accents and hyphens whatever.
        r#"criterion C2 "Éco-conception du service" weight 10 { text "Note." score a11y.rgaa_rate }"#,
        r#"criterion C2 "Écoconception" weight 10 { text "Note." score a11y.rgaa_rate }"#,
        r#"criterion C2 "Conformité au RGESN" weight 10 { text "Note." score a11y.rgaa_rate }"#,
        r#"criterion C2 "Empreinte carbone" weight 10 { text "Note." score a11y.rgaa_rate }"#,
        r#"criterion C2 "Durabilité" weight 10 { text "Note." score a11y.rgaa_rate }"#,
        r#"criterion C2 "Numérique responsable" weight 10 { text "Note." score a11y.rgaa_rate }"#,
        // The score reads a field of the `env` record, directly, with `has` or through
        // `lowest`.
        r#"criterion C2 "Note" weight 10 { text "Note." score env.rgesn_priority_met / 30 }"#,
        r#"criterion C2 "Note" weight 10 { text "Note." score if has env.carbon_kg then 1 else 0 }"#,
        r#"criterion C2 "Note" weight 10 { text "Note." score lowest(env.carbon_kg) / 10 }"#,
    ] {
        assert_silent("W0506", &grid_with(environmental));
    }
}

#[test]
fn words_that_only_resemble_the_environment_do_not_count() {
    let source = r#"
criterion ECONOMIE "Offre économiquement avantageuse" weight 50 {
  text "Prix."
  score lowest(pricing.per_student) / pricing.per_student
}
criterion RESPONSABLE "Responsable de traitement" weight 50 {
  text "Accessibilité."
  score a11y.rgaa_rate
}
"#;
    assert!(check_main(source).codes().contains(&"W0506"));
}

#[test]
fn a_grid_still_being_drafted_is_left_to_other_warnings() {
    // No criteria at all.
    assert_clean(r#"requirement PRX-01 "Prix" { require pricing.per_student <= 6.00 € }"#);
    // Weights that do not sum to 100: `W0502` says so first.
    let source = r#"criterion PRIX "Prix" weight 90 { text "Prix." score lowest(pricing.per_student) / pricing.per_student }"#;
    assert_eq!(check_main(source).codes(), ["W0502"]);
}

#[test]
fn a_criterion_without_text_does_not_switch_the_warning_off() {
    let source = r#"criterion PRIX "Prix" weight 100 { score lowest(pricing.per_student) / pricing.per_student }"#;
    assert!(check_main(source).codes().contains(&"W0506"));
}

// ---------------------------------------------------------------------------- W0507

#[test]
fn a_label_required_without_an_equivalent() {
    assert_snapshot!(snapshot_of(
        r#"
requirement SNC-01 "Hébergement qualifié SecNumCloud" {
  text "L'hébergement est qualifié SecNumCloud."
  require hosting.secnumcloud and hosting.secnumcloud_expires >= today
}
"#
    ));
}

#[test]
fn labels_named_by_strings_levels_or_two_labels_at_once() {
    assert_snapshot!(snapshot_of(
        r#"
requirement ISO-01 "Certification de sécurité" {
  text "Le service est certifié ISO/IEC 27001."
  require "ISO 27001" in security.certifications
}
requirement EUCS-01 "Certification EUCS" {
  level should
  text "L'hébergement est certifié EUCS « high »."
  require hosting.eucs_level >= HIGH
}
requirement HDS-01 "Hébergement de santé" {
  text "Les données de santé sont hébergées par un hébergeur certifié HDS."
  when gdpr.health_data
  require hosting.hds
}
requirement DEUX-01 "SecNumCloud ou EUCS" {
  text "L'hébergement est qualifié SecNumCloud ou certifié EUCS « high »."
  require hosting.secnumcloud or hosting.eucs_level >= HIGH
}
"#
    ));
}

#[test]
fn a_label_with_an_alternative_or_a_word_on_equivalence_is_accepted() {
    for requirement in [
        // `require` accepts an alternative that is not itself a label.
        r#"requirement SEC-01 "Sécurité" {
  text "Le service est certifié ISO/IEC 27001."
  require (security.iso27001 and security.iso27001_expires >= today) or security.equivalent_expires >= today
}"#,
        r#"requirement SNC-01 "Hébergement" {
  text "L'hébergement est qualifié SecNumCloud."
  require hosting.secnumcloud or hosting.secnumcloud_equivalent_expires >= today
}"#,
        // The text accepts an equivalent.
        r#"requirement SNC-02 "Hébergement" {
  text "L'hébergement est qualifié SecNumCloud ou équivalent."
  require hosting.secnumcloud
}"#,
        // The doc comment records why no equivalent applies.
        r#"/// La certification HDS est une obligation légale : aucune équivalence n'est prévue.
requirement HDS-01 "Données de santé" {
  text "Les données de santé sont hébergées par un hébergeur certifié HDS."
  when gdpr.health_data
  require hosting.hds
}"#,
        // Reading a label without requiring it.
        r#"requirement NOT-01 "Prix" { text "Prix." require not hosting.secnumcloud or pricing.per_student <= 6.00 € }"#,
        r#"requirement HAS-01 "Prix" { text "Prix." require pricing.per_student <= 6.00 € or has hosting.labels }"#,
        // A plain field that names no label.
        r#"requirement LNG-01 "Langues" { text "Support en breton." require "br" in support.languages }"#,
        // A requirement without `text` is not written for publication yet.
        r#"requirement SNC-03 "Hébergement" { require hosting.secnumcloud }"#,
    ] {
        assert_silent("W0507", requirement);
    }
}

// ---------------------------------------------------------------------------- W0508

#[test]
fn eligibility_based_on_the_seat_or_nationality() {
    assert_snapshot!(snapshot_of(
        r#"
requirement SIEGE-01 "Siège dans l'Union" {
  require vendor.seat_country in ["FR", "DE", "IT"]
}
requirement NAT-01 "Nationalité" {
  when vendor.nationality != "FR"
  require pricing.per_student <= 5.00 €
}
requirement PAYS-01 "Pays du candidat" {
  require vendor.country == "FR"
}
requirement ST-01 "Sous-traitants" {
  require all s in subprocessors: s.seat_country == "FR"
}
"#
    ));
}

#[test]
fn should_requirements_criteria_and_ownership_judge_the_operator_too() {
    assert_snapshot!(snapshot_of(
        r#"
requirement SIEGE-02 "Siège" {
  level should
  require vendor.seat_country == "FR"
}
requirement IMM-01 "Immunité" {
  require vendor.non_eu_total_share <= 39%
}
criterion SOUV "Souveraineté" weight 90 {
  score if vendor.seat_country == "FR" then 1 else 0
}
criterion ENV "Environnement" weight 10 {
  score env.rgesn_priority_met / 30
}
"#
    ));
}

#[test]
fn the_location_of_data_and_information_are_not_about_the_operator() {
    for requirement in [
        // Where the data are, not who the vendor is.
        r#"requirement HEB-01 "Hébergement" { require hosting.country in ["FR", "DE"] }"#,
        r#"requirement ST-01 "Sous-traitants" { require all s in subprocessors: s.country == "FR" }"#,
        // Information only plays no part in the award.
        r#"requirement SIEGE-01 "Siège" {
  level info
  require vendor.seat_country == "FR"
}"#,
    ] {
        assert_silent("W0508", requirement);
    }
}

// ---------------------------------------------------------------------------- shipped packs

/// The `.clause` files of a shipped pack, sorted by name, as `(name, text)`.
fn shipped_pack(name: &str) -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../rules")
        .join(name);
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "clause"))
        .filter_map(|path| {
            let text = std::fs::read_to_string(&path).ok()?;
            let name = path.file_name()?.to_string_lossy().into_owned();
            Some((name, text))
        })
        .collect();
    files.sort();
    files
}

#[test]
fn the_shipped_packs_check_clean_on_their_own() {
    for name in ["edtech-fr", "souverainete", "attribution-qualite"] {
        let files = shipped_pack(name);
        assert!(!files.is_empty(), "no clause files in rules/{name}");
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(file, text)| (file.as_str(), text.as_str()))
            .collect();
        assert_eq!(
            check_files(&refs).diagnostics(),
            "no diagnostics\n",
            "rules/{name}"
        );
    }
}

// ---------------------------------------------------------------------------- composition

/// Checks a pack `dep` and a root pack `region` that depends on it, one file each, and
/// renders the root's diagnostics.
fn check_with_dependency(dep: &str, region: &str) -> String {
    let mut sources = SourceMap::new();
    let mut trees: Vec<(FileId, SourceFileAst)> = Vec::new();
    for (name, text) in [("dep/dep.clause", dep), ("region/region.clause", region)] {
        let id = sources.add(SourceFile::new(name, text));
        let parse = clausier_syntax::parse(id, text);
        assert!(parse.diagnostics.is_empty(), "{name} does not parse");
        trees.push((id, parse.ast));
    }
    let files: Vec<[(FileId, &SourceFileAst); 1]> =
        trees.iter().map(|(id, ast)| [(*id, ast)]).collect();
    let packs = vec![
        PackInput {
            name: "dep",
            version: "1.0.0",
            files: &files[0],
            dependencies: Vec::new(),
            overrides: Vec::new(),
        },
        PackInput {
            name: "region",
            version: "1.0.0",
            files: &files[1],
            dependencies: vec![("dep".to_owned(), 0)],
            overrides: Vec::new(),
        },
    ];
    let checked = check_graph(&PackGraph {
        packs,
        sources: &sources,
        launch: None,
        lots: &[],
    });
    render_diagnostics(&sources, &checked.diagnostics)
}

const DEP: &str = r#"
descriptor {
  pricing: { per_student: money }
  a11y: { rgaa_rate: percent }
  env: { rgesn_priority_met: int }
  hosting: { secnumcloud: bool }
}
criterion ACC "Accessibilité" weight 40 {
  text "Note = taux RGAA × 40."
  score a11y.rgaa_rate
}
criterion ENV "Écoconception" weight 40 {
  text "Note = critères RGESN / 30 × 40."
  score env.rgesn_priority_met / 30
}
criterion PRIX-DEP "Prix" weight 20 {
  text "Prix."
  score lowest(pricing.per_student) / pricing.per_student
}
requirement SNC-01 "SecNumCloud" {
  text "L'hébergement est qualifié SecNumCloud."
  require hosting.secnumcloud
}
"#;

#[test]
fn the_criteria_brought_in_count_and_the_warning_points_at_the_region_own() {
    let region = r#"
use dep::{ACC}
criterion PRIX "Prix" weight 60 {
  text "Note = prix le plus bas / prix de l'offre × 60."
  score lowest(pricing.per_student) / pricing.per_student
}
"#;
    assert_snapshot!(check_with_dependency(DEP, region));
}

#[test]
fn an_environmental_criterion_brought_in_is_enough() {
    let region = r#"
use dep::{ENV}
criterion PRIX "Prix" weight 60 {
  text "Note = prix le plus bas / prix de l'offre × 60."
  score lowest(pricing.per_student) / pricing.per_student
}
"#;
    assert!(!check_with_dependency(DEP, region).contains("W0506"));
}

#[test]
fn a_dependency_requirement_is_left_to_its_authors() {
    // SNC-01 demands a label without an equivalent (W0507), in the dependency's file.
    let region = r#"
use dep::{SNC-01, ENV, ACC, PRIX-DEP}
"#;
    assert!(!check_with_dependency(DEP, region).contains("W0507"));
}
