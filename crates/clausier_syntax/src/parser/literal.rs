//! The meaning of literal text: escapes in strings, exact decimals, calendar dates,
//! duration units. Each function works on the literal's own text and reports problems
//! with offsets inside it, so the caller can place them in the file.

use std::ops::Range;
use std::str::FromStr;

use clausier_diagnostics::{Message, quoted};
use jiff::civil::{Date, DateTime, Time};
use rust_decimal::Decimal;

use crate::ast::{DurationLit, Escape};
use crate::lexicon;

/// A problem inside a literal, located relative to the literal's first byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct LiteralError {
    pub range: Range<usize>,
    pub message: Message,
    /// What the label under the literal says: a catalogue id, kept as an id so that the
    /// error stays small enough to return by value.
    pub label: &'static str,
    pub help: Option<Message>,
}

impl LiteralError {
    fn new(range: Range<usize>, message: Message, label: &'static str, help: Message) -> Self {
        Self {
            range,
            message,
            label,
            help: Some(help),
        }
    }
}

/// A message of the catalogue about the literal `text`, which it quotes.
fn about(id: &'static str, text: &str) -> Message {
    Message::new(id).with("literal", quoted(text))
}

/// A string literal with its escapes resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct DecodedString {
    pub value: String,
    pub terminated: bool,
    /// Each escape that means nothing; the value keeps its text as written.
    pub bad_escapes: Vec<LiteralError>,
    /// Each escape that was decoded, to map the value back to the text.
    pub escapes: Vec<Escape>,
}

/// The help under an escape that means nothing: the escapes there are.
fn escapes_help() -> Message {
    Message::new("e0103-escapes-help")
}

/// Decodes `raw`, the string's text from its opening quote to its closing one (or to the
/// end of its line when it has none).
pub(super) fn decode_string(raw: &str) -> DecodedString {
    let mut value = String::with_capacity(raw.len());
    let mut bad_escapes = Vec::new();
    let mut escapes = Vec::new();
    let mut terminated = false;
    let mut chars = raw.char_indices().skip(1).peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '"' => {
                terminated = true;
                break;
            }
            '\\' => {
                let Some((_, escaped)) = chars.next() else {
                    bad_escapes.push(LiteralError::new(
                        at..at + 1,
                        Message::new("e0103-backslash-ends-string"),
                        "e0103-escapes-nothing",
                        escapes_help(),
                    ));
                    value.push('\\');
                    break;
                };
                let decoded_at = value.len();
                let mut decoded = |c: char, written_len: usize, value: &mut String| {
                    value.push(c);
                    escapes.push(Escape {
                        at: u32::try_from(decoded_at).unwrap_or(u32::MAX),
                        decoded_len: u32::try_from(c.len_utf8()).unwrap_or(u32::MAX),
                        written_len: u32::try_from(written_len).unwrap_or(u32::MAX),
                    });
                };
                match escaped {
                    '"' => decoded('"', 2, &mut value),
                    '\\' => decoded('\\', 2, &mut value),
                    'n' => decoded('\n', 2, &mut value),
                    't' => decoded('\t', 2, &mut value),
                    'u' => {
                        let (end, unicode) = unicode_escape(raw, at);
                        while chars.peek().is_some_and(|(next, _)| *next < end) {
                            chars.next();
                        }
                        match unicode {
                            Ok(c) => decoded(c, end - at, &mut value),
                            Err(message) => {
                                bad_escapes.push(LiteralError::new(
                                    at..end,
                                    message,
                                    "e0103-not-a-scalar-value",
                                    Message::new("e0103-unicode-escape-help"),
                                ));
                                value.push_str(&raw[at..end]);
                            }
                        }
                    }
                    other => {
                        let end = at + 1 + other.len_utf8();
                        bad_escapes.push(LiteralError::new(
                            at..end,
                            about("e0103-invalid-escape", &raw[at..end]),
                            "e0103-unknown-escape",
                            escapes_help(),
                        ));
                        value.push_str(&raw[at..end]);
                    }
                }
            }
            other => value.push(other),
        }
    }
    DecodedString {
        value,
        terminated,
        bad_escapes,
        escapes,
    }
}

