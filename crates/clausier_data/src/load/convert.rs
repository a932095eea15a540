//! Checking a read tree against the schema: typed values at field indexes, the location
//! of every stored value, and every problem with its path.

use std::borrow::Cow;
use std::collections::HashMap;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, LazyLock};

use clausier_check::bounds::{FieldBounds, Unit};
use clausier_check::types::{LOTS_KEY, RecordDef, RecordId, Schema, Ty};
use clausier_check::value::{Record, Value};
use clausier_diagnostics::{Arg, Code, Message, Span, quoted};

use super::expect::{Mismatch, expected, expected_found, found, root_not_record, type_error_help};
use super::node::{Entry, Node, NodeKind, NumberText};
use super::suggest::closest;
use super::text_index::TextIndex;
use super::{evidence, keys, offer_lots};
use crate::descriptor::{DataProblem, Loc, Locations, PathStep};
use crate::evidence::Evidence;

static EMPTY_RECORD: LazyLock<RecordDef> = LazyLock::new(RecordDef::default);

/// One step of a problem's path as people read it: `subprocessors[1].region`.
#[derive(Debug, Clone)]
enum Shown<'s> {
    Field(&'s str),
    Index(usize),
}

pub(crate) struct Converter<'s, 't> {
    schema: &'s Schema,
    index: &'s TextIndex<'t>,
    strict: bool,
    steps: Vec<PathStep>,
    shown: Vec<Shown<'s>>,
    locations: Locations,
    /// The locations of the set element being converted, kept aside until it is known
    /// not to repeat an earlier element (whose location stays).
    pending: Option<Vec<(Box<[PathStep]>, Loc)>>,
    problems: Vec<DataProblem>,
    /// Whether the location of every value is kept; problems are located either way.
    locate: bool,
    /// How many more values may be converted: YAML aliases can make a small text expand
    /// to an exponential number of values, and conversion must stay linear in the text.
    budget: usize,
    /// The lots the offer bids for, read from the top-level `lots` key of a descriptor
    /// of a pack divided into lots; `None` while no such key was read.
    offer_lots: Option<Vec<String>>,
    /// How many undeclared keys the descriptor gives; only the first
    /// `keys::MAX_UNDECLARED_SHOWN` get a problem of their own.
    undeclared: usize,
    /// What the `$`-keyed forms say of their values (`$source`, `$valid_until`).
    evidence: Vec<Evidence>,
}

impl<'s, 't> Converter<'s, 't> {
    pub(crate) fn new(schema: &'s Schema, index: &'s TextIndex<'t>, strict: bool) -> Self {
        Self {
            schema,
            index,
            strict,
            steps: Vec::new(),
            shown: Vec::new(),
            locations: Locations::default(),
            pending: None,
            problems: Vec::new(),
            locate: true,
            budget: index.text().len().saturating_mul(2).saturating_add(1024),
            offer_lots: None,
            undeclared: 0,
            evidence: Vec::new(),
        }
    }

    /// A converter that keeps no location but those of problems, for a descriptor whose
    /// locations are found later if ever needed.
    pub(crate) fn without_locations(mut self) -> Self {
        self.locate = false;
        self
    }

    /// Converts the top of a descriptor, which must be a record of fields.
    pub(crate) fn convert_root(
        &mut self,
        node: &Node<'_>,
        shape_help: &Message,
    ) -> Option<Arc<Record>> {
        let NodeKind::Record(entries) = &node.kind else {
            let message = root_not_record(found(node, self.index));
            let loc = self.index.loc(node.span);
            self.problems.push(
                DataProblem::new(Code::DESCRIPTOR_SHAPE, message, String::new(), Some(loc))
                    .with_help(shape_help.clone()),
            );
            return None;
        };
        let record = self.convert_record(self.schema.descriptor, entries, true);
        self.store_location(node.span);
        if !self.schema.lots.is_empty() && self.offer_lots.is_none() {
            let start = first_char(node.span, self.index);
            let problem = offer_lots::missing(Some(start), "", &self.schema.lots, self.index);
            self.problems.push(problem);
        }
        Some(record)
    }

    /// The locations, the problems, the lots the offer bids for (empty for a pack
    /// without lots, or when the descriptor names none), and the evidence of its values.
    pub(crate) fn finish(mut self) -> Converted {
        if let Some(more) = keys::more_undeclared(self.undeclared, self.strict) {
            self.problems.push(more);
        }
        Converted {
            locations: self.locations,
            problems: self.problems,
            lots: self.offer_lots.unwrap_or_default(),
            evidence: self.evidence,
        }
    }

    /// Adds a problem found outside the tree (a CSV header, for instance).
    pub(crate) fn push_problem(&mut self, problem: DataProblem) {
        self.problems.push(problem);
    }

