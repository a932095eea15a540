//! The embedded log: one SQLite file, in WAL mode so that readers never wait on a writer,
//! with a busy timeout so that two runs recording at once wait for each other.

use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use crate::record::{
    ClauseOutcome, DecisionRecord, RunRecord, RunSummary, StoredDecision, StoredDescriptor,
    StoredFile, StoredRun, Verdict,
};
use crate::{LogError, Store, chain, embedded};

/// How long a writer waits for another one before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(60);
/// Two processes creating one new log race to apply the migrations: the loser retries
/// once the winner's are in.
const MIGRATION_ATTEMPTS: u32 = 50;

pub struct SqliteStore {
    connection: Connection,
}

impl SqliteStore {
    pub fn open(path: &str) -> Result<Self, LogError> {
        let not_a_log = |reason: String| LogError::NotALog {
            location: path.to_owned(),
            reason,
        };
        let mut connection =
            Connection::open(path).map_err(|error| not_a_log(error.to_string()))?;
        connection.busy_timeout(BUSY_TIMEOUT)?;
        // The first read of the file: where a file that is not SQLite is found out.
        let tables: Vec<String> = connection
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
            .and_then(|mut statement| {
                statement
                    .query_map([], |row| row.get::<_, String>(0))?
                    .collect()
            })
            .map_err(|error| not_a_log(error.to_string()))?;
        if !crate::holds_a_log(&tables) {
            return Err(not_a_log(
                "the database holds other tables and no `clausier_log` table".to_owned(),
            ));
        }
        connection
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(|error| not_a_log(error.to_string()))?;
        connection.pragma_update(None, "foreign_keys", "ON")?;
        let mut attempt = 0;
        loop {
            match embedded::migrations::runner().run(&mut connection) {
                Ok(_) => break,
                Err(_) if attempt + 1 < MIGRATION_ATTEMPTS => {
                    attempt += 1;
                    std::thread::sleep(Duration::from_millis(100));
                }
                Err(error) => {
                    return Err(LogError::Database {
                        reason: error.to_string(),
                    });
                }
            }
        }
        Ok(SqliteStore { connection })
    }
}

