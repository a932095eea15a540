//! The values a numeric descriptor field admits: `where >= 0.01 €`, and the bounds every
//! amount and percent has unless its field says otherwise (amounts are not negative,
//! percents lie between 0% and 100%), so that no vendor value can bend a ranking.

use std::fmt;

use clausier_diagnostics::{Code, Diagnostic, FileId, Message};
use clausier_syntax::ast::{CompareOp, FieldBound, LiteralKind};
use rust_decimal::Decimal;

use crate::Checker;
use crate::types::Ty;
use crate::value::Value;

/// One end of a range: a value, included or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Bound {
    /// In the unit of the field's values: euros, percent (`75%` is 75), a number.
    pub value: Decimal,
    pub inclusive: bool,
}

/// The range of a field's values. A side left `None` is unbounded; [`FieldBounds::of`]
/// fills the sides a declaration leaves out with the type's own bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct FieldBounds {
    pub lower: Option<Bound>,
    pub upper: Option<Bound>,
}

const fn at_least(value: Decimal) -> Option<Bound> {
    Some(Bound {
        value,
        inclusive: true,
    })
}

impl FieldBounds {
    /// The bounds of a type without `where`: amounts are at least 0 €, percents lie
    /// between 0% and 100%, other values are unbounded.
    pub fn default_for(ty: &Ty) -> Self {
        match ty {
            Ty::Money => Self {
                lower: at_least(Decimal::ZERO),
                upper: None,
            },
            Ty::Percent => Self {
                lower: at_least(Decimal::ZERO),
                upper: at_least(Decimal::ONE_HUNDRED),
            },
            _ => Self::default(),
        }
    }

    /// The bounds in force for a field of type `ty` declared with `declared`: each side
    /// the declaration gives replaces the type's default on that side.
    pub fn of(declared: &Self, ty: &Ty) -> Self {
        let default = Self::default_for(ty);
        Self {
            lower: declared.lower.or(default.lower),
            upper: declared.upper.or(default.upper),
        }
    }

    pub fn is_unbounded(&self) -> bool {
        self.lower.is_none() && self.upper.is_none()
    }

    /// Whether a value lies within the bounds; values that are not numbers always do.
    pub fn admits(&self, value: &Value) -> bool {
        let (Value::Number(x) | Value::Percent(x) | Value::Money(x)) = value else {
            return true;
        };
        let above = self.lower.is_none_or(|b| {
            if b.inclusive {
                *x >= b.value
            } else {
                *x > b.value
            }
        });
        let below = self.upper.is_none_or(|b| {
            if b.inclusive {
                *x <= b.value
            } else {
                *x < b.value
            }
        });
        above && below
    }

    /// Whether no value can satisfy both sides.
    fn is_empty(&self) -> bool {
        match (self.lower, self.upper) {
            (Some(lower), Some(upper)) => {
                lower.value > upper.value
                    || lower.value == upper.value && !(lower.inclusive && upper.inclusive)
            }
            _ => false,
        }
    }

    /// The range in words, for messages: "at least 0.01 €", "from 0% to 100%", "more
    /// than 0 and at most 12".
    pub fn describe(&self, ty: &Ty) -> String {
        let unit = Unit::of(ty);
        match (self.lower, self.upper) {
            (Some(lower), Some(upper)) if lower.inclusive && upper.inclusive => format!(
                "from {} to {}",
                unit.show(lower.value),
                unit.show(upper.value)
            ),
            (Some(lower), Some(upper)) => format!(
                "{} and {}",
                describe_lower(lower, unit),
                describe_upper(upper, unit)
            ),
            (Some(lower), None) => describe_lower(lower, unit),
            (None, Some(upper)) => describe_upper(upper, unit),
            (None, None) => "any value".to_owned(),
        }
    }

    /// The range in words in the language a diagnostic is shown in: the words of a
    /// vendor's value out of range (`data-range-…`), so both say a range alike.
    pub fn describe_message(&self, ty: &Ty) -> Message {
        let unit = Unit::of(ty);
        let lower = |bound: Bound| {
            let id = if bound.inclusive {
                "data-range-at-least"
            } else {
                "data-range-more-than"
            };
            Message::new(id).with("value", unit.show(bound.value).to_string())
        };
        let upper = |bound: Bound| {
            let id = if bound.inclusive {
                "data-range-at-most"
            } else {
                "data-range-less-than"
            };
            Message::new(id).with("value", unit.show(bound.value).to_string())
        };
        match (self.lower, self.upper) {
            (Some(low), Some(high)) if low.inclusive && high.inclusive => {
                Message::new("data-range-from-to")
                    .with("lower", unit.show(low.value).to_string())
                    .with("upper", unit.show(high.value).to_string())
            }
            (Some(low), Some(high)) => Message::new("data-range-both")
                .with("lower", lower(low))
                .with("upper", upper(high)),
            (Some(low), None) => lower(low),
            (None, Some(high)) => upper(high),
            (None, None) => Message::new("data-range-any"),
        }
    }
}

fn describe_lower(bound: Bound, unit: Unit) -> String {
    let word = if bound.inclusive {
        "at least"
    } else {
        "more than"
    };
    format!("{word} {}", unit.show(bound.value))
}

fn describe_upper(bound: Bound, unit: Unit) -> String {
    let word = if bound.inclusive {
        "at most"
    } else {
        "less than"
    };
    format!("{word} {}", unit.show(bound.value))
}

