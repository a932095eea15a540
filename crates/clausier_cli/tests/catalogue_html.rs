//! The catalogue page of `clausier catalogue`, opened in headless Chromium (driven by
//! playwright-core, `tests/validators/catalogue-check.mjs`) and used as a person would:
//! the page fetches nothing and raises no error, fits a 1280 px window, shows each
//! solution's verdict for the pack, and its search box and category and pack filters
//! hide the cards that do not match.
//!
//! The packages come from `scripts/node-validators` and the browser from
//! `scripts/chromium`; `scripts/test` sets `CLAUSIER_TEST_NODE_VALIDATORS` and
//! `CLAUSIER_TEST_CHROMIUM`. Without them these tests fail and say so.

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "the helpers run programs and read their output; a test that cannot must fail loudly"
)]

mod support;

use std::path::Path;

use serde_json::Value;
use support::{clausier, run, workspace_root};

const PACK: &str = "tests/catalogue/pack";

/// What headless Chromium saw of the catalogue of `examples/catalogue`, after typing
/// `search`, then choosing `category`, then `pack`; the page as first shown is kept in
/// `target/SCREENSHOT` to be looked at.
fn browse(search: &str, category: &str, pack: &str, screenshot: &str) -> Value {
    let validators = support::checker(
        "CLAUSIER_TEST_NODE_VALIDATORS",
        "scripts/node-validators",
        "open the catalogue in headless Chromium, with the npm packages of tests/validators",
    );
    let chromium = support::checker(
        "CLAUSIER_TEST_CHROMIUM",
        "scripts/chromium",
        "open the catalogue in headless Chromium",
    );
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("catalogue.html");
    let output = clausier(&[
        "catalogue",
        PACK,
        "examples/catalogue",
        "--date",
        "2026-11-28",
        "--output",
        page.to_str().unwrap(),
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let screenshot = workspace_root().join("target").join(screenshot);
    let output = run(
        Path::new("node"),
        &[
            validators.join("catalogue-check.mjs").to_str().unwrap(),
            page.to_str().unwrap(),
            chromium.to_str().unwrap(),
            search,
            category,
            pack,
            screenshot.to_str().unwrap(),
        ],
    );
    assert!(
        output.status.success(),
        "the browser check could not run:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

fn ids(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|id| id.as_str().unwrap())
        .collect()
}

#[test]
fn the_catalogue_is_self_contained_fits_the_window_and_shows_every_verdict() {
    let seen = browse("", "", "", "catalogue.png");
    for key in ["requests", "consoleErrors", "pageErrors"] {
        assert_eq!(seen[key], Value::Array(vec![]), "{key}");
    }
    assert_eq!(seen["filtersShown"], true);
    let width = seen["layout"]["scrollWidth"].as_u64().unwrap();
    assert!(width <= 1280, "the page is {width} px wide");

    let cards = seen["cards"].as_array().unwrap();
    assert_eq!(cards.len(), 6);
    for card in cards {
        let verdicts = card["verdicts"].as_array().unwrap();
        assert_eq!(verdicts.len(), 1, "{card}");
        let verdict = &verdicts[0];
        assert_eq!(verdict["pack"], "catalogue-essai");
        assert_eq!(verdict["visible"], true);
        let text = verdict["text"].as_str().unwrap();
        if card["solution"] == "ent-horizon" {
            assert_eq!(verdict["verdict"], "satisfied");
            assert_eq!(text, "conforme au jeu de clauses catalogue-essai");
        } else {
            // Each failure says which requirement, by its title, and why.
            assert_eq!(verdict["verdict"], "not-satisfied", "{card}");
            assert!(
                text.starts_with("non conforme au jeu de clauses catalogue-essai"),
                "{text}"
            );
            assert!(
                text.contains("Logiciel libre") || text.contains("Maintenance assurée"),
                "{text}"
            );
            assert!(text.contains("l'exigence attend"), "{text}");
        }
    }
}

#[test]
fn the_search_box_and_the_filters_hide_the_other_cards() {
    let seen = browse(
        "messagerie",
        "office",
        "catalogue-essai",
        "catalogue-filtered.png",
    );
    assert_eq!(ids(&seen["visibleAfter"]["search"]), ["colibri-messagerie"]);
    assert_eq!(
        ids(&seen["visibleAfter"]["category"]),
        ["plume-bureautique"]
    );
    assert_eq!(ids(&seen["visibleAfter"]["pack"]), ["ent-horizon"]);
}
