//! Values, their equality and their order, as `docs/language.md` states them.

use std::cmp::Ordering;

use crate::calendar::Day;
use crate::clock::{Clock, Moment};
use crate::number::Num;

#[derive(Debug, Clone)]
pub enum Value {
    Bool(bool),
    /// `int` and `number` alike.
    Num(Num),
    /// In percent: `75%` holds 75.
    Percent(Num),
    /// In euros.
    Money(Num),
    Date(Day),
    Duration(Span),
    Time(Clock),
    DateTime(Moment),
    Str(String),
    /// A variant of `Region`, by declaration rank.
    Variant(usize),
    /// A list, or a set (`set`) whose equality ignores order.
    List(Vec<Value>, bool),
    /// A record's fields by name; `None` is absent.
    Record(Vec<(&'static str, Option<Value>)>),
    /// A table: its keys and values, in the order written.
    Map(Vec<(Value, Value)>),
}

/// A duration: its calendar part (months, days) and its exact time part (seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub months: i64,
    pub days: i64,
    pub seconds: i64,
}

impl Span {
    /// The average length in seconds: a day is 24 hours, a month a twelfth of 365.2425
    /// days.
    fn length(self) -> i128 {
        let day = 24 * 60 * 60;
        i128::from(self.months) * 36_524_250 * day / 1_200_000
            + i128::from(self.days) * day
            + i128::from(self.seconds)
    }

    /// Each part by each part of `other` through `combine`, or `None` on overflow.
    pub fn zip(self, other: Span, combine: impl Fn(i64, i64) -> Option<i64>) -> Option<Span> {
        Some(Span {
            months: combine(self.months, other.months)?,
            days: combine(self.days, other.days)?,
            seconds: combine(self.seconds, other.seconds)?,
        })
    }

    /// Each part through `change`, or `None` on overflow.
    pub fn map(self, change: impl Fn(i64) -> Option<i64>) -> Option<Span> {
        Some(Span {
            months: change(self.months)?,
            days: change(self.days)?,
            seconds: change(self.seconds)?,
        })
    }
}

impl Value {
    pub fn field(&self, name: &str) -> Option<&Value> {
        match self {
            Value::Record(fields) => fields
                .iter()
                .find(|(field, _)| *field == name)
                .and_then(|(_, value)| value.as_ref()),
            _ => None,
        }
    }

    /// Equality of two values of one type.
    pub fn equals(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Str(a), Value::Str(b)) => a == b,
            (Value::Record(a), Value::Record(b)) => {
                a.len() == b.len()
                    && a.iter().zip(b).all(|((_, x), (_, y))| match (x, y) {
                        (Some(x), Some(y)) => x.equals(y),
                        (None, None) => true,
                        _ => false,
                    })
            }
            (Value::List(a, a_set), Value::List(b, b_set)) if *a_set || *b_set => {
                a.iter().all(|x| b.iter().any(|y| x.equals(y)))
                    && b.iter().all(|y| a.iter().any(|x| x.equals(y)))
            }
            (Value::List(a, _), Value::List(b, _)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.equals(y))
            }
            _ => self.order(other) == Some(Ordering::Equal),
        }
    }

    /// The order of two values of an ordered type.
    pub fn order(&self, other: &Value) -> Option<Ordering> {
        match (self, other) {
            (Value::Num(a), Value::Num(b))
            | (Value::Percent(a), Value::Percent(b))
            | (Value::Money(a), Value::Money(b)) => Some(a.cmp(b)),
            (Value::Date(a), Value::Date(b)) => Some(a.cmp(b)),
            (Value::Time(a), Value::Time(b)) => Some(a.cmp(b)),
            (Value::DateTime(a), Value::DateTime(b)) => Some(a.cmp(b)),
            (Value::Duration(a), Value::Duration(b)) => Some(a.length().cmp(&b.length())),
            (Value::Variant(a), Value::Variant(b)) => Some(a.cmp(b)),
            _ => None,
        }
    }
}
