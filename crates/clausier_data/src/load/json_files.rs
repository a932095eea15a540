//! JSON files and NDJSON lines: the fast path first, which records each value's byte
//! range; the located path when the fast path gives up, and again later for the
//! locations of a descriptor it read, when an explanation asks for them.

use std::sync::{Arc, OnceLock};

use clausier_check::types::Schema;
use clausier_diagnostics::{Message, Span};
use rayon::prelude::*;

use super::fast_json::ValueSpans;
use super::text_index::TextIndex;
use super::{LoadOptions, Loader, fast_json, file_stem, json_shape, json_source, without_bom};
use crate::descriptor::{Descriptor, Loc, LocationMap, Locations, SourceKind, SourceText};

/// Below this many lines, an NDJSON text is read on the calling thread.
const PARALLEL_LINES: usize = 64;

/// What every descriptor of one input shares.
#[derive(Default)]
pub(super) struct Shared<'s> {
    /// The schema to keep with the descriptors the located path reads, so that their
    /// locations can be found without being given it; `None` when it is not kept.
    schema: Option<&'s Schema>,
    /// Its copy, made for the first such descriptor only: most inputs have none, and a
    /// schema is costly to copy for each call.
    kept: OnceLock<Arc<Schema>>,
}

impl<'s> Shared<'s> {
    pub(super) fn keeping(schema: &'s Schema) -> Self {
        Self {
            schema: Some(schema),
            kept: OnceLock::new(),
        }
    }

    fn kept_schema(&self) -> Option<Arc<Schema>> {
        let schema = self.schema?;
        Some(Arc::clone(
            self.kept.get_or_init(|| Arc::new(schema.clone())),
        ))
    }
}

pub(super) fn json_file(
    schema: &Schema,
    source: &str,
    text: &str,
    options: &LoadOptions,
    shared: &Shared<'_>,
) -> Descriptor {
    let (body, _) = without_bom(text);
    let located = SourceText {
        text: Arc::from(text),
        byte_offset: 0,
        line_number: 1,
        kind: SourceKind::JsonFile,
    };
    let Some(fast) = fast_json::read(schema, body) else {
        let mut descriptor = json_file_located(schema, source, text, options, false);
        descriptor.locations = Locations::reread(located, shared.kept_schema());
        return descriptor;
    };
    Descriptor {
        id: fast.id.unwrap_or_else(|| file_stem(source)),
        source: source.to_owned(),
        line: None,
        root: Some(fast.root),
        lots: fast.lots,
        locations: Locations::deferred(located, fast.spans),
        evidence: Vec::new(),
        problems: Vec::new(),
    }
}

/// The located path: every value's location is kept when `locate`, else only those of
/// the problems.
pub(super) fn json_file_located(
    schema: &Schema,
    source: &str,
    text: &str,
    options: &LoadOptions,
    locate: bool,
) -> Descriptor {
    let index = TextIndex::new(text);
    let loader = Loader {
        schema,
        source,
        index: &index,
        options,
    };
    let (body, base) = without_bom(text);
    let read = json_source::parse(body, base, json_source::Extent::File, &index);
    if locate {
        loader.document(None, file_stem(source), read, Vec::new(), &json_shape())
    } else {
        loader.document_unlocated(None, file_stem(source), read, &json_shape())
    }
}

/// One line of an NDJSON input, as `load_ndjson_line` describes it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Line<'a> {
    pub(super) number: u32,
    pub(super) byte_offset: usize,
    /// Without its `\n`, with any `\r` and, on the first line, any byte order mark.
    pub(super) raw: &'a str,
}

impl<'a> Line<'a> {
    /// The JSON text of the line and where it starts within the line.
    fn body(self) -> (&'a str, usize) {
        let (line, base) = if self.byte_offset == 0 {
            without_bom(self.raw)
        } else {
            (self.raw, 0)
        };
        (line.strip_suffix('\r').unwrap_or(line), base)
    }
}

/// One line's descriptor. Its locations are found when first asked for, whichever path
/// read it: an invalid descriptor is never explained, and a valid one rarely needs them.
pub(super) fn ndjson_line(
    schema: &Schema,
    source: &str,
    stem: &str,
    line: Line<'_>,
    options: &LoadOptions,
    shared: &Shared<'_>,
) -> Descriptor {
    let (body, _) = line.body();
    let located = SourceText {
        text: Arc::from(line.raw),
        byte_offset: line.byte_offset,
        line_number: line.number,
        kind: SourceKind::NdjsonLine,
    };
    let Some(fast) = fast_json::read(schema, body) else {
        let mut descriptor = ndjson_line_located(schema, source, stem, line, options, false);
        descriptor.locations = Locations::reread(located, shared.kept_schema());
        return descriptor;
    };
    Descriptor {
        id: fast.id.unwrap_or_else(|| format!("{stem}:{}", line.number)),
        source: source.to_owned(),
        line: Some(line.number),
        root: Some(fast.root),
        lots: fast.lots,
        locations: Locations::deferred(located, fast.spans),
        evidence: Vec::new(),
        problems: Vec::new(),
    }
}

