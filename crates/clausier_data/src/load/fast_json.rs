//! The fast path for JSON: one pass over the text straight into the schema's typed
//! values, with no tree and no lines or columns (only byte ranges).
//!
//! It only accepts what the located path reads without a single problem: strict JSON
//! with plain whitespace, no duplicate key, every value of its declared type, no
//! undeclared field. Anything else gives up (`None`) and the located
//! path reads the descriptor again, so that every message, line and column stays exactly
//! as that path gives them. The conversions are the located path's own (`expect::scalar`
//! on a node made on the spot), so the values cannot differ either.
//!
//! While it reads, it records the byte range of every value the located path would
//! locate: an explanation later turns them into lines and columns without reading the
//! descriptor again.
//!
//! `jiter` tokenizes. It already refuses what the located path would report or read
//! otherwise: comments, trailing commas, whitespace beyond JSON's four, a byte order
//! mark, control characters in strings, invalid escapes and lone surrogates, words such
//! as `NaN`. Numbers come back as the bytes written, so their value is read exactly by
//! the located path's own conversion, never through a float.

use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::{Arc, LazyLock};

use clausier_check::bounds::FieldBounds;
use clausier_check::types::{EnumId, FieldDef, LOTS_KEY, Lot, RecordDef, RecordId, Schema, Ty};
use clausier_check::value::{Record, Value};
use clausier_diagnostics::Span;
use jiter::{Jiter, JiterError, Peek};

use super::convert::SeenValues;
use super::expect;
use super::node::{MAX_DEPTH, Node, NodeKind, NumberText};
use crate::descriptor::PathStep;

static EMPTY_RECORD: LazyLock<RecordDef> = LazyLock::new(RecordDef::default);

/// The located path would find something to say: it reads the descriptor instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct GiveUp;

impl From<JiterError> for GiveUp {
    fn from(_: JiterError) -> Self {
        GiveUp
    }
}

type Read<T> = Result<T, GiveUp>;

/// A scalar as written, before the declared type gives it meaning.
enum Scalar<'a> {
    Str(&'a str),
    Number(&'a str),
    Bool(bool),
}

/// A descriptor read by the fast path.
#[derive(Debug)]
pub(crate) struct FastRead {
    pub(crate) root: Arc<Record>,
    /// The top-level `id` string, trimmed, when there is a non-blank one.
    pub(crate) id: Option<String>,
    /// The lots the offer bids for, in the order the pack declares them (a pack with
    /// lots only: the others read no `lots` key).
    pub(crate) lots: Vec<String>,
    /// Where each value the located path would locate was written.
    pub(crate) spans: ValueSpans,
}

/// Reads one JSON descriptor (the text of a file without its byte order mark, or one
/// NDJSON line without its line break), or gives up.
pub(crate) fn read(schema: &Schema, text: &str) -> Option<FastRead> {
    let mut reader = Reader::new(schema, text);
    reader.document().ok()
}

/// The byte range in the read text of every value the located path would locate, by
/// path. The paths share one buffer: a value costs no allocation of its own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ValueSpans {
    /// Every value's path, one after the other.
    steps: Vec<PathStep>,
    entries: Vec<SpanEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct SpanEntry {
    /// Where the value's path ends in `steps`; it starts where the previous one ends.
    steps_end: u32,
    /// Byte offsets in the text, kept small: every descriptor of a run keeps its own.
    start: u32,
    end: u32,
}

impl ValueSpans {
    /// Room for a descriptor of `text_len` bytes, which rarely holds more than a value
    /// every dozen bytes: the buffers seldom grow while reading.
    fn for_text(text_len: usize) -> Self {
        Self {
            steps: Vec::with_capacity(text_len / 6),
            entries: Vec::with_capacity(text_len / 12),
        }
    }

    /// Records a value; a text whose offsets do not fit in 32 bits is left to the
    /// located path.
    fn push(&mut self, path: &[PathStep], bytes: Range<usize>) -> Read<()> {
        self.steps.extend_from_slice(path);
        self.entries.push(SpanEntry {
            steps_end: u32::try_from(self.steps.len()).map_err(|_| GiveUp)?,
            start: u32::try_from(bytes.start).map_err(|_| GiveUp)?,
            end: u32::try_from(bytes.end).map_err(|_| GiveUp)?,
        });
        Ok(())
    }

    fn len(&self) -> usize {
        self.entries.len()
    }

    /// Forgets the values recorded after the first `len`.
    fn truncate(&mut self, len: usize) {
        self.entries.truncate(len);
        self.steps.truncate(
            self.entries
                .last()
                .map_or(0, |entry| entry.steps_end as usize),
        );
    }

    /// Each value's path and byte range, in the order they were recorded.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&[PathStep], Range<usize>)> {
        let mut start = 0;
        self.entries.iter().map(move |entry| {
            let end = entry.steps_end as usize;
            let path = self.steps.get(start..end).unwrap_or_default();
            start = end;
            (path, entry.start as usize..entry.end as usize)
        })
    }
}

