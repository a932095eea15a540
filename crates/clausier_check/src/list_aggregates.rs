//! The meaning of the aggregates over one offer's list, `sum`, `mean`, `min` and `max`,
//! in one place: the element types each accepts, the type it gives, and what it
//! computes. The checker types and folds with it; the evaluator and its reference
//! interpreter compute with it, so that all three agree.

use rust_decimal::{Decimal, RoundingStrategy};

pub use clausier_syntax::ast::ListAggregateKind;

use crate::hir::ArithOp;
use crate::ops::{self, OpError};
use crate::types::Ty;
use crate::value::{Duration, Value};

/// Why an aggregate over a list of known values has no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListAggregateError {
    /// `mean`, `min` or `max` of an empty list.
    Empty,
    /// A step of the computation has none (a sum out of range).
    Op(OpError),
}

/// The type of `kind` over elements of type `element`, or `None` when it does not apply:
///
/// - `sum`: `int`, `number`, `percent`, `money` and `duration`, each to its own type;
/// - `mean`: `int` and `number` give `number`; `percent`, `money` and `duration` their
///   own type;
/// - `min`, `max`: any ordered type, to itself.
pub fn result_type(kind: ListAggregateKind, element: &Ty) -> Option<Ty> {
    let ty = match (kind, element) {
        (ListAggregateKind::Sum, Ty::Int | Ty::Number | Ty::Percent | Ty::Money | Ty::Duration) => {
            element.clone()
        }
        (ListAggregateKind::Mean, Ty::Int | Ty::Number) => Ty::Number,
        (ListAggregateKind::Mean, Ty::Percent | Ty::Money | Ty::Duration) => element.clone(),
        (ListAggregateKind::Min | ListAggregateKind::Max, element) if ops::is_ordered(element) => {
            element.clone()
        }
        _ => return None,
    };
    Some(ty)
}

/// The element types `kind` accepts, as a message lists them.
pub fn accepted_types(kind: ListAggregateKind) -> &'static str {
    match kind {
        ListAggregateKind::Sum => "`int`, `number`, `percent`, `money` or `duration`",
        ListAggregateKind::Mean => "`int`, `number`, `percent`, `money` or `duration`",
        ListAggregateKind::Min | ListAggregateKind::Max => {
            "`int`, `number`, `percent`, `money`, `date`, `time`, `datetime`, `duration` or an enum"
        }
    }
}

/// The sum of an empty list of values of type `ty` (the result type of a `sum`): `0`,
/// `0%`, `0 €`, `0 days`. `None` for a type `sum` does not apply to.
pub fn zero(ty: &Ty) -> Option<Value> {
    match ty {
        Ty::Int | Ty::Number => Some(Value::Number(Decimal::ZERO)),
        Ty::Percent => Some(Value::Percent(Decimal::ZERO)),
        Ty::Money => Some(Value::Money(Decimal::ZERO)),
        Ty::Duration => Some(Value::Duration(Duration::default())),
        _ => None,
    }
}

/// Computes `kind` over known values of one type [`result_type`] accepts. `zero` is
/// what an empty `sum` gives ([`zero`] of its type; `None` for `min` and `max`, which
/// need none).
pub fn compute<'v>(
    kind: ListAggregateKind,
    zero: Option<&Value>,
    values: impl IntoIterator<Item = &'v Value>,
) -> Result<Value, ListAggregateError> {
    let mut values = values.into_iter();
    let zero = || zero.ok_or(ListAggregateError::Op(OpError::Types));
    match kind {
        ListAggregateKind::Sum => sum(zero()?, values).map(|(total, _)| total),
        ListAggregateKind::Mean => {
            let (total, count) = sum(zero()?, values)?;
            if count == 0 {
                return Err(ListAggregateError::Empty);
            }
            mean(&total, count)
        }
        ListAggregateKind::Min | ListAggregateKind::Max => {
            let mut best = values.next().ok_or(ListAggregateError::Empty)?;
            for value in values {
                let order = value
                    .compare(best)
                    .ok_or(ListAggregateError::Op(OpError::Types))?;
                let better = match kind {
                    ListAggregateKind::Min => order.is_lt(),
                    _ => order.is_gt(),
                };
                if better {
                    best = value;
                }
            }
            Ok(best.clone())
        }
    }
}

/// The total of the values and how many there are.
fn sum<'v>(
    zero: &Value,
    values: impl Iterator<Item = &'v Value>,
) -> Result<(Value, u64), ListAggregateError> {
    let mut total = zero.clone();
    let mut count: u64 = 0;
    for value in values {
        total = ops::arith(ArithOp::Add, &total, value).map_err(ListAggregateError::Op)?;
        count = count.saturating_add(1);
    }
    Ok((total, count))
}

