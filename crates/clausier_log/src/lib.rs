//! The decision log: what a run checked and decided, recorded in a database so that a
//! buyer can show it months later, verify that nobody changed it, and replay it.
//!
//! One layer above `clausier_eval` (it records reports) and below the command line.
//! Storage is behind [`Store`], with two backends: SQLite, embedded (a file path), and
//! PostgreSQL (a `postgres://` URL), for a purchasing body whose buyers share one log.
//! The schema is `migrations/`, applied by refinery on opening.
//!
//! Runs and decisions are each chained by hash ([`chain`]): a row changed by hand no
//! longer matches its hash, a row removed breaks the next one's `previous_hash`.

pub mod chain;
mod error;
mod postgres_store;
mod record;
mod sqlite_store;

pub use error::LogError;
pub use record::{
    ClauseOutcome, DecisionRecord, RunRecord, RunSummary, StoredDecision, StoredDescriptor,
    StoredFile, StoredRun, Verdict,
};

mod embedded {
    refinery::embed_migrations!("migrations");
}

/// What the log keeps, whichever database holds it. Each append is one transaction that
/// also holds the chain: two processes appending at once are put one after the other.
pub trait Store {
    /// Records a run; returns its id.
    fn append_run(&mut self, run: &RunRecord) -> Result<i64, LogError>;
    /// Every run as the list shows it, oldest first.
    fn run_summaries(&mut self) -> Result<Vec<RunSummary>, LogError>;
    /// The ids of the recorded runs, oldest first.
    fn run_ids(&mut self) -> Result<Vec<i64>, LogError>;
    /// One run as recorded, or `None` when there is no run of that id.
    fn load_run(&mut self, id: i64) -> Result<Option<StoredRun>, LogError>;
    /// Records a buyer's decision; returns its id.
    fn append_decision(&mut self, decision: &DecisionRecord) -> Result<i64, LogError>;
    /// Every recorded decision, oldest first.
    fn decisions(&mut self) -> Result<Vec<StoredDecision>, LogError>;
}

/// Opens the log at `location`: a `postgres://` (or `postgresql://`) URL, else the path
/// of an SQLite file, created when absent. Brings its schema up to date.
pub fn open(location: &str) -> Result<Box<dyn Store>, LogError> {
    if location.starts_with("postgres://") || location.starts_with("postgresql://") {
        Ok(Box::new(postgres_store::PostgresStore::open(location)?))
    } else {
        Ok(Box::new(sqlite_store::SqliteStore::open(location)?))
    }
}

/// Whether a database with these tables may be opened as a log: empty (a new log), a
/// log already, or a log that another process is creating (its migrations' history
/// alone).
fn holds_a_log(tables: &[String]) -> bool {
    tables.iter().any(|table| table == "clausier_log")
        || tables
            .iter()
            .all(|table| table == "refinery_schema_history")
}

/// Where the chain first does not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Broken {
    /// The run's rows no longer give its recorded hash: a row was changed by hand.
    RunChanged {
        run: i64,
    },
    /// The run's `previous_hash` is not the hash of the run before it: a run was removed
    /// or put in between.
    RunUnlinked {
        run: i64,
    },
    DecisionChanged {
        decision: i64,
    },
    DecisionUnlinked {
        decision: i64,
    },
}

/// Walks both chains from their start; `None` when every run and decision holds.
pub fn verify(store: &mut dyn Store) -> Result<Option<Broken>, LogError> {
    let mut previous = chain::GENESIS.to_owned();
    for id in store.run_ids()? {
        let Some(run) = store.load_run(id)? else {
            continue;
        };
        if run.previous_hash != previous {
            return Ok(Some(Broken::RunUnlinked { run: id }));
        }
        if chain::run_hash(&run.previous_hash, &run.record) != run.hash {
            return Ok(Some(Broken::RunChanged { run: id }));
        }
        previous = run.hash;
    }
    let mut previous = chain::GENESIS.to_owned();
    for decision in store.decisions()? {
        if decision.previous_hash != previous {
            return Ok(Some(Broken::DecisionUnlinked {
                decision: decision.id,
            }));
        }
        if chain::decision_hash(&decision.previous_hash, &decision.record) != decision.hash {
            return Ok(Some(Broken::DecisionChanged {
                decision: decision.id,
            }));
        }
        previous = decision.hash;
    }
    Ok(None)
}

/// The decisions that apply to a descriptor whose content hash is `content_hash` under
/// the pack `pack_name`: the latest one per clause. A decision taken on other content
/// (the offer changed since) does not apply; [`stale_decisions`] names those.
pub fn matching_decisions(
    decisions: &[StoredDecision],
    pack_name: &str,
    descriptor_id: &str,
    content_hash: &str,
) -> Vec<StoredDecision> {
    let mut latest: Vec<StoredDecision> = Vec::new();
    for decision in decisions.iter().filter(|decision| {
        decision.record.pack_name == pack_name
            && decision.record.descriptor_id == descriptor_id
            && decision.record.descriptor_hash == content_hash
    }) {
        latest.retain(|kept| kept.record.clause != decision.record.clause);
        latest.push(decision.clone());
    }
    latest
}

/// The decisions on `descriptor_id` taken when its content was other than
/// `content_hash`, and not taken again since on the current content.
pub fn stale_decisions(
    decisions: &[StoredDecision],
    pack_name: &str,
    descriptor_id: &str,
    content_hash: &str,
) -> Vec<StoredDecision> {
    let current = matching_decisions(decisions, pack_name, descriptor_id, content_hash);
    let mut stale: Vec<StoredDecision> = Vec::new();
    for decision in decisions.iter().filter(|decision| {
        decision.record.pack_name == pack_name
            && decision.record.descriptor_id == descriptor_id
            && decision.record.descriptor_hash != content_hash
            && !current
                .iter()
                .any(|kept| kept.record.clause == decision.record.clause)
    }) {
        stale.retain(|kept| kept.record.clause != decision.record.clause);
        stale.push(decision.clone());
    }
    stale
}

#[cfg(test)]
mod tests;
