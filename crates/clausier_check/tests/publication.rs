//! What a tender needs to be published: a weight for every `should` requirement
//! (`W0509`), a text for every clause (`W0510`), texts that name their thresholds instead
//! of writing them (`W0511`, `W0512`), an environmental execution condition (`W0513`)
//! and the vocabulary of the bid stage (`W0514`, `W0515`). Each lint fires in a snapshot and stays
//! silent on the lawful form.

mod common;

use clausier_check::{PackGraph, PackInput, check_graph};
use clausier_diagnostics::{FileId, SourceFile, SourceMap};
use clausier_syntax::ast::SourceFileAst;
use common::{Outcome, check_files, render_diagnostics, report};
use insta::assert_snapshot;
use jiff::civil::{Date, date};

const SCHEMA: &str = r#"
descriptor {
  pricing: { per_student: money }
  a11y: { rgaa_rate: percent, declaration: bool }
  data: { deletion_delay: duration, breach_hours: int }
  ai: { compliant_on: date }
  env: { rgesn_priority_met: int, rgesn_commitment: bool, carbon_kg: number }
  security: { pas: bool }
}
"#;

fn check_main(source: &str) -> Outcome {
    check_files(&[("schema.clause", SCHEMA), ("main.clause", source)])
}

fn snapshot_of(source: &str) -> String {
    report(source, &check_main(source))
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

/// A grid ready to publish, with an environmental criterion: what the tender lints
/// need to look at the other clauses.
const GRID: &str = r#"
criterion PRIX "Prix" weight 80 {
  text "Note = prix le plus bas / prix de l'offre × 80."
  score lowest(pricing.per_student) / pricing.per_student
}
criterion ENV "Écoconception" weight 20 {
  text "Note = critères prioritaires du RGESN satisfaits / 30 × 20."
  score env.rgesn_priority_met / 30
}
"#;

// ---------------------------------------------------------------------------- W0509

#[test]
fn a_should_requirement_no_criterion_scores() {
    assert_snapshot!(snapshot_of(
        r#"
requirement ACC-02 "Accessibilité renforcée" {
  level should
  text "Le service atteint un taux de conformité RGAA de 100 %."
  require a11y.rgaa_rate >= 100%
}
criterion PRIX "Prix" weight 100 {
  text "Note = prix le plus bas / prix de l'offre × 100."
  score lowest(pricing.per_student) / pricing.per_student
}
"#
    ));
}

#[test]
fn a_scored_should_and_information_are_lawful() {
    let source = r#"
requirement ACC-02 "Accessibilité renforcée" {
  level should
  text "Le service atteint un taux de conformité RGAA de 100 %."
  require a11y.rgaa_rate >= 100%
}
requirement DECL-01 "Déclaration d'accessibilité" {
  level info
  text "Le candidat joint sa déclaration d'accessibilité."
  require a11y.declaration
}
criterion ACC "Accessibilité" weight 100 {
  text "100 points si l'exigence ACC-02 est satisfaite, 0 sinon."
  score if passed(ACC-02) then 1 else 0
}
"#;
    assert_silent("W0509", source);
}

// ---------------------------------------------------------------------------- W0510

#[test]
fn clauses_without_text_in_a_pack_written_for_publication() {
    assert_snapshot!(snapshot_of(
        r#"
requirement HEB-01 "Hébergement" {
  require a11y.declaration
}
requirement ACC-01 "Accessibilité" {
  text "Le candidat joint sa déclaration d'accessibilité."
  require a11y.declaration
}
criterion PRIX "Prix" weight 100 {
  score lowest(pricing.per_student) / pricing.per_student
}
"#
    ));
}

#[test]
fn clauses_with_texts_or_a_pack_of_rules_only_are_lawful() {
    // Every clause has its text.
    assert_silent(
        "W0510",
        r#"
requirement ACC-01 "Accessibilité" {
  text "Le candidat joint sa déclaration d'accessibilité."
  require a11y.declaration
}
criterion PRIX "Prix" weight 100 {
  text "Note = prix le plus bas / prix de l'offre × 100."
  score lowest(pricing.per_student) / pricing.per_student
}
"#,
    );
    // No clause has one: rules to check offers with, not a tender yet.
    assert_silent(
        "W0510",
        r#"requirement ACC-01 "Accessibilité" { require a11y.declaration }"#,
    );
}

// ---------------------------------------------------------------------------- W0511

#[test]
fn texts_that_write_the_values_of_their_parameters() {
    assert_snapshot!(snapshot_of(
        r#"
param max_price: money = 8.00 €
param min_rgaa: percent = 50%
param max_deletion: duration = 30 days
param max_breach: int = 48
param ai_deadline: date = 2027-12-02
requirement PRX-01 "Prix plafond" {
  text "Le prix par élève n'excède pas 8,00 € HT."
  ref "Délibération du 8 €" 
  require pricing.per_student <= max_price
}
requirement ACC-01 "Accessibilité" {
  text "Le taux de conformité RGAA est d'au moins 50 %."
  note "Soit la moitié des critères (50%)."
  require a11y.rgaa_rate >= min_rgaa
}
requirement RGPD-04 "Suppression des données" {
  text "Les données sont supprimées sous trente jours."
  require data.deletion_delay <= max_deletion
}
requirement RGPD-05 "Notification des violations" {
  text "Toute violation est notifiée à l'acheteur sous quarante-huit heures \"au plus\" (48 h)."
  require data.breach_hours <= max_breach
}
requirement IA-02 "Conformité au règlement sur l'IA" {
  level execution
  text "Le titulaire est conforme au plus tard le 2 décembre 2027 (02/12/2027)."
  require ai.compliant_on <= ai_deadline
}
"#
    ));
}

#[test]
fn texts_that_name_their_parameters_are_lawful() {
    let source = r#"
param max_price: money = 8.00 €
param max_deletion: duration = 30 days
param max_breach: int = 48
requirement PRX-01 "Prix plafond" {
  text "Le prix par élève n'excède pas {max_price} HT (lot 8 : 48 heures de formation)."
  ref "RGPD art. 28, annexe 48"
  require pricing.per_student <= max_price
}
requirement RGPD-04 "Suppression des données" {
  text "Les données sont supprimées sous {max_deletion}, et les sauvegardes sous 10 jours ouvrés de plus."
  require data.deletion_delay <= max_deletion
}
requirement RGPD-05 "Notification des violations" {
  text "Toute violation est notifiée sous {max_breach} heures, selon l'article 33 du RGPD."
  require data.breach_hours <= max_breach
}
"#;
    // `8,00 €` and `50 %` in a clause that reads no such parameter, `48` after `lot`
    // and `annexe`: none is the clause's threshold.
    let outcome = check_main(&format!(
        "{source}\nparam other: duration = 30 days\nrequirement X \"x\" {{ text \"8,00 € et 50 %.\" require data.deletion_delay <= other }}"
    ));
    let codes = outcome.codes();
    assert!(
        codes.iter().filter(|code| **code == "W0511").count() == 0,
        "{}",
        outcome.diagnostics()
    );
}

// ---------------------------------------------------------------------------- W0512

/// Checks a pack `dep` and a root `region` that depends on it and overrides in it what
/// `region` says, then renders the root's diagnostics.
fn check_with_dependency(dep: &str, region: &str, launch: Option<Date>) -> String {
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
        launch,
        lots: &[],
    });
    render_diagnostics(&sources, &checked.diagnostics)
}

