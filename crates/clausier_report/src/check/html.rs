//! The check report as one self-contained HTML page a buyer can hand to a director: the
//! ranking first, then one section per offer with its status and the reasons for it in
//! words, and its criteria points. Style inline, no script, nothing fetched; printed on
//! A4, each offer starts a page.

pub(super) use crate::html_text::escape;
use std::fmt::Write;

use clausier_eval::report::{DescriptorReport, Report};
use clausier_i18n::{Lang, t};
use rust_decimal::Decimal;

use super::html_lots::{write_lot_offers, write_lot_rankings};
use super::html_offer::write_offer;
use super::html_style::STYLE;
use super::human::{
    clause_name, colon, date_in_words, in_words, score_text, status_word, summary_line,
};
use super::human_lots::lot_summary_line;

/// Renders a report as a self-contained HTML page in `lang`: the pack, date, counts and
/// parameters; the ranking (one table per lot in a contract divided into lots), offers by
/// rank then those without one; then a section per offer (per entry on a lot) in the
/// same order, with its failed and missing requirements explained in words, its criteria
/// points and its other requirements' outcomes.
///
/// The page is stable for programs too: each ranking row and offer section carries the
/// descriptor's id in `data-descriptor` (and its lot in `data-lot`), statuses carry
/// `data-status`, each requirement `data-clause`, `data-level` and `data-status`, and
/// each score and points cell its number in `data-value`.
pub fn render_html(report: &Report, lang: Lang) -> String {
    let report = &super::vendor_text::for_people(report);
    let mut out = String::new();
    let title = t!(
        lang,
        "html-title",
        pack = report.pack.name.as_str(),
        version = report.pack.version.as_str()
    );
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">",
        lang.code()
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>{}</title>", escape(&title));
    let _ = writeln!(out, "<style>{STYLE}</style>");
    out.push_str("</head>\n<body>\n<header>\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(&title));
    write_meta(&mut out, report, lang);
    out.push_str("</header>\n<main>\n");
    let _ = writeln!(
        out,
        "<section id=\"ranking\">\n<h2>{}</h2>\n<p>{}</p>",
        t!(lang, "html-ranking"),
        t!(lang, "html-ranking-order")
    );
    if report.lots.is_empty() {
        let entries: Vec<&DescriptorReport> = report.descriptors.iter().collect();
        write_ranking(&mut out, &entries, lang);
    } else {
        write_lot_rankings(&mut out, report, lang);
    }
    out.push_str("</section>\n");
    let _ = writeln!(
        out,
        "<section id=\"offers\">\n<h2>{}</h2>",
        t!(lang, "html-details")
    );
    if report.lots.is_empty() {
        let entries: Vec<&DescriptorReport> = report.descriptors.iter().collect();
        for entry in ranked(&entries) {
            write_offer(&mut out, report, entry, 3, lang);
        }
    } else {
        write_lot_offers(&mut out, report, lang);
    }
    out.push_str("</section>\n</main>\n");
    let _ = writeln!(
        out,
        "<footer>{}</footer>",
        escape(&t!(
            lang,
            "html-produced-by",
            version = report.clausier.as_str()
        ))
    );
    out.push_str("</body>\n</html>\n");
    out
}

/// The pack, the date, the counts and the parameters in effect.
fn write_meta(out: &mut String, report: &Report, lang: Lang) {
    out.push_str("<dl class=\"meta\">\n");
    let _ = writeln!(
        out,
        "<dt>{}</dt><dd><code>{}</code> {} <code>{}</code></dd>",
        t!(lang, "html-pack"),
        escape(&report.pack.name),
        escape(&report.pack.version),
        escape(&report.pack.hash)
    );
    let _ = writeln!(
        out,
        "<dt>{}</dt><dd>{}</dd>",
        t!(lang, "html-date"),
        escape(&date_in_words(&report.date, lang))
    );
    let counts = if report.lots.is_empty() {
        summary_line(&report.summary, lang)
    } else {
        lot_summary_line(report, lang)
    };
    let _ = writeln!(
        out,
        "<dt>{}</dt><dd id=\"summary\">{}</dd>",
        t!(lang, "html-offers"),
        escape(&counts)
    );
    if !report.params.is_empty() {
        let colon = colon(lang);
        let params: Vec<String> = report
            .params
            .iter()
            .map(|param| {
                format!(
                    "<li><code>{}</code>{colon} {}</li>",
                    escape(&clause_name(report, &param.name, &param.pack)),
                    escape(&in_words(param.shown.as_ref(), &param.value, lang))
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "<dt>{}</dt><dd><ul>{}</ul></dd>",
            t!(lang, "html-params"),
            params.concat()
        );
    }
    out.push_str("</dl>\n");
}

/// A ranking table: rank, offer, score and status, in the order of [`ranked`].
pub(super) fn write_ranking(out: &mut String, entries: &[&DescriptorReport], lang: Lang) {
    let _ = writeln!(
        out,
        "<table class=\"ranking\">\n<thead>\n<tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr>\n</thead>\n<tbody>",
        t!(lang, "html-column-rank"),
        t!(lang, "html-column-offer"),
        t!(lang, "html-column-score"),
        t!(lang, "html-column-status"),
    );
    for entry in ranked(entries) {
        let _ = write!(out, "<tr data-descriptor=\"{}\">", escape(&entry.id));
        rank_cell(out, entry.rank, lang);
        let _ = write!(out, "<th scope=\"row\">{}</th>", escape(&entry.id));
        score_cell(out, entry.score, lang);
        let status = entry.status.as_str();
        let _ = writeln!(
            out,
            "<td class=\"status {status}\" data-status=\"{status}\">{}</td></tr>",
            status_word(entry.status, lang)
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn rank_cell(out: &mut String, rank: Option<u32>, lang: Lang) {
    match rank {
        Some(rank) => {
            let _ = write!(
                out,
                "<td class=\"num rank\" data-value=\"{rank}\">{rank}</td>"
            );
        }
        None => {
            let _ = write!(
                out,
                "<td class=\"num rank\"><span class=\"none\">{}</span></td>",
                t!(lang, "html-no-rank")
            );
        }
    }
}

fn score_cell(out: &mut String, score: Option<Decimal>, lang: Lang) {
    match score {
        Some(score) => {
            let _ = write!(
                out,
                "<td class=\"num score\" data-value=\"{}\">{}</td>",
                score.normalize(),
                score_text(score, lang)
            );
        }
        None => {
            let _ = write!(
                out,
                "<td class=\"num score\"><span class=\"none\">{}</span></td>",
                t!(lang, "html-no-score")
            );
        }
    }
}

/// The entries as an award reads them: the ranked ones by rank, then the others by
/// status (eligible without a score, ineligible, incomplete, invalid), each group in
/// input order.
pub(super) fn ranked<'a>(entries: &[&'a DescriptorReport]) -> Vec<&'a DescriptorReport> {
    let mut ordered = entries.to_vec();
    ordered.sort_by_key(|entry| (entry.rank.is_none(), entry.rank, entry.status));
    ordered
}
