//! The checker: builds the schema from `enum`, `type` and `descriptor` items, resolves
//! every name, types every expression, and reports what a drafter must know (errors
//! with a "did you mean", and lints).

pub mod hir;
pub mod types;
pub mod value;
