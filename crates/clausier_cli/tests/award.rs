//! `clausier award`: the analysis of offers and the letters written for the shipped
//! examples, a tie, a lot without a regular offer, the standstill dates and the errors.

#![expect(
    clippy::unwrap_used,
    reason = "the helpers run the binary; a test that cannot must fail loudly"
)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn clausier(args: &[&str]) -> Output {
    clausier_in(&workspace_root(), args)
}

fn clausier_in(folder: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clausier"))
        .args(args)
        .current_dir(folder)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

/// Runs the award into a fresh folder and gives every file written, by name.
fn award(args: &[&str]) -> (Output, Vec<(String, String)>) {
    award_in(&workspace_root(), args)
}

fn award_in(from: &Path, args: &[&str]) -> (Output, Vec<(String, String)>) {
    let (output, files) = award_bytes(from, args);
    let files = files
        .into_iter()
        .map(|(name, bytes)| (name, String::from_utf8(bytes).unwrap()))
        .collect();
    (output, files)
}

/// Runs the award into a fresh folder and gives the bytes of every file written, by name.
fn award_bytes(from: &Path, args: &[&str]) -> (Output, Vec<(String, Vec<u8>)>) {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("attribution");
    let mut all: Vec<&str> = vec!["award"];
    all.extend(args);
    all.extend(["--output-dir", out.to_str().unwrap()]);
    let output = clausier_in(from, &all);
    let mut files = Vec::new();
    if out.is_dir() {
        for entry in fs::read_dir(&out).unwrap() {
            let entry = entry.unwrap();
            files.push((
                entry.file_name().to_string_lossy().into_owned(),
                fs::read(entry.path()).unwrap(),
            ));
        }
    }
    files.sort();
    (output, files)
}

fn all_files(files: &[(String, String)]) -> String {
    files
        .iter()
        .map(|(name, text)| format!("===== {name}\n{text}"))
        .collect()
}

fn file<'a>(files: &'a [(String, String)], name: &str) -> &'a str {
    &files.iter().find(|(n, _)| n == name).unwrap().1
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn edtech_fr_report_and_letters() {
    let (output, files) = award(&EDTECH_FR);
    assert!(output.status.success(), "{}", stderr(&output));
    insta::assert_snapshot!(all_files(&files));
}

const EDTECH_FR: [&str; 6] = [
    "rules/edtech-fr",
    "examples/edtech-fr",
    "--date",
    "2026-11-28",
    "--notify-date",
    "2026-12-01",
];

/// Every file of an award in `format` is named as its Markdown version, with the
/// extension of the format.
fn assert_named_as_markdown(files: &[(String, impl Sized)], extension: &str) {
    let (_, markdown) = award(&EDTECH_FR);
    let expected: Vec<String> = markdown
        .iter()
        .map(|(name, _)| name.replace(".md", &format!(".{extension}")))
        .collect();
    let names: Vec<&String> = files.iter().map(|(name, _)| name).collect();
    assert_eq!(names, expected.iter().collect::<Vec<_>>());
}

