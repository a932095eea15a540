//! The check report for a buyer: who is eligible, with what score and rank, why the
//! others are not, and which `should` requirements each offer does not meet.

use std::fmt::Write;

use clausier_check::value::Value;
use clausier_data::DataDiagnostics;
use clausier_diagnostics::{Diagnostic, SourceMap};
use clausier_eval::report::{
    ClauseResult, CriterionResult, DataErrorEntry, DescriptorReport, DescriptorStatus, Explanation,
    Report, RequirementResult, RequirementStatus, Shown, Summary,
};
use clausier_i18n::{Lang, t};
use rust_decimal::{Decimal, RoundingStrategy};
use unicode_width::UnicodeWidthStr;

use super::{human_lots, vendor_text, wording};
use crate::DateOrigin;
use crate::diagnostics::render_terminal_in;
use crate::style::{Painter, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct HumanOptions {
    /// ANSI colors; the caller decides (a terminal, `--color`, `NO_COLOR`).
    pub color: bool,
    /// List every clause of every descriptor, passing ones and criteria scores included,
    /// not only the reasons of the descriptors that are not eligible.
    pub explain_all: bool,
    /// Why the run is at its date, printed beside it unless the reader gave it.
    pub date_origin: DateOrigin,
    /// The language of the words around the results.
    pub lang: Lang,
}

/// Renders a report as text: the pack and date, a table of the descriptors, the reasons
/// of each descriptor that is not eligible, the `should` requirements an eligible one
/// fails or misses, and a summary line. A descriptor's data problems are one line each;
/// [`render_human_with_data`] shows them with a snippet of the vendor's file.
pub fn render_human(report: &Report, options: &HumanOptions) -> String {
    render_human_with_data(report, options, &DataDiagnostics::new())
}

/// As [`render_human`], each problem of a descriptor found in `data` (where the run's
/// descriptors were pushed in the report's order) shown as a diagnostic, with the lines
/// of the vendor's file and a caret under the value, as `validate` shows clause errors.
pub fn render_human_with_data(
    report: &Report,
    options: &HumanOptions,
    data: &DataDiagnostics,
) -> String {
    let report = &vendor_text::for_people(report);
    let data_sources = vendor_text::visible_sources(data.sources());
    let painter = Painter {
        color: options.color,
    };
    let lang = options.lang;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} {} ({})",
        painter.paint(Style::Bold, &t!(lang, "report-pack")),
        report.pack.name,
        report.pack.version,
        report.pack.hash
    );
    write_date(&mut out, &report.date, options.date_origin, painter, lang);
    write_packs_and_params(&mut out, report, painter, lang);
    if !report.descriptors.is_empty() {
        out.push('\n');
        if report.lots.is_empty() {
            write_table(&mut out, &report.descriptors, painter, lang);
        } else {
            human_lots::write_lot_tables(&mut out, report, painter, lang);
        }
    }
    write_run_warnings(&mut out, report, painter, lang);
    for descriptor in &report.descriptors {
        let shown = options.explain_all
            || descriptor.status != DescriptorStatus::Eligible
            || !descriptor.errors.is_empty()
            || misses_a_should(descriptor)
            || has_a_claim(descriptor);
        if shown {
            out.push('\n');
            write_details(&mut out, report, descriptor, options, painter);
            match data.of(descriptor.input) {
                [] => {
                    for error in &descriptor.errors {
                        write_data_error(&mut out, descriptor, error, painter, lang);
                    }
                }
                diagnostics => {
                    write_data_diagnostics(&mut out, diagnostics, &data_sources, painter, lang)
                }
            }
        }
    }
    out.push('\n');
    if !report.lots.is_empty() {
        human_lots::write_lot_summary(&mut out, report, lang);
        return out;
    }
    let _ = writeln!(out, "{}", summary_line(&report.summary, lang));
    out
}

/// `16 descriptors: 6 eligible, 7 ineligible, 2 incomplete, 1 invalid`.
pub(crate) fn summary_line(summary: &Summary, lang: Lang) -> String {
    t!(
        lang,
        "report-summary",
        total = summary.total,
        eligible = summary.eligible,
        ineligible = summary.ineligible,
        incomplete = summary.incomplete,
        invalid = summary.invalid
    ) + &review_count(summary, lang)
}

