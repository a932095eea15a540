//! Reading scalars from text: exact decimals, percentages, amounts in euros, calendar
//! dates, durations and booleans, in the forms the brief lists for descriptors.

use clausier_check::value::Duration;
use clausier_syntax::lexicon;
use jiff::civil::{Date, DateTime, Time};
use rust_decimal::Decimal;

/// The most digits a decimal holds.
const MAX_DIGITS: usize = 28;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumberError {
    /// Not a number at all.
    Malformed,
    /// A number, but too large or too precise for an exact decimal.
    OutOfRange,
}

/// An exact decimal from `12`, `-4.50`, `+3`, `.5`, `1e3` or `2.5E-2`, never through a float.
pub(crate) fn parse_decimal(text: &str) -> Result<Decimal, NumberError> {
    let (negative, unsigned) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], Some(&unsigned[at + 1..])),
        None => (unsigned, None),
    };
    let (int_digits, frac_digits) = match mantissa.split_once('.') {
        Some((int, frac)) => (int, frac),
        None => (mantissa, ""),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int_digits.is_empty() && frac_digits.is_empty()
        || !all_digits(int_digits)
        || !all_digits(frac_digits)
    {
        return Err(NumberError::Malformed);
    }
    let exponent = match exponent {
        None => 0,
        Some(exp) => parse_exponent(exp)?,
    };

    let mut digits: String = int_digits.chars().chain(frac_digits.chars()).collect();
    let leading_zeros = digits.bytes().take_while(|b| *b == b'0').count();
    digits.drain(..leading_zeros);
    let frac_len = i64::try_from(frac_digits.len()).map_err(|_| NumberError::OutOfRange)?;
    let mut scale = frac_len - exponent;

    if digits.is_empty() {
        let scale = u32::try_from(scale.clamp(0, MAX_DIGITS as i64)).unwrap_or(0);
        return Ok(Decimal::new(0, scale));
    }
    while scale > MAX_DIGITS as i64 && digits.ends_with('0') {
        digits.pop();
        scale -= 1;
    }
    if scale < 0 {
        let zeros = usize::try_from(-scale).map_err(|_| NumberError::OutOfRange)?;
        if digits.len() + zeros > MAX_DIGITS + 1 {
            return Err(NumberError::OutOfRange);
        }
        digits.extend(std::iter::repeat_n('0', zeros));
        scale = 0;
    }
    if digits.len() > MAX_DIGITS + 1 || scale > MAX_DIGITS as i64 {
        return Err(NumberError::OutOfRange);
    }
    let magnitude: i128 = digits.parse().map_err(|_| NumberError::OutOfRange)?;
    let scale = u32::try_from(scale).map_err(|_| NumberError::OutOfRange)?;
    let value =
        Decimal::try_from_i128_with_scale(if negative { -magnitude } else { magnitude }, scale)
            .map_err(|_| NumberError::OutOfRange)?;
    Ok(value)
}

/// The largest whole part a decimal holds: 2^96 - 1.
const LARGEST_WHOLE: &str = "79228162514264337593543950335";

/// Whether a number [`parse_decimal`] refused as out of range is too large, rather than
/// written with more digits than an exact decimal holds. `text` may carry a sign, a
/// currency or a percent sign around the number.
pub(crate) fn is_too_large(text: &str) -> bool {
    let number = text
        .trim_start_matches(|c: char| !(c.is_ascii_digit() || c == '.'))
        .trim_end_matches(|c: char| !c.is_ascii_digit());
    let (mantissa, exponent) = match number.find(['e', 'E']) {
        Some(at) => (&number[..at], &number[at + 1..]),
        None => (number, "0"),
    };
    let exponent = match exponent.trim_start_matches('+').parse::<i64>() {
        Ok(exponent) => exponent,
        // An exponent too long to read is far beyond the range one way or the other.
        Err(_) => return !exponent.starts_with('-'),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = || whole.bytes().chain(fraction.bytes());
    let leading_zeros = digits().take_while(|digit| *digit == b'0').count();
    let whole_len = i64::try_from(whole.len())
        .unwrap_or(i64::MAX)
        .saturating_add(exponent)
        .saturating_sub(i64::try_from(leading_zeros).unwrap_or(i64::MAX));
    let largest_len = LARGEST_WHOLE.len() as i64;
    if whole_len != largest_len {
        return whole_len > largest_len;
    }
    let first: Vec<u8> = digits()
        .skip(leading_zeros)
        .chain(std::iter::repeat(b'0'))
        .take(LARGEST_WHOLE.len())
        .collect();
    first.as_slice() > LARGEST_WHOLE.as_bytes()
}

fn parse_exponent(text: &str) -> Result<i64, NumberError> {
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(NumberError::Malformed);
    }
    // Any exponent beyond a few digits cannot give an exact decimal of 28 digits.
    let magnitude: i64 = if digits.len() > 6 {
        return Err(NumberError::OutOfRange);
    } else {
        digits.parse().map_err(|_| NumberError::OutOfRange)?
    };
    Ok(if text.starts_with('-') {
        -magnitude
    } else {
        magnitude
    })
}

