//! CSV (RFC 4180, header row required) and its tab-separated variant (TSV, as
//! spreadsheets export it): one descriptor a row, dotted column names for nested record
//! fields (`hosting.region`), `;`-separated lists (`[]` for an empty one), empty cells
//! absent. The separator of a file, and the decimal comma, booleans and day/month/year
//! dates of a French spreadsheet, are `csv_dialect.rs`'s.
//!
//! The `csv` crate decodes the cells; the byte offset of each cell in the file, which it
//! does not give, comes from a scan of the row's raw text from the row's start.

use std::borrow::Cow;
use std::collections::HashSet;
use std::rc::Rc;

use clausier_check::types::{LOTS_KEY, RecordDef, Ty};
use clausier_diagnostics::{Code, Message, Span};
use csv::{ReaderBuilder, StringRecord};

use super::csv_dialect::{Dialect, decimal_point, french_bool, french_date};
use super::keys;
use super::node::{Entry, Node, NodeKind};
use super::suggest::closest;
use super::{Loader, SyntaxError, file_stem, without_bom};
use crate::descriptor::{DataProblem, Descriptor};
use crate::evidence::EQUIVALENT_KEY;

/// What a header cell names.
#[derive(Debug, Clone)]
enum Target<'s> {
    /// A field of the descriptor or of a nested record, by its names from the top.
    Field { path: Vec<&'s str>, ty: &'s Ty },
    /// An `id` column the schema does not declare: it still names the row.
    Id,
    /// The `lots` column of a pack divided into lots: the lots the row's offer bids for,
    /// a list cell.
    Lots,
    /// A field the schema does not declare, and the declared path it may be a slip for.
    Unknown { near: Option<String> },
    /// A record as a whole: its fields need columns of their own.
    Record,
    /// A list of records (`inside` false), or a field inside one: CSV has no way to write
    /// them, but for the empty list `[]`.
    RecordList { path: Vec<&'s str>, inside: bool },
    /// Where a field's value comes from, until when it holds or what the vendor claims as
    /// its equivalent, beside the field's own column (`hebergement_hds.$valid_until`,
    /// `hebergement_hds.$source.reference`, `hebergement_hds.$equivalent.label`): the
    /// row's cells make the field's `$`-keyed form, under `keys`.
    Evidence {
        path: Vec<&'s str>,
        keys: &'static [&'static str],
    },
    /// The same name as an earlier column.
    Duplicate,
    /// No name at all: its values belong to no field.
    Unnamed,
}

pub(crate) struct Column<'s> {
    name: String,
    /// Where the column is in the header, from 0.
    position: usize,
    span: Span,
    target: Target<'s>,
}

/// Where a cell is in the file.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CellSpan {
    pub(crate) raw: Span,
    pub(crate) quoted: bool,
    /// A quoted cell whose closing `"` never comes (it runs to the end of the file), or
    /// comes on a later line amid a cell (a stray quote that would swallow the rows between).
    pub(crate) unclosed: bool,
}

impl CellSpan {
    /// An unquoted cell at `raw`, as a workbook's cells are.
    pub(crate) fn plain(raw: Span) -> Self {
        Self {
            raw,
            quoted: false,
            unclosed: false,
        }
    }
}

