//! The check report as NDJSON: one line per descriptor, in the report's order, with the
//! same fields as an entry of the JSON report's `descriptors`, then one summary line.
//!
//! The lines are rendered one at a time, so that a run too large to hold in memory writes
//! each descriptor's line as soon as it is final, with the bytes [`render_ndjson`] gives.

use clausier_eval::report::{DescriptorReport, LotReport, PackInfo, Report, Summary};
use serde::Serialize;

/// The last line: the run's totals, with the pack and date they belong to.
#[derive(Serialize)]
struct SummaryLine<'a> {
    summary: &'a Summary,
    /// In a contract divided into lots, each lot's id, title and counts, as the JSON
    /// report's `lots`; left out for a contract in one piece.
    #[serde(skip_serializing_if = "<[LotReport]>::is_empty")]
    lots: &'a [LotReport],
    clausier: &'a str,
    pack: &'a PackInfo,
    date: &'a str,
}

/// Renders a report as NDJSON: each descriptor as one compact JSON object on its own
/// line, then `{"summary": {…}, "clausier": …, "pack": {…}, "date": …}` (with
/// `"lots": [{"id", "title", "summary"}, …]` after the summary in a contract divided into
/// lots). Every line ends with a line break.
pub fn render_ndjson(report: &Report) -> Result<String, serde_json::Error> {
    let mut out = String::new();
    for descriptor in &report.descriptors {
        out.push_str(&ndjson_line(descriptor)?);
    }
    out.push_str(&ndjson_summary_line(report)?);
    Ok(out)
}

/// One descriptor's line, line break included.
pub fn ndjson_line(descriptor: &DescriptorReport) -> Result<String, serde_json::Error> {
    let mut line = serde_json::to_string(descriptor)?;
    line.push('\n');
    Ok(line)
}

/// The summary line, line break included. Only the summary, lots, version, pack and
/// date of `report` are read: a streamed run calls it with a report without entries
/// whose counts it kept as it went.
pub fn ndjson_summary_line(report: &Report) -> Result<String, serde_json::Error> {
    let last = SummaryLine {
        summary: &report.summary,
        lots: &report.lots,
        clausier: &report.clausier,
        pack: &report.pack,
        date: &report.date,
    };
    let mut line = serde_json::to_string(&last)?;
    line.push('\n');
    Ok(line)
}
