//! Renderers over the one diagnostic model and the one check report model.
//!
//! Every renderer is a pure function from data to text: no I/O, no clock, no terminal
//! detection. The caller decides whether colors are wanted and where the text goes, so
//! that the same input always renders to the same bytes.

pub mod award;
pub mod check;
mod date_origin;
pub mod diagnose;
pub mod diagnostics;
mod docx_page;
mod html_text;
pub mod pack;
mod style;

pub use date_origin::DateOrigin;