pub(crate) fn load(loader: &Loader<'_>, dialect: Dialect) -> Vec<Descriptor> {
    let text = loader.index.text();
    let (body, base) = without_bom(text);
    let stem = file_stem(loader.source);
    // Where the reader started in `body`: after a row with a broken quote, reading starts
    // again on the next line, so that the quote does not swallow the rows below it.
    let mut origin = 0;
    let mut reader = reader_at(body, origin, dialect);
    let mut record = StringRecord::new();

    let header = match next_record(&mut reader, &mut record, body, base, origin, dialect) {
        Some(Ok(header_start)) if !is_blank(&record) => {
            let cells = cell_spans(text, header_start, record.len(), dialect);
            if let Some(error) = unclosed_quote(&cells, dialect) {
                return vec![loader.broken(None, stem, error)];
            }
            if let Some(error) = header_with_other_separator(&record, &cells, dialect) {
                return vec![loader.broken(None, stem, error)];
            }
            resolve_columns(loader, &record, &cells)
        }
        Some(Err(error)) => return vec![loader.broken(None, stem, error)],
        _ => {
            let error = SyntaxError::invalid(
                dialect.name,
                Message::new("d0601-csv-no-header"),
                Span::empty_at(0),
            )
            .with_help(Message::new(match dialect.delimiter {
                b'\t' => "d0601-help-csv-header-tabs",
                _ => "d0601-help-csv-header",
            }));
            return vec![loader.broken(None, stem, error)];
        }
    };

    let mut descriptors = Vec::new();
    let mut header_warnings = undeclared_columns(loader, &header);
    while let Some(row) = next_record(&mut reader, &mut record, body, base, origin, dialect) {
        let row_start = match row {
            Ok(start) => start,
            Err(error) => {
                let line = loader.index.loc(error.span).line;
                descriptors.push(loader.broken(Some(line), format!("{stem}:{line}"), error));
                continue;
            }
        };
        if is_blank(&record) {
            continue;
        }
        let line = loader.index.loc(Span::empty_at(row_start)).line;
        let default_id = format!("{stem}:{line}");
        let cells = cell_spans(text, row_start, record.len(), dialect);
        if let Some(error) = unclosed_quote(&cells, dialect) {
            let quote = (error.span.start as usize).saturating_sub(base);
            origin = body
                .get(quote..)
                .and_then(|rest| rest.find(['\n', '\r']))
                .map_or(body.len(), |end| quote + end + 1);
            reader = reader_at(body, origin, dialect);
            descriptors.push(loader.broken(Some(line), default_id, error));
            continue;
        }
        if record.len() != header.len() {
            let end = cells.last().map_or(row_start, |cell| cell.raw.end);
            let error = SyntaxError::invalid(
                dialect.name,
                Message::new("d0601-csv-cell-count")
                    .with("expected", header.len())
                    .with("found", record.len()),
                Span::new(row_start, end),
            )
            .with_help(cell_count_help(
                header.len(),
                record.len(),
                dialect,
                text.get(row_start as usize..).unwrap_or_default(),
            ));
            descriptors.push(loader.broken(Some(line), default_id, error));
            continue;
        }
        let mut problems = std::mem::take(&mut header_warnings);
        let root = row_node(
            loader,
            &header,
            &record,
            &cells,
            row_start,
            dialect,
            &mut problems,
        );
        descriptors.push(loader.document(
            Some(line),
            default_id,
            Ok(root),
            problems,
            // A CSV row is always a record.
            &Message::default(),
        ));
    }
    descriptors
}

/// A reader of `body` from byte `origin`.
fn reader_at(body: &str, origin: usize, dialect: Dialect) -> csv::Reader<&[u8]> {
    ReaderBuilder::new()
        .delimiter(dialect.delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes().get(origin..).unwrap_or_default())
}

/// Reads the next record, giving the byte offset in the whole file where it starts.
fn next_record(
    reader: &mut csv::Reader<&[u8]>,
    record: &mut StringRecord,
    body: &str,
    base: usize,
    origin: usize,
    dialect: Dialect,
) -> Option<Result<u32, SyntaxError>> {
    match reader.read_record(record) {
        Ok(false) => None,
        Ok(true) => {
            let offset = record.position().map_or(0, |position| position.byte());
            let offset = usize::try_from(offset)
                .map_or(body.len(), |offset| offset.saturating_add(origin))
                .min(body.len());
            // A position may sit on the line breaks the reader skipped before the row.
            let skipped = body.get(offset..).map_or(0, |rest| {
                rest.len() - rest.trim_start_matches(['\r', '\n']).len()
            });
            Some(Ok(
                u32::try_from(base + offset + skipped).unwrap_or(u32::MAX)
            ))
        }
        Err(error) => {
            let offset = error
                .position()
                .and_then(|position| usize::try_from(position.byte()).ok())
                .unwrap_or(0)
                .saturating_add(origin);
            Some(Err(SyntaxError::invalid(
                dialect.name,
                error.to_string(),
                Span::from_range(base + offset..base + offset),
            )))
        }
    }
}

