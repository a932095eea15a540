//! The human report of a contract divided into lots: one ranking table per lot under
//! « Lot 1 — title », the invalid descriptors (on no lot) in a table of their own, and
//! the counts of each lot after the run's.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use clausier_eval::report::{DescriptorReport, LotReport, Report, Summary};

use super::human::write_table;
use crate::diagnostics::plural;
use crate::style::{Painter, Style};

/// The tables of a run on lots, each lot's entries in input order.
pub(super) fn write_lot_tables(out: &mut String, report: &Report, painter: Painter) {
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
        write_heading(out, &mut first, &lot_heading(lot), painter);
        write_table(out, &entries, painter);
    }
    let on_no_lot: Vec<DescriptorReport> = report
        .descriptors
        .iter()
        .filter(|entry| entry.lot.is_none())
        .cloned()
        .collect();
    if !on_no_lot.is_empty() {
        write_heading(out, &mut first, "Invalid, on no lot", painter);
        write_table(out, &on_no_lot, painter);
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
pub(crate) fn lot_heading(lot: &LotReport) -> String {
    format!("Lot {} — {}", lot.id, lot.title)
}

/// The run's counts: descriptors, then the entries of their offers on each lot.
pub(super) fn write_lot_summary(out: &mut String, report: &Report) {
    let _ = writeln!(
        out,
        "{}: {}, {} invalid",
        counted_entries(report),
        counts(&report.summary),
        report.summary.invalid
    );
    for lot in &report.lots {
        let _ = writeln!(
            out,
            "  {}: {}: {}",
            lot_heading(lot),
            plural(lot.summary.total, "offer", "offers"),
            counts(&lot.summary)
        );
    }
}

/// `7 descriptors, 8 entries (one per lot an offer bids for)`.
pub(crate) fn counted_entries(report: &Report) -> String {
    let descriptors: BTreeSet<usize> = report.descriptors.iter().map(|entry| entry.input).collect();
    format!(
        "{}, {} (one per lot an offer bids for)",
        plural(descriptors.len(), "descriptor", "descriptors"),
        plural(report.summary.total, "entry", "entries"),
    )
}

fn counts(summary: &Summary) -> String {
    format!(
        "{} eligible, {} ineligible, {} incomplete",
        summary.eligible, summary.ineligible, summary.incomplete
    )
}
