//! Whatever text the parser is given, checking its tree never panics, reports its
//! diagnostics in order, and leaves no unknown type in a pack without errors.

mod common;

use clausier_check::check_pack;
use clausier_check::hir::{CheckedPack, TExpr, TExprKind};
use clausier_check::types::Ty;
use clausier_diagnostics::Lang;
use clausier_diagnostics::{Diagnostic, FileId};
use proptest::prelude::*;

/// Fragments inserted by the mutations: keywords, names of the example's schema, names
/// that are near misses, operators and literals of every type.
const FRAGMENTS: &[&str] = &[
    " requirement X-1 \"t\" { require true } ",
    " criterion C \"c\" weight 50 { score 1 } ",
    " param p: money = 1 € ",
    " enum E { A, B } ",
    " type T = { a: T } ",
    " descriptor { x: int } ",
    " use dep ",
    " set dep::p = 1 ",
    " level should ",
    " when ",
    " require ",
    " score ",
    " text \"t\" ",
    " ref \"r\" ",
    " and ",
    " or ",
    " not ",
    " implies ",
    " == ",
    " != ",
    " < ",
    " <= ",
    " in ",
    " + ",
    " - ",
    " * ",
    " / ",
    " all x in subprocessors: ",
    " any y in standards: ",
    " count(",
    " has ",
    " if true then 1 else 2 ",
    " today ",
    " lowest(pricing.per_student) ",
    " highest(x) ",
    " ( ",
    " ) ",
    " [ ",
    " ] ",
    " , ",
    " . ",
    " : ",
    " { ",
    " } ",
    " hosting ",
    " region ",
    " regoin ",
    " EU ",
    " Region.EU ",
    " Tier.V ",
    " max_price ",
    " min_rgaa ",
    " 75% ",
    " 6.00 € ",
    " 12 ",
    " 4.5 ",
    " \"EU\" ",
    " 2026-12-01 ",
    " 6 months ",
    " s.region ",
    " x.y.z ",
    " [] ",
    " -",
    " matches(hosting.country, \"^(\") ",
    " matches(",
    " siret(",
    " avg(",
    " https_url(x) ",
    " \"(a{1000}){1000}\" ",
];

/// Words that replace a word of the pack: mostly keeps it parsing, so that the checker
/// sees well-formed trees with wrong names and types as often as broken ones.
const WORDS: &[&str] = &[
    "hosting",
    "region",
    "regoin",
    "country",
    "EU",
    "OTHER",
    "Region",
    "Tier",
    "II",
    "V",
    "max_price",
    "min_rgaa",
    "s",
    "x",
    "subprocessors",
    "standards",
    "gar",
    "compliant",
    "today",
    "true",
    "false",
    "12",
    "4.5",
    "75%",
    "\"EU\"",
    "2026-12-01",
    "string",
    "money",
    "percent",
    "int",
    "bool",
    "Subprocessor",
    "lowest",
    "all",
    "any",
    "and",
    "or",
    "HEB-01",
];

#[derive(Debug, Clone)]
enum Mutation {
    Replace { at: usize, word: usize },
    Delete { at: usize, len: usize },
    Insert { at: usize, fragment: usize },
    Duplicate { at: usize, len: usize },
    SwapLines { a: usize, b: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<usize>(), 0..WORDS.len()).prop_map(|(at, word)| Mutation::Replace { at, word }),
        1 => (any::<usize>(), 1usize..40).prop_map(|(at, len)| Mutation::Delete { at, len }),
        1 => (any::<usize>(), 0..FRAGMENTS.len())
            .prop_map(|(at, fragment)| Mutation::Insert { at, fragment }),
        1 => (any::<usize>(), 1usize..120).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines { a, b }),
    ]
}