/// The error for a row whose last cell opens a quote that is never closed, located at
/// that quote.
fn unclosed_quote(cells: &[CellSpan], dialect: Dialect) -> Option<SyntaxError> {
    let cell = cells.iter().find(|cell| cell.unclosed)?;
    Some(
        SyntaxError::invalid(
            dialect.name,
            Message::new("d0601-csv-unclosed-quote"),
            Span::new(cell.raw.start, cell.raw.start.saturating_add(1)),
        )
        .with_help(Message::new("d0601-help-csv-close-quote")),
    )
}

/// The error for a header of one column whose name holds another separator: the file
/// was saved with another separator than its extension says (a `;`-separated `.tsv`).
/// A field path never holds a separator, so such a header is never meant.
fn header_with_other_separator(
    header: &StringRecord,
    cells: &[CellSpan],
    dialect: Dialect,
) -> Option<SyntaxError> {
    let [name] = header.iter().collect::<Vec<_>>()[..] else {
        return None;
    };
    let (found, count) = dialect.other_separator(name)?;
    Some(
        SyntaxError::invalid(
            dialect.name,
            Message::new("d0601-csv-header-other-separator").with("found", found.clone()),
            cells.first().map_or(Span::empty_at(0), |cell| cell.raw),
        )
        .with_help(
            Message::new("d0601-help-csv-save-as-csv")
                .with("count", count)
                .with("found", found)
                .with("separator", dialect.separator_name()),
        ),
    )
}

/// What to do about a row with more or fewer cells than the header; `row_text` is the
/// file from the row's start.
fn cell_count_help(header: usize, row: usize, dialect: Dialect, row_text: &str) -> Message {
    let counts = Message::new("d0601-csv-cell-counts")
        .with("header", header)
        .with("row", row);
    if let Some((found, _)) = dialect
        .other_separator(row_text)
        .filter(|(_, count)| *count == header)
    {
        return Message::new("d0601-help-csv-row-other-separator")
            .with("counts", counts)
            .with("separator", dialect.separator_name())
            .with("found", found);
    }
    let advice = match (row > header, dialect.delimiter) {
        (true, b'\t') => "d0601-help-csv-quote-tab",
        (true, b';') => "d0601-help-csv-quote-semicolon",
        (true, _) => "d0601-help-csv-quote-comma",
        (false, b'\t') => "d0601-help-csv-empty-cells-tab",
        (false, b';') => "d0601-help-csv-empty-cells-semicolon",
        (false, _) => "d0601-help-csv-empty-cells-comma",
    };
    Message::new(advice).with("counts", counts)
}

fn is_blank(record: &StringRecord) -> bool {
    record.iter().all(|cell| cell.trim().is_empty())
}

/// The spans of a row's `count` cells, scanning RFC 4180 quoting from `start`.
fn cell_spans(text: &str, start: u32, count: usize, dialect: Dialect) -> Vec<CellSpan> {
    let delimiter = dialect.delimiter;
    let bytes = text.as_bytes();
    let mut at = (start as usize).min(bytes.len());
    let mut cells = Vec::with_capacity(count);
    let mut row_ended = false;
    for _ in 0..count {
        let cell_start = at;
        let quoted = !row_ended && bytes.get(at) == Some(&b'"');
        let mut unclosed = quoted;
        if quoted {
            at += 1;
            let mut spans_lines = false;
            while at < bytes.len() {
                match (bytes.get(at), bytes.get(at + 1)) {
                    (Some(b'"'), Some(b'"')) => at += 2,
                    (Some(b'"'), next) => {
                        at += 1;
                        // A cell may hold line breaks, but a quote that closes on a later
                        // line with text right after it was never meant to open a cell.
                        let ends_cell =
                            matches!(next, None | Some(b'\n' | b'\r')) || next == Some(&delimiter);
                        unclosed = spans_lines && !ends_cell;
                        break;
                    }
                    (Some(b'\n' | b'\r'), _) => {
                        spans_lines = true;
                        at += 1;
                    }
                    _ => at += 1,
                }
            }
        }
        if !row_ended {
            while let Some(byte) = bytes.get(at) {
                if matches!(byte, b'\n' | b'\r') || *byte == delimiter {
                    break;
                }
                at += 1;
            }
        }
        cells.push(CellSpan {
            raw: Span::from_range(cell_start..at),
            quoted,
            unclosed,
        });
        if bytes.get(at) == Some(&delimiter) && !row_ended {
            at += 1;
        } else {
            row_ended = true;
        }
    }
    cells
}

