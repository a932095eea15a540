//! The words Clausier says to people, in French and in English.
//!
//! Every sentence a drafter or a buyer reads outside the clause files lives in Project
//! Fluent message files, one folder per language (`locales/fr`, `locales/en`), never in
//! code: a translator edits them without reading Rust, and a test fails when a message
//! exists in one language only or when the two take different arguments.
//!
//! French comes first: drafters and buyers work in French, so French is the language when
//! neither the command line, the pack nor the environment says otherwise.

mod catalog;
mod lang;

pub use catalog::{Args, Resource, resources, text, text_with};
pub use fluent_bundle::FluentValue;
pub use lang::Lang;

/// A message of the catalogue in a language, with its arguments:
/// `t!(lang, "cli-lang-unknown", value = code)`.
#[macro_export]
macro_rules! t {
    ($lang:expr, $id:literal $(,)?) => {
        $crate::text($lang, $id)
    };
    ($lang:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::text_with(
            $lang,
            $id,
            &$crate::Args::new()$(.with(stringify!($name), $value))+,
        )
    };
}
