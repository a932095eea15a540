//! Runtime values: what parameters hold, what constants fold to, and what descriptors
//! are loaded into. Absence is not a value: an absent field is `None` in its record.

use std::cmp::Ordering;
use std::fmt;
use std::sync::Arc;

use clausier_syntax::ast::DurationUnit;
use jiff::civil::{Date, DateTime, Time};
use rust_decimal::Decimal;

use crate::types::{EnumId, RecordId, Schema};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Value {
    Bool(bool),
    /// `int` and `number` values alike: the type says which.
    Number(Decimal),
    /// In percent: `75%` is `Percent(75)`.
    Percent(Decimal),
    /// In euros.
    Money(Decimal),
    Date(Date),
    /// A time of day, to the second (clauses write minutes, descriptors may give seconds).
    Time(Time),
    /// A date and a time of day, in local time.
    DateTime(DateTime),
    Duration(Duration),
    String(Arc<str>),
    /// A variant by its position in the enum's declaration.
    Enum(EnumId, u32),
    /// Lists and sets; a set holds each value once, in the order first seen.
    List(Arc<[Value]>),
    Record(Arc<Record>),
    /// A table of a parameter: each key once, in the order written.
    Map(Arc<[(Value, Value)]>),
}

/// The fields of a record value, at the indexes of its `RecordDef`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Record {
    pub fields: Box<[Option<Value>]>,
    /// Its type, so that reports can name its fields.
    pub def: RecordId,
}

impl Record {
    pub fn new(def: RecordId, fields: Box<[Option<Value>]>) -> Self {
        Self { fields, def }
    }

    pub fn get(&self, index: u32) -> Option<&Value> {
        self.fields.get(index as usize).and_then(Option::as_ref)
    }
}

/// A duration: a calendar part, months (years are 12 months) and days (weeks are 7
/// days), and an exact time part in seconds (hours are 3,600 seconds, minutes 60).
///
/// Adding one to a date is calendar-correct (`2026-01-31 + 1 month` is `2026-02-28`); a
/// date has no time of day, so a duration with a time part gives it no value. Two
/// durations compare by their average length, a month being a twelfth of the Gregorian
/// year of 365.2425 days and a day 24 hours: `60 days < 2 months`, `1 year == 12
/// months`, `24 hours == 1 day`. The time part is never turned into days: `24 hours`
/// stays `24 hours`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Duration {
    pub months: i64,
    pub days: i64,
    pub seconds: i64,
}

/// Seconds in an hour and in a minute, the units of a duration's time part.
const SECONDS_PER_HOUR: i64 = 3_600;
const SECONDS_PER_MINUTE: i64 = 60;

impl Duration {
    /// A calendar duration, without a time part.
    pub const fn new(months: i64, days: i64) -> Self {
        Self {
            months,
            days,
            seconds: 0,
        }
    }

    /// A duration of exact time only.
    pub const fn of_seconds(seconds: i64) -> Self {
        Self {
            months: 0,
            days: 0,
            seconds,
        }
    }

    /// `amount` of `unit` (`24 hours`, `6 months`), or `None` when it does not fit.
    pub fn of_unit(amount: i64, unit: DurationUnit) -> Option<Duration> {
        Some(match unit {
            DurationUnit::Days => Duration::new(0, amount),
            DurationUnit::Weeks => Duration::new(0, amount.checked_mul(7)?),
            DurationUnit::Months => Duration::new(amount, 0),
            DurationUnit::Years => Duration::new(amount.checked_mul(12)?, 0),
            DurationUnit::Hours => Duration::of_seconds(amount.checked_mul(SECONDS_PER_HOUR)?),
            DurationUnit::Minutes => Duration::of_seconds(amount.checked_mul(SECONDS_PER_MINUTE)?),
        })
    }

    /// Whether it has a time part, which a date cannot take.
    pub const fn has_time(self) -> bool {
        self.seconds != 0
    }

    /// Length in seconds, in which an average month is exactly 2,629,746 (146,097 days
    /// in 4,800 months) and a day 86,400.
    fn comparable_length(self) -> i128 {
        i128::from(self.months) * 2_629_746
            + i128::from(self.days) * 86_400
            + i128::from(self.seconds)
    }

    pub fn checked_add(self, other: Duration) -> Option<Duration> {
        Some(Duration {
            months: self.months.checked_add(other.months)?,
            days: self.days.checked_add(other.days)?,
            seconds: self.seconds.checked_add(other.seconds)?,
        })
    }

    pub fn checked_neg(self) -> Option<Duration> {
        Some(Duration {
            months: self.months.checked_neg()?,
            days: self.days.checked_neg()?,
            seconds: self.seconds.checked_neg()?,
        })
    }

    pub fn checked_mul(self, factor: i64) -> Option<Duration> {
        Some(Duration {
            months: self.months.checked_mul(factor)?,
            days: self.days.checked_mul(factor)?,
            seconds: self.seconds.checked_mul(factor)?,
        })
    }

