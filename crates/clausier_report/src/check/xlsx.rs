//! The check report as an Excel workbook, the tool buyers compare offers in: the
//! ranking, the offer × requirement grid, the reasons of every failure, the parameters in
//! effect and the run's summary, one sheet each. Numbers are numbers (a buyer sorts and
//! sums them), texts are never formulas, and the same report always gives the same
//! bytes: the workbook's creation date is the evaluation date, not the clock.

use clausier_i18n::{Lang, t};

use super::human::{colon, in_words, level_word, outcome_word, status_word};
use std::borrow::Cow;

use clausier_eval::report::{
    ClauseResult, DescriptorReport, Report, RequirementResult, RequirementStatus,
};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};

use super::columns::{Column, columns, result_for};
use super::human::two_decimals;
use super::vendor_text;
use super::wording;

/// The longest text a cell holds: Excel refuses more than 32,767 characters.
const MAX_CELL_CHARS: usize = 32_000;

/// Renders a report as an `.xlsx` workbook. Fails only when the report does not fit a
/// worksheet (more than 1,048,575 offers or 16,380 clauses).
pub fn render_xlsx(report: &Report, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let report = &vendor_text::for_people(report);
    let clauses = columns(report);
    let styles = Styles::new();
    let mut workbook = Workbook::new();
    let mut properties = DocProperties::new()
        .set_title(t!(lang, "xlsx-title", pack = report.pack.name.as_str()))
        .set_subject(t!(
            lang,
            "xlsx-subject",
            pack = report.pack.name.as_str(),
            version = report.pack.version.as_str(),
            hash = report.pack.hash.as_str(),
            date = report.date.as_str()
        ))
        .set_author(format!("Clausier {}", report.clausier));
    if let Some(date) = evaluation_date(&report.date) {
        properties = properties.set_creation_datetime(&date);
    }
    workbook.set_properties(&properties);

    if report.lots.is_empty() {
        let offers = ranked(report);
        write_ranking(
            workbook.add_worksheet(),
            &t!(lang, "xlsx-ranking"),
            report,
            &offers,
            &clauses,
            &styles,
            lang,
        )?;
    } else {
        // One ranking sheet per lot rather than one sheet with a lot column: each lot is
        // awarded separately, with criteria of its own, so a buyer reads and sorts one
        // lot's offers at a time; on a shared sheet, sorting by rank or score would mix
        // lots whose ranks and points cannot be compared, and every lot would carry the
        // empty columns of the other lots' criteria.
        for (lot, name) in report.lots.iter().zip(lot_sheet_names(report)) {
            let offers: Vec<(usize, &DescriptorReport)> = ranked(report)
                .into_iter()
                .filter(|(_, entry)| entry.lot.as_deref() == Some(lot.id.as_str()))
                .collect();
            write_ranking(
                workbook.add_worksheet(),
                &name,
                report,
                &offers,
                &clauses,
                &styles,
                lang,
            )?;
        }
    }
    write_grid(workbook.add_worksheet(), report, &clauses, &styles, lang)?;
    write_reasons(workbook.add_worksheet(), report, &styles, lang)?;
    write_params(workbook.add_worksheet(), report, &styles, lang)?;
    write_summary(workbook.add_worksheet(), report, &styles, lang)?;
    workbook.save_to_buffer()
}

/// The longest name Excel gives a sheet.
const MAX_SHEET_NAME_CHARS: usize = 31;

/// The name of each lot's ranking sheet, `Lot 1`: at most 31 characters, without the
/// characters Excel refuses in a name (`[]:*?/\`, replaced by `-`) or an apostrophe at
/// either end, and distinct from each other whatever their case (Excel's rule), a
/// repeated name taking ` (2)`, ` (3)`….
fn lot_sheet_names(report: &Report) -> Vec<String> {
    let mut names: Vec<String> = Vec::with_capacity(report.lots.len());
    for lot in &report.lots {
        let cleaned: String = format!("Lot {}", lot.id)
            .chars()
            .map(|c| match c {
                '[' | ']' | ':' | '*' | '?' | '/' | '\\' => '-',
                c if c.is_control() => ' ',
                c => c,
            })
            .collect();
        let cleaned = cleaned.trim_end_matches('\'').to_owned();
        let taken = |name: &str| {
            names
                .iter()
                .any(|n| n.to_lowercase() == name.to_lowercase())
        };
        let mut name = shortened(&cleaned, "");
        let mut repeat = 2;
        while taken(&name) {
            name = shortened(&cleaned, &format!(" ({repeat})"));
            repeat += 1;
        }
        names.push(name);
    }
    names
}

