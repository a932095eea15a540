//! The HTML report of a contract divided into lots: each lot is awarded separately and a
//! rank means something only among the offers of its lot, so the ranking has one table
//! per lot under « Lot 1 — title » with that lot's counts, and the offers follow lot by
//! lot; the invalid descriptors, on no lot, come last.

use std::fmt::Write;

use clausier_eval::report::{DescriptorReport, LotReport, Report};
use clausier_i18n::{Lang, t};

use super::html::{escape, ranked, write_ranking};
use super::html_offer::write_offer;
use super::human_lots::{lot_counts, lot_heading};

/// One `<section class="lot">` per lot in the order of `[document]`, each with its
/// ranking table, then the entries on no lot.
pub(super) fn write_lot_rankings(out: &mut String, report: &Report, lang: Lang) {
    for (lot, entries) in groups(report) {
        let (id, heading) = group_heading(lot, lang);
        let _ = writeln!(
            out,
            "<section class=\"lot\" data-lot=\"{}\">\n<h3>{}</h3>",
            escape(id),
            escape(&heading)
        );
        if let Some(lot) = lot {
            let _ = writeln!(
                out,
                "<p class=\"lot-summary\">{}</p>",
                escape(&lot_counts(lot, lang))
            );
        }
        if entries.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", t!(lang, "html-no-offer-on-lot"));
        } else {
            write_ranking(out, &entries, lang);
        }
        out.push_str("</section>\n");
    }
}

/// The offers' sections lot by lot, each lot under its heading, in ranking order.
pub(super) fn write_lot_offers(out: &mut String, report: &Report, lang: Lang) {
    for (lot, entries) in groups(report) {
        if entries.is_empty() {
            continue;
        }
        let (id, heading) = group_heading(lot, lang);
        let _ = writeln!(
            out,
            "<section class=\"lot-offers\" data-lot=\"{}\">\n<h3>{}</h3>",
            escape(id),
            escape(&heading)
        );
        for entry in ranked(&entries) {
            write_offer(out, report, entry, 4, lang);
        }
        out.push_str("</section>\n");
    }
}

/// Each lot with its entries, then (as `None`) the entries on no lot when there are.
fn groups(report: &Report) -> Vec<(Option<&LotReport>, Vec<&DescriptorReport>)> {
    let mut groups: Vec<(Option<&LotReport>, Vec<&DescriptorReport>)> = report
        .lots
        .iter()
        .map(|lot| {
            let entries = report
                .descriptors
                .iter()
                .filter(|entry| entry.lot.as_deref() == Some(lot.id.as_str()))
                .collect();
            (Some(lot), entries)
        })
        .collect();
    let on_no_lot: Vec<&DescriptorReport> = report
        .descriptors
        .iter()
        .filter(|entry| entry.lot.is_none())
        .collect();
    if !on_no_lot.is_empty() {
        groups.push((None, on_no_lot));
    }
    groups
}

/// The lot's id and heading, or an empty id and « Invalides, sur aucun lot ».
fn group_heading(lot: Option<&LotReport>, lang: Lang) -> (&str, String) {
    match lot {
        Some(lot) => (lot.id.as_str(), lot_heading(lot, lang)),
        None => ("", t!(lang, "lots-invalid-heading")),
    }
}
