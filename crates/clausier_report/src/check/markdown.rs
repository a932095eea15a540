//! The check report as Markdown, for merge requests, wikis and tickets: a table of the
//! descriptors (one per lot in a contract divided into lots), then the reasons of each
//! one that is not eligible.

use std::fmt::Write;

use clausier_diagnostics::Severity;
use clausier_eval::report::{
    ClauseResult, DataErrorEntry, DescriptorReport, DescriptorStatus, Explanation, Report,
    RequirementResult, RequirementStatus,
};

use clausier_i18n::{Lang, t};

use super::human::{
    clause_name, colon, date_in_words, level_word, outcome_word, score_text, status_word,
    summary_line,
};
use super::human_lots::{lot_heading, lot_line, lot_summary_line};
use super::wording;
use crate::pack::cahier::{md_code as code, md_escape as escape};

/// Renders a report as CommonMark with GitHub tables: the pack, date and totals, a table
/// of every descriptor (status, score, rank), and a "Failures" section with, for each
/// descriptor that is not eligible, has data errors or fails a `should` requirement, its
/// failed and missing requirements with their explanations and its data errors.
pub fn render_markdown(report: &Report, lang: Lang) -> String {
    let report = &super::vendor_text::for_people(report);
    let mut out = String::new();
    let colon = colon(lang);
    let title = t!(
        lang,
        "markdown-title",
        pack = report.pack.name.as_str(),
        version = report.pack.version.as_str()
    );
    let _ = writeln!(out, "# {}\n", escape(&title));
    let _ = writeln!(
        out,
        "- {}{colon} {} {} ({})",
        t!(lang, "markdown-pack"),
        code(&report.pack.name),
        escape(&report.pack.version),
        code(&report.pack.hash)
    );
    let date = date_in_words(&report.date, lang);
    let _ = writeln!(
        out,
        "- {}{colon} {}",
        t!(lang, "markdown-date"),
        escape(&date)
    );
    if report.lots.is_empty() {
        let _ = writeln!(out, "- {}", escape(&summary_line(&report.summary, lang)));
    } else {
        let _ = writeln!(out, "- {}", escape(&lot_summary_line(report, lang)));
    }
    for lot in &report.lots {
        let _ = writeln!(out, "- {}", escape(&lot_line(lot, lang)));
    }
    if report.lots.is_empty() && !report.descriptors.is_empty() {
        let _ = writeln!(out, "\n## {}\n", t!(lang, "markdown-descriptors"));
        write_table(&mut out, report.descriptors.iter(), lang);
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
            write_table(&mut out, entries, lang);
        }
    }
    if !report.lots.is_empty() && report.descriptors.iter().any(|entry| entry.lot.is_none()) {
        let _ = writeln!(out, "\n## {}\n", t!(lang, "markdown-invalid-on-no-lot"));
        write_table(
            &mut out,
            report
                .descriptors
                .iter()
                .filter(|entry| entry.lot.is_none()),
            lang,
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
                        ClauseResult::Requirement(r) if super::review_words::is_reported(r)
                    )
                })
        })
        .collect();
    let _ = writeln!(out, "\n## {}", t!(lang, "markdown-failures"));
    if failing.is_empty() {
        let _ = writeln!(out, "\n{}", t!(lang, "markdown-no-failure"));
    }
    for descriptor in failing {
        let lot = descriptor.lot.as_ref().map_or_else(String::new, |lot| {
            format!(", {}", escape(&t!(lang, "report-lot", lot = lot.as_str())))
        });
        let _ = writeln!(
            out,
            "\n### {} ({}){lot}{colon} {}\n",
            escape(&descriptor.id),
            code(&descriptor.source),
            status_word(descriptor.status, lang)
        );
        let mut any = false;
        for result in &descriptor.results {
            if let ClauseResult::Requirement(requirement) = result
                && super::review_words::is_reported(requirement)
            {
                write_requirement(&mut out, report, requirement, lang);
                any = true;
            }
        }
        for error in &descriptor.errors {
            write_error(&mut out, descriptor, error, lang);
            any = true;
        }
        if !any {
            let _ = writeln!(out, "- {}", t!(lang, "markdown-no-requirement-failed"));
        }
        let to_provide = wording::documents_to_provide(descriptor);
        if !to_provide.is_empty() {
            let _ = writeln!(
                out,
                "\n**{}**\n",
                t!(lang, "report-documents-to-provide-title")
            );
            for (requirement, documents) in to_provide {
                let name = clause_name(report, &requirement.clause, &requirement.pack);
                let _ = writeln!(
                    out,
                    "- **{}**{colon} {}",
                    escape(&name),
                    escape(&wording::document_labels(documents, lang))
                );
            }
        }
    }
    out
}

