//! The clauses of a report in a stable order, for the formats that give each clause a
//! column.

use clausier_eval::report::{ClauseResult, DescriptorReport, Report};

use super::human::clause_name;

/// A clause as a column: its pack, its id, and the name it is shown under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Column {
    pub pack: String,
    pub clause: String,
    pub name: String,
}

/// Every clause that some descriptor has a result for, in the order of first appearance
/// (the pack's order, since every evaluated descriptor lists the clauses in it).
pub(crate) fn columns(report: &Report) -> Vec<Column> {
    let mut out: Vec<Column> = Vec::new();
    for descriptor in &report.descriptors {
        for result in &descriptor.results {
            let (pack, clause) = key(result);
            if !out.iter().any(|c| c.pack == pack && c.clause == clause) {
                out.push(Column {
                    pack: pack.to_owned(),
                    clause: clause.to_owned(),
                    name: clause_name(report, clause, pack),
                });
            }
        }
    }
    out
}

/// The pack and id of a result's clause.
pub(crate) fn key(result: &ClauseResult) -> (&str, &str) {
    match result {
        ClauseResult::Requirement(r) => (r.pack.as_str(), r.clause.as_str()),
        ClauseResult::Criterion(c) => (c.pack.as_str(), c.clause.as_str()),
    }
}

/// A descriptor's result for a column's clause, if it has one.
pub(crate) fn result_for<'a>(
    descriptor: &'a DescriptorReport,
    column: &Column,
) -> Option<&'a ClauseResult> {
    descriptor
        .results
        .iter()
        .find(|result| key(result) == (column.pack.as_str(), column.clause.as_str()))
}
