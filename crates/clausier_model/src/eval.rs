//! Three-valued evaluation of one expression against one offer: `None` is unknown.
//! Written from `docs/language.md`, in the most direct way: no short cuts, no folding.

use crate::ast::{Arith, Cmp, DurationUnit, Expr, Reduce, Ty};
use crate::calendar::Day;
use crate::clock::business_seconds;
use crate::number::{Num, Trouble};
use crate::value::{Span, Value};

/// What an expression reads besides its own literals.
pub struct Context<'a> {
    pub offer: &'a Value,
    pub today: Day,
    pub params: &'a [Value],
    /// `lowest`/`highest` by kind and path, for the eligible offers of the run.
    pub aggregates: &'a dyn Fn(bool, &[&'static str]) -> Option<Value>,
    /// What `passed` reads of each requirement, by index: true when the offer passed it
    /// or it did not apply, false when it failed, `None` when it is missing.
    pub passed: &'a [Option<bool>],
}

/// Values bound by quantifiers and counts, by variable number.
type Locals = Vec<Option<Value>>;

pub fn evaluate(expr: &Expr, context: &Context<'_>) -> Option<Value> {
    value(expr, context, &mut Vec::new())
}

fn truth(expr: &Expr, context: &Context<'_>, locals: &mut Locals) -> Option<bool> {
    match value(expr, context, locals)? {
        Value::Bool(b) => Some(b),
        _ => None,
    }
}

