//! Whatever the text, the parser returns a sound tree: no panic, every span inside the
//! text on character boundaries, every error node explained.

mod common;

use common::check_invariants;
use proptest::prelude::*;

/// Tokens of the language and near misses, so that random sequences reach deep into the
/// grammar instead of failing on the first character.
const TOKENS: &[&str] = &[
    "enum",
    "type",
    "descriptor",
    "param",
    "requirement",
    "criterion",
    "use",
    "set",
    "test",
    "level",
    "must",
    "should",
    "text",
    "ref",
    "evidence",
    "when",
    "require",
    "score",
    "weight",
    "given",
    "expect",
    "eligible",
    "pass",
    "fail",
    "and",
    "or",
    "not",
    "implies",
    "in",
    "all",
    "any",
    "count",
    "has",
    "if",
    "then",
    "else",
    "today",
    "lowest",
    "highest",
    "true",
    "false",
    "null",
    "list",
    "set",
    "HEB-01",
    "a",
    "b.c",
    "hébergement",
    "région",
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    "<",
    ">",
    "<=",
    ">=",
    "==",
    "!=",
    "=",
    ":",
    "::",
    ",",
    ".",
    "+",
    "-",
    "*",
    "/",
    "%",
    "€",
    "EUR",
    "12",
    "4.5",
    "75%",
    "6.00 €",
    "2026-12-01",
    "2026-02-30",
    "30 days",
    "6 mois",
    "\"t\"",
    "\"a\\q\"",
    "\"open",
    "\"\\u{",
    "///",
    "/// doc",
    "//",
    "// c",
    "\n",
    "\n",
    "\r\n",
    "\t",
    "\u{a0}",
    "é",
    "💶",
    ";",
    "&&",
];

fn token_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(TOKENS),
            prop::sample::select(&[" ", "", "\n"][..]),
        ),
        0..60,
    )
    .prop_map(|parts| {
        parts
            .into_iter()
            .map(|(token, gap)| format!("{token}{gap}"))
            .collect()
    })
}

#[derive(Debug, Clone)]
enum Edit {
    Delete { at: usize, len: usize },
    Insert { at: usize, what: String },
    Duplicate { at: usize, len: usize, to: usize },
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 0usize..40).prop_map(|(at, len)| Edit::Delete { at, len }),
        (
            any::<usize>(),
            prop_oneof![
                prop::sample::select(TOKENS).prop_map(str::to_string),
                any::<String>()
            ]
        )
            .prop_map(|(at, what)| Edit::Insert { at, what }),
        (any::<usize>(), 0usize..200, any::<usize>()).prop_map(|(at, len, to)| Edit::Duplicate {
            at,
            len,
            to
        }),
    ]
}

/// Applies an edit at character positions, so the result stays valid UTF-8.
fn apply(text: &str, edit: &Edit) -> String {
    let chars: Vec<char> = text.chars().collect();
    let clamp = |at: usize| {
        if chars.is_empty() {
            0
        } else {
            at % (chars.len() + 1)
        }
    };
    let slice = |from: usize, to: usize| chars[from..to].iter().collect::<String>();
    match edit {
        Edit::Delete { at, len } => {
            let from = clamp(*at);
            let to = (from + len).min(chars.len());
            slice(0, from) + &slice(to, chars.len())
        }
        Edit::Insert { at, what } => {
            let at = clamp(*at);
            slice(0, at) + what + &slice(at, chars.len())
        }
        Edit::Duplicate { at, len, to } => {
            let from = clamp(*at);
            let end = (from + len).min(chars.len());
            let copied = slice(from, end);
            let to = clamp(*to);
            slice(0, to) + &copied + &slice(to, chars.len())
        }
    }
}

#[expect(clippy::unwrap_used, reason = "a missing fixture fails the test")]
fn fixtures() -> Vec<String> {
    ["edtech.clause", "all_forms.clause"]
        .iter()
        .map(|name| std::fs::read_to_string(format!("tests/fixtures/valid/{name}")).unwrap())
        .collect()
}

proptest! {
    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        check_invariants(&text);
    }

    #[test]
    fn token_soups(text in token_soup()) {
        check_invariants(&text);
    }

    #[test]
    fn mutated_valid_files(which in 0usize..2, edits in prop::collection::vec(edit(), 1..4)) {
        let mut text = fixtures().swap_remove(which);
        for edit in &edits {
            text = apply(&text, edit);
        }
        check_invariants(&text);
    }
}

#[test]
fn the_invariants_hold_on_the_fixtures() {
    for text in fixtures() {
        check_invariants(&text);
    }
    for entry in std::fs::read_dir("tests/fixtures/broken").unwrap() {
        check_invariants(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
    }
}
