//! The shared log of a purchasing body: a PostgreSQL database. Each append locks its
//! table for the length of its transaction, so that runs recorded at once by several
//! buyers land one after the other on the chain.

use postgres::{Client, NoTls, Transaction};

use crate::record::{
    ClauseOutcome, DecisionRecord, RunRecord, RunSummary, StoredDecision, StoredDescriptor,
    StoredFile, StoredRun, Verdict,
};
use crate::{LogError, Store, chain, embedded};

/// The advisory lock that keeps two processes from migrating one new log at once.
const MIGRATION_LOCK: i64 = 0x636c_6175_7369_6572;

pub struct PostgresStore {
    client: Client,
}

impl PostgresStore {
    pub fn open(url: &str) -> Result<Self, LogError> {
        let mut client = Client::connect(url, NoTls).map_err(|error| LogError::Connect {
            location: without_password(url),
            reason: with_causes(&error),
        })?;
        // Held from the look at the tables to the end of the migrations: another process
        // creating the same log meanwhile would be seen half-way.
        client.execute("SELECT pg_advisory_lock($1)", &[&MIGRATION_LOCK])?;
        let tables: Vec<String> = client
            .query(
                "SELECT table_name::text FROM information_schema.tables \
                 WHERE table_schema = current_schema()",
                &[],
            )?
            .iter()
            .map(|row| row.get(0))
            .collect();
        if !crate::holds_a_log(&tables) {
            client.execute("SELECT pg_advisory_unlock($1)", &[&MIGRATION_LOCK])?;
            return Err(LogError::NotALog {
                location: without_password(url),
                reason: "the database holds other tables and no `clausier_log` table".to_owned(),
            });
        }
        let migrated = embedded::migrations::runner().run(&mut client);
        client.execute("SELECT pg_advisory_unlock($1)", &[&MIGRATION_LOCK])?;
        migrated.map_err(|error| LogError::Database {
            reason: error.to_string(),
        })?;
        Ok(PostgresStore { client })
    }
}

/// The driver's message with the causes under it (`error connecting to server` alone
/// does not say that the connection was refused).
fn with_causes(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(inner) = cause {
        text.push_str(": ");
        text.push_str(&inner.to_string());
        cause = inner.source();
    }
    text
}

/// The URL as messages show it: a password in it is hidden.
fn without_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let Some((credentials, host)) = rest.split_once('@') else {
        return url.to_owned();
    };
    match credentials.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_owned(),
    }
}

/// The id and hash the next row of `table` takes, read under the table's lock.
fn chain_end(transaction: &mut Transaction<'_>, table: &str) -> Result<(i64, String), LogError> {
    transaction.batch_execute(&format!("LOCK TABLE {table} IN EXCLUSIVE MODE"))?;
    let last = transaction.query_opt(
        &format!("SELECT id, hash FROM {table} ORDER BY id DESC LIMIT 1"),
        &[],
    )?;
    Ok(match last {
        Some(row) => (row.get::<_, i64>(0) + 1, row.get(1)),
        None => (1, chain::GENESIS.to_owned()),
    })
}