/// Reads `\u{…}` at `at` (the backslash). Returns where the escape ends and its char.
fn unicode_escape(raw: &str, at: usize) -> (usize, Result<char, Message>) {
    let after_u = at + 2;
    let rest = &raw[after_u..];
    let invalid = |end: usize| about("e0103-invalid-unicode-escape", &raw[at..end]);
    if !rest.starts_with('{') {
        return (after_u, Err(invalid(after_u)));
    }
    let Some(close) = rest
        .find(['}', '"'])
        .filter(|&i| rest.as_bytes()[i] == b'}')
    else {
        // No closing brace: the escape runs up to the next quote or the end.
        let end = rest.find('"').map_or(raw.len(), |i| after_u + i);
        return (end, Err(invalid(end)));
    };
    let end = after_u + close + 1;
    let digits = &rest[1..close];
    let code =
        (!digits.is_empty() && digits.len() <= 6 && digits.chars().all(|c| c.is_ascii_hexdigit()))
            .then(|| u32::from_str_radix(digits, 16).ok())
            .flatten();
    match code.and_then(char::from_u32) {
        Some(c) => (end, Ok(c)),
        None => (end, Err(invalid(end))),
    }
}

/// An exact decimal from digits with an optional fraction.
pub(super) fn decimal(text: &str) -> Result<Decimal, LiteralError> {
    Decimal::from_str_exact(text).map_err(|_| {
        let decimals = text
            .split_once('.')
            .map_or(0, |(_, fraction)| fraction.len());
        let (label, help) = if decimals > 28 {
            ("e0104-too-many-decimals", "e0104-too-many-decimals-help")
        } else {
            ("e0104-too-many-digits", "e0104-too-many-digits-help")
        };
        LiteralError::new(
            0..text.len(),
            about("e0104-invalid-number", text),
            label,
            Message::new(help),
        )
    })
}

/// A whole number of days, weeks, months or years. `unit` is the unit as written.
pub(super) fn duration(amount: &str, unit: &str, whole: &str) -> Result<DurationLit, LiteralError> {
    // The grammar reads only the lexicon's spellings (`tests/lexicon.rs` holds them
    // together), so this error is for a grammar and a lexicon that drifted apart.
    let unit = lexicon::duration_unit(unit).ok_or_else(|| {
        LiteralError::new(
            0..whole.len(),
            about("e0104-unknown-duration-unit", unit),
            "e0104-not-a-unit",
            Message::new("e0104-duration-units-help"),
        )
    })?;
    let amount = i64::from_str(amount).map_err(|_| {
        let all_digits = !amount.is_empty() && amount.bytes().all(|b| b.is_ascii_digit());
        let (label, help) = if all_digits {
            ("e0104-too-large", "e0104-smaller-amount-help")
        } else {
            ("e0104-not-a-whole-number", "e0104-whole-duration-help")
        };
        LiteralError::new(
            0..whole.len(),
            about("e0104-invalid-duration", whole),
            label,
            Message::new(help),
        )
    })?;
    Ok(DurationLit { amount, unit })
}

/// A calendar date written `YYYY-MM-DD`.
pub(super) fn date(text: &str) -> Result<Date, LiteralError> {
    let invalid = |help: Message| {
        LiteralError::new(
            0..text.len(),
            about("e0104-invalid-date", text),
            "e0104-not-a-date",
            help,
        )
    };
    let mut parts = text.split('-');
    let (Some(year), Some(month), Some(day), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(invalid(Message::new("e0104-date-form-help")));
    };
    let (Ok(y), Ok(m), Ok(d)) = (year.parse::<i16>(), month.parse::<i8>(), day.parse::<i8>())
    else {
        return Err(invalid(Message::new("e0104-date-form-help")));
    };
    if month.len() != 2 || day.len() != 2 {
        return Err(invalid(
            Message::new("e0104-date-form-here-help").with("date", format!("{year}-{m:02}-{d:02}")),
        ));
    }
    if !(1..=12).contains(&m) {
        return Err(invalid(Message::new("e0104-months-help")));
    }
    Date::new(y, m, d).map_err(|_| {
        let days = Date::new(y, m, 1).map_or(31, Date::days_in_month);
        invalid(
            Message::new("e0104-month-days-help")
                .with("month", i64::from(m))
                .with("year", y.to_string())
                .with("days", i64::from(days)),
        )
    })
}

/// A time of day written `HH:MM`, from `00:00` to `23:59`. `8:30` and `08:30:00` are
/// refused with the form to write, so that a clause spells each time one way.
pub(super) fn time(text: &str) -> Result<Time, LiteralError> {
    let invalid = |help: Message| {
        LiteralError::new(
            0..text.len(),
            about("e0104-invalid-time", text),
            "e0104-not-a-time",
            help,
        )
    };
    let mut parts = text.split(':');
    let (Some(hour), Some(minute)) = (parts.next(), parts.next()) else {
        return Err(invalid(Message::new("e0104-time-form-help")));
    };
    let (Ok(h), Ok(m)) = (hour.parse::<i8>(), minute.parse::<i8>()) else {
        return Err(invalid(Message::new("e0104-time-form-help")));
    };
    if parts.next().is_some() {
        return Err(invalid(
            Message::new("e0104-time-to-the-minute-help").with("time", format!("{hour}:{minute}")),
        ));
    }
    if hour.len() != 2 || minute.len() != 2 {
        return Err(invalid(
            Message::new("e0104-time-form-here-help").with("time", format!("{h:02}:{m:02}")),
        ));
    }
    if !(0..=23).contains(&h) {
        return Err(invalid(Message::new("e0104-hours-help")));
    }
    if !(0..=59).contains(&m) {
        return Err(invalid(Message::new("e0104-minutes-help")));
    }
    Time::new(h, m, 0, 0).map_err(|_| invalid(Message::new("e0104-time-form-help")))
}