const DEP: &str = r#"
descriptor {
  pricing: { per_student: money }
  env: { rgesn_priority_met: int, rgesn_commitment: bool }
}
param max_price: money = 8.00 €
requirement PRX-01 "Prix plafond" {
  text "Le prix par élève reste raisonnable."
  require pricing.per_student <= max_price
}
requirement PRX-02 "Prix affiché" {
  text "Le prix par élève n'excède pas {max_price} HT."
  require pricing.per_student <= max_price
}
requirement ENV-02 "Sobriété numérique" {
  level execution
  text "Le titulaire applique les critères prioritaires du RGESN pendant le marché."
  require env.rgesn_commitment
}
criterion ENV "Écoconception" weight 20 {
  text "Note = critères prioritaires du RGESN satisfaits / 30 × 20."
  score env.rgesn_priority_met / 30
}
criterion PRIX "Prix" weight 80 {
  text "Note = prix le plus bas / prix de l'offre × 80."
  score lowest(pricing.per_student) / pricing.per_student
}
"#;

#[test]
fn an_override_that_a_clause_text_does_not_show() {
    let region = "use dep\nset dep::max_price = 5.50 €\n";
    assert_snapshot!(check_with_dependency(DEP, region, None));
}

#[test]
fn without_an_override_the_text_is_left_alone() {
    // PRX-01 gives no threshold, but no pack sets another one.
    assert_eq!(
        check_with_dependency(DEP, "use dep\n", None),
        "no diagnostics\n"
    );
}

