//! Random packs and offers: well-typed expressions of every form over the model's
//! schema, with literals chosen where mistakes hide (zero, negatives, the smallest and
//! largest decimals, month ends, leap days), and offers whose fields are often absent.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::ast::{
    Arith, Cmp, Criterion, Document, DurationUnit, Expr, LABEL_FIELDS, Pack, Param, REGIONS,
    Reduce, Requirement, SUPPLIER, TextCheck, Ty, WEEKDAYS, descriptor_fields,
};
use crate::calendar::Day;
use crate::clock::{Clock, Moment};
use crate::number::Num;
use crate::print::{Evidence, Spelling};
use crate::review::Decision;
use crate::value::{Span, Value};
use crate::verdict::Offer;

/// A seeded source of random packs and offers: the same seed gives the same run.
pub struct Generator {
    rng: ChaCha8Rng,
}

/// What an expression being generated may read.
struct Scope {
    params: Vec<Ty>,
    /// Bound variables and their element types, innermost last.
    locals: Vec<(usize, Ty)>,
    next_var: usize,
    /// In a criterion's score, where `lowest` and `highest` are allowed.
    aggregates: bool,
    /// In a criterion's score: the `should` requirements `passed` may read, by index.
    should: Vec<usize>,
}

const ALL_REDUCE: [Reduce; 4] = [Reduce::Sum, Reduce::Mean, Reduce::Min, Reduce::Max];

/// `(mantissa, places)` pairs, written as decimals.
const NUMBERS: &[(i64, u32)] = &[
    (0, 0),
    (0, 1),
    (1, 1),
    (2, 1),
    (5, 1),
    (1, 0),
    (25, 1),
    (-1, 1),
    (-15, 1),
    (3, 0),
    (3333, 4),
    (1_000_000, 0),
    (1, 10),
    (1, 14),
    (1, 28),
    (10_000_000_000_000_000, 0),
    (7, 0),
    (-2, 0),
];
const INTS: &[i64] = &[0, 1, 2, 3, -1, -2, 7, 10, 100, 1_000_000_000_000];
const PERCENTS: &[(i64, u32)] = &[
    (0, 0),
    (5, 1),
    (50, 0),
    (75, 0),
    (100, 0),
    (120, 0),
    (-10, 0),
    (333, 1),
    (1, 20),
];
const MONEY: &[(i64, u32)] = &[
    (0, 0),
    (1, 2),
    (45, 1),
    (6, 0),
    (999, 2),
    (-2, 0),
    (1_000_000, 0),
    (1, 3),
    (35, 1),
    (48, 1),
];
/// Times of day: midnight, the edges of a working day, the last minute.
const CLOCKS: &[(u16, u16)] = &[
    (0, 0),
    (8, 0),
    (8, 30),
    (12, 0),
    (17, 59),
    (18, 0),
    (23, 59),
];
const DAYS: &[(i64, i64, i64)] = &[
    (2024, 2, 29),
    (2025, 12, 31),
    (2026, 1, 31),
    (2026, 11, 28),
    (2027, 2, 28),
    (2028, 2, 29),
    (2026, 3, 31),
    (2027, 12, 2),
    (9999, 12, 1),
];
/// The days of the moments of business durations: a weekend, a month end, at most a few
/// weeks apart, so that the model can count their minutes one by one.
const NEARBY_DAYS: &[(i64, i64, i64)] = &[
    (2027, 1, 8),
    (2027, 1, 9),
    (2027, 1, 11),
    (2027, 1, 29),
    (2027, 1, 31),
    (2027, 2, 1),
];
/// The hours a business duration is compared with.
const BUSINESS_HOURS: &[i64] = &[0, 1, 2, 4, 10, 24];
const DURATIONS: &[(i64, DurationUnit)] = &[
    (0, DurationUnit::Days),
    (1, DurationUnit::Days),
    (30, DurationUnit::Days),
    (2, DurationUnit::Weeks),
    (1, DurationUnit::Months),
    (6, DurationUnit::Months),
    (12, DurationUnit::Months),
    (1, DurationUnit::Years),
    (365, DurationUnit::Days),
    (2, DurationUnit::Years),
    (9000, DurationUnit::Years),
    // As long on average as each other (a month is 365.2425 / 12 days).
    (1600, DurationUnit::Months),
    (48_699, DurationUnit::Days),
    // A day is 24 hours when durations compare; a date takes no hours.
    (24, DurationUnit::Hours),
    (4, DurationUnit::Hours),
    (90, DurationUnit::Minutes),
    (1440, DurationUnit::Minutes),
];
/// Months, days and seconds of a descriptor's duration.
const SPANS: &[(i64, i64, i64)] = &[
    (0, 0, 0),
    (0, 30, 0),
    (1, 0, 0),
    (6, 0, 0),
    (12, 0, 0),
    (0, 365, 0),
    (1, 15, 0),
    (0, 0, 86_400),
    (0, 0, 14_400),
    (0, 1, 5_400),
];
/// Durations a parameter computed from a date may add: short enough that a few of them
/// stay in the calendar.
const SHORT_DURATIONS: &[(i64, DurationUnit)] = &[
    (1, DurationUnit::Days),
    (30, DurationUnit::Days),
    (1, DurationUnit::Months),
    (6, DurationUnit::Months),
    (2, DurationUnit::Years),
];
const STRINGS: &[&str] = &[
    "a",
    "b",
    "c",
    "été",
    // For the text checks: a valid SIRET and one with a wrong key, one of La Poste valid
    // only by the sum of its digits, valid and invalid UAI codes, addresses.
    "73282932000074",
    "73282932000075",
    "35600000000001",
    "0750680G",
    "0750680H",
    "https://ent.example.fr/connexion",
    "http://ent.example.fr",
    "https://",
];
const TODAYS: &[(i64, i64, i64)] = &[(2026, 11, 28), (2027, 12, 2), (2024, 2, 29), (2027, 1, 31)];

/// One random run: a pack, the offers as the model sees them and as NDJSON, the date,
/// and the buyer's decisions on claims of an equivalent.
pub struct Run {
    pub pack: Pack,
    pub offers: Vec<Offer>,
    pub ndjson: String,
    pub today: Day,
    pub decisions: Vec<Decision>,
}

