//! A contract divided into lots, end to end: each report format of `check` says which
//! lot each entry is about, with scores and ranks per lot.

#![expect(
    clippy::unwrap_used,
    reason = "the helpers run the binary; a test that cannot must fail loudly"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const CASE: &str = "tests/conformance/scoring-lots";

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn check(format: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clausier"))
        .args([
            "check",
            &format!("{CASE}/pack"),
            &format!("{CASE}/descriptors"),
            "--date",
            "2026-11-28",
            "--format",
            format,
        ])
        .current_dir(workspace_root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

#[test]
fn markdown_ranks_the_offers_of_each_lot_in_its_own_table() {
    let output = check("markdown");
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    let hash = text.find("(`sha256:").unwrap();
    let end = text[hash..].find(')').unwrap() + hash;
    insta::assert_snapshot!(format!("{}(`sha256:…`{}", &text[..hash], &text[end..]));
}

#[test]
fn csv_gives_the_lot_of_each_row_with_its_score_and_rank_in_the_lot() {
    let output = check("csv");
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(String::from_utf8_lossy(&output.stdout));
}

#[test]
fn sarif_names_the_lot_of_a_failing_entry() {
    let output = check("sarif");
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("non satisfaite par hors-ue-e (lot 2)"),
        "{text}"
    );
}

#[test]
fn html_and_junit_name_the_lot_of_an_offer_on_two_lots() {
    for format in ["html", "junit"] {
        let output = check(format);
        assert_eq!(output.status.code(), Some(1), "{format}");
        let text = String::from_utf8_lossy(&output.stdout);
        // `mixte-d` bids for both lots: each of its entries says which.
        for lot in ["1", "2"] {
            assert!(
                text.contains(&format!("mixte-d (lot {lot})")),
                "{format} does not name `mixte-d (lot {lot})`:\n{text}"
            );
        }
    }
}

/// Each entry's id, lot and rank.
fn ranks(json: &[u8]) -> Vec<(String, String, String)> {
    let json: serde_json::Value = serde_json::from_slice(json).unwrap();
    json["descriptors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| {
            (
                entry["id"].as_str().unwrap().to_owned(),
                entry["lot"].as_str().unwrap_or("").to_owned(),
                entry["rank"].to_string(),
            )
        })
        .collect()
}

#[test]
fn ndjson_input_is_checked_per_lot_as_the_other_inputs() {
    let folder = tempfile::tempdir().unwrap();
    let root = workspace_root();
    let mut lines = String::new();
    let mut names: Vec<_> = std::fs::read_dir(root.join(CASE).join("descriptors"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    names.sort();
    for path in names {
        lines.push_str(std::fs::read_to_string(path).unwrap().trim());
        lines.push('\n');
    }
    let input = folder.path().join("offres.ndjson");
    std::fs::write(&input, lines).unwrap();
    let streamed = Command::new(env!("CARGO_BIN_EXE_clausier"))
        .args(["check", &format!("{CASE}/pack")])
        .arg(&input)
        .args(["--date", "2026-11-28", "--format", "json"])
        .current_dir(&root)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let expected = ranks(&check("json").stdout);
    assert!(
        expected.contains(&("ent-a".to_owned(), "1".to_owned(), "1".to_owned())),
        "{expected:?}"
    );
    assert_eq!(ranks(&streamed.stdout), expected);
}

#[test]
fn html_ranks_the_offers_of_each_lot_in_its_own_table_with_its_counts() {
    let output = check("html");
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    let start = text.find("<section id=\"ranking\">").unwrap();
    let end = text.find("<section id=\"offers\">").unwrap();
    insta::assert_snapshot!(&text[start..end]);
}

#[test]
fn xlsx_has_a_ranking_sheet_per_lot_and_each_lots_counts() {
    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
    let output = check("xlsx");
    assert_eq!(output.status.code(), Some(1));
    let mut workbook: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(output.stdout)).unwrap();
    let mut out = String::new();
    for name in workbook.sheet_names() {
        out.push_str(&format!("== {name}\n"));
        if !(name.starts_with("Lot ") || name == "Synthèse") {
            continue;
        }
        for row in workbook.worksheet_range(&name).unwrap().rows() {
            let cells: Vec<String> = row
                .iter()
                .map(|cell| match cell {
                    Data::Float(number) => format!("{number}"),
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect();
            if cells[0] != "Empreinte du pack" && cells[0] != "Version de Clausier" {
                out.push_str(&cells.join(" | "));
                out.push('\n');
            }
        }
    }
    insta::assert_snapshot!(out);
}

#[test]
fn ndjson_summary_line_counts_the_offers_of_each_lot() {
    let output = check("ndjson");
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    let last: serde_json::Value = serde_json::from_str(text.lines().last().unwrap()).unwrap();
    insta::assert_snapshot!(
        serde_json::to_string_pretty(&serde_json::json!({
            "summary": last["summary"],
            "lots": last["lots"],
        }))
        .unwrap()
    );
}