/// A table of entries: status, score and rank.
fn write_table<'a>(
    out: &mut String,
    entries: impl Iterator<Item = &'a DescriptorReport>,
    lang: Lang,
) {
    let _ = writeln!(
        out,
        "| ID | {} | {} | {} | {} |",
        t!(lang, "markdown-column-source"),
        t!(lang, "markdown-column-status"),
        t!(lang, "markdown-column-score"),
        t!(lang, "markdown-column-rank")
    );
    out.push_str("| --- | --- | --- | ---: | ---: |\n");
    for descriptor in entries {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            escape(&descriptor.id),
            cell_code(&descriptor.source),
            status_word(descriptor.status, lang),
            descriptor
                .score
                .map_or_else(|| "-".to_owned(), |score| score_text(score, lang)),
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
    let mut head = format!(
        "- **{}** ({}) {}",
        escape(&name),
        level_word(requirement.level, lang),
        outcome_word(requirement.status, lang)
    );
    if matches!(requirement.level, "should" | "info") {
        let _ = write!(head, ", {}", t!(lang, "outcome-no-effect"));
    }
    let colon = colon(lang);
    if let Some(words) = super::review_words::review_words(requirement, lang) {
        let _ = writeln!(out, "{head}{colon} {}", escape(&words));
        return;
    }
    match requirement.status {
        RequirementStatus::Fail => match requirement.explanation.as_slice() {
            [] => {
                let _ = writeln!(out, "{head}");
            }
            [only] => {
                let _ = writeln!(out, "{head}{colon} {}", explanation(only, lang));
            }
            several => {
                let _ = writeln!(out, "{head}{colon}");
                for item in several {
                    let _ = writeln!(out, "  - {}", explanation(item, lang));
                }
            }
        },
        _ if !requirement.missing.is_empty() || !requirement.reasons.is_empty() => {
            let why = wording::requirement_unknown(requirement, lang);
            let _ = writeln!(out, "{head}{colon} {}", markdown(&why));
        }
        _ => {
            let _ = writeln!(out, "{head}");
        }
    }
}

/// `` `hosting.region` is `OTHER` (line 4, column 15); the requirement expects `EU` ``:
/// why a clause failed, in words, as the Markdown report and the editor's hover say it.
pub fn explanation(item: &Explanation, lang: Lang) -> String {
    markdown(&wording::explanation(item, lang))
}

fn markdown(pieces: &[wording::Piece]) -> String {
    wording::join(pieces, code, escape, " — ")
}

fn write_error(
    out: &mut String,
    descriptor: &DescriptorReport,
    error: &DataErrorEntry,
    lang: Lang,
) {
    let mut line = format!("- **{}**", escape(&error.code));
    if error.severity == Severity::Warning {
        let _ = write!(line, " ({})", t!(lang, "report-warning"));
    }
    if !error.path.is_empty() {
        let _ = write!(line, " {}", code(&error.path));
    }
    let _ = write!(line, "{} {}", colon(lang), escape(&error.message));
    if let Some(at) = error.line {
        let place = format!("{}:{at}:{}", descriptor.source, error.column.unwrap_or(1));
        let _ = write!(line, " {}", t!(lang, "markdown-at", place = code(&place)));
    }
    let _ = writeln!(out, "{line}");
    if let Some(help) = &error.help {
        let _ = writeln!(out, "  - {} {}", t!(lang, "report-help"), escape(help));
    }
}

/// Code in a table cell, where `|` must be escaped even inside the span.
fn cell_code(text: &str) -> String {
    code(&text.replace('|', "\\|"))
}
