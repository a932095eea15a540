//! The HTML report of a contract divided into lots: before the matrix of every entry,
//! one section per lot under « Lot 1 — title » with that lot's counts and its own ranking
//! table (rank, offer, score, status), since each lot is awarded separately and a rank
//! means something only among the offers of its lot.

use std::fmt::Write;

use clausier_eval::report::{DescriptorReport, LotReport, Report};

use super::html::{escape, number_cell};
use clausier_i18n::Lang;

use super::human_lots::lot_heading;
use crate::diagnostics::plural;

/// One `<section class="lot">` per lot, in the order of `[document]`; nothing for a
/// contract in one piece.
pub(super) fn write_lot_sections(out: &mut String, report: &Report, lang: Lang) {
    for lot in &report.lots {
        let entries: Vec<&DescriptorReport> = report
            .descriptors
            .iter()
            .filter(|entry| entry.lot.as_deref() == Some(lot.id.as_str()))
            .collect();
        write_lot_section(out, lot, &entries, lang);
    }
    if !report.lots.is_empty() {
        out.push_str("<h2>Every entry</h2>\n");
    }
}

fn write_lot_section(out: &mut String, lot: &LotReport, entries: &[&DescriptorReport], lang: Lang) {
    let id = escape(&lot.id);
    let _ = writeln!(out, "<section class=\"lot\" data-lot=\"{id}\">");
    let _ = writeln!(out, "<h2>{}</h2>", escape(&lot_heading(lot, lang)));
    let summary = &lot.summary;
    let _ = writeln!(
        out,
        "<p class=\"lot-summary\">{}: {} eligible, {} ineligible, {} incomplete</p>",
        plural(summary.total, "offer", "offers"),
        summary.eligible,
        summary.ineligible,
        summary.incomplete
    );
    if entries.is_empty() {
        out.push_str("<p>No offer bids for this lot.</p>\n</section>\n");
        return;
    }
    out.push_str(
        "<table class=\"ranking\">\n<thead>\n<tr><th scope=\"col\">Rank</th>\
         <th scope=\"col\">Offer</th><th scope=\"col\">Score</th>\
         <th scope=\"col\">Status</th></tr>\n</thead>\n<tbody>\n",
    );
    for entry in ranked(entries) {
        out.push_str("<tr>");
        match entry.rank {
            Some(rank) => {
                let _ = write!(out, "<td class=\"num\" data-value=\"{rank}\">{rank}</td>");
            }
            None => out.push_str("<td class=\"num\" data-value=\"\"></td>"),
        }
        let _ = write!(
            out,
            "<th scope=\"row\" data-descriptor=\"{id}\">{id}</th>",
            id = escape(&entry.id)
        );
        number_cell(out, entry.score);
        let status = entry.status.as_str();
        let _ = write!(
            out,
            "<td class=\"{status}\" data-value=\"{status}\">{status}</td>"
        );
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// The lot's offers as its award reads them: the ranked ones by rank, then the others,
/// each group in input order.
fn ranked<'a>(entries: &[&'a DescriptorReport]) -> Vec<&'a DescriptorReport> {
    let mut ordered = entries.to_vec();
    ordered.sort_by_key(|entry| (entry.rank.is_none(), entry.rank, entry.status));
    ordered
}
