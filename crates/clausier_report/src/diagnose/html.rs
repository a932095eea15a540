//! The diagnosis as one self-contained HTML page (style inline, no script, nothing
//! fetched): each indicator with a bar chart when it groups by one field (its figures
//! in a table beside), the two-field indicator as a shaded matrix, the timeline of
//! contract ends, the ranked priorities with their factors in words and, per priority,
//! the catalogue's alternatives with their verdicts as `clausier catalogue` words them.

use std::fmt::Write;

use clausier_check::value::Value;
use clausier_eval::diagnosis::{EntryRisk, IndicatorResult, RiskResult};
use clausier_i18n::{Lang, t};
use rust_decimal::Decimal;

use super::DiagnosisView;
use super::alternatives::{Verdict, alternatives};
use super::charts::{Bar, Mark, Nearness, bar_chart, timeline};
use super::html_style::STYLE;
use super::human::{entries_line, error_line, titled};
use super::priorities::{entry, entry_name, ranked, unranked};
use super::words;
use crate::check::catalogue::write_verdict;
use crate::check::human::{colon, date_in_words};
use crate::check::vendor_text::visible;
use crate::html_text::{escape, write_page_head};

/// Renders the dashboard in `lang`.
///
/// Stable for programs and tests: each indicator is a `<section class="indicator">`
/// with its id in `data-indicator`, its chart an `<svg role="img" class="chart">`; each
/// risk a `<section class="risk" data-risk="…">` whose ranked lines are rows with
/// `data-rank`.
pub fn render_diagnosis_html(view: &DiagnosisView<'_>, lang: Lang) -> String {
    let report = &view.diagnosis.report;
    let mut out = String::new();
    write_page_head(&mut out, lang, &t!(lang, "diagnose-title"), STYLE);
    let _ = writeln!(
        out,
        "<header>\n<h1>{}</h1>\n<p>{}</p>\n<p>{}</p>\n</header>\n<main>",
        escape(&t!(lang, "diagnose-title")),
        escape(&t!(
            lang,
            "diagnose-heading",
            pack = report.pack.name.as_str(),
            version = report.pack.version.as_str(),
            date = date_in_words(&report.date, lang)
        )),
        escape(&entries_line(view, lang))
    );
    if !view.diagnosis.indicators.is_empty() {
        let _ = writeln!(out, "<h2>{}</h2>", escape(&t!(lang, "diagnose-indicators")));
    }
    for indicator in &view.diagnosis.indicators {
        write_indicator(&mut out, view, indicator, lang);
    }
    for risk in &view.diagnosis.risks {
        write_risk(&mut out, view, risk, lang);
    }
    write_left_out(&mut out, view, lang);
    let _ = writeln!(
        out,
        "</main>\n<footer>{}</footer>\n</body>\n</html>",
        escape(&t!(
            lang,
            "html-produced-by",
            version = report.clausier.as_str()
        ))
    );
    out
}

fn write_indicator(
    out: &mut String,
    view: &DiagnosisView<'_>,
    indicator: &IndicatorResult,
    lang: Lang,
) {
    let title = titled(&indicator.item.id, indicator.item.title.as_deref());
    let _ = writeln!(
        out,
        "<section class=\"indicator\" data-indicator=\"{}\">\n<h3>{}</h3>",
        escape(&indicator.item.id),
        escape(&title)
    );
    if let Some(text) = &indicator.item.text {
        let _ = writeln!(out, "<p>{}</p>", escape(text));
    }
    let total = words::indicator_value(&indicator.total, view.schema, lang);
    match indicator.grouping.len() {
        0 => {
            let _ = writeln!(
                out,
                "<p class=\"total\">{}{} {}</p>",
                escape(&t!(lang, "diagnose-value")),
                colon(lang),
                escape(&total)
            );
        }
        2 => write_matrix(out, view, indicator, lang),
        _ => {
            let bars: Option<Vec<Bar>> = indicator
                .groups
                .iter()
                .map(|group| {
                    let value = numeric(group.value.value.as_ref()?)?;
                    let mut caption = words::indicator_value(&group.value, view.schema, lang);
                    if let Some(share) = group.share {
                        let _ = write!(caption, " ({})", words::share(share, lang));
                    }
                    // A group of text values is the inventory's own text.
                    let label = words::group_label(group, &indicator.grouping, view.schema, lang);
                    Some(Bar {
                        label: visible(&label).into_owned(),
                        value,
                        caption,
                    })
                })
                .collect();
            let chart_title = t!(lang, "diagnose-chart-of", title = title.as_str());
            if let Some(svg) = bars.and_then(|bars| bar_chart(&chart_title, &bars)) {
                let _ = writeln!(out, "<figure>\n{svg}\n</figure>");
            }
            write_figures(out, view, indicator, &total, lang);
        }
    }
    out.push_str("</section>\n");
}