/// `, 1 under review`: said only when an offer waits on the buyer, so that runs without
/// claimed equivalents read as before.
pub(crate) fn review_count(summary: &Summary, lang: Lang) -> String {
    if summary.review == 0 {
        return String::new();
    }
    t!(lang, "report-summary-review", review = summary.review)
}

/// `date: 2027-03-15 (the deadline for offers, …)`.
pub(crate) fn write_date(
    out: &mut String,
    date: &str,
    origin: DateOrigin,
    painter: Painter,
    lang: Lang,
) {
    let heading = t!(lang, "report-date");
    let date = date_in_words(date, lang);
    let _ = write!(out, "{} {date}", painter.paint(Style::Bold, &heading));
    if let Some(note) = origin.note(lang) {
        let _ = write!(out, " ({note})");
    }
    out.push('\n');
}

/// `warning[R0704]: PRIX: …`, once per run-wide warning, below the table.
fn write_run_warnings(out: &mut String, report: &Report, painter: Painter, lang: Lang) {
    if report.warnings.is_empty() {
        return;
    }
    out.push('\n');
    for warning in &report.warnings {
        let _ = writeln!(
            out,
            "{} {}: {}",
            painter.paint(
                Style::Yellow,
                &format!("{}[{}]:", t!(lang, "report-warning"), warning.code)
            ),
            clause_name(report, &warning.criterion, &warning.pack),
            wording::run_warning(warning, lang)
        );
    }
}

/// The dependencies the results come from, with their versions, and every parameter in
/// effect: its value, and where a depending pack overrode it.
fn write_packs_and_params(out: &mut String, report: &Report, painter: Painter, lang: Lang) {
    let mut packs: Vec<(&str, &str)> = Vec::new();
    for descriptor in &report.descriptors {
        for result in &descriptor.results {
            let (pack, version) = match result {
                ClauseResult::Requirement(r) => (r.pack.as_str(), r.version.as_str()),
                ClauseResult::Criterion(c) => (c.pack.as_str(), c.version.as_str()),
            };
            if pack != report.pack.name && !packs.contains(&(pack, version)) {
                packs.push((pack, version));
            }
        }
    }
    packs.sort_unstable();
    if !packs.is_empty() {
        let listed: Vec<String> = packs
            .iter()
            .map(|(pack, version)| format!("{pack} {version}"))
            .collect();
        let _ = writeln!(
            out,
            "{} {}",
            painter.paint(Style::Bold, &t!(lang, "report-clauses-from")),
            listed.join(", ")
        );
    }
    if report.params.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "{}",
        painter.paint(Style::Bold, &t!(lang, "report-params"))
    );
    let names: Vec<String> = report
        .params
        .iter()
        .map(|param| clause_name(report, &param.name, &param.pack))
        .collect();
    let name_width = names.iter().map(|n| n.width()).max().unwrap_or(0);
    let values: Vec<(String, String)> = report
        .params
        .iter()
        .map(|param| {
            (
                in_words(param.shown.as_ref(), &param.value, lang),
                in_words(param.default_shown.as_ref(), &param.default, lang),
            )
        })
        .collect();
    let value_width = values
        .iter()
        .map(|(value, _)| value.width())
        .max()
        .unwrap_or(0);
    for ((param, name), (value, default)) in report.params.iter().zip(&names).zip(&values) {
        let mut line = format!("  {name}{}", " ".repeat(name_width - name.width()));
        let padding = " ".repeat(value_width - value.width());
        match &param.set_in {
            Some(at) => {
                let origin = t!(
                    lang,
                    "report-param-set-in",
                    place = at.as_str(),
                    default = default.as_str()
                );
                let _ = write!(line, "  {value}{padding}  {origin}");
            }
            None if !param.computed_from.is_empty() && param.value != param.default => {
                let origin = t!(
                    lang,
                    "report-param-computed",
                    from = param.computed_from.join(", "),
                    default = default.as_str()
                );
                let _ = write!(line, "  {value}{padding}  {origin}");
            }
            None => {
                let _ = write!(line, "  {value}");
            }
        }
        let _ = writeln!(out, "{line}");
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Right,
}

