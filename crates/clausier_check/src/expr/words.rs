//! How the diagnostics of expressions name types, as messages of the catalogue
//! (`diagnostics-types.ftl`), so that they read in the language the reader asked for.

use clausier_diagnostics::Message;

use crate::types::{Schema, Ty};
use crate::wording::example_literal;

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
