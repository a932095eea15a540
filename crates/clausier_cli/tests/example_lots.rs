//! The shipped example of a contract divided into lots (`examples/lots-ent-ressources`):
//! its check report in every format, its tender in French and English, and the price of
//! the ENT lot's winner compared with the ENT offers only.

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "the helpers run the binary; a test that cannot must fail loudly"
)]

mod support;

use std::process::Output;

use support::{clausier, workspace_root};

const PACK: &str = "examples/lots-ent-ressources/pack";
const OFFERS: &str = "examples/lots-ent-ressources/offres";

fn check(format: &str) -> Output {
    let output = clausier(&[
        "check",
        PACK,
        OFFERS,
        "--date",
        "2026-11-28",
        "--format",
        format,
    ]);
    // One offer is incomplete: the run is not all eligible.
    assert_eq!(
        output.status.code(),
        Some(1),
        "{format}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// The text with the pack's content hash and Clausier's version left out, so that a
/// snapshot changes only with what the run says of the offers.
fn stable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("sha256:") {
        out.push_str(&rest[..at + "sha256:".len()]);
        out.push('…');
        rest = rest[at + "sha256:".len()..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out.push_str(rest);
    out.replace(env!("CARGO_PKG_VERSION"), "VERSION")
}

#[test]
fn the_check_report_ranks_each_lot_in_every_text_format() {
    for format in [
        "human", "json", "ndjson", "markdown", "csv", "html", "sarif", "junit",
    ] {
        let output = check(format);
        let text = String::from_utf8(output.stdout).unwrap();
        insta::assert_snapshot!(format!("check_{format}"), stable(&text));
    }
}

#[test]
fn the_workbook_has_a_ranking_sheet_per_lot() {
    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
    let output = check("xlsx");
    let mut workbook: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(output.stdout)).unwrap();
    let mut out = String::new();
    for name in workbook.sheet_names() {
        out.push_str(&format!("== {name}\n"));
        for row in workbook.worksheet_range(&name).unwrap().rows() {
            let cells: Vec<String> = row
                .iter()
                .map(|cell| match cell {
                    Data::Float(number) => format!("{number}"),
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect();
            out.push_str(&cells.join(" | "));
            out.push('\n');
        }
    }
    insta::assert_snapshot!("check_xlsx", stable(&out));
}

#[test]
fn the_ent_winners_price_is_compared_with_the_ent_offers_only() {
    let output = check("json");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let entries = report["descriptors"].as_array().unwrap();
    let entry = |id: &str, lot: &str| {
        entries
            .iter()
            .find(|entry| entry["id"] == id && entry["lot"] == lot)
            .unwrap_or_else(|| panic!("no entry for {id} on lot {lot}"))
    };
    let points = |entry: &serde_json::Value, clause: &str| {
        entry["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|result| result["clause"] == clause)
            .map(|result| result["points"].as_f64().unwrap())
            .unwrap()
    };
    let winner = entry("horizon-ent", "1");
    assert_eq!(winner["rank"], 1);
    // A resources offer is cheaper (9,500 € against 48,000 €), but it bids on lot 2:
    // the ENT winner has the lowest price of its lot and every point of PRIX.
    let cheaper = entry("lectures-vives", "2");
    assert_eq!(cheaper["status"], "eligible");
    assert_eq!(points(winner, "PRIX"), 40.0);
    assert_eq!(points(cheaper, "PRIX"), 40.0);
    // The offer on both lots is compared on each with that lot's offers only.
    assert_eq!(points(entry("atelier-mixte", "1"), "PRIX"), 32.0);
    assert_eq!(points(entry("atelier-mixte", "2"), "PRIX"), 6.33);
}

#[test]
fn the_pack_validates_without_a_warning() {
    let output = clausier(&["validate", PACK]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stdout), "");
    // The summary alone: no warning, W0506 and W0513 included (the environmental
    // criterion and execution condition apply to both lots).
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "jeu de clauses `lots-ent-ressources` 1.0.0 : aucune erreur\n"
    );
}

#[test]
fn the_tender_has_a_part_per_lot_in_french_and_english() {
    for lang in ["fr", "en"] {
        let output = clausier(&["render", PACK, "--lang", lang]);
        assert_eq!(output.status.code(), Some(0), "{lang}");
        let text = String::from_utf8(output.stdout).unwrap();
        insta::assert_snapshot!(format!("render_{lang}"), stable(&text));
    }
}

#[test]
fn the_html_and_word_tenders_open_each_lot_with_its_heading() {
    let output = clausier(&["render", PACK, "--format", "html"]);
    assert_eq!(output.status.code(), Some(0));
    let html = String::from_utf8(output.stdout).unwrap();
    for (anchor, heading) in [
        ("lot-1", "Lot 1 — Espace numérique de travail (ENT)"),
        ("lot-2", "Lot 2 — Ressources numériques pédagogiques"),
    ] {
        assert!(
            html.contains(&format!("<h2 class=\"lot\" id=\"{anchor}\">{heading}</h2>")),
            "{html}"
        );
        assert!(html.contains(&format!("<a href=\"#{anchor}\">{heading}</a>")));
    }
    // Each lot's articles have anchors of their own: no id is given twice.
    let mut ids: Vec<&str> = html
        .split(" id=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect();
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count, "{ids:?}");
    assert!(ids.contains(&"lot-1-criteria") && ids.contains(&"lot-2-criteria"));

    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("cahier.docx");
    let output = clausier(&[
        "render",
        PACK,
        "--format",
        "docx",
        "--output",
        path.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0));
    let docx = std::fs::read(&path).unwrap();
    // docx-rs stores the parts uncompressed: their XML is in the bytes as it is (an
    // apostrophe written `&apos;`).
    let text = String::from_utf8_lossy(&docx);
    for heading in [
        "Lot 1 — Espace numérique de travail (ENT)",
        "Lot 2 — Ressources numériques pédagogiques",
        "Les articles suivants s&apos;appliquent au seul lot 2",
    ] {
        assert!(
            text.contains(heading),
            "no « {heading} » in the Word document"
        );
    }
}

#[test]
fn the_readme_gives_each_entry_as_the_run_does() {
    let output = check("json");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let readme =
        std::fs::read_to_string(workspace_root().join("examples/lots-ent-ressources/README.md"))
            .unwrap();
    let entries = report["descriptors"].as_array().unwrap();
    assert_eq!(entries.len(), 6);
    for entry in entries {
        let score = entry["score"]
            .as_f64()
            .map_or_else(|| "-".to_owned(), |score| format!("{score:.2}"));
        let rank = entry["rank"]
            .as_u64()
            .map_or_else(|| "-".to_owned(), |rank| rank.to_string());
        let row = format!(
            "| `{}` | {} | {} | {score} | {rank} |",
            entry["id"].as_str().unwrap(),
            entry["lot"].as_str().unwrap(),
            entry["status"].as_str().unwrap(),
        );
        // Once in the French table, once in the English one.
        assert_eq!(readme.matches(&row).count(), 2, "{row}");
    }
}