pub(super) fn write_table(
    out: &mut String,
    descriptors: &[DescriptorReport],
    painter: Painter,
    lang: Lang,
) {
    const GAP: &str = "  ";
    let header = [
        "report-column-id",
        "report-column-source",
        "report-column-status",
        "report-column-score",
        "report-column-rank",
    ]
    .map(|id| clausier_i18n::text(lang, id));
    let header = [
        header[0].as_str(),
        header[1].as_str(),
        header[2].as_str(),
        header[3].as_str(),
        header[4].as_str(),
    ];
    let aligns = [
        Align::Left,
        Align::Left,
        Align::Left,
        Align::Right,
        Align::Right,
    ];
    let rows: Vec<([String; 5], DescriptorStatus)> = descriptors
        .iter()
        .map(|d| {
            let cells = [
                d.id.clone(),
                d.source.clone(),
                status_word(d.status, lang),
                d.score
                    .map_or_else(|| "-".to_owned(), |score| score_text(score, lang)),
                d.rank
                    .map_or_else(|| "-".to_owned(), |rank| rank.to_string()),
            ];
            (cells, d.status)
        })
        .collect();
    let mut widths = header.map(UnicodeWidthStr::width);
    for (cells, _) in &rows {
        for (width, cell) in widths.iter_mut().zip(cells) {
            *width = (*width).max(cell.width());
        }
    }
    let line = |cells: [&str; 5], styles: [Option<Style>; 5]| {
        let mut line = String::new();
        for (i, cell) in cells.iter().enumerate() {
            let padding = " ".repeat(widths[i].saturating_sub(cell.width()));
            let painted = match styles[i] {
                Some(style) => painter.paint(style, cell),
                None => (*cell).to_owned(),
            };
            if i > 0 {
                line.push_str(GAP);
            }
            let last = i == cells.len() - 1;
            match aligns[i] {
                Align::Left if last => line.push_str(&painted),
                Align::Left => {
                    line.push_str(&painted);
                    line.push_str(&padding);
                }
                Align::Right => {
                    line.push_str(&padding);
                    line.push_str(&painted);
                }
            }
        }
        line
    };
    let bold = Some(Style::Bold);
    let _ = writeln!(out, "{}", line(header, [bold; 5]));
    for (cells, status) in &rows {
        let cells = [
            cells[0].as_str(),
            cells[1].as_str(),
            cells[2].as_str(),
            cells[3].as_str(),
            cells[4].as_str(),
        ];
        let styles = [None, None, Some(status_style(*status)), None, None];
        let _ = writeln!(out, "{}", line(cells, styles));
    }
}

/// A descriptor claiming an equivalent: even eligible, once the buyer accepted it, the
/// report cites the decision.
fn has_a_claim(descriptor: &DescriptorReport) -> bool {
    descriptor
        .results
        .iter()
        .any(|result| matches!(result, ClauseResult::Requirement(r) if r.claim.is_some()))
}

/// A descriptor that fails or misses a `should` requirement. Even when it is eligible the
/// buyer must see which, as every other report shows them.
fn misses_a_should(descriptor: &DescriptorReport) -> bool {
    descriptor.results.iter().any(|result| {
        matches!(
            result,
            ClauseResult::Requirement(r)
                if matches!(r.level, "should" | "info")
                    && matches!(r.status, RequirementStatus::Fail | RequirementStatus::Missing)
        )
    })
}

