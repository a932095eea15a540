//! The packs the model knows: one schema, parameters, requirements and criteria over
//! expressions of every form of the language.

use crate::calendar::Day;
use crate::clock::{Clock, Moment};
use crate::number::Num;

/// The days of the built-in `weekday`, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];

/// The variants of the one enum of the schema, in declaration (and so rank) order.
pub const REGIONS: [&str; 4] = ["EU", "EEA", "ADEQUATE", "OTHER"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ty {
    Bool,
    Int,
    Number,
    Percent,
    Money,
    Date,
    Duration,
    /// A time of day.
    Time,
    /// A date and a time of day.
    DateTime,
    Str,
    Region,
    /// A record type: its fields in declaration order.
    Record(&'static [(&'static str, Ty)]),
    List(Box<Ty>),
    Set(Box<Ty>),
    /// A parameter's table, keyed by strings or by `Region`.
    Map(Box<Ty>, Box<Ty>),
}

impl Ty {
    pub fn is_numeric(&self) -> bool {
        matches!(self, Ty::Int | Ty::Number)
    }

    pub fn element(&self) -> Option<&Ty> {
        match self {
            Ty::List(element) | Ty::Set(element) => Some(element),
            _ => None,
        }
    }

    /// How the type is written in a clause file.
    pub fn source(&self) -> String {
        match self {
            Ty::Bool => "bool".to_owned(),
            Ty::Int => "int".to_owned(),
            Ty::Number => "number".to_owned(),
            Ty::Percent => "percent".to_owned(),
            Ty::Money => "money".to_owned(),
            Ty::Date => "date".to_owned(),
            Ty::Duration => "duration".to_owned(),
            Ty::Time => "time".to_owned(),
            Ty::DateTime => "datetime".to_owned(),
            Ty::Str => "string".to_owned(),
            Ty::Region => "Region".to_owned(),
            Ty::Record(fields) if *fields == SUPPLIER => "Supplier".to_owned(),
            Ty::Record(fields) => {
                let inner: Vec<String> = fields
                    .iter()
                    .map(|(name, ty)| format!("{name}: {}", ty.source()))
                    .collect();
                format!("{{ {} }}", inner.join(", "))
            }
            Ty::List(element) => format!("list<{}>", element.source()),
            Ty::Set(element) => format!("set<{}>", element.source()),
            Ty::Map(key, value) => format!("map<{}, {}>", key.source(), value.source()),
        }
    }
}

/// The named record type of list elements.
pub const SUPPLIER: &[(&str, Ty)] = &[
    ("name", Ty::Str),
    ("region", Ty::Region),
    ("share", Ty::Percent),
    ("active", Ty::Bool),
    ("fee", Ty::Money),
];

const DEEP: &[(&str, Ty)] = &[("when", Ty::Date)];
const NESTED: &[(&str, Ty)] = &[
    ("ok", Ty::Bool),
    ("level", Ty::Number),
    ("deep", Ty::Record(DEEP)),
];

/// The descriptor's fields. `id` names each offer in reports.
pub fn descriptor_fields() -> Vec<(&'static str, Ty)> {
    vec![
        ("id", Ty::Str),
        ("flag", Ty::Bool),
        ("other", Ty::Bool),
        ("n", Ty::Number),
        ("ratio", Ty::Number),
        ("m", Ty::Int),
        ("k", Ty::Int),
        ("rate", Ty::Percent),
        ("share", Ty::Percent),
        ("price", Ty::Money),
        ("cost", Ty::Money),
        ("since", Ty::Date),
        ("until", Ty::Date),
        ("notice", Ty::Duration),
        ("delay", Ty::Duration),
        ("opens", Ty::Time),
        ("closes", Ty::Time),
        ("opened", Ty::DateTime),
        ("taken", Ty::DateTime),
        // Moments a few days apart, for business durations (counted minute by minute).
        ("reported", Ty::DateTime),
        ("answered", Ty::DateTime),
        ("region", Ty::Region),
        ("name", Ty::Str),
        ("tags", Ty::Set(Box::new(Ty::Str))),
        ("sizes", Ty::List(Box::new(Ty::Int))),
        ("levels", Ty::Set(Box::new(Ty::Region))),
        ("suppliers", Ty::List(Box::new(Ty::Record(SUPPLIER)))),
        ("nested", Ty::Record(NESTED)),
        // Labels and certifications, read only by the requirements written for claims of
        // an equivalent (see `LABEL_FIELDS`).
        ("certif_a", Ty::Bool),
        ("hds", Ty::Bool),
        ("label_b", Ty::Int),
        ("labels", Ty::Set(Box::new(Ty::Str))),
    ]
}