pub(crate) fn resolve_columns<'s>(
    loader: &Loader<'s>,
    header: &StringRecord,
    cells: &[CellSpan],
) -> Vec<Column<'s>> {
    let mut first_seen: HashSet<String> = HashSet::new();
    let mut columns = Vec::with_capacity(header.len());
    for (position, name) in header.iter().enumerate() {
        // In NFC, as keys are: a column typed with combining accents names the field.
        let name = keys::nfc(name.trim()).into_owned();
        let span = cells
            .get(position)
            .map_or(Span::empty_at(0), |cell| cell.raw);
        let target = if name.is_empty() {
            Target::Unnamed
        } else if first_seen.insert(name.clone()) {
            resolve(loader, &name)
        } else {
            Target::Duplicate
        };
        columns.push(Column {
            name,
            position,
            span,
            target,
        });
    }
    columns
}

fn resolve<'s>(loader: &Loader<'s>, name: &str) -> Target<'s> {
    if let Some((field, evidence)) = name.split_once(".$") {
        return match (resolve(loader, field), evidence_keys(evidence)) {
            (Target::Field { path, .. }, Some(keys)) => Target::Evidence { path, keys },
            _ => Target::Unknown { near: None },
        };
    }
    let schema = loader.schema;
    let segments: Vec<&str> = name.split('.').collect();
    let Some(mut record): Option<&'s RecordDef> = schema.descriptor_record() else {
        return Target::Unknown { near: None };
    };
    let mut path: Vec<&'s str> = Vec::with_capacity(segments.len());
    for (position, segment) in segments.iter().enumerate() {
        let is_last = position + 1 == segments.len();
        let Some((field_name, field)) = record.fields.get_key_value(*segment) else {
            return if name == "id" {
                Target::Id
            } else if name == LOTS_KEY && !schema.lots.is_empty() {
                Target::Lots
            } else {
                let near = closest(segment, record.fields.keys().map(String::as_str));
                Target::Unknown {
                    near: near.map(|near| {
                        path.iter()
                            .copied()
                            .chain([near])
                            .collect::<Vec<_>>()
                            .join(".")
                    }),
                }
            };
        };
        path.push(field_name.as_str());
        let element_is_record = matches!(field.ty.element(), Some(Ty::Record(_)));
        match &field.ty {
            _ if element_is_record => {
                return Target::RecordList {
                    path,
                    inside: !is_last,
                };
            }
            Ty::Record(_) if is_last => return Target::Record,
            Ty::Record(id) => match schema.record(*id) {
                Some(inner) => record = inner,
                None => return Target::Unknown { near: None },
            },
            ty if is_last => return Target::Field { path, ty },
            // A scalar has no fields: `hosting.region.code` names nothing.
            _ => return Target::Unknown { near: None },
        }
    }
    Target::Unknown { near: None }
}

/// The keys of the `$`-keyed form a column after `FIELD.$` writes.
fn evidence_keys(after_dollar: &str) -> Option<&'static [&'static str]> {
    Some(match after_dollar {
        "valid_until" => &["$valid_until"],
        "source" => &["$source"],
        "source.kind" => &["$source", "kind"],
        "source.reference" => &["$source", "reference"],
        "source.issuer" => &["$source", "issuer"],
        "equivalent.label" => &[EQUIVALENT_KEY, "label"],
        "equivalent.issuer" => &[EQUIVALENT_KEY, "issuer"],
        "equivalent.document" => &[EQUIVALENT_KEY, "document"],
        _ => return None,
    })
}

/// The parts of a claim of an equivalent, each in a column `FIELD.$equivalent.PART`.
const CLAIM_PARTS: [&str; 3] = ["label", "issuer", "document"];