fn write_details(
    out: &mut String,
    report: &Report,
    descriptor: &DescriptorReport,
    options: &HumanOptions,
    painter: Painter,
) {
    let lang = options.lang;
    let status = painter.paint(
        status_style(descriptor.status),
        &status_word(descriptor.status, lang),
    );
    let lot = descriptor.lot.as_ref().map_or_else(String::new, |lot| {
        format!(", {}", t!(lang, "report-lot", lot = lot.as_str()))
    });
    let mut heading = format!(
        "{} ({}){lot}{} {status}",
        painter.paint(Style::Bold, &descriptor.id),
        descriptor.source,
        colon(lang)
    );
    if let Some(score) = descriptor.score {
        let score = score_text(score, lang);
        let _ = write!(heading, ", {}", t!(lang, "report-score", score = score));
    }
    if let Some(rank) = descriptor.rank {
        let _ = write!(heading, ", {}", t!(lang, "report-rank", rank = rank));
    }
    let _ = writeln!(out, "{heading}");
    for result in &descriptor.results {
        match result {
            ClauseResult::Requirement(requirement) => {
                let wanted = options.explain_all || super::review_words::is_reported(requirement);
                if wanted {
                    write_requirement(out, report, requirement, painter, lang);
                }
            }
            ClauseResult::Criterion(criterion) if options.explain_all => {
                write_criterion(out, report, criterion, lang);
            }
            ClauseResult::Criterion(_) => {}
        }
    }
    let to_provide = super::wording::documents_to_provide(descriptor);
    if !to_provide.is_empty() {
        let _ = writeln!(
            out,
            "  {}{}",
            t!(lang, "report-documents-to-provide"),
            colon(lang)
        );
        for (requirement, documents) in to_provide {
            let _ = writeln!(
                out,
                "    {}{} {}",
                clause_name(report, &requirement.clause, &requirement.pack),
                colon(lang),
                super::wording::document_labels(documents, lang)
            );
        }
    }
}

/// A descriptor's problems as the terminal shows diagnostics, indented under its heading;
/// vendor text made visible first.
fn write_data_diagnostics(
    out: &mut String,
    diagnostics: &[Diagnostic],
    sources: &SourceMap,
    painter: Painter,
    lang: Lang,
) {
    let shown: Vec<Diagnostic> = diagnostics
        .iter()
        .map(vendor_text::visible_diagnostic)
        .collect();
    let rendered = render_terminal_in(lang, &shown, sources, painter.color);
    // codespan-reporting ends each diagnostic with a blank line; the next heading brings its
    // own.
    for line in rendered.trim_end().lines() {
        if line.is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, "  {line}");
        }
    }
}

pub(crate) fn write_requirement(
    out: &mut String,
    report: &Report,
    requirement: &RequirementResult,
    painter: Painter,
    lang: Lang,
) {
    let name = clause_name(report, &requirement.clause, &requirement.pack);
    let style = match requirement.status {
        RequirementStatus::Pass => Style::Green,
        RequirementStatus::Fail => Style::Red,
        RequirementStatus::Missing | RequirementStatus::Review => Style::Yellow,
        RequirementStatus::NotApplicable => Style::Dim,
    };
    let mut head = format!(
        "  {} ({}) {}",
        painter.paint(Style::Bold, &name),
        level_word(requirement.level, lang),
        painter.paint(style, &outcome_word(requirement.status, lang))
    );
    // A `should` or `info` result never changes the status; saying so keeps a buyer
    // from reading it as a reason for exclusion.
    let unmet = matches!(
        requirement.status,
        RequirementStatus::Fail | RequirementStatus::Missing
    );
    if unmet && matches!(requirement.level, "should" | "info") {
        let _ = write!(head, ", {}", t!(lang, "outcome-no-effect"));
    }
    let colon = colon(lang);
    if let Some(words) = super::review_words::review_words(requirement, lang) {
        let _ = writeln!(out, "{head}{colon} {words}");
        return;
    }
    match requirement.status {
        RequirementStatus::Fail => match requirement.explanation.as_slice() {
            [] => {
                let _ = writeln!(out, "{head}");
            }
            [only] if only.alternatives.is_empty() => {
                let _ = writeln!(out, "{head}{colon} {}", explanation(only, lang));
            }
            [group] => {
                let heading = wording::plain(&wording::group_heading(group, lang));
                let _ = writeln!(out, "{head}{colon} {heading}{colon}");
                write_alternatives(out, group, 4, lang);
            }
            several => {
                let _ = writeln!(out, "{head}{colon}");
                for item in several {
                    write_item(out, item, 4, lang);
                }
            }
        },
        RequirementStatus::Missing
            if !requirement.missing.is_empty() || !requirement.reasons.is_empty() =>
        {
            let why = wording::requirement_unknown(requirement, lang);
            let _ = writeln!(out, "{head}{colon} {}", wording::plain(&why));
        }
        _ => {
            let _ = writeln!(out, "{head}");
        }
    }
}

