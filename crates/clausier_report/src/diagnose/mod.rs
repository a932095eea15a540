//! The diagnosis of an inventory (`clausier diagnose`): a pack's indicators over the
//! whole inventory and its ranked priorities, with the catalogue's alternatives to each,
//! for the terminal (`human.rs`), as Markdown (`markdown.rs`), as JSON for other tools
//! (`json.rs`) and as a self-contained HTML dashboard (`html.rs`, its charts in
//! `charts.rs`, its style in `html_style.rs`). Every format renders the one model of
//! `clausier_eval::diagnosis`; the words are `diagnose.ftl`'s, the values written by
//! `words.rs`.

mod alternatives;
mod charts;
mod html;
mod html_style;
mod human;
mod json;
mod markdown;
mod priorities;
pub(crate) mod words;

use clausier_check::types::Schema;
use clausier_data::Descriptor;
use clausier_eval::diagnosis::Diagnosis;
use clausier_eval::report::Report;

pub use html::render_diagnosis_html;
pub use human::render_diagnosis_human;
pub use json::render_diagnosis_json;
pub use markdown::render_diagnosis_markdown;

/// What every format of a diagnosis renders.
pub struct DiagnosisView<'a> {
    pub diagnosis: &'a Diagnosis,
    /// The schema of the diagnosis pack: the labels of enum variants.
    pub schema: &'a Schema,
    /// The name of each line of the inventory, by its index among the inputs
    /// (`DescriptorReport::input`): the `name` field it gives, if any (see
    /// [`entry_names`]); a line without one is shown by its id.
    pub names: &'a [Option<String>],
    /// The catalogue of solutions to offer as alternatives to the priorities, if asked.
    pub catalogue: Option<SolutionCatalogue<'a>>,
}

/// The solutions of a catalogue, and the report of the pack they must satisfy.
pub struct SolutionCatalogue<'a> {
    /// The solution descriptions, read with `schema`.
    pub descriptors: &'a [Descriptor],
    /// The schema they were read with: the `solution { … }` shape.
    pub schema: &'a Schema,
    /// The report of the chosen pack (`--against`) over `descriptors`, worded by
    /// `word_report`; `None` lists every solution as not checked.
    pub against: Option<&'a Report>,
}

/// The top-level `name` text of each line, in input order.
pub fn entry_names(entries: &[Descriptor], schema: &Schema) -> Vec<Option<String>> {
    entries
        .iter()
        .map(|entry| {
            let root = entry.root.as_deref()?;
            match crate::check::descriptor_field(root, schema, &["name"])? {
                clausier_check::value::Value::String(text) => Some(text.to_string()),
                _ => None,
            }
        })
        .collect()
}

#[cfg(test)]
mod fixtures;
#[cfg(test)]
mod tests;
