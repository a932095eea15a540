//! `clausier diagnose rules/autodiagnostic examples/autodiagnostic` end to end: the
//! terminal gives the fourteen category totals of the document « TIE Break »
//! (Banque des Territoires, January 2026), its 11 630 000 € total and its split between
//! suppliers under EU law (5 600 000 €) and the others (6 030 000 €), as
//! `docs/diagnose.md` gives them; the dashboard draws them as charts in headless
//! Chromium (with the feature `external-validators`, as `diagnose_html.rs`).

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "the helpers run programs and read their output; a test that cannot must fail loudly"
)]

mod support;

use support::clausier;

/// The figures `docs/diagnose.md` gives for the example inventory: the rows (label,
/// amount) of the tables under « Les chiffres de l'exemple », the total included.
fn documented_figures() -> Vec<(String, String)> {
    let page = std::fs::read_to_string(support::workspace_root().join("docs/diagnose.md")).unwrap();
    let section = page
        .split("### Les chiffres de l'exemple")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .unwrap();
    let figures: Vec<(String, String)> = section
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line
                .strip_prefix('|')?
                .strip_suffix('|')?
                .split('|')
                .map(str::trim)
                .collect();
            match cells.as_slice() {
                [label, amount] if amount.ends_with('€') => {
                    Some(((*label).to_owned(), (*amount).to_owned()))
                }
                _ => None,
            }
        })
        .collect();
    // Fourteen categories and their total, then the EU and non-EU spend.
    assert_eq!(figures.len(), 17, "{figures:?}");
    figures
}

/// Whether a line of `text` gives `label` then `amount`, as the terminal's tables do.
fn has_figure(text: &str, label: &str, amount: &str) -> bool {
    text.lines().any(|line| {
        line.trim_start().strip_prefix(label).is_some_and(|rest| {
            rest.starts_with(' ')
                && rest
                    .trim_start()
                    .trim_start_matches(':')
                    .trim_start()
                    .starts_with(amount)
        })
    })
}

#[test]
fn the_terminal_gives_the_figures_of_the_document() {
    let output = clausier(&[
        "diagnose",
        "rules/autodiagnostic",
        "examples/autodiagnostic",
        "--date",
        "2026-12-01",
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).unwrap();
    for (label, amount) in documented_figures() {
        assert!(
            has_figure(&text, &label, &amount),
            "{label} {amount}:\n{text}"
        );
    }
}

#[cfg(feature = "external-validators")]
#[test]
fn the_dashboard_draws_the_figures_of_the_document_as_charts() {
    let seen = support::browse_dashboard(
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
        "diagnose-example.png",
    );
    for key in ["requests", "consoleErrors", "pageErrors"] {
        assert_eq!(seen[key], serde_json::Value::Array(vec![]), "{key}");
    }
    let width = seen["layout"]["scrollWidth"].as_u64().unwrap();
    assert!(width <= 1280, "the page is {width} px wide");
    let charts = seen["charts"].as_array().unwrap();
    let texts = |chart: &serde_json::Value| -> Vec<String> {
        chart["texts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|text| text.as_str().unwrap().to_owned())
            .collect()
    };
    let by_category = charts
        .iter()
        .find(|chart| {
            texts(chart)
                .iter()
                .any(|text| text == "Applications métiers")
        })
        .unwrap_or_else(|| panic!("no chart of the categories: {charts:?}"));
    assert!(by_category["bars"].as_u64().unwrap() >= 14, "{by_category}");
    // The fourteen categories, then the total, which no bar draws.
    for (label, amount) in documented_figures().iter().take(14) {
        let drawn = texts(by_category);
        assert!(drawn.iter().any(|text| text == label), "{label}: {drawn:?}");
        assert!(
            drawn.iter().any(|text| text.starts_with(amount.as_str())),
            "{amount}: {drawn:?}"
        );
    }
    let split = charts
        .iter()
        .find(|chart| texts(chart).iter().any(|text| text == "Hors UE"))
        .unwrap_or_else(|| panic!("no chart of the EU split: {charts:?}"));
    let drawn = texts(split);
    assert!(
        drawn.iter().any(|text| text.starts_with("5 600 000 €")),
        "{drawn:?}"
    );
    assert!(
        drawn.iter().any(|text| text.starts_with("6 030 000 €")),
        "{drawn:?}"
    );
    // The priorities are ranked, first the first.
    let priorities = seen["priorities"].as_array().unwrap();
    assert_eq!(priorities.first().unwrap()["rank"], 1, "{priorities:?}");
}
