//! Renderings of a pack itself rather than of a check: the result of its tests (text,
//! JUnit XML), its clauses as the text of a tender (Markdown, HTML, Word), the JSON Schema
//! of its descriptor, and the questionnaire vendors fill in (Excel).

pub mod cahier;
mod evidence_form;
mod json_schema;
mod junit;
mod questionnaire;
mod test_coverage;
mod test_human;

pub(crate) use cahier::plain_value_in_words;
pub use cahier::{
    CahierInput, Lang, PackProvenance, TitlePage, condition_markdown, legal_text_filled,
    render_docx, render_html, render_markdown, value_in_words,
};
pub use json_schema::{SchemaInput, json_schema, render_json_schema};
pub use junit::render_test_junit;
pub(crate) use junit::{attribute as xml_attribute, text_content as xml_text};
pub use questionnaire::render_questionnaire;
pub use test_coverage::render_coverage;
pub use test_human::render_test_human;
