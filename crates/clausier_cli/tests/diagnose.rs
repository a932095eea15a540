//! `clausier diagnose rules/autodiagnostic examples/autodiagnostic` end to end: the
//! terminal gives the fourteen category totals of the document « TIE Break »
//! (Banque des Territoires, January 2026), its 11 630 000 € total and its split between
//! suppliers under EU law (5 600 000 €) and the others (6 030 000 €); the dashboard
//! draws them as charts in headless Chromium (with the feature `external-validators`,
//! as `diagnose_html.rs`).

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "the helpers run programs and read their output; a test that cannot must fail loudly"
)]

mod support;

use support::clausier;

/// The categories of the document, with the spend of its example authority.
const CATEGORIES: [(&str, &str); 14] = [
    ("Applications métiers", "3 820 000 €"),
    ("Serveurs", "2 100 000 €"),
    ("Postes de travail", "2 100 000 €"),
    ("Smartphones – Tablettes", "72 000 €"),
    ("Périphériques", "57 000 €"),
    ("Stockage", "350 000 €"),
    ("Réseaux", "840 000 €"),
    ("Systèmes d'exploitation", "166 000 €"),
    ("Sécurité des données", "142 000 €"),
    ("Protection des terminaux", "81 000 €"),
    ("Gestion des postes de travail", "20 000 €"),
    ("Bureautique", "1 828 000 €"),
    ("Applications techniques", "20 000 €"),
    ("Visio", "34 000 €"),
];

/// Whether a line of `text` gives `label` then `amount`, as the terminal's tables do.
fn has_figure(text: &str, label: &str, amount: &str) -> bool {
    text.lines().any(|line| {
        line.trim_start()
            .strip_prefix(label)
            .is_some_and(|rest| rest.starts_with(' ') && rest.trim_start().starts_with(amount))
    })
}

#[test]
#[ignore = "needs the indicators of rules/autodiagnostic"]
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
    for (label, amount) in CATEGORIES {
        assert!(
            has_figure(&text, label, amount),
            "{label} {amount}:\n{text}"
        );
    }
    assert!(text.contains(" 11 630 000 €"), "{text}");
    assert!(has_figure(&text, "UE", "5 600 000 €"), "{text}");
    assert!(has_figure(&text, "Hors UE", "6 030 000 €"), "{text}");
}

#[cfg(feature = "external-validators")]
#[test]
#[ignore = "needs the indicators of rules/autodiagnostic"]
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
    for (label, amount) in CATEGORIES {
        let drawn = texts(by_category);
        assert!(drawn.iter().any(|text| text == label), "{label}: {drawn:?}");
        assert!(
            drawn.iter().any(|text| text.starts_with(amount)),
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
