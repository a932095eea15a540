//! The formats of a diagnosis, from the hand-built diagnosis of `fixtures.rs`.

use clausier_i18n::Lang;

use super::fixtures::{diagnosis, names, schema};
use super::{
    DiagnosisView, render_diagnosis_human, render_diagnosis_json, render_diagnosis_markdown,
};

fn with_view<T>(render: impl FnOnce(&DiagnosisView<'_>) -> T) -> T {
    let (diagnosis, schema, names) = (diagnosis(), schema(), names());
    render(&DiagnosisView {
        diagnosis: &diagnosis,
        schema: &schema,
        names: &names,
        catalogue: None,
    })
}

#[test]
fn terminal_summary_in_french() {
    let text = with_view(|view| render_diagnosis_human(view, Lang::Fr, false));
    insta::assert_snapshot!(text);
}

#[test]
fn terminal_summary_in_english() {
    let text = with_view(|view| render_diagnosis_human(view, Lang::En, false));
    insta::assert_snapshot!(text);
}

#[test]
fn markdown_in_french() {
    let text = with_view(|view| render_diagnosis_markdown(view, Lang::Fr));
    insta::assert_snapshot!(text);
}

#[test]
fn json_for_other_tools() {
    let text = with_view(|view| render_diagnosis_json(view, Lang::Fr)).expect("renders");
    insta::assert_snapshot!(text);
}

#[test]
fn html_dashboard_draws_a_chart_per_one_field_indicator_with_its_labels() {
    let html = with_view(|view| super::render_diagnosis_html(view, Lang::Fr));
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    assert_eq!(
        html.matches("<svg role=\"img\"").count(),
        3,
        "two bar charts, one timeline"
    );
    for label in ["Applications métiers", "Bureautique", "Visio", "Hors UE"] {
        assert!(
            html.contains(&format!(">\n{label}\n</text>")),
            "{label} drawn"
        );
    }
    assert!(html.contains("<table class=\"matrix\">"));
    assert!(
        html.contains("background: rgba(31, 95, 153, 0.85)"),
        "the largest cell is darkest"
    );
    assert!(!html.contains("<script"), "no script is needed");
    assert!(
        !html.contains("APPLICATIONS_METIERS"),
        "variants by their label"
    );
    // The only address is the SVG namespace's, which nothing fetches.
    let addresses = html.matches("http").count();
    assert_eq!(
        addresses,
        html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count()
    );
}

fn with_catalogue<T>(against: bool, render: impl FnOnce(&DiagnosisView<'_>) -> T) -> T {
    let (diagnosis, schema, names) = (diagnosis(), schema(), names());
    let catalogue = super::fixtures::catalogue();
    assert!(
        catalogue
            .solutions
            .iter()
            .all(|solution| solution.problems.is_empty()),
        "{:?}",
        catalogue.solutions
    );
    render(&DiagnosisView {
        diagnosis: &diagnosis,
        schema: &schema,
        names: &names,
        catalogue: Some(super::SolutionCatalogue {
            descriptors: &catalogue.solutions,
            schema: &catalogue.checked.pack.schema,
            against: against.then_some(&catalogue.report),
        }),
    })
}

#[test]
fn terminal_summary_with_the_alternatives_checked_against_a_pack() {
    let text = with_catalogue(true, |view| render_diagnosis_human(view, Lang::Fr, false));
    insta::assert_snapshot!(text);
}

#[test]
fn markdown_lists_the_alternatives_as_not_checked_without_a_pack() {
    let text = with_catalogue(false, |view| render_diagnosis_markdown(view, Lang::Fr));
    insta::assert_snapshot!(text);
}

#[test]
fn json_gives_each_alternative_with_its_verdict() {
    let text = with_catalogue(true, |view| render_diagnosis_json(view, Lang::En)).expect("renders");
    let json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let office = &json["risks"][0]["entries"][1];
    assert_eq!(office["name"], "Suite bureautique en ligne");
    let verdicts: Vec<(&str, &str)> = office["solutions"]
        .as_array()
        .expect("solutions")
        .iter()
        .map(|solution| {
            (
                solution["solution"].as_str().expect("id"),
                solution["verdict"].as_str().expect("verdict"),
            )
        })
        .collect();
    assert_eq!(
        verdicts,
        [
            ("suite-libre", "satisfied"),
            ("suite-fermee", "not-satisfied")
        ]
    );
}

#[test]
fn html_gives_each_alternative_the_verdict_of_the_catalogue_page() {
    let html = with_catalogue(true, |view| super::render_diagnosis_html(view, Lang::Fr));
    assert!(html.contains(
        "<li class=\"verdict satisfied\" data-pack=\"catalogue-essai\" data-verdict=\"satisfied\">\
         conforme au jeu de clauses catalogue-essai</li>"
    ));
    assert!(
        html.contains(
            "data-verdict=\"not-satisfied\">non conforme au jeu de clauses catalogue-essai"
        )
    );
    assert!(html.contains("<span class=\"free\">logiciel libre</span>"));
    let html = with_catalogue(false, |view| super::render_diagnosis_html(view, Lang::Fr));
    assert_eq!(html.matches("data-verdict=\"not-checked\"").count(), 2);
}

#[test]
fn the_inventorys_own_text_is_made_safe_in_every_format() {
    let (diagnosis, schema) = (diagnosis(), schema());
    let names = vec![
        Some("<b>RH</b>\u{1b}[31m | *paie*".to_owned()),
        None,
        None,
        None,
    ];
    let view = DiagnosisView {
        diagnosis: &diagnosis,
        schema: &schema,
        names: &names,
        catalogue: None,
    };
    let html = super::render_diagnosis_html(&view, Lang::Fr);
    assert!(!html.contains("<b>RH"), "markup escaped");
    assert!(html.contains("&lt;b&gt;RH&lt;/b&gt;"));
    let human = render_diagnosis_human(&view, Lang::Fr, false);
    let markdown = render_diagnosis_markdown(&view, Lang::Fr);
    for text in [&html, &human, &markdown] {
        assert!(!text.contains('\u{1b}'), "no escape code reaches a reader");
    }
    assert!(markdown.contains("\\| \\*paie\\*"), "{markdown}");
}