    fn convert(&mut self, node: &Node<'_>, ty: &Ty) -> Option<Value> {
        if matches!(node.kind, NodeKind::Null) {
            return None;
        }
        if self.budget == 0 {
            return None;
        }
        self.budget -= 1;
        if self.budget == 0 {
            self.problem(
                Code::DESCRIPTOR_SYNTAX,
                Message::new("data-too-many-values"),
                node.span,
                Some(Message::new("data-help-yaml-aliases")),
            );
            return None;
        }
        let value = match (ty, &node.kind) {
            (Ty::Error, _) => return None,
            (Ty::Record(id), NodeKind::Record(entries)) => {
                Value::Record(self.convert_record(*id, entries, false))
            }
            (Ty::List(element), NodeKind::List(items)) => self.convert_list(items, element, false),
            (Ty::Set(element), NodeKind::List(items)) => self.convert_list(items, element, true),
            (Ty::Enum(id), _) => self.convert_enum(node, *id)?,
            _ => match super::expect::scalar(node, ty) {
                Ok(value) => value,
                Err(Mismatch::OutOfRange) => {
                    self.out_of_range(node);
                    return None;
                }
                Err(reason) => {
                    self.type_error(node, ty, type_error_help(node, ty, reason));
                    return None;
                }
            },
        };
        self.store_location(node.span);
        Some(value)
    }

    fn store_location(&mut self, span: Span) {
        if !self.locate {
            return;
        }
        let loc = self.index.loc(span);
        match &mut self.pending {
            Some(pending) => pending.push((self.steps.as_slice().into(), loc)),
            None => self.locations.insert(&self.steps, loc),
        }
    }

