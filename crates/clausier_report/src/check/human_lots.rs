//! The human report of a contract divided into lots: one ranking table per lot under
//! « Lot 1 — title », the invalid descriptors (on no lot) in a table of their own, and
//! the counts of each lot after the run's.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use clausier_eval::report::{DescriptorReport, LotReport, Report, Summary};

use clausier_i18n::{Lang, t};

use super::human::{colon, write_table};
use crate::style::{Painter, Style};

/// The tables of a run on lots, each lot's entries in input order.
pub(super) fn write_lot_tables(out: &mut String, report: &Report, painter: Painter, lang: Lang) {
    let mut first = true;
    for lot in &report.lots {
        let entries: Vec<DescriptorReport> = report
            .descriptors
            .iter()
            .filter(|entry| entry.lot.as_deref() == Some(lot.id.as_str()))
            .cloned()
            .collect();
        if entries.is_empty() {
            continue;
        }
        write_heading(out, &mut first, &lot_heading(lot, lang), painter);
        write_table(out, &entries, painter, lang);
    }
    let on_no_lot: Vec<DescriptorReport> = report
        .descriptors
        .iter()
        .filter(|entry| entry.lot.is_none())
        .cloned()
        .collect();
    if !on_no_lot.is_empty() {
        write_heading(out, &mut first, &t!(lang, "lots-invalid-heading"), painter);
        write_table(out, &on_no_lot, painter, lang);
    }
}

fn write_heading(out: &mut String, first: &mut bool, heading: &str, painter: Painter) {
    if !*first {
        out.push('\n');
    }
    *first = false;
    let _ = writeln!(out, "{}", painter.paint(Style::Bold, heading));
}

/// `Lot 1 — Espace numérique de travail (ENT)`.
pub(crate) fn lot_heading(lot: &LotReport, lang: Lang) -> String {
    t!(
        lang,
        "lots-heading",
        lot = lot.id.as_str(),
        title = lot.title.as_str()
    )
}

/// The run's counts: descriptors, then the entries of their offers on each lot.
pub(super) fn write_lot_summary(out: &mut String, report: &Report, lang: Lang) {
    let _ = writeln!(out, "{}", lot_summary_line(report, lang));
    for lot in &report.lots {
        let _ = writeln!(out, "  {}", lot_line(lot, lang));
    }
}

/// `7 descriptors, 8 entries (one per lot an offer bids for): 6 eligible, …, 1 invalid`.
pub(crate) fn lot_summary_line(report: &Report, lang: Lang) -> String {
    format!(
        "{}{} {}, {}",
        counted_entries(report, lang),
        colon(lang),
        counts(&report.summary, lang),
        t!(lang, "lots-invalid", invalid = report.summary.invalid)
    )
}

/// `Lot 1 — ENT: 3 offers: 2 eligible, 0 ineligible, 1 incomplete`.
pub(crate) fn lot_line(lot: &LotReport, lang: Lang) -> String {
    format!(
        "{}{} {}",
        lot_heading(lot, lang),
        colon(lang),
        lot_counts(lot, lang)
    )
}

/// `3 offers: 2 eligible, 0 ineligible, 1 incomplete`, under a heading naming the lot.
pub(crate) fn lot_counts(lot: &LotReport, lang: Lang) -> String {
    format!(
        "{}{} {}",
        t!(lang, "lots-offers", total = lot.summary.total),
        colon(lang),
        counts(&lot.summary, lang)
    )
}

/// `7 descriptors, 8 entries (one per lot an offer bids for)`.
pub(crate) fn counted_entries(report: &Report, lang: Lang) -> String {
    let descriptors: BTreeSet<usize> = report.descriptors.iter().map(|entry| entry.input).collect();
    t!(
        lang,
        "lots-entries",
        descriptors = descriptors.len(),
        entries = report.summary.total
    )
}

fn counts(summary: &Summary, lang: Lang) -> String {
    t!(
        lang,
        "lots-counts",
        eligible = summary.eligible,
        ineligible = summary.ineligible,
        incomplete = summary.incomplete
    )
}
