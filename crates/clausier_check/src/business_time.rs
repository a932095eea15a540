//! Business time: `business_duration(start, end, days, opens, closes)`, the time between
//! two datetimes counted only on the days of the week of `days`, between the times of
//! day `opens` and `closes`. The checker's folding, the evaluator and its reference
//! interpreter all compute it here.
//!
//! No public holiday is left out: a holiday that falls on a day of `days` counts. A span
//! of months costs the same as a span of a day: whole weeks are counted by arithmetic,
//! only the days of the last part week one by one.

use jiff::civil::{Date, DateTime, Time};

use crate::value::{Duration, Value};
use crate::weekdays::weekday_index;

/// Why a business duration whose arguments are known has no value (R0708).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BusinessTimeError {
    /// `end` is before `start`.
    EndBeforeStart,
    /// `opens` is not before `closes`: the day has no business hours.
    ClosesBeforeOpening,
    /// The count does not fit in a duration.
    Overflow,
}

impl BusinessTimeError {
    /// The reason given in a run's explanation.
    pub fn message(self) -> &'static str {
        match self {
            BusinessTimeError::EndBeforeStart => {
                "the end of a business duration is before its start"
            }
            BusinessTimeError::ClosesBeforeOpening => {
                "the closing time of a business duration is not after its opening time"
            }
            BusinessTimeError::Overflow => "value out of range",
        }
    }
}

/// The days of the week counted, by their position from Monday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenDays([bool; 7]);

impl OpenDays {
    /// The days of a `set<weekday>` value; `None` for any other value.
    pub fn of(value: &Value) -> Option<OpenDays> {
        let Value::List(days) = value else {
            return None;
        };
        let mut open = [false; 7];
        for day in days.iter() {
            let Value::Enum(_, position) = day else {
                return None;
            };
            *open.get_mut(*position as usize)? = true;
        }
        Some(OpenDays(open))
    }

    fn contains(self, date: Date) -> bool {
        self.0
            .get(weekday_index(date) as usize)
            .copied()
            .unwrap_or(false)
    }

    /// How many days of `[from, to)` are open, `to` not before `from`.
    fn count_between(self, from: Date, to: Date) -> Option<i64> {
        let days = i64::from(to.since(from).ok()?.get_days());
        let per_week: i64 = self.0.iter().map(|open| i64::from(*open)).sum();
        let mut count = days.checked_div(7)?.checked_mul(per_week)?;
        // The days past the whole weeks are the same days of the week as the first ones.
        let mut day = from;
        for _ in 0..days.rem_euclid(7) {
            count += i64::from(self.contains(day));
            day = day.tomorrow().ok()?;
        }
        Some(count)
    }
}

/// The seconds of the business hours of `at`'s day that are before `at`.
fn open_seconds_before(at: DateTime, days: OpenDays, opens: Time, closes: Time) -> i64 {
    if !days.contains(at.date()) {
        return 0;
    }
    let time = at.time().clamp(opens, closes);
    seconds_between(opens, time)
}

fn seconds_between(from: Time, to: Time) -> i64 {
    to.duration_since(from).as_secs()
}

/// The business time between `start` and `end`.
pub fn business_duration(
    start: DateTime,
    end: DateTime,
    days: OpenDays,
    opens: Time,
    closes: Time,
) -> Result<Duration, BusinessTimeError> {
    if opens >= closes {
        return Err(BusinessTimeError::ClosesBeforeOpening);
    }
    if end < start {
        return Err(BusinessTimeError::EndBeforeStart);
    }
    // Every open day from the start's to the end's counts whole, less what is before
    // the start on its day, plus what is before the end on its day.
    let whole_days = days
        .count_between(start.date(), end.date())
        .ok_or(BusinessTimeError::Overflow)?;
    let seconds = whole_days
        .checked_mul(seconds_between(opens, closes))
        .and_then(|whole| whole.checked_add(open_seconds_before(end, days, opens, closes)))
        .and_then(|total| total.checked_sub(open_seconds_before(start, days, opens, closes)))
        .ok_or(BusinessTimeError::Overflow)?;
    Ok(Duration::of_seconds(seconds))
}

/// The business duration of five values: `None` when one is not of its type, else the
/// duration or why it has none.
pub fn business_duration_of(
    start: &Value,
    end: &Value,
    days: &Value,
    opens: &Value,
    closes: &Value,
) -> Option<Result<Value, BusinessTimeError>> {
    let (Value::DateTime(start), Value::DateTime(end), Value::Time(opens), Value::Time(closes)) =
        (start, end, opens, closes)
    else {
        return None;
    };
    let days = OpenDays::of(days)?;
    Some(business_duration(*start, *end, days, *opens, *closes).map(Value::Duration))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::{date, time};

    const MONDAY_TO_FRIDAY: OpenDays = OpenDays([true, true, true, true, true, false, false]);

    fn hours(start: DateTime, end: DateTime) -> Result<Duration, BusinessTimeError> {
        business_duration(
            start,
            end,
            MONDAY_TO_FRIDAY,
            time(8, 0, 0, 0),
            time(18, 0, 0, 0),
        )
    }

    #[test]
    fn friday_evening_to_monday_morning_is_two_hours() {
        // 2027-01-08 is a Friday.
        let friday = date(2027, 1, 8).at(17, 0, 0, 0);
        let monday = date(2027, 1, 11).at(9, 0, 0, 0);
        assert_eq!(hours(friday, monday), Ok(Duration::of_seconds(2 * 3_600)));
    }

    #[test]
    fn a_span_of_years_counts_whole_weeks() {
        let start = date(2027, 1, 4).at(8, 0, 0, 0);
        let end = date(2037, 1, 5).at(8, 0, 0, 0);
        // 2027-01-04 to 2037-01-05: 3,654 days, 522 weeks, all Monday to Monday.
        assert_eq!(
            hours(start, end),
            Ok(Duration::of_seconds(522 * 5 * 10 * 3_600))
        );
    }

    #[test]
    fn no_value_when_reversed() {
        let a = date(2027, 1, 8).at(17, 0, 0, 0);
        let b = date(2027, 1, 7).at(17, 0, 0, 0);
        assert_eq!(hours(a, b), Err(BusinessTimeError::EndBeforeStart));
        assert_eq!(
            business_duration(b, a, MONDAY_TO_FRIDAY, time(18, 0, 0, 0), time(8, 0, 0, 0)),
            Err(BusinessTimeError::ClosesBeforeOpening)
        );
    }
}
