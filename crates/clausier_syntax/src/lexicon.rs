//! The words of the language, by role, the spellings of its units, and its tokens.
//!
//! This is the one list: the parser's scan and messages, the formatter, the IDE's
//! completion, rename and semantic tokens, and the descriptor readers read their words
//! here. `tests/lexicon.rs` holds it to `grammar/clausier.pest` (every word the grammar
//! spells is here, and every word here is in the grammar), and the editors' test holds
//! the highlighting grammars to it.
//!
//! The orders are the ones completion proposes them in.

mod tokens;

pub use tokens::{Token, TokenKind, token_at, tokenize};

use crate::ast::DurationUnit;

/// Words that open an item when they start a line.
pub const ITEM_KEYWORDS: &[&str] = &[
    "requirement",
    "criterion",
    "indicator",
    "risk",
    "param",
    "descriptor",
    "enum",
    "type",
    "test",
    "use",
    "set",
];

/// Words that open a line of a requirement's, criterion's, indicator's or risk's body.
pub const CLAUSE_FIELD_KEYWORDS: &[&str] = &[
    "level",
    "when",
    "text",
    "note",
    "ref",
    "evidence",
    "no_equivalent",
    "lots",
    "require",
    "score",
    "value",
    "by",
    "spend",
    "ends",
    "window",
    "alternatives",
];

/// The lines only an indicator or a risk has: what it computes, and for a risk what its
/// priority is made of.
pub const INVENTORY_FIELD_KEYWORDS: &[&str] =
    &["value", "by", "spend", "ends", "window", "alternatives"];

/// The word of a criterion's score line, and of `expect score` in a test.
pub const SCORE_KEYWORD: &str = "score";

/// The word before a criterion's weight, in its header.
pub const WEIGHT_KEYWORD: &str = "weight";

/// Words that open a line of a test's body.
pub const TEST_FIELD_KEYWORDS: &[&str] = &["given", "expect", "date"];

/// The expression keywords, reserved everywhere a name is expected: no field, parameter
/// or variable can be spelled like one. The other words are contextual.
pub const EXPRESSION_KEYWORDS: &[&str] = &[
    "all", "any", "count", "has", "if", "then", "else", "not", "and", "or", "implies", "in",
    "today", "lowest", "highest", "true", "false",
];

/// Words that continue an expression: a line starting with `set in …` or `type and …` is
/// the middle of an expression, not an item.
pub const CONTINUATION_WORDS: &[&str] = &["in", "and", "or", "implies", "then", "else"];

/// Words whose operand extends as far right as possible, so each one nests what follows.
pub const NESTING_WORDS: &[&str] = &["if", "all", "any"];

/// The levels of a requirement, after `level` or `as`, in the order of
/// [`crate::ast::Level::ALL`].
pub const LEVELS: &[&str] = &["must", "should", "info", "execution"];

/// What `expect` says of a whole descriptor. `review` is also a clause's status: it is
/// the offer's when no id follows it on its line.
pub const TEST_OUTCOMES: &[&str] = &["eligible", "ineligible", "incomplete", "invalid", "review"];

/// What `expect` says of one clause, before its id.
pub const CLAUSE_STATUSES: &[&str] = &["pass", "fail", "missing", "not_applicable", "review"];

/// `evidence hosting.hds from document, registry "…"`: the word before the kinds of proof
/// a required document must come with.
pub const PROOF_KEYWORD: &str = "from";

/// The kinds of proof `evidence … from` may ask for, as vendors write them in `$source`.
/// Names the checker reads, not keywords; `declared` is a kind of source, not of proof.
pub const PROOF_KINDS: &[&str] = &["document", "registry", "audit"];

/// `use DEP::{ID as should }`: a dependency's clause at another level.
pub const ALIAS_KEYWORD: &str = "as";

/// `price: money where >= 0.01 €`: the bounds of a field (joined by `and`).
pub const BOUNDS_KEYWORD: &str = "where";

/// The words that open a type with element types: `list<…>`, `set<…>`, `map<…, …>`.
pub const GENERIC_TYPE_KEYWORDS: &[&str] = &["list", "set", "map"];

/// `passed(ID)`: a keyword only right before `(`, so a field may still be called
/// `passed`.
pub const PASSED_KEYWORD: &str = "passed";

/// `sum(xs)`, `mean(x in xs: e)`, `min(…)`, `max(…)`: keywords only right before `(`, so
/// a field may still be called `sum` or `min`. In the order of
/// [`crate::ast::ListAggregateKind::ALL`].
pub const LIST_AGGREGATE_KEYWORDS: &[&str] = &["sum", "mean", "min", "max"];

/// `share(e in entries: p)` or `share(e in entries: p, w)`: the percent of an inventory's
/// entries (or of their weights) for which `p` holds. A keyword only right before `(`.
pub const SHARE_KEYWORD: &str = "share";

/// The collection of every entry of an inventory (of a group, in a grouped indicator),
/// which only an indicator's `value` may name. A name the checker reads, not a keyword.
pub const ENTRIES_NAME: &str = "entries";

