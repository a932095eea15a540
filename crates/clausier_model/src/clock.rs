//! Times of day and moments as `docs/language.md` describes them: hours and minutes
//! from `00:00` to `23:59`, ordered from midnight, and a day of the calendar with a time
//! of day, moved by months, then days, then the exact time. The model counts minutes
//! and seconds since midnight itself.

use std::fmt;

use crate::calendar::Day;
use crate::value::Span;

const SECONDS_A_DAY: i64 = 86_400;

/// A time of day, in minutes since midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Clock {
    minutes: u16,
}

impl Clock {
    /// `hour` from 0 to 23, `minute` from 0 to 59; out of range values are clamped, as
    /// the generator never writes them.
    pub fn new(hour: u16, minute: u16) -> Self {
        Self {
            minutes: hour.min(23) * 60 + minute.min(59),
        }
    }

    pub fn hour(self) -> u16 {
        self.minutes / 60
    }

    pub fn minute(self) -> u16 {
        self.minutes % 60
    }
}

/// The business time from `start` to `end`, in seconds, as the language reference
/// defines `business_duration`: the minutes that fall on a day of `days` (0 for Monday)
/// from `opens` to `closes`. Counted minute by minute, so only for the spans of a few
/// days the generator writes between moments of whole minutes. `None` when `end` is
/// before `start` or `opens` is not before `closes`.
pub fn business_seconds(
    start: Moment,
    end: Moment,
    days: &[usize],
    opens: Clock,
    closes: Clock,
) -> Option<i64> {
    if opens >= closes || end < start {
        return None;
    }
    let (opens, closes) = (i64::from(opens.minutes), i64::from(closes.minutes));
    let mut minute = start;
    let mut counted = 0;
    while minute < end {
        let of_day = minute.second_of_day / 60;
        if days.contains(&minute.day.weekday()) && (opens..closes).contains(&of_day) {
            counted += 60;
        }
        minute = minute.shifted(Span {
            seconds: 60,
            ..Span::default()
        })?;
    }
    Some(counted)
}

/// A date and a time of day, to the second (durations may move it by seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Moment {
    pub day: Day,
    /// Seconds since midnight, from 0 to 86,399.
    pub second_of_day: i64,
}

impl Moment {
    pub fn new(day: Day, clock: Clock) -> Self {
        Self {
            day,
            second_of_day: i64::from(clock.minutes) * 60,
        }
    }

    /// Moved by `span`: months, then days, on the calendar; then the seconds, carried
    /// over midnight. `None` out of the calendar.
    pub fn shifted(self, span: Span) -> Option<Moment> {
        let day = self.day.shifted(span.months, span.days)?;
        let total = self.second_of_day.checked_add(span.seconds)?;
        let day = day.shifted(0, total.div_euclid(SECONDS_A_DAY))?;
        Some(Moment {
            day,
            second_of_day: total.rem_euclid(SECONDS_A_DAY),
        })
    }

    /// The exact time from `earlier` to `self`, in seconds.
    pub fn seconds_since(self, earlier: Moment) -> i64 {
        self.day.days_since(earlier.day) * SECONDS_A_DAY + self.second_of_day
            - earlier.second_of_day
    }
}

/// As a clause writes it: `2027-01-04T08:30` (the seconds, never written by the
/// generator, are left out).
impl fmt::Display for Moment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let minutes = self.second_of_day / 60;
        write!(f, "{}T{:02}:{:02}", self.day, minutes / 60, minutes % 60)
    }
}

/// As a clause writes it: `08:30`.
impl fmt::Display for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour(), self.minute())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_print_with_two_digits_and_order_from_midnight() {
        assert_eq!(Clock::new(8, 5).to_string(), "08:05");
        assert_eq!(Clock::new(23, 59).to_string(), "23:59");
        assert!(Clock::new(0, 0) < Clock::new(0, 1));
        assert!(Clock::new(9, 59) < Clock::new(10, 0));
    }

    #[test]
    fn business_time_counts_open_minutes_only() {
        let at = |y, m, d, h, min| Moment::new(Day::new(y, m, d), Clock::new(h, min));
        let (opens, closes) = (Clock::new(8, 0), Clock::new(18, 0));
        let weekdays = [0, 1, 2, 3, 4];
        // Friday 17:00 to Monday 09:00: an hour on Friday, an hour on Monday.
        let weekend = business_seconds(
            at(2027, 1, 8, 17, 0),
            at(2027, 1, 11, 9, 0),
            &weekdays,
            opens,
            closes,
        );
        assert_eq!(weekend, Some(2 * 3_600));
        let reversed = business_seconds(
            at(2027, 1, 11, 9, 0),
            at(2027, 1, 8, 17, 0),
            &weekdays,
            opens,
            closes,
        );
        assert_eq!(reversed, None);
    }

    #[test]
    fn moments_move_by_months_then_days_then_time() {
        let at = |y, m, d, h, min| Moment::new(Day::new(y, m, d), Clock::new(h, min));
        let month_and_hours = Span {
            months: 1,
            days: 0,
            seconds: 7_200,
        };
        let moved = at(2027, 1, 31, 23, 0).shifted(month_and_hours);
        assert_eq!(moved, Some(at(2027, 3, 1, 1, 0)));
        let back = Span {
            seconds: -7_200,
            ..Span::default()
        };
        assert_eq!(
            at(2027, 1, 4, 1, 0).shifted(back),
            Some(at(2027, 1, 3, 23, 0))
        );
        assert_eq!(
            at(2027, 1, 5, 10, 0).seconds_since(at(2027, 1, 4, 8, 0)),
            26 * 3_600
        );
    }
}