impl Generator {
    pub fn new(seed: u64) -> Generator {
        Generator {
            rng: ChaCha8Rng::seed_from_u64(seed),
        }
    }

    pub fn run(&mut self) -> Run {
        let pack = self.pack();
        let count = self.rng.random_range(1..=16);
        let mut offers = Vec::with_capacity(count);
        let mut ndjson = String::new();
        let read: Vec<&'static str> = pack
            .requirements
            .iter()
            .filter_map(|requirement| label_field(&requirement.require))
            .collect();
        let asked: Vec<&'static str> = pack
            .requirements
            .iter()
            .flat_map(|requirement| &requirement.documents)
            .filter(|document| !document.proof.is_empty())
            .map(|document| document.path[0])
            .collect();
        for index in 0..count {
            let (offer, line) = self.offer(index, &pack.lots, (&read, &asked));
            offers.push(offer);
            ndjson.push_str(&line);
            ndjson.push('\n');
        }
        let decisions = self.decisions(&pack, &offers);
        let (y, m, d) = self.pick(TODAYS);
        Run {
            pack,
            offers,
            ndjson,
            today: Day::new(y, m, d),
            decisions,
        }
    }

    /// The buyer's decisions: on a quarter of the pairs of a requirement reading a label
    /// field and an offer claiming an equivalent on it (under review when the offer fails
    /// the requirement), and on a few other pairs, which change nothing.
    fn decisions(&mut self, pack: &Pack, offers: &[Offer]) -> Vec<Decision> {
        let mut decisions = Vec::new();
        for requirement in &pack.requirements {
            let read = label_field(&requirement.require);
            for offer in offers {
                let claimed = read.is_some_and(|field| offer.claims.contains(&field));
                let chance = if claimed { 0.25 } else { 0.01 };
                if self.chance(chance) {
                    decisions.push(Decision {
                        clause: requirement.id.clone(),
                        offer: offer.id.clone(),
                        accepted: self.chance(0.5),
                    });
                }
            }
        }
        decisions
    }