fn follow(start: Option<&Value>, path: &[&'static str]) -> Option<Value> {
    let mut current = start?;
    for step in path {
        current = current.field(step)?;
    }
    Some(current.clone())
}

fn value(expr: &Expr, context: &Context<'_>, locals: &mut Locals) -> Option<Value> {
    match expr {
        Expr::Bool(b) => Some(Value::Bool(*b)),
        Expr::Int(n) => Some(Value::Num(Num::from_int(*n))),
        Expr::Number(n) => Some(Value::Num(n.clone())),
        Expr::Percent(n) => Some(Value::Percent(n.clone())),
        Expr::Money(n) => Some(Value::Money(n.clone())),
        Expr::Date(day) => Some(Value::Date(*day)),
        Expr::Time(clock) => Some(Value::Time(*clock)),
        Expr::DateTime(moment) => Some(Value::DateTime(*moment)),
        Expr::Duration(amount, unit) => Some(Value::Duration(match unit {
            DurationUnit::Days => Span {
                days: *amount,
                ..Span::default()
            },
            DurationUnit::Weeks => Span {
                days: amount * 7,
                ..Span::default()
            },
            DurationUnit::Months => Span {
                months: *amount,
                ..Span::default()
            },
            DurationUnit::Years => Span {
                months: amount * 12,
                ..Span::default()
            },
            DurationUnit::Hours => Span {
                seconds: amount * 3600,
                ..Span::default()
            },
            DurationUnit::Minutes => Span {
                seconds: amount * 60,
                ..Span::default()
            },
        })),
        Expr::Str(text) => Some(Value::Str(text.clone())),
        Expr::Variant(index) => Some(Value::Variant(*index)),
        Expr::List { items, set } => {
            let mut values: Vec<Value> = Vec::new();
            for item in items {
                let item = value(item, context, locals)?;
                if !(*set && values.iter().any(|seen| seen.equals(&item))) {
                    values.push(item);
                }
            }
            Some(Value::List(values, *set))
        }
        Expr::Field(path) => follow(Some(context.offer), path),
        Expr::Local(var, path) => follow(locals.get(*var).and_then(Option::as_ref), path),
        Expr::Param(index) => context.params.get(*index).cloned(),
        Expr::ParamField(index, name) => context.params.get(*index)?.field(name).cloned(),
        Expr::Record(fields) => {
            let mut record = Vec::with_capacity(fields.len());
            for (name, field) in fields {
                record.push((*name, Some(value(field, context, locals)?)));
            }
            Some(Value::Record(record))
        }
        Expr::Today => Some(Value::Date(context.today)),
        Expr::Has(path) => Some(Value::Bool(follow(Some(context.offer), path).is_some())),
        Expr::TextCheck(check, text) => match value(text, context, locals)? {
            Value::Str(text) => Some(Value::Bool(crate::text::passes(*check, &text))),
            _ => None,
        },
        Expr::WeekdayIn(of, days) => {
            let day = match value(of, context, locals)? {
                Value::Date(day) => day,
                Value::DateTime(moment) => moment.day,
                _ => return None,
            };
            Some(Value::Bool(days.contains(&day.weekday())))
        }
        Expr::BusinessDuration {
            start,
            end,
            days,
            opens,
            closes,
        } => {
            // Every argument is read, so that an unknown one makes the duration unknown.
            let start = value(start, context, locals);
            let end = value(end, context, locals);
            let opens = value(opens, context, locals);
            let closes = value(closes, context, locals);
            match (start?, end?, opens?, closes?) {
                (
                    Value::DateTime(start),
                    Value::DateTime(end),
                    Value::Time(opens),
                    Value::Time(closes),
                ) => {
                    let seconds = business_seconds(start, end, days, opens, closes)?;
                    Some(Value::Duration(Span {
                        seconds,
                        ..Span::default()
                    }))
                }
                _ => None,
            }
        }
        Expr::Not(operand) => truth(operand, context, locals).map(|b| Value::Bool(!b)),
        Expr::Neg(operand) => negate(value(operand, context, locals)?),
        Expr::And(lhs, rhs) => {
            let (l, r) = (truth(lhs, context, locals), truth(rhs, context, locals));
            let result = match (l, r) {
                (Some(false), _) | (_, Some(false)) => Some(false),
                (Some(true), Some(true)) => Some(true),
                _ => None,
            };
            result.map(Value::Bool)
        }
        Expr::Or(lhs, rhs) => {
            let (l, r) = (truth(lhs, context, locals), truth(rhs, context, locals));
            let result = match (l, r) {
                (Some(true), _) | (_, Some(true)) => Some(true),
                (Some(false), Some(false)) => Some(false),
                _ => None,
            };
            result.map(Value::Bool)
        }
        Expr::Implies(lhs, rhs) => {
            let (l, r) = (truth(lhs, context, locals), truth(rhs, context, locals));
            let result = match (l, r) {
                (Some(false), _) | (_, Some(true)) => Some(true),
                (Some(true), Some(false)) => Some(false),
                _ => None,
            };
            result.map(Value::Bool)
        }
        Expr::Compare(op, lhs, rhs) => {
            let l = value(lhs, context, locals);
            let r = value(rhs, context, locals);
            compare(*op, &l?, &r?).map(Value::Bool)
        }
        Expr::Arith(op, lhs, rhs) => {
            let l = value(lhs, context, locals);
            let r = value(rhs, context, locals);
            arith(*op, &l?, &r?).ok()
        }
        Expr::In(item, collection) => {
            let item = value(item, context, locals);
            let collection = value(collection, context, locals);
            match (item?, collection?) {
                (item, Value::List(items, _)) => {
                    Some(Value::Bool(items.iter().any(|x| x.equals(&item))))
                }
                // `k in m`: whether the table has an entry for the key.
                (item, Value::Map(entries)) => Some(Value::Bool(
                    entries.iter().any(|(key, _)| key.equals(&item)),
                )),
                _ => None,
            }
        }
        Expr::Table(entries) => {
            let mut table = Vec::with_capacity(entries.len());
            for (key, entry) in entries {
                table.push((value(key, context, locals)?, value(entry, context, locals)?));
            }
            Some(Value::Map(table))
        }
        // An entry the table does not have is unknown, as an absent field is.
        Expr::Index(param, key) => {
            let key = value(key, context, locals)?;
            match context.params.get(*param)? {
                Value::Map(entries) => entries
                    .iter()
                    .find(|(candidate, _)| candidate.equals(&key))
                    .map(|(_, entry)| entry.clone()),
                _ => None,
            }
        }
        Expr::Quantifier {
            all,
            var,
            collection,
            body,
        } => {
            let Value::List(items, _) = value(collection, context, locals)? else {
                return None;
            };
            let truths: Vec<Option<bool>> = items
                .into_iter()
                .map(|item| bound(locals, *var, item, |locals| truth(body, context, locals)))
                .collect();
            let decided_by = !*all;
            if truths.contains(&Some(decided_by)) {
                Some(Value::Bool(decided_by))
            } else if truths.contains(&None) {
                None
            } else {
                Some(Value::Bool(*all))
            }
        }
        Expr::Count(collection) => match value(collection, context, locals)? {
            Value::List(items, _) => Some(Value::Num(Num::from_int(items.len() as i64))),
            _ => None,
        },
        Expr::CountWhere {
            var,
            collection,
            condition,
        } => {
            let Value::List(items, _) = value(collection, context, locals)? else {
                return None;
            };
            let truths: Vec<Option<bool>> = items
                .into_iter()
                .map(|item| {
                    bound(locals, *var, item, |locals| {
                        truth(condition, context, locals)
                    })
                })
                .collect();
            if truths.contains(&None) {
                return None;
            }
            let count = truths.iter().filter(|t| **t == Some(true)).count();
            Some(Value::Num(Num::from_int(count as i64)))
        }
        Expr::Reduce {
            reduce,
            collection,
            projection,
            values,
        } => {
            let Value::List(items, _) = value(collection, context, locals)? else {
                return None;
            };
            let mut aggregated = Vec::with_capacity(items.len());
            for item in items {
                let one = match projection {
                    None => Some(item),
                    Some((var, projected)) => bound(locals, *var, item, |locals| {
                        value(projected, context, locals)
                    }),
                };
                // An element whose value is unknown makes the aggregate unknown.
                aggregated.push(one?);
            }
            reduce_values(*reduce, values, &aggregated)
        }
        Expr::If(condition, then_branch, else_branch) => {
            if truth(condition, context, locals)? {
                value(then_branch, context, locals)
            } else {
                value(else_branch, context, locals)
            }
        }
        Expr::Aggregate { lowest, path } => (context.aggregates)(*lowest, path),
        Expr::Passed(index) => context
            .passed
            .get(*index)
            .copied()
            .flatten()
            .map(Value::Bool),
    }
}

/// `docs/language.md`: an empty `sum` is zero of its type; an empty `mean`, `min` or
/// `max` has no value; a `mean` is the sum divided by the count, rounded as `/` is, and a
/// mean of durations averages months and days apart, each rounded to a whole number, half
/// to even.
fn reduce_values(reduce: Reduce, values: &Ty, items: &[Value]) -> Option<Value> {
    match reduce {
        Reduce::Min | Reduce::Max => {
            let mut best = items.first()?.clone();
            for item in &items[1..] {
                let order = item.order(&best)?;
                let better = match reduce {
                    Reduce::Min => order == std::cmp::Ordering::Less,
                    _ => order == std::cmp::Ordering::Greater,
                };
                if better {
                    best = item.clone();
                }
            }
            Some(best)
        }
        Reduce::Sum | Reduce::Mean => {
            let mut total = match values {
                Ty::Int | Ty::Number => Value::Num(Num::zero()),
                Ty::Percent => Value::Percent(Num::zero()),
                Ty::Money => Value::Money(Num::zero()),
                Ty::Duration => Value::Duration(Span {
                    months: 0,
                    days: 0,
                    seconds: 0,
                }),
                _ => return None,
            };
            for item in items {
                total = arith(Arith::Add, &total, item).ok()?;
            }
            if reduce == Reduce::Sum {
                return Some(total);
            }
            if items.is_empty() {
                return None;
            }
            let count = items.len() as i64;
            match total {
                Value::Duration(span) => {
                    let part = |amount: i64| {
                        Num::from_int(amount)
                            .div(&Num::from_int(count))
                            .ok()?
                            .whole_half_even()
                    };
                    Some(Value::Duration(Span {
                        months: part(span.months)?,
                        days: part(span.days)?,
                        seconds: part(span.seconds)?,
                    }))
                }
                total => arith(Arith::Div, &total, &Value::Num(Num::from_int(count))).ok(),
            }
        }
    }
}

fn bound<T>(
    locals: &mut Locals,
    var: usize,
    item: Value,
    body: impl FnOnce(&mut Locals) -> T,
) -> T {
    if locals.len() <= var {
        locals.resize(var + 1, None);
    }
    let saved = locals[var].replace(item);
    let result = body(locals);
    locals[var] = saved;
    result
}

fn negate(value: Value) -> Option<Value> {
    match value {
        Value::Num(n) => Some(Value::Num(n.neg())),
        Value::Percent(n) => Some(Value::Percent(n.neg())),
        Value::Money(n) => Some(Value::Money(n.neg())),
        Value::Duration(span) => Some(Value::Duration(span.map(i64::checked_neg)?)),
        _ => None,
    }
}

pub fn compare(op: Cmp, lhs: &Value, rhs: &Value) -> Option<bool> {
    use std::cmp::Ordering::{Greater, Less};
    match op {
        Cmp::Eq => Some(lhs.equals(rhs)),
        Cmp::Ne => Some(!lhs.equals(rhs)),
        Cmp::Lt => lhs.order(rhs).map(|o| o == Less),
        Cmp::Le => lhs.order(rhs).map(|o| o != Greater),
        Cmp::Gt => lhs.order(rhs).map(|o| o == Greater),
        Cmp::Ge => lhs.order(rhs).map(|o| o != Less),
    }
}

/// The arithmetic table of `docs/language.md`.
pub fn arith(op: Arith, lhs: &Value, rhs: &Value) -> Result<Value, Trouble> {
    use Arith::{Add, Div, Mul, Sub};
    let apply = |a: &Num, b: &Num| match op {
        Add => a.add(b),
        Sub => a.sub(b),
        Mul => a.mul(b),
        Div => a.div(b),
    };
    match (op, lhs, rhs) {
        (_, Value::Num(a), Value::Num(b)) => apply(a, b).map(Value::Num),
        (Add | Sub, Value::Percent(a), Value::Percent(b)) => apply(a, b).map(Value::Percent),
        (Div, Value::Percent(a), Value::Percent(b)) => apply(a, b).map(Value::Num),
        (Mul | Div, Value::Percent(a), Value::Num(b)) => apply(a, b).map(Value::Percent),
        (Mul, Value::Num(a), Value::Percent(b)) => apply(a, b).map(Value::Percent),
        (Add | Sub, Value::Money(a), Value::Money(b)) => apply(a, b).map(Value::Money),
        (Div, Value::Money(a), Value::Money(b)) => apply(a, b).map(Value::Num),
        (Mul | Div, Value::Money(a), Value::Num(b)) => apply(a, b).map(Value::Money),
        (Mul, Value::Num(a), Value::Money(b)) => apply(a, b).map(Value::Money),
        // A percent of an amount: the percent as a fraction first, then the product.
        (Mul, Value::Money(m), Value::Percent(p)) | (Mul, Value::Percent(p), Value::Money(m)) => {
            let fraction = p.div(&Num::from_int(100))?;
            m.mul(&fraction).map(Value::Money)
        }
        // A date has no time of day: hours and minutes give it no value.
        (Add | Sub, Value::Date(_), Value::Duration(s))
        | (Add, Value::Duration(s), Value::Date(_))
            if s.seconds != 0 =>
        {
            Err(Trouble::TimeOnDate)
        }
        (Add, Value::Date(d), Value::Duration(s)) | (Add, Value::Duration(s), Value::Date(d)) => d
            .shifted(s.months, s.days)
            .map(Value::Date)
            .ok_or(Trouble::OutOfRange),
        (Sub, Value::Date(d), Value::Duration(s)) => {
            let back = s.map(i64::checked_neg).ok_or(Trouble::OutOfRange)?;
            d.shifted(back.months, back.days)
                .map(Value::Date)
                .ok_or(Trouble::OutOfRange)
        }
        (Add, Value::DateTime(m), Value::Duration(s))
        | (Add, Value::Duration(s), Value::DateTime(m)) => m
            .shifted(*s)
            .map(Value::DateTime)
            .ok_or(Trouble::OutOfRange),
        (Sub, Value::DateTime(m), Value::Duration(s)) => {
            let back = s.map(i64::checked_neg).ok_or(Trouble::OutOfRange)?;
            m.shifted(back)
                .map(Value::DateTime)
                .ok_or(Trouble::OutOfRange)
        }
        (Sub, Value::DateTime(a), Value::DateTime(b)) => Ok(Value::Duration(Span {
            seconds: a.seconds_since(*b),
            ..Span::default()
        })),
        (Sub, Value::Date(a), Value::Date(b)) => Ok(Value::Duration(Span {
            days: a.days_since(*b),
            ..Span::default()
        })),
        (Add | Sub, Value::Duration(a), Value::Duration(b)) => {
            let combined = match op {
                Add => a.zip(*b, i64::checked_add),
                _ => a.zip(*b, i64::checked_sub),
            };
            combined.map(Value::Duration).ok_or(Trouble::OutOfRange)
        }
        (Mul, Value::Duration(s), Value::Num(k)) | (Mul, Value::Num(k), Value::Duration(s)) => {
            let factor = k.to_i64().ok_or(Trouble::OutOfRange)?;
            s.map(|part| part.checked_mul(factor))
                .map(Value::Duration)
                .ok_or(Trouble::OutOfRange)
        }
        _ => Err(Trouble::OutOfRange),
    }
}
