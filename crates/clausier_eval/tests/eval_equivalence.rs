//! The compiled form agrees with the reference interpreter on random well-typed
//! expressions and random descriptors with absent fields, and `run` derives from those
//! values the statuses the brief defines.
//!
//! Both sides call the same operator table (`clausier_check::ops`), so this test checks
//! compilation (field slots, folding, short cuts), not what the operators compute: that is
//! the independent model's job (`crates/clausier_model/tests/differential.rs`).

#![allow(
    clippy::expect_used,
    clippy::panic,
    reason = "tests state their expectations"
)]

mod eval_support;

use std::sync::Arc;

use clausier_check::hir::{ArithOp, CheckedPack, LocalId, TExpr, TExprKind};
use clausier_check::list_aggregates;
use clausier_check::text_functions::TextCheck;
use clausier_check::types::{EnumId, Schema, Ty};
use clausier_check::value::{Duration, Record, Value};
use clausier_data::descriptor::{Descriptor, Locations};
use clausier_eval::report::{ClauseResult, DescriptorStatus, RequirementStatus};
use clausier_eval::{ClauseExpr, EvalContext, RunOptions, reference, run};
use clausier_syntax::ast::{AggregateKind, CompareOp, Level, ListAggregateKind};
use clausier_syntax::lexicon;
use eval_support::*;
use jiff::civil::Date;
use proptest::arbitrary::any;
use proptest::prelude::*;
use proptest::strategy::Union;
use rust_decimal::Decimal;

/// The built-in `weekday`, declared by [`schema`] right after `Region`.
const WEEKDAY: EnumId = EnumId(1);

/// Some days of the week as a list literal, by their positions from Monday.
fn days(positions: Vec<u32>) -> TExpr {
    let day = Ty::Enum(WEEKDAY);
    let items = positions
        .into_iter()
        .map(|position| {
            expr(
                TExprKind::Const(Value::Enum(WEEKDAY, position)),
                day.clone(),
            )
        })
        .collect();
    list_of(items, day)
}

/// `weekday(of) in [days…]`.
fn weekday_in(of: TExpr, positions: Vec<u32>) -> TExpr {
    let day = expr(
        TExprKind::Weekday {
            of: Box::new(of),
            weekday: WEEKDAY,
        },
        Ty::Enum(WEEKDAY),
    );
    contains(day, days(positions))
}

/// `business_duration(start, end, [days…], opens, closes)`.
fn business_duration(
    start: TExpr,
    end: TExpr,
    positions: Vec<u32>,
    opens: TExpr,
    closes: TExpr,
) -> TExpr {
    expr(
        TExprKind::BusinessDuration(Box::new([start, end, days(positions), opens, closes])),
        Ty::Duration,
    )
}

/// The types the generator builds expressions of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
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
    Region,
    Str,
    /// `list<Sub>`.
    Subs,
    /// `set<string>` or a list of strings.
    Strings,
}

fn schema() -> Schema {
    let mut b = SchemaBuilder::default();
    let region = b.enumeration("Region", &["EU", "EEA", "ADEQUATE", "OTHER"]);
    // The built-in days, at the id of [`WEEKDAY`].
    b.enumeration(lexicon::WEEKDAY_TYPE, &lexicon::WEEKDAYS);
    let sub = b.record(
        Some("Sub"),
        vec![
            ("name", Ty::String),
            ("region", region.clone()),
            ("share", Ty::Percent),
            ("active", Ty::Bool),
        ],
    );
    let deep = b.record(None, vec![("when", Ty::Date)]);
    let nested = b.record(
        None,
        vec![("ok", Ty::Bool), ("level", Ty::Number), ("deep", deep)],
    );
    b.descriptor(vec![
        ("flag", Ty::Bool),
        ("other", Ty::Bool),
        ("n", Ty::Number),
        ("m", Ty::Int),
        ("rate", Ty::Percent),
        ("price", Ty::Money),
        ("since", Ty::Date),
        ("notice", Ty::Duration),
        ("opens", Ty::Time),
        ("opened", Ty::DateTime),
        ("region", region),
        ("name", Ty::String),
        ("tags", Ty::Set(Box::new(Ty::String))),
        ("subs", Ty::List(Box::new(sub))),
        ("nested", nested),
    ])
}

