//! Placeholders in texts and notes, and `passed(ID)` in scores: what the checked pack
//! holds of them (the parts of a text, the requirement a `passed` reads) and the symbols
//! the editor sees. Their errors are in the conformance corpus (`diag-placeholders`,
//! `diag-passed`).

mod common;

use clausier_check::hir::{LegalText, TextPart};
use common::{check, render_symbols};
use insta::assert_snapshot;

const PACK: &str = r#"
descriptor {
  pricing: { per_student: money }
  a11y: { rgaa_rate: percent }
}
param max_price: money = 8.00 €
param min_rgaa: percent = 75%
requirement PRX-01 "Prix" {
  text "Prix \"plafond\" : {max_price} HT {{par élève}}, soit {max_price}."
  note "Taux : {min_rgaa}."
  require pricing.per_student <= max_price
}
requirement ACC-02 "Accessibilité" {
  level should
  text "Taux RGAA d'au moins {min_rgaa}."
  require a11y.rgaa_rate >= min_rgaa
}
criterion ACC "Accessibilité" weight 100 {
  text "100 points si ACC-02 est satisfaite."
  score if passed(ACC-02) then 1 else 0
}
"#;

/// The text with each placeholder written as the name of its parameter.
fn name(pack: &clausier_check::hir::CheckedPack, text: &LegalText) -> String {
    text.parts
        .iter()
        .map(|part| match part {
            TextPart::Literal(literal) => literal.clone(),
            TextPart::Param(id) | TextPart::ParamField(id, _) => {
                format!("<{}>", pack.params[id.0 as usize].name)
            }
        })
        .collect()
}

#[test]
fn a_text_is_cut_into_literals_and_parameters() {
    let outcome = check(PACK);
    assert!(!outcome.checked.has_errors(), "{}", outcome.diagnostics());
    let pack = outcome.pack();
    let prx = &pack.requirements[0].meta;
    let text = prx.text.as_ref().unwrap();
    assert_eq!(
        text.source,
        "Prix \"plafond\" : {max_price} HT {{par élève}}, soit {max_price}."
    );
    assert_eq!(
        name(pack, text),
        "Prix \"plafond\" : <max_price> HT {par élève}, soit <max_price>."
    );
    let ids: Vec<u32> = text.params().map(|id| id.0).collect();
    assert_eq!(ids, [0, 0]);
    assert_eq!(
        text.parts[0],
        TextPart::Literal("Prix \"plafond\" : ".to_owned())
    );
    assert_eq!(name(pack, prx.note.as_ref().unwrap()), "Taux : <min_rgaa>.");
    // No parameter is unused: placeholders read them.
    assert!(!outcome.codes().contains(&"W0501"));
}

#[test]
fn placeholders_and_passed_are_symbol_occurrences() {
    let outcome = check(PACK);
    let symbols: String = render_symbols(&outcome, "main.clause")
        .lines()
        .filter(|line| line.contains("param") || line.contains("clause ACC-02"))
        .map(|line| format!("{line}\n"))
        .collect();
    assert_snapshot!(symbols);
}

#[test]
fn passed_reads_the_requirement_in_effect() {
    let outcome = check(PACK);
    assert_eq!(
        outcome.score_of("ACC"),
        "(if (passed ACC-02):bool 1:int 0:int):int"
    );
}

#[test]
fn an_erroneous_placeholder_stays_literal_text() {
    let outcome = check(&PACK.replace("soit {max_price}", "soit {max_prix} {"));
    assert_eq!(outcome.codes()[..2], ["E0312", "E0313"]);
    let pack = outcome.pack();
    let text = pack.requirements[0].meta.text.as_ref().unwrap();
    assert_eq!(
        name(pack, text),
        "Prix \"plafond\" : <max_price> HT {par élève}, soit {max_prix} {."
    );
}