/// The fields whose claim of an equivalent the row fills in part. The buyer cannot
/// examine such a claim, so it is set aside, and each part it lacks is an error naming
/// its column, at the row's empty cell (or at the claim's first cell when the header has
/// no such column).
fn partial_claims<'s>(
    loader: &Loader<'_>,
    columns: &[Column<'s>],
    record: &StringRecord,
    cells: &[CellSpan],
    problems: &mut Vec<DataProblem>,
) -> Vec<Vec<&'s str>> {
    // Each claim column: the field, the part, the column and whether the row fills it.
    let parts: Vec<(&Vec<&'s str>, &str, &Column<'s>, bool)> = columns
        .iter()
        .filter_map(|column| match &column.target {
            Target::Evidence {
                path,
                keys: [EQUIVALENT_KEY, part],
            } => {
                let filled = record
                    .get(column.position)
                    .is_some_and(|cell| !cell.trim().is_empty());
                Some((path, *part, column, filled))
            }
            _ => None,
        })
        .collect();
    let cell_span = |column: &Column<'_>| {
        cells
            .get(column.position)
            .map_or(column.span, |cell| cell.raw)
    };
    let mut partial: Vec<Vec<&'s str>> = Vec::new();
    for (path, _, _, _) in &parts {
        let of_field = || parts.iter().filter(|(other, ..)| other == path);
        let Some(first_filled) = of_field().find(|(.., filled)| *filled) else {
            continue;
        };
        let filled = |part: &str| of_field().any(|(_, other, _, filled)| *other == part && *filled);
        if CLAIM_PARTS.iter().all(|part| filled(part)) || partial.contains(path) {
            continue;
        }
        partial.push((*path).clone());
        let field = path.join(".");
        for part in CLAIM_PARTS.iter().filter(|part| !filled(part)) {
            let column = of_field().find(|(_, other, ..)| other == part);
            let (name, span) = match column {
                Some((_, _, column, _)) => (column.name.clone(), cell_span(column)),
                None => (
                    format!("{field}.{EQUIVALENT_KEY}.{part}"),
                    cell_span(first_filled.2),
                ),
            };
            problems.push(
                DataProblem::new(
                    Code::DESCRIPTOR_TYPE,
                    Message::new("d0602-csv-claim-part-missing")
                        .with("field", field.as_str())
                        .with("column", name.as_str()),
                    name.clone(),
                    Some(loader.index.loc(span)),
                )
                .with_help(
                    Message::new("d0602-help-csv-claim-parts").with("field", field.as_str()),
                ),
            );
        }
    }
    partial
}

/// One problem per undeclared column, given with the first row: a warning with the
/// declared path it may be a slip for, an error under `--strict`.
pub(crate) fn undeclared_columns(loader: &Loader<'_>, columns: &[Column<'_>]) -> Vec<DataProblem> {
    let severity = keys::undeclared_severity(loader.options.strict);
    let undeclared: Vec<(&Column<'_>, &Option<String>)> = columns
        .iter()
        .filter_map(|column| match &column.target {
            Target::Unknown { near } => Some((column, near)),
            _ => None,
        })
        .collect();
    let mut problems: Vec<DataProblem> = undeclared
        .iter()
        .take(keys::MAX_UNDECLARED_SHOWN)
        .map(|(column, near)| {
            let mut problem = DataProblem::new(
                Code::DESCRIPTOR_UNKNOWN_FIELD,
                Message::new("d0604-csv-column-undeclared").with("column", column.name.as_str()),
                column.name.clone(),
                Some(loader.index.loc(column.span)),
            );
            problem.help = near
                .as_ref()
                .map(|near| Message::new("data-did-you-mean").with("near", near));
            problem.severity = severity;
            problem
        })
        .collect();
    problems.extend(keys::more_undeclared(
        undeclared.len(),
        loader.options.strict,
    ));
    problems
}

/// A nested record being assembled from dotted columns.
#[derive(Default)]
struct Group<'a> {
    entries: Vec<(&'a str, Span, Slot<'a>)>,
}