const NUMBERS: &[&str] = &["-2", "-1", "0", "0.5", "1", "2", "3"];
const PERCENTS: &[&str] = &["0", "50", "75", "100", "120"];
const MONEY: &[&str] = &["0", "2", "4.5", "6"];
const DATES: &[&str] = &[
    "2025-12-31",
    "2026-01-31",
    "2026-11-28",
    "2027-02-28",
    "2027-11-28",
];
/// Months, days and seconds: `24 hours` is as long as `1 day`, and a time part gives a
/// date no value.
const DURATIONS: &[(i64, i64, i64)] = &[
    (0, 0, 0),
    (0, 30, 0),
    (1, 0, 0),
    (12, 0, 0),
    (0, 365, 0),
    (0, 0, 86_400),
    (0, 1, 7_200),
    (0, 0, 1_800),
];
const TIMES: &[(i8, i8)] = &[(0, 0), (8, 0), (8, 30), (12, 0), (18, 0), (23, 59)];
const MOMENTS: &[&str] = &[
    "2026-01-31T23:30",
    "2026-11-28T08:00",
    "2027-02-28T18:00",
    "9999-12-31T23:59",
];
const STRINGS: &[&str] = &[
    "a",
    "b",
    "c",
    // For the text checks: a valid SIRET and a wrong key, a UAI, an address.
    "73282932000074",
    "73282932000075",
    "0750680G",
    "https://ent.example.fr",
];
const REGIONS: &[&str] = &["EU", "EEA", "ADEQUATE", "OTHER"];

/// A variable in scope: its id and what it is bound to.
#[derive(Debug, Clone, Copy)]
struct Bound {
    id: LocalId,
    kind: Kind,
}

#[derive(Clone)]
struct Grammar {
    schema: Arc<Schema>,
    /// The type of `lowest(price)`, registered in every generated pack as aggregate 0.
    aggregate: TExpr,
}

type Expr = BoxedStrategy<TExpr>;

fn pick<T: Clone + std::fmt::Debug + 'static>(items: &'static [T]) -> BoxedStrategy<T> {
    proptest::sample::select(items).boxed()
}

/// Defers building a sub-strategy until a value is drawn, so that deep grammars cost
/// only the branch taken.
fn lazy(build: impl Fn() -> Expr + 'static) -> Expr {
    Just(()).prop_flat_map(move |()| build()).boxed()
}