/// `87.5%` or `87.5 %`: a number of percent.
pub(crate) fn parse_percent(text: &str) -> Option<Result<Decimal, NumberError>> {
    let number = text.trim().strip_suffix('%')?.trim_end();
    Some(parse_decimal(number))
}

/// `4.50 €`, `4.50€` or `4.50 EUR`: an amount in euros.
pub(crate) fn parse_money(text: &str) -> Option<Result<Decimal, NumberError>> {
    let text = text.trim();
    let number = text
        .strip_suffix('€')
        .or_else(|| text.strip_suffix("EUR"))?
        .trim_end();
    Some(parse_decimal(number))
}

/// Why a text is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateError {
    /// Not in the form `YYYY-MM-DD`.
    Form,
    /// In the form, but not a day of the calendar (`2027-02-30`).
    NoSuchDay,
}

/// A calendar date written `YYYY-MM-DD`.
pub(crate) fn parse_date(text: &str) -> Result<Date, DateError> {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes
            .get(range.clone())
            .filter(|part| part.iter().all(u8::is_ascii_digit))
            .and_then(|_| text.get(range))
    };
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return Err(DateError::Form);
    }
    let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return Err(DateError::Form);
    };
    let year: i16 = year.parse().map_err(|_| DateError::Form)?;
    let month: i8 = month.parse().map_err(|_| DateError::Form)?;
    let day: i8 = day.parse().map_err(|_| DateError::Form)?;
    Date::new(year, month, day).map_err(|_| DateError::NoSuchDay)
}

/// A time of day written `HH:MM` or `HH:MM:SS`, from `00:00` to `23:59:59`, two digits
/// each: `8:30`, `8h30` and `24:00` are not times of day.
pub(crate) fn parse_time(text: &str) -> Option<Time> {
    let two_digits = |part: &str| {
        (part.len() == 2 && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<i8>().ok())
            .flatten()
    };
    let mut parts = text.split(':');
    let hour = two_digits(parts.next()?)?;
    let minute = two_digits(parts.next()?)?;
    let second = match parts.next() {
        Some(second) => two_digits(second)?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    Time::new(hour, minute, second, 0).ok()
}

/// Why a text is not a date and time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateTimeError {
    /// Not `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`, or no such day or time.
    Form,
    /// A moment with an offset or `Z`: the language reads local times only.
    Offset,
}

/// A date and time in local time, `2027-01-04T08:30` or `2027-01-04T08:30:00`. An
/// offset (`Z`, `+01:00`) is refused rather than converted: converting it to the time
/// of Paris would need the time zone database, and a clause compares local times.
pub(crate) fn parse_datetime(text: &str) -> Result<DateTime, DateTimeError> {
    let (day, clock) = text.split_once('T').ok_or(DateTimeError::Form)?;
    let offset_at = clock.find(['Z', 'z', '+', '-']);
    if let Some(at) = offset_at {
        let local = clock.get(..at).unwrap_or_default();
        return match (parse_date(day), parse_time(local)) {
            (Ok(_), Some(_)) => Err(DateTimeError::Offset),
            _ => Err(DateTimeError::Form),
        };
    }
    let day = parse_date(day).map_err(|_| DateTimeError::Form)?;
    let clock = parse_time(clock).ok_or(DateTimeError::Form)?;
    Ok(day.to_datetime(clock))
}

/// A duration in ISO 8601 (`P6M`, `P30D`, `P1Y2M10D`, `P2W`, `PT12H`, `P1DT2H`,
/// `PT30M`) or in words (`6 months`, `30 days`, `1 year 6 months`, `24 hours`, French
/// `30 jours`, `6 mois`, `1 an`, `4 heures`).
pub(crate) fn parse_duration(text: &str) -> Option<Duration> {
    let text = text.trim();
    if text.starts_with(['P', 'p']) {
        parse_iso_duration(text)
    } else {
        parse_worded_duration(text)
    }
}