struct Reader<'s, 't> {
    schema: &'s Schema,
    json: Jiter<'t>,
    /// How many objects and arrays enclose the parser.
    depth: usize,
    id: Option<String>,
    /// The ids the top-level `lots` key names, once it was read.
    lots: Option<Vec<String>>,
    /// The path from the root to the value being read.
    steps: Vec<PathStep>,
    spans: ValueSpans,
}

/// Which fields of a record were given, to refuse a repeated key.
enum Seen {
    Small(u128),
    Large(Vec<bool>),
}

impl Seen {
    fn new(len: usize) -> Self {
        if len <= 128 {
            Seen::Small(0)
        } else {
            Seen::Large(vec![false; len])
        }
    }

    /// Marks `index`; false when it was already marked.
    fn mark(&mut self, index: usize) -> bool {
        match self {
            Seen::Small(bits) => {
                let bit = 1u128 << index;
                let fresh = *bits & bit == 0;
                *bits |= bit;
                fresh
            }
            Seen::Large(seen) => match seen.get_mut(index) {
                Some(slot) => !std::mem::replace(slot, true),
                None => false,
            },
        }
    }
}

/// What a key of a record names.
enum Entry<'d> {
    Field(usize, &'d FieldDef),
    /// The top-level `lots` key of a descriptor in a pack divided into lots.
    OfferLots,
    Undeclared,
}

impl<'s, 't> Reader<'s, 't> {
    fn new(schema: &'s Schema, text: &'t str) -> Self {
        Self {
            schema,
            json: Jiter::new(text.as_bytes()),
            depth: 0,
            id: None,
            lots: None,
            steps: Vec::new(),
            spans: ValueSpans::for_text(text.len()),
        }
    }

    fn document(&mut self) -> Read<FastRead> {
        if self.json.peek()? != Peek::Object {
            return Err(GiveUp);
        }
        let start = self.json.current_index();
        let root = self.record(self.schema.descriptor, true)?;
        self.note_span(start)?;
        self.json.finish()?;
        // An offer that names no lot is a problem the located path reports.
        let lots = match self.lots.take() {
            Some(named) => self
                .schema
                .lots
                .iter()
                .filter(|lot| named.contains(&lot.id))
                .map(|lot| lot.id.clone())
                .collect(),
            None if self.schema.lots.is_empty() => Vec::new(),
            None => return Err(GiveUp),
        };
        Ok(FastRead {
            root,
            id: self.id.take(),
            lots,
            spans: std::mem::take(&mut self.spans),
        })
    }

