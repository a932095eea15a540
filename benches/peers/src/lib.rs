//! Clausier side by side with the policy engines people would otherwise use, on the same
//! ten clauses of an edtech tender and the same generated NDJSON descriptors.
//!
//! Every engine starts from one NDJSON line and gives the ten clauses' outcomes; the
//! outcomes of every engine are compared with Clausier's before anything is timed.

pub mod agreement;
pub mod engines;
pub mod generate;
pub mod measure;
pub mod targets;

use std::fmt;
use std::ops::Add;

/// The clauses, in the order every engine reports them.
pub const CLAUSES: [&str; 10] = [
    "HEB-01", "GAR-01", "EVI-01", "PRX-01", "ACC-01", "SEC-01", "SST-01", "RGPD-01", "REV-01",
    "INT-01",
];

/// A clause's outcome on one descriptor: Clausier's requirement statuses (none of the ten
/// clauses has a `when`, so none is ever not applicable).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Outcome {
    Pass,
    Fail,
    /// The clause's data is absent: Kleene's unknown.
    Missing,
}

impl Outcome {
    /// `"pass"`, `"fail"` or `"missing"`, the strings the Rego, CEL and JSONLogic clauses
    /// give.
    pub fn from_name(name: &str) -> Option<Outcome> {
        match name {
            "pass" => Some(Outcome::Pass),
            "fail" => Some(Outcome::Fail),
            "missing" => Some(Outcome::Missing),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::Fail => "fail",
            Outcome::Missing => "missing",
        }
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The ten outcomes of one descriptor, in the order of [`CLAUSES`].
pub type Outcomes = [Outcome; 10];

/// How many outcomes of each kind a run gave: a cheap sink for the timed loops, and a
/// check that every engine saw the same thing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub descriptors: u64,
    pub pass: u64,
    pub fail: u64,
    pub missing: u64,
}

impl Tally {
    pub fn of(outcomes: &Outcomes) -> Tally {
        let mut tally = Tally {
            descriptors: 1,
            ..Tally::default()
        };
        for outcome in outcomes {
            match outcome {
                Outcome::Pass => tally.pass += 1,
                Outcome::Fail => tally.fail += 1,
                Outcome::Missing => tally.missing += 1,
            }
        }
        tally
    }
}

impl Add for Tally {
    type Output = Tally;

    fn add(self, other: Tally) -> Tally {
        Tally {
            descriptors: self.descriptors + other.descriptors,
            pass: self.pass + other.pass,
            fail: self.fail + other.fail,
            missing: self.missing + other.missing,
        }
    }
}

/// A policy engine as the benchmark drives it: from one NDJSON line to ten outcomes.
pub trait Engine: Sync {
    /// What one thread reuses from one descriptor to the next (a VM, an arena…).
    type Scratch;

    fn name(&self) -> &'static str;

    fn scratch(&self) -> Self::Scratch;

    /// Converts the line as the engine needs it and evaluates the ten clauses.
    fn check(&self, scratch: &mut Self::Scratch, line: &str) -> Result<Outcomes, String>;

    /// False for the floor that only parses: its outcomes mean nothing.
    fn decides(&self) -> bool {
        true
    }
}

/// One descriptor on which an engine and Clausier disagree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    pub engine: &'static str,
    /// 1-based line of the NDJSON text.
    pub line: usize,
    pub clause: &'static str,
    pub clausier: Outcome,
    pub engine_outcome: Option<Outcome>,
    pub error: Option<String>,
}

impl fmt::Display for Disagreement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.error, self.engine_outcome) {
            (Some(error), _) => write!(f, "{}: line {}: error: {error}", self.engine, self.line),
            (None, Some(outcome)) => write!(
                f,
                "{}: line {}: {} is {outcome}, Clausier says {}",
                self.engine, self.line, self.clause, self.clausier
            ),
            (None, None) => write!(f, "{}: line {}: no outcome", self.engine, self.line),
        }
    }
}

/// The NDJSON text's non-blank lines.
pub fn lines(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .collect()
}