    /// A requirement written for claims of an equivalent, reading one label field:
    /// most demand the label (`certif_a`, `has hds`, `label_b >= 2`, `"b" in labels`),
    /// some let an offer do without it (`flag or hds`, `not certif_a`), where a claim
    /// changes nothing.
    fn label_requirement(&mut self) -> Expr {
        let field = |name: &'static str| Box::new(Expr::Field(vec![name]));
        let flag = if self.chance(0.5) { "certif_a" } else { "hds" };
        match self.rng.random_range(0..7) {
            0 | 1 => Expr::Field(vec![flag]),
            2 => {
                let op = self.pick(&[Cmp::Ge, Cmp::Gt, Cmp::Eq]);
                Expr::Compare(op, field("label_b"), Box::new(Expr::Int(self.pick(INTS))))
            }
            3 => {
                let wanted = self.pick(&["a", "b", "c", "été"]);
                Expr::In(Box::new(Expr::Str(wanted.to_owned())), field("labels"))
            }
            4 => {
                let other = field(if self.chance(0.5) { "flag" } else { "other" });
                if self.chance(0.5) {
                    Expr::Or(other, field(flag))
                } else {
                    Expr::Or(field(flag), other)
                }
            }
            5 => Expr::Not(field(flag)),
            _ => Expr::Has(vec![flag]),
        }
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.rng.random_range(0..items.len())]
    }

    /// The documents a requirement requires: none most of the time; half of them ask
    /// for a kind of proof of a top-level field.
    fn documents(&mut self) -> Vec<Document> {
        let mut documents = Vec::new();
        while documents.len() < 2 && self.chance(0.25) {
            documents.push(if self.chance(0.5) {
                Document {
                    path: vec![self.pick(PROVEN_PATHS)],
                    proof: crate::proof::asked(&mut self.rng),
                }
            } else {
                Document {
                    path: self.pick(DOCUMENT_PATHS).to_vec(),
                    proof: Vec::new(),
                }
            });
        }
        documents
    }

    /// Sometimes, a value computed from a parameter declared before: `p0 + 3`, or
    /// `p0 - 2 months` for a date (back from the latest literal date, which is near the
    /// end of the calendar; a value out of range would refuse the whole pack).
    fn derived_value(&mut self, ty: &Ty, earlier: &[Param]) -> Option<Expr> {
        let (op, addend) = match ty {
            Ty::Int | Ty::Number | Ty::Percent | Ty::Money => (Arith::Add, self.literal(ty)),
            Ty::Duration | Ty::Date => {
                let (amount, unit) = self.pick(SHORT_DURATIONS);
                let op = if *ty == Ty::Date {
                    Arith::Sub
                } else {
                    Arith::Add
                };
                (op, Expr::Duration(amount, unit))
            }
            _ => return None,
        };
        let sources: Vec<usize> = earlier
            .iter()
            .enumerate()
            .filter(|(_, param)| param.ty == *ty)
            .map(|(index, _)| index)
            .collect();
        if sources.is_empty() || !self.chance(0.7) {
            return None;
        }
        let source = self.pick(&sources);
        Some(Expr::Arith(
            op,
            Box::new(Expr::Param(source)),
            Box::new(addend),
        ))
    }

    fn chance(&mut self, probability: f64) -> bool {
        self.rng.random_bool(probability)
    }

    pub fn pack(&mut self) -> Pack {
        let param_types = [
            Ty::Int,
            Ty::Number,
            Ty::Percent,
            Ty::Money,
            Ty::Date,
            Ty::Duration,
            Ty::Time,
            Ty::DateTime,
            Ty::Str,
            Ty::Region,
            Ty::Bool,
            Ty::Map(Box::new(Ty::Str), Box::new(Ty::Int)),
            Ty::Map(Box::new(Ty::Region), Box::new(Ty::Money)),
            Ty::Record(SUPPLIER),
        ];
        let mut params: Vec<Param> = Vec::new();
        for index in 0..self.rng.random_range(0..5) {
            // Half the time, the type of an earlier parameter, which it may be computed from.
            let ty = if !params.is_empty() && self.chance(0.5) {
                params[self.rng.random_range(0..params.len())].ty.clone()
            } else {
                param_types[self.rng.random_range(0..param_types.len())].clone()
            };
            let value = self
                .derived_value(&ty, &params)
                .unwrap_or_else(|| self.literal(&ty));
            params.push(Param {
                name: format!("p{index}"),
                ty,
                value,
            });
        }
        let lots = crate::lots::pack_lots(&mut self.rng);
        let param_types: Vec<Ty> = params.iter().map(|p| p.ty.clone()).collect();
        // About one pack in three is about labels alone, so that offers often meet every
        // `must` requirement but one under review, and `should` ones under review are scored.
        let label_share = if self.chance(0.3) { 1.0 } else { 0.3 };
        let requirements: Vec<Requirement> = (0..self.rng.random_range(0..8))
            .map(|index| {
                let mut scope = Scope::new(&param_types, false);
                let when = self
                    .chance(0.3)
                    .then(|| self.expr(&Ty::Bool, 2, &mut scope));
                let must = self.chance(if label_share > 0.5 { 0.25 } else { 0.7 });
                let require = if self.chance(label_share) {
                    self.label_requirement()
                } else {
                    let depth = self.rng.random_range(1..5);
                    self.expr(&Ty::Bool, depth, &mut scope)
                };
                let mut documents = self.documents();
                let label = label_field(&require);
                // A label's certificate, from the kinds of proof the buyer trusts.
                if let Some(field) = label
                    && self.chance(0.4)
                {
                    documents.push(Document {
                        path: vec![field],
                        proof: crate::proof::asked(&mut self.rng),
                    });
                }
                let no_equivalent =
                    (label.is_some() && self.chance(0.15)).then(|| NO_EQUIVALENT.to_owned());
                Requirement {
                    id: format!("R-{index}"),
                    must,
                    when,
                    require,
                    documents,
                    no_equivalent,
                    lots: crate::lots::clause_lots(&mut self.rng, &lots),
                }
            })
            .collect();
        // A pack about labels scores its offers, so that `passed(ID)` meets a review.
        let fewest_criteria = if label_share > 0.5 { 1 } else { 0 };
        let criteria = (0..self.rng.random_range(fewest_criteria..5))
            .map(|index| {
                let criterion_lots = crate::lots::clause_lots(&mut self.rng, &lots);
                let mut scope = Scope::new(&param_types, true);
                scope.should = requirements
                    .iter()
                    .enumerate()
                    .filter(|(_, requirement)| {
                        !requirement.must
                            && crate::lots::asks_on_every_lot_of(&requirement.lots, &criterion_lots)
                    })
                    .map(|(index, _)| index)
                    .collect();
                let ty = if self.chance(0.7) {
                    Ty::Number
                } else {
                    Ty::Percent
                };
                // A `should` requirement on a label, which a claim may put under review,
                // is often scored alone: `if passed(R-i) then 1 else 0.5`.
                let labels: Vec<usize> = scope
                    .should
                    .iter()
                    .copied()
                    .filter(|&index| label_field(&requirements[index].require).is_some())
                    .collect();
                let score = if !labels.is_empty() && self.chance(0.9) {
                    Expr::If(
                        Box::new(Expr::Passed(self.pick(&labels))),
                        Box::new(Expr::Number(Num::from_int(1))),
                        Box::new(Expr::Number(Num::decimal(5, 1))),
                    )
                } else {
                    let depth = self.rng.random_range(1..5);
                    self.expr(&ty, depth, &mut scope)
                };
                Criterion {
                    id: format!("C-{index}"),
                    weight: self.rng.random_range(1..=50),
                    score,
                    lots: criterion_lots,
                }
            })
            .collect();
        Pack {
            lots,
            params,
            requirements,
            criteria,
        }
    }

    fn num(&mut self, pool: &[(i64, u32)]) -> Num {
        let (mantissa, places) = self.pick(pool);
        Num::decimal(mantissa, places)
    }

    fn clock(&mut self) -> Clock {
        let (hour, minute) = self.pick(CLOCKS);
        Clock::new(hour, minute)
    }

    /// One of the days and one of the times of day the generator writes.
    fn moment(&mut self) -> Moment {
        let day = self.day();
        Moment::new(day, self.clock())
    }

    /// A moment of [`NEARBY_DAYS`], for business durations.
    fn nearby_moment(&mut self) -> Moment {
        let (y, m, d) = self.pick(NEARBY_DAYS);
        Moment::new(Day::new(y, m, d), self.clock())
    }

    /// Some days of the week, at least one, by their indexes from Monday.
    fn weekdays(&mut self) -> Vec<usize> {
        let mut days: Vec<usize> = (0..WEEKDAYS.len()).filter(|_| self.chance(0.6)).collect();
        if days.is_empty() {
            days.push(self.rng.random_range(0..WEEKDAYS.len()));
        }
        days
    }

    /// `weekday(d) in [lundi, …]` of a date or a datetime.
    fn weekday_in(&mut self, d: u32, scope: &mut Scope) -> Expr {
        let of = if self.chance(0.5) {
            self.expr(&Ty::Date, d, scope)
        } else {
            self.expr(&Ty::DateTime, d, scope)
        };
        Expr::WeekdayIn(Box::new(of), self.weekdays())
    }

    /// `business_duration(…) <= N hours` (or another comparison) between the nearby
    /// moments of the offer or written ones, with hours from the offer or written.
    fn business_comparison(&mut self) -> Expr {
        let moment = |generator: &mut Self| match generator.rng.random_range(0..3) {
            0 => Expr::Field(vec!["reported"]),
            1 => Expr::Field(vec!["answered"]),
            _ => Expr::DateTime(generator.nearby_moment()),
        };
        let start = moment(self);
        let end = moment(self);
        let (opens, closes) = if self.chance(0.5) {
            (Expr::Field(vec!["opens"]), Expr::Field(vec!["closes"]))
        } else {
            // Written hours that close before they open are refused (E0323): written
            // hours are in order, the offer's may not be.
            let (a, b) = (self.clock(), self.clock());
            let (opens, closes) = if a < b { (a, b) } else { (b, a) };
            let (opens, closes) = if opens == closes {
                (Clock::new(8, 0), Clock::new(18, 0))
            } else {
                (opens, closes)
            };
            (Expr::Time(opens), Expr::Time(closes))
        };
        let duration = Expr::BusinessDuration {
            start: Box::new(start),
            end: Box::new(end),
            days: self.weekdays(),
            opens: Box::new(opens),
            closes: Box::new(closes),
        };
        let ops = [Cmp::Eq, Cmp::Ne, Cmp::Lt, Cmp::Le, Cmp::Gt, Cmp::Ge];
        let op = self.pick(&ops);
        let hours = Expr::Duration(self.pick(BUSINESS_HOURS), DurationUnit::Hours);
        Expr::Compare(op, Box::new(duration), Box::new(hours))
    }

    fn day(&mut self) -> Day {
        let (y, m, d) = self.pick(DAYS);
        Day::new(y, m, d)
    }

    /// A literal of a scalar type.
    fn literal(&mut self, ty: &Ty) -> Expr {
        match ty {
            Ty::Bool => Expr::Bool(self.chance(0.5)),
            Ty::Int => Expr::Int(self.pick(INTS)),
            Ty::Number => Expr::Number(self.num(NUMBERS)),
            Ty::Percent => Expr::Percent(self.num(PERCENTS)),
            Ty::Money => Expr::Money(self.num(MONEY)),
            Ty::Date => Expr::Date(self.day()),
            Ty::Time => Expr::Time(self.clock()),
            Ty::DateTime => Expr::DateTime(self.moment()),
            Ty::Duration => {
                let (amount, unit) = self.pick(DURATIONS);
                Expr::Duration(amount, unit)
            }
            Ty::Str => Expr::Str(self.pick(STRINGS).to_owned()),
            Ty::Region => Expr::Variant(self.rng.random_range(0..REGIONS.len())),
            Ty::List(element) | Ty::Set(element) => {
                let len = self.rng.random_range(1..4);
                Expr::List {
                    items: (0..len).map(|_| self.literal(element)).collect(),
                    set: matches!(ty, Ty::Set(_)),
                }
            }
            Ty::Map(key, value) => {
                let mut entries: Vec<(Expr, Expr)> = Vec::new();
                for _ in 0..self.rng.random_range(0..4) {
                    let key = self.literal(key);
                    let taken = entries
                        .iter()
                        .any(|(seen, _)| crate::print::expr(seen) == crate::print::expr(&key));
                    if !taken {
                        let value = self.literal(value);
                        entries.push((key, value));
                    }
                }
                Expr::Table(entries)
            }
            Ty::Record(fields) => Expr::Record(
                fields
                    .iter()
                    .map(|(name, field)| (*name, self.literal(field)))
                    .collect(),
            ),
        }
    }

    /// Paths of the descriptor (and of bound variables) that have type `ty`.
    fn paths(ty: &Ty, scope: &Scope) -> Vec<Expr> {
        let mut found = Vec::new();
        let mut walk =
            |prefix: Vec<&'static str>, fields: &[(&'static str, Ty)], local: Option<usize>| {
                let mut stack: Vec<PendingRecord<'_>> = vec![(prefix, fields)];
                while let Some((prefix, fields)) = stack.pop() {
                    for (name, field_ty) in fields {
                        let mut path = prefix.clone();
                        path.push(name);
                        let readable = *name != "id" && !LABEL_FIELDS.contains(name);
                        if field_ty == ty && readable {
                            found.push(match local {
                                Some(var) => Expr::Local(var, path.clone()),
                                None => Expr::Field(path.clone()),
                            });
                        }
                        if let Ty::Record(inner) = field_ty {
                            stack.push((path, inner));
                        }
                    }
                }
            };
        let fields = descriptor_fields();
        walk(Vec::new(), &fields, None);
        let mut bound = Vec::new();
        for (var, element) in &scope.locals {
            if element == ty {
                bound.push(Expr::Local(*var, Vec::new()));
            }
            if let Ty::Record(inner) = element {
                walk(Vec::new(), inner, Some(*var));
            }
        }
        found.extend(bound);
        found
    }

    /// An expression of type `ty` at most `depth` operators deep.
    fn expr(&mut self, ty: &Ty, depth: u32, scope: &mut Scope) -> Expr {
        if depth == 0 || self.chance(0.2) {
            return self.leaf(ty, scope);
        }
        let d = depth - 1;
        match ty {
            Ty::Bool => self.boolean(d, scope),
            Ty::Int => match self.rng.random_range(0..7) {
                0 => self.arith_of(
                    &[Arith::Add, Arith::Sub, Arith::Mul],
                    &Ty::Int,
                    &Ty::Int,
                    d,
                    scope,
                ),
                1 => Expr::Neg(Box::new(self.expr(&Ty::Int, d, scope))),
                2 => Expr::Count(Box::new(self.collection(d, scope).0)),
                3 => self.count_where(d, scope),
                4 => self.conditional(ty, d, scope),
                5 => self.reduce(&[Reduce::Sum], &Ty::Int, d, scope),
                _ => self.leaf(ty, scope),
            },
            Ty::Number => match self.rng.random_range(0..11) {
                0 | 1 => self.arith_of(&ALL_ARITH, &Ty::Number, &Ty::Number, d, scope),
                2 => self.arith_of(&ALL_ARITH, &Ty::Number, &Ty::Int, d, scope),
                3 => self.arith_of(&[Arith::Div], &Ty::Int, &Ty::Int, d, scope),
                4 => self.arith_of(&[Arith::Div], &Ty::Money, &Ty::Money, d, scope),
                5 => self.arith_of(&[Arith::Div], &Ty::Percent, &Ty::Percent, d, scope),
                6 => Expr::Neg(Box::new(self.expr(ty, d, scope))),
                7 => self.conditional(ty, d, scope),
                8 if scope.aggregates => self.aggregate(&[Ty::Number, Ty::Int]),
                9 if self.chance(0.5) => self.reduce(&[Reduce::Mean], &Ty::Int, d, scope),
                9 => self.reduce(&[Reduce::Sum, Reduce::Mean], &Ty::Number, d, scope),
                _ => self.leaf(ty, scope),
            },
            Ty::Percent => match self.rng.random_range(0..9) {
                0 => self.arith_of(
                    &[Arith::Add, Arith::Sub],
                    &Ty::Percent,
                    &Ty::Percent,
                    d,
                    scope,
                ),
                1 => self.arith_of(
                    &[Arith::Mul, Arith::Div],
                    &Ty::Percent,
                    &Ty::Number,
                    d,
                    scope,
                ),
                2 => self.arith_of(&[Arith::Mul], &Ty::Number, &Ty::Percent, d, scope),
                3 => self.arith_of(&[Arith::Mul, Arith::Div], &Ty::Percent, &Ty::Int, d, scope),
                4 => Expr::Neg(Box::new(self.expr(ty, d, scope))),
                5 => self.conditional(ty, d, scope),
                6 if scope.aggregates => self.aggregate(&[Ty::Percent]),
                7 => self.reduce(&ALL_REDUCE, &Ty::Percent, d, scope),
                _ => self.leaf(ty, scope),
            },
            Ty::Money => match self.rng.random_range(0..10) {
                0 => self.arith_of(&[Arith::Add, Arith::Sub], &Ty::Money, &Ty::Money, d, scope),
                1 => self.arith_of(&[Arith::Mul, Arith::Div], &Ty::Money, &Ty::Number, d, scope),
                2 => self.arith_of(&[Arith::Mul], &Ty::Number, &Ty::Money, d, scope),
                3 => self.arith_of(&[Arith::Mul], &Ty::Money, &Ty::Percent, d, scope),
                4 => self.arith_of(&[Arith::Mul], &Ty::Percent, &Ty::Money, d, scope),
                5 => Expr::Neg(Box::new(self.expr(ty, d, scope))),
                6 => self.conditional(ty, d, scope),
                7 if scope.aggregates => self.aggregate(&[Ty::Money]),
                8 => self.reduce(&ALL_REDUCE, &Ty::Money, d, scope),
                _ => self.leaf(ty, scope),
            },
            Ty::Date => match self.rng.random_range(0..6) {
                0 => without_written_hours(self.arith_of(
                    &[Arith::Add, Arith::Sub],
                    &Ty::Date,
                    &Ty::Duration,
                    d,
                    scope,
                )),
                1 => without_written_hours(self.arith_of(
                    &[Arith::Add],
                    &Ty::Duration,
                    &Ty::Date,
                    d,
                    scope,
                )),
                2 => self.conditional(ty, d, scope),
                3 => self.reduce(&[Reduce::Min, Reduce::Max], &Ty::Date, d, scope),
                _ => self.leaf(ty, scope),
            },
            Ty::Duration => match self.rng.random_range(0..8) {
                0 => self.arith_of(
                    &[Arith::Add, Arith::Sub],
                    &Ty::Duration,
                    &Ty::Duration,
                    d,
                    scope,
                ),
                1 if self.chance(0.3) => {
                    self.arith_of(&[Arith::Sub], &Ty::DateTime, &Ty::DateTime, d, scope)
                }
                1 => self.arith_of(&[Arith::Sub], &Ty::Date, &Ty::Date, d, scope),
                2 => self.arith_of(&[Arith::Mul], &Ty::Duration, &Ty::Int, d, scope),
                3 => self.arith_of(&[Arith::Mul], &Ty::Int, &Ty::Duration, d, scope),
                4 => Expr::Neg(Box::new(self.expr(ty, d, scope))),
                5 => self.conditional(ty, d, scope),
                6 => self.reduce(&ALL_REDUCE, &Ty::Duration, d, scope),
                _ => self.leaf(ty, scope),
            },
            Ty::DateTime => match self.rng.random_range(0..7) {
                0 => self.arith_of(
                    &[Arith::Add, Arith::Sub],
                    &Ty::DateTime,
                    &Ty::Duration,
                    d,
                    scope,
                ),
                1 => self.arith_of(&[Arith::Add], &Ty::Duration, &Ty::DateTime, d, scope),
                2 => self.conditional(ty, d, scope),
                3 => self.reduce(&[Reduce::Min, Reduce::Max], &Ty::DateTime, d, scope),
                _ => self.leaf(ty, scope),
            },
            Ty::Time => match self.rng.random_range(0..5) {
                0 => self.conditional(ty, d, scope),
                1 => self.reduce(&[Reduce::Min, Reduce::Max], &Ty::Time, d, scope),
                _ => self.leaf(ty, scope),
            },
            Ty::Region if self.chance(0.15) => {
                self.reduce(&[Reduce::Min, Reduce::Max], &Ty::Region, d, scope)
            }
            Ty::Str | Ty::Region => {
                if self.chance(0.3) {
                    self.conditional(ty, d, scope)
                } else {
                    self.leaf(ty, scope)
                }
            }
            Ty::List(_) | Ty::Set(_) | Ty::Record(_) | Ty::Map(..) => self.leaf(ty, scope),
        }
    }

    fn boolean(&mut self, d: u32, scope: &mut Scope) -> Expr {
        match self.rng.random_range(0..14) {
            0 => Expr::Not(Box::new(self.expr(&Ty::Bool, d, scope))),
            1 => Expr::And(
                Box::new(self.expr(&Ty::Bool, d, scope)),
                Box::new(self.expr(&Ty::Bool, d, scope)),
            ),
            2 => Expr::Or(
                Box::new(self.expr(&Ty::Bool, d, scope)),
                Box::new(self.expr(&Ty::Bool, d, scope)),
            ),
            3 => Expr::Implies(
                Box::new(self.expr(&Ty::Bool, d, scope)),
                Box::new(self.expr(&Ty::Bool, d, scope)),
            ),
            4..=6 => self.comparison(d, scope),
            7 => self.membership(d, scope),
            8 | 9 => self.quantifier(d, scope),
            10 => self.conditional(&Ty::Bool, d, scope),
            11 if self.chance(0.3) => {
                let check = self.pick(&TextCheck::ALL);
                Expr::TextCheck(check, Box::new(self.expr(&Ty::Str, d, scope)))
            }
            12 => self.weekday_in(d, scope),
            13 => self.business_comparison(),
            _ => self.leaf(&Ty::Bool, scope),
        }
    }

    fn comparison(&mut self, d: u32, scope: &mut Scope) -> Expr {
        const ORDERED: [Ty; 9] = [
            Ty::DateTime,
            Ty::Int,
            Ty::Number,
            Ty::Percent,
            Ty::Money,
            Ty::Date,
            Ty::Duration,
            Ty::Time,
            Ty::Region,
        ];
        let ops = [Cmp::Eq, Cmp::Ne, Cmp::Lt, Cmp::Le, Cmp::Gt, Cmp::Ge];
        let op = self.pick(&ops);
        let (lhs, rhs) = match self.rng.random_range(0..10) {
            0 if matches!(op, Cmp::Eq | Cmp::Ne) => {
                (self.expr(&Ty::Str, d, scope), self.expr(&Ty::Str, d, scope))
            }
            1 if matches!(op, Cmp::Eq | Cmp::Ne) => (
                self.expr(&Ty::Bool, d, scope),
                self.expr(&Ty::Bool, d, scope),
            ),
            2 if matches!(op, Cmp::Eq | Cmp::Ne) => {
                let ty = if self.chance(0.5) {
                    Ty::Set(Box::new(Ty::Str))
                } else {
                    Ty::Set(Box::new(Ty::Region))
                };
                // A set field, so that the literal is typed as a set: two literals alone
                // are lists, whose order counts.
                let fields = Self::paths(&ty, scope);
                let field = fields[self.rng.random_range(0..fields.len())].clone();
                (field, self.literal(&ty))
            }
            3 => (
                self.expr(&Ty::Int, d, scope),
                self.expr(&Ty::Number, d, scope),
            ),
            _ => {
                let ty = ORDERED[self.rng.random_range(0..ORDERED.len())].clone();
                (self.expr(&ty, d, scope), self.expr(&ty, d, scope))
            }
        };
        Expr::Compare(op, Box::new(lhs), Box::new(rhs))
    }

    fn membership(&mut self, d: u32, scope: &mut Scope) -> Expr {
        let element = match self.rng.random_range(0..3) {
            0 => Ty::Str,
            1 => Ty::Region,
            _ => Ty::Int,
        };
        let item = self.expr(&element, d, scope);
        let fields: Vec<Expr> = Self::paths(&Ty::Set(Box::new(element.clone())), scope)
            .into_iter()
            .chain(Self::paths(&Ty::List(Box::new(element.clone())), scope))
            .collect();
        let collection = if fields.is_empty() || self.chance(0.4) {
            let len = self.rng.random_range(1..4);
            Expr::List {
                items: (0..len).map(|_| self.expr(&element, 0, scope)).collect(),
                set: false,
            }
        } else {
            fields[self.rng.random_range(0..fields.len())].clone()
        };
        Expr::In(Box::new(item), Box::new(collection))
    }

    /// A collection to quantify over or count, with its element type.
    fn collection(&mut self, d: u32, scope: &mut Scope) -> (Expr, Ty) {
        match self.rng.random_range(0..6) {
            0 | 1 => (Expr::Field(vec!["suppliers"]), Ty::Record(SUPPLIER)),
            2 => (Expr::Field(vec!["tags"]), Ty::Str),
            3 => (Expr::Field(vec!["sizes"]), Ty::Int),
            4 => (Expr::Field(vec!["levels"]), Ty::Region),
            _ => {
                let len = self.rng.random_range(1..4);
                let items = (0..len)
                    .map(|_| self.expr(&Ty::Int, d.min(1), scope))
                    .collect();
                (Expr::List { items, set: false }, Ty::Int)
            }
        }
    }

    fn bind(scope: &mut Scope, element: Ty) -> usize {
        let var = scope.next_var;
        scope.next_var += 1;
        scope.locals.push((var, element));
        var
    }

    fn quantifier(&mut self, d: u32, scope: &mut Scope) -> Expr {
        let (collection, element) = self.collection(d, scope);
        let var = Self::bind(scope, element);
        let body = self.expr(&Ty::Bool, d, scope);
        scope.locals.pop();
        Expr::Quantifier {
            all: self.chance(0.5),
            var,
            collection: Box::new(collection),
            body: Box::new(body),
        }
    }

    fn count_where(&mut self, d: u32, scope: &mut Scope) -> Expr {
        let (collection, element) = self.collection(d, scope);
        let var = Self::bind(scope, element);
        let condition = self.expr(&Ty::Bool, d, scope);
        scope.locals.pop();
        Expr::CountWhere {
            var,
            collection: Box::new(collection),
            condition: Box::new(condition),
        }
    }

    /// `sum(sizes)` (for integers, at times) or `sum(v in suppliers: e)` with `e` of
    /// type `values`, which may read the supplier.
    fn reduce(&mut self, kinds: &[Reduce], values: &Ty, d: u32, scope: &mut Scope) -> Expr {
        let reduce = self.pick(kinds);
        if *values == Ty::Int && self.chance(0.3) {
            return Expr::Reduce {
                reduce,
                collection: Box::new(Expr::Field(vec!["sizes"])),
                projection: None,
                values: Ty::Int,
            };
        }
        let var = Self::bind(scope, Ty::Record(SUPPLIER));
        let projected = self.expr(values, d, scope);
        scope.locals.pop();
        Expr::Reduce {
            reduce,
            collection: Box::new(Expr::Field(vec!["suppliers"])),
            projection: Some((var, Box::new(projected))),
            values: values.clone(),
        }
    }

    fn conditional(&mut self, ty: &Ty, d: u32, scope: &mut Scope) -> Expr {
        Expr::If(
            Box::new(self.expr(&Ty::Bool, d, scope)),
            Box::new(self.expr(ty, d, scope)),
            Box::new(self.expr(ty, d, scope)),
        )
    }

    fn arith_of(&mut self, ops: &[Arith], lhs: &Ty, rhs: &Ty, d: u32, scope: &mut Scope) -> Expr {
        let op = self.pick(ops);
        Expr::Arith(
            op,
            Box::new(self.expr(lhs, d, scope)),
            Box::new(self.expr(rhs, d, scope)),
        )
    }

    fn aggregate(&mut self, types: &[Ty]) -> Expr {
        let scope = Scope::new(&[], false);
        let candidates: Vec<Vec<&'static str>> = types
            .iter()
            .flat_map(|ty| Self::paths(ty, &scope))
            .filter_map(|path| match path {
                Expr::Field(path) => Some(path),
                _ => None,
            })
            .collect();
        let path = candidates[self.rng.random_range(0..candidates.len())].clone();
        Expr::Aggregate {
            lowest: self.chance(0.5),
            path,
        }
    }

    fn leaf(&mut self, ty: &Ty, scope: &mut Scope) -> Expr {
        let mut options: Vec<Expr> = Self::paths(ty, scope);
        options.extend(
            scope
                .params
                .iter()
                .enumerate()
                .filter(|(_, param)| *param == ty)
                .map(|(index, _)| Expr::Param(index)),
        );
        // The fields of record parameters.
        for (index, param) in scope.params.iter().enumerate() {
            if let Ty::Record(fields) = param {
                options.extend(
                    fields
                        .iter()
                        .filter(|(_, field)| field == ty)
                        .map(|(name, _)| Expr::ParamField(index, name)),
                );
            }
        }
        let tables: Vec<(usize, Ty)> = scope
            .params
            .iter()
            .enumerate()
            .filter_map(|(index, param)| match param {
                Ty::Map(key, value) if **value == *ty => Some((index, (**key).clone())),
                _ => None,
            })
            .collect();
        if !tables.is_empty() && self.chance(0.4) {
            let (table, key_ty) = tables[self.rng.random_range(0..tables.len())].clone();
            let key = self.leaf(&key_ty, scope);
            return Expr::Index(table, Box::new(key));
        }
        if *ty == Ty::Bool && self.chance(0.1) {
            let tables: Vec<(usize, Ty)> = scope
                .params
                .iter()
                .enumerate()
                .filter_map(|(index, param)| match param {
                    Ty::Map(key, _) => Some((index, (**key).clone())),
                    _ => None,
                })
                .collect();
            if !tables.is_empty() {
                let (table, key_ty) = tables[self.rng.random_range(0..tables.len())].clone();
                let key = self.leaf(&key_ty, scope);
                return Expr::In(Box::new(key), Box::new(Expr::Param(table)));
            }
        }
        match ty {
            Ty::Date if self.chance(0.3) => return Expr::Today,
            Ty::Bool if !scope.should.is_empty() && self.chance(0.6) => {
                return Expr::Passed(self.pick(&scope.should));
            }
            Ty::Bool if self.chance(0.25) => return self.presence(),
            Ty::Int if self.chance(0.15) => {
                return Expr::Count(Box::new(self.collection(0, scope).0));
            }
            _ => {}
        }
        if options.is_empty() || self.chance(0.4) {
            return self.literal(ty);
        }
        options.swap_remove(self.rng.random_range(0..options.len()))
    }

    fn presence(&mut self) -> Expr {
        const PATHS: &[&[&str]] = &[
            &["n"],
            &["price"],
            &["suppliers"],
            &["nested"],
            &["nested", "deep", "when"],
            &["tags"],
            &["notice"],
        ];
        Expr::Has(self.pick(PATHS).to_vec())
    }

    /// One offer, with each field absent one time in six, and, one time in twenty, a
    /// value that does not fit the schema (the offer is then invalid).
    fn offer(
        &mut self,
        index: usize,
        pack_lots: &[String],
        (read_by_labels, asked): (&[&'static str], &[&'static str]),
    ) -> (Offer, String) {
        let id = format!("offre-{index}");
        let mut fields: Vec<(&'static str, Option<Value>)> = Vec::new();
        for (name, ty) in descriptor_fields() {
            let value = if name == "id" {
                Some(Value::Str(id.clone()))
            } else if self.chance(1.0 / 6.0) {
                None
            } else if matches!(name, "reported" | "answered") {
                Some(Value::DateTime(self.nearby_moment()))
            } else {
                Some(self.data(&ty))
            };
            fields.push((name, value));
        }
        // One offer in five gives a field's last valid day, around the days a run takes
        // as `today`: the day before, the day itself or the day after.
        let mut valid_until = Vec::new();
        if self.chance(0.2) {
            let given: Vec<&'static str> = fields
                .iter()
                .filter(|(name, value)| *name != "id" && value.is_some())
                .map(|(name, _)| *name)
                .collect();
            if !given.is_empty() {
                let name = self.pick(&given);
                let (y, m, d) = self.pick(TODAYS);
                let shift = self.pick(&[-1, 0, 1]);
                let day = Day::from_ordinal(Day::new(y, m, d).ordinal() + shift);
                valid_until.push((name, day));
            }
        }
        let claims = self.claims(&fields, read_by_labels);
        let given: Vec<&'static str> = fields
            .iter()
            .filter(|(name, value)| *name != "id" && value.is_some())
            .map(|(name, _)| *name)
            .collect();
        let sources = crate::proof::sources(&mut self.rng, &given, asked);
        let root = Value::Record(fields);
        let worded = self.chance(0.3);
        let evidence = Evidence {
            valid_until: &valid_until,
            claims: &claims,
            sources: &sources,
        };
        let mut line = crate::print::json_line_with_evidence(&root, &evidence, &|| {
            if worded {
                Spelling::Worded
            } else {
                Spelling::Plain
            }
        });
        let lots = crate::lots::offer_lots(&mut self.rng, pack_lots);
        if let Some((_, json)) = &lots {
            line = line.replacen('{', &format!("{{\"lots\":{json},"), 1);
        }
        let invalid = self.chance(0.05);
        if invalid {
            let broken = match self.rng.random_range(0..4) {
                0 => "\"m\":1.5",
                1 => "\"region\":\"MARS\"",
                2 => "\"opens\":\"8h30\"",
                _ => "\"since\":\"30/06/2027\"",
            };
            line = line.replacen('{', &format!("{{{broken},"), 1);
            // A key given twice is invalid too; without the original the new one stands.
        }
        // The language's default ranges: an amount below 0 € or a percent outside 0% to
        // 100%, anywhere in the data, makes the offer invalid.
        let in_range = within_default_ranges(&root);
        let offer = Offer {
            id,
            root: (!invalid && in_range).then_some(root),
            lots: lots.map(|(named, _)| named),
            valid_until,
            claims,
            sources,
        };
        (offer, line)
    }

    /// The fields on which an offer claims an equivalent: often none, else one or two
    /// given fields, most often label fields a requirement of the pack reads.
    fn claims(
        &mut self,
        fields: &[(&'static str, Option<Value>)],
        read_by_labels: &[&'static str],
    ) -> Vec<&'static str> {
        let given = |name: &&'static str| {
            fields
                .iter()
                .any(|(field, value)| field == name && value.is_some())
        };
        let read: Vec<&'static str> = read_by_labels.iter().copied().filter(given).collect();
        let labels: Vec<&'static str> = LABEL_FIELDS.iter().copied().filter(given).collect();
        let any: Vec<&'static str> = fields
            .iter()
            .filter(|(name, value)| *name != "id" && value.is_some())
            .map(|(name, _)| *name)
            .collect();
        if !self.chance(if read.is_empty() { 0.3 } else { 0.8 }) {
            return Vec::new();
        }
        let pool = match self.rng.random_range(0..6) {
            0..=3 if !read.is_empty() => read,
            0..=4 if !labels.is_empty() => labels,
            _ => any,
        };
        if pool.is_empty() {
            return Vec::new();
        }
        let mut claims = vec![self.pick(&pool)];
        let second = self.pick(&pool);
        if !claims.contains(&second) && self.chance(0.5) {
            claims.push(second);
        }
        claims
    }

    /// A value of a type as a descriptor gives it.
    fn data(&mut self, ty: &Ty) -> Value {
        match ty {
            Ty::Bool => Value::Bool(self.chance(0.5)),
            Ty::Int => Value::Num(Num::from_int(self.pick(INTS))),
            Ty::Number => {
                if self.chance(0.05) {
                    Value::Num(Num::largest())
                } else {
                    Value::Num(self.num(NUMBERS))
                }
            }
            Ty::Percent => Value::Percent(self.num(PERCENTS)),
            Ty::Money => Value::Money(self.num(MONEY)),
            Ty::Date => Value::Date(self.day()),
            Ty::Time => Value::Time(self.clock()),
            Ty::DateTime => Value::DateTime(self.moment()),
            Ty::Duration => {
                let (months, days, seconds) = self.pick(SPANS);
                Value::Duration(Span {
                    months,
                    days,
                    seconds,
                })
            }
            Ty::Str => Value::Str(self.pick(STRINGS).to_owned()),
            Ty::Region => Value::Variant(self.rng.random_range(0..REGIONS.len())),
            Ty::List(element) | Ty::Set(element) => {
                let len = self.rng.random_range(0..4);
                let mut items: Vec<Value> = Vec::new();
                for _ in 0..len {
                    let item = self.data(element);
                    let duplicate = items.iter().any(|seen| seen.equals(&item));
                    if !(matches!(ty, Ty::Set(_)) && duplicate) {
                        items.push(item);
                    }
                }
                Value::List(items, matches!(ty, Ty::Set(_)))
            }
            Ty::Record(fields) => Value::Record(
                fields
                    .iter()
                    .map(|(name, ty)| {
                        let value = (!self.chance(1.0 / 6.0)).then(|| self.data(ty));
                        (*name, value)
                    })
                    .collect(),
            ),
            // A descriptor holds no table.
            Ty::Map(..) => Value::Map(Vec::new()),
        }
    }
}

/// Whether every amount is at least 0 € and every percent from 0% to 100%, in lists and
/// records too.
fn within_default_ranges(value: &Value) -> bool {
    match value {
        Value::Money(amount) => *amount >= Num::zero(),
        Value::Percent(rate) => *rate >= Num::zero() && *rate <= Num::from_int(100),
        Value::List(items, _) => items.iter().all(within_default_ranges),
        Value::Record(fields) => fields
            .iter()
            .all(|(_, value)| value.as_ref().is_none_or(within_default_ranges)),
        _ => true,
    }
}

/// A record still to walk: the path to it and its fields.
type PendingRecord<'a> = (Vec<&'static str>, &'a [(&'static str, Ty)]);