impl Grammar {
    fn e(&self) -> Exprs<'_> {
        Exprs {
            schema: &self.schema,
        }
    }

    fn field(&self, path: &str) -> Expr {
        Just(self.e().field(path)).boxed()
    }

    fn sub_ty(&self) -> Ty {
        self.e()
            .field("subs")
            .ty
            .element()
            .cloned()
            .expect("a list")
    }

    fn local_field(&self, bound: Bound, path: &str) -> Expr {
        Just(
            self.e()
                .local_field(bound.id, &var_name(bound.id), &self.sub_ty(), path),
        )
        .boxed()
    }

    fn region(&self, name: &'static str) -> TExpr {
        self.e().variant("Region", name)
    }

    /// Expressions of `kind`, at most `depth` operators deep, with `scope` bound.
    fn expr(&self, kind: Kind, depth: u32, scope: Vec<Bound>) -> Expr {
        let mut options = self.leaves(kind, &scope);
        if depth > 0 {
            options.extend(self.compounds(kind, depth - 1, &scope));
        }
        Union::new(options).boxed()
    }

    fn leaves(&self, kind: Kind, scope: &[Bound]) -> Vec<Expr> {
        let subs_in_scope: Vec<Bound> = scope
            .iter()
            .copied()
            .filter(|b| b.kind == Kind::Subs)
            .collect();
        let strings_in_scope: Vec<Bound> = scope
            .iter()
            .copied()
            .filter(|b| b.kind == Kind::Strings)
            .collect();
        let mut leaves: Vec<Expr> = Vec::new();
        match kind {
            Kind::Bool => {
                leaves.push(any::<bool>().prop_map(boolean).boxed());
                leaves.push(self.field("flag"));
                leaves.push(self.field("other"));
                leaves.push(self.field("nested.ok"));
                let e = self.e();
                let has = ["flag", "nested.deep.when", "subs", "nested.level"].map(|p| e.has(p));
                leaves.push(proptest::sample::select(has.to_vec()).boxed());
                for bound in &subs_in_scope {
                    leaves.push(self.local_field(*bound, "active"));
                }
            }
            Kind::Int => {
                leaves.push((-2i64..4).prop_map(|n| number(&n.to_string())).boxed());
                leaves.push(self.field("m"));
                leaves.push(Just(count(self.e().field("subs"))).boxed());
                leaves.push(Just(count(self.e().field("tags"))).boxed());
            }
            Kind::Number => {
                leaves.push(pick(NUMBERS).prop_map(number).boxed());
                leaves.push(self.field("n"));
                leaves.push(self.field("nested.level"));
            }
            Kind::Percent => {
                leaves.push(pick(PERCENTS).prop_map(percent).boxed());
                leaves.push(self.field("rate"));
                for bound in &subs_in_scope {
                    leaves.push(self.local_field(*bound, "share"));
                }
            }
            Kind::Money => {
                leaves.push(pick(MONEY).prop_map(money).boxed());
                leaves.push(self.field("price"));
                leaves.push(Just(self.aggregate.clone()).boxed());
            }
            Kind::Date => {
                leaves.push(pick(DATES).prop_map(date).boxed());
                leaves.push(self.field("since"));
                leaves.push(self.field("nested.deep.when"));
                leaves.push(Just(today()).boxed());
            }
            Kind::Duration => {
                leaves.push(
                    pick(DURATIONS)
                        .prop_map(|(m, d, s)| duration_with_time(m, d, s))
                        .boxed(),
                );
                leaves.push(self.field("notice"));
            }
            Kind::DateTime => {
                leaves.push(pick(MOMENTS).prop_map(datetime).boxed());
                leaves.push(self.field("opened"));
            }
            Kind::Time => {
                leaves.push(pick(TIMES).prop_map(|(h, m)| time_of_day(h, m)).boxed());
                leaves.push(self.field("opens"));
            }
            Kind::Region => {
                let grammar = self.clone();
                leaves.push(pick(REGIONS).prop_map(move |r| grammar.region(r)).boxed());
                leaves.push(self.field("region"));
                for bound in &subs_in_scope {
                    leaves.push(self.local_field(*bound, "region"));
                }
            }
            Kind::Str => {
                leaves.push(pick(STRINGS).prop_map(string).boxed());
                leaves.push(self.field("name"));
                for bound in &subs_in_scope {
                    leaves.push(self.local_field(*bound, "name"));
                }
                for bound in &strings_in_scope {
                    leaves.push(Just(local(bound.id, Ty::String)).boxed());
                }
            }
            Kind::Subs => leaves.push(self.field("subs")),
            Kind::Strings => leaves.push(self.field("tags")),
        }
        leaves
    }

    fn compounds(&self, kind: Kind, depth: u32, scope: &[Bound]) -> Vec<Expr> {
        let mut out: Vec<Expr> = Vec::new();
        let sub = |kind: Kind| {
            let (grammar, scope) = (self.clone(), scope.to_vec());
            move || grammar.expr(kind, depth, scope.clone())
        };
        let unary = |kind: Kind, f: fn(TExpr) -> TExpr| {
            lazy({
                let operand = sub(kind);
                move || operand().prop_map(f).boxed()
            })
        };
        let binary = |lhs: Kind, rhs: Kind, f: fn(TExpr, TExpr) -> TExpr| {
            lazy({
                let (lhs, rhs) = (sub(lhs), sub(rhs));
                move || (lhs(), rhs()).prop_map(move |(a, b)| f(a, b)).boxed()
            })
        };
        let arith_of = |op: ArithOp, lhs: Kind, rhs: Kind| {
            lazy({
                let (lhs, rhs) = (sub(lhs), sub(rhs));
                move || {
                    (lhs(), rhs())
                        .prop_map(move |(a, b)| arith(op, a, b))
                        .boxed()
                }
            })
        };
        let conditional = lazy({
            let (cond, branch) = (sub(Kind::Bool), sub(kind));
            move || {
                (cond(), branch(), branch())
                    .prop_map(|(c, a, b)| if_then_else(c, a, b))
                    .boxed()
            }
        });
        out.push(conditional);
        match kind {
            Kind::Bool => {
                out.push(unary(Kind::Bool, not));
                out.push(binary(Kind::Bool, Kind::Bool, and));
                out.push(binary(Kind::Bool, Kind::Bool, or));
                out.push(binary(Kind::Bool, Kind::Bool, implies));
                for operand in [
                    Kind::Number,
                    Kind::Int,
                    Kind::Percent,
                    Kind::Money,
                    Kind::Date,
                    Kind::Duration,
                    Kind::Time,
                    Kind::DateTime,
                    Kind::Region,
                ] {
                    out.push(lazy({
                        let (lhs, rhs) = (sub(operand), sub(operand));
                        move || {
                            (pick(COMPARISONS), lhs(), rhs())
                                .prop_map(|(op, a, b)| compare(op, a, b))
                                .boxed()
                        }
                    }));
                }
                out.push(lazy({
                    let (lhs, rhs) = (sub(Kind::Str), sub(Kind::Str));
                    move || {
                        (any::<bool>(), lhs(), rhs())
                            .prop_map(|(equal, a, b)| {
                                compare(if equal { CompareOp::Eq } else { CompareOp::Ne }, a, b)
                            })
                            .boxed()
                    }
                }));
                out.push(binary(Kind::Str, Kind::Strings, contains));
                for of in [Kind::Date, Kind::DateTime] {
                    out.push(lazy({
                        let of = sub(of);
                        move || {
                            (of(), proptest::collection::vec(0u32..7, 1..4))
                                .prop_map(|(of, positions)| weekday_in(of, positions))
                                .boxed()
                        }
                    }));
                }
                out.push(unary(Kind::Str, |text| text_check(TextCheck::Siret, text)));
                out.push(unary(Kind::Str, |text| text_check(TextCheck::Uai, text)));
                out.push(unary(Kind::Str, |text| {
                    text_check(TextCheck::HttpsUrl, text)
                }));
                out.push(unary(Kind::Str, |text| {
                    text_check(TextCheck::Matches("^[0-9]{14}$".to_owned()), text)
                }));
                out.push(binary(Kind::Region, Kind::Region, |item, other| {
                    let region = item.ty.clone();
                    contains(item, list_of(vec![other], region))
                }));
                for (collection, element) in
                    [(Kind::Subs, Kind::Subs), (Kind::Strings, Kind::Strings)]
                {
                    out.push(self.quantified(collection, element, depth, scope));
                }
            }
            Kind::Int => {
                out.push(arith_of(ArithOp::Add, Kind::Int, Kind::Int));
                out.push(arith_of(ArithOp::Sub, Kind::Int, Kind::Int));
                out.push(arith_of(ArithOp::Mul, Kind::Int, Kind::Int));
                out.push(unary(Kind::Int, neg));
                out.push(self.counted(depth, scope));
                out.push(self.aggregated(ListAggregateKind::Sum, Kind::Int, depth, scope));
            }
            Kind::Number => {
                out.push(unary(Kind::Int, |int| int));
                for op in [ArithOp::Add, ArithOp::Sub, ArithOp::Mul, ArithOp::Div] {
                    out.push(arith_of(op, Kind::Number, Kind::Number));
                }
                out.push(arith_of(ArithOp::Div, Kind::Int, Kind::Int));
                out.push(arith_of(ArithOp::Div, Kind::Money, Kind::Money));
                out.push(arith_of(ArithOp::Div, Kind::Percent, Kind::Percent));
                out.push(unary(Kind::Number, neg));
                out.push(self.aggregated(ListAggregateKind::Mean, Kind::Int, depth, scope));
            }
            Kind::Percent => {
                out.push(arith_of(ArithOp::Add, Kind::Percent, Kind::Percent));
                out.push(arith_of(ArithOp::Sub, Kind::Percent, Kind::Percent));
                out.push(arith_of(ArithOp::Mul, Kind::Percent, Kind::Number));
                out.push(arith_of(ArithOp::Mul, Kind::Number, Kind::Percent));
                out.push(arith_of(ArithOp::Div, Kind::Percent, Kind::Number));
                out.push(unary(Kind::Percent, neg));
                for aggregate in ListAggregateKind::ALL {
                    out.push(self.aggregated(aggregate, Kind::Percent, depth, scope));
                }
            }
            Kind::Money => {
                out.push(arith_of(ArithOp::Add, Kind::Money, Kind::Money));
                out.push(arith_of(ArithOp::Sub, Kind::Money, Kind::Money));
                out.push(arith_of(ArithOp::Mul, Kind::Money, Kind::Number));
                out.push(arith_of(ArithOp::Mul, Kind::Number, Kind::Money));
                out.push(arith_of(ArithOp::Div, Kind::Money, Kind::Number));
                out.push(arith_of(ArithOp::Mul, Kind::Money, Kind::Percent));
                out.push(unary(Kind::Money, neg));
                out.push(self.aggregated(ListAggregateKind::Sum, Kind::Money, depth, scope));
                out.push(self.aggregated(ListAggregateKind::Mean, Kind::Money, depth, scope));
            }
            Kind::Date => {
                out.push(arith_of(ArithOp::Add, Kind::Date, Kind::Duration));
                out.push(arith_of(ArithOp::Sub, Kind::Date, Kind::Duration));
                out.push(arith_of(ArithOp::Add, Kind::Duration, Kind::Date));
            }
            Kind::Duration => {
                out.push(arith_of(ArithOp::Sub, Kind::Date, Kind::Date));
                out.push(arith_of(ArithOp::Sub, Kind::DateTime, Kind::DateTime));
                out.push(lazy({
                    let (start, end) = (sub(Kind::DateTime), sub(Kind::DateTime));
                    let (opens, closes) = (sub(Kind::Time), sub(Kind::Time));
                    move || {
                        let days = proptest::collection::vec(0u32..7, 1..4);
                        (start(), end(), days, opens(), closes())
                            .prop_map(|(start, end, positions, opens, closes)| {
                                business_duration(start, end, positions, opens, closes)
                            })
                            .boxed()
                    }
                }));
                out.push(arith_of(ArithOp::Add, Kind::Duration, Kind::Duration));
                out.push(arith_of(ArithOp::Sub, Kind::Duration, Kind::Duration));
                out.push(arith_of(ArithOp::Mul, Kind::Duration, Kind::Int));
                out.push(arith_of(ArithOp::Mul, Kind::Int, Kind::Duration));
                out.push(unary(Kind::Duration, neg));
                out.push(self.aggregated(ListAggregateKind::Mean, Kind::Duration, depth, scope));
            }
            Kind::DateTime => {
                out.push(arith_of(ArithOp::Add, Kind::DateTime, Kind::Duration));
                out.push(arith_of(ArithOp::Sub, Kind::DateTime, Kind::Duration));
                out.push(arith_of(ArithOp::Add, Kind::Duration, Kind::DateTime));
                out.push(self.aggregated(ListAggregateKind::Max, Kind::DateTime, depth, scope));
            }
            Kind::Time => {
                out.push(self.aggregated(ListAggregateKind::Min, Kind::Time, depth, scope));
                out.push(self.aggregated(ListAggregateKind::Max, Kind::Time, depth, scope));
            }
            Kind::Region => {
                out.push(self.aggregated(ListAggregateKind::Min, Kind::Region, depth, scope));
                out.push(self.aggregated(ListAggregateKind::Max, Kind::Region, depth, scope));
            }
            Kind::Subs => {}
            Kind::Str => {}
            Kind::Strings => {
                // A list literal whose elements may read the descriptor.
                out.push(lazy({
                    let element = sub(Kind::Str);
                    move || {
                        proptest::collection::vec(element(), 0..3)
                            .prop_map(|items| list_of(items, Ty::String))
                            .boxed()
                    }
                }));
            }
        }
        out
    }

    /// `all`/`any` over a collection, with a body that may use the bound element.
    fn quantified(&self, collection: Kind, element: Kind, depth: u32, scope: &[Bound]) -> Expr {
        let (grammar, scope) = (self.clone(), scope.to_vec());
        lazy(move || {
            let id = LocalId(scope.len() as u32);
            let mut inner = scope.clone();
            inner.push(Bound { id, kind: element });
            let name = var_name(id);
            (
                any::<bool>(),
                grammar.expr(collection, depth, scope.clone()),
                grammar.expr(Kind::Bool, depth, inner),
            )
                .prop_map(move |(every, collection, body)| {
                    if every {
                        all(id, &name, collection, body)
                    } else {
                        eval_support::any(id, &name, collection, body)
                    }
                })
                .boxed()
        })
    }

    /// `count(x in xs: p)`.
    fn counted(&self, depth: u32, scope: &[Bound]) -> Expr {
        let (grammar, scope) = (self.clone(), scope.to_vec());
        lazy(move || {
            let id = LocalId(scope.len() as u32);
            let mut inner = scope.clone();
            inner.push(Bound {
                id,
                kind: Kind::Subs,
            });
            let name = var_name(id);
            (
                grammar.expr(Kind::Subs, depth, scope.clone()),
                grammar.expr(Kind::Bool, depth, inner),
            )
                .prop_map(move |(collection, condition)| {
                    count_where(id, &name, collection, condition)
                })
                .boxed()
        })
    }
}

