//! The message files of both languages say the same things: every message exists in
//! French and in English, with the same attributes and the same arguments, and every
//! message the code asks for exists.

#![expect(clippy::panic, reason = "a test reports what is wrong by failing")]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use clausier_i18n::{Lang, resources};
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

/// Each message (and `message.attribute`) of a language, with the arguments it reads.
fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut messages = BTreeMap::new();
    for resource in resources() {
        let ast =
            fluent_syntax::parser::parse(resource.text(lang)).unwrap_or_else(|(_, errors)| {
                panic!(
                    "locales/{lang}/{}.ftl does not parse: {errors:?}",
                    resource.name
                )
            });
        for entry in &ast.body {
            let (id, value, attributes) = match entry {
                Entry::Message(message) => (
                    message.id.name.to_string(),
                    message.value.as_ref(),
                    &message.attributes,
                ),
                Entry::Term(term) => (
                    format!("-{}", term.id.name),
                    Some(&term.value),
                    &term.attributes,
                ),
                Entry::Junk { content } => {
                    panic!(
                        "locales/{lang}/{}.ftl: cannot read {content:?}",
                        resource.name
                    )
                }
                _ => continue,
            };
            let mut arguments = BTreeSet::new();
            if let Some(value) = value {
                pattern_arguments(value, &mut arguments);
            }
            let previous = messages.insert(id.clone(), arguments);
            assert!(previous.is_none(), "`{id}` is defined twice in {lang}");
            for attribute in attributes {
                let mut arguments = BTreeSet::new();
                pattern_arguments(&attribute.value, &mut arguments);
                messages.insert(format!("{id}.{}", attribute.id.name), arguments);
            }
        }
    }
    messages
}

fn pattern_arguments(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_arguments(expression, out);
        }
    }
}

fn expression_arguments(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => inline_arguments(inline, out),
        Expression::Select { selector, variants } => {
            inline_arguments(selector, out);
            for variant in variants {
                pattern_arguments(&variant.value, out);
            }
        }
    }
}

fn inline_arguments(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_arguments(argument, out);
            }
            for argument in &arguments.named {
                inline_arguments(&argument.value, out);
            }
        }
        InlineExpression::Placeable { expression } => expression_arguments(expression, out),
        _ => {}
    }
}

#[test]
fn every_message_exists_in_both_languages_with_the_same_arguments() {
    let french = messages(Lang::Fr);
    let english = messages(Lang::En);
    let only_french: Vec<_> = french
        .keys()
        .filter(|id| !english.contains_key(*id))
        .collect();
    let only_english: Vec<_> = english
        .keys()
        .filter(|id| !french.contains_key(*id))
        .collect();
    assert!(only_french.is_empty(), "in French only: {only_french:?}");
    assert!(only_english.is_empty(), "in English only: {only_english:?}");
    for (id, arguments) in &french {
        assert_eq!(
            Some(arguments),
            english.get(id),
            "`{id}` takes other arguments in French and in English"
        );
    }
    assert!(!french.is_empty(), "the catalogue is empty");
}

/// The code names messages with the `t!` macro, by id: each must be in the catalogue, or
/// the reader would see the id instead of a sentence.
#[test]
fn every_message_the_code_asks_for_is_in_the_catalogue() {
    let french = messages(Lang::Fr);
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    // The ids given to `t!` and, for the words of diagnostics, to `Message::new`.
    let call = regex::Regex::new(
        r#"\bt!\(\s*[^,()]+(?:\([^()]*\))?,\s*"([^"]+)"|\bMessage::new\(\s*"([^"]+)""#,
    )
    .unwrap_or_else(|error| panic!("{error}"));
    let mut asked = 0;
    let mut missing = Vec::new();
    let mut stack = vec![crates];
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|error| panic!("{dir:?}: {error}"));
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name();
            if path.is_dir() && name != "target" && name != "locales" {
                stack.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                let source = std::fs::read_to_string(&path).unwrap_or_default();
                for captures in call.captures_iter(&source) {
                    asked += 1;
                    let Some(id) = captures.get(1).or_else(|| captures.get(2)) else {
                        continue;
                    };
                    if !french.contains_key(id.as_str()) {
                        missing.push(format!("{}: {}", path.display(), id.as_str()));
                    }
                }
            }
        }
    }
    assert!(missing.is_empty(), "not in the catalogue: {missing:#?}");
    assert!(
        asked > 0,
        "no `t!` call found: the scan no longer sees the code"
    );
}

#[test]
fn a_message_reads_its_arguments_in_each_language() {
    let french = clausier_i18n::t!(Lang::Fr, "cli-lang-unknown", value = "de");
    let english = clausier_i18n::t!(Lang::En, "cli-lang-unknown", value = "de");
    assert!(french.contains("« de »"), "{french}");
    assert!(english.contains("`de`"), "{english}");
    assert_ne!(french, english);
}
