//! Numbers as the language defines them: exact decimals of at most 28 decimal places
//! whose digits, read as a whole number, stay below 2^96. Every arithmetic result is the
//! exact rational value, rounded half to even to the most decimal places that fit; a
//! result that does not fit with no decimal place is an overflow, and a result that is
//! not zero but rounds to zero is one too (it would silently lose an amount).
//!
//! Here a number is an exact rational, so that each operation computes the true value
//! first and rounds only once, as the rule says.

use std::cmp::Ordering;
use std::fmt;

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// Decimal places a number may have.
pub const MAX_PLACES: u32 = 28;

/// Why an arithmetic operation has no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trouble {
    DivisionByZero,
    /// Too large for a number, or too small to be told from zero.
    OutOfRange,
    /// Hours or minutes added to a date, which has no time of day.
    TimeOnDate,
}

/// An exact decimal number.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Num(BigRational);

impl Num {
    pub fn zero() -> Num {
        Num(BigRational::zero())
    }

    /// The largest number of the language, 2^96 - 1.
    pub fn largest() -> Num {
        Num(BigRational::from_integer(mantissa_bound() - 1))
    }

    pub fn from_int(value: i64) -> Num {
        Num(BigRational::from_integer(BigInt::from(value)))
    }

    /// `mantissa × 10^-places`.
    pub fn decimal(mantissa: i64, places: u32) -> Num {
        Num(BigRational::new(BigInt::from(mantissa), ten_to(places)))
    }

    pub fn is_zero(&self) -> bool {
        self.0.is_zero()
    }

    pub fn is_integer(&self) -> bool {
        self.0.is_integer()
    }

    pub fn to_i64(&self) -> Option<i64> {
        if self.0.is_integer() {
            self.0.numer().to_i64()
        } else {
            None
        }
    }

    pub fn abs(&self) -> Num {
        Num(self.0.abs())
    }

    pub fn neg(&self) -> Num {
        Num(-self.0.clone())
    }

    pub fn add(&self, other: &Num) -> Result<Num, Trouble> {
        representable(&self.0 + &other.0)
    }

    pub fn sub(&self, other: &Num) -> Result<Num, Trouble> {
        representable(&self.0 - &other.0)
    }

    pub fn mul(&self, other: &Num) -> Result<Num, Trouble> {
        representable(&self.0 * &other.0)
    }

    pub fn div(&self, other: &Num) -> Result<Num, Trouble> {
        if other.0.is_zero() {
            return Err(Trouble::DivisionByZero);
        }
        representable(&self.0 / &other.0)
    }

    /// The value kept to `places` decimal places, a half rounded away from zero: how
    /// scores (4 places) and points (2 places) are reported.
    pub fn rounded_half_away(&self, places: u32) -> Num {
        let scale = BigRational::from_integer(ten_to(places));
        let scaled = &self.0 * &scale;
        let magnitude = scaled.abs();
        let floor = magnitude.floor();
        let fraction = &magnitude - &floor;
        let half = BigRational::new(BigInt::one(), BigInt::from(2));
        let mut whole = floor.to_integer();
        if fraction >= half {
            whole += 1;
        }
        if scaled.is_negative() {
            whole = -whole;
        }
        Num(BigRational::new(whole, ten_to(places)))
    }

    /// The nearest whole number, a half to the even one; `None` beyond 64 bits.
    pub fn whole_half_even(&self) -> Option<i64> {
        let floor = self.0.floor();
        let fraction = &self.0 - &floor;
        let half = BigRational::new(BigInt::one(), BigInt::from(2));
        let floor = floor.to_integer();
        let whole = match fraction.cmp(&half) {
            Ordering::Less => floor,
            Ordering::Greater => floor + 1,
            Ordering::Equal if floor.is_even() => floor,
            Ordering::Equal => floor + 1,
        };
        whole.to_i64()
    }

    pub fn clamp_unit(&self) -> Num {
        if self.0.is_negative() {
            Num::zero()
        } else if self.0 > BigRational::one() {
            Num(BigRational::one())
        } else {
            self.clone()
        }
    }