/// A date and a time of day in local time, `YYYY-MM-DDTHH:MM`: each part as [`date`] and
/// [`time`] read it, with their help when one is wrong.
pub(super) fn datetime(text: &str) -> Result<DateTime, LiteralError> {
    let invalid = |help: Option<Message>| {
        LiteralError::new(
            0..text.len(),
            about("e0104-invalid-datetime", text),
            "e0104-not-a-datetime",
            help.unwrap_or_else(|| Message::new("e0104-datetime-form-help")),
        )
    };
    let Some((day, clock)) = text.split_once('T') else {
        return Err(invalid(None));
    };
    let day = date(day).map_err(|error| invalid(error.help))?;
    let clock = time(clock).map_err(|error| invalid(error.help))?;
    Ok(day.to_datetime(clock))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::DurationUnit;
    use clausier_diagnostics::Lang;

    fn help(error: &LiteralError) -> String {
        error
            .help
            .as_ref()
            .map(|help| help.text(Lang::En))
            .unwrap_or_default()
    }

    #[test]
    fn strings_resolve_their_escapes() {
        let decoded = decode_string(r#""a\"b\\c\nd\te\u{e9}\u{1F600}""#);
        assert_eq!(decoded.value, "a\"b\\c\nd\te\u{e9}\u{1F600}");
        assert!(decoded.terminated);
        assert!(decoded.bad_escapes.is_empty());
    }

    #[test]
    fn bad_escapes_are_located_and_kept_as_written() {
        let decoded = decode_string(r#""x\qy\u{D800}z\u{}""#);
        assert_eq!(decoded.value, r"x\qy\u{D800}z\u{}");
        let ranges: Vec<_> = decoded
            .bad_escapes
            .iter()
            .map(|e| e.range.clone())
            .collect();
        assert_eq!(ranges, [2..4, 5..13, 14..18]);
        assert_eq!(
            decoded.bad_escapes[0].message.text(Lang::En),
            r"invalid escape `\q` in a string"
        );
    }

    #[test]
    fn a_string_without_its_closing_quote_is_unterminated() {
        let decoded = decode_string("\"abc");
        assert_eq!(decoded.value, "abc");
        assert!(!decoded.terminated);
        assert!(!decode_string("\"abc\\\"").terminated);
    }

    #[test]
    fn decimals_are_exact_or_refused() {
        assert_eq!(decimal("0.1").unwrap().to_string(), "0.1");
        assert_eq!(decimal("6.00").unwrap().to_string(), "6.00");
        let too_big = decimal("99999999999999999999999999999999").unwrap_err();
        assert_eq!(
            Message::new(too_big.label).text(Lang::En),
            "too many digits"
        );
        let too_fine = decimal("0.0000000000000000000000000000001").unwrap_err();
        assert_eq!(
            Message::new(too_fine.label).text(Lang::En),
            "too many decimal places"
        );
    }

    #[test]
    fn dates_must_exist() {
        assert_eq!(date("2026-12-01").unwrap().to_string(), "2026-12-01");
        let error = date("2026-02-30").unwrap_err();
        assert_eq!(error.message.text(Lang::En), "invalid date `2026-02-30`");
        assert_eq!(help(&error), "February 2026 has 28 days");
        assert!(date("2026-13-01").is_err());
        assert_eq!(
            help(&date("2026-1-5").unwrap_err()),
            "write a date as `YYYY-MM-DD`, here `2026-01-05`"
        );
    }

    #[test]
    fn durations_are_whole() {
        assert_eq!(
            duration("6", "mois", "6 mois").unwrap(),
            DurationLit {
                amount: 6,
                unit: DurationUnit::Months
            }
        );
        assert_eq!(
            Message::new(duration("1.5", "days", "1.5 days").unwrap_err().label).text(Lang::En),
            "not a whole number"
        );
        let huge = duration(
            "99999999999999999999",
            "years",
            "99999999999999999999 years",
        );
        assert_eq!(
            Message::new(huge.unwrap_err().label).text(Lang::En),
            "too large"
        );
    }
}
