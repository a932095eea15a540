//! The check report of the shipped example speaks one language: in French, no word that
//! only the English catalogue has; in English, no word that only the French one has.
//!
//! The words of each language are read from the message files themselves
//! (`crates/clausier_i18n/locales/LANG/*.ftl`), so a message added in one language and
//! forgotten in the code's other path, or a sentence still written in code, shows up here.
//! What the pack and the offers write (field paths, identifiers, enum values, the
//! vendor's text quoted around a data problem) is not the report's words and is left out.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "the helpers run the binary; a test that cannot must fail loudly"
)]

mod support;

use std::collections::BTreeSet;

use support::{clausier, workspace_root};

/// The message files whose words a check report prints.
const REPORT_MESSAGES: &[&str] = &[
    "check-report",
    "diagnostics",
    "diagnostics-data",
    "diagnostics-files",
];

/// Words of three letters or more of the messages of `lang`: the text of each message,
/// without comments, ids, placeables, selectors or the code quoted in backticks.
fn catalogue_words(lang: &str) -> BTreeSet<String> {
    let folder = workspace_root()
        .join("crates/clausier_i18n/locales")
        .join(lang);
    let mut words = BTreeSet::new();
    for name in REPORT_MESSAGES {
        let text = std::fs::read_to_string(folder.join(format!("{name}.ftl"))).unwrap();
        for line in text.lines() {
            let line = line.trim_start();
            if line.starts_with('#') {
                continue;
            }
            let value = match line.split_once(" = ") {
                Some((id, value)) if !id.contains(' ') => value,
                _ => line,
            };
            // A variant's key (`[one]`, `*[other]`) is not a word people read.
            let value = match value.trim_start_matches('*').strip_prefix('[') {
                Some(keyed) => keyed.split_once(']').map_or("", |(_, rest)| rest),
                None => value,
            };
            words.extend(prose_words(&without_placeables(value)));
        }
    }
    words
}

fn without_placeables(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for character in text.chars() {
        match character {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(character),
            _ => out.push(' '),
        }
    }
    out
}

/// The words of running text: quotations in backticks, identifiers (with `.`, `_`, `-`,
/// digits or capitals only), file names and URLs left out; lower case.
fn prose_words(text: &str) -> BTreeSet<String> {
    let mut words = BTreeSet::new();
    for (index, part) in text.split('`').enumerate() {
        if index % 2 == 1 {
            continue;
        }
        for token in part.split_whitespace() {
            let token = token.trim_matches(|c: char| !c.is_alphanumeric());
            let is_identifier = token.contains(['.', '_', '-', '/', ':', '[', '@'])
                || token.chars().any(|c| c.is_ascii_digit())
                || token.chars().all(|c| !c.is_lowercase());
            if is_identifier {
                continue;
            }
            for word in token.split(['\'', '’']) {
                if word.chars().count() >= 3 && word.chars().all(char::is_alphabetic) {
                    words.insert(word.to_lowercase());
                }
            }
        }
    }
    words
}

/// The report's own lines: the vendor's file quoted around a data problem (the lines of
/// a snippet) is the vendor's text.
fn report_words(report: &str) -> BTreeSet<String> {
    let mut words = BTreeSet::new();
    for line in report.lines() {
        let quotes_the_file =
            line.trim_start()
                .split_once(['│', '┌', '·'])
                .is_some_and(|(before, _)| {
                    before
                        .trim()
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == '│')
                })
                && !line.trim_start().starts_with('=');
        if quotes_the_file {
            continue;
        }
        words.extend(prose_words(line));
    }
    words
}

fn check_report(lang: &str) -> String {
    let output = clausier(&[
        "check",
        "rules/edtech-fr",
        "examples/edtech-fr",
        "--date",
        "2026-11-28",
        "--explain",
        "--lang",
        lang,
        "--color",
        "never",
    ]);
    assert_eq!(output.status.code(), Some(1));
    format!(
        "{}\n{}",
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap()
    )
}

fn words_of_one_language_only(report_lang: &str, other_lang: &str) -> BTreeSet<String> {
    let report = check_report(report_lang);
    let own = catalogue_words(report_lang);
    let only_other: BTreeSet<String> = catalogue_words(other_lang)
        .difference(&own)
        .cloned()
        .collect();
    assert!(
        only_other.len() > 50,
        "too few words of {other_lang} to compare: {only_other:?}"
    );
    report_words(&report)
        .intersection(&only_other)
        .cloned()
        .collect()
}

#[test]
fn the_french_report_has_no_english_word() {
    let english = words_of_one_language_only("fr", "en");
    assert!(
        english.is_empty(),
        "English words in the French report: {english:?}"
    );
}

#[test]
fn the_english_report_has_no_french_word() {
    let french = words_of_one_language_only("en", "fr");
    assert!(
        french.is_empty(),
        "French words in the English report: {french:?}"
    );
}

#[test]
fn the_words_of_running_text_leave_identifiers_and_quotations_out() {
    let words = prose_words("hosting.region vaut `EU ou EEA` ADEQUATE, l'exigence attend 8,00 €");
    assert_eq!(
        words.into_iter().collect::<Vec<_>>(),
        ["attend", "exigence", "vaut"]
    );
}
