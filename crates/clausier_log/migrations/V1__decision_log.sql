-- The decision log. The same SQL serves SQLite and PostgreSQL: ids are given by the
-- log itself (one more than the last, inside the transaction that holds the chain),
-- and BYTEA, a PostgreSQL name, keeps its bytes as they are in SQLite too.

-- Marks the database as a Clausier log: a database with tables but not this one is
-- refused rather than written into.
CREATE TABLE clausier_log (
    format TEXT NOT NULL
);
INSERT INTO clausier_log (format) VALUES ('clausier-log-1');

-- One row per recorded run; `hash` covers the run's rows and `previous_hash`.
CREATE TABLE runs (
    id BIGINT PRIMARY KEY,
    recorded_at TEXT NOT NULL,
    tool_version TEXT NOT NULL,
    command TEXT NOT NULL,
    pack_name TEXT NOT NULL,
    pack_version TEXT NOT NULL,
    pack_hash TEXT NOT NULL,
    params TEXT NOT NULL,
    options TEXT NOT NULL,
    evaluation_date TEXT NOT NULL,
    report TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);

-- The pack's files as they were, so that a replay needs nothing but the log.
CREATE TABLE run_pack_files (
    run_id BIGINT NOT NULL REFERENCES runs (id),
    position BIGINT NOT NULL,
    path TEXT NOT NULL,
    bytes BYTEA NOT NULL,
    PRIMARY KEY (run_id, position)
);

-- Each descriptor file as it was read.
CREATE TABLE run_descriptors (
    run_id BIGINT NOT NULL REFERENCES runs (id),
    position BIGINT NOT NULL,
    source TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    bytes BYTEA NOT NULL,
    PRIMARY KEY (run_id, position)
);

-- Each entry of the report: an offer's status, score and rank (one per lot it bids on).
CREATE TABLE run_verdicts (
    run_id BIGINT NOT NULL REFERENCES runs (id),
    position BIGINT NOT NULL,
    descriptor_id TEXT NOT NULL,
    source TEXT NOT NULL,
    lot TEXT,
    status TEXT NOT NULL,
    score TEXT,
    rank BIGINT,
    PRIMARY KEY (run_id, position)
);

-- Every clause outcome of an entry.
CREATE TABLE run_outcomes (
    run_id BIGINT NOT NULL REFERENCES runs (id),
    verdict BIGINT NOT NULL,
    position BIGINT NOT NULL,
    clause TEXT NOT NULL,
    status TEXT NOT NULL,
    score TEXT,
    PRIMARY KEY (run_id, verdict, position)
);

-- The buyer's decisions on claims of an equivalent, chained like the runs.
CREATE TABLE decisions (
    id BIGINT PRIMARY KEY,
    pack_name TEXT NOT NULL,
    pack_hash TEXT NOT NULL,
    descriptor_id TEXT NOT NULL,
    descriptor_hash TEXT NOT NULL,
    clause TEXT NOT NULL,
    accepted BOOLEAN NOT NULL,
    reason TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);

-- The decisions a run applied.
CREATE TABLE run_decisions (
    run_id BIGINT NOT NULL REFERENCES runs (id),
    position BIGINT NOT NULL,
    decision_id BIGINT NOT NULL REFERENCES decisions (id),
    PRIMARY KEY (run_id, position)
);