impl Grammar {
    /// `sum(x in subs: e)` and the like, where `e` is of `value` and may read `x`.
    fn aggregated(
        &self,
        aggregate: ListAggregateKind,
        value: Kind,
        depth: u32,
        scope: &[Bound],
    ) -> Expr {
        let (grammar, scope) = (self.clone(), scope.to_vec());
        lazy(move || {
            let id = LocalId(scope.len() as u32);
            let mut inner = scope.clone();
            inner.push(Bound {
                id,
                kind: Kind::Subs,
            });
            let name = var_name(id);
            (
                grammar.expr(Kind::Subs, depth, scope.clone()),
                grammar.expr(value, depth, inner),
            )
                .prop_map(move |(collection, projected)| {
                    let ty = list_aggregates::result_type(aggregate, &projected.ty)
                        .expect("an aggregate of a type it accepts");
                    list_aggregate_of(aggregate, id, &name, collection, projected, ty)
                })
                .boxed()
        })
    }
}

const COMPARISONS: &[CompareOp] = &[
    CompareOp::Eq,
    CompareOp::Ne,
    CompareOp::Lt,
    CompareOp::Le,
    CompareOp::Gt,
    CompareOp::Ge,
];

fn var_name(id: LocalId) -> String {
    format!("x{}", id.0)
}

