//! The lexicon agrees with `grammar/clausier.pest`: every word the grammar spells is in
//! the lexicon, every word of the lexicon is in the grammar, and each role's list is the
//! one its grammar rule reads. A word added to one and not the other fails here.

#![expect(
    clippy::panic,
    reason = "a grammar rule that cannot be found must fail the test loudly"
)]

use std::collections::{BTreeMap, BTreeSet};

use clausier_syntax::ast::{DurationUnit, Level};
use clausier_syntax::lexicon::{self, TokenKind};

const GRAMMAR: &str = include_str!("../../../grammar/clausier.pest");

/// Each rule of the grammar with the quoted literals of its body, comments left out.
fn rules() -> BTreeMap<&'static str, Vec<String>> {
    let mut rules: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut current = None;
    for line in GRAMMAR.lines() {
        let code = line.split_once("//").map_or(line, |(code, _)| code);
        // `//` inside a literal (`"//"`, `"///"`) is not a comment.
        let code = if code.matches('"').count() % 2 == 1 {
            line
        } else {
            code
        };
        let rest = match code.split_once('=') {
            Some((name, body))
                if !name.starts_with(char::is_whitespace)
                    && name.trim().chars().all(|c| c.is_alphanumeric() || c == '_')
                    && !name.trim().is_empty() =>
            {
                current = Some(name.trim());
                body
            }
            _ => code,
        };
        if let Some(rule) = current {
            rules.entry(rule).or_default().extend(literals(rest));
        }
    }
    rules
}

fn literals(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut literal = String::new();
        let mut escaped = false;
        for c in chars.by_ref() {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => break,
                _ => literal.push(c),
            }
        }
        out.push(literal);
    }
    out
}

fn is_word(literal: &str) -> bool {
    literal.chars().any(char::is_alphabetic)
        && literal.chars().all(|c| c.is_alphabetic() || c == '_')
}

fn set<'a>(words: impl IntoIterator<Item = &'a str>) -> BTreeSet<&'a str> {
    words.into_iter().collect()
}

fn rule_words(rules: &BTreeMap<&str, Vec<String>>, rule: &str) -> BTreeSet<String> {
    let literals = rules.get(rule).unwrap_or_else(|| panic!("no rule {rule}"));
    literals.iter().filter(|l| is_word(l)).cloned().collect()
}

fn owned(words: &[&str]) -> BTreeSet<String> {
    words.iter().map(|word| (*word).to_owned()).collect()
}

#[test]
fn every_word_of_the_grammar_is_in_the_lexicon_and_back() {
    let rules = rules();
    let grammar: BTreeSet<&str> = rules
        .values()
        .flatten()
        .map(String::as_str)
        .filter(|literal| is_word(literal))
        .collect();
    let lexicon = set(lexicon::grammar_words());
    let missing: Vec<_> = grammar.difference(&lexicon).collect();
    assert!(
        missing.is_empty(),
        "words of the grammar not in the lexicon: {missing:?}"
    );
    let extra: Vec<_> = lexicon.difference(&grammar).collect();
    assert!(
        extra.is_empty(),
        "words of the lexicon not in the grammar: {extra:?}"
    );
}

#[test]
fn each_keyword_rule_spells_its_own_word_and_the_lexicon_has_it() {
    let rules = rules();
    let lexicon = set(lexicon::grammar_words());
    let keyword_rules: Vec<_> = rules.keys().filter(|r| r.starts_with("kw_")).collect();
    assert!(
        keyword_rules.len() > 20,
        "keyword rules not read: {keyword_rules:?}"
    );
    for rule in keyword_rules {
        let word = rule.trim_start_matches("kw_");
        assert_eq!(rule_words(&rules, rule), owned(&[word]), "{rule}");
        assert!(lexicon.contains(word), "{rule} is not in the lexicon");
    }
}