/// `matches(text, "…")`, `siret(x)`, `uai(x)`, `https_url(x)`: the text functions of the
/// standard library, keywords only right before `(` so a field may still be called
/// `siret`. In the order of [`crate::ast::TextFunction::ALL`].
pub const TEXT_FUNCTION_KEYWORDS: &[&str] = &["matches", "siret", "uai", "https_url"];

/// `weekday(d)`, `business_duration(start, end, days, opens, closes)`: the time functions
/// of the standard library, keywords only right before `(` so a field may still be
/// called `weekday`. In the order of [`crate::ast::TimeFunction::ALL`].
pub const TIME_FUNCTION_KEYWORDS: &[&str] = &["weekday", "business_duration"];

/// The built-in type of the days of the week, `set<weekday>`, whose values are
/// [`WEEKDAYS`]. A name, not a keyword: it stays free as a field name.
pub const WEEKDAY_TYPE: &str = "weekday";

/// The values of `weekday`, Monday first, in French only: a value has one spelling, so
/// that a vendor's `["lundi"]` and a clause's `lundi` are the same day whichever file
/// wrote them (keywords are English, values of the tender French).
pub const WEEKDAYS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];

/// Every function a call may name, for the suggestion given for an unknown one.
pub fn function_names() -> impl Iterator<Item = &'static str> {
    ["count", "lowest", "highest", PASSED_KEYWORD, SHARE_KEYWORD]
        .into_iter()
        .chain(LIST_AGGREGATE_KEYWORDS.iter().copied())
        .chain(TEXT_FUNCTION_KEYWORDS.iter().copied())
        .chain(TIME_FUNCTION_KEYWORDS.iter().copied())
}

/// The absent value in a test's data.
pub const NULL_KEYWORD: &str = "null";

/// The built-in types. They are names, not keywords: a field may be called `date`.
pub const BUILTIN_TYPES: &[&str] = &[
    "bool", "int", "number", "percent", "money", "date", "time", "datetime", "duration", "string",
    "weekday", "list", "set", "map",
];

/// The spellings of each duration unit, English then French, plural before singular.
pub const DURATION_UNITS: &[(DurationUnit, &[&str])] = &[
    (DurationUnit::Days, &["days", "day", "jours", "jour"]),
    (
        DurationUnit::Weeks,
        &["weeks", "week", "semaines", "semaine"],
    ),
    (DurationUnit::Months, &["months", "month", "mois"]),
    (
        DurationUnit::Years,
        &["years", "year", "années", "année", "ans", "an"],
    ),
    (DurationUnit::Hours, &["hours", "hour", "heures", "heure"]),
    (DurationUnit::Minutes, &["minutes", "minute"]),
];

/// The spellings of the money unit after an amount: `6.00 €`, `6 EUR`.
pub const MONEY_UNITS: &[&str] = &["€", "EUR"];

/// The sign after a percentage: `75%`.
pub const PERCENT_SIGN: &str = "%";

/// The duration unit a word spells (exactly, in the case the grammar reads).
pub fn duration_unit(word: &str) -> Option<DurationUnit> {
    DURATION_UNITS
        .iter()
        .find(|(_, spellings)| spellings.contains(&word))
        .map(|(unit, _)| *unit)
}

/// Every spelling of a duration unit, in the order of [`DURATION_UNITS`].
pub fn duration_unit_spellings() -> impl Iterator<Item = &'static str> {
    DURATION_UNITS
        .iter()
        .flat_map(|(_, spellings)| spellings.iter().copied())
}

/// Every word of the language the grammar spells out: keywords of every role, levels,
/// statuses and unit words (not the built-in types, which are names). The highlighting
/// grammars of the editors must know each.
pub fn grammar_words() -> impl Iterator<Item = &'static str> {
    let lists = [
        ITEM_KEYWORDS,
        CLAUSE_FIELD_KEYWORDS,
        TEST_FIELD_KEYWORDS,
        EXPRESSION_KEYWORDS,
        LEVELS,
        TEST_OUTCOMES,
        CLAUSE_STATUSES,
        GENERIC_TYPE_KEYWORDS,
        LIST_AGGREGATE_KEYWORDS,
        TEXT_FUNCTION_KEYWORDS,
        TIME_FUNCTION_KEYWORDS,
    ];
    let single = [
        WEIGHT_KEYWORD,
        ALIAS_KEYWORD,
        BOUNDS_KEYWORD,
        PROOF_KEYWORD,
        PASSED_KEYWORD,
        SHARE_KEYWORD,
        NULL_KEYWORD,
    ];
    let words = MONEY_UNITS
        .iter()
        .copied()
        .filter(|unit| unit.chars().all(char::is_alphabetic));
    lists
        .into_iter()
        .flat_map(|list| list.iter().copied())
        .chain(single)
        .chain(duration_unit_spellings())
        .chain(words)
}

/// Whether `word` is an expression keyword, which no name may be spelled like.
pub fn is_reserved(word: &str) -> bool {
    EXPRESSION_KEYWORDS.contains(&word)
}

/// The months as a French text writes a date: « 2 décembre 2027 ».
pub const FRENCH_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// The months as an English text writes a date: "2 December 2027".
pub const ENGLISH_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
