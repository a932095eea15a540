//! The decision log end to end: `check --record`, `clausier log` (list, show, verify,
//! replay) and `clausier review`, on an SQLite file and on a real PostgreSQL server.
//!
//! The PostgreSQL tests need the URL of a server where they may make databases, in
//! `CLAUSIER_TEST_POSTGRES` (`scripts/test` starts one with `scripts/postgres start`).
//! Without it they are skipped and say so, unless the `external-validators` feature is on:
//! then they fail.

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "the helpers run programs and read their output; a test that cannot must fail loudly"
)]

mod support;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use support::{clausier, workspace_root};

const DATE: &str = "2026-11-28";
const PACK: &str = "rules/edtech-fr";
const OFFERS: &str = "examples/edtech-fr";
const OFFER: &str = "examples/edtech-fr/eveil-numerique.json";
/// The example of a claimed equivalent, whose `SNC-01` demands a qualification that
/// admits an equivalent, and its offer claiming one.
const EXAMPLE_PACK: &str = "examples/equivalence-label/pack";
const EXAMPLE_OFFERS: &str = "examples/equivalence-label/offres";
const CLAIMING: &str = "examples/equivalence-label/offres/equivalente.json";

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `check PACK OFFERS --record DB`: the examples hold ineligible offers, so exit 1.
fn record(db: &str, offers: &str) -> std::process::Output {
    let output = clausier(&["check", PACK, offers, "--date", DATE, "--record", db, "-q"]);
    exits(&output, 1);
    output
}

/// Asserts the exit code of a run, showing what it printed when it is another.
fn exits(output: &std::process::Output, code: i32) {
    assert_eq!(
        output.status.code(),
        Some(code),
        "{}{}",
        text(&output.stdout),
        text(&output.stderr)
    );
}

fn log(args: &[&str]) -> std::process::Output {
    let mut all = vec!["log"];
    all.extend_from_slice(args);
    clausier(&all)
}

fn sqlite_log(dir: &tempfile::TempDir) -> String {
    dir.path().join("journal.db").to_string_lossy().into_owned()
}

/// A fresh database on the PostgreSQL server of `CLAUSIER_TEST_POSTGRES`, named for the
/// test; `None` (the test skipped) when the variable is not set outside the full suite.
fn postgres_log(test: &str) -> Option<String> {
    let base = match std::env::var("CLAUSIER_TEST_POSTGRES") {
        Ok(url) if !url.is_empty() => url,
        _ if cfg!(feature = "external-validators") => panic!(
            "CLAUSIER_TEST_POSTGRES is not set: these tests record runs in a real PostgreSQL \
             server. Run `scripts/test`, or first \
             `export CLAUSIER_TEST_POSTGRES=\"$(scripts/postgres start)\"`"
        ),
        _ => {
            eprintln!(
                "skipped: CLAUSIER_TEST_POSTGRES is not set (`scripts/postgres start` prints \
                 the URL of a throwaway server)"
            );
            return None;
        }
    };
    let name = format!("log_{test}");
    let mut client = postgres::Client::connect(&base, postgres::NoTls).unwrap();
    // One statement a call: neither may run inside a transaction block.
    client
        .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .unwrap();
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .unwrap();
    let (server, _) = base.rsplit_once('/').unwrap();
    Some(format!("{server}/{name}"))
}

#[test]
fn a_run_recorded_in_sqlite_is_listed_and_shown() {
    let dir = tempfile::tempdir().unwrap();
    let db = sqlite_log(&dir);
    let recorded = clausier(&["check", PACK, OFFERS, "--date", DATE, "--record", &db]);
    assert_eq!(recorded.status.code(), Some(1));
    assert!(text(&recorded.stderr).contains("exécution n° 1 enregistrée dans le journal"));

    let listed = log(&[&db]);
    assert!(listed.status.success(), "{}", text(&listed.stderr));
    let listed = text(&listed.stdout);
    assert!(listed.starts_with("n° 1  "), "{listed}");
    assert!(
        listed.contains(
            "check  edtech-fr 2.1.0  date d'évaluation 2026-11-28  \
             éligible : 6, incomplète : 2, inéligible : 7, invalide : 1"
        ),
        "{listed}"
    );

    let shown = log(&[&db, "show", "1"]);
    assert!(shown.status.success());
    let shown = text(&shown.stdout);
    assert!(
        shown.contains("\nvendor-eveil-numerique (examples/edtech-fr/eveil-numerique.json) : "),
        "{shown}"
    );
    assert!(shown.contains("  HEB-01 satisfaite\n"), "{shown}");
    assert!(
        shown.contains("(examples/edtech-fr/petits-malins.json) : éligible, note 84, rang 1"),
        "{shown}"
    );
}

