//! The evaluation layer: compiles a checked pack to a resolved form, evaluates it on
//! descriptors (read by `clausier_data`) with Kleene's three-valued logic, explains
//! failures, and scores and ranks the eligible offers.
//!
//! ```text
//! CheckedPack ──compile──▶ Program ──run(descriptors, date, jobs)──▶ Report
//! ```

mod claim;
mod compile;
mod diagnose;
pub mod diagnosis;
mod eval;
mod expiry;
mod explain;
mod lots;
pub mod pack_tests;
pub mod print;
mod program;
mod reason;
// The yardstick of the property tests, not part of the library: only the tests build it.
#[cfg(feature = "reference-interpreter")]
pub mod reference;
pub mod report;
mod review;
mod run;
mod run_warnings;
mod score;
pub mod stream;

pub use compile::compile;
pub use diagnose::diagnose;
pub use program::{ClauseExpr, EvalContext, Program};
pub use run::{ReviewDecision, RunOptions, run};