/// The total divided by the count, rounded as `/` is. A duration's months, days and
/// seconds are averaged apart, each rounded to a whole number, half to even.
fn mean(total: &Value, count: u64) -> Result<Value, ListAggregateError> {
    let count = Decimal::from(count);
    if let Value::Duration(total) = total {
        let part = |amount: i64| -> Result<i64, ListAggregateError> {
            let quotient = Decimal::from(amount)
                .checked_div(count)
                .ok_or(ListAggregateError::Op(OpError::Overflow))?
                .round_dp_with_strategy(0, RoundingStrategy::MidpointNearestEven);
            i64::try_from(quotient).map_err(|_| ListAggregateError::Op(OpError::Overflow))
        };
        return Ok(Value::Duration(Duration {
            months: part(total.months)?,
            days: part(total.days)?,
            seconds: part(total.seconds)?,
        }));
    }
    ops::arith(ArithOp::Div, total, &Value::Number(count)).map_err(ListAggregateError::Op)
}

/// `share(x in xs: p, w)`: the weights of the elements for which `p` holds, in percent
/// of the weights of all the elements (each weight 1 without `w`). `None` when the total
/// is zero (an empty list, or weights that sum to nothing): a share of nothing has no
/// value. Weights are numbers or amounts; any other value gives `None`.
pub fn share<'v>(elements: impl IntoIterator<Item = (bool, &'v Value)>) -> Option<Value> {
    let (mut holding, mut total) = (Decimal::ZERO, Decimal::ZERO);
    for (holds, weight) in elements {
        let (Value::Number(weight) | Value::Money(weight)) = weight else {
            return None;
        };
        total = total.checked_add(*weight)?;
        if holds {
            holding = holding.checked_add(*weight)?;
        }
    }
    if total.is_zero() {
        return None;
    }
    let percent = holding
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(total)?;
    Some(Value::Percent(percent.normalize()))
}

/// The weight of an element of a `share` without `w`.
pub const SHARE_UNIT_WEIGHT: Value = Value::Number(Decimal::ONE);

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    fn numbers(values: &[Decimal]) -> Vec<Value> {
        values.iter().map(|n| Value::Number(*n)).collect()
    }

    #[test]
    fn an_empty_sum_is_zero_and_an_empty_mean_has_no_value() {
        let zero = Value::Money(Decimal::ZERO);
        assert_eq!(
            compute(ListAggregateKind::Sum, Some(&zero), &[]),
            Ok(zero.clone())
        );
        for kind in [
            ListAggregateKind::Mean,
            ListAggregateKind::Min,
            ListAggregateKind::Max,
        ] {
            assert_eq!(
                compute(kind, Some(&zero), &[]),
                Err(ListAggregateError::Empty),
                "{kind:?}"
            );
        }
    }

    #[test]
    fn a_mean_is_exact_and_rounded_as_a_quotient() {
        let zero = Value::Number(Decimal::ZERO);
        let values = numbers(&[dec!(1), dec!(1), dec!(2)]);
        assert_eq!(
            compute(ListAggregateKind::Mean, Some(&zero), &values),
            Ok(Value::Number(dec!(1.3333333333333333333333333333)))
        );
        let values = numbers(&[dec!(0.1), dec!(0.2)]);
        assert_eq!(
            compute(ListAggregateKind::Mean, Some(&zero), &values),
            Ok(Value::Number(dec!(0.15)))
        );
    }

    #[test]
    fn a_mean_of_durations_rounds_each_part_half_to_even() {
        let zero = Value::Duration(Duration::default());
        let values = [
            Value::Duration(Duration::new(1, 3)),
            Value::Duration(Duration::new(2, 4)),
        ];
        assert_eq!(
            compute(ListAggregateKind::Mean, Some(&zero), &values),
            Ok(Value::Duration(Duration::new(2, 4)))
        );
    }

    #[test]
    fn a_mean_of_hours_keeps_its_time() {
        let zero = Value::Duration(Duration::default());
        let values = [
            Value::Duration(Duration::of_seconds(4 * 3600)),
            Value::Duration(Duration::of_seconds(5 * 3600)),
        ];
        assert_eq!(
            compute(ListAggregateKind::Mean, Some(&zero), &values),
            Ok(Value::Duration(Duration::of_seconds(4 * 3600 + 1800)))
        );
    }

    #[test]
    fn min_and_max_follow_the_order_of_the_type() {
        let zero = Value::Percent(Decimal::ZERO);
        let values = [
            Value::Percent(dec!(72)),
            Value::Percent(dec!(90)),
            Value::Percent(dec!(65)),
        ];
        assert_eq!(
            compute(ListAggregateKind::Min, Some(&zero), &values),
            Ok(Value::Percent(dec!(65)))
        );
        assert_eq!(
            compute(ListAggregateKind::Max, Some(&zero), &values),
            Ok(Value::Percent(dec!(90)))
        );
    }

    #[test]
    fn types() {
        assert_eq!(
            result_type(ListAggregateKind::Mean, &Ty::Int),
            Some(Ty::Number)
        );
        assert_eq!(result_type(ListAggregateKind::Sum, &Ty::Int), Some(Ty::Int));
        assert_eq!(result_type(ListAggregateKind::Sum, &Ty::Date), None);
        assert_eq!(
            result_type(ListAggregateKind::Max, &Ty::Date),
            Some(Ty::Date)
        );
        assert_eq!(result_type(ListAggregateKind::Mean, &Ty::String), None);
    }
}
