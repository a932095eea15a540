//! How a drafter writes a value in a clause's text, and where a text writes one.
//!
//! A form is a pattern: in it a space or a hyphen stands for any run of spaces
//! (no-break spaces included) and hyphens, possibly none, so that `8,00 €` finds
//! « 8,00 € », « 8,00€ » and « 8,00 € » alike, and « vingt et un » finds
//! « vingt-et-un ». Letters match whatever their case.

use std::ops::Range;

use jiff::civil::{Date, Time};
use rust_decimal::Decimal;

use super::french;
use crate::value::{Duration, Value};
use clausier_syntax::lexicon::{ENGLISH_MONTHS, FRENCH_MONTHS};

/// The forms `value` may take in a text. `bare_numbers` allows a number alone, which a
/// text writes for a count or a score (`20 critères`); amounts, percents, durations and
/// dates are found with their unit.
pub(super) fn forms(value: &Value, bare_numbers: bool) -> Vec<String> {
    let mut out = match value {
        Value::Money(amount) => money(*amount),
        Value::Percent(rate) => numerals(*rate)
            .into_iter()
            .flat_map(|n| [format!("{n} %"), format!("{n} pour cent")])
            .collect(),
        Value::Number(n) if bare_numbers => number(*n),
        Value::Duration(duration) => self::duration(*duration),
        Value::Date(date) => self::date(*date),
        Value::Time(time) => self::time_of_day(*time),
        _ => Vec::new(),
    };
    out.sort();
    out.dedup();
    out
}

/// The ways to write a decimal: `4,50`, `4.50`, `4,5`, `4.5`; `8`, `8,00`, `8.00` for a
/// whole one; thousands apart (`1 500`) from 1000.
fn numerals(n: Decimal) -> Vec<String> {
    if n.is_sign_negative() {
        return Vec::new();
    }
    let normal = n.normalize();
    let mut plain = vec![normal.to_string()];
    if normal.fract().is_zero() || normal.scale() == 1 {
        plain.push(format!("{:.2}", normal));
    }
    let mut out = Vec::new();
    for text in plain {
        let (whole, fraction) = match text.split_once('.') {
            Some((whole, fraction)) => (whole.to_owned(), Some(fraction.to_owned())),
            None => (text.clone(), None),
        };
        let mut wholes = vec![whole.clone()];
        if whole.len() > 3 {
            wholes.push(grouped(&whole));
        }
        for whole in wholes {
            match &fraction {
                Some(fraction) => {
                    out.push(format!("{whole},{fraction}"));
                    out.push(format!("{whole}.{fraction}"));
                }
                None => out.push(whole),
            }
        }
    }
    out
}