    /// Enters an object or array, giving up one level short of the located path's
    /// limit, to stay clear of its edge.
    fn enter(&mut self) -> Read<()> {
        self.depth += 1;
        if self.depth >= MAX_DEPTH {
            return Err(GiveUp);
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    /// The fields of a record, at its `{`.
    fn record(&mut self, id: RecordId, is_root: bool) -> Read<Arc<Record>> {
        self.enter()?;
        let schema = self.schema;
        let def: &RecordDef = schema.record(id).unwrap_or(&EMPTY_RECORD);
        let mut fields: Vec<Option<Value>> = vec![None; def.fields.len()];
        let mut seen = Seen::new(def.fields.len());
        let mut undeclared: HashSet<Box<str>> = HashSet::new();
        // Data usually lists fields in the declared order: the next one is tried first.
        let mut next_guess = 0usize;
        // At the top of a descriptor, `lots` names the lots the offer bids for.
        let offers_lots = is_root && !schema.lots.is_empty();
        let mut entry = match self.json.known_object()? {
            Some(key) => Some(classify(
                def,
                key,
                next_guess,
                offers_lots,
                is_root,
                &mut undeclared,
            )?),
            None => None,
        };
        while let Some((current, is_id)) = entry {
            match current {
                Entry::Field(index, field) => {
                    if !seen.mark(index) {
                        return Err(GiveUp);
                    }
                    next_guess = index + 1;
                    self.push_step(PathStep::Field(u32::try_from(index).map_err(|_| GiveUp)?));
                    let value = self.value(&field.ty, is_id)?;
                    // A value out of bounds is a problem the located path reports.
                    if value.as_ref().is_some_and(|v| !field.bounds().admits(v)) {
                        return Err(GiveUp);
                    }
                    self.pop_step();
                    if let Some(slot) = fields.get_mut(index) {
                        *slot = value;
                    }
                }
                Entry::OfferLots => self.offer_lots()?,
                Entry::Undeclared => {
                    // An undeclared field is a problem the located path reports (a
                    // warning, an error under `--strict`); the `id` names the descriptor,
                    // declared or not.
                    if !is_id {
                        return Err(GiveUp);
                    }
                    let peek = self.json.peek()?;
                    if is_id && peek == Peek::String {
                        note_id(&mut self.id, self.json.known_str()?);
                    } else {
                        self.skip(peek)?;
                    }
                }
            }
            entry = match self.json.next_key()? {
                Some(key) => Some(classify(
                    def,
                    key,
                    next_guess,
                    offers_lots,
                    is_root,
                    &mut undeclared,
                )?),
                None => None,
            };
        }
        self.leave();
        Ok(Arc::new(Record::new(id, fields.into_boxed_slice())))
    }

    /// The value of the top-level `lots` key: one declared lot id, or a list of them,
    /// at least one. Anything else is a problem the located path reports.
    fn offer_lots(&mut self) -> Read<()> {
        let schema = self.schema;
        let declared = &schema.lots;
        let mut named = Vec::new();
        match self.json.peek()? {
            Peek::String => named.push(known_lot(declared, self.json.known_str()?)?),
            Peek::Array => {
                let mut next = self.json.known_array()?;
                while let Some(peek) = next {
                    if peek != Peek::String {
                        return Err(GiveUp);
                    }
                    named.push(known_lot(declared, self.json.known_str()?)?);
                    next = self.json.array_step()?;
                }
            }
            _ => return Err(GiveUp),
        }
        if named.is_empty() {
            return Err(GiveUp);
        }
        self.lots = Some(named);
        Ok(())
    }

    fn push_step(&mut self, step: PathStep) {
        self.steps.push(step);
    }

    fn pop_step(&mut self) {
        self.steps.pop();
    }

    /// Records the span of the value just read, from `start` to the parser.
    fn note_span(&mut self, start: usize) -> Read<()> {
        self.spans
            .push(&self.steps, start..self.json.current_index())
    }

    /// A value of type `ty` at the parser; `None` for `null`, which is an absent value.
    fn value(&mut self, ty: &Ty, is_id: bool) -> Read<Option<Value>> {
        let peek = self.json.peek()?;
        if peek == Peek::Null {
            self.json.known_null()?;
            return Ok(None);
        }
        let start = self.json.current_index();
        let value = match (ty, peek) {
            // The located path stores nothing for a type that failed to check.
            (Ty::Error, _) if !is_id => {
                self.skip(peek)?;
                return Ok(None);
            }
            (Ty::Record(id), Peek::Object) => Value::Record(self.record(*id, false)?),
            (Ty::List(element), Peek::Array) => self.list(element, false)?,
            (Ty::Set(element), Peek::Array) => self.list(element, true)?,
            (Ty::Record(_) | Ty::List(_) | Ty::Set(_), _) | (_, Peek::Object | Peek::Array) => {
                return Err(GiveUp);
            }
            _ => {
                let scalar = match peek {
                    Peek::String => {
                        let text = self.json.known_str()?;
                        if is_id {
                            note_id(&mut self.id, text);
                        }
                        Scalar::Str(text)
                    }
                    Peek::True | Peek::False => Scalar::Bool(self.json.known_bool(peek)?),
                    _ if peek.is_num() => {
                        let bytes = self.json.known_number_bytes(peek)?;
                        Scalar::Number(std::str::from_utf8(bytes).map_err(|_| GiveUp)?)
                    }
                    _ => return Err(GiveUp),
                };
                match ty {
                    Ty::Error => return Ok(None),
                    Ty::Enum(id) => variant(self.schema, *id, &scalar)?,
                    _ => convert_scalar(scalar, ty)?,
                }
            }
        };
        self.note_span(start)?;
        Ok(Some(value))
    }

    /// The elements of a list or set, at its `[`: a set keeps each value once, as the
    /// located path does.
    fn list(&mut self, element: &Ty, is_set: bool) -> Read<Value> {
        self.enter()?;
        let mut stored = 0u32;
        let mut values: Vec<Value> = Vec::new();
        let mut seen = SeenValues::default();
        let element_bounds = FieldBounds::default_for(element);
        let mut next = self.json.known_array()?;
        while let Some(peek) = next {
            // An absent value in a list is an error of the data.
            if peek == Peek::Null {
                return Err(GiveUp);
            }
            self.push_step(PathStep::Index(stored));
            let spans_before = self.spans.len();
            let value = self.value(element, false)?;
            if value.as_ref().is_some_and(|v| !element_bounds.admits(v)) {
                return Err(GiveUp);
            }
            self.pop_step();
            if let Some(value) = value {
                if !is_set {
                    values.push(value);
                    stored += 1;
                } else if !seen.contains(&values, &value) {
                    seen.insert(&value, values.len());
                    values.push(value);
                    stored += 1;
                } else {
                    // A repeated element keeps the place of its first occurrence.
                    self.spans.truncate(spans_before);
                }
            }
            next = self.json.array_step()?;
        }
        self.leave();
        Ok(Value::List(values.into()))
    }

    /// Checks and passes over a value the schema does not read. Objects and arrays are
    /// walked here rather than by `jiter`, whose depth limit counts from the value
    /// skipped, not from the document.
    fn skip(&mut self, peek: Peek) -> Read<()> {
        match peek {
            Peek::Object => {
                self.enter()?;
                let mut more = self.json.next_object_bytes()?.is_some();
                while more {
                    let peek = self.json.peek()?;
                    self.skip(peek)?;
                    more = self.json.next_key_bytes()?.is_some();
                }
                self.leave();
            }
            Peek::Array => {
                self.enter()?;
                let mut next = self.json.known_array()?;
                while let Some(peek) = next {
                    self.skip(peek)?;
                    next = self.json.array_step()?;
                }
                self.leave();
            }
            _ => self.json.known_skip(peek)?,
        }
        Ok(())
    }
}

/// What `key` names in `def`, and whether it is the descriptor's `id`. An undeclared
/// key is kept to refuse it a second time: the parser's key only lives until its value
/// is read.
fn classify<'d>(
    def: &'d RecordDef,
    key: &str,
    guess: usize,
    reads_lots: bool,
    is_root: bool,
    undeclared: &mut HashSet<Box<str>>,
) -> Read<(Entry<'d>, bool)> {
    let is_id = is_root && key == "id";
    if let Some((index, field)) = lookup(def, key, guess) {
        return Ok((Entry::Field(index, field), is_id));
    }
    if !undeclared.insert(key.into()) {
        return Err(GiveUp);
    }
    if reads_lots && key == LOTS_KEY {
        return Ok((Entry::OfferLots, false));
    }
    Ok((Entry::Undeclared, is_id))
}

/// The id of a declared lot, as the located path's `offer_lots::known_lot` finds it.
fn known_lot(declared: &[Lot], text: &str) -> Read<String> {
    super::offer_lots::known_lot(declared, text)
        .map(str::to_owned)
        .ok_or(GiveUp)
}

fn note_id(slot: &mut Option<String>, text: &str) {
    let id = text.trim();
    if !id.is_empty() {
        *slot = Some(id.to_owned());
    }
}

fn variant(schema: &Schema, id: EnumId, scalar: &Scalar<'_>) -> Read<Value> {
    let Scalar::Str(text) = scalar else {
        return Err(GiveUp);
    };
    let def = schema.enum_def(id).ok_or(GiveUp)?;
    let index = def.variant_index(text).ok_or(GiveUp)?;
    Ok(Value::Enum(id, index))
}

/// The field a key names, trying the one after the previous key first. A short record
/// is searched in order: comparing a few names costs less than hashing the key.
fn lookup<'d>(def: &'d RecordDef, key: &str, guess: usize) -> Option<(usize, &'d FieldDef)> {
    if let Some((name, field)) = def.fields.get_index(guess)
        && name.as_str() == key
    {
        return Some((guess, field));
    }
    if def.fields.len() <= 32 {
        return def
            .fields
            .values()
            .enumerate()
            .zip(def.fields.keys())
            .find(|(_, name)| name.as_str() == key)
            .map(|(found, _)| found);
    }
    def.fields
        .get_full(key)
        .map(|(index, _, field)| (index, field))
}

/// The located path's conversion, on a node made for it.
fn convert_scalar(scalar: Scalar<'_>, ty: &Ty) -> Read<Value> {
    let kind = match scalar {
        Scalar::Str(text) => NodeKind::Str(Cow::Borrowed(text)),
        Scalar::Number(text) => NodeKind::Number(NumberText::Text(Cow::Borrowed(text))),
        Scalar::Bool(value) => NodeKind::Bool(value),
    };
    let node = Node::new(kind, Span::new(0, 0));
    expect::scalar(&node, ty).map_err(|_| GiveUp)
}