    /// The parts as a person reads them, largest first and only those that are not
    /// zero (at least one): `(1, "year")`, `(2, "hour")`, `(30, "minute")`. Months alone
    /// that make whole years are years; the time part is hours, minutes and seconds.
    pub fn parts(self) -> Vec<(i64, DurationPart)> {
        let mut parts = Vec::new();
        let months_alone = self.days == 0 && self.seconds == 0;
        if self.months != 0 && self.months % 12 == 0 && months_alone {
            parts.push((self.months / 12, DurationPart::Years));
        } else if self.months != 0 {
            parts.push((self.months, DurationPart::Months));
        }
        if self.days != 0 {
            parts.push((self.days, DurationPart::Days));
        }
        let hours = self.seconds / SECONDS_PER_HOUR;
        let minutes = self.seconds % SECONDS_PER_HOUR / SECONDS_PER_MINUTE;
        let seconds = self.seconds % SECONDS_PER_MINUTE;
        for (amount, part) in [
            (hours, DurationPart::Hours),
            (minutes, DurationPart::Minutes),
            (seconds, DurationPart::Seconds),
        ] {
            if amount != 0 {
                parts.push((amount, part));
            }
        }
        if parts.is_empty() {
            parts.push((0, DurationPart::Days));
        }
        parts
    }
}

/// A unit of a duration as it is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DurationPart {
    Years,
    Months,
    Days,
    Hours,
    Minutes,
    /// Only descriptors give seconds (`PT90S`); the language writes none.
    Seconds,
}

impl DurationPart {
    /// The English word, singular then plural.
    pub const fn english(self) -> (&'static str, &'static str) {
        match self {
            DurationPart::Years => ("year", "years"),
            DurationPart::Months => ("month", "months"),
            DurationPart::Days => ("day", "days"),
            DurationPart::Hours => ("hour", "hours"),
            DurationPart::Minutes => ("minute", "minutes"),
            DurationPart::Seconds => ("second", "seconds"),
        }
    }
}

impl PartialOrd for Duration {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Duration {
    fn cmp(&self, other: &Self) -> Ordering {
        self.comparable_length()
            .cmp(&other.comparable_length())
            .then(self.months.cmp(&other.months))
            .then(self.days.cmp(&other.days))
    }
}

/// The canonical form, as a clause writes it: each part that is not zero, largest first
/// (`2 years`, `1 month 3 days`, `1 day 2 hours`, `1 hour 30 minutes`, `0 days`).
impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut separator = "";
        for (amount, part) in self.parts() {
            let (one, many) = part.english();
            let word = if amount.abs() == 1 { one } else { many };
            write!(f, "{separator}{amount} {word}")?;
            separator = " ";
        }
        Ok(())
    }
}

impl Value {
    /// Orders two values of the same type; `None` when they do not compare (different
    /// types, or a type without an order such as `bool` or a record).
    pub fn compare(&self, other: &Value) -> Option<Ordering> {
        match (self, other) {
            (Value::Number(a), Value::Number(b))
            | (Value::Percent(a), Value::Percent(b))
            | (Value::Money(a), Value::Money(b)) => Some(a.cmp(b)),
            (Value::Date(a), Value::Date(b)) => Some(a.cmp(b)),
            (Value::Time(a), Value::Time(b)) => Some(a.cmp(b)),
            (Value::DateTime(a), Value::DateTime(b)) => Some(a.cmp(b)),
            // By average length alone, as the language reference says: `1600 months`
            // and `48699 days` are as long as each other, so neither is shorter.
            (Value::Duration(a), Value::Duration(b)) => {
                Some(a.comparable_length().cmp(&b.comparable_length()))
            }
            (Value::String(a), Value::String(b)) => Some(a.cmp(b)),
            (Value::Enum(ea, a), Value::Enum(eb, b)) if ea == eb => Some(a.cmp(b)),
            _ => None,
        }
    }

    /// Equality as the language sees it: numbers by value (`1.0 == 1`), durations by
    /// length, sets regardless of order.
    pub fn same(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::List(a), Value::List(b)) => {
                a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| x.same(y))
            }
            (Value::Record(a), Value::Record(b)) => {
                a.fields.len() == b.fields.len()
                    && a.fields
                        .iter()
                        .zip(b.fields.iter())
                        .all(|(x, y)| match (x, y) {
                            (Some(x), Some(y)) => x.same(y),
                            (None, None) => true,
                            _ => false,
                        })
            }
            _ => self.compare(other) == Some(Ordering::Equal),
        }
    }

    /// The value a map holds for `key`; `None` when it holds none, or is no map.
    pub fn map_entry(&self, key: &Value) -> Option<&Value> {
        let Value::Map(entries) = self else {
            return None;
        };
        entries
            .iter()
            .find(|(candidate, _)| candidate.same(key))
            .map(|(_, value)| value)
    }

    /// The value as a person reads it in a report: `EU`, `75%`, `6.00 €`, `2027-06-30`,
    /// `6 months`, `["CSV", "JSON"]`, `{ name: "Acme", region: EU }`.
    pub fn display<'a>(&'a self, schema: &'a Schema) -> ValueDisplay<'a> {
        ValueDisplay {
            value: self,
            schema,
        }
    }
}