// Descriptor data.

fn value_of(kind: Kind) -> BoxedStrategy<Value> {
    match kind {
        Kind::Bool => any::<bool>().prop_map(Value::Bool).boxed(),
        Kind::Int => (-2i64..4)
            .prop_map(|n| Value::Number(Decimal::from(n)))
            .boxed(),
        Kind::Number => pick(NUMBERS)
            .prop_map(|n| Value::Number(decimal(n)))
            .boxed(),
        Kind::Percent => pick(PERCENTS)
            .prop_map(|p| Value::Percent(decimal(p)))
            .boxed(),
        Kind::Money => pick(MONEY).prop_map(|m| Value::Money(decimal(m))).boxed(),
        Kind::Date => pick(DATES)
            .prop_map(|d| Value::Date(d.parse().expect("a date")))
            .boxed(),
        Kind::Duration => pick(DURATIONS)
            .prop_map(|(m, d, s)| {
                Value::Duration(Duration {
                    months: m,
                    days: d,
                    seconds: s,
                })
            })
            .boxed(),
        Kind::DateTime => pick(MOMENTS)
            .prop_map(|at| Value::DateTime(at.parse().expect("a date and time")))
            .boxed(),
        Kind::Time => pick(TIMES)
            .prop_map(|(h, m)| Value::Time(jiff::civil::time(h, m, 0, 0)))
            .boxed(),
        Kind::Region => (0u32..4)
            .prop_map(|index| Value::Enum(region_enum(), index))
            .boxed(),
        Kind::Str => pick(STRINGS).prop_map(|s| Value::String(s.into())).boxed(),
        Kind::Strings => proptest::collection::vec(pick(STRINGS), 0..4)
            .prop_map(|mut items| {
                let mut seen: Vec<&str> = Vec::new();
                items.retain(|item| {
                    let fresh = !seen.contains(item);
                    seen.push(item);
                    fresh
                });
                Value::List(items.into_iter().map(|s| Value::String(s.into())).collect())
            })
            .boxed(),
        Kind::Subs => proptest::collection::vec(
            record(vec![Kind::Str, Kind::Region, Kind::Percent, Kind::Bool]),
            0..4,
        )
        .prop_map(|items| {
            Value::List(
                items
                    .into_iter()
                    .map(|r| Value::Record(Arc::new(r)))
                    .collect(),
            )
        })
        .boxed(),
    }
}