/// The figures of a one-field indicator, for whoever cannot see the chart.
fn write_figures(
    out: &mut String,
    view: &DiagnosisView<'_>,
    indicator: &IndicatorResult,
    total: &str,
    lang: Lang,
) {
    let _ = writeln!(
        out,
        "<table class=\"figures\">\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th>\
         <th scope=\"col\" class=\"number\">{}</th><th scope=\"col\" class=\"number\">{}</th>\
         <th scope=\"col\" class=\"number\">{}</th></tr></thead>\n<tbody>",
        escape(&t!(lang, "diagnose-figures")),
        escape(&t!(lang, "diagnose-group")),
        escape(&t!(lang, "diagnose-value")),
        escape(&t!(lang, "diagnose-share")),
        escape(&t!(lang, "diagnose-lines"))
    );
    for group in &indicator.groups {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"number\">{}</td><td class=\"number\">{}</td>\
             <td class=\"number\">{}</td></tr>",
            escape(&words::group_label(
                group,
                &indicator.grouping,
                view.schema,
                lang
            )),
            escape(&words::indicator_value(&group.value, view.schema, lang)),
            escape(
                &group
                    .share
                    .map(|share| words::share(share, lang))
                    .unwrap_or_default()
            ),
            group.entries
        );
    }
    let _ = writeln!(
        out,
        "</tbody>\n<tfoot><tr class=\"total\"><th scope=\"row\">{}</th><td class=\"number\">{}</td>\
         <td></td><td class=\"number\">{}</td></tr></tfoot>\n</table>",
        escape(&t!(lang, "diagnose-total")),
        escape(total),
        indicator
            .groups
            .iter()
            .map(|group| group.entries)
            .sum::<usize>()
    );
}

