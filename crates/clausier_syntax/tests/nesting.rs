//! Deep nesting and large inputs: a clear error, no stack overflow, no hang, and the rest
//! of the file still parsed.
//!
//! Each test runs on a thread with a 2 MiB stack, the size of a test or `tokio` worker
//! thread, so that a parser recursing on the input would fail here first.

mod common;

use clausier_diagnostics::Lang;
use std::time::{Duration, Instant};

use clausier_diagnostics::{Code, LineIndex};
use clausier_syntax::ast::ItemKind;
use clausier_syntax::{MAX_NESTING, Parse};
use common::{parse_text, render_diagnostics};

const SMALL_STACK: usize = 2 << 20;

#[expect(
    clippy::unwrap_used,
    reason = "a thread that cannot start fails the test"
)]
fn on_small_stack<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(SMALL_STACK)
        .spawn(work)
        .unwrap()
        .join()
        .unwrap()
}

/// `text` followed by a good item: parses it and checks that the good item survived.
#[expect(clippy::expect_used, reason = "a missing item fails the test")]
fn parse_then_good_item(text: String) -> (String, Parse) {
    on_small_stack(move || {
        let text = format!("{text}\nparam after: int = 1\n");
        let parse = parse_text(&text);
        let last = parse.ast.items.last().expect("an item");
        assert!(
            matches!(&last.kind, ItemKind::Param(param) if param.name.name == "after"),
            "the item after the deep one was lost: {:?}",
            last.kind
        );
        (text, parse)
    })
}

fn codes(parse: &Parse) -> Vec<Code> {
    parse.diagnostics.iter().map(|d| d.code).collect()
}

#[test]
fn a_hundred_thousand_parentheses_are_refused_with_one_located_error() {
    let depth = 100_000;
    let (text, parse) = parse_then_good_item(format!(
        "param deep: int = {}1{}",
        "(".repeat(depth),
        ")".repeat(depth)
    ));
    assert_eq!(codes(&parse), [Code::NESTING_TOO_DEEP]);
    let label = parse.diagnostics[0].primary_label().unwrap();
    let at = LineIndex::new(&text).line_col(&text, label.span.start);
    assert_eq!(
        (at.line, at.column as usize),
        (1, "param deep: int = ".len() + MAX_NESTING + 1)
    );
    let diagnostic = &parse.diagnostics[0];
    assert_eq!(
        diagnostic.message.text(Lang::En),
        "expression nested too deeply"
    );
    assert_eq!(
        label.message.text(Lang::En),
        "this goes past 256 levels of nesting"
    );
    assert!(diagnostic.help.is_some());
    assert_eq!(&text[label.span.range()], "(");
}

