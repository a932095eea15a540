//! The proleptic Gregorian calendar, from first principles: a date is a count of days,
//! months are added before days, and a day past the end of a month falls back to its
//! last day (`2026-01-31 + 1 month` is `2026-02-28`). Years run from -9999 to 9999;
//! beyond them a date is out of range.

use std::fmt;

pub const MIN_YEAR: i64 = -9999;
pub const MAX_YEAR: i64 = 9999;

/// A day of the calendar.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    pub year: i64,
    pub month: i64,
    pub day: i64,
}

pub fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn month_length(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Day {
    pub fn new(year: i64, month: i64, day: i64) -> Day {
        Day { year, month, day }
    }

    fn in_range(self) -> Option<Day> {
        (MIN_YEAR..=MAX_YEAR).contains(&self.year).then_some(self)
    }

    /// Days since 0000-03-01, counted era by era of 400 years (146,097 days each).
    pub fn ordinal(self) -> i64 {
        let year = if self.month <= 2 {
            self.year - 1
        } else {
            self.year
        };
        let era = year.div_euclid(400);
        let year_of_era = year.rem_euclid(400);
        let month_from_march = (self.month + 9) % 12;
        let day_of_year = (153 * month_from_march + 2) / 5 + self.day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era
    }

    pub fn from_ordinal(ordinal: i64) -> Day {
        let era = ordinal.div_euclid(146_097);
        let day_of_era = ordinal.rem_euclid(146_097);
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_from_march = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
        let month = if month_from_march < 10 {
            month_from_march + 3
        } else {
            month_from_march - 9
        };
        let year = era * 400 + year_of_era + i64::from(month <= 2);
        Day { year, month, day }
    }

    /// The date `months` months and then `days` days later (or earlier, when negative).
    pub fn shifted(self, months: i64, days: i64) -> Option<Day> {
        let month_index = self.year.checked_mul(12)?.checked_add(self.month - 1)?;
        let shifted_index = month_index.checked_add(months)?;
        let year = shifted_index.div_euclid(12);
        let month = shifted_index.rem_euclid(12) + 1;
        let day = self.day.min(month_length(year, month));
        let after_months = Day { year, month, day }.in_range()?;
        let ordinal = after_months.ordinal().checked_add(days)?;
        if ordinal.abs() > 10_000_000 {
            return None;
        }
        Day::from_ordinal(ordinal).in_range()
    }

    /// The day of the week, 0 for Monday to 6 for Sunday: 0000-03-01, the first day of
    /// the ordinals, was a Wednesday, and every 400-year era has a whole number of weeks.
    pub fn weekday(self) -> usize {
        // In 0..7, so the conversion cannot fail.
        usize::try_from((self.ordinal() + 2).rem_euclid(7)).unwrap_or(0)
    }

    /// Days from `earlier` to `self`.
    pub fn days_since(self, earlier: Day) -> i64 {
        self.ordinal() - earlier.ordinal()
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.year < 0 {
            write!(f, "-{:06}-{:02}-{:02}", -self.year, self.month, self.day)
        } else {
            write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
        }
    }
}

impl fmt::Debug for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_round_trip_over_four_centuries() {
        let start = Day::new(1900, 1, 1).ordinal();
        let mut previous: Option<Day> = None;
        for ordinal in start..start + 146_097 {
            let day = Day::from_ordinal(ordinal);
            assert_eq!(day.ordinal(), ordinal);
            assert!(day.day >= 1 && day.day <= month_length(day.year, day.month));
            if let Some(previous) = previous {
                assert!(previous < day);
            }
            previous = Some(day);
        }
    }

    #[test]
    fn months_clamp_to_the_end_of_the_month() {
        let end_of_january = Day::new(2026, 1, 31);
        assert_eq!(end_of_january.shifted(1, 0), Some(Day::new(2026, 2, 28)));
        assert_eq!(
            Day::new(2028, 1, 31).shifted(1, 0),
            Some(Day::new(2028, 2, 29))
        );
        assert_eq!(
            Day::new(2026, 3, 31).shifted(-1, 1),
            Some(Day::new(2026, 3, 1))
        );
        assert_eq!(Day::new(2026, 3, 1).days_since(Day::new(2026, 2, 1)), 28);
        assert_eq!(Day::new(2029, 3, 1).days_since(Day::new(2028, 2, 1)), 394);
    }

    #[test]
    fn weekdays_count_from_monday() {
        // 4 January 2027 is a Monday, 9 January a Saturday, 29 February 2024 a Thursday.
        assert_eq!(Day::new(2027, 1, 4).weekday(), 0);
        assert_eq!(Day::new(2027, 1, 9).weekday(), 5);
        assert_eq!(Day::new(2024, 2, 29).weekday(), 3);
        assert_eq!(Day::new(1, 1, 1).weekday(), 0);
    }

    #[test]
    fn dates_past_year_9999_are_out_of_range() {
        assert_eq!(Day::new(9999, 12, 31).shifted(0, 1), None);
        assert_eq!(Day::new(2026, 1, 1).shifted(12 * 8000, 0), None);
    }
}