/// Read by jiff, which knows ISO 8601's designators and their order. Years and months
/// become months, weeks and days days, the time part seconds. A negative duration is
/// refused, and so is a fraction (`PT1.5H`): every part is a whole number, as in the
/// language, so that the JSON Schema's pattern says exactly what is accepted.
fn parse_iso_duration(text: &str) -> Option<Duration> {
    static PARSER: jiff::fmt::temporal::SpanParser = jiff::fmt::temporal::SpanParser::new();
    if text.contains(['.', ',']) {
        return None;
    }
    let span = PARSER.parse_span(text).ok()?;
    let finer_than_a_second =
        span.get_milliseconds() != 0 || span.get_microseconds() != 0 || span.get_nanoseconds() != 0;
    if span.is_negative() || finer_than_a_second {
        return None;
    }
    let months = i64::from(span.get_years())
        .checked_mul(12)?
        .checked_add(i64::from(span.get_months()))?;
    let days = i64::from(span.get_weeks())
        .checked_mul(7)?
        .checked_add(i64::from(span.get_days()))?;
    let seconds = i64::from(span.get_hours())
        .checked_mul(3_600)?
        .checked_add(span.get_minutes().checked_mul(60)?)?
        .checked_add(span.get_seconds())?;
    Duration::new(months, days).checked_add(Duration::of_seconds(seconds))
}

fn parse_worded_duration(text: &str) -> Option<Duration> {
    let mut total = Duration::default();
    let mut parts = 0;
    let mut rest = text;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
        if rest.is_empty() {
            break;
        }
        if parts > 0 {
            for joiner in ["and ", "et "] {
                if let Some(after) = rest.strip_prefix(joiner) {
                    rest = after.trim_start();
                }
            }
        }
        let digits_len = rest.bytes().take_while(u8::is_ascii_digit).count();
        let amount: i64 = rest.get(..digits_len)?.parse().ok()?;
        rest = rest.get(digits_len..)?.trim_start();
        let word_len = rest
            .char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(rest.len(), |(at, _)| at);
        // The units of a clause, in any case.
        let unit = lexicon::duration_unit(&rest.get(..word_len)?.to_lowercase())?;
        rest = rest.get(word_len..)?;
        total = total.checked_add(Duration::of_unit(amount, unit)?)?;
        parts += 1;
    }
    (parts > 0).then_some(total)
}