/// The located path for one line, as `json_file_located`.
pub(super) fn ndjson_line_located(
    schema: &Schema,
    source: &str,
    stem: &str,
    line: Line<'_>,
    options: &LoadOptions,
    locate: bool,
) -> Descriptor {
    // The index covers the raw line so that a byte order mark counts as a column, as it
    // does when the whole file is indexed.
    let index = TextIndex::at(line.raw, line.byte_offset, line.number);
    let loader = Loader {
        schema,
        source,
        index: &index,
        options,
    };
    let (body, base) = line.body();
    let read = json_source::parse(
        body,
        line.byte_offset + base,
        json_source::Extent::Line,
        &index,
    );
    let shape = Message::new("data-help-ndjson-shape");
    let default_id = format!("{stem}:{}", line.number);
    if locate {
        loader.document(Some(line.number), default_id, read, Vec::new(), &shape)
    } else {
        loader.document_unlocated(Some(line.number), default_id, read, &shape)
    }
}

/// The non-blank lines of an NDJSON text. A line ends at `\n` (a `\r` before it stays in
/// the line, for the loader to drop) or at a lone `\r`, as old Mac exports write them.
fn ndjson_lines(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::with_capacity(text.len() / 256 + 1);
    let mut line_start = 0;
    let mut number: u32 = 0;
    while line_start <= text.len() {
        let (end, next) = line_end(text, line_start);
        number = number.saturating_add(1);
        let line = Line {
            number,
            byte_offset: line_start,
            raw: text.get(line_start..end).unwrap_or_default(),
        };
        if !line.body().0.trim().is_empty() {
            lines.push(line);
        }
        line_start = next;
    }
    lines
}

/// Where the line starting at `start` ends, and where the next one starts (past the end
/// of the text for the last line). `str::find` of one character is a fast byte search:
/// a line is looked at twice rather than byte by byte.
fn line_end(text: &str, start: usize) -> (usize, usize) {
    let rest = text.get(start..).unwrap_or_default();
    let newline = rest.find('\n');
    let limit = newline.unwrap_or(rest.len());
    let lone_return = rest
        .get(..limit)
        .and_then(|line| line.find('\r'))
        // A `\r` right before the `\n` is part of a `\r\n` break.
        .filter(|&at| at + 1 < limit || newline.is_none());
    match (lone_return, newline) {
        (Some(at), _) | (None, Some(at)) => (start + at, start + at + 1),
        (None, None) => (text.len(), text.len() + 1),
    }
}

/// Every descriptor of an NDJSON text, in order; the lines are read in parallel.
pub(super) fn ndjson(
    schema: &Schema,
    source: &str,
    text: &str,
    options: &LoadOptions,
) -> Vec<Descriptor> {
    let stem = file_stem(source);
    let shared = Shared::keeping(schema);
    let lines = ndjson_lines(text);
    let read = |line: &Line<'_>| ndjson_line(schema, source, &stem, *line, options, &shared);
    if lines.len() < PARALLEL_LINES {
        lines.iter().map(read).collect()
    } else {
        lines.par_iter().map(read).collect()
    }
}

/// The locations of a descriptor the located path read without them, read again.
pub(crate) fn reread_locations(schema: &Schema, source: &SourceText) -> LocationMap {
    let options = LoadOptions::default();
    let text: &str = &source.text;
    let descriptor = match source.kind {
        SourceKind::JsonFile => json_file_located(schema, "", text, &options, true),
        SourceKind::NdjsonLine => {
            let line = Line {
                number: source.line_number,
                byte_offset: source.byte_offset,
                raw: text,
            };
            ndjson_line_located(schema, "", "", line, &options, true)
        }
    };
    descriptor.locations.into_map()
}

/// The location of each value the fast path read from `source`, from its byte range, in
/// the order of `spans`: the lines and columns the located path would give, counted on
/// the same text.
pub(crate) fn locate_spans(source: &SourceText, spans: &ValueSpans) -> Vec<Loc> {
    let text: &str = &source.text;
    // Indexed as the located path indexes it, so that lines and columns are its own.
    let (index, base) = match source.kind {
        SourceKind::JsonFile => (TextIndex::new(text), without_bom(text).1),
        SourceKind::NdjsonLine => {
            let line = Line {
                number: source.line_number,
                byte_offset: source.byte_offset,
                raw: text,
            };
            let (_, base) = line.body();
            let index = TextIndex::at(text, source.byte_offset, source.line_number);
            (index, source.byte_offset + base)
        }
    };
    spans
        .iter()
        .map(|(_, range)| index.loc(Span::from_range(base + range.start..base + range.end)))
        .collect()
}
