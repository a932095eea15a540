//! The check report as Markdown, for merge requests, wikis and tickets: a table of the
//! descriptors (one per lot in a contract divided into lots), then the reasons of each
//! one that is not eligible.

use std::fmt::Write;

use clausier_diagnostics::Severity;
use clausier_eval::report::{
    ClauseResult, DataErrorEntry, DescriptorReport, DescriptorStatus, Explanation, Report,
    RequirementResult, RequirementStatus,
};

use super::human::{clause_name, two_decimals};
use clausier_i18n::Lang;

use super::human_lots::{counted_entries, lot_heading};
use super::wording;
use crate::diagnostics::plural;
use crate::pack::cahier::{md_code as code, md_escape as escape};

/// Renders a report as CommonMark with GitHub tables: the pack, date and totals, a table
/// of every descriptor (status, score, rank), and a "Failures" section with, for each
/// descriptor that is not eligible, has data errors or fails a `should` requirement, its
/// failed and missing requirements with their explanations and its data errors.
pub fn render_markdown(report: &Report, lang: Lang) -> String {
    let report = &super::vendor_text::for_people(report);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Check report: {} {}\n",
        escape(&report.pack.name),
        escape(&report.pack.version)
    );
    let _ = writeln!(
        out,
        "- Pack: {} {} ({})",
        code(&report.pack.name),
        escape(&report.pack.version),
        code(&report.pack.hash)
    );
    let _ = writeln!(out, "- Date: {}", escape(&report.date));
    let summary = &report.summary;
    let counted = if report.lots.is_empty() {
        plural(summary.total, "descriptor", "descriptors")
    } else {
        counted_entries(report, lang)
    };
    let _ = writeln!(
        out,
        "- {counted}: {} eligible, {} ineligible, {} incomplete, {} invalid",
        summary.eligible, summary.ineligible, summary.incomplete, summary.invalid
    );
    for lot in &report.lots {
        let _ = writeln!(
            out,
            "- {}: {}: {} eligible, {} ineligible, {} incomplete",
            escape(&lot_heading(lot, lang)),
            plural(lot.summary.total, "offer", "offers"),
            lot.summary.eligible,
            lot.summary.ineligible,
            lot.summary.incomplete
        );
    }
    if report.lots.is_empty() && !report.descriptors.is_empty() {
        out.push_str("\n## Descriptors\n\n");
        write_table(&mut out, report.descriptors.iter());
    }
    // A contract divided into lots: a ranking per lot, then the descriptors on none.
    for lot in &report.lots {
        let mut entries = report
            .descriptors
            .iter()
            .filter(|entry| entry.lot.as_deref() == Some(lot.id.as_str()))
            .peekable();
        if entries.peek().is_some() {
            let _ = writeln!(out, "\n## {}\n", escape(&lot_heading(lot, lang)));
            write_table(&mut out, entries);
        }
    }
    if !report.lots.is_empty() && report.descriptors.iter().any(|entry| entry.lot.is_none()) {
        out.push_str("\n## Invalid, on no lot\n\n");
        write_table(
            &mut out,
            report
                .descriptors
                .iter()
                .filter(|entry| entry.lot.is_none()),
        );
    }
    let failing: Vec<&DescriptorReport> = report
        .descriptors
        .iter()
        .filter(|d| {
            d.status != DescriptorStatus::Eligible
                || !d.errors.is_empty()
                || d.results.iter().any(|result| {
                    matches!(
                        result,
                        ClauseResult::Requirement(r)
                            if matches!(r.status, RequirementStatus::Fail | RequirementStatus::Missing)
                    )
                })
        })
        .collect();
    out.push_str("\n## Failures\n");
    if failing.is_empty() {
        out.push_str("\nNone: every descriptor is eligible.\n");
    }
    for descriptor in failing {
        let lot = descriptor
            .lot
            .as_ref()
            .map_or_else(String::new, |lot| format!(", lot {}", escape(lot)));
        let _ = writeln!(
            out,
            "\n### {} ({}){lot}: {}\n",
            escape(&descriptor.id),
            code(&descriptor.source),
            descriptor.status.as_str()
        );
        let mut any = false;
        for result in &descriptor.results {
            if let ClauseResult::Requirement(requirement) = result
                && matches!(
                    requirement.status,
                    RequirementStatus::Fail | RequirementStatus::Missing
                )
            {
                write_requirement(&mut out, report, requirement, lang);
                any = true;
            }
        }
        for error in &descriptor.errors {
            write_error(&mut out, descriptor, error);
            any = true;
        }
        if !any {
            out.push_str("- no requirement failed\n");
        }
    }
    out
}

/// A table of entries: status, score and rank.
fn write_table<'a>(out: &mut String, entries: impl Iterator<Item = &'a DescriptorReport>) {
    out.push_str("| ID | Source | Status | Score | Rank |\n");
    out.push_str("| --- | --- | --- | ---: | ---: |\n");
    for descriptor in entries {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            escape(&descriptor.id),
            cell_code(&descriptor.source),
            descriptor.status.as_str(),
            descriptor
                .score
                .map_or_else(|| "-".to_owned(), two_decimals),
            descriptor
                .rank
                .map_or_else(|| "-".to_owned(), |rank| rank.to_string())
        );
    }
}

fn write_requirement(
    out: &mut String,
    report: &Report,
    requirement: &RequirementResult,
    lang: Lang,
) {
    let name = clause_name(report, &requirement.clause, &requirement.pack);
    let head = format!(
        "- **{}** ({}) {}",
        escape(&name),
        requirement.level,
        requirement.status.as_str()
    );
    match requirement.status {
        RequirementStatus::Fail => match requirement.explanation.as_slice() {
            [] => {
                let _ = writeln!(out, "{head}");
            }
            [only] => {
                let _ = writeln!(out, "{head}: {}", explanation(only, lang));
            }
            several => {
                let _ = writeln!(out, "{head}:");
                for item in several {
                    let _ = writeln!(out, "  - {}", explanation(item, lang));
                }
            }
        },
        _ if !requirement.missing.is_empty() || !requirement.reasons.is_empty() => {
            let why = wording::requirement_unknown(requirement, lang);
            let _ = writeln!(out, "{head}: {}", markdown(&why));
        }
        _ => {
            let _ = writeln!(out, "{head}");
        }
    }
}

/// `` `hosting.region == EU` — `hosting.region` is `OTHER` at `vendors/x.json:4:15` ``.
fn explanation(item: &Explanation, lang: Lang) -> String {
    markdown(&wording::explanation(item, lang))
}

fn markdown(pieces: &[wording::Piece]) -> String {
    wording::join(pieces, code, escape, " — ")
}

fn write_error(out: &mut String, descriptor: &DescriptorReport, error: &DataErrorEntry) {
    let mut line = format!("- **{}**", escape(&error.code));
    if error.severity == Severity::Warning {
        line.push_str(" (warning)");
    }
    if !error.path.is_empty() {
        let _ = write!(line, " {}", code(&error.path));
    }
    let _ = write!(line, ": {}", escape(&error.message));
    if let Some(at) = error.line {
        let place = format!("{}:{at}:{}", descriptor.source, error.column.unwrap_or(1));
        let _ = write!(line, " at {}", code(&place));
    }
    let _ = writeln!(out, "{line}");
    if let Some(help) = &error.help {
        let _ = writeln!(out, "  - help: {}", escape(help));
    }
}

/// Code in a table cell, where `|` must be escaped even inside the span.
fn cell_code(text: &str) -> String {
    code(&text.replace('|', "\\|"))
}
