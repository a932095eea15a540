//! Check reports: the result of `clausier check` for programs (JSON) and for buyers
//! (a table with the reasons of every failure).

mod columns;
mod csv_format;
mod html;
pub(crate) mod human;
mod junit;
mod markdown;
mod ndjson;
mod sarif;

use clausier_eval::report::Report;

pub use csv_format::render_csv;
pub use html::render_html;
pub use human::{HumanOptions, render_human};
pub use junit::render_junit;
pub use markdown::render_markdown;
pub use ndjson::render_ndjson;
pub use sarif::render_sarif;

/// The JSON report of the design brief: pretty-printed with two spaces and a final line
/// break. Equal reports give identical bytes (objects keep their declaration order).
pub fn render_json(report: &Report) -> Result<String, serde_json::Error> {
    let mut text = serde_json::to_string_pretty(report)?;
    text.push('\n');
    Ok(text)
}

#[cfg(test)]
pub(crate) mod fixtures;
#[cfg(test)]
mod tests;