enum Slot<'a> {
    Value(Node<'a>),
    Group(Group<'a>),
}

impl<'a> Group<'a> {
    fn insert(&mut self, path: &[&'a str], key_span: Span, node: Node<'a>) {
        let Some((first, rest)) = path.split_first() else {
            return;
        };
        if rest.is_empty() {
            self.entries.push((first, key_span, Slot::Value(node)));
            return;
        }
        let existing = self
            .entries
            .iter_mut()
            .find_map(|(name, _, slot)| match slot {
                Slot::Group(group) if name == first => Some(group),
                _ => None,
            });
        match existing {
            Some(group) => group.insert(rest, key_span, node),
            None => {
                let mut group = Group::default();
                group.insert(rest, key_span, node);
                self.entries.push((first, key_span, Slot::Group(group)));
            }
        }
    }

    /// The record node; a nested record is located at its first cell.
    fn into_node(self, span: Span) -> Node<'a> {
        let entries: Vec<Entry<'a>> = self
            .entries
            .into_iter()
            .map(|(name, key_span, slot)| {
                let value = match slot {
                    Slot::Value(node) => node,
                    Slot::Group(group) => {
                        let first = group.first_span().unwrap_or(key_span);
                        group.into_node(first)
                    }
                };
                Entry {
                    key: Cow::Borrowed(name),
                    key_span,
                    value,
                }
            })
            .collect();
        Node::new(NodeKind::Record(Rc::from(entries)), span)
    }

    fn first_span(&self) -> Option<Span> {
        self.entries.first().and_then(|(_, _, slot)| match slot {
            Slot::Value(node) => Some(node.span),
            Slot::Group(group) => group.first_span(),
        })
    }
}

pub(crate) fn row_node<'a>(
    loader: &Loader<'_>,
    columns: &[Column<'a>],
    record: &'a StringRecord,
    cells: &[CellSpan],
    row_start: u32,
    dialect: Dialect,
    problems: &mut Vec<DataProblem>,
) -> Node<'a> {
    let mut root = Group::default();
    // A field with an evidence column is written in its `$`-keyed form, its own column
    // giving `$value`.
    let annotated: Vec<&[&str]> = columns
        .iter()
        .filter_map(|column| match &column.target {
            Target::Evidence { path, .. } => Some(path.as_slice()),
            _ => None,
        })
        .collect();
    let partial = partial_claims(loader, columns, record, cells, problems);
    for ((column, value), cell) in columns.iter().zip(record.iter()).zip(cells) {
        let trimmed = value.trim();
        if trimmed.is_empty() {
            continue;
        }
        let span = value_span(cell, value, trimmed);
        let problem = |code: Code, message: Message, help: Message| {
            DataProblem::new(
                code,
                message,
                column.name.clone(),
                Some(loader.index.loc(span)),
            )
            .with_help(help)
        };
        match &column.target {
            Target::Field { path, ty } => {
                let node = match ty.element() {
                    Some(_) if trimmed == EMPTY_LIST => {
                        Node::new(NodeKind::List(Rc::from(Vec::new())), span)
                    }
                    Some(element) => list_node(cell, value, span, dialect, element),
                    None => scalar_node(trimmed, span, dialect, ty),
                };
                if annotated.contains(&path.as_slice()) {
                    let mut at: Vec<&str> = path.clone();
                    at.push(crate::evidence::VALUE_KEY);
                    root.insert(&at, column.span, node);
                } else {
                    root.insert(path, column.span, node);
                }
            }
            Target::Evidence {
                path,
                keys: [EQUIVALENT_KEY, _],
            } if partial.contains(path) => {}
            Target::Evidence { path, keys } => {
                let ty = if *keys == [crate::evidence::VALID_UNTIL_KEY] {
                    Ty::Date
                } else {
                    Ty::String
                };
                let mut at: Vec<&str> = path.clone();
                at.extend_from_slice(keys);
                root.insert(&at, column.span, scalar_node(trimmed, span, dialect, &ty));
            }
            Target::Id => {
                let node = Node::new(NodeKind::Plain(Cow::Borrowed(trimmed)), span);
                root.insert(&["id"], column.span, node);
            }
            Target::Lots => root.insert(
                &[LOTS_KEY],
                column.span,
                list_node(cell, value, span, dialect, &Ty::String),
            ),
            Target::Unknown { .. } => {}
            Target::Record => problems.push(problem(
                Code::DESCRIPTOR_TYPE,
                Message::new("d0602-csv-column-names-record").with("column", column.name.as_str()),
                Message::new("d0602-help-csv-column-per-field")
                    .with("column", column.name.as_str()),
            )),
            Target::RecordList { path, inside } if !inside && trimmed == EMPTY_LIST => {
                root.insert(
                    path,
                    column.span,
                    Node::new(NodeKind::List(Rc::from(Vec::new())), span),
                );
            }
            Target::RecordList { path, inside } => {
                let field = path.join(".");
                let elsewhere = Message::new("d0602-help-csv-record-list-elsewhere")
                    .with("field", field.as_str());
                problems.push(problem(
                    Code::DESCRIPTOR_TYPE,
                    Message::new("d0602-csv-record-list")
                        .with("field", field.as_str())
                        .with("format", dialect.name),
                    match inside {
                        true => elsewhere,
                        false => Message::new("d0602-help-csv-empty-record-list")
                            .with("elsewhere", elsewhere),
                    },
                ));
            }
            Target::Unnamed => problems.push(problem(
                Code::DESCRIPTOR_SYNTAX,
                super::invalid(
                    dialect.name,
                    Message::new("d0601-csv-unnamed-column")
                        .with("value", trimmed)
                        .with("column", column.position + 1),
                ),
                Message::new("d0601-help-csv-name-column"),
            )),
            Target::Duplicate => {
                problems.push(
                    DataProblem::new(
                        Code::DESCRIPTOR_DUPLICATE_KEY,
                        Message::new("d0606-csv-column-twice").with("column", column.name.as_str()),
                        column.name.clone(),
                        Some(loader.index.loc(column.span)),
                    )
                    .with_help(Message::new("d0606-help-csv-column-once")),
                );
            }
        }
    }
    let end = cells.last().map_or(row_start, |cell| cell.raw.end);
    root.into_node(Span::new(row_start, end.max(row_start)))
}