/// The nearest character boundary at or before `at`, within the text.
fn boundary(text: &str, at: usize) -> usize {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn apply(text: &mut String, mutation: &Mutation) {
    match mutation {
        Mutation::Replace { at, word } => {
            let at = boundary(text, *at);
            let start = text[..at]
                .char_indices()
                .rev()
                .take_while(|(_, c)| is_word_char(*c))
                .last()
                .map_or(at, |(i, _)| i);
            let end = text[at..]
                .char_indices()
                .find(|(_, c)| !is_word_char(*c))
                .map_or(text.len(), |(i, _)| at + i);
            if start < end {
                text.replace_range(start..end, WORDS[*word]);
            }
        }
        Mutation::Delete { at, len } => {
            let start = boundary(text, *at);
            let end = boundary(text, start + len).max(start);
            text.replace_range(start..end, "");
        }
        Mutation::Insert { at, fragment } => {
            let at = boundary(text, *at);
            text.insert_str(at, FRAGMENTS[*fragment]);
        }
        Mutation::Duplicate { at, len } => {
            let start = boundary(text, *at);
            let end = boundary(text, start + len).max(start);
            let copy = text[start..end].to_owned();
            text.insert_str(end, &copy);
        }
        Mutation::SwapLines { a, b } => {
            let mut lines: Vec<&str> = text.lines().collect();
            if lines.is_empty() {
                return;
            }
            let (a, b) = (a % lines.len(), b % lines.len());
            lines.swap(a, b);
            *text = lines.join("\n");
        }
    }
}

fn every_expr(pack: &CheckedPack) -> Vec<&TExpr> {
    let mut roots: Vec<&TExpr> = Vec::new();
    for requirement in &pack.requirements {
        roots.push(&requirement.require);
        roots.extend(requirement.when.as_ref());
    }
    roots.extend(pack.criteria.iter().map(|c| &c.score));
    let mut all = Vec::new();
    while let Some(expr) = roots.pop() {
        all.push(expr);
        match &expr.kind {
            TExprKind::List(items) => roots.extend(items),
            TExprKind::Not(a) | TExprKind::Neg(a) => roots.push(a),
            TExprKind::And(a, b)
            | TExprKind::Or(a, b)
            | TExprKind::Implies(a, b)
            | TExprKind::Compare(_, a, b)
            | TExprKind::Arith(_, a, b)
            | TExprKind::In(a, b) => roots.extend([&**a, &**b]),
            TExprKind::Quantifier {
                collection, body, ..
            } => roots.extend([&**collection, &**body]),
            TExprKind::Count { collection, filter } => {
                roots.push(collection);
                roots.extend(filter.as_ref().map(|(_, _, body)| &**body));
            }
            TExprKind::ListAggregate {
                collection,
                projection,
                ..
            } => {
                roots.push(collection);
                roots.extend(projection.as_ref().map(|(_, _, value)| &**value));
            }
            TExprKind::TextCheck { text, .. } => roots.push(text),
            TExprKind::Weekday { of, .. } => roots.push(of),
            TExprKind::BusinessDuration(args) => roots.extend(args.iter()),
            TExprKind::If(a, b, c) => roots.extend([&**a, &**b, &**c]),
            _ => {}
        }
    }
    all
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn checking_mutated_packs_never_panics(mutations in prop::collection::vec(mutation(), 1..6)) {
        let mut text = common::BRIEF_EXAMPLE.to_owned();
        for m in &mutations {
            apply(&mut text, m);
        }
        let parse = clausier_syntax::parse(FileId(0), &text);
        let checked = check_pack("fuzz", &[(FileId(0), &parse.ast)]);

        let keys: Vec<_> = checked.diagnostics.iter().map(Diagnostic::sort_key).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        prop_assert_eq!(keys, sorted, "diagnostics are sorted");
        for diagnostic in &checked.diagnostics {
            let label = diagnostic.primary_label();
            prop_assert!(label.is_some(), "{} has no label", diagnostic.message.text(Lang::En));
            if let Some(label) = label {
                prop_assert!(label.span.end as usize <= text.len() && label.span.start <= label.span.end);
            }
            prop_assert!(!diagnostic.message.text(Lang::En).ends_with('.'), "{}", diagnostic.message.text(Lang::En));
        }
        let parse_ok = parse.diagnostics.iter().all(|d| !d.is_error());
        if parse_ok && !checked.has_errors() {
            for expr in every_expr(&checked.pack) {
                prop_assert!(expr.ty != Ty::Error, "a pack without errors holds an untyped expression: {:?}", expr);
            }
        }
    }
}