#[test]
fn a_run_recorded_in_postgresql_is_listed_verified_and_replayed() {
    let Some(db) = postgres_log("recorded") else {
        return;
    };
    record(&db, OFFERS);
    let listed = text(&log(&[&db]).stdout);
    assert!(listed.contains("n° 1  "), "{listed}");
    assert!(listed.contains("éligible : 6, incomplète : 2, inéligible : 7, invalide : 1"));
    let verified = log(&[&db, "verify"]);
    exits(&verified, 0);
    let replayed = log(&[&db, "replay", "1"]);
    exits(&replayed, 0);
}

#[test]
fn verify_names_the_run_changed_by_hand_in_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let db = sqlite_log(&dir);
    for _ in 0..3 {
        record(&db, OFFER);
    }
    let verified = log(&[&db, "verify"]);
    assert_eq!(verified.status.code(), Some(0));
    assert_eq!(
        text(&verified.stdout),
        "la chaîne tient : 3 exécutions vérifiées et 0 décision vérifiée\n"
    );

    rusqlite::Connection::open(&db)
        .unwrap()
        .execute(
            "UPDATE run_verdicts SET status = 'eligible' WHERE run_id = 2",
            [],
        )
        .unwrap();
    let verified = log(&[&db, "verify"]);
    assert_eq!(verified.status.code(), Some(1));
    assert_eq!(
        text(&verified.stdout),
        "l'exécution n° 2 a été modifiée depuis son enregistrement : son empreinte ne \
         correspond plus à son contenu\n"
    );
}

#[test]
fn verify_names_the_run_changed_by_hand_in_postgresql() {
    let Some(db) = postgres_log("tampered") else {
        return;
    };
    record(&db, OFFER);
    record(&db, OFFER);
    let mut client = postgres::Client::connect(&db, postgres::NoTls).unwrap();
    client
        .execute(
            "UPDATE run_outcomes SET status = 'pass' WHERE run_id = 1",
            &[],
        )
        .unwrap();
    let verified = log(&[&db, "verify"]);
    assert_eq!(verified.status.code(), Some(1));
    assert!(text(&verified.stdout).starts_with("l'exécution n° 1 a été modifiée"));
    // A run removed breaks the chain at the next one.
    client
        .batch_execute(
            "UPDATE run_outcomes SET status = 'fail' WHERE run_id = 1 AND clause = 'nothing'; \
             DELETE FROM run_outcomes WHERE run_id = 1; DELETE FROM run_verdicts WHERE run_id = 1; \
             DELETE FROM run_descriptors WHERE run_id = 1; DELETE FROM run_pack_files WHERE run_id = 1; \
             DELETE FROM runs WHERE id = 1",
        )
        .unwrap();
    let verified = log(&[&db, "verify"]);
    assert_eq!(verified.status.code(), Some(1));
    assert!(
        text(&verified.stdout).starts_with("la chaîne est rompue à l'exécution n° 2"),
        "{}",
        text(&verified.stdout)
    );
}

#[test]
fn replay_gives_the_recorded_report_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let db = sqlite_log(&dir);
    let report = dir.path().join("rapport.json");
    let report_arg = report.to_string_lossy().into_owned();
    let output = clausier(&[
        "check",
        PACK,
        OFFERS,
        "--date",
        DATE,
        "--record",
        &db,
        "-q",
        "--format",
        "json",
        "--output",
        &report_arg,
    ]);
    assert_eq!(output.status.code(), Some(1));
    let recorded: String = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row("SELECT report FROM runs WHERE id = 1", [], |row| row.get(0))
        .unwrap();
    assert_eq!(recorded.as_bytes(), std::fs::read(&report).unwrap());

    // From the log alone: the pack and the offers moved away change nothing.
    let replayed = log(&[&db, "replay", "1"]);
    exits(&replayed, 0);
    assert_eq!(
        text(&replayed.stdout),
        "l'exécution n° 1 rejouée donne le même rapport, octet pour octet\n"
    );
}

