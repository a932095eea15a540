//! The log's own tests on SQLite; the command's tests (`clausier_cli/tests/decision_log.rs`)
//! cover PostgreSQL too.

use super::*;

fn run(report: &str) -> RunRecord {
    RunRecord {
        recorded_at: "2026-12-05T10:00:00Z".to_owned(),
        tool_version: "0.1.0".to_owned(),
        command: "check".to_owned(),
        pack_name: "edtech-fr".to_owned(),
        pack_version: "1.0.0".to_owned(),
        pack_hash: "sha256:00".to_owned(),
        pack_files: vec![StoredFile {
            path: "pack.toml".to_owned(),
            bytes: b"[pack]\n".to_vec(),
        }],
        params: "[]".to_owned(),
        options: "{}".to_owned(),
        evaluation_date: "2026-11-28".to_owned(),
        descriptors: vec![StoredDescriptor {
            source: "offre.json".to_owned(),
            content_hash: chain::content_hash(b"{}"),
            bytes: b"{}".to_vec(),
        }],
        verdicts: vec![Verdict {
            descriptor: "offre".to_owned(),
            source: "offre.json".to_owned(),
            lot: None,
            status: "eligible".to_owned(),
            score: Some("12.5".to_owned()),
            rank: Some(1),
            outcomes: vec![ClauseOutcome {
                clause: "HEB-01".to_owned(),
                status: "pass".to_owned(),
                score: None,
            }],
        }],
        report: report.to_owned(),
        decisions: Vec::new(),
    }
}

fn decision(clause: &str, content: &[u8], accepted: bool) -> DecisionRecord {
    DecisionRecord {
        pack_name: "edtech-fr".to_owned(),
        pack_hash: "sha256:00".to_owned(),
        descriptor_id: "offre".to_owned(),
        descriptor_hash: chain::content_hash(content),
        clause: clause.to_owned(),
        accepted,
        reason: "certificat équivalent".to_owned(),
        by: "acheteur".to_owned(),
        at: "2026-12-05T10:00:00Z".to_owned(),
    }
}

#[test]
fn a_run_reads_back_as_recorded_and_the_chain_holds() -> Result<(), Box<dyn std::error::Error>> {
    let folder = tempfile::tempdir()?;
    let path = folder.path().join("journal.db");
    let location = path.to_string_lossy().into_owned();
    let mut store = open(&location)?;
    let first = store.append_run(&run("{\"a\":1}"))?;
    let second = store.append_run(&run("{\"a\":2}"))?;
    assert_eq!((first, second), (1, 2));
    drop(store);
    let mut store = open(&location)?;
    let stored = store.load_run(2)?.ok_or("run 2 missing")?;
    assert_eq!(stored.record, run("{\"a\":2}"));
    assert_eq!(
        stored.previous_hash,
        store.load_run(1)?.ok_or("run 1")?.hash
    );
    assert_eq!(verify(store.as_mut())?, None);
    assert!(store.load_run(3)?.is_none());
    let summaries = store.run_summaries()?;
    assert_eq!(summaries.len(), 2);
    assert_eq!(summaries[1].id, 2);
    assert_eq!(summaries[1].counts, vec![("eligible".to_owned(), 1)]);
    Ok(())
}

#[test]
fn a_status_changed_by_hand_breaks_the_chain_at_its_run() -> Result<(), Box<dyn std::error::Error>>
{
    let folder = tempfile::tempdir()?;
    let path = folder.path().join("journal.db");
    let location = path.to_string_lossy().into_owned();
    let mut store = open(&location)?;
    for report in ["1", "2", "3"] {
        store.append_run(&run(report))?;
    }
    rusqlite::Connection::open(&path)?.execute(
        "UPDATE run_outcomes SET status = 'fail' WHERE run_id = 2",
        [],
    )?;
    assert_eq!(verify(store.as_mut())?, Some(Broken::RunChanged { run: 2 }));
    Ok(())
}

#[test]
fn a_decision_changed_or_removed_by_hand_is_found() -> Result<(), Box<dyn std::error::Error>> {
    let folder = tempfile::tempdir()?;
    let path = folder.path().join("journal.db");
    let location = path.to_string_lossy().into_owned();
    let mut store = open(&location)?;
    for clause in ["A", "B", "C"] {
        store.append_decision(&decision(clause, b"{}", true))?;
    }
    let connection = rusqlite::Connection::open(&path)?;
    connection.execute("UPDATE decisions SET accepted = 0 WHERE id = 3", [])?;
    assert_eq!(
        verify(store.as_mut())?,
        Some(Broken::DecisionChanged { decision: 3 })
    );
    connection.execute("DELETE FROM decisions WHERE id = 1", [])?;
    assert_eq!(
        verify(store.as_mut())?,
        Some(Broken::DecisionUnlinked { decision: 2 })
    );
    Ok(())
}

#[test]
fn only_decisions_on_the_current_content_apply() -> Result<(), Box<dyn std::error::Error>> {
    let folder = tempfile::tempdir()?;
    let location = folder
        .path()
        .join("journal.db")
        .to_string_lossy()
        .into_owned();
    let mut store = open(&location)?;
    store.append_decision(&decision("A", b"old", true))?;
    store.append_decision(&decision("B", b"new", false))?;
    store.append_decision(&decision("B", b"new", true))?;
    let decisions = store.decisions()?;
    let current = chain::content_hash(b"new");
    let applied = matching_decisions(&decisions, "edtech-fr", "offre", &current);
    assert_eq!(applied.len(), 1);
    assert_eq!(applied[0].id, 3);
    let stale = stale_decisions(&decisions, "edtech-fr", "offre", &current);
    assert_eq!(stale.iter().map(|d| d.id).collect::<Vec<_>>(), vec![1]);
    Ok(())
}

#[test]
fn another_programs_database_is_refused() -> Result<(), Box<dyn std::error::Error>> {
    let folder = tempfile::tempdir()?;
    let path = folder.path().join("autre.db");
    rusqlite::Connection::open(&path)?.execute("CREATE TABLE clients (nom TEXT)", [])?;
    let location = path.to_string_lossy().into_owned();
    assert!(matches!(open(&location), Err(LogError::NotALog { .. })));
    let text = folder.path().join("notes.txt");
    std::fs::write(
        &text,
        "ceci n'est pas une base de données, loin de là ".repeat(100),
    )?;
    let location = text.to_string_lossy().into_owned();
    assert!(matches!(open(&location), Err(LogError::NotALog { .. })));
    Ok(())
}

#[test]
fn a_decisions_hash_is_the_documented_serialisation() {
    // Written out by hand from the description in `chain.rs`, so that an expert can
    // recompute a hash without Clausier.
    let canonical = format!(
        "[\"clausier-decision-1\",\"sha256:prev\",\"edtech-fr\",\"sha256:00\",\"offre\",\"{}\",\
         \"HEB-02\",true,\"certificat équivalent\",\"acheteur\",\"2026-12-05T10:00:00Z\"]",
        chain::content_hash(b"{}")
    );
    assert_eq!(
        chain::decision_hash("sha256:prev", &decision("HEB-02", b"{}", true)),
        chain::content_hash(canonical.as_bytes())
    );
    assert_eq!(
        chain::content_hash(b"abc"),
        "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}
