//! The Word document of `clausier render --format docx`, opened by programs that know
//! nothing of Clausier: python-docx reads it back with the same articles, clauses,
//! criteria and weights as the HTML page of the same tender, on A4 pages in French; and
//! LibreOffice, headless, converts it to PDF, as a buyer assembling a consultation file
//! would open it. The same for the analysis of offers and the letters of `clausier award
//! --format docx`: headings, the ranking table and the signature date read back, and every
//! document converted to PDF.
//!
//! `scripts/test` sets `CLAUSIER_TEST_PYTHON` (`scripts/python-env`, with python-docx) and
//! `CLAUSIER_TEST_SOFFICE` (`scripts/libreoffice`). Without them these tests fail and say
//! so.

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "the helpers run programs and read their output; a test that cannot must fail loudly"
)]

mod support;

use std::path::{Path, PathBuf};

use serde_json::Value;
use support::{checker, clausier, run};

const READER: &str = "crates/clausier_cli/tests/tender_read.py";
const TENDERS: [&str; 3] = [
    "rules/region-exemple",
    "tests/cli/packs/tender/region",
    "examples/lots-ent-ressources/pack",
];

const AWARD_READER: &str = "crates/clausier_cli/tests/award_read.py";

fn python() -> PathBuf {
    support::python("read the Word document back with python-docx")
}

fn soffice() -> PathBuf {
    checker(
        "CLAUSIER_TEST_SOFFICE",
        "scripts/libreoffice",
        "open the Word document with LibreOffice",
    )
}