pub struct ValueDisplay<'a> {
    value: &'a Value,
    schema: &'a Schema,
}

impl fmt::Display for ValueDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.value {
            Value::Bool(b) => write!(f, "{b}"),
            Value::Number(n) => write!(f, "{}", n.normalize()),
            Value::Percent(p) => write!(f, "{}%", p.normalize()),
            // Cents always show; finer amounts are never rounded away, so a
            // price of 4.505 € is not printed as the 4.50 € it exceeds.
            Value::Money(m) if m.normalize().scale() > 2 => write!(f, "{} €", m.normalize()),
            Value::Money(m) => write!(f, "{m:.2} €"),
            Value::Date(d) => write!(f, "{d}"),
            Value::Time(t) => write!(f, "{}", TimeOfDay(*t)),
            Value::DateTime(dt) => write!(f, "{}T{}", dt.date(), TimeOfDay(dt.time())),
            Value::Duration(d) => write!(f, "{d}"),
            Value::String(s) => write!(f, "{s:?}"),
            Value::Enum(id, index) => {
                let name = self
                    .schema
                    .enum_def(*id)
                    .and_then(|def| def.variants.get(*index as usize))
                    .map_or("?", |v| v.name.as_str());
                f.write_str(name)
            }
            Value::List(items) => {
                f.write_str("[")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{}", item.display(self.schema))?;
                }
                f.write_str("]")
            }
            Value::Record(record) => self.record(record, f),
            Value::Map(entries) => {
                if entries.is_empty() {
                    return f.write_str("{}");
                }
                for (i, (key, value)) in entries.iter().enumerate() {
                    f.write_str(if i == 0 { "{ " } else { ", " })?;
                    write!(
                        f,
                        "{}: {}",
                        key.display(self.schema),
                        value.display(self.schema)
                    )?;
                }
                f.write_str(" }")
            }
        }
    }
}

impl ValueDisplay<'_> {
    /// `{ name: "Acme", region: EU }`: present fields only, named by the record's type.
    fn record(&self, record: &Record, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let def = self.schema.record(record.def);
        let mut first = true;
        for (index, value) in record.fields.iter().enumerate() {
            let Some(value) = value else {
                continue;
            };
            f.write_str(if first { "{ " } else { ", " })?;
            first = false;
            let name = u32::try_from(index)
                .ok()
                .and_then(|index| def?.field_at(index))
                .map(|(name, _)| name);
            if let Some(name) = name {
                write!(f, "{name}: ")?;
            }
            write!(f, "{}", value.display(self.schema))?;
        }
        f.write_str(if first { "{}" } else { " }" })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_compare_by_average_length() {
        assert!(Duration::new(0, 60) < Duration::new(2, 0));
        assert!(Duration::new(0, 61) > Duration::new(2, 0));
        assert!(Duration::new(0, 365) < Duration::new(12, 0));
        assert!(Duration::new(0, 366) > Duration::new(12, 0));
        assert_eq!(
            Value::Duration(Duration::new(12, 0)).compare(&Value::Duration(Duration::new(12, 0))),
            Some(Ordering::Equal)
        );
        let months = Value::Duration(Duration::new(1600, 0));
        let days = Value::Duration(Duration::new(0, 48_699));
        assert_eq!(months.compare(&days), Some(Ordering::Equal));
        assert!(months.same(&days));
    }

    #[test]
    fn money_prints_with_cents() {
        let schema = Schema::default();
        let price = Value::Money(Decimal::new(45, 1));
        assert_eq!(price.display(&schema).to_string(), "4.50 €");
        assert_eq!(
            Value::Money(Decimal::ONE).display(&schema).to_string(),
            "1.00 €"
        );
        let precise = Value::Money(Decimal::new(4505, 3));
        assert_eq!(precise.display(&schema).to_string(), "4.505 €");
    }

    #[test]
    fn durations_print_in_their_largest_unit() {
        assert_eq!(Duration::new(24, 0).to_string(), "2 years");
        assert_eq!(Duration::new(1, 0).to_string(), "1 month");
        assert_eq!(Duration::new(0, 30).to_string(), "30 days");
    }
}

/// A time of day as clauses write it, `08:30`, with its seconds only when a descriptor
/// gave some (`08:30:15`).
#[derive(Debug, Clone, Copy)]
pub struct TimeOfDay(pub Time);

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let time = self.0;
        write!(f, "{:02}:{:02}", time.hour(), time.minute())?;
        if time.second() != 0 {
            write!(f, ":{:02}", time.second())?;
        }
        Ok(())
    }
}
