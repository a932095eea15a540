//! Broken inputs: the tree that survives and every diagnostic, with its place and help.

mod common;

use clausier_diagnostics::Code;
use clausier_diagnostics::Lang;
use clausier_syntax::ast::ItemKind;
use common::{parse_text, tree_and_diagnostics};

#[test]
fn broken_fixtures() {
    insta::glob!("fixtures/broken/*.clause", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        insta::assert_snapshot!(tree_and_diagnostics(&text));
    });
}

#[test]
fn three_broken_clauses_give_three_errors_and_keep_every_item() {
    let text =
        std::fs::read_to_string("tests/fixtures/broken/three_broken_clauses.clause").unwrap();
    let parse = parse_text(&text);
    let lines: Vec<u32> = parse
        .diagnostics
        .iter()
        .map(|diagnostic| {
            assert_eq!(diagnostic.code, Code::SYNTAX);
            let label = diagnostic.primary_label().unwrap();
            clausier_diagnostics::LineIndex::new(&text)
                .line_col(&text, label.span.start)
                .line
        })
        .collect();
    assert_eq!(lines, [5, 13, 18]);
    let kinds: Vec<&str> = parse
        .ast
        .items
        .iter()
        .map(|item| match &item.kind {
            ItemKind::Enum(_) => "enum",
            ItemKind::Requirement(_) => "requirement",
            ItemKind::Criterion(_) => "criterion",
            _ => "other",
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "enum",
            "requirement",
            "requirement",
            "requirement",
            "criterion",
            "requirement"
        ]
    );
}

#[test]
fn every_error_item_comes_with_a_diagnostic() {
    for text in [
        "hello",
        "requirement",
        "}",
        "/// docs",
        "enum",
        "param x: = 1",
    ] {
        let parse = parse_text(text);
        assert!(
            parse
                .ast
                .items
                .iter()
                .all(|item| matches!(item.kind, ItemKind::Error)),
            "{text}"
        );
        assert_eq!(
            parse.diagnostics.len(),
            1,
            "{text}: {:?}",
            parse.diagnostics
        );
    }
}

/// The words of a message outside its `code spans`: the parser's own prose.
fn prose(text: &str) -> String {
    text.split('`').step_by(2).collect::<Vec<_>>().join(" ")
}

#[test]
fn messages_never_name_grammar_rules() {
    insta::glob!("fixtures/broken/*.clause", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        for diagnostic in parse_text(&text).diagnostics {
            let mut said = vec![diagnostic.message.text(Lang::En)];
            said.extend(
                diagnostic
                    .labels
                    .iter()
                    .map(|label| label.message.text(Lang::En)),
            );
            said.extend(diagnostic.help.as_ref().map(|help| help.text(Lang::En)));
            for sentence in said {
                let prose = prose(&sentence);
                let rule_like = prose
                    .split_whitespace()
                    .find(|word| word.contains('_') || ["EOI", "SOI", "Rule"].contains(word));
                assert_eq!(rule_like, None, "{sentence}");
            }
            assert!(
                !diagnostic.message.text(Lang::En).ends_with('.'),
                "{}",
                diagnostic.message.text(Lang::En)
            );
            let first = diagnostic.message.text(Lang::En).chars().next().unwrap();
            assert!(
                !first.is_uppercase(),
                "{}",
                diagnostic.message.text(Lang::En)
            );
        }
    });
}