/// `name` cut so that with `suffix` it fits a sheet name.
fn shortened(name: &str, suffix: &str) -> String {
    let room = MAX_SHEET_NAME_CHARS.saturating_sub(suffix.chars().count());
    let kept: String = name.chars().take(room).collect();
    format!("{}{suffix}", kept.trim_end_matches('\''))
}

fn evaluation_date(date: &str) -> Option<ExcelDateTime> {
    let mut parts = date.splitn(3, '-').map(str::parse::<u16>);
    let (Some(Ok(year)), Some(Ok(month)), Some(Ok(day))) =
        (parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    ExcelDateTime::from_ymd(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?).ok()
}

struct Styles {
    header: Format,
    wrapped: Format,
    points: Format,
    pass: Format,
    fail: Format,
    fail_should: Format,
    missing: Format,
    quiet: Format,
    label: Format,
}

impl Styles {
    fn new() -> Self {
        let cell = || Format::new().set_border(FormatBorder::Thin);
        Self {
            header: cell()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color(Color::RGB(0xDD_E4_EE)),
            wrapped: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            points: Format::new().set_num_format("0.00"),
            pass: cell().set_background_color(Color::RGB(0xD8_F0_D8)),
            fail: cell().set_background_color(Color::RGB(0xF6_C8_C8)),
            fail_should: cell().set_background_color(Color::RGB(0xFC_E4_C4)),
            missing: cell().set_background_color(Color::RGB(0xFF_F4_B8)),
            quiet: cell().set_background_color(Color::RGB(0xEE_EE_EE)),
            label: Format::new().set_bold(),
        }
    }
}

/// The offers in the order a buyer reads them: the eligible by rank, then the
/// ineligible, the incomplete and the invalid, each group in input order. Each comes
/// with its place in the input, from 1.
fn ranked(report: &Report) -> Vec<(usize, &DescriptorReport)> {
    let mut offers: Vec<(usize, &DescriptorReport)> = report
        .descriptors
        .iter()
        .enumerate()
        .map(|(at, d)| (at + 1, d))
        .collect();
    offers.sort_by_key(|(at, d)| (d.status, d.rank.unwrap_or(u32::MAX), *at));
    offers
}

fn cell_text(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(MAX_CELL_CHARS) {
        Some((cut, _)) => Cow::Owned(format!("{}…", &text[..cut])),
        None => Cow::Borrowed(text),
    }
}

fn number(value: Decimal) -> f64 {
    // Two decimals, as every report shows them: the cell then reads as the CSV does.
    two_decimals(value)
        .parse::<f64>()
        .unwrap_or_else(|_| value.to_f64().unwrap_or_default())
}

fn write_headers(
    sheet: &mut Worksheet,
    headers: &[String],
    styles: &Styles,
) -> Result<(), XlsxError> {
    for (col, header) in headers.iter().enumerate() {
        let col = column_number(col)?;
        sheet.write_string_with_format(0, col, header, &styles.header)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn column_number(col: usize) -> Result<u16, XlsxError> {
    u16::try_from(col).map_err(|_| XlsxError::RowColumnLimitError)
}

fn row_number(row: usize) -> Result<u32, XlsxError> {
    u32::try_from(row).map_err(|_| XlsxError::RowColumnLimitError)
}

/// The columns whose clause `pick` recognises in some descriptor's results, each with
/// what `pick` reads of it (a requirement's level, a criterion's weight).
fn clause_columns<'a, T>(
    clauses: &[Column],
    offers: impl Iterator<Item = &'a DescriptorReport> + Clone,
    pick: impl Fn(&ClauseResult) -> Option<T>,
) -> Vec<(Column, T)> {
    clauses
        .iter()
        .filter_map(|column| {
            offers
                .clone()
                .find_map(|descriptor| result_for(descriptor, column).and_then(&pick))
                .map(|found| (column.clone(), found))
        })
        .collect()
}

fn requirement_columns(clauses: &[Column], report: &Report) -> Vec<(Column, &'static str)> {
    clause_columns(clauses, report.descriptors.iter(), |result| match result {
        ClauseResult::Requirement(result) => Some(result.level),
        ClauseResult::Criterion(_) => None,
    })
}

fn criterion_columns<'a>(
    clauses: &[Column],
    offers: impl Iterator<Item = &'a DescriptorReport> + Clone,
) -> Vec<(Column, Decimal)> {
    clause_columns(clauses, offers, |result| match result {
        ClauseResult::Criterion(result) => Some(result.weight),
        ClauseResult::Requirement(_) => None,
    })
}

fn unmet(descriptor: &DescriptorReport, report: &Report, wanted: RequirementStatus) -> String {
    descriptor
        .results
        .iter()
        .filter_map(|result| match result {
            ClauseResult::Requirement(r) if r.status == wanted => {
                Some(super::human::clause_name(report, &r.clause, &r.pack))
            }
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A ranking sheet: `offers` (all of them, or one lot's) in the order of [`ranked`],
/// with a column for each criterion one of them is scored on.
fn write_ranking(
    sheet: &mut Worksheet,
    name: &str,
    report: &Report,
    offers: &[(usize, &DescriptorReport)],
    clauses: &[Column],
    styles: &Styles,
    lang: Lang,
) -> Result<(), XlsxError> {
    sheet.set_name(name)?;
    let criteria = criterion_columns(clauses, offers.iter().map(|(_, offer)| *offer));
    let mut headers: Vec<String> = [
        "xlsx-number",
        "xlsx-offer",
        "xlsx-file",
        "xlsx-status",
        "xlsx-rank",
        "xlsx-score",
    ]
    .iter()
    .map(|id| clausier_i18n::text(lang, id))
    .collect();
    headers.extend(criteria.iter().map(|(column, weight)| {
        t!(
            lang,
            "xlsx-out-of",
            criterion = column.name.as_str(),
            weight = weight.normalize().to_string()
        )
    }));
    headers.push(t!(lang, "xlsx-failed"));
    headers.push(t!(lang, "xlsx-missing"));
    write_headers(sheet, &headers, styles)?;
    for (index, &(place, descriptor)) in offers.iter().enumerate() {
        let row = row_number(index + 1)?;
        sheet.write_number(row, 0, u32::try_from(place).unwrap_or(u32::MAX))?;
        sheet.write_string(row, 1, cell_text(&wording::offer_name(descriptor)))?;
        sheet.write_string(row, 2, cell_text(&descriptor.source))?;
        sheet.write_string(row, 3, status_word(descriptor.status, lang))?;
        if let Some(rank) = descriptor.rank {
            sheet.write_number(row, 4, rank)?;
        }
        if let Some(score) = descriptor.score {
            sheet.write_number_with_format(row, 5, number(score), &styles.points)?;
        }
        let mut col = 6;
        for (column, _) in &criteria {
            if let Some(ClauseResult::Criterion(result)) = result_for(descriptor, column)
                && let Some(points) = result.points
            {
                sheet.write_number_with_format(row, col, number(points), &styles.points)?;
            }
            col += 1;
        }
        let failed = unmet(descriptor, report, RequirementStatus::Fail);
        sheet.write_string(row, col, cell_text(&failed))?;
        let missing = unmet(descriptor, report, RequirementStatus::Missing);
        sheet.write_string(row, col + 1, cell_text(&missing))?;
    }
    let last_row = row_number(offers.len())?;
    let last_col = column_number(headers.len().saturating_sub(1))?;
    sheet.autofilter(0, 0, last_row, last_col)?;
    sheet.set_column_width(1, 28)?;
    sheet.set_column_width(2, 36)?;
    sheet.set_column_width(3, 14)?;
    sheet.set_column_width(last_col.saturating_sub(1), 32)?;
    sheet.set_column_width(last_col, 32)?;
    Ok(())
}

fn write_grid(
    sheet: &mut Worksheet,
    report: &Report,
    clauses: &[Column],
    styles: &Styles,
    lang: Lang,
) -> Result<(), XlsxError> {
    sheet.set_name(t!(lang, "xlsx-requirements"))?;
    let requirements = requirement_columns(clauses, report);
    let mut headers: Vec<String> = ["xlsx-number", "xlsx-offer", "xlsx-status"]
        .iter()
        .map(|id| clausier_i18n::text(lang, id))
        .collect();
    headers.extend(
        requirements
            .iter()
            .map(|(column, level)| format!("{}\n{}", column.name, level_word(level, lang))),
    );
    write_headers(sheet, &headers, styles)?;
    sheet.set_freeze_panes(1, 2)?;
    for (index, (place, descriptor)) in ranked(report).into_iter().enumerate() {
        let row = row_number(index + 1)?;
        sheet.write_number(row, 0, u32::try_from(place).unwrap_or(u32::MAX))?;
        sheet.write_string(row, 1, cell_text(&wording::offer_name(descriptor)))?;
        sheet.write_string(row, 2, status_word(descriptor.status, lang))?;
        for (offset, (column, _)) in requirements.iter().enumerate() {
            let col = column_number(3 + offset)?;
            if let Some(ClauseResult::Requirement(result)) = result_for(descriptor, column) {
                let style = match result.status {
                    RequirementStatus::Pass => &styles.pass,
                    RequirementStatus::Fail
                        if result.level == "must" || result.level == "execution" =>
                    {
                        &styles.fail
                    }
                    RequirementStatus::Fail => &styles.fail_should,
                    RequirementStatus::Missing | RequirementStatus::Review => &styles.missing,
                    RequirementStatus::NotApplicable => &styles.quiet,
                };
                sheet.write_string_with_format(
                    row,
                    col,
                    outcome_word(result.status, lang),
                    style,
                )?;
            }
        }
    }
    sheet.set_column_width(1, 28)?;
    sheet.set_column_width(2, 14)?;
    for offset in 0..requirements.len() {
        sheet.set_column_width(column_number(3 + offset)?, 16)?;
    }
    Ok(())
}

/// Why a requirement failed or is missing, in the words of the other reports.
fn reason_text(result: &RequirementResult, lang: Lang) -> String {
    match result.status {
        RequirementStatus::Fail => result
            .explanation
            .iter()
            .map(|item| super::human::explanation(item, lang))
            .collect::<Vec<_>>()
            .join("\n"),
        _ => wording::requirement_undecided(result, lang),
    }
}

fn write_reasons(
    sheet: &mut Worksheet,
    report: &Report,
    styles: &Styles,
    lang: Lang,
) -> Result<(), XlsxError> {
    sheet.set_name(t!(lang, "xlsx-reasons"))?;
    let headers: Vec<String> = [
        "xlsx-number",
        "xlsx-offer",
        "xlsx-clause",
        "xlsx-level",
        "xlsx-outcome",
        "xlsx-reason",
    ]
    .iter()
    .map(|id| clausier_i18n::text(lang, id))
    .collect();
    write_headers(sheet, &headers, styles)?;
    let mut row = 1u32;
    for (place, descriptor) in ranked(report) {
        let mut line = |clause: String, level: &str, outcome: &str, reason: String| {
            sheet.write_number(row, 0, u32::try_from(place).unwrap_or(u32::MAX))?;
            sheet.write_string(row, 1, cell_text(&wording::offer_name(descriptor)))?;
            sheet.write_string(row, 2, clause)?;
            sheet.write_string(row, 3, level)?;
            sheet.write_string(row, 4, outcome)?;
            sheet.write_string_with_format(row, 5, cell_text(&reason), &styles.wrapped)?;
            row = row.checked_add(1).ok_or(XlsxError::RowColumnLimitError)?;
            Ok::<(), XlsxError>(())
        };
        for error in &descriptor.errors {
            let place = match (error.line, error.column) {
                (Some(line), Some(column)) => format!(" ({}:{line}:{column})", descriptor.source),
                _ => String::new(),
            };
            let path = if error.path.is_empty() {
                String::new()
            } else {
                format!("{}{} ", error.path, colon(lang))
            };
            let mut reason = format!("{path}{}{place}", error.message);
            if let Some(help) = &error.help {
                reason.push_str(&format!("\n{help}"));
            }
            line(
                error.code.clone(),
                &t!(lang, "xlsx-data"),
                &t!(lang, "xlsx-data-error"),
                reason,
            )?;
        }
        for result in &descriptor.results {
            if let ClauseResult::Requirement(result) = result
                && matches!(
                    result.status,
                    RequirementStatus::Fail | RequirementStatus::Missing
                )
            {
                line(
                    super::human::clause_name(report, &result.clause, &result.pack),
                    &level_word(result.level, lang),
                    &outcome_word(result.status, lang),
                    reason_text(result, lang),
                )?;
            }
        }
    }
    sheet.autofilter(0, 0, row.saturating_sub(1).max(1), 5)?;
    sheet.set_column_width(1, 24)?;
    sheet.set_column_width(2, 22)?;
    sheet.set_column_width(3, 20)?;
    sheet.set_column_width(4, 18)?;
    sheet.set_column_width(5, 90)?;
    Ok(())
}

fn write_params(
    sheet: &mut Worksheet,
    report: &Report,
    styles: &Styles,
    lang: Lang,
) -> Result<(), XlsxError> {
    sheet.set_name(t!(lang, "xlsx-params"))?;
    let headers: Vec<String> = [
        "xlsx-param",
        "xlsx-pack",
        "xlsx-value",
        "xlsx-default",
        "xlsx-set-in",
    ]
    .iter()
    .map(|id| clausier_i18n::text(lang, id))
    .collect();
    write_headers(sheet, &headers, styles)?;
    for (index, param) in report.params.iter().enumerate() {
        let row = row_number(index + 1)?;
        sheet.write_string(row, 0, &param.name)?;
        sheet.write_string(row, 1, &param.pack)?;
        sheet.write_string(row, 2, in_words(param.shown.as_ref(), &param.value, lang))?;
        sheet.write_string(
            row,
            3,
            in_words(param.default_shown.as_ref(), &param.default, lang),
        )?;
        sheet.write_string(row, 4, param.set_in.as_deref().unwrap_or(""))?;
    }
    for (col, width) in [(0, 28), (1, 22), (2, 18), (3, 18), (4, 40)] {
        sheet.set_column_width(col, width)?;
    }
    Ok(())
}

fn write_summary(
    sheet: &mut Worksheet,
    report: &Report,
    styles: &Styles,
    lang: Lang,
) -> Result<(), XlsxError> {
    sheet.set_name(t!(lang, "xlsx-summary"))?;
    let texts = [
        ("xlsx-pack", report.pack.name.as_str()),
        ("xlsx-version", report.pack.version.as_str()),
        ("xlsx-hash", report.pack.hash.as_str()),
        ("xlsx-date", report.date.as_str()),
        ("xlsx-clausier", report.clausier.as_str()),
    ];
    let mut row = 0u32;
    for (label, value) in texts {
        let label = clausier_i18n::text(lang, label);
        sheet.write_string_with_format(row, 0, label, &styles.label)?;
        sheet.write_string(row, 1, value)?;
        row += 1;
    }
    let summary = &report.summary;
    let counts = [
        ("xlsx-offers", summary.total),
        ("xlsx-eligible", summary.eligible),
        ("xlsx-ineligible", summary.ineligible),
        ("xlsx-incomplete", summary.incomplete),
        ("xlsx-invalid", summary.invalid),
    ];
    for (label, count) in counts {
        let label = clausier_i18n::text(lang, label);
        sheet.write_string_with_format(row, 0, label, &styles.label)?;
        sheet.write_number(row, 1, u32::try_from(count).unwrap_or(u32::MAX))?;
        row += 1;
    }
    // Each lot's counts, as numbers: an offer on two lots is counted on each, an
    // invalid descriptor on none.
    for lot in &report.lots {
        let heading = t!(lang, "xlsx-lot", lot = lot.id.as_str());
        sheet.write_string_with_format(row, 0, heading, &styles.label)?;
        sheet.write_string(row, 1, cell_text(&lot.title))?;
        row += 1;
        let summary = &lot.summary;
        let counts = [
            ("xlsx-offers-on-lot", summary.total),
            ("xlsx-eligible", summary.eligible),
            ("xlsx-ineligible", summary.ineligible),
            ("xlsx-incomplete", summary.incomplete),
        ];
        for (label, count) in counts {
            sheet.write_string(row, 0, clausier_i18n::text(lang, label))?;
            sheet.write_number(row, 1, u32::try_from(count).unwrap_or(u32::MAX))?;
            row += 1;
        }
    }
    for warning in &report.warnings {
        sheet.write_string_with_format(row, 0, t!(lang, "xlsx-warning"), &styles.label)?;
        sheet.write_string(
            row,
            1,
            format!(
                "{} {}{} {}",
                warning.code,
                warning.criterion,
                colon(lang),
                super::wording::run_warning(warning, lang)
            ),
        )?;
        row += 1;
    }
    sheet.set_column_width(0, 24)?;
    sheet.set_column_width(1, 80)?;
    Ok(())
}
