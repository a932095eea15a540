//! The syntax layer: the pest grammar (`grammar/clausier.pest`), an error-tolerant
//! parser and the typed syntax tree.
//!
//! Parsing never fails: [`parse`] always returns a tree, with `Error` nodes and located
//! diagnostics where the text could not be understood.

pub mod ast;
pub mod debug;
pub mod lexicon;
mod parser;

pub use parser::{MAX_NESTING, Parse, parse};

/// Whether `text` is a name as the grammar reads one (a field, a parameter, a
/// variable): a letter or `_`, then letters, digits and `_`, and not a reserved word.
pub fn is_name(text: &str) -> bool {
    let mut chars = text.chars();
    chars
        .next()
        .is_some_and(|c| c == '_' || unicode_ident::is_xid_start(c))
        && chars.all(unicode_ident::is_xid_continue)
        && !lexicon::is_reserved(text)
}
