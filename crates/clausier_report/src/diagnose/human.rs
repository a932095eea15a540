//! The diagnosis in the terminal: each indicator (its total, each group with its
//! share), the top priorities of each risk with the catalogue's alternatives, and the
//! lines left out with where their errors are.

use std::fmt::Write;

use clausier_eval::diagnosis::{IndicatorResult, RiskResult};
use clausier_i18n::{Lang, t};
use unicode_width::UnicodeWidthStr;

use super::DiagnosisView;
use super::alternatives::alternatives;
use super::priorities::{entry, entry_name, ranked, unranked};
use super::words;
use crate::check::human::{colon, date_in_words};
use crate::check::vendor_text::visible;
use crate::style::{Painter, Style};

/// How many priorities of each risk the terminal shows; the other formats show them all.
const TOP_PRIORITIES: usize = 10;

/// Renders the diagnosis for a terminal, with ANSI colours only when `color`.
pub fn render_diagnosis_human(view: &DiagnosisView<'_>, lang: Lang, color: bool) -> String {
    let painter = Painter { color };
    let mut out = String::new();
    let report = &view.diagnosis.report;
    let _ = writeln!(
        out,
        "{}",
        painter.paint(
            Style::Bold,
            &t!(
                lang,
                "diagnose-heading",
                pack = report.pack.name.as_str(),
                version = report.pack.version.as_str(),
                date = date_in_words(&report.date, lang)
            )
        )
    );
    let _ = writeln!(out, "{}", entries_line(view, lang));
    for indicator in &view.diagnosis.indicators {
        out.push('\n');
        write_indicator(&mut out, view, indicator, lang, painter);
    }
    for risk in &view.diagnosis.risks {
        out.push('\n');
        write_risk(&mut out, view, risk, lang, painter);
    }
    out.push('\n');
    write_left_out(&mut out, view, lang, painter);
    out
}

/// « 38 lignes de l'inventaire, 37 retenues, 1 laissée de côté »
pub(crate) fn entries_line(view: &DiagnosisView<'_>, lang: Lang) -> String {
    let total = view.diagnosis.report.descriptors.len();
    let left = view.diagnosis.left_out.len();
    t!(
        lang,
        "diagnose-entries",
        total = count(total),
        kept = count(total.saturating_sub(left)),
        left = count(left)
    )
}

/// « Dépense par catégorie (DEPENSE-CATEGORIE) »
pub(crate) fn titled(id: &str, title: Option<&str>) -> String {
    match title {
        Some(title) => format!("{title} ({id})"),
        None => id.to_owned(),
    }
}

fn write_indicator(
    out: &mut String,
    view: &DiagnosisView<'_>,
    indicator: &IndicatorResult,
    lang: Lang,
    painter: Painter,
) {
    let _ = writeln!(
        out,
        "{}",
        painter.paint(
            Style::Bold,
            &titled(&indicator.item.id, indicator.item.title.as_deref())
        )
    );
    let total = words::indicator_value(&indicator.total, view.schema, lang);
    // An indicator without groups has one value, which is no total of anything.
    let word = if indicator.grouping.is_empty() {
        t!(lang, "diagnose-value")
    } else {
        t!(lang, "diagnose-total")
    };
    let _ = writeln!(out, "  {word}{} {total}", colon(lang));
    let rows: Vec<Vec<String>> = indicator
        .groups
        .iter()
        .map(|group| {
            vec![
                words::group_label(group, &indicator.grouping, view.schema, lang),
                words::indicator_value(&group.value, view.schema, lang),
                group
                    .share
                    .map(|share| words::share(share, lang))
                    .unwrap_or_default(),
            ]
        })
        .collect();
    write_table(out, &rows, &[Align::Left, Align::Right, Align::Right], "  ");
}