/// The descriptor fields that hold a label or a certification. Random expressions never
/// read them: only the requirements the generator writes for claims of an equivalent do,
/// in shapes whose failure reads exactly their one label field.
pub const LABEL_FIELDS: [&str; 4] = ["certif_a", "hds", "label_b", "labels"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arith {
    Add,
    Sub,
    Mul,
    Div,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// The aggregates over one offer's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reduce {
    Sum,
    Mean,
    Min,
    Max,
}

impl Reduce {
    pub fn word(self) -> &'static str {
        match self {
            Reduce::Sum => "sum",
            Reduce::Mean => "mean",
            Reduce::Min => "min",
            Reduce::Max => "max",
        }
    }
}

/// The text checks of the standard library. The patterns of `matches` are the few the
/// generator writes, each with the meaning the language reference gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextCheck {
    Siret,
    Uai,
    HttpsUrl,
    /// `matches(t, "^https://")`: the text starts with `https://`.
    StartsHttps,
    /// `matches(t, "[0-9]")`: a digit anywhere in the text.
    HasDigit,
    /// `matches(t, "^[0-9]{14}$")`: exactly fourteen digits.
    FourteenDigits,
}

impl TextCheck {
    pub const ALL: [TextCheck; 6] = [
        TextCheck::Siret,
        TextCheck::Uai,
        TextCheck::HttpsUrl,
        TextCheck::StartsHttps,
        TextCheck::HasDigit,
        TextCheck::FourteenDigits,
    ];

