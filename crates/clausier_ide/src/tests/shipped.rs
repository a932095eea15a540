//! The features over a real pack: `rules/edtech-fr`.

use clausier_diagnostics::Lang;
use std::path::Path;

use insta::assert_snapshot;

use crate::{Analysis, FileId};

fn edtech_fr() -> (Analysis, Vec<String>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules/edtech-fr");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "clause"))
        .collect();
    paths.sort();
    let names = paths
        .iter()
        .map(|p| {
            p.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .collect();
    let files = paths
        .iter()
        .enumerate()
        .map(|(i, p)| {
            (
                FileId(i as u32),
                std::fs::read_to_string(p).unwrap_or_default(),
            )
        })
        .collect();
    (Analysis::new("edtech-fr", files), names)
}

#[test]
fn the_shipped_pack_has_no_errors_and_answers_queries() {
    let (analysis, names) = edtech_fr();
    assert!(names.len() > 5, "{names:?}");
    let mut errors = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let file = FileId(i as u32);
        for d in analysis.diagnostics(file) {
            if d.is_error() {
                errors.push(format!("{name}: {}", d.message.text(Lang::En)));
            }
        }
        assert!(!analysis.document_symbols(file).is_empty(), "{name}");
    }
    assert_snapshot!(errors.join("\n"), @"");
    let Some(index) = names.iter().position(|n| n == "hebergement.clause") else {
        return;
    };
    let file = FileId(index as u32);
    let text = analysis.file_text(file).unwrap_or("");
    let at = text.find("hosting.region").unwrap_or(0) as u32 + 9;
    let hover = analysis
        .hover(file, at, Lang::En)
        .map(|h| h.markdown)
        .unwrap_or_default();
    assert!(
        hover.starts_with("```clausier\nregion: Region\n```"),
        "{hover}"
    );
    let references = analysis.references(file, at, true).unwrap_or_default();
    assert!(references.iter().any(|r| r.is_definition), "{references:?}");
    assert!(references.len() >= 2, "{references:?}");
}

#[test]
fn the_shipped_pack_answers_the_editor_queries() {
    let (analysis, names) = edtech_fr();
    let mut levels = 0;
    for (i, name) in names.iter().enumerate() {
        let file = FileId(i as u32);
        let text = analysis.file_text(file).unwrap_or("");
        let tokens = analysis.semantic_tokens(file);
        assert!(!tokens.is_empty(), "{name}");
        let mut end = 0;
        for token in &tokens {
            assert!(
                token.span.start >= end && !token.span.is_empty(),
                "{name}: {token:?}"
            );
            assert!(!text.get(token.span.range()).unwrap_or("\n").contains('\n'));
            end = token.span.end;
        }
        for (at, _) in text.match_indices("requirement ") {
            let actions = analysis.code_actions(file, crate::Span::empty_at(at as u32));
            levels += actions
                .iter()
                .filter(|a| a.title.text(Lang::En).starts_with("change level"))
                .count();
        }
        if let Some(at) = text.find("require ") {
            let ranges = analysis.selection_ranges(file, at as u32 + 9);
            assert!(ranges.len() >= 4, "{name}: {ranges:?}");
        }
    }
    assert!(levels > 10, "{levels}");
    let symbols = analysis.workspace_symbols("hebergement");
    let first = symbols.first().map(|s| s.name.as_str()).unwrap_or("");
    assert!(first.to_lowercase().contains("héberg"), "{symbols:?}");
    let Some(index) = names.iter().position(|n| n == "attribution.clause") else {
        return;
    };
    let file = FileId(index as u32);
    let hints = analysis.inlay_hints(file, crate::Span::new(0, u32::MAX), Lang::En);
    let labels: Vec<&str> = hints.iter().map(|h| h.label.as_str()).collect();
    assert_snapshot!(labels.join("\n"), @r#"
= 8.00 €
= 8.00 €
"#);
}
