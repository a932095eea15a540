//! The syntax layer: the pest grammar (`grammar/clausier.pest`), an error-tolerant
//! parser and the typed syntax tree.
//!
//! Parsing never fails: [`parse`] always returns a tree, with `Error` nodes and located
//! diagnostics where the text could not be understood.

pub mod ast;
pub mod debug;
mod parser;

pub use parser::{MAX_NESTING, Parse, RESERVED_WORDS, parse};
