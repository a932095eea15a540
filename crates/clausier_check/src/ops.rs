//! The meaning of operators, in one place: which operand types they accept, what type
//! they give, and what they compute. The checker types expressions and folds constants
//! with it; the evaluator and its reference interpreter compute with it.

use std::cmp::Ordering;

use clausier_syntax::ast::CompareOp;
use rust_decimal::Decimal;

use crate::hir::ArithOp;
use crate::types::Ty;
use crate::value::{Duration, Value};

/// Why an operation gave no value. At evaluation time each makes the result unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpError {
    DivisionByZero,
    /// Beyond the range of exact decimals or of the calendar.
    Overflow,
    /// Operands the checker should have refused.
    Types,
    /// A duration with hours or minutes added to a date, which has no time of day.
    TimeOnDate,
}

/// The type of `lhs op rhs`, or `None` when the operator does not apply.
///
/// - numbers: any operator; `int` with `int` stays `int` except `/`, which gives `number`;
/// - percent ± percent; percent × or ÷ number; number × percent → percent; percent ÷
///   percent → number;
/// - money ± money; money × or ÷ number, number × money, money × percent → money;
///   money ÷ money → number;
/// - date ± duration → date; duration + date → date (no value when the duration has
///   hours or minutes); date − date → duration (in days);
/// - duration ± duration; duration × int, int × duration → duration.
pub fn arith_type(op: ArithOp, lhs: &Ty, rhs: &Ty) -> Option<Ty> {
    use ArithOp::{Add, Div, Mul, Sub};
    let ty = match (op, lhs, rhs) {
        (Div, Ty::Int, Ty::Int) => Ty::Number,
        (_, Ty::Int, Ty::Int) => Ty::Int,
        (_, l, r) if l.is_numeric() && r.is_numeric() => Ty::Number,
        (Add | Sub, Ty::Percent, Ty::Percent) => Ty::Percent,
        (Mul | Div, Ty::Percent, r) if r.is_numeric() => Ty::Percent,
        (Mul, l, Ty::Percent) if l.is_numeric() => Ty::Percent,
        (Div, Ty::Percent, Ty::Percent) => Ty::Number,
        (Add | Sub, Ty::Money, Ty::Money) => Ty::Money,
        (Mul | Div, Ty::Money, r) if r.is_numeric() => Ty::Money,
        (Mul, l, Ty::Money) if l.is_numeric() => Ty::Money,
        (Mul, Ty::Money, Ty::Percent) | (Mul, Ty::Percent, Ty::Money) => Ty::Money,
        (Div, Ty::Money, Ty::Money) => Ty::Number,
        (Add | Sub, Ty::Date, Ty::Duration) | (Add, Ty::Duration, Ty::Date) => Ty::Date,
        (Sub, Ty::Date, Ty::Date) => Ty::Duration,
        (Add | Sub, Ty::DateTime, Ty::Duration) | (Add, Ty::Duration, Ty::DateTime) => Ty::DateTime,
        (Sub, Ty::DateTime, Ty::DateTime) => Ty::Duration,
        (Add | Sub, Ty::Duration, Ty::Duration) => Ty::Duration,
        (Mul, Ty::Duration, Ty::Int) | (Mul, Ty::Int, Ty::Duration) => Ty::Duration,
        _ => return None,
    };
    Some(ty)
}

/// Whether `lhs op rhs` is a valid comparison: equality on values of one type (`int`
/// and `number` mix), ordering on numbers, percent, money, dates, times of day,
/// durations and enums.
pub fn comparison_allowed(op: CompareOp, lhs: &Ty, rhs: &Ty) -> bool {
    let same = lhs == rhs || (lhs.is_numeric() && rhs.is_numeric());
    if !same {
        return false;
    }
    match op {
        CompareOp::Eq | CompareOp::Ne => true,
        _ => is_ordered(lhs),
    }
}

/// Types whose values have an order.
pub fn is_ordered(ty: &Ty) -> bool {
    matches!(
        ty,
        Ty::Int
            | Ty::Number
            | Ty::Percent
            | Ty::Money
            | Ty::Date
            | Ty::Time
            | Ty::DateTime
            | Ty::Duration
            | Ty::Enum(_)
    )
}