/// How a bound's value is written back: `0.01 €`, `100%`, `12`.
#[derive(Debug, Clone, Copy)]
pub enum Unit {
    Plain,
    Percent,
    Euro,
}

impl Unit {
    pub fn of(ty: &Ty) -> Self {
        match ty {
            Ty::Percent => Unit::Percent,
            Ty::Money => Unit::Euro,
            _ => Unit::Plain,
        }
    }

    pub fn show(self, value: Decimal) -> Shown {
        Shown { unit: self, value }
    }
}

pub struct Shown {
    unit: Unit,
    value: Decimal,
}

impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.unit {
            Unit::Plain => write!(f, "{}", self.value),
            Unit::Percent => write!(f, "{}%", self.value),
            Unit::Euro => write!(f, "{} €", self.value),
        }
    }
}

/// Whether `ty` has an order that a `where` can bound.
fn boundable(ty: &Ty) -> bool {
    matches!(ty, Ty::Int | Ty::Number | Ty::Percent | Ty::Money)
}

/// The value of a bound's literal when it has the field's type.
fn literal_value(kind: &LiteralKind, ty: &Ty) -> Option<Decimal> {
    match (ty, kind) {
        (Ty::Int | Ty::Number, LiteralKind::Int(value))
        | (Ty::Number, LiteralKind::Number(value))
        | (Ty::Percent, LiteralKind::Percent(value))
        | (Ty::Money, LiteralKind::Money(value)) => Some(*value),
        _ => None,
    }
}

/// How a literal of the field's type is written, for a help.
fn example(ty: &Ty) -> &'static str {
    match ty {
        Ty::Percent => "`>= 50%`",
        Ty::Money => "`>= 0.01 €`",
        Ty::Int => "`>= 1`",
        _ => "`>= 0.5`",
    }
}

impl Checker<'_> {
    /// The bounds a field's `where` declares (the sides it gives, before defaults), each
    /// problem reported: a bound on a type without order, a literal of another type, a
    /// side bounded twice, a range that no value satisfies.
    pub(crate) fn declared_bounds(
        &mut self,
        file: FileId,
        field: &str,
        ty: &Ty,
        bounds: &[FieldBound],
    ) -> FieldBounds {
        let mut declared = FieldBounds::default();
        if bounds.is_empty() || *ty == Ty::Error {
            return declared;
        }
        let type_name = self.ty_name(ty);
        if !boundable(ty) {
            let span = bounds
                .iter()
                .map(|b| b.span)
                .reduce(|a, b| a.cover(b))
                .unwrap_or_default();
            self.report(
                Diagnostic::error(
                    Code::INVALID_BOUND,
                    Message::new("e0311-unordered")
                        .with("field", field)
                        .with("type", &type_name),
                )
                .with_primary(file, span, Message::new("e0311-unordered-label"))
                .with_help(Message::new("e0311-unordered-help")),
            );
            return declared;
        }
        for bound in bounds {
            let Some(value) = literal_value(&bound.value.kind, ty) else {
                self.report(
                    Diagnostic::error(
                        Code::INVALID_BOUND,
                        Message::new("e0311-wrong-type")
                            .with("field", field)
                            .with("type", &type_name),
                    )
                    .with_primary(
                        file,
                        bound.value.span,
                        Message::new("e0311-wrong-type-label").with("type", &type_name),
                    )
                    .with_help(Message::new("e0311-wrong-type-help").with("example", example(ty))),
                );
                continue;
            };
            let (side, inclusive) = match bound.op {
                CompareOp::Ge => (&mut declared.lower, true),
                CompareOp::Gt => (&mut declared.lower, false),
                CompareOp::Le => (&mut declared.upper, true),
                CompareOp::Lt => (&mut declared.upper, false),
                CompareOp::Eq | CompareOp::Ne => continue,
            };
            if side.is_some() {
                let lower = matches!(bound.op, CompareOp::Ge | CompareOp::Gt);
                let (message, label) = if lower {
                    ("e0311-two-lower", "e0311-second-lower")
                } else {
                    ("e0311-two-upper", "e0311-second-upper")
                };
                self.report(
                    Diagnostic::error(
                        Code::INVALID_BOUND,
                        Message::new(message).with("field", field),
                    )
                    .with_primary(file, bound.span, Message::new(label))
                    .with_help(Message::new("e0311-keep-one")),
                );
                continue;
            }
            *side = Some(Bound { value, inclusive });
        }
        let effective = FieldBounds::of(&declared, ty);
        if effective.is_empty() {
            let span = bounds
                .iter()
                .map(|b| b.span)
                .reduce(|a, b| a.cover(b))
                .unwrap_or_default();
            let mut diagnostic = Diagnostic::error(
                Code::INVALID_BOUND,
                Message::new("e0311-empty-range").with("field", field),
            )
            .with_primary(
                file,
                span,
                Message::new("e0311-empty-range-label")
                    .with("range", effective.describe_message(ty)),
            );
            let default = FieldBounds::default_for(ty);
            if declared.upper.is_none() && default.upper.is_some()
                || declared.lower.is_none() && default.lower.is_some()
            {
                diagnostic = diagnostic.with_note(
                    Message::new("e0311-default-note")
                        .with("type", &type_name)
                        .with("range", default.describe_message(ty)),
                );
            }
            self.report(diagnostic.with_help(Message::new("e0311-empty-range-help")));
            return FieldBounds::default();
        }
        declared
    }
}
