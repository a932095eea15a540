//! The hashes that chain runs and decisions.
//!
//! A run's hash is `sha256:` and the hex SHA-256 of a canonical serialisation: the
//! compact JSON array (serde_json, no spaces, strings escaped as JSON does)
//!
//! ```text
//! ["clausier-run-1", previous_hash, recorded_at, tool_version, command, pack_name,
//!  pack_version, pack_hash, params, options, evaluation_date,
//!  [[path, sha256(bytes)]…],                          the pack's files, in order
//!  [[source, content_hash, sha256(bytes)]…],          the descriptors, in order
//!  [[descriptor, source, lot, status, score, rank,
//!    [[clause, status, score]…]]…],                   the verdicts, in order
//!  report, [decision id…]]
//! ```
//!
//! with `null` for an absent lot, score or rank. A decision's is the same over
//! `["clausier-decision-1", previous_hash, pack_name, pack_hash, descriptor_id,
//! descriptor_hash, clause, accepted, reason, by, at]`. The first run and the first
//! decision have [`GENESIS`] as their previous hash. Arrays, not objects, so that no
//! key order enters the bytes.

use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::record::{DecisionRecord, RunRecord};

/// The previous hash of the first run and of the first decision.
pub const GENESIS: &str = "";

/// `sha256:` and the hex digest of `bytes`: a file's content hash.
pub fn content_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut text = String::with_capacity(7 + 64);
    text.push_str("sha256:");
    for byte in digest {
        text.push_str(&format!("{byte:02x}"));
    }
    text
}

pub fn run_hash(previous_hash: &str, run: &RunRecord) -> String {
    let files: Vec<Value> = run
        .pack_files
        .iter()
        .map(|file| json!([file.path, content_hash(&file.bytes)]))
        .collect();
    let descriptors: Vec<Value> = run
        .descriptors
        .iter()
        .map(|descriptor| {
            json!([
                descriptor.source,
                descriptor.content_hash,
                content_hash(&descriptor.bytes)
            ])
        })
        .collect();
    let verdicts: Vec<Value> = run
        .verdicts
        .iter()
        .map(|verdict| {
            let outcomes: Vec<Value> = verdict
                .outcomes
                .iter()
                .map(|outcome| json!([outcome.clause, outcome.status, outcome.score]))
                .collect();
            json!([
                verdict.descriptor,
                verdict.source,
                verdict.lot,
                verdict.status,
                verdict.score,
                verdict.rank,
                outcomes
            ])
        })
        .collect();
    let canonical = json!([
        "clausier-run-1",
        previous_hash,
        run.recorded_at,
        run.tool_version,
        run.command,
        run.pack_name,
        run.pack_version,
        run.pack_hash,
        run.params,
        run.options,
        run.evaluation_date,
        files,
        descriptors,
        verdicts,
        run.report,
        run.decisions,
    ]);
    content_hash(canonical.to_string().as_bytes())
}

pub fn decision_hash(previous_hash: &str, decision: &DecisionRecord) -> String {
    let canonical = json!([
        "clausier-decision-1",
        previous_hash,
        decision.pack_name,
        decision.pack_hash,
        decision.descriptor_id,
        decision.descriptor_hash,
        decision.clause,
        decision.accepted,
        decision.reason,
        decision.by,
        decision.at,
    ]);
    content_hash(canonical.to_string().as_bytes())
}