/// `true` or `false` in the spellings YAML's core schema and spreadsheets use.
pub(crate) fn parse_bool(text: &str) -> Option<bool> {
    match text {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

/// YAML's core-schema spellings of null.
pub(crate) fn is_yaml_null(text: &str) -> bool {
    matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn dec(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn decimals_are_exact_and_keep_their_scale() {
        assert_eq!(parse_decimal("4.50").unwrap().to_string(), "4.50");
        assert_eq!(
            parse_decimal("0.1").unwrap() + parse_decimal("0.2").unwrap(),
            dec("0.3")
        );
        assert_eq!(parse_decimal("-12").unwrap(), dec("-12"));
        assert_eq!(parse_decimal("+3").unwrap(), dec("3"));
        assert_eq!(parse_decimal(".5").unwrap(), dec("0.5"));
        assert_eq!(parse_decimal("5.").unwrap(), dec("5"));
        assert_eq!(parse_decimal("1e3").unwrap(), dec("1000"));
        assert_eq!(parse_decimal("2.5E-2").unwrap(), dec("0.025"));
        assert_eq!(parse_decimal("0e999999").unwrap(), Decimal::ZERO);
        assert_eq!(
            parse_decimal("1.000000000000000000000000000000000").unwrap(),
            dec("1")
        );
    }

    #[test]
    fn numbers_out_of_range_are_told_apart_from_non_numbers() {
        assert_eq!(parse_decimal("1e400"), Err(NumberError::OutOfRange));
        for too_large in [
            "1e400",
            "-1e400",
            "79228162514264337593543950336",
            "8e28 €",
            "1e99999999999",
        ] {
            assert!(is_too_large(too_large), "{too_large}");
        }
        for too_precise in [
            "1e-400",
            "0.00000000000000000000000000001",
            "1.0000000000000000000000000000001",
            "1e-99999999999",
        ] {
            assert!(!is_too_large(too_precise), "{too_precise}");
        }
        assert_eq!(
            parse_decimal("123456789012345678901234567890123"),
            Err(NumberError::OutOfRange)
        );
        assert_eq!(parse_decimal("1e99999999999"), Err(NumberError::OutOfRange));
        for text in [
            "", "-", ".", "e5", "1e", "1.2.3", "12a", "0x10", "1_000", " 1", "--1",
        ] {
            assert_eq!(parse_decimal(text), Err(NumberError::Malformed), "{text:?}");
        }
    }

    #[test]
    fn percent_and_money_forms() {
        assert_eq!(parse_percent("87.5%"), Some(Ok(dec("87.5"))));
        assert_eq!(parse_percent("87.5\u{a0}%"), Some(Ok(dec("87.5"))));
        assert_eq!(parse_percent("87.5"), None);
        assert_eq!(parse_money("4.50 €"), Some(Ok(dec("4.50"))));
        assert_eq!(parse_money("4.50€"), Some(Ok(dec("4.50"))));
        assert_eq!(parse_money("4.50 EUR"), Some(Ok(dec("4.50"))));
        assert_eq!(parse_money("4.50 $"), None);
        assert_eq!(parse_money("x €"), Some(Err(NumberError::Malformed)));
    }

    #[test]
    fn dates_must_be_calendar_days() {
        assert_eq!(parse_date("2027-06-30"), Ok(Date::constant(2027, 6, 30)));
        assert_eq!(parse_date("2028-02-29"), Ok(Date::constant(2028, 2, 29)));
        assert_eq!(parse_date("2027-02-29"), Err(DateError::NoSuchDay));
        assert_eq!(parse_date("2027-13-01"), Err(DateError::NoSuchDay));
        for text in [
            "30/06/2027",
            "2027-6-30",
            "2027-06-30T00:00",
            "",
            "२०२७-06-30",
            "+027-06-30",
        ] {
            assert_eq!(parse_date(text), Err(DateError::Form), "{text:?}");
        }
    }

    #[test]
    fn durations_in_iso_and_in_words() {
        let cases = [
            ("P6M", (6, 0)),
            ("P30D", (0, 30)),
            ("P1Y2M10D", (14, 10)),
            ("P2W", (0, 14)),
            ("6 months", (6, 0)),
            ("30 days", (0, 30)),
            ("1 year", (12, 0)),
            ("1 month", (1, 0)),
            ("2 weeks", (0, 14)),
            ("30 jours", (0, 30)),
            ("6 mois", (6, 0)),
            ("1 an", (12, 0)),
            ("2 ans", (24, 0)),
            ("1 year 6 months", (18, 0)),
            ("1 an et 6 mois", (18, 0)),
            ("1 year, 2 months and 3 days", (14, 3)),
            ("30days", (0, 30)),
        ];
        for (text, (months, days)) in cases {
            assert_eq!(
                parse_duration(text),
                Some(Duration::new(months, days)),
                "{text:?}"
            );
        }
        let with_time = [
            ("PT12H", (0, 0, 43_200)),
            ("P1DT2H", (0, 1, 7_200)),
            ("PT30M", (0, 0, 1_800)),
            ("P3M", (3, 0, 0)),
            ("p1dt2h", (0, 1, 7_200)),
            ("P1Y2M3W4DT5H6M7S", (14, 25, 18_367)),
            ("PT90S", (0, 0, 90)),
            ("24 hours", (0, 0, 86_400)),
            ("1 day 2 hours", (0, 1, 7_200)),
            ("4 heures et 30 minutes", (0, 0, 16_200)),
        ];
        for (text, (months, days, seconds)) in with_time {
            let expected = Duration::new(months, days).checked_add(Duration::of_seconds(seconds));
            assert_eq!(parse_duration(text), expected, "{text:?}");
        }
        for text in [
            "",
            "P",
            "PT",
            "P1DT",
            "PT0.5S",
            "PT1.5H",
            "PT1,5H",
            "P1DT",
            "PT1S2M",
            "PT1H2D",
            "P1M1Y",
            "6",
            "months",
            "6 lunes",
            "-P1D",
            "P-1D",
            "1.5 years",
        ] {
            assert_eq!(parse_duration(text), None, "{text:?}");
        }
        assert_eq!(parse_duration("P999999999999999999Y"), None);
    }

    proptest! {
        #[test]
        fn decimals_read_back_what_they_print(mantissa in any::<i64>(), scale in 0u32..20) {
            let value = Decimal::new(mantissa, scale);
            prop_assert_eq!(parse_decimal(&value.to_string()), Ok(value));
        }

        #[test]
        fn scalar_parsers_never_panic(text in "\\PC{0,30}") {
            let _ = parse_decimal(&text);
            let _ = parse_percent(&text);
            let _ = parse_money(&text);
            let _ = parse_date(&text);
            let _ = parse_duration(&text);
        }
    }
}
