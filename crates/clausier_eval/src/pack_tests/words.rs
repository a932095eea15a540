//! What a test found and why a test could not run, kept as data: the human report puts
//! them into the reader's language, JUnit and the test's `actual` keep the words of the
//! clause language (`ineligible`, `not_applicable`), which CI tools compare.

use std::fmt;

use clausier_data::load::Format;
use clausier_diagnostics::{Lang, Message};
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use crate::report::{DescriptorStatus, RequirementStatus};

/// What the check concluded on the point an `expect` line is about.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Found {
    /// The offer's status.
    Status(DescriptorStatus),
    /// The outcome of the requirement the line names.
    Requirement(RequirementStatus),
    /// The offer's data is invalid: no requirement was checked.
    #[default]
    NotChecked,
    /// The offer's result holds no requirement of that id.
    NoRequirement(String),
    /// The offer's score, normalised.
    Score(Decimal),
    /// No score, since the pack has no criteria.
    NoCriteria,
    /// No score, since the offer has this status.
    NoScore(DescriptorStatus),
}

/// In the clause language's words: `ineligible`, `pass`, `score 82.5`.
impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Found::Status(status) => f.write_str(status.as_str()),
            Found::Requirement(status) => f.write_str(status.as_str()),
            Found::NotChecked => f.write_str("not checked: the data is invalid"),
            Found::NoRequirement(id) => write!(f, "no requirement `{id}`"),
            Found::Score(score) => write!(f, "score {score}"),
            Found::NoCriteria => f.write_str("no score: the pack has no criteria"),
            Found::NoScore(status) => write!(f, "no score: the offer is {}", status.as_str()),
        }
    }
}

/// Why a test could not be run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TestProblem {
    /// The test has no `given` line.
    NoGiven,
    /// `given "PATH"` names a file whose extension is no descriptor format's.
    NotADescriptorFile { path: String },
    /// The file named holds no descriptor.
    NoDescriptor { name: String },
    /// The file named holds several descriptors.
    SeveralDescriptors { name: String, count: usize },
    /// Checking the descriptor gave no result.
    NoResult,
}

impl TestProblem {
    /// The problem as a message of the catalogue.
    pub fn message(&self) -> Message {
        match self {
            TestProblem::NoGiven => Message::new("test-problem-no-given"),
            TestProblem::NotADescriptorFile { path } => {
                let extensions: Vec<Message> = Format::EXTENSIONS
                    .iter()
                    .map(|(extension, _)| Message::from(format!("`.{extension}`")))
                    .collect();
                Message::new("test-problem-not-a-descriptor-file")
                    .with("path", path)
                    .with("extensions", extensions)
            }
            TestProblem::NoDescriptor { name } => {
                Message::new("test-problem-no-descriptor").with("name", name)
            }
            TestProblem::SeveralDescriptors { name, count } => {
                Message::new("test-problem-several-descriptors")
                    .with("name", name)
                    .with("count", *count)
            }
            TestProblem::NoResult => Message::new("test-problem-no-result"),
        }
    }
}

/// In English, as JUnit and the serialised report give it.
impl fmt::Display for TestProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().text(Lang::En))
    }
}

impl Serialize for TestProblem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
