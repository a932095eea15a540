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
