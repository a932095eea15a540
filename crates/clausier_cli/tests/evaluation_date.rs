//! The evaluation date, `today` in the clauses: `--date` when given, else the deadline for
//! offers of the root pack's `[document]` table, else the current day; the human reports
//! say which and why.

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "the helpers run the binary; a test that cannot must fail loudly"
)]

mod support;

use support::clausier;

const DATED: &str = "tests/cli/packs/dated";
const OFFER: &str = "tests/cli/packs/dated/offres/janvier.json";

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn check_runs_at_the_deadline_for_offers_and_says_so() {
    let output = clausier(&["check", DATED, OFFER, "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["date"], "2027-03-15");
    assert_eq!(report["descriptors"][0]["status"], "ineligible");

    let human = stdout(&clausier(&["check", DATED, OFFER]));
    assert!(
        human.contains(
            "date : 15 mars 2027 (la date limite de remise des offres, « [document] deadline » \
             dans pack.toml)\n"
        ),
        "{human}"
    );
    let english = stdout(&clausier(&["check", DATED, OFFER, "--lang", "en"]));
    assert!(
        english.contains(
            "date: 15 March 2027 (the deadline for offers, `[document] deadline` in pack.toml)\n"
        ),
        "{english}"
    );
}

#[test]
fn the_date_given_on_the_command_line_wins() {
    let output = clausier(&["check", DATED, OFFER, "--date", "2026-12-01"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let human = stdout(&output);
    assert!(human.contains("date : 1er décembre 2026\n"), "{human}");
}

#[test]
fn without_a_deadline_the_report_says_it_is_today() {
    let output = clausier(&[
        "check",
        "tests/cli/packs/tested",
        "tests/cli/packs/tested/offres/conforme.json",
    ]);
    let human = stdout(&output);
    let today = human
        .lines()
        .find_map(|line| line.strip_prefix("date : "))
        .unwrap();
    assert!(
        today.ends_with(
            " (aujourd'hui : pack.toml ne donne pas de « [document] deadline » et aucune date \
             n'a été donnée par --date)"
        ),
        "{human}"
    );
}

#[test]
fn tests_without_a_date_run_at_the_deadline() {
    let output = clausier(&["test", DATED]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(
        text.contains(
            "date : 15 mars 2027 (la date limite de remise des offres, « [document] deadline » \
             dans pack.toml)\n"
        ),
        "{text}"
    );
    let later = clausier(&["test", DATED, "--date", "2027-07-01"]);
    assert_eq!(later.status.code(), Some(1), "{}", stdout(&later));
}
