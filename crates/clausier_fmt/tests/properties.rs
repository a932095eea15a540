//! Property tests: on random programs and on random edits of the fixtures, formatting
//! keeps the tree and the comments, and formatting twice changes nothing.
//!
//! The programs come from a small generator: random items, expressions built over every
//! operator and form (with the parentheses their precedence needs), test data, doc
//! comments, and between any two tokens a random gap: nothing (where tokens cannot
//! merge), spaces, line breaks, blank lines, a trailing comment or a comment on a line
//! of its own.

mod common;

use std::path::Path;

use common::{check_format, parse_clean};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

/// A tiny deterministic random source, so that one `u64` from proptest is one program.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    fn next(&mut self) -> u64 {
        // xorshift64*
        let mut x = self.0.max(1);
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Symbol,
    /// A `///` line: a line break must follow.
    Doc,
    /// The first token of an item: it starts a line.
    Item,
}

struct Program {
    rng: Rng,
    tokens: Vec<(Kind, String)>,
}

const PATHS: &[&str] = &[
    "a",
    "b.c",
    "hosting.region",
    "hébergement.région",
    "s.region",
    "Region.EU",
    "EU",
    "level",
    "text",
    "type",
    "set.size",
    "prix_par_élève",
    "x1",
    "passed",
    "hosting.secnumcloud_qualification_expires",
    "subprocessors_of_the_vendor.region_of_processing",
];
const LITERALS: &[&str] = &[
    "12",
    "0",
    "4.5",
    "0.10",
    "75%",
    "75 %",
    "6.00 €",
    "6 €",
    "6.00EUR",
    "30 days",
    "6 mois",
    "2 weeks",
    "1 an",
    "24 hours",
    "4 heures",
    "90minutes",
    "2026-12-01",
    "08:30",
    "23:59",
    "2027-01-04T08:30",
    "\"x\"",
    "\"\"",
    "\"é \\\" \\\\ \\u{E9} // not a comment\"",
    "true",
    "false",
];
const TYPES: &[&str] = &[
    "int", "bool", "string", "money", "percent", "date", "duration", "number", "Region",
];
const NAMES: &[&str] = &[
    "a", "b", "région", "prix", "level", "text", "set", "x_1", "é_2", "score",
];
const IDS: &[&str] = &["HEB-01", "EVI_2", "A", "É-1", "test", "R-99"];
const COMMENTS: &[&str] = &[
    "// c",
    "//",
    "// a // b",
    "//é💶",
    "////",
    "// trailing spaces   ",
    "// { not code }",
];

