//! The shipped catalogue of solutions (`examples/catalogue`): `publiccode.yml` files and a
//! Clausier descriptor of the same shape, judged by a small pack
//! (`tests/catalogue/pack`) through `clausier check`, each failure placed in the file
//! the solution's publisher wrote; and a publiccode.yml of the wrong shape, located.

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "the helpers run the binary; a test that cannot must fail loudly"
)]

mod support;

use std::fs;

use insta::assert_snapshot;
use support::clausier;

const PACK: &str = "tests/catalogue/pack";
const CATALOGUE: &str = "examples/catalogue";
const DATE: &str = "2026-12-01";

/// The text with the pack's content hash left out, so that the snapshot changes only
/// with what the run says of the solutions.
fn stable(text: &str) -> String {
    match text.find("sha256:") {
        Some(at) => {
            let rest =
                text[at + "sha256:".len()..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
            format!("{}sha256:…{rest}", &text[..at])
        }
        None => text.to_owned(),
    }
}

#[test]
fn the_catalogue_is_checked_and_each_failure_points_into_the_publiccode_yml() {
    let output = clausier(&["check", PACK, CATALOGUE, "--date", DATE]);
    // Only one solution of the catalogue meets both requirements.
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_snapshot!(stable(&String::from_utf8(output.stdout).unwrap()));
}

#[test]
fn the_json_report_names_each_solution_by_its_folder() {
    let output = clausier(&["check", PACK, CATALOGUE, "--date", DATE, "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let statuses: Vec<(String, String)> = report["descriptors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|descriptor| {
            let text = |key: &str| descriptor[key].as_str().unwrap().to_owned();
            (text("id"), text("status"))
        })
        .collect();
    let expected = [
        ("carnet-de-vie-scolaire", "ineligible"),
        ("colibri-messagerie", "ineligible"),
        ("ent-horizon", "eligible"),
        ("grh-sereine", "ineligible"),
        ("plume-bureautique", "ineligible"),
        ("visio-agora", "ineligible"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(id, status)| ((*id).to_owned(), (*status).to_owned()))
        .collect();
    assert_eq!(statuses, expected);
}

#[test]
fn a_publiccode_yml_key_of_the_wrong_shape_is_shown_in_the_file() {
    let folder = tempfile::tempdir().unwrap();
    let solution = folder.path().join("outil");
    fs::create_dir(&solution).unwrap();
    fs::write(
        solution.join("publiccode.yml"),
        "publiccodeYmlVersion: \"0.4\"\nname: Outil\nlegal:\n  license: [MIT]\n",
    )
    .unwrap();
    let output = clausier(&[
        "check",
        PACK,
        folder.path().to_str().unwrap(),
        "--date",
        DATE,
    ]);
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).unwrap();
    let text = stable(&text).replace(folder.path().to_str().unwrap(), "TEMP");
    assert_snapshot!(text);
}

/// The page between its style sheet and its footer: what it says of the solutions, left
/// readable without the style and the script.
fn page_body(html: &str) -> &str {
    let start = html.find("<body>").unwrap();
    let end = html.find("<footer>").unwrap();
    &html[start..end]
}

#[test]
fn the_catalogue_page_shows_each_solution_with_its_verdicts_in_french() {
    let output = clausier(&["catalogue", PACK, CATALOGUE, "--date", "2026-11-28"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let html = String::from_utf8(output.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    // Self-contained: nothing is fetched.
    for outside in ["src=", "href=", "@import", "url("] {
        assert!(!html.contains(outside), "the page refers to {outside}");
    }
    assert_snapshot!(page_body(&html));
}

#[test]
fn the_catalogue_page_speaks_english_when_asked() {
    let output = clausier(&[
        "catalogue",
        PACK,
        CATALOGUE,
        "--date",
        "2026-11-28",
        "--lang",
        "en",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let html = String::from_utf8(output.stdout).unwrap();
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("satisfies the pack catalogue-essai</li>"));
    assert!(html.contains("does not satisfy the pack catalogue-essai"));
    assert!(html.contains("<span class=\"free\">free software</span>"));
}

#[test]
fn a_catalogue_without_any_solution_is_an_error() {
    let folder = tempfile::tempdir().unwrap();
    let output = clausier(&["catalogue", PACK, folder.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let message = String::from_utf8(output.stderr).unwrap();
    assert!(message.contains("aucun descripteur"), "{message}");
}

#[test]
fn a_catalogue_by_a_pack_that_does_not_compile_is_an_error() {
    let folder = tempfile::tempdir().unwrap();
    let pack = folder.path().join("broken.clause");
    fs::write(&pack, "requirement A \"A\" { require nothing_declared }\n").unwrap();
    let output = clausier(&["catalogue", pack.to_str().unwrap(), CATALOGUE]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let message = String::from_utf8(output.stderr).unwrap();
    assert!(message.contains("E0203"), "{message}");
    assert!(message.contains("broken.clause:1:29"), "{message}");
}

#[test]
fn a_description_that_does_not_fit_the_pack_shows_its_error_on_its_card() {
    let folder = tempfile::tempdir().unwrap();
    let solution = folder.path().join("outil");
    fs::create_dir(&solution).unwrap();
    fs::write(
        solution.join("publiccode.yml"),
        "publiccodeYmlVersion: \"0.4\"\nname: Outil\nlegal:\n  license: [MIT]\n",
    )
    .unwrap();
    let output = clausier(&["catalogue", PACK, folder.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    let html = String::from_utf8(output.stdout).unwrap();
    let card = &html[html.find("<article").unwrap()..html.find("</article>").unwrap()];
    assert!(card.contains("<h2>Outil</h2>"), "{card}");
    assert!(
        card.contains("non conforme au jeu de clauses catalogue-essai"),
        "{card}"
    );
    assert!(
        card.contains(
            "<li class=\"data-problem\"><strong>D0602</strong> <code>legal.license</code>"
        ),
        "{card}"
    );
}