/// Where a cell's trimmed value is: exact for an unquoted cell, the whole quoted cell else.
fn value_span(cell: &CellSpan, value: &str, trimmed: &str) -> Span {
    if cell.quoted {
        return cell.raw;
    }
    let leading = value.len() - value.trim_start().len();
    let start = cell.raw.start as usize + leading;
    Span::from_range(start..start + trimmed.len())
}

/// What a list or set cell writes for a list without items: an empty cell is a value not
/// given, which is not the same.
const EMPTY_LIST: &str = "[]";

/// A cell of a field of type `ty`, its decimal comma made a point where the dialect
/// allows one, and a boolean or a date written as a French spreadsheet writes them read
/// as such.
fn scalar_node<'a>(text: &'a str, span: Span, dialect: Dialect, ty: &Ty) -> Node<'a> {
    if dialect.french_cells() {
        if matches!(ty, Ty::Bool)
            && let Some(value) = french_bool(text)
        {
            return Node::new(NodeKind::Bool(value), span);
        }
        if matches!(ty, Ty::Date)
            && let Some(date) = french_date(text.trim())
        {
            return Node::new(NodeKind::Plain(Cow::Owned(date)), span);
        }
    }
    let text = match dialect.decimal_comma().then(|| decimal_point(text, ty)) {
        Some(Some(fixed)) => Cow::Owned(fixed),
        _ => Cow::Borrowed(text),
    };
    Node::new(NodeKind::Plain(text), span)
}

/// A `;`-separated list of `element`s, each item located in the cell when the cell's
/// text maps onto the file byte for byte.
fn list_node<'a>(
    cell: &CellSpan,
    value: &'a str,
    span: Span,
    dialect: Dialect,
    element: &Ty,
) -> Node<'a> {
    let exact = !cell.quoted || cell.raw.len() as usize == value.len() + 2;
    let base = cell.raw.start as usize + usize::from(cell.quoted);
    let mut items = Vec::new();
    let mut offset = 0;
    for piece in value.split(';') {
        let start = offset;
        offset += piece.len() + 1;
        let item = piece.trim();
        if item.is_empty() {
            continue;
        }
        let item_span = if exact {
            let leading = piece.len() - piece.trim_start().len();
            Span::from_range(base + start + leading..base + start + leading + item.len())
        } else {
            span
        };
        items.push(scalar_node(item, item_span, dialect, element));
    }
    Node::new(NodeKind::List(Rc::from(items)), span)
}
