//! How messages name types and suggest literals, so that every diagnostic says it alike.

use rust_decimal::Decimal;

use crate::hir::{TExpr, TExprKind};
use crate::types::{Schema, Ty};
use crate::value::Value;

/// How many fields of an inline record a message spells out before `…`.
const RECORD_FIELDS_SHOWN: usize = 4;

/// A type as a person wrote it: `percent`, `list<Subprocessor>`, `{ compliant: bool }`.
pub fn ty_name(schema: &Schema, ty: &Ty) -> String {
    let mut out = String::new();
    write_ty(schema, ty, 0, &mut out);
    out
}

fn write_ty(schema: &Schema, ty: &Ty, depth: usize, out: &mut String) {
    match ty {
        Ty::List(inner) => {
            out.push_str("list<");
            write_ty(schema, inner, depth, out);
            out.push('>');
        }
        Ty::Set(inner) => {
            out.push_str("set<");
            write_ty(schema, inner, depth, out);
            out.push('>');
        }
        Ty::Record(id) => match schema.record(*id) {
            Some(record) if record.name.is_none() => {
                if depth > 0 {
                    out.push_str("{ … }");
                    return;
                }
                out.push_str("{ ");
                for (i, (name, field)) in record.fields.iter().enumerate() {
                    if i == RECORD_FIELDS_SHOWN {
                        out.push_str(", …");
                        break;
                    }
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(name);
                    out.push_str(": ");
                    write_ty(schema, &field.ty, depth + 1, out);
                }
                out.push_str(" }");
            }
            _ => out.push_str(&ty.display(schema).to_string()),
        },
        _ => out.push_str(&ty.display(schema).to_string()),
    }
}

/// A literal of the type, to show the expected form in a `help`.
pub fn example_literal(schema: &Schema, ty: &Ty) -> String {
    match ty {
        Ty::Bool => "true".to_owned(),
        Ty::Int => "3".to_owned(),
        Ty::Number => "4.5".to_owned(),
        Ty::Percent => "75%".to_owned(),
        Ty::Money => "6.00 €".to_owned(),
        Ty::Date => "2026-12-01".to_owned(),
        Ty::Time => "08:30".to_owned(),
        Ty::DateTime => "2026-12-01T08:30".to_owned(),
        Ty::Duration => "6 months".to_owned(),
        Ty::String => "\"…\"".to_owned(),
        Ty::Enum(id) => schema
            .enum_def(*id)
            .and_then(|def| def.variants.first())
            .map_or_else(|| "…".to_owned(), |v| v.name.clone()),
        Ty::List(inner) | Ty::Set(inner) => format!("[{}]", example_literal(schema, inner)),
        Ty::Map(key, value) => format!(
            "{{ {}: {} }}",
            example_literal(schema, key),
            example_literal(schema, value)
        ),
        Ty::Record(_) | Ty::Error => "…".to_owned(),
    }
}

/// The number a literal operand holds, when it is one (`75`, `75 €`, `75%`, `-3`).
fn literal_amount(expr: &TExpr) -> Option<Decimal> {
    match &expr.kind {
        TExprKind::Const(Value::Number(n) | Value::Percent(n) | Value::Money(n)) => Some(*n),
        TExprKind::Neg(inner) => literal_amount(inner).map(|n| -n),
        _ => None,
    }
}

/// The literal `expr` was probably meant to be, written in the unit of `target`: `75`
/// next to a percent is `75%`. `None` when `expr` is not such a literal.
pub fn literal_in_unit(schema: &Schema, expr: &TExpr, target: &Ty) -> Option<String> {
    if let (TExprKind::Const(Value::String(text)), Ty::Enum(id)) = (&expr.kind, target) {
        let def = schema.enum_def(*id)?;
        return def.variant_index(text).map(|_| text.to_string());
    }
    if let (TExprKind::Const(Value::String(text)), Ty::Date) = (&expr.kind, target) {
        return text
            .parse::<jiff::civil::Date>()
            .ok()
            .map(|d| d.to_string());
    }
    let amount = literal_amount(expr)?;
    match target {
        // `0.8` next to a percent is a fraction: `80%`.
        Ty::Percent if expr.ty == Ty::Number && amount.abs() <= Decimal::ONE => {
            Some(format!("{}%", (amount * Decimal::ONE_HUNDRED).normalize()))
        }
        Ty::Percent if expr.ty != Ty::Percent => Some(format!("{amount}%")),
        Ty::Money if expr.ty != Ty::Money => Some(format!("{amount} €")),
        Ty::Duration if expr.ty.is_numeric() && amount.fract().is_zero() => {
            Some(format!("{amount} days"))
        }
        Ty::Int | Ty::Number if expr.ty != Ty::Number && expr.ty != Ty::Int => {
            Some(amount.to_string())
        }
        _ => None,
    }
}