/// A two-field indicator as a table, the first field's values down, the second's
/// across, each cell shaded by its value against the largest.
fn write_matrix(
    out: &mut String,
    view: &DiagnosisView<'_>,
    indicator: &IndicatorResult,
    lang: Lang,
) {
    let (Some(rows_field), Some(columns_field)) =
        (indicator.grouping.first(), indicator.grouping.get(1))
    else {
        return;
    };
    let mut rows: Vec<&clausier_eval::diagnosis::GroupKey> = Vec::new();
    let mut columns: Vec<&clausier_eval::diagnosis::GroupKey> = Vec::new();
    for group in &indicator.groups {
        if let [row, column] = group.keys.as_slice() {
            if !rows.contains(&row) {
                rows.push(row);
            }
            if !columns.contains(&column) {
                columns.push(column);
            }
        }
    }
    let largest = indicator
        .groups
        .iter()
        .filter_map(|group| numeric(group.value.value.as_ref()?))
        .max()
        .unwrap_or_default();
    let _ = write!(
        out,
        "<table class=\"matrix\">\n<caption>{}</caption>\n<thead><tr><td></td>",
        escape(&t!(lang, "diagnose-matrix"))
    );
    for column in &columns {
        let _ = write!(
            out,
            "<th scope=\"col\">{}</th>",
            escape(&words::key_label(
                column,
                Some(columns_field),
                view.schema,
                lang
            ))
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &rows {
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th>",
            escape(&visible(&words::key_label(
                row,
                Some(rows_field),
                view.schema,
                lang
            )))
        );
        for column in &columns {
            let group = indicator.groups.iter().find(|group| {
                group.keys.first() == Some(*row) && group.keys.get(1) == Some(*column)
            });
            let Some(group) = group else {
                out.push_str("<td></td>");
                continue;
            };
            let shade = group
                .value
                .value
                .as_ref()
                .and_then(numeric)
                .filter(|_| largest > Decimal::ZERO)
                .map_or(Decimal::ZERO, |value| value / largest);
            // From white to the chart's blue; the text turns white on the darkest cells.
            let alpha = (shade * Decimal::new(85, 2)).round_dp(2);
            let ink = if alpha > Decimal::new(5, 1) {
                "#fff"
            } else {
                "#1d1d1f"
            };
            let _ = write!(
                out,
                "<td style=\"background: rgba(31, 95, 153, {alpha}); color: {ink}\">{}</td>",
                escape(&words::indicator_value(&group.value, view.schema, lang))
            );
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn write_risk(out: &mut String, view: &DiagnosisView<'_>, risk: &RiskResult, lang: Lang) {
    let _ = writeln!(
        out,
        "<section class=\"risk\" data-risk=\"{}\">\n<h2>{} — {}</h2>",
        escape(&risk.item.id),
        escape(&t!(lang, "diagnose-priorities")),
        escape(&titled(&risk.item.id, risk.item.title.as_deref()))
    );
    if let Some(text) = &risk.item.text {
        let _ = writeln!(out, "<p>{}</p>", escape(text));
    }
    write_timeline(out, view, risk, lang);
    let ranked = ranked(risk);
    if ranked.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape(&t!(lang, "diagnose-no-priority")));
    } else {
        write_priorities(out, view, &ranked, lang);
    }
    let unranked = unranked(risk);
    if !unranked.is_empty() {
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<ul>",
            escape(&t!(lang, "diagnose-unranked"))
        );
        for line in unranked {
            let _ = writeln!(
                out,
                "<li>{}</li>",
                escape(&t!(
                    lang,
                    "diagnose-unranked-because",
                    entry = visible(&entry_name(view, line.entry)).as_ref(),
                    missing = line.missing.join(", ")
                ))
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

/// Every line with a contract end, on an axis from the date of the diagnosis, coloured
/// by its window; its legend says which colour is which.
fn write_timeline(out: &mut String, view: &DiagnosisView<'_>, risk: &RiskResult, lang: Lang) {
    let Ok(start) = view.diagnosis.report.date.parse::<jiff::civil::Date>() else {
        return;
    };
    let mut dated: Vec<&EntryRisk> = risk
        .entries
        .iter()
        .filter(|line| line.ends.is_some())
        .collect();
    dated.sort_by_key(|line| (line.ends, line.entry));
    let marks: Vec<Mark> = dated
        .iter()
        .filter_map(|line| {
            let ends = line.ends?;
            let days = start.until(ends).ok()?.get_days();
            Some(Mark {
                label: visible(&entry_name(view, line.entry)).into_owned(),
                days,
                nearness: nearness(line.nearness),
            })
        })
        .collect();
    let title = t!(lang, "diagnose-timeline");
    let Some(svg) = timeline(&title, &marks, start) else {
        return;
    };
    let _ = writeln!(
        out,
        "<h3>{}</h3>\n<p>{}</p>\n<p class=\"legend\"><span class=\"now\"></span>{}\
         <span class=\"next\"></span>{}<span class=\"later\"></span>{}</p>\n<figure>\n{svg}\n</figure>",
        escape(&title),
        escape(&t!(lang, "diagnose-timeline-intro")),
        escape(&t!(lang, "diagnose-window-now")),
        escape(&t!(lang, "diagnose-window-next")),
        escape(&t!(lang, "diagnose-window-later"))
    );
}

fn nearness(value: Option<Decimal>) -> Nearness {
    match value {
        None => Nearness::Unknown,
        Some(value) if value >= Decimal::ONE => Nearness::Now,
        Some(value) if value >= Decimal::new(5, 1) => Nearness::Next,
        Some(_) => Nearness::Later,
    }
}

fn write_priorities(out: &mut String, view: &DiagnosisView<'_>, ranked: &[&EntryRisk], lang: Lang) {
    let _ = writeln!(
        out,
        "<table class=\"priorities\">\n<thead><tr><th scope=\"col\" class=\"number\">{}</th>\
         <th scope=\"col\">{}</th><th scope=\"col\" class=\"number\">{}</th>\
         <th scope=\"col\" class=\"number\">{}</th><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
        escape(&t!(lang, "diagnose-rank")),
        escape(&t!(lang, "diagnose-entry")),
        escape(&t!(lang, "diagnose-risk")),
        escape(&t!(lang, "diagnose-spend")),
        escape(&t!(lang, "diagnose-ends")),
        escape(&t!(lang, "diagnose-window")),
        escape(&t!(lang, "diagnose-priority"))
    );
    for line in ranked {
        let rank = line.rank.unwrap_or_default();
        let class = match nearness(line.nearness) {
            Nearness::Now => " class=\"nearness-now\"",
            Nearness::Next => " class=\"nearness-next\"",
            _ => "",
        };
        let _ = writeln!(
            out,
            "<tr data-rank=\"{rank}\"><td class=\"number\">{rank}</td><th scope=\"row\">{}</th>\
             <td class=\"number\">{}</td><td class=\"number\">{}</td><td>{}</td><td{class}>{}</td>\
             <td>{}</td></tr>",
            escape(&visible(&entry_name(view, line.entry))),
            escape(
                &line
                    .score
                    .map(|score| words::score(score, lang))
                    .unwrap_or_default()
            ),
            escape(
                &line
                    .spend
                    .map(|spend| words::money(spend, lang))
                    .unwrap_or_default()
            ),
            escape(
                &line
                    .ends
                    .map(|ends| crate::pack::plain_value_in_words(&Value::Date(ends), lang))
                    .unwrap_or_default()
            ),
            escape(
                &line
                    .nearness
                    .map(|value| words::nearness(value, lang))
                    .unwrap_or_default()
            ),
            escape(&factors(line, lang))
        );
        if let Some(catalogue) = &view.catalogue
            && !line.alternatives.is_empty()
        {
            let _ = write!(
                out,
                "<tr class=\"alternatives\"><td></td><td colspan=\"6\">{}{}",
                escape(&t!(lang, "diagnose-alternatives")),
                colon(lang)
            );
            let found = alternatives(catalogue, &line.alternatives);
            if found.is_empty() {
                let _ = write!(out, " {}", escape(&t!(lang, "diagnose-alternatives-none")));
            } else {
                out.push_str("<ul class=\"alternatives\">");
                for alternative in found {
                    let _ = write!(
                        out,
                        "<li class=\"alternative\" data-solution=\"{}\"><strong>{}</strong>",
                        escape(&alternative.card.id),
                        escape(&visible(alternative.card.title()))
                    );
                    if let Some(licence) = &alternative.card.licence {
                        let _ = write!(out, " <code>{}</code>", escape(&visible(licence)));
                    }
                    if alternative.card.free_software {
                        let _ = write!(
                            out,
                            "<span class=\"free\">{}</span>",
                            escape(&t!(lang, "catalogue-free-software"))
                        );
                    }
                    out.push_str("<ul class=\"verdicts\">\n");
                    match &alternative.verdict {
                        Verdict::NotChecked => {
                            let _ = writeln!(
                                out,
                                "<li class=\"verdict not-checked\" data-verdict=\"not-checked\">{}</li>",
                                escape(&t!(lang, "diagnose-not-checked"))
                            );
                        }
                        Verdict::Satisfied { report } => write_verdict(out, report, None, lang),
                        Verdict::NotSatisfied { report, entry } => {
                            write_verdict(out, report, Some(entry), lang);
                        }
                    }
                    out.push_str("</ul></li>\n");
                }
                out.push_str("</ul>");
            }
            out.push_str("</td></tr>\n");
        }
    }
    out.push_str("</tbody>\n</table>\n");
}

/// « risque 9 × dépense 460 000 € × proximité 1/4 »
fn factors(line: &EntryRisk, lang: Lang) -> String {
    let nearness = match line.nearness {
        Some(value) if value >= Decimal::ONE => "1".to_owned(),
        Some(value) if value >= Decimal::new(5, 1) => "1/2".to_owned(),
        Some(_) => "1/4".to_owned(),
        None => t!(lang, "diagnose-unknown"),
    };
    let priority = line
        .priority
        .map(|priority| words::score(priority, lang))
        .unwrap_or_default();
    let spend = line
        .spend
        .map_or_else(|| "1".to_owned(), |spend| words::money(spend, lang));
    format!(
        "{} = {priority}",
        t!(
            lang,
            "diagnose-factors",
            risk = line
                .score
                .map(|score| words::score(score, lang))
                .unwrap_or_default(),
            spend = spend,
            nearness = nearness
        )
    )
}

fn write_left_out(out: &mut String, view: &DiagnosisView<'_>, lang: Lang) {
    let _ = writeln!(
        out,
        "<section class=\"left-out\">\n<h2>{}</h2>",
        escape(&t!(lang, "diagnose-left-out"))
    );
    if view.diagnosis.left_out.is_empty() {
        let _ = writeln!(
            out,
            "<p>{}</p>",
            escape(&t!(lang, "diagnose-left-out-none"))
        );
    } else {
        let _ = writeln!(
            out,
            "<p>{}</p>\n<ul>",
            escape(&t!(lang, "diagnose-left-out-intro"))
        );
        for &index in &view.diagnosis.left_out {
            let Some(line) = entry(view, index) else {
                continue;
            };
            let _ = write!(
                out,
                "<li><strong>{}</strong> ({})<ul>",
                escape(&visible(&line.id)),
                escape(&visible(&line.source))
            );
            for error in &line.errors {
                let _ = write!(out, "<li>{}</li>", escape(&error_line(error, lang)));
            }
            out.push_str("</ul></li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

/// The number a chart draws for a value: amounts, counts and percentages.
fn numeric(value: &Value) -> Option<Decimal> {
    match value {
        Value::Money(amount) => Some(*amount),
        Value::Number(number) => Some(*number),
        Value::Percent(rate) => Some(*rate),
        _ => None,
    }
}