fn region_enum() -> clausier_check::types::EnumId {
    clausier_check::types::EnumId(0)
}

/// A record with each field absent one time in four.
fn record(fields: Vec<Kind>) -> BoxedStrategy<Record> {
    fields
        .into_iter()
        .map(|kind| proptest::option::weighted(0.75, value_of(kind)))
        .collect::<Vec<_>>()
        .prop_map(|fields| Record {
            fields: fields.into_boxed_slice(),
            ..Record::default()
        })
        .boxed()
}

fn nested() -> BoxedStrategy<Value> {
    let deep = record(vec![Kind::Date]).prop_map(|r| Value::Record(Arc::new(r)));
    (
        proptest::option::weighted(0.75, value_of(Kind::Bool)),
        proptest::option::weighted(0.75, value_of(Kind::Number)),
        proptest::option::weighted(0.75, deep),
    )
        .prop_map(|(ok, level, deep)| Record {
            fields: vec![ok, level, deep].into_boxed_slice(),
            ..Record::default()
        })
        .prop_map(|r| Value::Record(Arc::new(r)))
        .boxed()
}

fn descriptor_data() -> BoxedStrategy<Record> {
    let top = record(vec![
        Kind::Bool,
        Kind::Bool,
        Kind::Number,
        Kind::Int,
        Kind::Percent,
        Kind::Money,
        Kind::Date,
        Kind::Duration,
        Kind::Time,
        Kind::DateTime,
        Kind::Region,
        Kind::Str,
        Kind::Strings,
        Kind::Subs,
    ]);
    (top, proptest::option::weighted(0.75, nested()))
        .prop_map(|(top, nested)| {
            let mut fields = top.fields.into_vec();
            fields.push(nested);
            Record {
                fields: fields.into_boxed_slice(),
                ..Record::default()
            }
        })
        .boxed()
}

