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