    /// The call as written, around the text `t`.
    pub fn call(self, t: &str) -> String {
        match self {
            TextCheck::Siret => format!("siret({t})"),
            TextCheck::Uai => format!("uai({t})"),
            TextCheck::HttpsUrl => format!("https_url({t})"),
            TextCheck::StartsHttps => format!("matches({t}, \"^https://\")"),
            TextCheck::HasDigit => format!("matches({t}, \"[0-9]\")"),
            TextCheck::FourteenDigits => format!("matches({t}, \"^[0-9]{{14}}$\")"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DurationUnit {
    Days,
    Weeks,
    Months,
    Years,
    Hours,
    Minutes,
}

/// An expression. Every node is well typed by construction.
#[derive(Debug, Clone)]
pub enum Expr {
    Bool(bool),
    Int(i64),
    Number(Num),
    Percent(Num),
    Money(Num),
    Date(Day),
    Duration(i64, DurationUnit),
    Time(Clock),
    DateTime(Moment),
    Str(String),
    Variant(usize),
    /// A list literal; `set` when the context makes it a set (its duplicates go).
    List {
        items: Vec<Expr>,
        set: bool,
    },
    /// A descriptor path.
    Field(Vec<&'static str>),
    /// A bound variable, then a path into it.
    Local(usize, Vec<&'static str>),
    Param(usize),
    Today,
    Has(Vec<&'static str>),
    Not(Box<Expr>),
    Neg(Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Implies(Box<Expr>, Box<Expr>),
    Compare(Cmp, Box<Expr>, Box<Expr>),
    Arith(Arith, Box<Expr>, Box<Expr>),
    In(Box<Expr>, Box<Expr>),
    /// A table: each key (a string or a `Region` variant literal) once, with its value.
    Table(Vec<(Expr, Expr)>),
    /// `p[k]`: the entry of a table parameter.
    Index(usize, Box<Expr>),
    /// A record literal, every field of its type once, in declaration order.
    Record(Vec<(&'static str, Expr)>),
    /// `p.field`: a field of a record parameter.
    ParamField(usize, &'static str),
    /// `all` (true) or `any` (false) of variable `var` in a collection.
    Quantifier {
        all: bool,
        var: usize,
        collection: Box<Expr>,
        body: Box<Expr>,
    },
    Count(Box<Expr>),
    CountWhere {
        var: usize,
        collection: Box<Expr>,
        condition: Box<Expr>,
    },
    /// `sum`, `mean`, `min` or `max` of a list's elements (`projection: None`) or of a
    /// value of each element; `values` is the type of what is aggregated.
    Reduce {
        reduce: Reduce,
        collection: Box<Expr>,
        projection: Option<(usize, Box<Expr>)>,
        values: Ty,
    },
    /// `siret(t)`, `uai(t)`, `https_url(t)` or `matches(t, "…")` of a text.
    TextCheck(TextCheck, Box<Expr>),
    /// `weekday(of) in [lundi, …]`: whether a date or datetime falls on one of the days
    /// (indexes into [`WEEKDAYS`], never empty).
    WeekdayIn(Box<Expr>, Vec<usize>),
    /// `business_duration(start, end, [days…], opens, closes)`, its days a literal set.
    BusinessDuration {
        start: Box<Expr>,
        end: Box<Expr>,
        days: Vec<usize>,
        opens: Box<Expr>,
        closes: Box<Expr>,
    },
    If(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `lowest` (true) or `highest` (false) of a descriptor field over the eligible offers.
    /// `passed(R-i)`: the outcome of the requirement at this index of the pack (in a
    /// criterion's score, of a `should` requirement).
    Passed(usize),
    Aggregate {
        lowest: bool,
        path: Vec<&'static str>,
    },
}

#[derive(Debug, Clone)]
pub struct Param {
    pub name: String,
    pub ty: Ty,
    pub value: Expr,
}

#[derive(Debug, Clone)]
pub struct Requirement {
    pub id: String,
    pub must: bool,
    pub when: Option<Expr>,
    pub require: Expr,
    /// `evidence PATH [from KIND, …] "…"`: the documents it requires.
    pub documents: Vec<Document>,
    /// `no_equivalent "…"`: the reason it admits no claim of an equivalent.
    pub no_equivalent: Option<String>,
    /// `lots "1", "2"`: the lots it applies to; empty for every lot.
    pub lots: Vec<String>,
}

/// A document a requirement requires: the descriptor field that gives it, and the kinds
/// of proof it accepts (`from document, registry`); none listed accepts any kind.
#[derive(Debug, Clone)]
pub struct Document {
    pub path: Vec<&'static str>,
    pub proof: Vec<&'static str>,
}

/// The kinds of proof a clause may ask for; a value without `$source` is `declared`,
/// which is no proof.
pub const PROOF_KINDS: [&str; 3] = ["document", "registry", "audit"];

#[derive(Debug, Clone)]
pub struct Criterion {
    pub id: String,
    pub weight: u32,
    pub score: Expr,
    /// `lots "1", "2"`: the lots it scores; empty for every lot.
    pub lots: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Pack {
    /// The ids of the lots `[document]` declares, in order; empty for a contract in one
    /// piece.
    pub lots: Vec<String>,
    pub params: Vec<Param>,
    pub requirements: Vec<Requirement>,
    pub criteria: Vec<Criterion>,
}

/// Whether a clause limited to `clause_lots` (empty: every lot) is part of the
/// evaluation of an offer on `lot` (`None`: a contract in one piece).
pub fn applies_to(clause_lots: &[String], lot: Option<&str>) -> bool {
    match lot {
        None => true,
        Some(lot) => clause_lots.is_empty() || clause_lots.iter().any(|named| named == lot),
    }
}