// The property.

struct Case {
    pack: CheckedPack,
    data: Vec<Record>,
    today: Date,
    lowest: Option<Value>,
}

impl std::fmt::Debug for Case {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for requirement in &self.pack.requirements {
            let when = requirement
                .when
                .as_ref()
                .map(|when| clausier_eval::print::expr_to_string(&self.pack, when));
            let require = clausier_eval::print::expr_to_string(&self.pack, &requirement.require);
            writeln!(f, "{} when {when:?} require {require}", requirement.meta.id)?;
        }
        for criterion in &self.pack.criteria {
            let score = clausier_eval::print::expr_to_string(&self.pack, &criterion.score);
            writeln!(f, "{} score {score}", criterion.meta.id)?;
        }
        writeln!(f, "today {} lowest {:?}", self.today, self.lowest)?;
        for data in &self.data {
            writeln!(f, "{data:?}")?;
        }
        Ok(())
    }
}

fn case() -> impl Strategy<Value = Case> {
    let schema = Arc::new(schema());
    let mut b = PackBuilder::new((*schema).clone());
    let aggregate = b.aggregate(AggregateKind::Lowest, "price");
    let grammar = Grammar { schema, aggregate };
    let requirement = (
        any::<bool>(),
        proptest::option::of(grammar.expr(Kind::Bool, 2, Vec::new())),
        grammar.expr(Kind::Bool, 4, Vec::new()),
    );
    let score = Union::new([
        grammar.expr(Kind::Number, 3, Vec::new()),
        grammar.expr(Kind::Percent, 3, Vec::new()),
    ]);
    (
        proptest::collection::vec(requirement, 1..4),
        score,
        proptest::collection::vec(descriptor_data(), 1..4),
        pick(DATES),
        proptest::option::of(value_of(Kind::Money)),
    )
        .prop_map(move |(requirements, score, data, today, lowest)| {
            let mut b = PackBuilder {
                pack: b.pack.clone(),
            };
            for (index, (must, when, require)) in requirements.into_iter().enumerate() {
                let level = if must { Level::Must } else { Level::Should };
                b.requirement(&format!("R{index}"), level, when, require);
            }
            b.criterion("C", "10", score);
            Case {
                pack: b.pack,
                data,
                today: today.parse().expect("a date"),
                lowest,
            }
        })
}