fn write_risk(
    out: &mut String,
    view: &DiagnosisView<'_>,
    risk: &RiskResult,
    lang: Lang,
    painter: Painter,
) {
    let _ = writeln!(
        out,
        "{}",
        painter.paint(
            Style::Bold,
            &format!(
                "{} — {}",
                t!(lang, "diagnose-priorities"),
                titled(&risk.item.id, risk.item.title.as_deref())
            )
        )
    );
    let ranked = ranked(risk);
    if ranked.is_empty() {
        let _ = writeln!(out, "  {}", t!(lang, "diagnose-no-priority"));
    }
    for line in ranked.iter().take(TOP_PRIORITIES) {
        let mut facts = Vec::new();
        if let Some(score) = line.score {
            facts.push(format!(
                "{} {}",
                t!(lang, "diagnose-risk").to_lowercase(),
                words::score(score, lang)
            ));
        }
        if let Some(spend) = line.spend {
            facts.push(words::money(spend, lang));
        }
        if let Some(ends) = line.ends {
            facts.push(crate::pack::plain_value_in_words(
                &clausier_check::value::Value::Date(ends),
                lang,
            ));
        }
        if let Some(nearness) = line.nearness {
            facts.push(words::nearness(nearness, lang));
        }
        let _ = writeln!(
            out,
            "  {}. {}{} {}",
            line.rank.unwrap_or_default(),
            painter.paint(Style::Bold, &visible(&entry_name(view, line.entry))),
            colon(lang),
            facts.join(", ")
        );
        if let Some(catalogue) = &view.catalogue
            && !line.alternatives.is_empty()
        {
            let found = alternatives(catalogue, &line.alternatives);
            if found.is_empty() {
                let _ = writeln!(out, "     {}", t!(lang, "diagnose-alternatives-none"));
            }
            for alternative in found {
                let (verdict, reasons) = alternative.verdict_words(lang);
                let _ = writeln!(
                    out,
                    "     ↳ {}{} {verdict}",
                    visible(&alternative.name_and_licence(lang)),
                    colon(lang)
                );
                for reason in reasons {
                    let _ = writeln!(out, "         - {}", visible(&reason));
                }
            }
        }
    }
    if ranked.len() > TOP_PRIORITIES {
        let _ = writeln!(
            out,
            "  {}",
            t!(
                lang,
                "diagnose-more-priorities",
                count = count(ranked.len() - TOP_PRIORITIES)
            )
        );
    }
    let unranked = unranked(risk);
    if !unranked.is_empty() {
        let _ = writeln!(out, "  {}{}", t!(lang, "diagnose-unranked"), colon(lang));
        for line in unranked {
            let _ = writeln!(
                out,
                "    {}",
                t!(
                    lang,
                    "diagnose-unranked-because",
                    entry = visible(&entry_name(view, line.entry)).as_ref(),
                    missing = line.missing.join(", ")
                )
            );
        }
    }
}

fn write_left_out(out: &mut String, view: &DiagnosisView<'_>, lang: Lang, painter: Painter) {
    let _ = writeln!(
        out,
        "{}",
        painter.paint(Style::Bold, &t!(lang, "diagnose-left-out"))
    );
    if view.diagnosis.left_out.is_empty() {
        let _ = writeln!(out, "  {}", t!(lang, "diagnose-left-out-none"));
        return;
    }
    let _ = writeln!(out, "  {}", t!(lang, "diagnose-left-out-intro"));
    for &index in &view.diagnosis.left_out {
        let Some(line) = entry(view, index) else {
            continue;
        };
        let _ = writeln!(
            out,
            "  {} ({})",
            painter.paint(Style::Magenta, &visible(&line.id)),
            visible(&line.source)
        );
        for error in &line.errors {
            let _ = writeln!(out, "    - {}", error_line(error, lang));
        }
    }
}

/// A data error with its path and place: « `annual_spend` : … (ligne 4, colonne 5) ».
pub(crate) fn error_line(error: &clausier_eval::report::DataErrorEntry, lang: Lang) -> String {
    let mut text = String::new();
    if !error.path.is_empty() {
        let _ = write!(text, "`{}`{} ", visible(&error.path), colon(lang));
    }
    text.push_str(&visible(&error.message));
    if let (Some(line), Some(column)) = (error.line, error.column) {
        let _ = write!(
            text,
            " ({})",
            t!(
                lang,
                "diagnose-at",
                line = i64::from(line),
                column = i64::from(column)
            )
        );
    }
    text
}

#[derive(Clone, Copy)]
enum Align {
    Left,
    Right,
}

/// Rows aligned on the display width of each column, empty trailing cells trimmed.
fn write_table(out: &mut String, rows: &[Vec<String>], aligns: &[Align], indent: &str) {
    let mut widths: Vec<usize> = Vec::new();
    for row in rows {
        for (index, cell) in row.iter().enumerate() {
            let width = cell.width();
            match widths.get_mut(index) {
                Some(known) => *known = (*known).max(width),
                None => widths.push(width),
            }
        }
    }
    for row in rows {
        let mut line = indent.to_owned();
        for (index, cell) in row.iter().enumerate() {
            let width = widths.get(index).copied().unwrap_or(0);
            let pad = " ".repeat(width.saturating_sub(cell.width()));
            if index > 0 {
                line.push_str("  ");
            }
            match aligns.get(index).copied().unwrap_or(Align::Left) {
                Align::Left => {
                    line.push_str(&visible(cell));
                    line.push_str(&pad);
                }
                Align::Right => {
                    line.push_str(&pad);
                    line.push_str(&visible(cell));
                }
            }
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

pub(crate) fn count(number: usize) -> i64 {
    i64::try_from(number).unwrap_or(i64::MAX)
}