/// Computes `lhs op rhs` on two present values of the types [`arith_type`] accepts.
pub fn arith(op: ArithOp, lhs: &Value, rhs: &Value) -> Result<Value, OpError> {
    use ArithOp::{Add, Div, Mul, Sub};
    match (op, lhs, rhs) {
        (_, Value::Number(a), Value::Number(b)) => decimal(op, *a, *b).map(Value::Number),
        (Add | Sub, Value::Percent(a), Value::Percent(b)) => {
            decimal(op, *a, *b).map(Value::Percent)
        }
        (Mul | Div, Value::Percent(a), Value::Number(b)) => decimal(op, *a, *b).map(Value::Percent),
        (Mul, Value::Number(a), Value::Percent(b)) => decimal(op, *a, *b).map(Value::Percent),
        (Div, Value::Percent(a), Value::Percent(b)) => decimal(op, *a, *b).map(Value::Number),
        (Add | Sub, Value::Money(a), Value::Money(b)) => decimal(op, *a, *b).map(Value::Money),
        (Mul | Div, Value::Money(a), Value::Number(b)) => decimal(op, *a, *b).map(Value::Money),
        (Mul, Value::Number(a), Value::Money(b)) => decimal(op, *a, *b).map(Value::Money),
        (Mul, Value::Money(m), Value::Percent(p)) | (Mul, Value::Percent(p), Value::Money(m)) => {
            let fraction = decimal(Div, *p, Decimal::ONE_HUNDRED)?;
            decimal(Mul, *m, fraction).map(Value::Money)
        }
        (Div, Value::Money(a), Value::Money(b)) => decimal(op, *a, *b).map(Value::Number),
        (Add, Value::Date(d), Value::Duration(span))
        | (Add, Value::Duration(span), Value::Date(d)) => shift_date(*d, *span).map(Value::Date),
        (Sub, Value::Date(d), Value::Duration(span)) => {
            let back = span.checked_neg().ok_or(OpError::Overflow)?;
            shift_date(*d, back).map(Value::Date)
        }
        (Sub, Value::Date(a), Value::Date(b)) => {
            let days = a.since(*b).map_err(|_| OpError::Overflow)?.get_days();
            Ok(Value::Duration(Duration::new(0, i64::from(days))))
        }
        (Add, Value::DateTime(at), Value::Duration(span))
        | (Add, Value::Duration(span), Value::DateTime(at)) => {
            shift_datetime(*at, *span).map(Value::DateTime)
        }
        (Sub, Value::DateTime(at), Value::Duration(span)) => {
            let back = span.checked_neg().ok_or(OpError::Overflow)?;
            shift_datetime(*at, back).map(Value::DateTime)
        }
        (Sub, Value::DateTime(a), Value::DateTime(b)) => {
            let seconds = a.duration_since(*b).as_secs();
            Ok(Value::Duration(Duration::of_seconds(seconds)))
        }
        (Add, Value::Duration(a), Value::Duration(b)) => a
            .checked_add(*b)
            .map(Value::Duration)
            .ok_or(OpError::Overflow),
        (Sub, Value::Duration(a), Value::Duration(b)) => b
            .checked_neg()
            .and_then(|neg| a.checked_add(neg))
            .map(Value::Duration)
            .ok_or(OpError::Overflow),
        (Mul, Value::Duration(d), Value::Number(n))
        | (Mul, Value::Number(n), Value::Duration(d)) => {
            scale_duration(*d, *n).map(Value::Duration)
        }
        _ => Err(OpError::Types),
    }
}

/// `-value` for numbers, percent, money and durations.
pub fn negate(value: &Value) -> Result<Value, OpError> {
    match value {
        Value::Number(n) => Ok(Value::Number(-*n)),
        Value::Percent(n) => Ok(Value::Percent(-*n)),
        Value::Money(n) => Ok(Value::Money(-*n)),
        Value::Duration(d) => d
            .checked_neg()
            .map(Value::Duration)
            .ok_or(OpError::Overflow),
        _ => Err(OpError::Types),
    }
}

/// How `==` tells two values of a type apart: a set is equal to another that holds the
/// same elements in any order, a list only to one that holds them in the same order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Equality {
    Ordered,
    Unordered,
}