fn status_of(when: Option<Value>, require: Option<Value>) -> RequirementStatus {
    match when {
        Some(Value::Bool(false)) => RequirementStatus::NotApplicable,
        Some(Value::Bool(true)) => match require {
            Some(Value::Bool(true)) => RequirementStatus::Pass,
            Some(Value::Bool(false)) => RequirementStatus::Fail,
            _ => RequirementStatus::Missing,
        },
        _ => RequirementStatus::Missing,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn the_compiled_form_agrees_with_the_reference(case in case()) {
        let program = compile_valid(&case.pack);
        let context = EvalContext {
            aggregates: vec![case.lowest.clone()],
            ..EvalContext::new(case.today)
        };
        // Requirements are judged before any aggregate is known.
        let judging = EvalContext::new(case.today);
        let pack = &case.pack;
        let mut expected_statuses = Vec::new();
        for data in &case.data {
            let mut statuses = Vec::new();
            for (index, requirement) in pack.requirements.iter().enumerate() {
                let when = match &requirement.when {
                    Some(when) => reference::evaluate(pack, when, data, &context),
                    None => Some(Value::Bool(true)),
                };
                let compiled_when = program.evaluate(ClauseExpr::When(index), data, &context);
                prop_assert_eq!(&compiled_when, &when, "`when` of R{}", index);
                let require = reference::evaluate(pack, &requirement.require, data, &context);
                let compiled = program.evaluate(ClauseExpr::Require(index), data, &context);
                prop_assert_eq!(&compiled, &require, "`require` of R{}", index);
                let when = match &requirement.when {
                    Some(when) => reference::evaluate(pack, when, data, &judging),
                    None => Some(Value::Bool(true)),
                };
                let require = reference::evaluate(pack, &requirement.require, data, &judging);
                statuses.push((requirement.level, status_of(when, require)));
            }
            let score = reference::evaluate(pack, &pack.criteria[0].score, data, &context);
            let compiled = program.evaluate(ClauseExpr::Score(0), data, &context);
            prop_assert_eq!(compiled, score, "score");
            expected_statuses.push(statuses);
        }

        let descriptors: Vec<Descriptor> = case
            .data
            .iter()
            .enumerate()
            .map(|(index, data)| Descriptor {
                id: format!("d{index}"),
                source: format!("d{index}.json"),
                line: None,
                root: Some(Arc::new(data.clone())),
                lots: Vec::new(),
                locations: Locations::default(),
                evidence: Vec::new(),
                problems: Vec::new(),
            })
            .collect();
        let options = RunOptions::new(case.today, 2);
        let report = run(&program, pack_info(), &descriptors, &options);
        for (reported, expected) in report.descriptors.iter().zip(&expected_statuses) {
            let mut must_failed = false;
            let mut must_missing = false;
            for (result, (level, status)) in reported.results.iter().zip(expected) {
                let ClauseResult::Requirement(result) = result else {
                    panic!("requirements come first");
                };
                prop_assert_eq!(result.status, *status);
                prop_assert_eq!(result.status == RequirementStatus::Fail, !result.explanation.is_empty());
                if result.status != RequirementStatus::Missing {
                    prop_assert!(result.missing.is_empty());
                }
                must_failed |= *level == Level::Must && *status == RequirementStatus::Fail;
                must_missing |= *level == Level::Must && *status == RequirementStatus::Missing;
            }
            let status = if must_failed {
                DescriptorStatus::Ineligible
            } else if must_missing {
                DescriptorStatus::Incomplete
            } else {
                DescriptorStatus::Eligible
            };
            prop_assert_eq!(reported.status, status);
            prop_assert_eq!(reported.score.is_some(), status == DescriptorStatus::Eligible);
        }
    }
}
