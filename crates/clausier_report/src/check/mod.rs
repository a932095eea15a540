//! Check reports: the result of `clausier check` for programs (JSON) and for buyers
//! (a table with the reasons of every failure, a workbook).

pub(crate) mod catalogue;
pub(crate) mod catalogue_solution;
mod columns;
mod conditions;
mod csv_format;
mod html;
mod html_lots;
mod html_offer;
mod html_style;
pub(crate) mod human;
mod human_lots;
mod json;
mod junit;
mod markdown;
mod ndjson;
mod review_words;
mod sarif;
pub(crate) mod vendor_text;
pub(crate) mod wording;
mod xlsx;

pub use catalogue::{Catalogue, render_catalogue};
pub(crate) use catalogue_solution::field as descriptor_field;
pub use conditions::word_report;
pub use csv_format::render_csv;
pub use html::render_html;
pub use human::{HumanOptions, render_human, render_human_with_data};
pub use json::{json_entry, json_head, json_separator, json_tail, render_json};
pub use junit::render_junit;
pub use markdown::explanation as explanation_markdown;
pub use markdown::render_markdown;
pub use ndjson::{ndjson_line, ndjson_summary_line, render_ndjson};
pub use sarif::render_sarif;
pub use xlsx::render_xlsx;

#[cfg(test)]
pub(crate) mod fixtures;
#[cfg(test)]
mod review_tests;
#[cfg(test)]
mod tests;
