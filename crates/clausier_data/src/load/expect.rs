//! Scalar values from read nodes by declared type, and the words of a type error: what
//! was expected, what was found, and how to write it instead.

use std::fmt;

use clausier_check::types::{Schema, Ty};
use clausier_check::value::Value;
use clausier_diagnostics::quoted;
use rust_decimal::Decimal;

use super::node::{Node, NodeKind, NumberText};
use super::scalar::{self, DateError, DateTimeError, NumberError};
use super::text_index::TextIndex;

/// Why a node is not a value of the declared scalar type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mismatch {
    Kind,
    /// A number in quotes where a number is declared.
    QuotedNumber,
    /// A bare number or boolean where a string is declared.
    Unquoted,
    OutOfRange,
    DateForm,
    NoSuchDay,
    DateTime,
    Duration,
    /// Not a time of day written `HH:MM` or `HH:MM:SS` (`8h30`, `25:00`).
    TimeForm,
    /// Not a date and time written `YYYY-MM-DDTHH:MM`.
    DateTimeForm,
    /// A date and time with an offset or `Z`.
    DateTimeOffset,
}

/// Converts a scalar node to the declared scalar type.
pub(crate) fn scalar(node: &Node<'_>, ty: &Ty) -> Result<Value, Mismatch> {
    match ty {
        Ty::Bool => match &node.kind {
            NodeKind::Bool(value) => Ok(Value::Bool(*value)),
            NodeKind::Plain(text) => scalar::parse_bool(text)
                .map(Value::Bool)
                .ok_or(Mismatch::Kind),
            _ => Err(Mismatch::Kind),
        },
        Ty::Int => {
            let number = number(node)?;
            if number.is_integer() {
                Ok(Value::Number(number.normalize()))
            } else {
                Err(Mismatch::Kind)
            }
        }
        Ty::Number => number(node).map(Value::Number),
        Ty::Percent => match &node.kind {
            NodeKind::Percent(value) => Ok(Value::Percent(*value)),
            NodeKind::Str(text) | NodeKind::Plain(text) if text.trim_end().ends_with('%') => {
                from_number_text(scalar::parse_percent(text)).map(Value::Percent)
            }
            _ => number(node).map(Value::Percent),
        },
        Ty::Money => match &node.kind {
            NodeKind::Money(value) => Ok(Value::Money(*value)),
            NodeKind::Str(text) | NodeKind::Plain(text) if scalar::parse_money(text).is_some() => {
                from_number_text(scalar::parse_money(text)).map(Value::Money)
            }
            _ => number(node).map(Value::Money),
        },
        Ty::Date => match &node.kind {
            NodeKind::Date(date) => Ok(Value::Date(*date)),
            NodeKind::Str(text) | NodeKind::Plain(text) => match scalar::parse_date(text) {
                Ok(date) => Ok(Value::Date(date)),
                Err(DateError::Form) => Err(Mismatch::DateForm),
                Err(DateError::NoSuchDay) => Err(Mismatch::NoSuchDay),
            },
            NodeKind::DateTime | NodeKind::LocalDateTime(_) => Err(Mismatch::DateTime),
            _ => Err(Mismatch::Kind),
        },
        Ty::DateTime => match &node.kind {
            NodeKind::LocalDateTime(datetime) => Ok(Value::DateTime(*datetime)),
            NodeKind::Str(text) | NodeKind::Plain(text) => match scalar::parse_datetime(text) {
                Ok(datetime) => Ok(Value::DateTime(datetime)),
                Err(DateTimeError::Form) => Err(Mismatch::DateTimeForm),
                Err(DateTimeError::Offset) => Err(Mismatch::DateTimeOffset),
            },
            // A TOML date-time with an offset.
            NodeKind::DateTime => Err(Mismatch::DateTimeOffset),
            _ => Err(Mismatch::Kind),
        },
        Ty::Time => match &node.kind {
            NodeKind::Time(time) => Ok(Value::Time(*time)),
            NodeKind::Str(text) | NodeKind::Plain(text) => scalar::parse_time(text)
                .map(Value::Time)
                .ok_or(Mismatch::TimeForm),
            _ => Err(Mismatch::Kind),
        },
        Ty::Duration => match &node.kind {
            NodeKind::Duration(duration) => Ok(Value::Duration(*duration)),
            NodeKind::Str(text) | NodeKind::Plain(text) => scalar::parse_duration(text)
                .map(Value::Duration)
                .ok_or(Mismatch::Duration),
            NodeKind::Number(_) => Err(Mismatch::Duration),
            _ => Err(Mismatch::Kind),
        },
        Ty::String => match &node.kind {
            NodeKind::Str(text) | NodeKind::Plain(text) => Ok(Value::String(text.as_ref().into())),
            NodeKind::Number(_)
            | NodeKind::Bool(_)
            | NodeKind::Date(_)
            | NodeKind::Time(_)
            | NodeKind::LocalDateTime(_)
            | NodeKind::DateTime => Err(Mismatch::Unquoted),
            _ => Err(Mismatch::Kind),
        },
        _ => Err(Mismatch::Kind),
    }
}

