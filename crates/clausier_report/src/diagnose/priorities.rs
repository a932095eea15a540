//! What every format shows of a risk: its lines ranked by priority (rank, then input
//! order for ties), the lines it could not rank, and how each line is named.

use clausier_eval::diagnosis::{EntryRisk, RiskResult};
use clausier_eval::report::DescriptorReport;

use super::DiagnosisView;

/// The lines of `risk` that have a rank, best first; ties keep the input order.
pub(crate) fn ranked(risk: &RiskResult) -> Vec<&EntryRisk> {
    let mut ranked: Vec<&EntryRisk> = risk
        .entries
        .iter()
        .filter(|entry| entry.rank.is_some())
        .collect();
    ranked.sort_by_key(|entry| (entry.rank, entry.entry));
    ranked
}

/// The lines of `risk` without a priority, in input order.
pub(crate) fn unranked(risk: &RiskResult) -> Vec<&EntryRisk> {
    risk.entries
        .iter()
        .filter(|entry| entry.rank.is_none())
        .collect()
}

/// The report's entry for line `index` of `report.descriptors`.
pub(crate) fn entry<'a>(view: &DiagnosisView<'a>, index: usize) -> Option<&'a DescriptorReport> {
    view.diagnosis.report.descriptors.get(index)
}

/// A line by its name when it gives one, else by its id.
pub(crate) fn entry_name(view: &DiagnosisView<'_>, index: usize) -> String {
    let Some(entry) = entry(view, index) else {
        return format!("#{index}");
    };
    view.names
        .get(entry.input)
        .and_then(Option::as_deref)
        .unwrap_or(&entry.id)
        .to_owned()
}