/// Renders `pack` as `format` into `dir`, and returns the file.
fn rendered(dir: &Path, pack: &str, format: &str, name: &str) -> PathBuf {
    let file = dir.join(name);
    let output = clausier(&[
        "render",
        pack,
        "--draft",
        "--format",
        format,
        "--output",
        file.to_str().unwrap(),
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{pack}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    file
}

#[test]
fn python_docx_reads_the_articles_criteria_and_weights_of_the_html() {
    for pack in TENDERS {
        let dir = tempfile::tempdir().unwrap();
        let docx = rendered(dir.path(), pack, "docx", "tender.docx");
        let html = rendered(dir.path(), pack, "html", "tender.html");
        let read = run(
            &python(),
            &[READER, docx.to_str().unwrap(), html.to_str().unwrap()],
        );
        assert!(
            read.status.success(),
            "{pack}: the readers refused the document: {}",
            String::from_utf8_lossy(&read.stderr)
        );
        let read: Value = serde_json::from_slice(&read.stdout).unwrap();
        let (word, page) = (&read["docx"], &read["html"]);
        for part in [
            "title",
            "articles",
            "clauses",
            "criteria",
            "total",
            "evidence_rows",
        ] {
            assert_eq!(word[part], page[part], "{pack}: {part}");
        }
        assert!(
            word["articles"].as_array().unwrap().len() >= 3,
            "{pack}: {word}"
        );
        assert!(!word["criteria"].as_array().unwrap().is_empty(), "{pack}");
        assert_eq!(word["total"], "100", "{pack}");
        assert_eq!(word["page_mm"], serde_json::json!([210, 297]), "{pack}");
        assert_eq!(
            word["margins_mm"],
            serde_json::json!([20, 18, 20, 18]),
            "{pack}"
        );
        assert_eq!(word["language"], "fr-FR", "{pack}");
        assert_eq!(
            word["line_rule"], "auto",
            "{pack}: lines spaced in proportion to the text"
        );
    }
}

#[test]
fn the_tender_reads_the_same_in_word_as_on_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let pack = TENDERS[1];
    let docx = rendered(dir.path(), pack, "docx", "tender.docx");
    let html = rendered(dir.path(), pack, "html", "tender.html");
    let read = run(
        &python(),
        &[READER, docx.to_str().unwrap(), html.to_str().unwrap()],
    );
    let read: Value = serde_json::from_slice(&read.stdout).unwrap();
    let word = &read["docx"];
    assert_eq!(word["title"], "Ressources numériques éducatives 2027-2030");
    assert_eq!(
        word["criteria"],
        serde_json::json!([
            ["3.1", "PRIX", "Prix", "40"],
            ["3.2", "QUAL", "Qualité du service", "30"],
            ["3.3", "ENV", "Performance environnementale", "20"],
            ["3.4", "PREUVE", "Preuves d'efficacité", "10"]
        ])
    );
    let clauses: Vec<&str> = word["clauses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|clause| clause.as_str().unwrap())
        .collect();
    assert!(clauses.contains(&"2.1 VIOL-01 — Notification des violations"));
    assert!(clauses.contains(&"3.2.1 ACC-02 — Accessibilité renforcée"));
}

#[test]
fn libreoffice_opens_the_word_document_and_converts_it_to_pdf() {
    let dir = tempfile::tempdir().unwrap();
    for (index, pack) in TENDERS.iter().enumerate() {
        let docx = rendered(dir.path(), pack, "docx", &format!("tender-{index}.docx"));
        // LibreOffice needs a profile it can write: a new one, in the test's folder.
        let profile = format!(
            "-env:UserInstallation=file://{}/profile",
            dir.path().display()
        );
        let converted = run(
            &soffice(),
            &[
                &profile,
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                dir.path().to_str().unwrap(),
                docx.to_str().unwrap(),
            ],
        );
        assert!(
            converted.status.success(),
            "{pack}: {}",
            String::from_utf8_lossy(&converted.stderr)
        );
        let pdf =
            std::fs::read(dir.path().join(format!("tender-{index}.pdf"))).unwrap_or_else(|error| {
                panic!(
                    "{pack}: LibreOffice wrote no PDF ({error}): {}",
                    String::from_utf8_lossy(&converted.stdout)
                )
            });
        assert!(pdf.starts_with(b"%PDF-"), "{pack}");
        // A title page, the contents and at least one page of articles.
        let pages = page_count(&pdf);
        assert!(pages >= 3, "{pack}: {pages} pages");
    }
}

/// The page objects of a PDF: `/Type/Page`, not `/Type/Pages`.
fn page_count(pdf: &[u8]) -> usize {
    let marker: &[u8] = b"/Type/Page";
    pdf.windows(marker.len() + 1)
        .filter(|window| window.starts_with(marker) && window[marker.len()] != b's')
        .count()
}

#[test]
fn a_word_document_goes_to_a_file_or_a_pipe_never_to_a_terminal() {
    let piped = clausier(&["render", TENDERS[1], "--format", "docx"]);
    assert_eq!(piped.status.code(), Some(0));
    assert!(piped.stdout.starts_with(b"PK"), "a ZIP package");
    let again = clausier(&["render", TENDERS[1], "--format", "docx"]);
    assert!(
        again.stdout == piped.stdout,
        "the same tender gives the same bytes"
    );
    // Standard output a terminal: a pseudo-terminal opened by Python's pty module.
    let script = "import os, subprocess, sys\n\
                  master, slave = os.openpty()\n\
                  done = subprocess.run(sys.argv[1:], stdout=slave, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)\n\
                  os.close(slave)\n\
                  sys.stdout.write(str(done.returncode) + '\\n' + done.stderr.decode())\n";
    let terminal = run(
        &python(),
        &[
            "-c",
            script,
            env!("CARGO_BIN_EXE_clausier"),
            "render",
            TENDERS[1],
            "--format",
            "docx",
            "--color",
            "never",
        ],
    );
    let said = String::from_utf8_lossy(&terminal.stdout);
    assert!(said.starts_with("2\n"), "{said}");
    assert!(
        said.contains("un document Word ne s'écrit pas dans un terminal"),
        "{said}"
    );
    assert!(said.contains("--output cahier-des-charges.docx"), "{said}");
}

/// `clausier award` of the national example as Word documents into `dir`, in `lang`.
fn award_documents(dir: &Path, lang: &str) -> PathBuf {
    let out = dir.join(format!("attribution-{lang}"));
    let output = clausier(&[
        "award",
        "rules/edtech-fr",
        "examples/edtech-fr",
        "--date",
        "2026-11-28",
        "--notify-date",
        "2026-12-01",
        "--format",
        "docx",
        "--lang",
        lang,
        "--output-dir",
        out.to_str().unwrap(),
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    out
}

fn read_award(document: &Path) -> Value {
    let read = run(&python(), &[AWARD_READER, document.to_str().unwrap()]);
    assert!(
        read.status.success(),
        "python-docx refused {}: {}",
        document.display(),
        String::from_utf8_lossy(&read.stderr)
    );
    serde_json::from_slice(&read.stdout).unwrap()
}

#[test]
fn python_docx_reads_the_award_headings_ranking_and_signature_date() {
    let dir = tempfile::tempdir().unwrap();
    let out = award_documents(dir.path(), "fr");

    let report = read_award(&out.join("rapport-analyse-des-offres.docx"));
    assert_eq!(report["language"], "fr-FR");
    assert_eq!(report["page_mm"], serde_json::json!([210, 297]));
    let headings = report["headings"].as_array().unwrap();
    assert_eq!(
        headings.first().unwrap(),
        &serde_json::json!([1, "Rapport d'analyse des offres"])
    );
    for heading in [
        "Offres reçues",
        "Régularité des offres",
        "Notation des offres régulières",
        "Classement",
        "Proposition",
    ] {
        assert!(
            headings.contains(&serde_json::json!([2, heading])),
            "{heading}: {headings:?}"
        );
    }
    let ranking = report["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|table| table[0] == serde_json::json!(["Rang", "Soumissionnaire", "Points"]))
        .unwrap_or_else(|| panic!("no ranking table: {}", report["tables"]));
    assert_eq!(
        ranking.as_array().unwrap()[1..],
        serde_json::json!([
            ["1", "vendor-petits-malins", "84"],
            ["2", "vendor-atelier-des-nombres", "83,67"],
            ["2", "vendor-boussole-lecture", "83,67"],
            ["4", "vendor-cartable-leger", "72,56"],
            ["5", "vendor-plume-savante", "59,58"],
            ["6", "vendor-grain-de-sel", "44,04"]
        ])
        .as_array()
        .unwrap()[..]
    );

    let letter = read_award(&out.join("lettre-vendor-cartable-leger.docx"));
    assert!(
        letter["headings"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!([2, "Signature du marché"])),
        "{}",
        letter["headings"]
    );
    let paragraphs = letter["paragraphs"].to_string();
    assert!(
        paragraphs.contains("ne pourra pas être signé avant le 12 décembre 2026, soit 11 jours"),
        "{paragraphs}"
    );
    assert!(
        paragraphs.contains("se classe au rang 4 sur 6"),
        "{paragraphs}"
    );

    let english =
        read_award(&award_documents(dir.path(), "en").join("rapport-analyse-des-offres.docx"));
    assert_eq!(english["language"], "en-GB");
}

#[test]
fn libreoffice_converts_the_award_documents_to_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let out = award_documents(dir.path(), "fr");
    let pdf_dir = dir.path().join("pdf");
    let mut documents: Vec<PathBuf> = std::fs::read_dir(&out)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    documents.sort();
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    );
    let mut args = vec![
        profile.as_str(),
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        pdf_dir.to_str().unwrap(),
    ];
    args.extend(documents.iter().map(|document| document.to_str().unwrap()));
    let converted = run(&soffice(), &args);
    assert!(
        converted.status.success(),
        "{}",
        String::from_utf8_lossy(&converted.stderr)
    );
    for document in &documents {
        let name = document.with_extension("pdf");
        let name = name.file_name().unwrap();
        let pdf = std::fs::read(pdf_dir.join(name)).unwrap_or_else(|error| {
            panic!(
                "LibreOffice wrote no PDF of {} ({error}): {}",
                document.display(),
                String::from_utf8_lossy(&converted.stdout)
            )
        });
        assert!(pdf.starts_with(b"%PDF-"), "{}", document.display());
        assert!(page_count(&pdf) >= 1, "{}", document.display());
    }
}
