//! The dashboard of `clausier diagnose --format html`, opened in headless Chromium
//! (driven by playwright-core, `tests/validators/diagnose-check.mjs`): the page fetches
//! nothing and raises no error, fits a 1280 px window, and each chart it draws is an SVG
//! image with an accessible name, drawn at a size, with its bars and labels. The charts
//! of the example inventory are checked in `diagnose.rs`.
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

use serde_json::Value;
use support::browse_dashboard;

#[test]
fn the_dashboard_is_self_contained_fits_the_window_and_its_charts_are_drawn() {
    let seen = browse_dashboard(
        "rules/autodiagnostic",
        "examples/autodiagnostic",
        &[
            "--date",
            "2026-12-01",
            "--catalogue",
            "examples/catalogue",
            "--against",
            "rules/catalogue-reversibilite",
        ],
        "diagnose.png",
    );
    for key in ["requests", "consoleErrors", "pageErrors"] {
        assert_eq!(seen[key], Value::Array(vec![]), "{key}");
    }
    let width = seen["layout"]["scrollWidth"].as_u64().unwrap();
    assert!(width <= 1280, "the page is {width} px wide");
    for chart in seen["charts"].as_array().unwrap() {
        assert_eq!(chart["role"], "img", "{chart}");
        assert!(!chart["label"].as_str().unwrap().is_empty(), "{chart}");
        assert!(chart["width"].as_u64().unwrap() > 300, "{chart}");
        assert!(chart["height"].as_u64().unwrap() > 40, "{chart}");
        assert!(chart["bars"].as_u64().unwrap() > 0, "{chart}");
        assert!(!chart["texts"].as_array().unwrap().is_empty(), "{chart}");
    }
}