fn number(node: &Node<'_>) -> Result<Decimal, Mismatch> {
    match &node.kind {
        NodeKind::Number(NumberText::Exact(value)) => Ok(*value),
        NodeKind::Number(NumberText::Text(text)) | NodeKind::Plain(text) => {
            from_number_text(Some(scalar::parse_decimal(text)))
        }
        NodeKind::Str(text) if scalar::parse_decimal(text.trim()).is_ok() => {
            Err(Mismatch::QuotedNumber)
        }
        _ => Err(Mismatch::Kind),
    }
}

fn from_number_text(parsed: Option<Result<Decimal, NumberError>>) -> Result<Decimal, Mismatch> {
    match parsed {
        Some(Ok(value)) => Ok(value),
        Some(Err(NumberError::OutOfRange)) => Err(Mismatch::OutOfRange),
        Some(Err(NumberError::Malformed)) | None => Err(Mismatch::Kind),
    }
}

/// Advice for a type error, when there is more to say than the message.
pub(crate) fn type_error_help(node: &Node<'_>, ty: &Ty, mismatch: Mismatch) -> Option<String> {
    let help = match mismatch {
        Mismatch::QuotedNumber => "remove the quotes: numbers are written without them".to_owned(),
        Mismatch::Unquoted => "put the value in quotes to make it a string".to_owned(),
        Mismatch::OutOfRange => "numbers are exact decimals of at most 28 digits".to_owned(),
        Mismatch::DateForm => "write dates year-month-day, as `2027-06-30`".to_owned(),
        Mismatch::NoSuchDay => format!("{} is not a day of the calendar", quoted(node.as_text()?)),
        Mismatch::DateTime => "a date has no time of day: write it as `2027-06-30`".to_owned(),
        Mismatch::TimeForm => {
            "write a time of day hours:minutes from `00:00` to `23:59`, as `08:30` or `08:30:00`"
                .to_owned()
        }
        Mismatch::DateTimeForm => {
            "write a date and time year-month-day, `T`, then hours:minutes, as \
             `2027-01-04T08:30` or `2027-01-04T08:30:00`"
                .to_owned()
        }
        Mismatch::DateTimeOffset => {
            "give the local time in France without an offset or `Z`, as `2027-01-04T08:30`"
                .to_owned()
        }
        Mismatch::Duration => {
            "write durations in ISO 8601 (`P6M`, `P30D`, `P1Y2M10D`, `P2W`, `PT12H`, \
             `P1DT2H`, `PT30M`) or in words (`6 months`, `30 days`, `1 year`, `24 hours`, \
             `90 minutes`)"
                .to_owned()
        }
        Mismatch::Kind if decimal_comma(node, ty).is_some() => {
            format!(
                "write decimals with a point: `{}`",
                decimal_comma(node, ty)?
            )
        }
        Mismatch::Kind => match (ty, &node.kind) {
            (Ty::Percent, NodeKind::Str(_)) => {
                "write a number of percent, `87.5`, or a string with the sign, `\"87.5%\"`"
                    .to_owned()
            }
            (Ty::Money, NodeKind::Str(_)) => {
                "write a number of euros, `4.5`, or a string with the currency, `\"4.50 €\"`"
                    .to_owned()
            }
            (Ty::Bool, NodeKind::Str(_)) => "write `true` or `false` without quotes".to_owned(),
            _ => return None,
        },
    };
    Some(help)
}

