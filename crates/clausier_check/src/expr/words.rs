//! How the diagnostics of expressions name types, as messages of the catalogue
//! (`diagnostics-types.ftl`), so that they read in the language the reader asked for.

use clausier_diagnostics::Message;

use crate::hir::{TExpr, TExprKind};
use crate::types::{Schema, Ty};
use crate::value::Value;
use crate::wording::{example_literal, literal_in_unit};

/// A type named with its article, for prose: "a `money`", "an `int`".
pub(crate) fn a_ty(name: &str) -> Message {
    let vowel = name
        .chars()
        .next()
        .is_some_and(|c| matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u'));
    Message::new("e03-a-ty")
        .with("vowel", if vowel { "yes" } else { "no" })
        .with("ty", name)
}

/// The label under an operand of the wrong type: "this is an `int`".
pub(crate) fn this_is(name: &str) -> Message {
    Message::new("e03-this-is").with("a_ty", a_ty(name))
}

/// "found no argument", "found 2 arguments", after what a function takes.
pub(crate) fn found_arguments(count: usize) -> Message {
    Message::new("e03-found-arguments").with("count", count)
}

/// "for example `…`", the form to write.
pub(crate) fn for_example(example: &str) -> Message {
    Message::new("e03-for-example").with("example", example)
}

/// "did you mean `x`?", after a name that does not exist.
pub(crate) fn did_you_mean(name: &str) -> Message {
    Message::new("e02-did-you-mean").with("name", name)
}

/// Advice for a value used where a condition is needed.
pub(crate) fn condition_help(schema: &Schema, ty: &Ty) -> Option<Message> {
    let help = match ty {
        Ty::Int
        | Ty::Number
        | Ty::Percent
        | Ty::Money
        | Ty::Date
        | Ty::Time
        | Ty::DateTime
        | Ty::Duration => Message::new("e0301-help-compare-with-threshold")
            .with("example", example_literal(schema, ty)),
        Ty::String => Message::new("e0301-help-compare-with-string"),
        Ty::Enum(_) => Message::new("e0301-help-compare-with-variant")
            .with("example", example_literal(schema, ty)),
        Ty::List(_) | Ty::Set(_) => Message::new("e0301-help-quantify"),
        Ty::Record(_) => Message::new("e0301-help-name-a-field"),
        Ty::Map(..) => Message::new("e0301-help-read-an-entry"),
        Ty::Bool | Ty::Error => return None,
    };
    Some(help)
}

/// A name as written, in backticks: one of a list of alternatives.
pub(crate) fn code(name: &str) -> Message {
    Message::new("syntax-token").with("token", name)
}

pub(crate) use crate::suggest::names_and;

/// Advice for writing `expr` as a value of `target`, when it is a literal in the wrong
/// unit: "write the threshold as a percent: `75%`". `what` is `threshold`, `value`,
/// `number` or `duration`, which the catalogue words in each language.
pub(crate) fn unit_help(schema: &Schema, expr: &TExpr, target: &Ty, what: &str) -> Option<Message> {
    let literal = literal_in_unit(schema, expr, target)?;
    let id = match target {
        Ty::Percent => "e03-write-as-percent",
        Ty::Money => "e03-write-in-euros",
        Ty::Duration => "e03-write-with-unit",
        Ty::Int | Ty::Number => "e03-write-as-number",
        Ty::Date => "e03-write-date-unquoted",
        Ty::Enum(_) => "e03-write-variant-unquoted",
        _ => return None,
    };
    Some(Message::new(id).with("what", what).with("literal", literal))
}

/// Advice for `hosting.region in ["EU", "EEA"]`: the list literal holds the names of
/// variants of `target` as strings.
pub(crate) fn quoted_variants_help(schema: &Schema, list: &TExpr, target: &Ty) -> Option<Message> {
    let (TExprKind::List(items), Ty::Enum(id)) = (&list.kind, target) else {
        return None;
    };
    let def = schema.enum_def(*id)?;
    let names: Option<Vec<&str>> = items
        .iter()
        .map(|item| match &item.kind {
            TExprKind::Const(Value::String(text)) if def.variant_index(text).is_some() => {
                Some(&**text)
            }
            _ => None,
        })
        .collect();
    let names = names.filter(|names| !names.is_empty())?;
    Some(Message::new("e03-write-variants-unquoted").with("variants", names.join(", ")))
}