/// `1500` as `1 500`.
fn grouped(digits: &str) -> String {
    let mut out = String::new();
    for (index, c) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

fn money(amount: Decimal) -> Vec<String> {
    numerals(amount)
        .into_iter()
        .flat_map(|n| {
            [
                format!("{n} €"),
                format!("{n} eur"),
                format!("{n} euros"),
                format!("{n} euro"),
            ]
        })
        .collect()
}

/// A number alone, in figures; a whole one from 2 to 999 in words too (0 and 1 are
/// written for too many other things).
fn number(n: Decimal) -> Vec<String> {
    let mut out = numerals(n);
    if let Some(whole) = whole_number(n).filter(|whole| *whole >= 2) {
        out.extend(french::in_words(whole));
    } else if whole_number(n).is_some_and(|whole| whole < 2) {
        out.clear();
    }
    out
}

fn whole_number(n: Decimal) -> Option<u32> {
    if !n.fract().is_zero() || n.is_sign_negative() {
        return None;
    }
    u32::try_from(n.normalize().mantissa()).ok()
}

/// A count of a unit, in figures and in words: `30 jours`, `trente jours`, `30 days`.
/// `french` holds the singular and the plural, `english` likewise; one is « un » or
/// « une » as `feminine` says.
fn counted(count: i64, french: [&str; 2], english: [&str; 2], feminine: bool) -> Vec<String> {
    let Ok(count) = u32::try_from(count) else {
        return Vec::new();
    };
    let plural = usize::from(count != 1);
    let (fr, en) = (french[plural], english[plural]);
    let mut out = vec![format!("{count} {fr}"), format!("{count} {en}")];
    let spelled = match count {
        1 if feminine => Some("une".to_owned()),
        _ => french::in_words(count),
    };
    out.extend(spelled.map(|words| format!("{words} {fr}")));
    out
}

fn duration(duration: Duration) -> Vec<String> {
    let Duration {
        months,
        days,
        seconds,
    } = duration;
    let mut out = Vec::new();
    match (months, days) {
        (0, 0) if seconds > 0 => out.extend(exact_time(seconds)),
        _ if seconds != 0 => {}
        (0, days) if days > 0 => {
            out.extend(counted(days, ["jour", "jours"], ["day", "days"], false));
            if days % 7 == 0 {
                let weeks = days / 7;
                out.extend(counted(
                    weeks,
                    ["semaine", "semaines"],
                    ["week", "weeks"],
                    true,
                ));
            }
        }
        (months, 0) if months > 0 => {
            out.extend(counted(
                months,
                ["mois", "mois"],
                ["month", "months"],
                false,
            ));
            if months % 12 == 0 {
                let years = months / 12;
                out.extend(counted(years, ["an", "ans"], ["year", "years"], false));
                out.extend(counted(years, ["année", "années"], ["year", "years"], true));
            }
        }
        _ => {}
    }
    out
}

/// A time part alone, in whole hours (`24 heures`, `24 h`) or minutes (`90 minutes`).
fn exact_time(seconds: i64) -> Vec<String> {
    let mut out = Vec::new();
    if seconds % 3_600 == 0 {
        let hours = seconds / 3_600;
        out.extend(counted(hours, ["heure", "heures"], ["hour", "hours"], true));
        out.push(format!("{hours} h"));
    }
    if seconds % 60 == 0 {
        out.extend(counted(
            seconds / 60,
            ["minute", "minutes"],
            ["minute", "minutes"],
            true,
        ));
    }
    out
}

/// A time of day as French and English texts write it: `8 h 30`, `8h30`, `08:30`; a
/// whole hour also `8 h`, `8h`.
fn time_of_day(time: Time) -> Vec<String> {
    let (hour, minute) = (time.hour(), time.minute());
    let mut out = vec![
        format!("{hour} h {minute:02}"),
        format!("{hour}h{minute:02}"),
        format!("{hour:02}:{minute:02}"),
        format!("{hour:02}h{minute:02}"),
    ];
    if minute == 0 {
        out.extend([format!("{hour} h"), format!("{hour}h")]);
    }
    out
}

fn date(date: Date) -> Vec<String> {
    let (year, month, day) = (date.year(), date.month(), date.day());
    let index = usize::try_from(month - 1).unwrap_or(0);
    let (fr, en) = (
        FRENCH_MONTHS.get(index).copied().unwrap_or_default(),
        ENGLISH_MONTHS.get(index).copied().unwrap_or_default(),
    );
    let mut out = vec![
        format!("{year:04}-{month:02}-{day:02}"),
        format!("{day:02}/{month:02}/{year}"),
        format!("{day}/{month}/{year}"),
        format!("{day} {fr} {year}"),
        format!("{day} {en} {year}"),
        format!("{en} {day}, {year}"),
    ];
    if day == 1 {
        out.push(format!("1er {fr} {year}"));
    }
    out
}

/// Where `pattern` occurs in `text`, as a whole: not inside a word, and a number not
/// inside a longer number (`30` is not found in `130` nor in `30,5`).
pub(super) fn find(text: &str, pattern: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut starts = text.char_indices().map(|(at, _)| at).peekable();
    while let Some(start) = starts.next() {
        if !starts_cleanly(text, start, pattern) {
            continue;
        }
        if let Some(end) = match_at(text, start, pattern)
            && ends_cleanly(text, end, pattern)
        {
            found.push(start..end);
            while starts.peek().is_some_and(|next| *next < end) {
                starts.next();
            }
        }
    }
    found
}

fn is_separator(c: char) -> bool {
    c == ' ' || c == '-'
}

fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '-'
}