#[test]
fn edtech_fr_as_html_pages() {
    let mut args = EDTECH_FR.to_vec();
    args.extend(["--format", "html"]);
    let (output, files) = award(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_named_as_markdown(&files, "html");
    for (name, page) in &files {
        assert!(
            page.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"),
            "{name}"
        );
        // Self-contained: nothing is fetched, no script runs.
        for outside in ["http://", "https://", "<script", "<link", "<img", "url("] {
            assert!(!page.contains(outside), "{name} holds `{outside}`");
        }
    }
    insta::assert_snapshot!(
        "edtech_fr_html_report",
        file(&files, "rapport-analyse-des-offres.html")
    );
    insta::assert_snapshot!(
        "edtech_fr_html_letter",
        file(&files, "lettre-vendor-clef-des-champs.html")
    );
}

#[test]
fn edtech_fr_as_html_pages_in_english() {
    let mut args = EDTECH_FR.to_vec();
    args.extend(["--format", "html", "--lang", "en"]);
    let (output, files) = award(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    let letter = file(&files, "lettre-vendor-atelier-des-nombres.html");
    assert!(letter.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    insta::assert_snapshot!("edtech_fr_html_letter_in_english", letter);
}

#[test]
fn edtech_fr_as_word_documents_the_same_bytes_each_run() {
    let mut args = EDTECH_FR.to_vec();
    args.extend(["--format", "docx"]);
    let (output, files) = award_bytes(&workspace_root(), &args);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_named_as_markdown(&files, "docx");
    for (name, bytes) in &files {
        assert!(bytes.starts_with(b"PK"), "{name}: a ZIP package");
    }
    let (_, again) = award_bytes(&workspace_root(), &args);
    assert!(again == files, "the same inputs give the same bytes");
}

#[test]
fn lots_report_and_letters() {
    let (output, files) = award(&[
        "examples/lots-ent-ressources/pack",
        "examples/lots-ent-ressources/offres",
        "--date",
        "2026-11-28",
        "--notify-date",
        "2027-04-02",
        "--notified-by",
        "post",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    insta::assert_snapshot!(all_files(&files));
}

/// A small pack with one specification and one criterion, and offers given as text.
fn small_pack(folder: &Path, offers: &[(&str, &str)]) {
    fs::create_dir_all(folder.join("pack")).unwrap();
    fs::create_dir_all(folder.join(".git")).unwrap();
    fs::write(
        folder.join("pack/pack.toml"),
        "[pack]\nname = \"petit\"\nversion = \"1.0.0\"\n\n[document]\nbuyer = \"Commune exemple\"\nobject = \"Logiciel de cantine\"\n",
    )
    .unwrap();
    fs::write(
        folder.join("pack/petit.clause"),
        "descriptor {\n  id: string\n  price: money\n}\n\nrequirement PRIX \"Prix plafond\" {\n  level must\n  text \"Le prix est d'au plus 10 €.\"\n  require price <= 10 €\n}\n\ncriterion COUT \"Coût\" weight 100 {\n  text \"Le moins cher l'emporte.\"\n  score 1 - price / 10 €\n}\n",
    )
    .unwrap();
    fs::create_dir_all(folder.join("offres")).unwrap();
    for (name, text) in offers {
        fs::write(folder.join("offres").join(name), text).unwrap();
    }
}

fn award_small(offers: &[(&str, &str)], extra: &[&str]) -> (Output, Vec<(String, String)>) {
    let folder = tempfile::tempdir().unwrap();
    small_pack(folder.path(), offers);
    // Relative paths and a fixed evaluation date: the documents name both.
    let mut args = vec!["pack", "offres", "--date", "2026-11-28"];
    args.extend(extra);
    award_in(folder.path(), &args)
}

#[test]
fn a_tie_at_the_first_rank_proposes_no_winner_and_writes_no_letter_for_the_tied() {
    let (output, files) = award_small(
        &[
            ("a.json", r#"{"id": "alpha", "price": 5}"#),
            ("b.json", r#"{"id": "beta", "price": 5}"#),
            ("c.json", r#"{"id": "gamma", "price": 12}"#),
        ],
        &["--notify-date", "2026-12-01"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("pas de lettre pour `alpha`"),
        "{}",
        stderr(&output)
    );
    assert!(
        stderr(&output).contains("pas de lettre pour `beta`"),
        "{}",
        stderr(&output)
    );
    insta::assert_snapshot!(all_files(&files));
}

#[test]
fn no_regular_offer_makes_the_procedure_unsuccessful() {
    let (output, files) = award_small(
        &[
            ("a.json", r#"{"id": "alpha", "price": 15}"#),
            ("b.json", r#"{"id": "beta"}"#),
        ],
        &["--notify-date", "2026-12-01"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    insta::assert_snapshot!(all_files(&files));
}

#[test]
fn the_signature_date_is_eleven_days_electronically_and_sixteen_by_post() {
    let offers = [
        ("a.json", r#"{"id": "alpha", "price": 5}"#),
        ("b.json", r#"{"id": "beta", "price": 8}"#),
    ];
    let (_, electronic) = award_small(&offers, &["--notify-date", "2026-12-25"]);
    assert!(
        file(&electronic, "lettre-beta.md")
            .contains("pas être signé avant le 5 janvier 2027, soit 11 jours"),
        "{}",
        file(&electronic, "lettre-beta.md")
    );
    let (_, post) = award_small(
        &offers,
        &["--notify-date", "2027-01-20", "--notified-by", "post"],
    );
    assert!(
        file(&post, "lettre-beta.md")
            .contains("pas être signé avant le 5 février 2027, soit 16 jours"),
        "{}",
        file(&post, "lettre-beta.md")
    );
}

#[test]
fn reruns_give_the_same_bytes_and_existing_files_need_force() {
    let folder = tempfile::tempdir().unwrap();
    small_pack(
        folder.path(),
        &[
            ("a.json", r#"{"id": "alpha", "price": 5}"#),
            ("b.json", r#"{"id": "beta", "price": 8}"#),
        ],
    );
    let out = folder.path().join("out");
    let args = |force: bool| {
        let mut args = vec![
            "award".to_owned(),
            folder.path().join("pack").to_string_lossy().into_owned(),
            folder.path().join("offres").to_string_lossy().into_owned(),
            "--notify-date".to_owned(),
            "2026-12-01".to_owned(),
            "--output-dir".to_owned(),
            out.to_string_lossy().into_owned(),
        ];
        if force {
            args.push("--force".to_owned());
        }
        args
    };
    let run = |force: bool| {
        let args = args(force);
        clausier(&args.iter().map(String::as_str).collect::<Vec<_>>())
    };
    assert!(run(false).status.success());
    let first = fs::read(out.join("lettre-beta.md")).unwrap();
    let again = run(false);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again).contains("contient déjà"),
        "{}",
        stderr(&again)
    );
    assert!(stderr(&again).contains("--force"), "{}", stderr(&again));
    assert!(run(true).status.success());
    assert_eq!(fs::read(out.join("lettre-beta.md")).unwrap(), first);
}

#[test]
fn bad_inputs_are_refused_with_a_clear_error() {
    let (output, _) = award(&[
        "rules/edtech-fr",
        "examples/edtech-fr",
        "--notify-date",
        "01/12/2026",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("is not a date"),
        "{}",
        stderr(&output)
    );

    let (output, _) = award(&["rules/edtech-fr", "examples/edtech-fr"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("--notify-date"),
        "{}",
        stderr(&output)
    );

    let empty = tempfile::tempdir().unwrap();
    let (output, files) = award(&[
        "rules/edtech-fr",
        empty.path().to_str().unwrap(),
        "--notify-date",
        "2026-12-01",
        "--lang",
        "en",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no descriptor"),
        "{}",
        stderr(&output)
    );
    assert!(files.is_empty());

    let folder = tempfile::tempdir().unwrap();
    let blocker = folder.path().join("a-file");
    fs::write(&blocker, "").unwrap();
    let output = clausier(&[
        "award",
        "rules/edtech-fr",
        "examples/edtech-fr",
        "--notify-date",
        "2026-12-01",
        "--output-dir",
        blocker.join("sub").to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("impossible d'écrire dans"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn help_names_the_three_formats_and_teaches_with_examples() {
    let output = clausier(&["award", "--help"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("Examples:"), "{text}");
    insta::assert_snapshot!("help_award", text);
}
