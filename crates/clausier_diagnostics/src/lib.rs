//! The bottom layer of Clausier: where text lives (files, spans, line indexes) and what
//! is said about it (diagnostics, their codes and long explanations).
//!
//! Nothing here knows about terminals, JSON or the language server protocol: renderers
//! live in `clausier_report` and `clausier_lsp`.

mod codes;
mod diagnostic;
mod files;
mod line_index;
mod message;
mod quote;
mod span;
pub mod stack;

pub use codes::{Code, CodeInfo, all_codes, lookup_code};
pub use diagnostic::{Diagnostic, Fix, Label, Severity};
pub use files::{FileId, SourceFile, SourceMap};
pub use line_index::{LineCol, LineIndex};
pub use message::{Arg, Message};
// Every reader of a diagnostic renders it in a language: one import for both.
pub use clausier_i18n::Lang;
pub use quote::{QUOTED_CHARS, quoted};
pub use span::Span;
