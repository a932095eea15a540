//! What a run and a decision record, as plain data that both backends store.

use clausier_eval::report::{ClauseResult, Report};

/// One run of `check` or `award`, everything a replay needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunRecord {
    /// When it was recorded, RFC 3339 in UTC.
    pub recorded_at: String,
    /// The version of Clausier that ran.
    pub tool_version: String,
    /// `check` or `award`.
    pub command: String,
    pub pack_name: String,
    pub pack_version: String,
    /// `PackInfo::hash`.
    pub pack_hash: String,
    /// The pack's files, each path relative to the pack's folder.
    pub pack_files: Vec<StoredFile>,
    /// The effective parameters, as the JSON report lists them.
    pub params: String,
    /// What else shapes the report's bytes, a JSON object: the language (`lang`), whether
    /// the date is the pack's deadline (`deadline`), `strict`, `max_descriptor_size`.
    pub options: String,
    /// The evaluation date, `YYYY-MM-DD`.
    pub evaluation_date: String,
    pub descriptors: Vec<StoredDescriptor>,
    pub verdicts: Vec<Verdict>,
    /// The full JSON report.
    pub report: String,
    /// The ids of the decisions the run applied.
    pub decisions: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// A descriptor file as it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDescriptor {
    /// The file as named on the command line or found in a folder.
    pub source: String,
    /// `sha256:` and the hex digest of its bytes.
    pub content_hash: String,
    pub bytes: Vec<u8>,
}

/// One entry of the report: an offer (on one lot) with its outcomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub descriptor: String,
    pub source: String,
    pub lot: Option<String>,
    /// The descriptor status's JSON text (`eligible`, `ineligible`…).
    pub status: String,
    pub score: Option<String>,
    pub rank: Option<i64>,
    pub outcomes: Vec<ClauseOutcome>,
}

/// A clause's outcome: a requirement's status, or a criterion's score (`criterion`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClauseOutcome {
    pub clause: String,
    pub status: String,
    pub score: Option<String>,
}

impl Verdict {
    /// Every entry of a report with its clause outcomes.
    pub fn from_report(report: &Report) -> Vec<Verdict> {
        report
            .descriptors
            .iter()
            .map(|entry| Verdict {
                descriptor: entry.id.clone(),
                source: entry.source.clone(),
                lot: entry.lot.clone(),
                status: entry.status.as_str().to_owned(),
                score: entry.score.map(|score| score.to_string()),
                rank: entry.rank.map(i64::from),
                outcomes: entry
                    .results
                    .iter()
                    .map(|result| match result {
                        ClauseResult::Requirement(requirement) => ClauseOutcome {
                            clause: requirement.clause.clone(),
                            status: requirement.status.as_str().to_owned(),
                            score: None,
                        },
                        ClauseResult::Criterion(criterion) => ClauseOutcome {
                            clause: criterion.clause.clone(),
                            status: "criterion".to_owned(),
                            score: criterion.score.map(|score| score.to_string()),
                        },
                    })
                    .collect(),
            })
            .collect()
    }
}

/// A run read back from the log, with its place in the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRun {
    pub id: i64,
    pub record: RunRecord,
    pub previous_hash: String,
    pub hash: String,
}

/// A buyer's decision on a vendor's claim of an equivalent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionRecord {
    pub pack_name: String,
    pub pack_hash: String,
    pub descriptor_id: String,
    /// The content hash of the descriptor the decision was taken on: it applies to that
    /// content only.
    pub descriptor_hash: String,
    pub clause: String,
    pub accepted: bool,
    pub reason: String,
    pub by: String,
    /// RFC 3339, UTC.
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDecision {
    pub id: i64,
    pub record: DecisionRecord,
    pub previous_hash: String,
    pub hash: String,
}

impl StoredDecision {
    /// The decision as a run applies it.
    pub fn to_review_decision(&self) -> clausier_eval::ReviewDecision {
        clausier_eval::ReviewDecision {
            clause: self.record.clause.clone(),
            descriptor: self.record.descriptor_id.clone(),
            accepted: self.record.accepted,
            reason: self.record.reason.clone(),
            by: self.record.by.clone(),
            at: self.record.at.clone(),
        }
    }
}

/// What the list of runs shows of one, without its files and report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunSummary {
    pub id: i64,
    pub recorded_at: String,
    pub command: String,
    pub pack_name: String,
    pub pack_version: String,
    pub evaluation_date: String,
    /// The count of entries by status, statuses in alphabetical order.
    pub counts: Vec<(String, i64)>,
}

/// Puts each `(run, status, count)` row on its run's summary (`summaries` in id order).
pub(crate) fn attach_counts(summaries: &mut [RunSummary], counts: Vec<(i64, String, i64)>) {
    for (run, status, count) in counts {
        if let Ok(index) = summaries.binary_search_by_key(&run, |summary| summary.id)
            && let Some(summary) = summaries.get_mut(index)
        {
            summary.counts.push((status, count));
        }
    }
}
