//! Times of day as `docs/language.md` describes them: hours and minutes from `00:00` to
//! `23:59`, ordered from midnight. The model counts minutes since midnight itself.

use std::fmt;

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
}