impl Store for SqliteStore {
    fn append_run(&mut self, run: &RunRecord) -> Result<i64, LogError> {
        // IMMEDIATE takes the write lock before reading the chain's end: no other run can
        // slip in between.
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let last: Option<(i64, String)> = transaction
            .query_row(
                "SELECT id, hash FROM runs ORDER BY id DESC LIMIT 1",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        let (id, previous_hash) = match last {
            Some((id, hash)) => (id + 1, hash),
            None => (1, chain::GENESIS.to_owned()),
        };
        let hash = chain::run_hash(&previous_hash, run);
        transaction.execute(
            "INSERT INTO runs (id, recorded_at, tool_version, command, pack_name, pack_version, \
             pack_hash, params, options, evaluation_date, report, previous_hash, hash) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            params![
                id,
                run.recorded_at,
                run.tool_version,
                run.command,
                run.pack_name,
                run.pack_version,
                run.pack_hash,
                run.params,
                run.options,
                run.evaluation_date,
                run.report,
                previous_hash,
                hash
            ],
        )?;
        for (position, file) in (0_i64..).zip(&run.pack_files) {
            transaction.execute(
                "INSERT INTO run_pack_files (run_id, position, path, bytes) VALUES (?1, ?2, ?3, ?4)",
                params![id, position, file.path, file.bytes],
            )?;
        }
        for (position, descriptor) in (0_i64..).zip(&run.descriptors) {
            transaction.execute(
                "INSERT INTO run_descriptors (run_id, position, source, content_hash, bytes) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    id,
                    position,
                    descriptor.source,
                    descriptor.content_hash,
                    descriptor.bytes
                ],
            )?;
        }
        for (position, verdict) in (0_i64..).zip(&run.verdicts) {
            transaction.execute(
                "INSERT INTO run_verdicts (run_id, position, descriptor_id, source, lot, status, \
                 score, rank) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    id,
                    position,
                    verdict.descriptor,
                    verdict.source,
                    verdict.lot,
                    verdict.status,
                    verdict.score,
                    verdict.rank
                ],
            )?;
            for (index, outcome) in (0_i64..).zip(&verdict.outcomes) {
                transaction.execute(
                    "INSERT INTO run_outcomes (run_id, verdict, position, clause, status, score) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![
                        id,
                        position,
                        index,
                        outcome.clause,
                        outcome.status,
                        outcome.score
                    ],
                )?;
            }
        }
        for (position, decision) in (0_i64..).zip(&run.decisions) {
            transaction.execute(
                "INSERT INTO run_decisions (run_id, position, decision_id) VALUES (?1, ?2, ?3)",
                params![id, position, decision],
            )?;
        }
        transaction.commit()?;
        Ok(id)
    }

    fn run_summaries(&mut self) -> Result<Vec<RunSummary>, LogError> {
        let mut summaries: Vec<RunSummary> = self
            .connection
            .prepare(
                "SELECT id, recorded_at, command, pack_name, pack_version, evaluation_date FROM runs ORDER BY id",
            )?
            .query_map([], |row| {
                Ok(RunSummary {
                    id: row.get(0)?,
                    recorded_at: row.get(1)?,
                    command: row.get(2)?,
                    pack_name: row.get(3)?,
                    pack_version: row.get(4)?,
                    evaluation_date: row.get(5)?,
                    counts: Vec::new(),
                })
            })?
            .collect::<Result<_, _>>()?;
        let counts: Vec<(i64, String, i64)> = self
            .connection
            .prepare(
                "SELECT run_id, status, COUNT(*) FROM run_verdicts GROUP BY run_id, status ORDER BY run_id, status",
            )?
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
            .collect::<Result<_, _>>()?;
        crate::record::attach_counts(&mut summaries, counts);
        Ok(summaries)
    }

    fn run_ids(&mut self) -> Result<Vec<i64>, LogError> {
        let mut statement = self.connection.prepare("SELECT id FROM runs ORDER BY id")?;
        let ids = statement
            .query_map([], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(ids)
    }

    fn load_run(&mut self, id: i64) -> Result<Option<StoredRun>, LogError> {
        let connection = &self.connection;
        let head = connection
            .query_row(
                "SELECT recorded_at, tool_version, command, pack_name, pack_version, pack_hash, \
                 params, options, evaluation_date, report, previous_hash, hash FROM runs WHERE id = ?1",
                [id],
                |row| {
                    Ok((
                        RunRecord {
                            recorded_at: row.get(0)?,
                            tool_version: row.get(1)?,
                            command: row.get(2)?,
                            pack_name: row.get(3)?,
                            pack_version: row.get(4)?,
                            pack_hash: row.get(5)?,
                            params: row.get(6)?,
                            options: row.get(7)?,
                            evaluation_date: row.get(8)?,
                            report: row.get(9)?,
                            pack_files: Vec::new(),
                            descriptors: Vec::new(),
                            verdicts: Vec::new(),
                            decisions: Vec::new(),
                        },
                        row.get::<_, String>(10)?,
                        row.get::<_, String>(11)?,
                    ))
                },
            )
            .optional()?;
        let Some((mut record, previous_hash, hash)) = head else {
            return Ok(None);
        };
        record.pack_files = connection
            .prepare("SELECT path, bytes FROM run_pack_files WHERE run_id = ?1 ORDER BY position")?
            .query_map([id], |row| {
                Ok(StoredFile {
                    path: row.get(0)?,
                    bytes: row.get(1)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        record.descriptors = connection
            .prepare(
                "SELECT source, content_hash, bytes FROM run_descriptors WHERE run_id = ?1 \
                 ORDER BY position",
            )?
            .query_map([id], |row| {
                Ok(StoredDescriptor {
                    source: row.get(0)?,
                    content_hash: row.get(1)?,
                    bytes: row.get(2)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        let mut verdicts: Vec<(i64, Verdict)> = connection
            .prepare(
                "SELECT position, descriptor_id, source, lot, status, score, rank FROM run_verdicts \
                 WHERE run_id = ?1 ORDER BY position",
            )?
            .query_map([id], |row| {
                Ok((
                    row.get(0)?,
                    Verdict {
                        descriptor: row.get(1)?,
                        source: row.get(2)?,
                        lot: row.get(3)?,
                        status: row.get(4)?,
                        score: row.get(5)?,
                        rank: row.get(6)?,
                        outcomes: Vec::new(),
                    },
                ))
            })?
            .collect::<Result<_, _>>()?;
        let outcomes: Vec<(i64, ClauseOutcome)> = connection
            .prepare(
                "SELECT verdict, clause, status, score FROM run_outcomes WHERE run_id = ?1 \
                 ORDER BY verdict, position",
            )?
            .query_map([id], |row| {
                Ok((
                    row.get(0)?,
                    ClauseOutcome {
                        clause: row.get(1)?,
                        status: row.get(2)?,
                        score: row.get(3)?,
                    },
                ))
            })?
            .collect::<Result<_, _>>()?;
        for (verdict, outcome) in outcomes {
            if let Some((_, entry)) = verdicts
                .iter_mut()
                .find(|(position, _)| *position == verdict)
            {
                entry.outcomes.push(outcome);
            }
        }
        record.verdicts = verdicts.into_iter().map(|(_, verdict)| verdict).collect();
        record.decisions = connection
            .prepare("SELECT decision_id FROM run_decisions WHERE run_id = ?1 ORDER BY position")?
            .query_map([id], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(Some(StoredRun {
            id,
            record,
            previous_hash,
            hash,
        }))
    }

    fn append_decision(&mut self, decision: &DecisionRecord) -> Result<i64, LogError> {
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let last: Option<(i64, String)> = transaction
            .query_row(
                "SELECT id, hash FROM decisions ORDER BY id DESC LIMIT 1",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        let (id, previous_hash) = match last {
            Some((id, hash)) => (id + 1, hash),
            None => (1, chain::GENESIS.to_owned()),
        };
        let hash = chain::decision_hash(&previous_hash, decision);
        transaction.execute(
            "INSERT INTO decisions (id, pack_name, pack_hash, descriptor_id, descriptor_hash, \
             clause, accepted, reason, decided_by, decided_at, previous_hash, hash) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                id,
                decision.pack_name,
                decision.pack_hash,
                decision.descriptor_id,
                decision.descriptor_hash,
                decision.clause,
                decision.accepted,
                decision.reason,
                decision.by,
                decision.at,
                previous_hash,
                hash
            ],
        )?;
        transaction.commit()?;
        Ok(id)
    }

    fn decisions(&mut self) -> Result<Vec<StoredDecision>, LogError> {
        let decisions = self
            .connection
            .prepare(
                "SELECT id, pack_name, pack_hash, descriptor_id, descriptor_hash, clause, accepted, \
                 reason, decided_by, decided_at, previous_hash, hash FROM decisions ORDER BY id",
            )?
            .query_map([], |row| {
                Ok(StoredDecision {
                    id: row.get(0)?,
                    record: DecisionRecord {
                        pack_name: row.get(1)?,
                        pack_hash: row.get(2)?,
                        descriptor_id: row.get(3)?,
                        descriptor_hash: row.get(4)?,
                        clause: row.get(5)?,
                        accepted: row.get(6)?,
                        reason: row.get(7)?,
                        by: row.get(8)?,
                        at: row.get(9)?,
                    },
                    previous_hash: row.get(10)?,
                    hash: row.get(11)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(decisions)
    }
}