impl Equality {
    pub fn of(ty: &Ty) -> Equality {
        match ty {
            Ty::Set(_) => Equality::Unordered,
            _ => Equality::Ordered,
        }
    }
}

/// Evaluates a comparison on two present values; `None` when they do not compare.
pub fn compare(op: CompareOp, equality: Equality, lhs: &Value, rhs: &Value) -> Option<bool> {
    let equal = || match (equality, lhs, rhs) {
        (Equality::Unordered, Value::List(a), Value::List(b)) => {
            a.iter().all(|x| b.iter().any(|y| x.same(y)))
                && b.iter().all(|y| a.iter().any(|x| x.same(y)))
        }
        _ => lhs.same(rhs),
    };
    match op {
        CompareOp::Eq => Some(equal()),
        CompareOp::Ne => Some(!equal()),
        CompareOp::Lt => lhs.compare(rhs).map(Ordering::is_lt),
        CompareOp::Le => lhs.compare(rhs).map(Ordering::is_le),
        CompareOp::Gt => lhs.compare(rhs).map(Ordering::is_gt),
        CompareOp::Ge => lhs.compare(rhs).map(Ordering::is_ge),
    }
}

/// `item in collection` on present values.
pub fn contains(collection: &Value, item: &Value) -> Result<bool, OpError> {
    match collection {
        Value::List(items) => Ok(items.iter().any(|candidate| candidate.same(item))),
        Value::Map(entries) => Ok(entries.iter().any(|(key, _)| key.same(item))),
        _ => Err(OpError::Types),
    }
}

/// A criterion score as a fraction: a percent counts as its fraction (`80%` is `0.8`).
pub fn score_fraction(value: &Value) -> Option<Decimal> {
    match value {
        Value::Number(n) => Some(*n),
        // As any other quotient: a percent too small to be told from zero as a fraction
        // is out of range, not a silent zero.
        Value::Percent(p) => decimal(ArithOp::Div, *p, Decimal::ONE_HUNDRED).ok(),
        _ => None,
    }
}

fn decimal(op: ArithOp, a: Decimal, b: Decimal) -> Result<Decimal, OpError> {
    let result = match op {
        ArithOp::Add => a.checked_add(b),
        ArithOp::Sub => a.checked_sub(b),
        ArithOp::Mul => a.checked_mul(b),
        ArithOp::Div => {
            if b.is_zero() {
                return Err(OpError::DivisionByZero);
            }
            a.checked_div(b)
        }
    };
    let result = result.ok_or(OpError::Overflow)?;
    // Past 28 decimal places a product or quotient is rounded; one rounded to nothing
    // would silently turn a small amount into zero. Only a result whose exact value is
    // not zero can have been rounded to it: a product with a zero factor is exactly zero.
    let exact_value_is_zero = match op {
        ArithOp::Add | ArithOp::Sub => true,
        ArithOp::Mul => a.is_zero() || b.is_zero(),
        ArithOp::Div => a.is_zero(),
    };
    if result.is_zero() && !exact_value_is_zero {
        return Err(OpError::Overflow);
    }
    Ok(result.normalize())
}

/// Adds months first, then days; a day past the end of the month is clamped to its last
/// day (`2026-01-31 + 1 month` is `2026-02-28`).
fn shift_date(date: jiff::civil::Date, span: Duration) -> Result<jiff::civil::Date, OpError> {
    if span.has_time() {
        return Err(OpError::TimeOnDate);
    }
    let months = jiff::Span::new()
        .try_months(span.months)
        .map_err(|_| OpError::Overflow)?;
    let days = jiff::Span::new()
        .try_days(span.days)
        .map_err(|_| OpError::Overflow)?;
    date.checked_add(months)
        .and_then(|shifted| shifted.checked_add(days))
        .map_err(|_| OpError::Overflow)
}

/// A date and time moved as the language reference says: months (and years) first, then
/// days, on the calendar, as a date is; then the exact time part, crossing midnight as
/// it must (`2027-01-31T23:00 + 1 month 2 hours` is `2027-03-01T01:00`).
fn shift_datetime(
    at: jiff::civil::DateTime,
    span: Duration,
) -> Result<jiff::civil::DateTime, OpError> {
    let calendar = Duration::new(span.months, span.days);
    let day = shift_date(at.date(), calendar)?;
    day.to_datetime(at.time())
        .checked_add(jiff::SignedDuration::from_secs(span.seconds))
        .map_err(|_| OpError::Overflow)
}