/// A date moved by a duration written in hours or minutes is refused by the checker
/// (the language reference: such a sum would never have a value), so a written one
/// becomes the same number of days; one read from the offer stays.
fn without_written_hours(shift: Expr) -> Expr {
    let in_days = |operand: Box<Expr>| match *operand {
        Expr::Duration(amount, DurationUnit::Hours | DurationUnit::Minutes) => {
            Box::new(Expr::Duration(amount, DurationUnit::Days))
        }
        other => Box::new(other),
    };
    match shift {
        Expr::Arith(op, lhs, rhs) => Expr::Arith(op, in_days(lhs), in_days(rhs)),
        other => other,
    }
}

const ALL_ARITH: [Arith; 4] = [Arith::Add, Arith::Sub, Arith::Mul, Arith::Div];

impl Scope {
    fn new(params: &[Ty], aggregates: bool) -> Scope {
        Scope {
            params: params.to_vec(),
            locals: Vec::new(),
            next_var: 0,
            aggregates,
            should: Vec::new(),
        }
    }
}

/// The descriptor fields a requirement may name as a required document: any field,
/// since `evidence` needs only its presence.
const DOCUMENT_PATHS: &[&[&str]] = &[&["n"], &["notice"], &["nested", "deep", "when"], &["tags"]];

/// The top-level fields a requirement may ask a kind of proof of (`evidence n from audit`).
const PROVEN_PATHS: &[&str] = &[
    "n", "notice", "tags", "certif_a", "hds", "label_b", "labels",
];

/// Why a requirement on a label admits no equivalent (`no_equivalent "…"`).
const NO_EQUIVALENT: &str =
    "Imposée par la loi : ce n'est pas un label au sens des articles R2111-12 à R2111-17.";

/// The label field a requirement written by [`Generator::label_requirement`] reads, to
/// aim claims and decisions at it; `None` for any other requirement.
fn label_field(require: &Expr) -> Option<&'static str> {
    let named = |expr: &Expr| match expr {
        Expr::Field(path) if path.len() == 1 && LABEL_FIELDS.contains(&path[0]) => Some(path[0]),
        _ => None,
    };
    match require {
        Expr::Field(_) => named(require),
        Expr::Has(path) => named(&Expr::Field(path.clone())),
        Expr::Compare(_, field, _) | Expr::In(_, field) | Expr::Not(field) => named(field),
        Expr::Or(a, b) => named(a).or_else(|| named(b)),
        _ => None,
    }
}
