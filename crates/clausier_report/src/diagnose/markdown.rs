//! The diagnosis as Markdown (GitHub tables): each indicator as a table of its groups,
//! each risk's ranked lines with their alternatives, and the lines left out.

use std::fmt::Write;

use clausier_check::value::Value;
use clausier_eval::diagnosis::{IndicatorResult, RiskResult};
use clausier_i18n::{Lang, t};

use super::DiagnosisView;
use super::alternatives::alternatives;
use super::human::{entries_line, error_line, titled};
use super::priorities::{entry, entry_name, ranked, unranked};
use super::words;
use crate::check::human::{colon, date_in_words};
use crate::check::vendor_text::visible;

/// Renders the diagnosis as Markdown in `lang`.
pub fn render_diagnosis_markdown(view: &DiagnosisView<'_>, lang: Lang) -> String {
    let report = &view.diagnosis.report;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}\n",
        cell(&t!(
            lang,
            "diagnose-heading",
            pack = report.pack.name.as_str(),
            version = report.pack.version.as_str(),
            date = date_in_words(&report.date, lang)
        ))
    );
    let _ = writeln!(out, "{}\n", entries_line(view, lang));
    if !view.diagnosis.indicators.is_empty() {
        let _ = writeln!(out, "## {}\n", t!(lang, "diagnose-indicators"));
    }
    for indicator in &view.diagnosis.indicators {
        write_indicator(&mut out, view, indicator, lang);
    }
    for risk in &view.diagnosis.risks {
        write_risk(&mut out, view, risk, lang);
    }
    let _ = writeln!(out, "## {}\n", t!(lang, "diagnose-left-out"));
    if view.diagnosis.left_out.is_empty() {
        let _ = writeln!(out, "{}", t!(lang, "diagnose-left-out-none"));
    } else {
        let _ = writeln!(out, "{}\n", t!(lang, "diagnose-left-out-intro"));
        for &index in &view.diagnosis.left_out {
            let Some(line) = entry(view, index) else {
                continue;
            };
            let _ = writeln!(out, "- **{}** ({})", cell(&line.id), cell(&line.source));
            for error in &line.errors {
                let _ = writeln!(out, "  - {}", cell(&error_line(error, lang)));
            }
        }
    }
    out
}

fn write_indicator(
    out: &mut String,
    view: &DiagnosisView<'_>,
    indicator: &IndicatorResult,
    lang: Lang,
) {
    let _ = writeln!(
        out,
        "### {}\n",
        cell(&titled(&indicator.item.id, indicator.item.title.as_deref()))
    );
    if let Some(text) = &indicator.item.text {
        let _ = writeln!(out, "{}\n", cell(text));
    }
    let total = words::indicator_value(&indicator.total, view.schema, lang);
    if indicator.groups.is_empty() {
        let _ = writeln!(
            out,
            "**{}**{} {}\n",
            t!(lang, "diagnose-value"),
            colon(lang),
            cell(&total)
        );
        return;
    }
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n|---|---:|---:|---:|",
        t!(lang, "diagnose-group"),
        t!(lang, "diagnose-value"),
        t!(lang, "diagnose-share"),
        t!(lang, "diagnose-lines")
    );
    for group in &indicator.groups {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            cell(&words::group_label(
                group,
                &indicator.grouping,
                view.schema,
                lang
            )),
            cell(&words::indicator_value(&group.value, view.schema, lang)),
            group
                .share
                .map(|share| words::share(share, lang))
                .unwrap_or_default(),
            group.entries
        );
    }
    let _ = writeln!(
        out,
        "| **{}** | **{}** | | {} |\n",
        t!(lang, "diagnose-total"),
        cell(&total),
        indicator
            .groups
            .iter()
            .map(|group| group.entries)
            .sum::<usize>()
    );
}

fn write_risk(out: &mut String, view: &DiagnosisView<'_>, risk: &RiskResult, lang: Lang) {
    let _ = writeln!(
        out,
        "## {} — {}\n",
        t!(lang, "diagnose-priorities"),
        cell(&titled(&risk.item.id, risk.item.title.as_deref()))
    );
    if let Some(text) = &risk.item.text {
        let _ = writeln!(out, "{}\n", cell(text));
    }
    let ranked = ranked(risk);
    if ranked.is_empty() {
        let _ = writeln!(out, "{}\n", t!(lang, "diagnose-no-priority"));
    } else {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |\n|---:|---|---:|---:|---|---|",
            t!(lang, "diagnose-rank"),
            t!(lang, "diagnose-entry"),
            t!(lang, "diagnose-risk"),
            t!(lang, "diagnose-spend"),
            t!(lang, "diagnose-ends"),
            t!(lang, "diagnose-window")
        );
        for line in &ranked {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                line.rank.unwrap_or_default(),
                cell(&entry_name(view, line.entry)),
                line.score
                    .map(|score| words::score(score, lang))
                    .unwrap_or_default(),
                line.spend
                    .map(|spend| words::money(spend, lang))
                    .unwrap_or_default(),
                line.ends
                    .map(|ends| crate::pack::plain_value_in_words(&Value::Date(ends), lang))
                    .unwrap_or_default(),
                line.nearness
                    .map(|nearness| words::nearness(nearness, lang))
                    .unwrap_or_default()
            );
        }
        out.push('\n');
    }
    if let Some(catalogue) = &view.catalogue {
        let mut any = false;
        for line in &ranked {
            let found = alternatives(catalogue, &line.alternatives);
            if found.is_empty() {
                continue;
            }
            if !any {
                let _ = writeln!(out, "### {}\n", t!(lang, "diagnose-alternatives"));
                any = true;
            }
            let _ = writeln!(
                out,
                "- {}. **{}**",
                line.rank.unwrap_or_default(),
                cell(&entry_name(view, line.entry))
            );
            for alternative in found {
                let (verdict, reasons) = alternative.verdict_words(lang);
                let _ = writeln!(
                    out,
                    "  - {}{} {}",
                    cell(&alternative.name_and_licence(lang)),
                    colon(lang),
                    verdict
                );
                for reason in reasons {
                    let _ = writeln!(out, "    - {}", cell(&reason));
                }
            }
        }
        if any {
            out.push('\n');
        }
    }
    let unranked = unranked(risk);
    if !unranked.is_empty() {
        let _ = writeln!(out, "### {}\n", t!(lang, "diagnose-unranked"));
        for line in unranked {
            let _ = writeln!(
                out,
                "- {}",
                cell(&t!(
                    lang,
                    "diagnose-unranked-because",
                    entry = entry_name(view, line.entry).as_str(),
                    missing = line.missing.join(", ")
                ))
            );
        }
        out.push('\n');
    }
}

/// Text made safe in a Markdown table cell or line: no control character, no line
/// break, pipes and markup characters escaped.
fn cell(text: &str) -> String {
    let mut out = String::new();
    for character in visible(text).chars() {
        match character {
            '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '\\' => {
                out.push('\\');
                out.push(character);
            }
            '\n' | '\r' => out.push(' '),
            other => out.push(other),
        }
    }
    out
}
