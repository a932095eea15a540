//! A vendor's descriptor as loaded against the schema: typed values at field indexes,
//! where each value was written, and what was wrong with the data.

use std::collections::HashMap;
use std::sync::Arc;

use clausier_check::value::Record;
use clausier_diagnostics::{Code, Severity, Span};
use serde::Serialize;

/// Where a value was written in its descriptor file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Loc {
    /// Byte offsets in the whole file (an NDJSON or CSV file holds many descriptors).
    #[serde(skip)]
    pub span: Span,
    /// 1-based.
    pub line: u32,
    /// 1-based, in characters.
    pub column: u32,
}

/// One step from the descriptor's root to a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PathStep {
    /// A field, by its index in the record's definition.
    Field(u32),
    /// An element of a list or set.
    Index(u32),
}

/// The location of every value the loader stored, by its path from the root.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Locations {
    map: HashMap<Box<[PathStep]>, Loc>,
}

impl Locations {
    pub fn insert(&mut self, path: &[PathStep], loc: Loc) {
        self.map.insert(path.into(), loc);
    }

    pub fn get(&self, path: &[PathStep]) -> Option<Loc> {
        self.map.get(path).copied()
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// Something wrong with a descriptor's data. An error makes the descriptor `invalid`; a
/// warning (an undeclared field under `--strict`) does not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DataProblem {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    /// The path of the value, as `subprocessors[1].region`; empty for the whole file.
    pub path: String,
    pub loc: Option<Loc>,
    /// Advice: a "did you mean", the values allowed, the form expected.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl DataProblem {
    /// A problem with its code's default severity and no help.
    pub fn new(code: Code, message: String, path: String, loc: Option<Loc>) -> Self {
        Self {
            code,
            severity: code.default_severity(),
            message,
            path,
            loc,
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Descriptor {
    /// The data's top-level `id` string, else the file stem (NDJSON and CSV: `stem:line`).
    pub id: String,
    /// The file as named on the command line or found in a folder (`-` is `<stdin>`).
    pub source: String,
    /// The line of the record in NDJSON and CSV sources.
    pub line: Option<u32>,
    /// `None` when nothing could be read.
    pub root: Option<Arc<Record>>,
    pub locations: Locations,
    pub problems: Vec<DataProblem>,
}

impl Descriptor {
    pub fn is_invalid(&self) -> bool {
        self.root.is_none()
            || self
                .problems
                .iter()
                .any(|problem| problem.severity == Severity::Error)
    }
}