/// The text with its decimal comma made a point, when that makes it fit: `4,50 €`, as
/// French spreadsheets write it.
fn decimal_comma(node: &Node<'_>, ty: &Ty) -> Option<String> {
    let text = node.as_text()?;
    if !text.contains(',') || !matches!(ty, Ty::Int | Ty::Number | Ty::Percent | Ty::Money) {
        return None;
    }
    let fixed = text.replacen(',', ".", 1);
    let as_written = Node::new(NodeKind::Plain(fixed.as_str().into()), node.span);
    scalar(&as_written, ty).is_ok().then_some(fixed)
}

/// What a type expects, as in "expected a date such as `2027-06-30`".
pub(crate) struct Expected<'a>(pub(crate) &'a Ty, pub(crate) &'a Schema);

impl fmt::Display for Expected<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Expected(ty, schema) = *self;
        match ty {
            Ty::Bool => f.write_str("`true` or `false`"),
            Ty::Int => f.write_str("a whole number such as `12`"),
            Ty::Number => f.write_str("a number such as `4.5`"),
            Ty::Percent => f.write_str("a percentage such as `87.5%`"),
            Ty::Money => f.write_str("an amount in euros such as `4.50 €`"),
            Ty::Date => f.write_str("a date such as `2027-06-30`"),
            Ty::Time => f.write_str("a time of day such as `08:30`"),
            Ty::DateTime => f.write_str("a date and time such as `2027-01-04T08:30`"),
            Ty::Duration => f.write_str("a duration such as `P6M` or `6 months`"),
            Ty::String => f.write_str("a string"),
            Ty::List(_) | Ty::Set(_) => f.write_str("a list"),
            // A pack whose descriptor holds a map does not compile (E0320).
            Ty::Map(..) => f.write_str("a table"),
            Ty::Enum(id) => match schema.enum_def(*id) {
                Some(def) => match def.variants.first() {
                    Some(first) => write!(f, "a `{}` value such as `{}`", def.name, first.name),
                    None => write!(f, "a `{}` value", def.name),
                },
                None => f.write_str("an enum value"),
            },
            Ty::Record(id) => match schema.record(*id) {
                Some(def) => match &def.name {
                    Some(name) => write!(f, "a `{name}` record"),
                    None => {
                        let fields: Vec<String> = def
                            .fields
                            .keys()
                            .take(2)
                            .map(|name| format!("`{name}`"))
                            .collect();
                        if fields.is_empty() {
                            f.write_str("a record")
                        } else {
                            write!(f, "a record with fields such as {}", fields.join(", "))
                        }
                    }
                },
                None => f.write_str("a record"),
            },
            Ty::Error => f.write_str("a value"),
        }
    }
}

/// What was found, as in "found `\"30/06/2027\"`": the text itself when it is short,
/// else what kind of value it is.
pub(crate) fn found(node: &Node<'_>, index: &TextIndex<'_>) -> String {
    if matches!(
        node.kind,
        NodeKind::List(_) | NodeKind::Record(_) | NodeKind::Broken
    ) {
        return node.kind_name().to_owned();
    }
    let written = index.slice(node.span).unwrap_or_default().trim();
    if written.is_empty() || written.contains(['\n', '\r', '`']) || written.chars().count() > 60 {
        node.kind_name().to_owned()
    } else {
        format!("`{written}`")
    }
}
