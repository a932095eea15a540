//! Every engine gives Clausier's outcome for every clause of 2,000 generated descriptors.

use clausier_peers::Outcome;
use clausier_peers::agreement::{self, Engines};
use clausier_peers::generate::{SEED, ndjson};

#[test]
fn every_engine_agrees_with_clausier_on_2000_descriptors() {
    let engines = Engines::new().unwrap();
    let pool = rayon::ThreadPoolBuilder::new().build().unwrap();
    let text = ndjson(2_000, SEED);
    let agreement = agreement::check(&engines, &text, &pool, 10).unwrap();
    let listed: Vec<String> = agreement
        .disagreements
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(listed.is_empty(), "disagreements:\n{}", listed.join("\n"));
    assert_eq!(agreement.descriptors, 2_000);
    assert_eq!(agreement.engines.len(), 6);
    // The workload exercises every outcome of every clause the generator can vary.
    assert!(agreement.all_pass > 800, "{agreement:?}");
    assert!(agreement.some_fail > 400, "{agreement:?}");
    assert!(agreement.only_missing > 50, "{agreement:?}");
    for (clause, [pass, fail, missing]) in &agreement.per_clause {
        assert!(*pass > 0 && *fail > 0, "{clause}: {pass} pass, {fail} fail");
        if !matches!(*clause, "HEB-01" | "GAR-01" | "PRX-01" | "REV-01") {
            assert!(*missing > 0, "{clause}: never missing");
        }
    }
}

#[test]
fn the_edges_of_the_thresholds_pass() {
    let engines = Engines::new().unwrap();
    let pool = rayon::ThreadPoolBuilder::new().build().unwrap();
    let line = r#"{"id":"edge","hosting":{"region":"EEA"},"gar":{"compliant":true},"evidence":{"tier":"II"},"pricing":{"per_pupil":6.00},"accessibility":{"rgaa_rate":75.0},"certifications":["SecNumCloud"],"subprocessors":[],"gdpr":{"retention_months":12},"exit":{"formats":["ODS"]},"sso":{"protocols":["CAS"]}}"#;
    let unknown = r#"{"id":"unknown","hosting":{"region":"EU"},"gar":{"compliant":true},"evidence":{},"pricing":{"per_pupil":3.10},"accessibility":{},"subprocessors":[{"name":"A","region":"EU"},{"name":"B"}],"gdpr":{},"exit":{"formats":["PDF"]},"sso":{}}"#;
    let mixed = r#"{"id":"mixed","hosting":{"region":"OTHER"},"gar":{"compliant":false},"evidence":{"tier":"III"},"pricing":{"per_pupil":6.05},"accessibility":{"rgaa_rate":74.5},"certifications":[],"subprocessors":[{"name":"A"},{"name":"B","region":"EEA"}],"gdpr":{"retention_months":13},"exit":{"formats":[]},"sso":{"protocols":[]}}"#;
    let text = format!("{line}\n{unknown}\n{mixed}\n");
    let agreement = agreement::check(&engines, &text, &pool, 10).unwrap();
    let listed: Vec<String> = agreement
        .disagreements
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(listed.is_empty(), "disagreements:\n{}", listed.join("\n"));
    assert_eq!(agreement.all_pass, 1);
    assert_eq!(agreement.some_fail, 2);
    // The second offer: EVI, ACC, SEC, SST, RGPD and INT are missing, REV fails.
    let missing: usize = agreement
        .per_clause
        .iter()
        .map(|(_, counts)| counts[Outcome::Missing as usize])
        .sum();
    assert_eq!(missing, 6);
}
