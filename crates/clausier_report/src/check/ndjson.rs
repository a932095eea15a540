//! The check report as NDJSON: one line per descriptor, in the report's order, with the
//! same fields as an entry of the JSON report's `descriptors`, then one summary line.

use clausier_eval::report::{PackInfo, Report, Summary};
use serde::Serialize;

/// The last line: the run's totals, with the pack and date they belong to.
#[derive(Serialize)]
struct SummaryLine<'a> {
    summary: &'a Summary,
    clausier: &'a str,
    pack: &'a PackInfo,
    date: &'a str,
}

/// Renders a report as NDJSON: each descriptor as one compact JSON object on its own
/// line, then `{"summary": {…}, "clausier": …, "pack": {…}, "date": …}`. Every line
/// ends with a line break.
pub fn render_ndjson(report: &Report) -> Result<String, serde_json::Error> {
    let mut out = String::new();
    for descriptor in &report.descriptors {
        out.push_str(&serde_json::to_string(descriptor)?);
        out.push('\n');
    }
    let last = SummaryLine {
        summary: &report.summary,
        clausier: &report.clausier,
        pack: &report.pack,
        date: &report.date,
    };
    out.push_str(&serde_json::to_string(&last)?);
    out.push('\n');
    Ok(out)
}