#[derive(Debug, Clone)]
enum Expr {
    Atom(String),
    Binary(&'static str, Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
    Neg(Box<Expr>),
    Paren(Box<Expr>),
    List(Vec<Expr>, bool),
    Quantifier(&'static str, String, Box<Expr>, Box<Expr>),
    /// `count` and the aggregates over a list (`sum`, `mean`, `min`, `max`), which share
    /// its form: the word, then `(xs)` or `(x in xs: e)`.
    Count(&'static str, Option<String>, Box<Expr>, Option<Box<Expr>>),
    If(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `lowest(e)`, `highest(e)`, and the calls of the other functions: the text checks
    /// (`siret(e)`, `matches(e, "…")`) and unknown names (`avg(e)`), which the formatter
    /// keeps as written.
    Aggregate(&'static str, Box<Expr>),
    /// `matches(e, "pattern")`.
    Matches(Box<Expr>),
    /// `business_duration(e, e, e, e, e)`, which the formatter breaks one argument a line
    /// when it is too long.
    BusinessDuration(Vec<Expr>),
    Passed(&'static str),
    /// A table, `{ "IDO": e, ELEVE: e }`: its keys as written, strings or names.
    Table(Vec<(&'static str, Expr)>),
    /// The entry of a table, `plafonds[e]`: the `[` right after the name.
    Index(&'static str, Box<Expr>),
}

/// The keys of tables: strings for maps, names for records or enum variants.
const TABLE_KEYS: &[&str] = &["\"IDO\"", "\"\"", "\"é 1\"", "ELEVE", "plafond", "é_2"];
const TABLES: &[&str] = &["plafonds", "justifications", "t.prix", "région"];

const OPERATORS: &[&str] = &[
    "implies", "or", "and", "==", "!=", "<", "<=", ">", ">=", "in", "+", "-", "*", "/",
];

fn precedence(e: &Expr) -> u8 {
    match e {
        Expr::Quantifier(..) | Expr::If(..) => 0,
        Expr::Binary(op, ..) => operator_precedence(op),
        Expr::Not(_) => 4,
        Expr::Neg(_) => 8,
        _ => 9,
    }
}

fn operator_precedence(op: &str) -> u8 {
    match op {
        "implies" => 1,
        "or" => 2,
        "and" => 3,
        "+" | "-" => 6,
        "*" | "/" => 7,
        _ => 5,
    }
}

impl Program {
    fn new(seed: u64) -> Self {
        Self {
            rng: Rng::new(seed),
            tokens: Vec::new(),
        }
    }

    fn word(&mut self, text: &str) {
        self.tokens.push((Kind::Word, text.to_string()));
    }

    fn symbol(&mut self, text: &str) {
        self.tokens.push((Kind::Symbol, text.to_string()));
    }

    /// The first token of an item: a line break comes before it.
    fn item_word(&mut self, text: &str) {
        self.tokens.push((Kind::Item, text.to_string()));
    }

    fn docs(&mut self, percent: usize) {
        if self.rng.chance(percent) {
            for _ in 0..=self.rng.below(2) {
                let text = self
                    .rng
                    .pick(&["/// Doc.", "///", "///  indented", "/// é 💶"]);
                self.tokens.push((Kind::Doc, text.to_string()));
            }
        }
    }

    fn name(&mut self) {
        let name = self.rng.pick(NAMES);
        self.word(name);
    }

    fn string(&mut self) {
        let text = self.rng.pick(&["\"Texte\"", "\"l'UE « x »\"", "\"a\\nb\""]);
        self.word(text);
    }

    fn file(&mut self) {
        for _ in 0..=self.rng.below(5) {
            self.item();
        }
    }

    fn item(&mut self) {
        self.docs(25);
        match self.rng.below(9) {
            0 => {
                self.item_word("enum");
                self.name();
                self.symbol("{");
                let count = self.rng.below(5);
                for i in 0..count {
                    self.docs(15);
                    self.name();
                    if i + 1 < count || self.rng.chance(30) {
                        self.symbol(",");
                    }
                }
                self.symbol("}");
            }
            1 => {
                self.item_word("type");
                self.name();
                self.symbol("=");
                self.type_expr(2);
            }
            2 => {
                self.item_word("descriptor");
                self.record(2);
            }
            3 => {
                self.item_word("param");
                self.name();
                self.symbol(":");
                self.type_expr(1);
                self.symbol("=");
                let value = self.expr(3);
                self.emit(&value);
            }
            4 | 5 => {
                let criterion = self.rng.chance(40);
                // Indicators and risks are chosen from the tokens written so far rather
                // than a new draw, so the other programs the seeds give stay the same.
                self.word(if criterion {
                    "criterion"
                } else {
                    ["requirement", "requirement", "indicator", "risk"][self.tokens.len() % 4]
                });
                let id = self.rng.pick(IDS);
                self.word(id);
                self.string();
                if criterion && self.rng.chance(70) {
                    self.word("weight");
                    let weight = self.rng.pick(&["40", "12.5", "0"]);
                    self.word(weight);
                }
                self.symbol("{");
                for _ in 0..self.rng.below(6) {
                    self.clause_field();
                }
                self.symbol("}");
            }
            6 => {
                self.item_word("use");
                self.word("edtech-fr");
                if self.rng.chance(60) {
                    self.symbol("::");
                    self.symbol("{");
                    let count = self.rng.below(4);
                    for i in 0..count {
                        let id = self.rng.pick(IDS);
                        self.word(id);
                        if self.rng.chance(40) {
                            self.word("as");
                            let level = self.rng.pick(&["must", "should", "info", "execution"]);
                            self.word(level);
                        }
                        if i + 1 < count || self.rng.chance(20) {
                            self.symbol(",");
                        }
                    }
                    self.symbol("}");
                }
            }
            7 => {
                self.item_word("set");
                self.word("edtech-fr");
                self.symbol("::");
                self.name();
                self.symbol("=");
                let value = self.expr(2);
                self.emit(&value);
            }
            _ => self.test(),
        }
    }

    fn clause_field(&mut self) {
        match self.rng.below(8) {
            7 => {
                self.word("lots");
                for index in 0..=self.rng.below(3) {
                    if index > 0 {
                        self.symbol(",");
                    }
                    let id = self.rng.pick(&["\"1\"", "\"2\"", "\"ENT\""]);
                    self.word(id);
                }
            }
            0 => {
                self.word("level");
                let level = self.rng.pick(&["must", "should", "info", "execution"]);
                self.word(level);
            }
            1..=3 => {
                let word = match self.rng.pick(&["text", "note", "ref", "evidence"]) {
                    "note" if self.tokens.len().is_multiple_of(3) => "no_equivalent",
                    word => word,
                };
                self.word(word);
                // A required document: `evidence documents.rgs "…"`, and the kinds of
                // proof it comes with: `evidence hosting.hds from document, audit "…"`.
                if word == "evidence" && self.rng.below(2) == 0 {
                    let path = self.rng.pick(&["documents.rgs", "pièces", "a.b.c"]);
                    self.word(path);
                    // Chosen from the tokens written so far rather than new draws, so the
                    // forms drawn after it keep their frequencies.
                    let kinds = ["document", "registry", "audit"];
                    let count = self.tokens.len() % 4;
                    if count > 0 {
                        self.word("from");
                        for index in 0..count {
                            if index > 0 {
                                self.symbol(",");
                            }
                            self.word(kinds[(self.tokens.len() + index) % kinds.len()]);
                        }
                    }
                }
                self.string();
            }
            _ => {
                let word = self.rng.pick(&["when", "require", "score"]);
                // The lines of indicators and risks, chosen from the tokens written so
                // far rather than a new draw, as above.
                let word = match self.tokens.len() % 9 {
                    0 => "value",
                    1 => "spend",
                    2 => "ends",
                    3 => "window",
                    4 => "alternatives",
                    5 => "by",
                    _ => word,
                };
                self.word(word);
                if word == "by" {
                    for index in 0..=self.rng.below(2) {
                        if index > 0 {
                            self.symbol(",");
                        }
                        let path = self.rng.pick(&["category", "supplier.jurisdiction", "é"]);
                        self.word(path);
                    }
                    return;
                }
                let value = self.expr(4);
                self.emit(&value);
            }
        }
    }

    fn test(&mut self) {
        self.item_word("test");
        self.string();
        self.symbol("{");
        let expects = self.rng.below(4);
        let given_at = if self.rng.chance(80) {
            Some(self.rng.below(expects + 1))
        } else {
            None
        };
        for i in 0..=expects {
            if given_at == Some(i) {
                self.word("given");
                if self.rng.chance(20) {
                    self.word("\"descriptors/ok.json\"");
                } else {
                    self.data_object(2);
                }
            }
            if i < expects {
                self.word("expect");
                match self.rng.below(3) {
                    0 => {
                        // Not `review ID`: a line break may come between the words,
                        // which makes `review` the offer's status.
                        let status = self.rng.pick(&[
                            "eligible",
                            "ineligible",
                            "incomplete",
                            "invalid",
                            "review",
                        ]);
                        self.word(status);
                    }
                    1 => {
                        let status = self
                            .rng
                            .pick(&["pass", "fail", "missing", "not_applicable"]);
                        self.word(status);
                        let id = self.rng.pick(IDS);
                        self.word(id);
                    }
                    _ => {
                        self.word("score");
                        let op = self.rng.pick(&[">=", "<", "=="]);
                        self.symbol(op);
                        let value = self.rng.pick(&["60", "99.50"]);
                        self.word(value);
                    }
                }
            }
        }
        self.symbol("}");
    }

    fn data_object(&mut self, depth: usize) {
        self.symbol("{");
        let count = self.rng.below(5);
        for i in 0..count {
            if self.rng.chance(20) {
                self.word("\"clé\"");
            } else {
                self.name();
            }
            self.symbol(":");
            self.data_value(depth);
            if i + 1 < count || self.rng.chance(20) {
                self.symbol(",");
            }
        }
        self.symbol("}");
    }

    fn data_value(&mut self, depth: usize) {
        match self.rng.below(if depth == 0 { 1 } else { 4 }) {
            0 => {
                let value = self.rng.pick(&[
                    "null",
                    "1",
                    "-2",
                    "-4.5",
                    "\"EU\"",
                    "true",
                    "75%",
                    "6 €",
                    "2026-12-01",
                    "30 days",
                ]);
                self.word(value);
            }
            1 => self.data_object(depth - 1),
            _ => {
                self.symbol("[");
                let count = self.rng.below(4);
                for i in 0..count {
                    self.data_value(depth - 1);
                    if i + 1 < count {
                        self.symbol(",");
                    }
                }
                self.symbol("]");
            }
        }
    }

    fn type_expr(&mut self, depth: usize) {
        match self.rng.below(if depth == 0 { 1 } else { 5 }) {
            // A table of named values, chosen from the tokens written so far rather than
            // a new draw.
            0 | 1 if self.tokens.len().is_multiple_of(4) => {
                self.word("map");
                self.symbol("<");
                let key = self.rng.pick(&["string", "Region"]);
                self.word(key);
                self.symbol(",");
                let value = self.rng.pick(TYPES);
                self.word(value);
                self.symbol(">");
            }
            0 | 1 => {
                let name = self.rng.pick(TYPES);
                self.word(name);
            }
            2 if self.tokens.len().is_multiple_of(3) => {
                self.word("map");
                self.symbol("<");
                let key = self.rng.pick(&["string", "Region"]);
                self.word(key);
                self.symbol(",");
                self.type_expr(depth - 1);
                self.symbol(">");
            }
            2 => {
                self.word("list");
                self.symbol("<");
                self.type_expr(depth - 1);
                self.symbol(">");
            }
            3 => {
                self.word("set");
                self.symbol("<");
                self.type_expr(depth - 1);
                self.symbol(">");
            }
            _ => self.record(depth - 1),
        }
    }

    fn record(&mut self, depth: usize) {
        self.symbol("{");
        let count = self.rng.below(5);
        for i in 0..count {
            self.docs(15);
            self.name();
            self.symbol(":");
            self.type_expr(depth);
            if i + 1 < count && self.rng.chance(50) {
                self.symbol(",");
            }
        }
        self.symbol("}");
    }

    fn atom(&mut self) -> Expr {
        // Some paths read a table's entry and some literals are tables, chosen from the
        // tokens written so far rather than a new draw.
        let table_form = self.tokens.len().is_multiple_of(6);
        let text = match self.rng.below(5) {
            0 | 1 if table_form => {
                let key = self.rng.pick(PATHS);
                return Expr::Index(
                    TABLES[self.tokens.len() / 6 % TABLES.len()],
                    Box::new(Expr::Atom(key.to_string())),
                );
            }
            0 | 1 => self.rng.pick(PATHS),
            2 if table_form => {
                let value = self.rng.pick(LITERALS);
                let key = TABLE_KEYS[self.tokens.len() / 6 % TABLE_KEYS.len()];
                return Expr::Table(vec![(key, Expr::Atom(value.to_string()))]);
            }
            2 => self.rng.pick(LITERALS),
            3 => self.rng.pick(&["today", "has hosting.region", "has a"]),
            // Not `test`, which would start an item at the start of a line.
            _ => return Expr::Passed(self.rng.pick(&["HEB-01", "EVI_2", "É-1"])),
        };
        Expr::Atom(text.to_string())
    }

    fn expr(&mut self, depth: usize) -> Expr {
        if depth == 0 || self.rng.chance(25) {
            return self.atom();
        }
        let sub = |program: &mut Self| Box::new(program.expr(depth - 1));
        match self.rng.below(12) {
            0..=3 => {
                let op = OPERATORS[self.rng.below(OPERATORS.len())];
                Expr::Binary(op, sub(self), sub(self))
            }
            4 => Expr::Not(sub(self)),
            5 => Expr::Neg(sub(self)),
            6 => Expr::Paren(sub(self)),
            7 => {
                let items: Vec<Expr> = (0..self.rng.below(4))
                    .map(|_| self.expr(depth - 1))
                    .collect();
                // Tables are chosen from the tokens written so far rather than a new
                // draw, so the other programs the seeds give stay the same.
                match self.tokens.len() % 5 {
                    0 => Expr::Table(
                        items
                            .into_iter()
                            .enumerate()
                            .map(|(index, item)| {
                                (
                                    TABLE_KEYS[(index + self.tokens.len()) % TABLE_KEYS.len()],
                                    item,
                                )
                            })
                            .collect(),
                    ),
                    1 => Expr::Index(
                        TABLES[self.tokens.len() / 5 % TABLES.len()],
                        Box::new(items.into_iter().next().unwrap_or_else(|| self.atom())),
                    ),
                    _ => Expr::List(items, self.rng.chance(20)),
                }
            }
            8 => {
                let kind = self.rng.pick(&["all", "any"]);
                let var = self.rng.pick(&["s", "x", "é"]).to_string();
                Expr::Quantifier(kind, var, sub(self), sub(self))
            }
            9 => {
                // Chosen from the tokens written so far rather than a new draw, so the
                // other programs the seeds give stay the same.
                let word = ["count", "sum", "mean", "min", "max"][self.tokens.len() % 5];
                // `share` needs its binding; chosen as the other words are.
                let word = if self.tokens.len() % 7 == 3 {
                    "share"
                } else {
                    word
                };
                if word == "share" || self.rng.chance(50) {
                    Expr::Count(word, Some("s".to_string()), sub(self), Some(sub(self)))
                } else {
                    Expr::Count(word, None, sub(self), None)
                }
            }
            10 => Expr::If(sub(self), sub(self), sub(self)),
            _ => {
                let kind = self.rng.pick(&["lowest", "highest"]);
                // The other functions are chosen from the tokens written so far rather
                // than a new draw, so the other programs the seeds give stay the same.
                match self.tokens.len() % 6 {
                    0 => Expr::Matches(sub(self)),
                    1 => Expr::Aggregate(
                        ["siret", "uai", "https_url", "avg", "weekday"]
                            [(self.tokens.len() / 6) % 5],
                        sub(self),
                    ),
                    2 => Expr::BusinessDuration((0..5).map(|_| *sub(self)).collect()),
                    _ => Expr::Aggregate(kind, sub(self)),
                }
            }
        }
    }

    /// Writes `e` as tokens, with the parentheses its place needs.
    fn emit(&mut self, e: &Expr) {
        match e {
            Expr::Atom(text) => {
                if let Some(path) = text.strip_prefix("has ") {
                    self.word("has");
                    self.word(path);
                } else {
                    self.word(text);
                }
            }
            Expr::Binary(op, lhs, rhs) => {
                let p = operator_precedence(op);
                let comparison = p == 5;
                let lhs_paren = precedence(lhs) < p
                    || (precedence(lhs) == p && (comparison || *op == "implies"));
                let rhs_paren = precedence(rhs) < p || (precedence(rhs) == p && *op != "implies");
                self.emit_maybe_paren(lhs, lhs_paren);
                if op.chars().all(char::is_alphabetic) {
                    self.word(op);
                } else {
                    self.symbol(op);
                }
                self.emit_maybe_paren(rhs, rhs_paren);
            }
            Expr::Not(operand) => {
                self.word("not");
                self.emit_maybe_paren(operand, precedence(operand) < 4);
            }
            Expr::Neg(operand) => {
                self.symbol("-");
                self.emit_maybe_paren(operand, precedence(operand) < 8);
            }
            Expr::Paren(inner) => self.emit_maybe_paren(inner, true),
            Expr::List(items, trailing_comma) => {
                self.symbol("[");
                for (i, item) in items.iter().enumerate() {
                    self.emit(item);
                    if i + 1 < items.len() || (*trailing_comma && !items.is_empty()) {
                        self.symbol(",");
                    }
                }
                self.symbol("]");
            }
            Expr::Quantifier(kind, var, collection, body) => {
                self.word(kind);
                self.word(var);
                self.word("in");
                self.emit_maybe_paren(collection, precedence(collection) == 0);
                self.symbol(":");
                self.emit(body);
            }
            Expr::Count(word, var, collection, body) => {
                self.word(word);
                self.symbol("(");
                match (var, body) {
                    (Some(var), Some(body)) => {
                        self.word(var);
                        self.word("in");
                        self.emit_maybe_paren(collection, precedence(collection) <= 5);
                        self.symbol(":");
                        self.emit(body);
                    }
                    _ => self.emit(collection),
                }
                self.symbol(")");
            }
            Expr::If(cond, then_branch, else_branch) => {
                self.word("if");
                self.emit(cond);
                self.word("then");
                self.emit(then_branch);
                self.word("else");
                self.emit(else_branch);
            }
            Expr::Aggregate(kind, arg) => {
                self.word(kind);
                self.symbol("(");
                self.emit(arg);
                self.symbol(")");
            }
            Expr::BusinessDuration(args) => {
                self.word("business_duration");
                self.symbol("(");
                for (i, arg) in args.iter().enumerate() {
                    if i > 0 {
                        self.symbol(",");
                    }
                    self.emit(arg);
                }
                self.symbol(")");
            }
            Expr::Matches(text) => {
                self.word("matches");
                self.symbol("(");
                self.emit(text);
                self.symbol(",");
                self.word("\"^[0-9]{5}$\"");
                self.symbol(")");
            }
            Expr::Passed(id) => {
                self.word("passed");
                self.symbol("(");
                self.word(id);
                self.symbol(")");
            }
            Expr::Table(entries) => {
                self.symbol("{");
                for (i, (key, value)) in entries.iter().enumerate() {
                    self.word(key);
                    self.symbol(":");
                    self.emit(value);
                    if i + 1 < entries.len() {
                        self.symbol(",");
                    }
                }
                self.symbol("}");
            }
            Expr::Index(table, key) => {
                // One token: nothing may come between the name and its `[`.
                self.word(&format!("{table}["));
                self.emit(key);
                self.symbol("]");
            }
        }
    }

    fn emit_maybe_paren(&mut self, e: &Expr, paren: bool) {
        if paren {
            self.symbol("(");
            self.emit(e);
            self.symbol(")");
        } else {
            self.emit(e);
        }
    }

    /// The tokens joined by random gaps.
    fn render(mut self) -> String {
        let tokens = std::mem::take(&mut self.tokens);
        let mut out = String::new();
        let mut previous: Option<(Kind, String)> = None;
        for (kind, text) in tokens {
            if let Some((before, before_text)) = &previous {
                let gap = self.gap(*before, kind, glued(before_text, &text));
                out.push_str(&gap);
            }
            out.push_str(&text);
            previous = Some((kind, text));
        }
        out.push('\n');
        out
    }

    fn gap(&mut self, before: Kind, after: Kind, may_glue: bool) -> String {
        let comment = self.rng.pick(COMMENTS);
        let roll = self.rng.below(100);
        if before == Kind::Item {
            // `requirement // c` would not start an item.
            return " ".to_string();
        }
        if before == Kind::Doc || after == Kind::Doc || after == Kind::Item {
            return match roll {
                0..=9 => format!("\n{comment}\n"),
                10..=29 => "\n\n".to_string(),
                _ => "\n".to_string(),
            };
        }
        match roll {
            0..=39 => " ".to_string(),
            40..=54 if may_glue => String::new(),
            40..=54 => "  ".to_string(),
            55..=69 => "\n  ".to_string(),
            70..=76 => "\n\n".to_string(),
            77..=85 => format!(" {comment}\n"),
            86..=93 => format!("\n  {comment}\n"),
            94..=96 => format!("\n\n{comment}\n\n"),
            _ => "\t\u{a0}".to_string(),
        }
    }
}

/// Whether two tokens may touch without merging into one.
fn glued(before: &str, after: &str) -> bool {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let (last, first) = (before.chars().last(), after.chars().next());
    let merge = word(last) && word(first);
    let comment = last == Some('/') && first == Some('/');
    !(merge || comment)
}

fn program(seed: u64) -> String {
    let mut program = Program::new(seed);
    program.file();
    program.render()
}

fn check(text: &str) -> Result<(), TestCaseError> {
    if parse_clean(text).is_err() {
        // Not a program: the formatter must refuse it, and say so.
        return match clausier_fmt::format(text) {
            Err(clausier_fmt::FormatError::Syntax { .. }) => Ok(()),
            other => Err(TestCaseError::fail(format!(
                "a text with syntax errors gave {other:?}\n--- input\n{text}"
            ))),
        };
    }
    check_format(text)
        .map(|_| ())
        .map_err(|problem| TestCaseError::fail(format!("{problem}\n--- input\n{text}")))
}

#[test]
fn the_generator_makes_valid_programs() {
    const PROGRAMS: u64 = 400;
    let valid: Vec<String> = (0..PROGRAMS)
        .map(program)
        .filter(|text| parse_clean(text).is_ok())
        .collect();
    assert!(
        valid.len() as u64 * 3 >= PROGRAMS * 2,
        "only {} of {PROGRAMS} generated programs parse",
        valid.len()
    );
    // Tables, their entries and their types, the kinds of proof of a document and
    // `no_equivalent` are among the forms the valid ones hold.
    for form in [
        "map<",
        "plafonds[",
        "justifications[",
        "t.prix[",
        "région[",
        "from",
        "no_equivalent",
    ] {
        let holding = valid.iter().filter(|text| text.contains(form)).count();
        assert!(holding >= 5, "only {holding} valid programs hold `{form}`");
    }
    let with_a_table = valid
        .iter()
        .filter_map(|text| clausier_fmt::format(text).ok())
        .filter(|formatted| {
            TABLE_KEYS
                .iter()
                .any(|key| formatted.contains(&format!("{{ {key}: ")))
        })
        .count();
    assert!(
        with_a_table >= 5,
        "only {with_a_table} valid programs hold a table"
    );
}

#[expect(clippy::unwrap_used, reason = "a missing fixture fails the test")]
fn fixtures() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut paths: Vec<_> = ["tests/fmt", "rules/edtech-fr"]
        .iter()
        .flat_map(|folder| std::fs::read_dir(root.join(folder)).unwrap())
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "clause"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| std::fs::read_to_string(path).unwrap())
        .collect()
}

#[derive(Debug, Clone)]
enum Edit {
    /// Insert a gap before the `at`-th whitespace character of the text.
    Insert { at: usize, gap: &'static str },
    /// Delete the `at`-th whitespace character.
    Delete { at: usize },
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (
            any::<usize>(),
            prop::sample::select(
                &[
                    " ",
                    "\n",
                    "\n\n",
                    "\t",
                    " // inserted\n",
                    "\n// inserted\n",
                    "\n\n// inserted\n\n",
                    "//\n",
                ][..]
            )
        )
            .prop_map(|(at, gap)| Edit::Insert { at, gap }),
        any::<usize>().prop_map(|at| Edit::Delete { at }),
    ]
}

fn apply(text: &str, edit: &Edit) -> String {
    let spaces: Vec<usize> = text
        .char_indices()
        .filter(|(_, c)| c.is_whitespace())
        .map(|(at, _)| at)
        .collect();
    if spaces.is_empty() {
        return text.to_string();
    }
    match edit {
        Edit::Insert { at, gap } => {
            let at = spaces[at % spaces.len()];
            format!("{}{gap}{}", &text[..at], &text[at..])
        }
        Edit::Delete { at } => {
            let at = spaces[at % spaces.len()];
            let c = text[at..].chars().next().map_or(1, char::len_utf8);
            format!("{}{}", &text[..at], &text[at + c..])
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn generated_programs(seed in any::<u64>()) {
        check(&program(seed))?;
    }

    #[test]
    fn edited_fixtures(pick in any::<usize>(), edits in prop::collection::vec(edit(), 1..12)) {
        let fixtures = fixtures();
        let mut text = fixtures[pick % fixtures.len()].clone();
        for edit in &edits {
            text = apply(&text, edit);
        }
        check(&text)?;
    }
}