/// One explanation on its own line; a group of alternatives as a heading with one line
/// per alternative below it.
fn write_item(out: &mut String, item: &Explanation, indent: usize, lang: Lang) {
    let pad = " ".repeat(indent);
    if item.alternatives.is_empty() {
        let _ = writeln!(out, "{pad}{}", explanation(item, lang));
        return;
    }
    let heading = wording::plain(&wording::group_heading(item, lang));
    let _ = writeln!(out, "{pad}{heading}{}", colon(lang));
    write_alternatives(out, item, indent, lang);
}

/// `either A — …` then `or B — …`, each alternative's reasons below it when it is not
/// itself the failing sub-expression.
fn write_alternatives(out: &mut String, group: &Explanation, indent: usize, lang: Lang) {
    let pad = " ".repeat(indent);
    let colon = colon(lang);
    for (index, alternative) in group.alternatives.iter().enumerate() {
        let word = if index == 0 {
            t!(lang, "explain-either")
        } else {
            t!(lang, "explain-or")
        };
        match alternative.explanation.as_slice() {
            [only] if only.expr == alternative.expr && only.alternatives.is_empty() => {
                let _ = writeln!(out, "{pad}{word} {}", explanation(only, lang));
            }
            // A nested group reads as its heading, its own alternatives below.
            [only] if only.expr == alternative.expr => {
                let heading = wording::plain(&wording::group_heading(only, lang));
                let _ = writeln!(out, "{pad}{word} {heading}{colon}");
                write_alternatives(out, only, indent + 2, lang);
            }
            [only] if wording::said_in_words(std::slice::from_ref(only)) => {
                let _ = writeln!(out, "{pad}{word} {}", explanation(only, lang));
            }
            items if wording::said_in_words(items) => {
                let _ = writeln!(out, "{pad}{word}{colon}");
                for item in items {
                    write_item(out, item, indent + 2, lang);
                }
            }
            items => {
                let _ = writeln!(out, "{pad}{word} {}", alternative.expr);
                for item in items {
                    write_item(out, item, indent + 2, lang);
                }
            }
        }
    }
}

/// `hosting.region is ADEQUATE (line 6, column 15); the requirement expects EU or EEA`.
pub(crate) fn explanation(item: &Explanation, lang: Lang) -> String {
    wording::plain(&wording::explanation(item, lang))
}

fn write_criterion(out: &mut String, report: &Report, criterion: &CriterionResult, lang: Lang) {
    let name = clause_name(report, &criterion.clause, &criterion.pack);
    let weight = decimal_text(criterion.weight.normalize(), lang);
    let mut line = format!(
        "  {name} ({})",
        t!(lang, "criterion-weight", weight = weight)
    );
    let colon = colon(lang);
    match (criterion.score, criterion.points) {
        (Some(score), Some(points)) => {
            let points = t!(
                lang,
                "criterion-points",
                score = decimal_text(score.normalize(), lang),
                points = score_text(points, lang)
            );
            let _ = write!(line, "{colon} {points}");
            if criterion.clamped {
                let _ = write!(line, " {}", t!(lang, "criterion-clamped"));
            }
        }
        _ if !criterion.missing.is_empty() || !criterion.reasons.is_empty() => {
            let _ = write!(line, "{colon} {}", t!(lang, "criterion-no-score"));
            if !criterion.missing.is_empty() {
                let missing = criterion.missing.join(", ");
                let _ = write!(line, ", {}", t!(lang, "criterion-missing", paths = missing));
            }
            for reason in &criterion.reasons {
                let reason = wording::plain(&wording::reason(reason, lang));
                let _ = write!(line, ", {reason}");
            }
        }
        _ => {
            let _ = write!(line, "{colon} {}", t!(lang, "criterion-not-scored"));
        }
    }
    let _ = writeln!(out, "{line}");
}