#[test]
fn ten_megabytes_of_nesting_parse_in_seconds() {
    let started = Instant::now();
    let open = "(".repeat(10 << 20);
    let (_, parse) = parse_then_good_item(format!("param deep: int = {open}"));
    assert_eq!(codes(&parse), [Code::NESTING_TOO_DEEP]);
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn every_way_of_nesting_is_bounded() {
    let deep = 100_000;
    let cases = [
        (
            "brackets",
            format!(
                "param p: list<int> = {}1{}",
                "[".repeat(deep),
                "]".repeat(deep)
            ),
        ),
        (
            "records",
            format!(
                "descriptor {{ a: {}int{} }}",
                "{ b: ".repeat(deep),
                "}".repeat(deep)
            ),
        ),
        (
            "lists of lists",
            format!("type T = {}int{}", "list<".repeat(deep), ">".repeat(deep)),
        ),
        (
            "sets of sets",
            format!("type T = {}int{}", "set <".repeat(deep), ">".repeat(deep)),
        ),
        (
            "data arrays",
            format!(
                "test \"t\" {{ given {{ a: {}1{} }} }}",
                "[".repeat(deep),
                "]".repeat(deep)
            ),
        ),
        (
            "data objects",
            format!(
                "test \"t\" {{ given {{ {}1{} }} }}",
                "a: {".repeat(deep),
                "}".repeat(deep)
            ),
        ),
        (
            "else if",
            format!("param p: int = {}1", "if a then 1 else ".repeat(deep)),
        ),
        (
            "quantifiers",
            format!(
                "requirement R \"r\" {{ require {}true }}",
                "all x in xs: ".repeat(deep)
            ),
        ),
        (
            "count",
            format!(
                "param p: int = {}xs{}",
                "count(".repeat(deep),
                ")".repeat(deep)
            ),
        ),
        ("not", format!("param p: bool = {}a", "not ".repeat(deep))),
        ("minus", format!("param p: int = {}a", "- ".repeat(deep))),
        ("unclosed", format!("param p: int = {}", "(".repeat(deep))),
    ];
    for (name, text) in cases {
        let (_, parse) = parse_then_good_item(text);
        assert_eq!(codes(&parse), [Code::NESTING_TOO_DEEP], "{name}");
    }
}

/// An infix operator nests nothing: a chain of any length is flat, and its tree (as
/// tall as the chain is long) is built and dropped without recursion.
#[test]
fn a_hundred_thousand_operand_chains_are_not_nesting() {
    let operands = 100_000;
    let cases = [
        (
            "and",
            format!("param p: bool = a{}", " and a".repeat(operands)),
        ),
        (
            "or",
            format!("param p: bool = a{}", " or a".repeat(operands)),
        ),
        (
            "implies",
            format!("param p: bool = a{}", " implies a".repeat(operands)),
        ),
        ("+", format!("param p: int = a{}", " + a".repeat(operands))),
        ("-", format!("param p: int = a{}", " - a".repeat(operands))),
        ("*", format!("param p: int = a{}", " * a".repeat(operands))),
        (
            "mixed",
            format!("param p: int = a{}", " + -a * a".repeat(operands)),
        ),
        (
            "in parentheses",
            format!(
                "param p: bool = {}a{}",
                "(".repeat(200),
                " or a".repeat(operands) + &")".repeat(200)
            ),
        ),
    ];
    for (name, text) in cases {
        let (text, parse) = parse_then_good_item(text);
        assert!(
            parse.diagnostics.is_empty(),
            "{name}: {}",
            render_diagnostics(&text, &parse.diagnostics)
        );
    }
}

#[test]
fn nesting_below_the_limit_is_accepted() {
    let depth = MAX_NESTING - 6;
    let cases = [
        format!("param p: int = {}1{}", "(".repeat(depth), ")".repeat(depth)),
        format!(
            "param p: list<int> = {}1{}",
            "[".repeat(depth),
            "]".repeat(depth)
        ),
        format!("type T = {}int{}", "list<".repeat(depth), ">".repeat(depth)),
        format!(
            "descriptor {{ a: {}int{} }}",
            "{ b: ".repeat(depth),
            "}".repeat(depth)
        ),
        format!(
            "test \"t\" {{ given {{ a: {}1{} }} }}",
            "[".repeat(depth),
            "]".repeat(depth)
        ),
        format!("param p: int = {}1", "if a then 1 else ".repeat(depth)),
        format!(
            "requirement R \"r\" {{ require {}true }}",
            "any x in xs: ".repeat(depth)
        ),
        format!("param p: bool = {}a", "not ".repeat(depth)),
        format!("param p: int = a{}", " * a".repeat(depth)),
        format!("param p: bool = a{}", " implies a".repeat(depth)),
    ];
    for text in cases {
        let (text, parse) = parse_then_good_item(text);
        assert!(
            parse.diagnostics.is_empty(),
            "{}",
            render_diagnostics(&text, &parse.diagnostics)
        );
    }
}

/// The suite runs in a debug build, where pest is many times slower than in a release
/// build: a megabyte here stands for the ten megabytes a release build parses in seconds.
#[test]
fn a_megabyte_of_ordinary_items_parses_in_linear_time() {
    let sample = std::fs::read_to_string("tests/fixtures/valid/edtech.clause").unwrap();
    let mut text = String::new();
    let mut copies = 0;
    while text.len() < 1 << 20 {
        text.push_str(&sample.replace("HEB-01", &format!("HEB-{copies}")));
        copies += 1;
    }
    let started = Instant::now();
    let parse = on_small_stack(move || parse_text(&text));
    assert!(parse.diagnostics.is_empty());
    assert_eq!(parse.ast.items.len(), copies * 13);
    assert!(
        started.elapsed() < Duration::from_secs(120),
        "{:?}",
        started.elapsed()
    );
}

/// A run of prefix operators followed by an infix one used to be built in full before
/// its depth was measured, and its drop overflowed the stack.
#[test]
fn a_million_prefix_operators_are_refused_with_one_located_error() {
    let run = 1_000_000;
    let cases = [
        (
            "minus",
            format!("param p: bool = {}a > 0", "- ".repeat(run)),
        ),
        (
            "not",
            format!("param p: bool = {}a and b", "not ".repeat(run)),
        ),
        (
            "after an operand",
            format!("param p: bool = b or {}a == c", "not -".repeat(run)),
        ),
    ];
    for (name, text) in cases {
        let (text, parse) = parse_then_good_item(text);
        assert_eq!(codes(&parse), [Code::NESTING_TOO_DEEP], "{name}");
        let label = parse.diagnostics[0].primary_label().unwrap();
        assert!(
            ["-", "not"].contains(&&text[label.span.range()]),
            "{name}: {:?}",
            &text[label.span.range()]
        );
    }
}

#[test]
fn a_million_parentheses_are_refused_with_one_located_error() {
    let depth = 1_000_000;
    let (_, parse) = parse_then_good_item(format!(
        "requirement R \"r\" {{ require {}a and b{} }}",
        "(".repeat(depth),
        ")".repeat(depth)
    ));
    assert_eq!(codes(&parse), [Code::NESTING_TOO_DEEP]);
}

#[test]
fn a_million_digit_literal_is_quoted_short() {
    let digits = "9".repeat(1_000_000);
    let (_, parse) = parse_then_good_item(format!("param p: int = {digits}"));
    assert_eq!(codes(&parse), [Code::INVALID_LITERAL]);
    assert_eq!(
        parse.diagnostics[0].message.text(Lang::En),
        format!("invalid number `{}`… (1000000 characters)", &digits[..80])
    );
}