/// Where a match of `pattern` at `start` ends.
fn match_at(text: &str, start: usize, pattern: &str) -> Option<usize> {
    let mut at = start;
    let mut pattern_chars = pattern.chars().peekable();
    while let Some(p) = pattern_chars.next() {
        if is_separator(p) {
            while pattern_chars.peek().is_some_and(|next| is_separator(*next)) {
                pattern_chars.next();
            }
            at += text[at..]
                .chars()
                .take_while(|c| is_blank(*c))
                .map(char::len_utf8)
                .sum::<usize>();
            continue;
        }
        let c = text[at..].chars().next()?;
        if !same_letter(c, p) {
            return None;
        }
        at += c.len_utf8();
    }
    Some(at)
}

fn same_letter(a: char, b: char) -> bool {
    a == b || a.to_lowercase().eq(b.to_lowercase())
}

fn starts_cleanly(text: &str, start: usize, pattern: &str) -> bool {
    let mut before = text[..start].chars().rev();
    match before.next() {
        None => true,
        Some(c) if c.is_alphanumeric() => false,
        Some('.' | ',') if pattern.starts_with(|c: char| c.is_ascii_digit()) => {
            !before.next().is_some_and(|c| c.is_ascii_digit())
        }
        Some(_) => true,
    }
}

fn ends_cleanly(text: &str, end: usize, pattern: &str) -> bool {
    let mut after = text[end..].chars();
    match after.next() {
        None => true,
        Some(c) if c.is_alphanumeric() => !pattern.ends_with(|c: char| c.is_alphanumeric()),
        Some('.' | ',') if pattern.ends_with(|c: char| c.is_ascii_digit()) => {
            !after.next().is_some_and(|c| c.is_ascii_digit())
        }
        Some(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    fn found(text: &str, value: &Value, bare: bool) -> Vec<String> {
        forms(value, bare)
            .iter()
            .flat_map(|form| find(text, form))
            .map(|range| text[range].to_owned())
            .collect()
    }

    #[test]
    fn amounts_as_drafters_write_them() {
        let price = Value::Money(dec!(8.00));
        let text = "n'excède pas 8,00 € HT, soit 8.00€, 8 euros, 8 EUR ; pas 18 € ni 8,50 €";
        assert_eq!(
            found(text, &price, false),
            ["8 EUR", "8 euros", "8,00 €", "8.00€"]
        );
        let big = Value::Money(dec!(1500));
        assert_eq!(
            found("plafond : 1 500,00 € TTC", &big, false),
            ["1 500,00 €"]
        );
    }

    #[test]
    fn percents_durations_and_counts() {
        assert_eq!(
            found(
                "au moins 50 % ou 50%, pas 150 %",
                &Value::Percent(dec!(50)),
                false
            ),
            ["50 %", "50%"]
        );
        let thirty_days = Value::Duration(Duration::new(0, 30));
        assert_eq!(
            found("sous trente jours (30 jours, 30 days)", &thirty_days, false),
            ["30 days", "30 jours", "trente jours"]
        );
        let two_months = Value::Duration(Duration::new(2, 0));
        assert_eq!(
            found("un préavis de deux mois", &two_months, false),
            ["deux mois"]
        );
        let three_years = Value::Duration(Duration::new(36, 0));
        assert_eq!(
            found("audit de moins de 3 ans", &three_years, false),
            ["3 ans"]
        );
        let count = Value::Number(dec!(20));
        assert_eq!(
            found(
                "vingt critères, 20 au total, pas 2024 ni 20,5",
                &count,
                true
            ),
            ["20", "vingt"]
        );
        assert!(found("20 critères", &count, false).is_empty());
    }

    #[test]
    fn dates_in_french_in_figures_and_iso() {
        let date = Value::Date(jiff::civil::date(2027, 1, 12));
        assert_eq!(
            found(
                "dès le 12/01/2027, le 12 janvier 2027 ou le 2027-01-12",
                &date,
                false
            ),
            ["12 janvier 2027", "12/01/2027", "2027-01-12"]
        );
    }
}
