//! A vendor's descriptor as loaded against the schema: typed values at field indexes,
//! where each value was written, and what was wrong with the data.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, OnceLock};

use clausier_check::types::Schema;
use clausier_check::value::Record;
use clausier_diagnostics::{Code, Diagnostic, FileId, Severity, Span};
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

pub(crate) type LocationMap = HashMap<Box<[PathStep]>, Loc>;

/// The location of every value the loader stored, by its path from the root.
///
/// A descriptor read without positions (the fast path, which is taken for well-formed
/// JSON) keeps instead what it takes to read it again with positions, which is done the
/// first time a location is asked for: only descriptors whose explanations quote their
/// values pay for it.
#[derive(Clone, Default)]
pub struct Locations {
    inner: Inner,
}

#[derive(Clone)]
enum Inner {
    Known(LocationMap),
    Deferred(Arc<Deferred>),
}

impl Default for Inner {
    fn default() -> Self {
        Inner::Known(LocationMap::new())
    }
}

/// The text of one descriptor and where it is in its file, to read it again.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct SourceText {
    /// The whole of a JSON file, or one NDJSON line without its line break.
    pub(crate) text: Arc<str>,
    /// Where `text` starts in the file.
    pub(crate) byte_offset: usize,
    /// The line `range` starts on, 1-based.
    pub(crate) line_number: u32,
    pub(crate) kind: SourceKind,
    /// Whether the fast path read it, and can then find its locations again.
    pub(crate) read_fast: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SourceKind {
    JsonFile,
    NdjsonLine,
}

impl SourceText {
    /// Equal texts at the same place give the same locations.
    fn same_place(&self, other: &SourceText) -> bool {
        self.kind == other.kind
            && self.byte_offset == other.byte_offset
            && self.line_number == other.line_number
            && self.text == other.text
    }
}

struct Deferred {
    source: SourceText,
    /// The schema the descriptor was read against, when the loader could share it; else
    /// the reader of the locations gives it (`get_with`).
    schema: Option<Arc<Schema>>,
    resolved: OnceLock<LocationMap>,
}

impl Deferred {
    fn resolve(&self, schema: Option<&Schema>) -> Option<&LocationMap> {
        if let Some(map) = self.resolved.get() {
            return Some(map);
        }
        let schema = self.schema.as_deref().or(schema)?;
        Some(
            self.resolved
                .get_or_init(|| crate::load::reread_locations(schema, &self.source)),
        )
    }
}

impl Locations {
    /// The locations of a descriptor read without positions, found again from `source`
    /// when first asked for.
    pub(crate) fn deferred(source: SourceText, schema: Option<Arc<Schema>>) -> Self {
        Self {
            inner: Inner::Deferred(Arc::new(Deferred {
                source,
                schema,
                resolved: OnceLock::new(),
            })),
        }
    }

    pub fn insert(&mut self, path: &[PathStep], loc: Loc) {
        if let Inner::Deferred(deferred) = &self.inner {
            let known = deferred.resolve(None).cloned().unwrap_or_default();
            self.inner = Inner::Known(known);
        }
        if let Inner::Known(map) = &mut self.inner {
            map.insert(path.into(), loc);
        }
    }

    /// The location of the value at `path`. Locations still to be found are found with
    /// the schema the descriptor was loaded with, when the loader kept it (`load_text`
    /// does; `load_ndjson_line` does not: use `get_with`).
    pub fn get(&self, path: &[PathStep]) -> Option<Loc> {
        self.map(None)?.get(path).copied()
    }

    /// As `get`, finding the locations still to be found with `schema` (the one the
    /// descriptor was loaded with) when the loader did not keep it.
    pub fn get_with(&self, schema: &Schema, path: &[PathStep]) -> Option<Loc> {
        self.map(Some(schema))?.get(path).copied()
    }

    /// Whether the locations are still to be found: the descriptor was read without
    /// positions.
    pub fn is_deferred(&self) -> bool {
        matches!(&self.inner, Inner::Deferred(deferred) if deferred.resolved.get().is_none())
    }

    /// Every location, found if they are still to be found (and the schema was kept).
    pub(crate) fn into_map(self) -> LocationMap {
        match self.inner {
            Inner::Known(map) => map,
            Inner::Deferred(deferred) => deferred.resolve(None).cloned().unwrap_or_default(),
        }
    }

    pub fn len(&self) -> usize {
        self.map(None).map_or(0, HashMap::len)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn map(&self, schema: Option<&Schema>) -> Option<&LocationMap> {
        match &self.inner {
            Inner::Known(map) => Some(map),
            Inner::Deferred(deferred) => deferred.resolve(schema),
        }
    }
}

impl PartialEq for Locations {
    fn eq(&self, other: &Self) -> bool {
        match (&self.inner, &other.inner) {
            (Inner::Deferred(left), Inner::Deferred(right))
                if left.source.same_place(&right.source) =>
            {
                true
            }
            _ => match (self.map(None), other.map(None)) {
                (Some(left), Some(right)) => left == right,
                _ => false,
            },
        }
    }
}

impl Eq for Locations {}

impl fmt::Debug for Locations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.inner {
            Inner::Known(map) => f.debug_tuple("Locations").field(map).finish(),
            Inner::Deferred(deferred) => match deferred.resolved.get() {
                Some(map) => f.debug_tuple("Locations").field(map).finish(),
                None => f
                    .debug_struct("DeferredLocations")
                    .field("kind", &deferred.source.kind)
                    .field("line", &deferred.source.line_number)
                    .field("byte_offset", &deferred.source.byte_offset)
                    .finish(),
            },
        }
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

    /// The problem as a diagnostic. `text` is where the vendor's text was registered: its
    /// file, and the byte of the descriptor's file it starts at (0 for the whole file, the
    /// start of the record for an excerpt); the primary label is on the value there.
    /// Without the text (a file that could not be read, a line that is not UTF-8), a
    /// located problem says its line and column in a note.
    pub fn to_diagnostic(&self, text: Option<(FileId, u32)>) -> Diagnostic {
        let diagnostic = Diagnostic::new(self.code, self.severity, self.message.clone());
        let diagnostic = match (text, self.loc) {
            (Some((file, start)), Some(loc)) if loc.span.start >= start => {
                let span = Span::new(loc.span.start - start, loc.span.end - start);
                diagnostic.with_primary(file, span, self.label())
            }
            (_, Some(loc)) => {
                diagnostic.with_note(format!("at line {}, column {}", loc.line, loc.column))
            }
            (_, None) => diagnostic,
        };
        match &self.help {
            Some(help) => diagnostic.with_help(help.clone()),
            None => diagnostic,
        }
    }

    /// What the caret under the value says: the value's path, unless the message gives it.
    fn label(&self) -> String {
        if self.path.is_empty() || self.message.contains(&self.path) {
            String::new()
        } else {
            format!("at `{}`", self.path)
        }
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