impl Store for PostgresStore {
    fn append_run(&mut self, run: &RunRecord) -> Result<i64, LogError> {
        let mut transaction = self.client.transaction()?;
        let (id, previous_hash) = chain_end(&mut transaction, "runs")?;
        let hash = chain::run_hash(&previous_hash, run);
        transaction.execute(
            "INSERT INTO runs (id, recorded_at, tool_version, command, pack_name, pack_version, \
             pack_hash, params, options, evaluation_date, report, previous_hash, hash) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
            &[
                &id,
                &run.recorded_at,
                &run.tool_version,
                &run.command,
                &run.pack_name,
                &run.pack_version,
                &run.pack_hash,
                &run.params,
                &run.options,
                &run.evaluation_date,
                &run.report,
                &previous_hash,
                &hash,
            ],
        )?;
        for (position, file) in (0_i64..).zip(&run.pack_files) {
            transaction.execute(
                "INSERT INTO run_pack_files (run_id, position, path, bytes) VALUES ($1, $2, $3, $4)",
                &[&id, &position, &file.path, &file.bytes],
            )?;
        }
        for (position, descriptor) in (0_i64..).zip(&run.descriptors) {
            transaction.execute(
                "INSERT INTO run_descriptors (run_id, position, source, content_hash, bytes) \
                 VALUES ($1, $2, $3, $4, $5)",
                &[
                    &id,
                    &position,
                    &descriptor.source,
                    &descriptor.content_hash,
                    &descriptor.bytes,
                ],
            )?;
        }
        for (position, verdict) in (0_i64..).zip(&run.verdicts) {
            transaction.execute(
                "INSERT INTO run_verdicts (run_id, position, descriptor_id, source, lot, status, \
                 score, rank) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                &[
                    &id,
                    &position,
                    &verdict.descriptor,
                    &verdict.source,
                    &verdict.lot,
                    &verdict.status,
                    &verdict.score,
                    &verdict.rank,
                ],
            )?;
            for (index, outcome) in (0_i64..).zip(&verdict.outcomes) {
                transaction.execute(
                    "INSERT INTO run_outcomes (run_id, verdict, position, clause, status, score) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                    &[
                        &id,
                        &position,
                        &index,
                        &outcome.clause,
                        &outcome.status,
                        &outcome.score,
                    ],
                )?;
            }
        }
        for (position, decision) in (0_i64..).zip(&run.decisions) {
            transaction.execute(
                "INSERT INTO run_decisions (run_id, position, decision_id) VALUES ($1, $2, $3)",
                &[&id, &position, decision],
            )?;
        }
        transaction.commit()?;
        Ok(id)
    }

    fn run_summaries(&mut self) -> Result<Vec<RunSummary>, LogError> {
        let mut summaries: Vec<RunSummary> = self
            .client
            .query(
                "SELECT id, recorded_at, command, pack_name, pack_version, evaluation_date FROM runs ORDER BY id",
                &[],
            )?
            .iter()
            .map(|row| RunSummary {
                id: row.get(0),
                recorded_at: row.get(1),
                command: row.get(2),
                pack_name: row.get(3),
                pack_version: row.get(4),
                evaluation_date: row.get(5),
                counts: Vec::new(),
            })
            .collect();
        let counts: Vec<(i64, String, i64)> = self
            .client
            .query(
                "SELECT run_id, status, COUNT(*) FROM run_verdicts GROUP BY run_id, status ORDER BY run_id, status",
                &[],
            )?
            .iter()
            .map(|row| (row.get(0), row.get(1), row.get(2)))
            .collect();
        crate::record::attach_counts(&mut summaries, counts);
        Ok(summaries)
    }

    fn run_ids(&mut self) -> Result<Vec<i64>, LogError> {
        Ok(self
            .client
            .query("SELECT id FROM runs ORDER BY id", &[])?
            .iter()
            .map(|row| row.get(0))
            .collect())
    }

    fn load_run(&mut self, id: i64) -> Result<Option<StoredRun>, LogError> {
        let client = &mut self.client;
        let Some(row) = client.query_opt(
            "SELECT recorded_at, tool_version, command, pack_name, pack_version, pack_hash, \
             params, options, evaluation_date, report, previous_hash, hash FROM runs WHERE id = $1",
            &[&id],
        )?
        else {
            return Ok(None);
        };
        let mut record = RunRecord {
            recorded_at: row.get(0),
            tool_version: row.get(1),
            command: row.get(2),
            pack_name: row.get(3),
            pack_version: row.get(4),
            pack_hash: row.get(5),
            params: row.get(6),
            options: row.get(7),
            evaluation_date: row.get(8),
            report: row.get(9),
            pack_files: Vec::new(),
            descriptors: Vec::new(),
            verdicts: Vec::new(),
            decisions: Vec::new(),
        };
        let previous_hash: String = row.get(10);
        let hash: String = row.get(11);
        record.pack_files = client
            .query(
                "SELECT path, bytes FROM run_pack_files WHERE run_id = $1 ORDER BY position",
                &[&id],
            )?
            .iter()
            .map(|row| StoredFile {
                path: row.get(0),
                bytes: row.get(1),
            })
            .collect();
        record.descriptors = client
            .query(
                "SELECT source, content_hash, bytes FROM run_descriptors WHERE run_id = $1 \
                 ORDER BY position",
                &[&id],
            )?
            .iter()
            .map(|row| StoredDescriptor {
                source: row.get(0),
                content_hash: row.get(1),
                bytes: row.get(2),
            })
            .collect();
        let mut verdicts: Vec<(i64, Verdict)> = client
            .query(
                "SELECT position, descriptor_id, source, lot, status, score, rank FROM run_verdicts \
                 WHERE run_id = $1 ORDER BY position",
                &[&id],
            )?
            .iter()
            .map(|row| {
                (
                    row.get(0),
                    Verdict {
                        descriptor: row.get(1),
                        source: row.get(2),
                        lot: row.get(3),
                        status: row.get(4),
                        score: row.get(5),
                        rank: row.get(6),
                        outcomes: Vec::new(),
                    },
                )
            })
            .collect();
        for row in client.query(
            "SELECT verdict, clause, status, score FROM run_outcomes WHERE run_id = $1 \
             ORDER BY verdict, position",
            &[&id],
        )? {
            let verdict: i64 = row.get(0);
            if let Some((_, entry)) = verdicts
                .iter_mut()
                .find(|(position, _)| *position == verdict)
            {
                entry.outcomes.push(ClauseOutcome {
                    clause: row.get(1),
                    status: row.get(2),
                    score: row.get(3),
                });
            }
        }
        record.verdicts = verdicts.into_iter().map(|(_, verdict)| verdict).collect();
        record.decisions = client
            .query(
                "SELECT decision_id FROM run_decisions WHERE run_id = $1 ORDER BY position",
                &[&id],
            )?
            .iter()
            .map(|row| row.get(0))
            .collect();
        Ok(Some(StoredRun {
            id,
            record,
            previous_hash,
            hash,
        }))
    }

    fn append_decision(&mut self, decision: &DecisionRecord) -> Result<i64, LogError> {
        let mut transaction = self.client.transaction()?;
        let (id, previous_hash) = chain_end(&mut transaction, "decisions")?;
        let hash = chain::decision_hash(&previous_hash, decision);
        transaction.execute(
            "INSERT INTO decisions (id, pack_name, pack_hash, descriptor_id, descriptor_hash, \
             clause, accepted, reason, decided_by, decided_at, previous_hash, hash) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
            &[
                &id,
                &decision.pack_name,
                &decision.pack_hash,
                &decision.descriptor_id,
                &decision.descriptor_hash,
                &decision.clause,
                &decision.accepted,
                &decision.reason,
                &decision.by,
                &decision.at,
                &previous_hash,
                &hash,
            ],
        )?;
        transaction.commit()?;
        Ok(id)
    }

    fn decisions(&mut self) -> Result<Vec<StoredDecision>, LogError> {
        Ok(self
            .client
            .query(
                "SELECT id, pack_name, pack_hash, descriptor_id, descriptor_hash, clause, accepted, \
                 reason, decided_by, decided_at, previous_hash, hash FROM decisions ORDER BY id",
                &[],
            )?
            .iter()
            .map(|row| StoredDecision {
                id: row.get(0),
                record: DecisionRecord {
                    pack_name: row.get(1),
                    pack_hash: row.get(2),
                    descriptor_id: row.get(3),
                    descriptor_hash: row.get(4),
                    clause: row.get(5),
                    accepted: row.get(6),
                    reason: row.get(7),
                    by: row.get(8),
                    at: row.get(9),
                },
                previous_hash: row.get(10),
                hash: row.get(11),
            })
            .collect())
    }
}