    /// The shortest decimal writing: `66.55`, `0`, `-0.125`.
    pub fn to_decimal_string(&self) -> String {
        let mut places = 0u32;
        let mut scaled = self.0.clone();
        while !scaled.is_integer() && places <= 60 {
            scaled *= BigRational::from_integer(BigInt::from(10));
            places += 1;
        }
        let digits = scaled.to_integer().abs().to_string();
        let sign = if self.0.is_negative() { "-" } else { "" };
        if places == 0 {
            return format!("{sign}{digits}");
        }
        let places = places as usize;
        let padded = format!("{digits:0>width$}", width = places + 1);
        let (whole, fraction) = padded.split_at(padded.len() - places);
        format!("{sign}{whole}.{fraction}")
    }

    pub fn to_f64(&self) -> f64 {
        self.to_decimal_string().parse().unwrap_or(f64::NAN)
    }
}

impl PartialOrd for Num {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Num {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.cmp(&other.0)
    }
}

impl fmt::Debug for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_decimal_string())
    }
}

fn ten_to(places: u32) -> BigInt {
    num_traits::pow(BigInt::from(10), places as usize)
}

fn mantissa_bound() -> BigInt {
    BigInt::one() << 96
}

/// The nearest number of the language to `exact` (see the module's rule).
fn representable(exact: BigRational) -> Result<Num, Trouble> {
    if exact.is_zero() {
        return Ok(Num::zero());
    }
    let bound = mantissa_bound();
    for places in (0..=MAX_PLACES).rev() {
        let scale = ten_to(places);
        let mantissa = half_even(&(&exact * BigRational::from_integer(scale.clone())));
        if mantissa.abs() < bound {
            if mantissa.is_zero() {
                return Err(Trouble::OutOfRange);
            }
            return Ok(Num(BigRational::new(mantissa, scale)));
        }
    }
    Err(Trouble::OutOfRange)
}

/// The integer nearest to `value`, a half going to the even neighbour.
fn half_even(value: &BigRational) -> BigInt {
    let floor = value.floor().to_integer();
    let fraction = value - BigRational::from_integer(floor.clone());
    let half = BigRational::new(BigInt::one(), BigInt::from(2));
    match fraction.cmp(&half) {
        Ordering::Less => floor,
        Ordering::Greater => floor + 1,
        Ordering::Equal if floor.is_even() => floor,
        Ordering::Equal => floor + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(text: &str) -> Num {
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        let digits: i64 = format!("{whole}{fraction}").parse().unwrap_or_default();
        Num::decimal(digits, u32::try_from(fraction.len()).unwrap_or_default())
    }

    #[test]
    fn exact_results_are_kept() {
        assert_eq!(num("0.1").add(&num("0.2")), Ok(num("0.3")));
        assert_eq!(num("0.1").mul(&Num::zero()), Ok(Num::zero()));
        assert_eq!(num("4.5").div(&num("6")), Ok(num("0.75")));
    }

    #[test]
    fn a_third_keeps_as_many_places_as_fit() {
        let third = Num::from_int(1).div(&Num::from_int(3));
        assert_eq!(
            third.map(|n| n.to_decimal_string()),
            Ok("0.3333333333333333333333333333".to_owned())
        );
        let hundred_thirds = Num::from_int(100).div(&Num::from_int(3));
        assert_eq!(
            hundred_thirds.map(|n| n.to_decimal_string()),
            Ok("33.333333333333333333333333333".to_owned())
        );
    }

    #[test]
    fn too_small_and_too_large_are_out_of_range() {
        let tiny = Num::decimal(1, 20);
        assert_eq!(tiny.mul(&tiny), Err(Trouble::OutOfRange));
        let huge = Num::decimal(1, 0).mul(&Num(BigRational::from_integer(ten_to(28))));
        assert!(huge.is_ok());
        let huge = huge.unwrap_or_else(|_| Num::zero());
        assert_eq!(huge.mul(&Num::from_int(10)), Err(Trouble::OutOfRange));
        assert_eq!(
            Num::from_int(1).div(&Num::zero()),
            Err(Trouble::DivisionByZero)
        );
    }

    #[test]
    fn reported_figures_round_half_away_from_zero() {
        assert_eq!(num("0.12345").rounded_half_away(4), num("0.1235"));
        assert_eq!(num("2.675").rounded_half_away(2), num("2.68"));
        assert_eq!(num("2.675").neg().rounded_half_away(2), num("2.68").neg());
    }
}