#[test]
fn each_role_is_the_list_its_rule_reads() {
    let rules = rules();
    let words = |rule| rule_words(&rules, rule);
    assert_eq!(words("keyword"), owned(lexicon::EXPRESSION_KEYWORDS));
    assert_eq!(
        words("clause_line_start"),
        owned(lexicon::CLAUSE_FIELD_KEYWORDS)
    );
    assert_eq!(words("test_keyword"), owned(lexicon::TEST_FIELD_KEYWORDS));
    assert_eq!(words("level_value"), owned(lexicon::LEVELS));
    assert_eq!(words("expect_status"), owned(lexicon::TEST_OUTCOMES));
    assert_eq!(words("clause_status"), owned(lexicon::CLAUSE_STATUSES));
    assert_eq!(words("type_ref"), owned(lexicon::GENERIC_TYPE_KEYWORDS));
    assert_eq!(words("data_null"), owned(&[lexicon::NULL_KEYWORD]));
    assert_eq!(
        words("duration_unit"),
        lexicon::duration_unit_spellings()
            .map(str::to_owned)
            .collect()
    );
    assert_eq!(rules["money_suffix"], lexicon::MONEY_UNITS);
    assert_eq!(rules["percent_suffix"], [lexicon::PERCENT_SIGN]);
    for rule in ["weight", "passed_expr", "use_item", "field_bounds"] {
        assert!(rules.contains_key(rule), "no rule {rule}");
    }
    assert!(rules.contains_key(&*format!("kw_{}", lexicon::WEIGHT_KEYWORD)));
    assert!(rules.contains_key(&*format!("kw_{}", lexicon::PASSED_KEYWORD)));
    assert!(rules.contains_key(&*format!("kw_{}", lexicon::ALIAS_KEYWORD)));
    assert!(rules.contains_key(&*format!("kw_{}", lexicon::BOUNDS_KEYWORD)));
    assert!(rules.contains_key(&*format!("kw_{}", lexicon::PROOF_KEYWORD)));

    // The items are the alternatives of `item`, each opened by its keyword rule.
    let items: BTreeSet<String> = GRAMMAR
        .lines()
        .filter_map(|line| {
            line.split_once("_decl")
                .filter(|(name, _)| !name.contains(' '))
        })
        .filter_map(|(_, body)| body.split_whitespace().nth(2))
        .filter_map(|first| first.strip_prefix("kw_"))
        .map(str::to_owned)
        .collect();
    assert_eq!(items, owned(lexicon::ITEM_KEYWORDS));
}

#[test]
fn the_lexicon_agrees_with_the_tree() {
    let levels: Vec<&str> = Level::ALL.iter().map(|level| level.as_str()).collect();
    assert_eq!(levels, lexicon::LEVELS);
    let units: Vec<DurationUnit> = lexicon::DURATION_UNITS
        .iter()
        .map(|(unit, _)| *unit)
        .collect();
    assert_eq!(
        units,
        [
            DurationUnit::Days,
            DurationUnit::Weeks,
            DurationUnit::Months,
            DurationUnit::Years,
            DurationUnit::Hours,
            DurationUnit::Minutes,
        ]
    );
    let expression = set(lexicon::EXPRESSION_KEYWORDS.iter().copied());
    for word in lexicon::CONTINUATION_WORDS
        .iter()
        .chain(lexicon::NESTING_WORDS)
    {
        assert!(
            expression.contains(word),
            "{word} is not an expression keyword"
        );
    }
    for word in lexicon::EXPRESSION_KEYWORDS {
        assert!(!clausier_syntax::is_name(word), "{word} reads as a name");
    }
}

#[test]
fn every_unit_is_read_with_its_number() {
    for unit in lexicon::duration_unit_spellings().chain(lexicon::MONEY_UNITS.iter().copied()) {
        let text = format!("30 {unit} x");
        let tokens = lexicon::tokenize(&text);
        let first = tokens[0];
        assert_eq!(first.kind, TokenKind::Number, "{text}");
        assert_eq!(
            &text[first.span.start as usize..first.span.end as usize],
            format!("30 {unit}")
        );
        let parsed = clausier_syntax::parse(
            clausier_diagnostics::FileId(0),
            &format!("param p: duration = 30 {unit}\n"),
        );
        if lexicon::duration_unit(unit).is_some() {
            assert!(
                parsed.diagnostics.is_empty(),
                "{unit}: {:?}",
                parsed.diagnostics
            );
        }
    }
    let tokens = lexicon::tokenize("75% 30 daysx");
    let kinds: Vec<TokenKind> = tokens.iter().map(|t| t.kind).collect();
    assert_eq!(
        kinds,
        [TokenKind::Number, TokenKind::Number, TokenKind::Ident]
    );
}
