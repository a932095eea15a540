//! A vendor's descriptor as loaded against the schema: typed values at field indexes,
//! where each value was written, and what was wrong with the data.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, OnceLock};

use clausier_check::types::Schema;
use clausier_check::value::Record;
use clausier_diagnostics::{Code, Diagnostic, FileId, Lang, Message, Severity, Span};
use serde::{Serialize, Serializer};

use crate::evidence::Evidence;
use crate::load::ValueSpans;

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
/// A descriptor read by the fast path (taken for well-formed JSON) keeps only the byte
/// range of each value and its text; lines and columns are counted the first time a
/// location is asked for: only descriptors whose explanations quote their values pay
/// for it, and none is read twice. A JSON descriptor the fast path left to the located
/// path (most have problems, and an invalid descriptor is never explained) keeps its text
/// to be read again with positions if a location is ever asked for.
#[derive(Clone, Default)]
pub struct Locations {
    inner: Inner,
}

#[derive(Clone)]
enum Inner {
    Known(LocationMap),
    Deferred(Arc<Deferred>),
    Reread(Arc<Reread>),
}

impl Default for Inner {
    fn default() -> Self {
        Inner::Known(LocationMap::new())
    }
}

/// The text of one descriptor and where it is in its file, to count the lines and
/// columns of its values, or to read it again with positions.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct SourceText {
    /// The whole of a JSON file, or one NDJSON line without its line break.
    pub(crate) text: Arc<str>,
    /// Where `text` starts in the file.
    pub(crate) byte_offset: usize,
    /// The line `range` starts on, 1-based.
    pub(crate) line_number: u32,
    pub(crate) kind: SourceKind,
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
    /// The byte range of each value in `source.text`, recorded by the fast path; each
    /// path is there once.
    spans: ValueSpans,
    /// The location of each of `spans`, in the same order.
    resolved: OnceLock<Vec<Loc>>,
}

impl Deferred {
    fn locs(&self) -> &[Loc] {
        self.resolved
            .get_or_init(|| crate::load::locate_spans(&self.source, &self.spans))
    }

    /// A descriptor has a few dozen values and an explanation asks for a few of them: a
    /// scan costs less than building a map.
    fn get(&self, path: &[PathStep]) -> Option<Loc> {
        self.spans
            .iter()
            .zip(self.locs())
            .filter(|((recorded, _), _)| *recorded == path)
            .map(|(_, loc)| *loc)
            .last()
    }

    fn to_map(&self) -> LocationMap {
        self.spans
            .iter()
            .zip(self.locs())
            .map(|((path, _), loc)| (path.into(), *loc))
            .collect()
    }
}

/// A descriptor the located path read without locating its values.
struct Reread {
    source: SourceText,
    /// The schema the descriptor was read against, when the loader kept it; else the
    /// reader of the locations gives it (`get_with`).
    schema: Option<Arc<Schema>>,
    resolved: OnceLock<LocationMap>,
}

impl Reread {
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
    /// The locations of a descriptor the located path read without locating its values,
    /// found by reading `source` again when first asked for.
    pub(crate) fn reread(source: SourceText, schema: Option<Arc<Schema>>) -> Self {
        Self {
            inner: Inner::Reread(Arc::new(Reread {
                source,
                schema,
                resolved: OnceLock::new(),
            })),
        }
    }

    /// The locations of a descriptor the fast path read: the byte range of each value in
    /// `source`, whose lines and columns are counted when first asked for.
    pub(crate) fn deferred(source: SourceText, spans: ValueSpans) -> Self {
        Self {
            inner: Inner::Deferred(Arc::new(Deferred {
                source,
                spans,
                resolved: OnceLock::new(),
            })),
        }
    }

    pub fn insert(&mut self, path: &[PathStep], loc: Loc) {
        if !matches!(self.inner, Inner::Known(_)) {
            self.inner = Inner::Known(self.map(None).into_owned());
        }
        if let Inner::Known(map) = &mut self.inner {
            map.insert(path.into(), loc);
        }
    }

    /// The location of the value at `path`. A descriptor to be read again is read with
    /// the schema the loader kept (`load_text` keeps it; `load_ndjson_line` does not: use
    /// `get_with`).
    pub fn get(&self, path: &[PathStep]) -> Option<Loc> {
        self.get_in(None, path)
    }

    /// As `get`, reading a descriptor again with `schema` (the one it was loaded with)
    /// when the loader did not keep it.
    pub fn get_with(&self, schema: &Schema, path: &[PathStep]) -> Option<Loc> {
        self.get_in(Some(schema), path)
    }

