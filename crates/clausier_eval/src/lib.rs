//! The evaluation layer: loads descriptors against a checked pack's schema, compiles
//! the pack to a resolved form, evaluates it with Kleene's three-valued logic, explains
//! failures, and scores and ranks the eligible offers.

pub mod descriptor;
pub mod report;