    fn convert_record(
        &mut self,
        id: RecordId,
        entries: &[Entry<'_>],
        is_root: bool,
    ) -> Arc<Record> {
        let schema = self.schema;
        // A pack without a `descriptor` block declares no field: the data is an empty record.
        let def: &'s RecordDef = schema.record(id).unwrap_or(&EMPTY_RECORD);
        let mut fields: Vec<Option<Value>> = vec![None; def.fields.len()];
        let mut seen: HashMap<Cow<'_, str>, Span> = HashMap::with_capacity(entries.len());
        for entry in entries {
            // Compared in NFC: a key typed with combining accents is the declared field,
            // and given twice when it comes both ways.
            let normalized = keys::nfc(&entry.key);
            let key: &str = &normalized;
            if let Some(first) = seen.get(key) {
                let first_line = self.index.loc(*first).line;
                self.problem_at_key(
                    Code::DESCRIPTOR_DUPLICATE_KEY,
                    Message::new("data-duplicate-key").with("key", quoted(key)),
                    key,
                    entry.key_span,
                    Some(
                        Message::new("data-help-first-key")
                            .with("key", quoted(key))
                            .with("line", first_line.to_string()),
                    ),
                );
                continue;
            }
            seen.insert(normalized.clone(), entry.key_span);
            match def.fields.get_full(key) {
                Some((index, name, field)) => {
                    let Ok(step) = u32::try_from(index) else {
                        continue;
                    };
                    self.steps.push(PathStep::Field(step));
                    self.shown.push(Shown::Field(name));
                    let node = self.unwrap_evidence(&entry.value);
                    let value = node.and_then(|node| {
                        let value = self.convert(node, &field.ty);
                        self.within(value, field.bounds(), &field.ty, node)
                    });
                    self.steps.pop();
                    self.shown.pop();
                    if let Some(slot) = fields.get_mut(index) {
                        *slot = value;
                    }
                }
                // The `id` names the descriptor in reports, declared or not.
                None if is_root && key == "id" => {}
                // `lots` is reserved (E0217): no pack declares it as a field.
                None if is_root && key == LOTS_KEY && !schema.lots.is_empty() => {
                    let (ids, problems) = offer_lots::read(&entry.value, &schema.lots, self.index);
                    self.offer_lots = Some(ids);
                    self.problems.extend(problems);
                }
                None if self.undeclared >= keys::MAX_UNDECLARED_SHOWN => self.undeclared += 1,
                None => {
                    self.undeclared += 1;
                    let help = if is_root && key == LOTS_KEY {
                        Some(Message::new("data-help-no-lots"))
                    } else {
                        closest(key, def.fields.keys().map(String::as_str))
                            .map(|near| Message::new("data-did-you-mean").with("near", near))
                    };
                    self.problem_at_key(
                        Code::DESCRIPTOR_UNKNOWN_FIELD,
                        Message::new("data-undeclared-field").with("key", quoted(key)),
                        key,
                        entry.key_span,
                        help,
                    );
                    if let Some(problem) = self.problems.last_mut() {
                        problem.severity = keys::undeclared_severity(self.strict);
                    }
                }
            }
        }
        Arc::new(Record::new(id, fields.into_boxed_slice()))
    }

    /// The value of a field, out of its `$`-keyed form when written so, whose source and
    /// validity are kept as the evidence of the field's path.
    fn unwrap_evidence<'n, 'a>(&mut self, node: &'n Node<'a>) -> Option<&'n Node<'a>> {
        let Some(entries) = evidence::form_entries(node) else {
            return Some(node);
        };
        let read = evidence::read(node, entries);
        for problem in read.problems {
            self.problem(
                Code::DESCRIPTOR_TYPE,
                problem.message,
                problem.span,
                problem.help,
            );
        }
        if read.source.is_some() || read.valid_until.is_some() || read.equivalent.is_some() {
            self.evidence.push(Evidence {
                path: self.steps.as_slice().into(),
                shown: self.shown_path(None),
                source: read.source,
                valid_until: read.valid_until,
                equivalent: read.equivalent,
                loc: Some(self.index.loc(node.span)),
            });
        }
        read.value
    }

    fn convert_list(&mut self, items: &[Node<'_>], element: &Ty, is_set: bool) -> Value {
        let mut values: Vec<Value> = Vec::with_capacity(items.len());
        let mut seen = SeenValues::default();
        for (position, item) in items.iter().enumerate() {
            self.shown.push(Shown::Index(position));
            if matches!(item.kind, NodeKind::Null) {
                let message =
                    expected_found(expected(element, self.schema), found(item, self.index));
                self.problem(
                    Code::DESCRIPTOR_TYPE,
                    message,
                    item.span,
                    Some(Message::new("data-help-no-absent-in-list")),
                );
                self.shown.pop();
                continue;
            }
            let stored = u32::try_from(values.len()).unwrap_or(u32::MAX);
            self.steps.push(PathStep::Index(stored));
            let outer_pending = is_set.then(|| self.pending.replace(Vec::new()));
            let value = self.convert(item, element);
            let value = self.within(value, FieldBounds::default_for(element), element, item);
            let element_locations = match outer_pending {
                Some(outer) => std::mem::replace(&mut self.pending, outer),
                None => None,
            };
            self.steps.pop();
            self.shown.pop();
            let Some(value) = value else { continue };
            if is_set {
                if seen.contains(&values, &value) {
                    continue;
                }
                seen.insert(&value, values.len());
                for (path, loc) in element_locations.into_iter().flatten() {
                    match &mut self.pending {
                        Some(pending) => pending.push((path, loc)),
                        None => self.locations.insert(&path, loc),
                    }
                }
            }
            values.push(value);
        }
        Value::List(values.into())
    }

    /// The value if it lies within `bounds`; else a problem that states the range, and
    /// no value.
    fn within(
        &mut self,
        value: Option<Value>,
        bounds: FieldBounds,
        ty: &Ty,
        node: &Node<'_>,
    ) -> Option<Value> {
        let value = value?;
        let (Value::Number(x) | Value::Percent(x) | Value::Money(x)) = &value else {
            return Some(value);
        };
        if bounds.admits(&value) {
            return Some(value);
        }
        let shown = Unit::of(ty).show(*x);
        let path = self.shown_path(None);
        let message = Message::new("data-outside-range").with("value", shown.to_string());
        let help = Message::new("data-help-range")
            .with("path", path)
            .with("range", bounds.describe_message(ty));
        self.problem(
            Code::DESCRIPTOR_OUT_OF_BOUNDS,
            message,
            node.span,
            Some(help),
        );
        None
    }

    fn convert_enum(
        &mut self,
        node: &Node<'_>,
        id: clausier_check::types::EnumId,
    ) -> Option<Value> {
        let schema = self.schema;
        let def = schema.enum_def(id)?;
        let names = || def.variants.iter().map(|variant| variant.name.as_str());
        let listing = list_names(names());
        let one_of = || {
            Message::new("data-help-one-of")
                .with("name", def.name.as_str())
                .with("values", listing.clone())
        };
        let Some(text) = node.as_text() else {
            let message = expected_found(expected(&Ty::Enum(id), schema), found(node, self.index));
            let help = one_of();
            self.problem(Code::DESCRIPTOR_TYPE, message, node.span, Some(help));
            return None;
        };
        if let Some(index) = def.variant_index(text) {
            return Some(Value::Enum(id, index));
        }
        let qualified = text.split_once('.').filter(|(prefix, variant)| {
            *prefix == def.name && def.variant_index(variant).is_some()
        });
        let help = match (qualified, closest(text, names())) {
            (Some((_, variant)), _) => {
                Message::new("data-help-name-alone").with("variant", variant)
            }
            (None, Some(near)) => Message::new("data-help-did-you-mean-one-of")
                .with("near", near)
                .with("name", def.name.as_str())
                .with("values", listing.clone()),
            (None, None) => one_of(),
        };
        let message = Message::new("data-unknown-variant")
            .with("name", def.name.as_str())
            .with("value", quoted(text));
        self.problem(Code::DESCRIPTOR_VARIANT, message, node.span, Some(help));
        None
    }

    /// A number the vendor wrote that no exact decimal holds: too large, or too precise.
    fn out_of_range(&mut self, node: &Node<'_>) {
        let written = match &node.kind {
            NodeKind::Number(NumberText::Text(text)) => text.as_ref(),
            _ => node.as_text().unwrap_or_default(),
        }
        .trim();
        let (message, help) = if super::scalar::is_too_large(written) {
            (
                Message::new("data-number-too-large").with("value", quoted(written)),
                Message::new("data-help-smaller-unit"),
            )
        } else {
            (
                Message::new("data-number-too-precise").with("value", quoted(written)),
                Message::new("data-help-round"),
            )
        };
        self.problem(Code::DESCRIPTOR_TYPE, message, node.span, Some(help));
    }

    fn type_error(&mut self, node: &Node<'_>, ty: &Ty, help: Option<Message>) {
        let message = expected_found(expected(ty, self.schema), found(node, self.index));
        self.problem(Code::DESCRIPTOR_TYPE, message, node.span, help);
    }

    fn problem(&mut self, code: Code, message: Message, span: Span, help: Option<Message>) {
        let path = self.shown_path(None);
        let loc = self.index.loc(span);
        let mut problem = DataProblem::new(code, message, path, Some(loc));
        problem.help = help;
        self.problems.push(problem);
    }

    fn problem_at_key(
        &mut self,
        code: Code,
        message: Message,
        key: &str,
        span: Span,
        help: Option<Message>,
    ) {
        let path = self.shown_path(Some(key));
        let loc = self.index.loc(span);
        let mut problem = DataProblem::new(code, message, path, Some(loc));
        problem.help = help;
        self.problems.push(problem);
    }

    fn shown_path(&self, last: Option<&str>) -> String {
        let mut path = String::new();
        let steps = self.shown.iter().cloned().chain(last.map(Shown::Field));
        for step in steps {
            match step {
                Shown::Field(name) => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(name);
                }
                Shown::Index(index) => {
                    path.push('[');
                    path.push_str(&index.to_string());
                    path.push(']');
                }
            }
        }
        path
    }
}

/// What converting a descriptor gives besides its typed root.
pub(crate) struct Converted {
    pub(crate) locations: Locations,
    pub(crate) problems: Vec<DataProblem>,
    pub(crate) lots: Vec<String>,
    pub(crate) evidence: Vec<Evidence>,
}

/// The first character of `span`, where a problem about the whole descriptor points.
fn first_char(span: Span, index: &TextIndex<'_>) -> Span {
    let width = index
        .slice(span)
        .and_then(|text| text.chars().next())
        .map_or(0, char::len_utf8);
    Span::new(span.start, span.start + u32::try_from(width).unwrap_or(0))
}

/// `` `EU`, `EEA`, `ADEQUATE`, `OTHER` ``, cut short for long enums.
fn list_names<'a>(names: impl Iterator<Item = &'a str>) -> Arg {
    const SHOWN: usize = 12;
    let names: Vec<&str> = names.collect();
    let listing: Vec<String> = names
        .iter()
        .take(SHOWN)
        .map(|name| format!("`{name}`"))
        .collect();
    if names.len() > SHOWN {
        return Message::new("data-names-and-more")
            .with("names", listing.join(", "))
            .with("count", names.len() - SHOWN)
            .into();
    }
    listing.join(", ").into()
}

/// The values already in a set, bucketed by hash so that each new element is compared
/// with `Value::same` against its few look-alikes rather than against every element.
#[derive(Default)]
pub(crate) struct SeenValues {
    /// The first element of each hash, then a chain through `next`: no allocation per
    /// element.
    first: HashMap<u64, usize>,
    next: HashMap<usize, usize>,
}

impl SeenValues {
    fn hash(value: &Value) -> u64 {
        let mut hasher = DefaultHasher::new();
        value.hash(&mut hasher);
        hasher.finish()
    }

    pub(crate) fn contains(&self, values: &[Value], value: &Value) -> bool {
        let mut candidate = self.first.get(&Self::hash(value)).copied();
        while let Some(index) = candidate {
            if values.get(index).is_some_and(|other| other.same(value)) {
                return true;
            }
            candidate = self.next.get(&index).copied();
        }
        false
    }

    pub(crate) fn insert(&mut self, value: &Value, index: usize) {
        if let Some(previous) = self.first.insert(Self::hash(value), index) {
            self.next.insert(index, previous);
        }
    }
}