    fn get_in(&self, schema: Option<&Schema>, path: &[PathStep]) -> Option<Loc> {
        match &self.inner {
            Inner::Known(map) => map.get(path).copied(),
            Inner::Deferred(deferred) => deferred.get(path),
            Inner::Reread(reread) => reread.resolve(schema)?.get(path).copied(),
        }
    }

    /// Whether the locations are still to be found: nothing asked for one yet, and the
    /// descriptor was read without lines and columns.
    pub fn is_deferred(&self) -> bool {
        match &self.inner {
            Inner::Known(_) => false,
            Inner::Deferred(deferred) => deferred.resolved.get().is_none(),
            Inner::Reread(reread) => reread.resolved.get().is_none(),
        }
    }

    /// Every location, found if they are still to be found (and the schema was kept).
    pub(crate) fn into_map(self) -> LocationMap {
        match self.inner {
            Inner::Known(map) => map,
            _ => self.map(None).into_owned(),
        }
    }

    pub fn len(&self) -> usize {
        self.map(None).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn map(&self, schema: Option<&Schema>) -> Cow<'_, LocationMap> {
        match &self.inner {
            Inner::Known(map) => Cow::Borrowed(map),
            Inner::Deferred(deferred) => Cow::Owned(deferred.to_map()),
            Inner::Reread(reread) => match reread.resolve(schema) {
                Some(map) => Cow::Borrowed(map),
                None => Cow::Owned(LocationMap::new()),
            },
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
            (Inner::Reread(left), Inner::Reread(right))
                if left.source.same_place(&right.source) =>
            {
                true
            }
            _ => self.map(None) == other.map(None),
        }
    }
}

impl Eq for Locations {}

impl fmt::Debug for Locations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.inner {
            Inner::Known(map) => f.debug_tuple("Locations").field(map).finish(),
            Inner::Deferred(deferred) => match deferred.resolved.get() {
                Some(_) => f
                    .debug_tuple("Locations")
                    .field(&deferred.to_map())
                    .finish(),
                None => f
                    .debug_struct("DeferredLocations")
                    .field("kind", &deferred.source.kind)
                    .field("line", &deferred.source.line_number)
                    .field("byte_offset", &deferred.source.byte_offset)
                    .finish(),
            },
            Inner::Reread(reread) => match reread.resolved.get() {
                Some(map) => f.debug_tuple("Locations").field(map).finish(),
                None => f
                    .debug_struct("DeferredLocations")
                    .field("kind", &reread.source.kind)
                    .field("line", &reread.source.line_number)
                    .field("byte_offset", &reread.source.byte_offset)
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
    /// Put into a language by whoever shows it; serialised in English, as the machine
    /// formats give it.
    #[serde(serialize_with = "in_english")]
    pub message: Message,
    /// The path of the value, as `subprocessors[1].region`; empty for the whole file.
    pub path: String,
    pub loc: Option<Loc>,
    /// Advice: a "did you mean", the values allowed, the form expected.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "optional_in_english"
    )]
    pub help: Option<Message>,
}

fn in_english<S: Serializer>(message: &Message, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&message.text(Lang::En))
}

fn optional_in_english<S: Serializer>(
    message: &Option<Message>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match message {
        Some(message) => in_english(message, serializer),
        None => serializer.serialize_none(),
    }
}

impl DataProblem {
    /// A problem with its code's default severity and no help.
    pub fn new(code: Code, message: impl Into<Message>, path: String, loc: Option<Loc>) -> Self {
        Self {
            code,
            severity: code.default_severity(),
            message: message.into(),
            path,
            loc,
            help: None,
        }
    }

    #[must_use]
    pub fn with_help(mut self, help: impl Into<Message>) -> Self {
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
            (_, Some(loc)) => diagnostic.with_note(
                Message::new("data-at-line-column")
                    .with("line", loc.line.to_string())
                    .with("column", loc.column.to_string()),
            ),
            (_, None) => diagnostic,
        };
        match &self.help {
            Some(help) => diagnostic.with_help(help.clone()),
            None => diagnostic,
        }
    }

    /// What the caret under the value says: the value's path, unless the message gives it.
    fn label(&self) -> Message {
        if self.path.is_empty() || self.message.text(Lang::En).contains(&self.path) {
            Message::default()
        } else {
            Message::new("data-at-path").with("path", self.path.clone())
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
    /// The ids of the lots the offer bids for (its top-level `lots` key), in the order
    /// the pack declares them, each once; empty for a pack without lots and for an
    /// invalid descriptor that names none.
    pub lots: Vec<String>,
    pub locations: Locations,
    pub problems: Vec<DataProblem>,
    /// Where its values come from and until when they hold, for the values written in
    /// the `$`-keyed form that say so; in the order of the file.
    pub evidence: Vec<Evidence>,
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
