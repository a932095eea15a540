//! Scalar values from read nodes by declared type, and the words of a type error: what
//! was expected, what was found, and how to write it instead.

use clausier_check::types::{Schema, Ty};
use clausier_check::value::Value;
use clausier_diagnostics::{Message, quoted};
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
pub(crate) fn type_error_help(node: &Node<'_>, ty: &Ty, mismatch: Mismatch) -> Option<Message> {
    let help = match mismatch {
        Mismatch::QuotedNumber => Message::new("data-help-remove-quotes"),
        Mismatch::Unquoted => Message::new("data-help-add-quotes"),
        Mismatch::OutOfRange => Message::new("data-help-exact-decimals"),
        Mismatch::DateForm => Message::new("data-help-date-form"),
        Mismatch::NoSuchDay => {
            Message::new("data-help-no-such-day").with("value", quoted(node.as_text()?))
        }
        Mismatch::DateTime => Message::new("data-help-date-without-time"),
        Mismatch::TimeForm => Message::new("data-help-time-form"),
        Mismatch::DateTimeForm => Message::new("data-help-datetime-form"),
        Mismatch::DateTimeOffset => Message::new("data-help-datetime-offset"),
        Mismatch::Duration => Message::new("data-help-duration-form"),
        Mismatch::Kind if decimal_comma(node, ty).is_some() => {
            Message::new("data-help-decimal-point").with("fixed", decimal_comma(node, ty)?)
        }
        Mismatch::Kind => match (ty, &node.kind) {
            (Ty::Percent, NodeKind::Str(_)) => Message::new("data-help-percent-form"),
            (Ty::Money, NodeKind::Str(_)) => Message::new("data-help-money-form"),
            (Ty::Bool, NodeKind::Str(_)) => Message::new("data-help-bool-form"),
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

/// Words a data message puts in a sentence, with the gender French agrees its
/// participles with ("une date … est attendue", "une liste trouvée").
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    words: Message,
    feminine: bool,
}

impl Phrase {
    pub(crate) fn masculine(words: Message) -> Self {
        Self {
            words,
            feminine: false,
        }
    }

    pub(crate) fn feminine(words: Message) -> Self {
        Self {
            words,
            feminine: true,
        }
    }

    /// `message` given these words as its `found` argument, with their `found_gender`.
    pub(crate) fn into_found(self, message: Message) -> Message {
        let gender = self.gender();
        message
            .with("found", self.words)
            .with("found_gender", gender)
    }

    fn gender(&self) -> &'static str {
        if self.feminine {
            "feminine"
        } else {
            "masculine"
        }
    }
}

/// "expected a date such as `2027-06-30`, found `\"30/06/2027\"`".
pub(crate) fn expected_found(expected: Phrase, found: Phrase) -> Message {
    let (expected_gender, found_gender) = (expected.gender(), found.gender());
    Message::new("data-expected-found")
        .with("expected", expected.words)
        .with("expected_gender", expected_gender)
        .with("found", found.words)
        .with("found_gender", found_gender)
}

/// "expected a record of fields at the top of the descriptor, found a list".
pub(crate) fn root_not_record(found: Phrase) -> Message {
    let found_gender = found.gender();
    Message::new("data-root-not-record")
        .with("found", found.words)
        .with("found_gender", found_gender)
}

/// What a value of the declared type looks like, as in "expected a date such as
/// `2027-06-30`".
pub(crate) fn expected(ty: &Ty, schema: &Schema) -> Phrase {
    let masculine = |id| Phrase::masculine(Message::new(id));
    let feminine = |id| Phrase::feminine(Message::new(id));
    match ty {
        Ty::Bool => masculine("data-expected-bool"),
        Ty::Int => masculine("data-expected-int"),
        Ty::Number => masculine("data-expected-number"),
        Ty::Percent => masculine("data-expected-percent"),
        Ty::Money => masculine("data-expected-money"),
        Ty::Date => feminine("data-expected-date"),
        Ty::Time => feminine("data-expected-time"),
        Ty::DateTime => feminine("data-expected-datetime"),
        Ty::Duration => feminine("data-expected-duration"),
        Ty::String => feminine("data-expected-string"),
        Ty::List(_) | Ty::Set(_) => feminine("data-expected-list"),
        // A pack whose descriptor holds a map does not compile (E0320).
        Ty::Map(..) => feminine("data-expected-table"),
        Ty::Enum(id) => match schema.enum_def(*id) {
            Some(def) => match def.variants.first() {
                Some(first) => Phrase::feminine(
                    Message::new("data-expected-enum-such-as")
                        .with("name", def.name.as_str())
                        .with("first", first.name.as_str()),
                ),
                None => Phrase::feminine(
                    Message::new("data-expected-enum-named").with("name", def.name.as_str()),
                ),
            },
            None => feminine("data-expected-enum"),
        },
        Ty::Record(id) => match schema.record(*id) {
            Some(def) => match &def.name {
                Some(name) => Phrase::masculine(
                    Message::new("data-expected-record-named").with("name", name.as_str()),
                ),
                None => {
                    let fields: Vec<String> = def
                        .fields
                        .keys()
                        .take(2)
                        .map(|name| format!("`{name}`"))
                        .collect();
                    if fields.is_empty() {
                        masculine("data-expected-record")
                    } else {
                        Phrase::masculine(
                            Message::new("data-expected-record-with")
                                .with("fields", fields.join(", ")),
                        )
                    }
                }
            },
            None => masculine("data-expected-record"),
        },
        Ty::Error => feminine("data-expected-value"),
    }
}

/// What was found, as in "found `\"30/06/2027\"`": the text itself when it is short,
/// else what kind of value it is.
pub(crate) fn found(node: &Node<'_>, index: &TextIndex<'_>) -> Phrase {
    if matches!(
        node.kind,
        NodeKind::List(_) | NodeKind::Record(_) | NodeKind::Broken
    ) {
        return kind(node);
    }
    let written = index.slice(node.span).unwrap_or_default().trim();
    if written.is_empty() || written.contains(['\n', '\r', '`']) || written.chars().count() > 60 {
        kind(node)
    } else {
        Phrase::masculine(Message::new("data-found-written").with("text", written))
    }
}

/// What kind of value a node is, as in "found a list".
pub(crate) fn kind(node: &Node<'_>) -> Phrase {
    let masculine = |id| Phrase::masculine(Message::new(id));
    let feminine = |id| Phrase::feminine(Message::new(id));
    match &node.kind {
        NodeKind::Null => masculine("data-found-nothing"),
        NodeKind::Bool(_) => masculine("data-found-bool"),
        NodeKind::Number(_) => masculine("data-found-number"),
        NodeKind::Str(_) | NodeKind::Plain(_) => feminine("data-found-string"),
        NodeKind::Percent(_) => masculine("data-found-percent"),
        NodeKind::Money(_) => masculine("data-found-money"),
        NodeKind::Date(_) => feminine("data-found-date"),
        NodeKind::Duration(_) => feminine("data-found-duration"),
        NodeKind::Time(_) => feminine("data-found-time"),
        NodeKind::LocalDateTime(_) | NodeKind::DateTime => feminine("data-found-datetime"),
        NodeKind::Broken => feminine("data-found-broken"),
        NodeKind::List(_) => feminine("data-found-list"),
        NodeKind::Record(_) => masculine("data-found-record"),
    }
}