fn scale_duration(duration: Duration, factor: Decimal) -> Result<Duration, OpError> {
    if !factor.fract().is_zero() {
        return Err(OpError::Types);
    }
    let factor = i64::try_from(factor).map_err(|_| OpError::Overflow)?;
    duration.checked_mul(factor).ok_or(OpError::Overflow)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use rust_decimal::dec;

    #[test]
    fn a_date_and_time_moves_by_months_then_days_then_time() {
        let at = |y, m, d, h, min| Value::DateTime(date(y, m, d).at(h, min, 0, 0));
        let month_and_hours = Duration::new(1, 0)
            .checked_add(Duration::of_seconds(2 * 3_600))
            .unwrap();
        let shifted = arith(
            ArithOp::Add,
            &at(2027, 1, 31, 23, 0),
            &Value::Duration(month_and_hours),
        );
        assert_eq!(shifted, Ok(at(2027, 3, 1, 1, 0)));
        let back = arith(
            ArithOp::Sub,
            &at(2027, 1, 4, 1, 0),
            &Value::Duration(Duration::of_seconds(2 * 3_600)),
        );
        assert_eq!(back, Ok(at(2027, 1, 3, 23, 0)));
        let between = arith(ArithOp::Sub, &at(2027, 1, 5, 10, 0), &at(2027, 1, 4, 8, 0));
        assert_eq!(
            between,
            Ok(Value::Duration(Duration::of_seconds(26 * 3_600)))
        );
    }

    #[test]
    fn adding_a_month_clamps_to_the_end_of_the_month() {
        let shifted = arith(
            ArithOp::Add,
            &Value::Date(date(2026, 1, 31)),
            &Value::Duration(Duration::new(1, 0)),
        );
        assert_eq!(shifted, Ok(Value::Date(date(2026, 2, 28))));
        let leap = arith(
            ArithOp::Add,
            &Value::Date(date(2028, 1, 31)),
            &Value::Duration(Duration::new(1, 0)),
        );
        assert_eq!(leap, Ok(Value::Date(date(2028, 2, 29))));
    }

    #[test]
    fn decimals_are_exact() {
        let sum = arith(
            ArithOp::Add,
            &Value::Number(dec!(0.1)),
            &Value::Number(dec!(0.2)),
        );
        assert_eq!(sum, Ok(Value::Number(dec!(0.3))));
    }

    #[test]
    fn a_product_too_small_to_represent_is_not_zero() {
        let tiny = Value::Number(Decimal::new(1, 13));
        let square = arith(ArithOp::Mul, &tiny, &tiny);
        assert_eq!(square, Ok(Value::Number(Decimal::new(1, 26))));
        let cube = arith(ArithOp::Mul, &tiny, &square.unwrap());
        assert_eq!(cube, Err(OpError::Overflow));
    }

    #[test]
    fn a_product_with_a_zero_factor_is_zero() {
        let tenth = Value::Number(dec!(0.1));
        let zero = Value::Number(dec!(0));
        assert_eq!(arith(ArithOp::Mul, &tenth, &zero), Ok(zero.clone()));
        assert_eq!(arith(ArithOp::Mul, &zero, &tenth), Ok(zero.clone()));
        let negative = Value::Money(dec!(-4.5));
        assert_eq!(
            arith(ArithOp::Mul, &negative, &zero),
            Ok(Value::Money(dec!(0)))
        );
        assert_eq!(arith(ArithOp::Div, &zero, &tenth), Ok(zero));
    }

    #[test]
    fn a_quotient_keeps_as_many_places_as_fit_rounded_half_to_even() {
        let third = arith(
            ArithOp::Div,
            &Value::Number(dec!(1)),
            &Value::Number(dec!(3)),
        );
        assert_eq!(
            third,
            Ok(Value::Number(dec!(0.3333333333333333333333333333)))
        );
        let two_thirds = arith(
            ArithOp::Div,
            &Value::Number(dec!(2)),
            &Value::Number(dec!(3)),
        );
        assert_eq!(
            two_thirds,
            Ok(Value::Number(dec!(0.6666666666666666666666666667)))
        );
        let hundred_thirds = arith(
            ArithOp::Div,
            &Value::Number(dec!(100)),
            &Value::Number(dec!(3)),
        );
        assert_eq!(
            hundred_thirds,
            Ok(Value::Number(dec!(33.333333333333333333333333333)))
        );
    }

    #[test]
    fn a_percent_too_small_to_be_a_fraction_has_no_score() {
        assert_eq!(score_fraction(&Value::Percent(Decimal::new(-1, 27))), None);
        assert_eq!(score_fraction(&Value::Percent(dec!(0))), Some(dec!(0)));
        assert_eq!(score_fraction(&Value::Percent(dec!(80))), Some(dec!(0.8)));
    }

    #[test]
    fn sets_are_equal_in_any_order_and_lists_are_not() {
        let eu = Value::String("EU".into());
        let eea = Value::String("EEA".into());
        let one = Value::List(vec![eu.clone(), eea.clone()].into());
        let other = Value::List(vec![eea, eu].into());
        let set = Equality::of(&Ty::Set(Box::new(Ty::String)));
        let list = Equality::of(&Ty::List(Box::new(Ty::String)));
        assert_eq!(compare(CompareOp::Eq, set, &one, &other), Some(true));
        assert_eq!(compare(CompareOp::Ne, set, &one, &other), Some(false));
        assert_eq!(compare(CompareOp::Eq, list, &one, &other), Some(false));
    }

    #[test]
    fn division_by_zero_is_reported() {
        let quotient = arith(ArithOp::Div, &Value::Money(dec!(6)), &Value::Money(dec!(0)));
        assert_eq!(quotient, Err(OpError::DivisionByZero));
    }

    #[test]
    fn money_times_percent_is_money() {
        assert_eq!(
            arith_type(ArithOp::Mul, &Ty::Money, &Ty::Percent),
            Some(Ty::Money)
        );
        let discounted = arith(
            ArithOp::Mul,
            &Value::Money(dec!(6)),
            &Value::Percent(dec!(80)),
        );
        assert_eq!(discounted, Ok(Value::Money(dec!(4.8))));
    }

    #[test]
    fn mixed_units_do_not_combine() {
        assert_eq!(arith_type(ArithOp::Add, &Ty::Percent, &Ty::Money), None);
        assert!(!comparison_allowed(CompareOp::Lt, &Ty::Percent, &Ty::Money));
        assert!(!comparison_allowed(CompareOp::Lt, &Ty::Bool, &Ty::Bool));
        assert!(comparison_allowed(CompareOp::Le, &Ty::Int, &Ty::Number));
    }

    #[test]
    fn hours_add_to_durations_and_not_to_dates() {
        let day_and_hours = arith(
            ArithOp::Add,
            &Value::Duration(Duration::new(0, 1)),
            &Value::Duration(Duration::of_seconds(7_200)),
        );
        let expected = Duration::new(0, 1).checked_add(Duration::of_seconds(7_200));
        assert_eq!(day_and_hours, Ok(Value::Duration(expected.unwrap())));
        assert_eq!(expected.unwrap().to_string(), "1 day 2 hours");
        let on_date = arith(
            ArithOp::Add,
            &Value::Date(date(2026, 3, 1)),
            &Value::Duration(Duration::of_seconds(3_600)),
        );
        assert_eq!(on_date, Err(OpError::TimeOnDate));
        let day = Value::Duration(Duration::new(0, 1));
        let hours = |n: i64| Value::Duration(Duration::of_seconds(n * 3_600));
        assert!(compare(CompareOp::Eq, Equality::Ordered, &hours(24), &day).unwrap());
        assert!(compare(CompareOp::Gt, Equality::Ordered, &hours(48), &day).unwrap());
        let scaled = arith(ArithOp::Mul, &hours(4), &Value::Number(Decimal::from(3)));
        assert_eq!(scaled, Ok(hours(12)));
    }

    #[test]
    fn dates_subtract_to_days() {
        let gap = arith(
            ArithOp::Sub,
            &Value::Date(date(2026, 3, 1)),
            &Value::Date(date(2026, 2, 1)),
        );
        assert_eq!(gap, Ok(Value::Duration(Duration::new(0, 28))));
    }
}