// ---------------------------------------------------------------------------- W0513

#[test]
fn a_tender_without_an_environmental_execution_condition() {
    assert_snapshot!(snapshot_of(&format!(
        r#"
requirement SEC-02 "Plan d'assurance sécurité" {{
  level execution
  text "Le titulaire tient à jour un plan d'assurance sécurité."
  require security.pas
}}
{GRID}"#
    )));
}

#[test]
fn an_environmental_execution_condition_or_an_earlier_launch_is_lawful() {
    let condition = r#"
requirement ENV-02 "Sobriété numérique" {
  level execution
  text "Le titulaire applique les critères prioritaires du RGESN pendant le marché."
  require env.rgesn_commitment
}"#;
    assert_silent("W0513", &format!("{condition}\n{GRID}"));
    // By the field it reads.
    let by_field = r#"
requirement EXE-03 "Engagement" {
  level execution
  text "Le titulaire mesure l'empreinte carbone du service."
  require env.carbon_kg >= 0
}"#;
    assert_silent("W0513", &format!("{by_field}\n{GRID}"));
    // A `must` requirement is not an execution condition.
    let must = condition.replace("level execution", "level must");
    assert!(
        check_main(&format!("{must}\n{GRID}"))
            .codes()
            .contains(&"W0513")
    );
    // A procedure launched before 22 August 2026, and one launched that day.
    let region = "use dep::{PRIX, ENV}\n";
    assert!(
        !check_with_dependency(DEP, region, Some(date(2026, 8, 21))).contains("W0513"),
        "launched before the law applies"
    );
    assert!(check_with_dependency(DEP, region, Some(date(2026, 8, 22))).contains("W0513"));
    assert!(check_with_dependency(DEP, region, None).contains("W0513"));
}

// ---------------------------------------------------------------------------- W0514

#[test]
fn titulaire_in_a_specification() {
    assert_snapshot!(snapshot_of(
        r#"
requirement HEB-01 "Hébergement" {
  text "« Le Titulaire » héberge les données\nen France."
  require a11y.declaration
}
requirement ACC-02 "Accessibilité" {
  level should
  text "Les titulaires publient leur déclaration."
  require a11y.declaration
}
requirement ACC-03 "Accessibilité" {
  text "Le candidat, titulaire d'une certification, est le titulaire du marché."
  require a11y.declaration
}
"#
    ));
}

#[test]
fn candidat_in_a_specification_and_titulaire_in_an_execution_condition_are_lawful() {
    let source = r#"
requirement HEB-01 "Hébergement" {
  text "Le candidat héberge les données en France ; le titulaire…"
  level execution
  require a11y.declaration
}
requirement HEB-02 "Hébergement" {
  text "Le candidat héberge les données en France (titularisation des agents)."
  require a11y.declaration
}
requirement HEB-03 "Hébergement" {
  text "L'hébergeur est titulaire d'une qualification SecNumCloud, ou titulaire du label équivalent."
  require a11y.declaration
}
requirement INFO-01 "Information" {
  level info
  text "Le titulaire sortant est cité pour information."
  require a11y.declaration
}
"#;
    assert_silent("W0514", source);
}

// ---------------------------------------------------------------------------- W0515

#[test]
fn an_offer_set_aside_in_a_specification() {
    assert_snapshot!(snapshot_of(
        r#"
requirement HEB-01 "Hébergement" {
  text "Les données sont hébergées en France.\nToute offre non conforme sera écartée."
  require a11y.declaration
}
requirement ACC-02 "Accessibilité" {
  level execution
  text "La déclaration est publiée."
  note "Les offres qui ne la publient pas sont rejetées."
  require a11y.declaration
}
"#
    ));
}

#[test]
fn an_irregular_offer_or_a_rejected_candidature_is_lawful() {
    let source = r#"
requirement HEB-01 "Hébergement" {
  text "Une offre qui ne respecte pas cette exigence est irrégulière ; l'acheteur peut demander sa régularisation."
  require a11y.declaration
}
requirement HEB-02 "Hébergement" {
  text "Les données sont hébergées en France. Une candidature incomplète est rejetée."
  require a11y.declaration
}
requirement ACC-02 "Accessibilité" {
  level should
  text "Une offre sans déclaration sera écartée de ce sous-critère."
  require a11y.declaration
}
"#;
    assert_silent("W0515", source);
}