pub(crate) fn write_data_error(
    out: &mut String,
    descriptor: &DescriptorReport,
    error: &DataErrorEntry,
    painter: Painter,
    lang: Lang,
) {
    let mut line = format!("  {}", painter.paint(Style::Magenta, &error.code));
    if error.severity == clausier_diagnostics::Severity::Warning {
        let _ = write!(line, " ({})", t!(lang, "report-warning"));
    }
    if !error.path.is_empty() {
        let _ = write!(line, " {}", error.path);
    }
    let _ = write!(line, ": {}", error.message);
    // Without a line the heading above already names the file.
    if let Some(at) = error.line {
        let _ = write!(
            line,
            " at {}:{at}:{}",
            descriptor.source,
            error.column.unwrap_or(1)
        );
    }
    let _ = writeln!(out, "{line}");
    if let Some(help) = &error.help {
        let _ = writeln!(
            out,
            "    {} {help}",
            painter.paint(Style::Bold, &t!(lang, "report-help"))
        );
    }
}

/// A clause of the report's own pack by its id; one brought in from a dependency with its
/// pack, as `edtech-fr::HEB-01`.
pub(crate) fn clause_name(report: &Report, clause: &str, pack: &str) -> String {
    if pack.is_empty() || pack == report.pack.name {
        clause.to_owned()
    } else {
        format!("{pack}::{clause}")
    }
}

pub(crate) fn status_style(status: DescriptorStatus) -> Style {
    match status {
        DescriptorStatus::Eligible => Style::Green,
        DescriptorStatus::Ineligible => Style::Red,
        DescriptorStatus::Incomplete | DescriptorStatus::Review => Style::Yellow,
        DescriptorStatus::Invalid => Style::Magenta,
    }
}

/// A value in the reader's language when the report knows it, else as the language of
/// the clauses prints it.
pub(crate) fn in_words(shown: Option<&Shown>, printed: &str, lang: Lang) -> String {
    shown.map_or_else(|| printed.to_owned(), |shown| wording::shown(shown, lang))
}

/// The run's date as the reader's language writes it: « 28 novembre 2026 ».
pub(crate) fn date_in_words(date: &str, lang: Lang) -> String {
    date.parse::<jiff::civil::Date>().map_or_else(
        |_| date.to_owned(),
        |day| crate::pack::plain_value_in_words(&Value::Date(day), lang),
    )
}

/// A status as the reader's language names it.
pub(crate) fn status_word(status: DescriptorStatus, lang: Lang) -> String {
    let id = match status {
        DescriptorStatus::Eligible => "status-eligible",
        DescriptorStatus::Ineligible => "status-ineligible",
        DescriptorStatus::Incomplete => "status-incomplete",
        DescriptorStatus::Review => "status-review",
        DescriptorStatus::Invalid => "status-invalid",
    };
    clausier_i18n::text(lang, id)
}

/// `must`, `should`, `info` as the reader's language names them.
pub(crate) fn level_word(level: &str, lang: Lang) -> String {
    match level {
        "must" => t!(lang, "level-must"),
        "should" => t!(lang, "level-should"),
        "execution" => t!(lang, "level-execution"),
        "info" => t!(lang, "level-info"),
        other => other.to_owned(),
    }
}

/// A requirement's outcome as the reader's language names it.
pub(crate) fn outcome_word(status: RequirementStatus, lang: Lang) -> String {
    match status {
        RequirementStatus::Pass => t!(lang, "outcome-pass"),
        RequirementStatus::Fail => t!(lang, "outcome-fail"),
        RequirementStatus::Missing => t!(lang, "outcome-missing"),
        RequirementStatus::NotApplicable => t!(lang, "outcome-not-applicable"),
        RequirementStatus::Review => t!(lang, "outcome-review"),
    }
}

/// `:` as each language punctuates it after a heading.
pub(crate) fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => " :",
        Lang::En => ":",
    }
}

/// A score or points to two decimals, with the language's decimal separator.
pub(crate) fn score_text(value: Decimal, lang: Lang) -> String {
    decimal_text(two_decimals(value), lang)
}

/// A decimal number with the language's decimal separator: `72,56` in French.
pub(crate) fn decimal_text(value: impl std::fmt::Display, lang: Lang) -> String {
    let text = value.to_string();
    match lang {
        Lang::Fr => text.replace('.', ","),
        Lang::En => text,
    }
}

pub(crate) fn two_decimals(value: Decimal) -> String {
    let rounded = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    format!("{rounded:.2}")
}