#[test]
fn replay_shows_what_differs_when_a_recorded_offer_was_changed() {
    let dir = tempfile::tempdir().unwrap();
    let db = sqlite_log(&dir);
    record(&db, OFFER);
    let offer = std::fs::read_to_string(workspace_root().join(OFFER)).unwrap();
    let changed = offer.replacen("\"id\"", "\"id_ignored\": 1, \"id\"", 1);
    assert_ne!(offer, changed);
    let changed = changed.replace("eveil-numerique", "eveil-modifie");
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute(
            "UPDATE run_descriptors SET bytes = ?1 WHERE run_id = 1",
            [changed.as_bytes()],
        )
        .unwrap();
    let replayed = log(&[&db, "replay", "1"]);
    assert_eq!(replayed.status.code(), Some(1));
    let shown = text(&replayed.stdout);
    assert!(
        shown.starts_with("l'exécution n° 1 rejouée donne un autre rapport"),
        "{shown}"
    );
    assert!(shown.contains("\n- ") && shown.contains("\n+ "), "{shown}");
    assert!(shown.contains("eveil-modifie"), "{shown}");
}

/// Two `check --record` processes started together on one log.
fn record_twice_at_once(db: &str) {
    let binary = env!("CARGO_BIN_EXE_clausier");
    let children: Vec<_> = (0..2)
        .map(|_| {
            Command::new(binary)
                .args(["check", PACK, OFFERS, "--date", DATE, "--record", db, "-q"])
                .current_dir(workspace_root())
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        exits(&output, 1);
    }
    let listed = text(&log(&[db]).stdout);
    assert_eq!(listed.lines().count(), 2, "{listed}");
    let verified = log(&[db, "verify"]);
    assert_eq!(
        text(&verified.stdout),
        "la chaîne tient : 2 exécutions vérifiées et 0 décision vérifiée\n"
    );
}

#[test]
fn two_runs_recording_at_once_both_land_in_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    record_twice_at_once(&sqlite_log(&dir));
}

#[test]
fn two_runs_recording_at_once_both_land_in_postgresql() {
    let Some(db) = postgres_log("concurrent") else {
        return;
    };
    record_twice_at_once(&db);
}

