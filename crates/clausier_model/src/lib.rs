//! An independent model of Clausier's language, for differential tests of the engine.
//!
//! The model evaluates packs written as trees (it has no parser) with exact rationals
//! ([`number`]), its own calendar ([`calendar`]) and clock ([`clock`]) and Kleene logic written from
//! `docs/language.md`; it shares no code with `clausier_check` or `clausier_eval`. The
//! [`generate`] module draws random packs and offers, [`print`] writes them as a clause
//! file and NDJSON for the engine, [`proof`] draws kinds of proof, [`text`] checks texts,
//! [`review`] reads claims of an
//! equivalent and the buyer's decisions, and [`verdict`] says what the engine's report must
//! hold: every requirement's status, every offer's status, scores, points and ranks.

pub mod ast;
pub mod calendar;
pub mod clock;
pub mod eval;
pub mod generate;
pub mod inventory;
pub mod lots;
pub mod number;
pub mod print;
pub mod proof;
pub mod review;
pub mod text;
pub mod value;
pub mod verdict;