/// Starts `check … --record DB` on a large input, written in `dir`, so that writing its
/// run takes a while: a test can kill it midway.
fn start_recording_a_large_run(dir: &tempfile::TempDir, db: &str) -> std::process::Child {
    let copies = std::fs::read(workspace_root().join("examples/edtech-fr/centrale-achats.ndjson"))
        .unwrap()
        .repeat(600);
    let big = dir.path().join("offres.ndjson");
    std::fs::write(&big, &copies).unwrap();
    Command::new(env!("CARGO_BIN_EXE_clausier"))
        .args(["check", PACK])
        .arg(&big)
        .args(["--date", DATE, "--record", db, "-q", "--format", "json"])
        .current_dir(workspace_root())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn a_run_killed_while_recording_leaves_no_half_written_run() {
    let dir = tempfile::tempdir().unwrap();
    let db = sqlite_log(&dir);
    record(&db, OFFER);
    let wal = dir.path().join("journal.db-wal");
    let mut child = start_recording_a_large_run(&dir, &db);
    // The write-ahead log passes a megabyte only while the run's transaction writes its
    // offers and report (about 20 MB): kill it then.
    let start = Instant::now();
    let mut killed_while_writing = false;
    while start.elapsed() < Duration::from_secs(120) {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if std::fs::metadata(&wal).is_ok_and(|meta| meta.len() > 1 << 20) {
            child.kill().unwrap();
            killed_while_writing = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    child.wait().unwrap();
    assert!(
        killed_while_writing,
        "the run ended before it was seen writing"
    );

    let verified = log(&[&db, "verify"]);
    exits(&verified, 0);
    let connection = rusqlite::Connection::open(&db).unwrap();
    let count = |sql: &str| -> i64 { connection.query_row(sql, [], |row| row.get(0)).unwrap() };
    // Either nothing of the killed run, or (had it committed just before the signal) all of it.
    match count("SELECT COUNT(*) FROM runs") {
        1 => {
            assert_eq!(
                count("SELECT COUNT(*) FROM run_verdicts WHERE run_id <> 1"),
                0
            );
            assert_eq!(
                count("SELECT COUNT(*) FROM run_descriptors WHERE run_id <> 1"),
                0
            );
            assert_eq!(
                count("SELECT COUNT(*) FROM run_outcomes WHERE run_id <> 1"),
                0
            );
        }
        2 => {
            assert_eq!(
                count("SELECT COUNT(*) FROM run_verdicts WHERE run_id = 2"),
                1800
            );
            assert_eq!(
                count("SELECT COUNT(*) FROM run_descriptors WHERE run_id = 2"),
                1
            );
        }
        runs => panic!("{runs} runs in the log"),
    }
}

#[test]
fn a_run_killed_while_recording_in_postgresql_leaves_nothing() {
    let Some(db) = postgres_log("killed") else {
        return;
    };
    record(&db, OFFER);
    let dir = tempfile::tempdir().unwrap();
    let mut child = start_recording_a_large_run(&dir, &db);
    // The server shows the run's transaction once it has inserted into the outcomes.
    let mut watcher = postgres::Client::connect(&db, postgres::NoTls).unwrap();
    let start = Instant::now();
    let mut killed_while_writing = false;
    while start.elapsed() < Duration::from_secs(120) {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        let writing: i64 = watcher
            .query_one(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() \
                 AND pid <> pg_backend_pid() AND xact_start IS NOT NULL \
                 AND query LIKE 'INSERT INTO run_outcomes%'",
                &[],
            )
            .unwrap()
            .get(0);
        if writing > 0 {
            child.kill().unwrap();
            killed_while_writing = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.wait().unwrap();
    assert!(
        killed_while_writing,
        "the run ended before it was seen writing"
    );
    drop(watcher);

    let verified = log(&[&db, "verify"]);
    exits(&verified, 0);
    // The server rolls back the transaction of a client that is gone; it may take it a
    // moment to notice.
    let mut client = postgres::Client::connect(&db, postgres::NoTls).unwrap();
    let count = |client: &mut postgres::Client, sql: &str| -> i64 {
        client.query_one(sql, &[]).unwrap().get(0)
    };
    assert_eq!(count(&mut client, "SELECT COUNT(*) FROM runs"), 1);
    assert_eq!(
        count(
            &mut client,
            "SELECT COUNT(*) FROM run_outcomes WHERE run_id <> 1"
        ),
        0
    );
}

fn review(db: &str, offer: &str, verdict: &str) -> std::process::Output {
    review_on(EXAMPLE_PACK, "SNC-01", db, offer, verdict)
}

fn review_on(
    pack: &str,
    clause: &str,
    db: &str,
    offer: &str,
    verdict: &str,
) -> std::process::Output {
    clausier(&[
        "review",
        "--log",
        db,
        "--pack",
        pack,
        "--descriptor",
        offer,
        "--clause",
        clause,
        verdict,
        "--reason",
        "certificat équivalent examiné",
        "--by",
        "Mme Durand",
    ])
}

#[test]
fn a_review_is_stored_and_the_next_recorded_run_applies_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = sqlite_log(&dir);
    let reviewed = review(&db, CLAIMING, "--accept");
    assert!(reviewed.status.success(), "{}", text(&reviewed.stderr));
    assert_eq!(
        text(&reviewed.stdout),
        "décision n° 1 enregistrée : l'équivalence de `equivalente` pour `SNC-01` est acceptée\n"
    );
    let (accepted, by, hash): (bool, String, String) = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT accepted, decided_by, descriptor_hash FROM decisions WHERE id = 1",
            [],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .unwrap();
    assert!(accepted);
    assert_eq!(by, "Mme Durand");
    assert!(hash.starts_with("sha256:"));

    let recorded = clausier(&[
        "check",
        EXAMPLE_PACK,
        EXAMPLE_OFFERS,
        "--date",
        DATE,
        "--record",
        &db,
    ]);
    assert_ne!(
        recorded.status.code(),
        Some(2),
        "{}",
        text(&recorded.stderr)
    );
    let shown = text(&log(&[&db, "show", "1"]).stdout);
    assert!(shown.ends_with("\ndécisions appliquées : 1\n"), "{shown}");
    let verified = text(&log(&[&db, "verify"]).stdout);
    assert_eq!(
        verified,
        "la chaîne tient : 1 exécution vérifiée et 1 décision vérifiée\n"
    );
    // `--decisions` applies them without recording.
    let checked = clausier(&[
        "check",
        EXAMPLE_PACK,
        CLAIMING,
        "--date",
        DATE,
        "--decisions",
        &db,
    ]);
    assert_ne!(checked.status.code(), Some(2), "{}", text(&checked.stderr));
    assert_eq!(text(&log(&[&db]).stdout).lines().count(), 1);
}

#[test]
fn a_decision_on_an_offer_changed_since_is_not_applied() {
    let dir = tempfile::tempdir().unwrap();
    let db = sqlite_log(&dir);
    let offer = dir.path().join("equivalente.json");
    std::fs::copy(workspace_root().join(CLAIMING), &offer).unwrap();
    let offer_arg = offer.to_string_lossy().into_owned();
    assert!(review(&db, &offer_arg, "--refuse").status.success());
    let original = std::fs::read_to_string(&offer).unwrap();
    std::fs::write(&offer, format!("{original}\n")).unwrap();

    let output = clausier(&[
        "check",
        EXAMPLE_PACK,
        &offer_arg,
        "--date",
        DATE,
        "--record",
        &db,
    ]);
    assert_ne!(output.status.code(), Some(2), "{}", text(&output.stderr));
    assert!(
        text(&output.stderr).contains(
            "avertissement : la décision n° 1 sur `SNC-01` pour `equivalente` n'est pas \
             appliquée : l'offre a changé depuis cette décision"
        ),
        "{}",
        text(&output.stderr)
    );
    let shown = text(&log(&[&db, "show", "1"]).stdout);
    assert!(!shown.contains("décisions appliquées"), "{shown}");
}

/// No decision is recorded where none could apply: on a certification the law imposes
/// (`no_equivalent`), and on a requirement that demands no label. Nothing is written.
#[test]
fn a_decision_is_refused_where_no_equivalent_is_examined() {
    let dir = tempfile::tempdir().unwrap();
    let db = sqlite_log(&dir);
    let cases = [
        (
            "rules/edtech-fr",
            "HEB-03",
            "l'exigence `HEB-03` n'admet aucun équivalent, une décision n'y changerait \
             rien : La certification HDS est une obligation légale",
        ),
        (
            "rules/edtech-fr",
            "HEB-02",
            "l'exigence `HEB-02` n'impose aucun label ni aucune certification : aucun \
             équivalent n'y est examiné, une décision n'y changerait rien",
        ),
    ];
    for (pack, clause, said) in cases {
        let refused = review_on(pack, clause, &db, OFFER, "--accept");
        exits(&refused, 2);
        assert!(
            text(&refused.stderr).contains(said),
            "{}",
            text(&refused.stderr)
        );
    }
    assert!(!std::path::Path::new(&db).exists(), "a log was created");
}

#[test]
fn a_file_that_is_not_a_log_a_missing_run_and_a_refusing_server_are_said() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "des notes, pas un journal ".repeat(200)).unwrap();
    let notes = notes.to_string_lossy().into_owned();
    let refused = log(&[&notes]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        text(&refused.stderr).contains(&format!("`{notes}` n'est pas un journal Clausier")),
        "{}",
        text(&refused.stderr)
    );

    let db = sqlite_log(&dir);
    let absent = log(&[&db]);
    assert_eq!(absent.status.code(), Some(2));
    assert!(text(&absent.stderr).contains(&format!("le journal `{db}` n'existe pas")));
    assert!(!Path::new(&db).exists());
    record(&db, OFFER);
    let missing = log(&[&db, "show", "9"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(text(&missing.stderr).contains("le journal n'a pas d'exécution n° 9"));

    // Port 1 on this machine: nobody listens there.
    let refused = log(&["postgres://acheteur:secret@127.0.0.1:1/clausier"]);
    assert_eq!(refused.status.code(), Some(2));
    let said = text(&refused.stderr);
    assert!(
        said.contains("impossible de se connecter au serveur PostgreSQL `postgres://acheteur:***@127.0.0.1:1/clausier`"),
        "{said}"
    );
    assert!(!said.contains("secret"));
    assert!(Path::new(&db).exists());
}

#[test]
fn an_award_run_is_recorded_and_replayed() {
    let dir = tempfile::tempdir().unwrap();
    let db = sqlite_log(&dir);
    let folder = dir.path().join("documents").to_string_lossy().into_owned();
    let output = clausier(&[
        "award",
        PACK,
        OFFERS,
        "--date",
        DATE,
        "--notify-date",
        "2026-12-01",
        "--output-dir",
        &folder,
        "--record",
        &db,
    ]);
    exits(&output, 0);
    assert!(text(&output.stderr).contains("exécution n° 1 enregistrée dans le journal"));
    let listed = text(&log(&[&db]).stdout);
    assert!(listed.contains("  award  edtech-fr 2.1.0  "), "{listed}");
    let replayed = log(&[&db, "replay", "1"]);
    exits(&replayed, 0);
}

#[test]
fn an_offer_read_from_standard_input_is_not_recorded() {
    use std::io::Write;

    let dir = tempfile::tempdir().unwrap();
    let db = sqlite_log(&dir);
    let mut child = Command::new(env!("CARGO_BIN_EXE_clausier"))
        .args(["check", PACK, "-", "--date", DATE, "--record", &db])
        .current_dir(workspace_root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let offers =
        std::fs::read(workspace_root().join("examples/edtech-fr/centrale-achats.ndjson")).unwrap();
    child.stdin.take().unwrap().write_all(&offers).unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains(
            "une offre lue sur l'entrée standard ne peut être enregistrée ni confrontée aux \
             décisions du journal"
        ),
        "{}",
        text(&output.stderr)
    );
    assert_eq!(
        text(&log(&[&db]).stdout),
        "le journal ne contient aucune exécution\n"
    );
}

/// The example of a claimed equivalent (`examples/equivalence-label`): the offer is under
/// review until the buyer's decision is in the log, then follows it, and the report cites
/// the decision.
#[test]
fn a_claimed_equivalent_waits_for_the_decision_then_follows_it() {
    let status_of = |output: &std::process::Output| -> (String, String, serde_json::Value) {
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let offer = report["descriptors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|descriptor| descriptor["id"] == "equivalente")
            .unwrap()
            .clone();
        let requirement = offer["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|result| result["clause"] == "SNC-01")
            .unwrap()
            .clone();
        (
            offer["status"].as_str().unwrap().to_owned(),
            requirement["status"].as_str().unwrap().to_owned(),
            requirement,
        )
    };
    let dir = tempfile::tempdir().unwrap();
    let db = sqlite_log(&dir);
    let check = |extra: &[&str]| {
        let mut args = vec![
            "check",
            EXAMPLE_PACK,
            EXAMPLE_OFFERS,
            "--date",
            DATE,
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        clausier(&args)
    };

    let before = check(&[]);
    exits(&before, 1);
    let (offer, requirement, result) = status_of(&before);
    assert_eq!((offer.as_str(), requirement.as_str()), ("review", "review"));
    assert_eq!(result["claim"]["label"], "Attestation C5 de type 2");
    // The offer whose qualification's attestation ran out before the date: incomplete,
    // the expiry given as the reason.
    let report: serde_json::Value = serde_json::from_slice(&before.stdout).unwrap();
    let expired = report["descriptors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|descriptor| descriptor["id"] == "expiree")
        .unwrap();
    assert_eq!(expired["status"], "incomplete");
    let qualification = expired["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|result| result["clause"] == "SNC-01")
        .unwrap();
    assert_eq!(qualification["status"], "missing");
    assert_eq!(
        qualification["expired"][0]["valid_until"], "2026-06-30",
        "{qualification}"
    );

    let reviewed = clausier(&[
        "review",
        "--log",
        &db,
        "--pack",
        EXAMPLE_PACK,
        "--descriptor",
        CLAIMING,
        "--clause",
        "SNC-01",
        "--accept",
        "--reason",
        "Le rapport C5 de type 2 couvre les exigences du référentiel SecNumCloud examinées",
        "--by",
        "Mme Durand",
    ]);
    assert!(reviewed.status.success(), "{}", text(&reviewed.stderr));

    let after = check(&["--decisions", &db]);
    let (offer, requirement, result) = status_of(&after);
    assert_eq!((offer.as_str(), requirement.as_str()), ("eligible", "pass"));
    assert_eq!(result["decision"]["by"], "Mme Durand");
    assert_eq!(result["decision"]["accepted"], true);
}
