//! Excel (`.xlsx`) and OpenDocument (`.ods`) workbooks, read with calamine. Every sheet
//! that holds a cell is read, in the workbook's order, in one of two shapes, told apart
//! by its first row:
//!
//! - a **questionnaire**, whose first row reads `champ` and `valeur` (or `field` and
//!   `value`) in its first two cells: each row below gives a field path in column A and
//!   its value in column B, and the sheet is one offer (further columns, such as the
//!   description and type that `clausier schema --format xlsx` writes, are for the vendor
//!   to read and are not read);
//! - a **table**, any other sheet: its first row names field paths as a CSV header does,
//!   and each row below is one offer.
//!
//! Each cell becomes the text a CSV cell would hold (numbers in decimal, booleans `true`
//! or `false`, date cells `2027-01-04`, date and time cells `2027-01-04T08:30:00`; a text
//! cell may write its decimals with a comma, `4,5`, a boolean `oui`, `non`, `vrai` or
//! `faux` and a day `12/05/2026`, as in a `;`-separated CSV), then goes through CSV's own
//! column resolution and cell conversion (`csv_source`), so the paths, lists
//! (`;`-separated, `[]`), types and messages are CSV's.
//!
//! Locations: a picture of each sheet, one line per row and its cells separated by tabs,
//! gives every cell a span; its index (`TextIndex::cells`) counts lines as rows and tabs as
//! columns, so a problem's line and column are the cell's. Each located problem's message
//! starts with the sheet and the cell (`in sheet `Offres`, cell C4: …`).
//!
//! A workbook is hostile input: what calamine cannot read (not a zip, a broken sheet),
//! a workbook without any cell, and one of more than `MAX_CELLS` cells are invalid
//! descriptors that say so. Excel sheets are streamed cell by cell, so a sheet that claims
//! a huge size allocates nothing for its empty cells.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{Data, DataRef, Ods, Reader, Xlsx};
use clausier_check::types::Schema;
use clausier_diagnostics::{Code, Message, Span};
use csv::StringRecord;

use super::csv_dialect::Dialect;
use super::csv_source::{CellSpan, resolve_columns, row_node, undeclared_columns};
use super::text_index::TextIndex;
use super::{Format, LoadOptions, Loader, SyntaxError, file_stem, unreadable};
use crate::descriptor::{DataProblem, Descriptor};

/// The most cells a workbook may hold, all sheets together: far more than any call for
/// tenders has offers and fields, and few enough to hold in memory.
pub(crate) const MAX_CELLS: usize = 1_000_000;

/// The largest picture of a sheet: spans are `u32` byte offsets.
const MAX_PICTURE: usize = 256 << 20;

/// The words of a questionnaire's first row, in either language.
const PATH_HEADINGS: [&str; 2] = ["champ", "field"];
const VALUE_HEADINGS: [&str; 2] = ["valeur", "value"];

/// Where each cell, by 0-based row and column, is in the picture of its sheet.
type CellSpans = BTreeMap<(u32, u32), Span>;

/// One sheet's cells that hold something, by 0-based row, then column.
struct Sheet {
    name: String,
    rows: BTreeMap<u32, BTreeMap<u32, String>>,
}

pub(crate) fn load(
    schema: &Schema,
    source: &str,
    bytes: &[u8],
    format: Format,
    options: &LoadOptions,
) -> Vec<Descriptor> {
    let sheets = match read_sheets(bytes, format) {
        Ok(sheets) => sheets,
        Err(message) => return vec![refused(source, message, format)],
    };
    let sheets: Vec<Sheet> = sheets
        .into_iter()
        .filter(|sheet| !sheet.rows.is_empty())
        .collect();
    if sheets.is_empty() {
        return vec![refused(
            source,
            Message::new("d0607-workbook-empty").with("file", source),
            format,
        )];
    }
    let several = sheets.len() > 1;
    let dialect = Dialect {
        delimiter: b'\t',
        name: format.name(),
        workbook: true,
    };
    let mut descriptors = Vec::new();
    for sheet in &sheets {
        let (picture, cell_spans) = match picture(sheet) {
            Some(drawn) => drawn,
            None => {
                return vec![refused(
                    source,
                    Message::new("d0607-sheet-too-large")
                        .with("sheet", sheet.name.as_str())
                        .with("file", source),
                    format,
                )];
            }
        };
        let index = TextIndex::cells(&picture);
        let loader = Loader {
            schema,
            source,
            index: &index,
            options,
        };
        let stem = match several {
            true => format!("{}:{}", file_stem(source), sheet.name),
            false => file_stem(source),
        };
        let sheet_cells = SheetCells {
            sheet,
            spans: &cell_spans,
        };
        let mut loaded = if is_questionnaire(sheet) {
            vec![questionnaire(&loader, &sheet_cells, stem, dialect)]
        } else {
            table(&loader, &sheet_cells, &stem, dialect)
        };
        for descriptor in &mut loaded {
            name_cells(descriptor, &sheet.name);
        }
        descriptors.extend(loaded);
    }
    descriptors
}

/// A sheet's cells and where the picture puts each.
struct SheetCells<'s> {
    sheet: &'s Sheet,
    spans: &'s CellSpans,
}

impl SheetCells<'_> {
    fn text(&self, row: u32, column: u32) -> &str {
        self.sheet
            .rows
            .get(&row)
            .and_then(|cells| cells.get(&column))
            .map_or("", String::as_str)
    }

    /// Where the cell is in the picture; an empty cell has an empty span where it would be,
    /// counted in tabs from a cell of its row, so that a problem of an empty cell names it.
    fn span(&self, row: u32, column: u32, row_start: u32) -> Span {
        if let Some(span) = self.spans.get(&(row, column)) {
            return *span;
        }
        let left = self.spans.range((row, 0)..(row, column)).next_back();
        let right = self.spans.range((row, column)..=(row, u32::MAX)).next();
        let at = match (left, right) {
            (Some((&(_, filled), span)), _) => span.end.saturating_add(column - filled),
            (None, Some((&(_, filled), span))) => span.start.saturating_sub(filled - column),
            (None, None) => row_start,
        };
        Span::empty_at(at)
    }
}

/// A workbook calamine could not read, or that holds nothing to read: one invalid
/// descriptor, located at the file's first cell.
fn refused(source: &str, message: Message, format: Format) -> Descriptor {
    let mut descriptor = unreadable(source, message);
    let help = match format {
        Format::Ods => "d0607-help-save-ods",
        _ => "d0607-help-save-xlsx",
    };
    for problem in &mut descriptor.problems {
        problem.help = Some(Message::new(help));
    }
    descriptor
}

fn read_sheets(bytes: &[u8], format: Format) -> Result<Vec<Sheet>, Message> {
    let mut budget = MAX_CELLS;
    let too_many = || Message::new("d0607-workbook-too-many-cells").with("limit", MAX_CELLS);
    match format {
        Format::Ods => {
            let mut workbook: Ods<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
                .map_err(|error| cannot_read(format, &error))?;
            let mut sheets = Vec::new();
            for name in workbook.sheet_names() {
                let range = workbook
                    .worksheet_range(&name)
                    .map_err(|error| cannot_read(format, &error))?;
                let (top, left) = range.start().unwrap_or((0, 0));
                let mut rows: BTreeMap<u32, BTreeMap<u32, String>> = BTreeMap::new();
                for (row, column, data) in range.used_cells() {
                    budget = budget.checked_sub(1).ok_or_else(too_many)?;
                    let row = top.saturating_add(u32::try_from(row).unwrap_or(u32::MAX));
                    let column = left.saturating_add(u32::try_from(column).unwrap_or(u32::MAX));
                    store(&mut rows, row, column, owned_text(data));
                }
                sheets.push(Sheet { name, rows });
            }
            Ok(sheets)
        }
        _ => {
            let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
                .map_err(|error| cannot_read(format, &error))?;
            let mut sheets = Vec::new();
            for name in workbook.sheet_names() {
                let mut cells = workbook
                    .worksheet_cells_reader(&name)
                    .map_err(|error| cannot_read(format, &error))?;
                let mut rows: BTreeMap<u32, BTreeMap<u32, String>> = BTreeMap::new();
                while let Some(cell) = cells
                    .next_cell()
                    .map_err(|error| cannot_read(format, &error))?
                {
                    if matches!(cell.get_value(), DataRef::Empty) {
                        continue;
                    }
                    budget = budget.checked_sub(1).ok_or_else(too_many)?;
                    let (row, column) = cell.get_position();
                    store(&mut rows, row, column, borrowed_text(cell.get_value()));
                }
                sheets.push(Sheet { name, rows });
            }
            Ok(sheets)
        }
    }
}

/// Why calamine could not read the workbook, in calamine's own words.
fn cannot_read(format: Format, error: &dyn std::fmt::Display) -> Message {
    Message::new("d0607-workbook-unreadable")
        .with("format", format.name())
        .with("reason", error.to_string())
}

/// Keeps a cell that holds something other than blanks.
fn store(rows: &mut BTreeMap<u32, BTreeMap<u32, String>>, row: u32, column: u32, text: String) {
    if !text.trim().is_empty() {
        rows.entry(row).or_default().insert(column, text);
    }
}

fn owned_text(data: &Data) -> String {
    match data {
        Data::Int(number) => number.to_string(),
        Data::Float(number) => float_text(*number),
        Data::String(text) => text.clone(),
        Data::Bool(value) => value.to_string(),
        Data::DateTime(moment) => moment_text(moment),
        Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Error(error) => error.to_string(),
        Data::Empty => String::new(),
    }
}

fn borrowed_text(data: &DataRef<'_>) -> String {
    match data {
        DataRef::Int(number) => number.to_string(),
        DataRef::Float(number) => float_text(*number),
        DataRef::String(text) => text.clone(),
        DataRef::SharedString(text) => (*text).to_owned(),
        DataRef::Bool(value) => value.to_string(),
        DataRef::DateTime(moment) => moment_text(moment),
        DataRef::DateTimeIso(text) | DataRef::DurationIso(text) => text.clone(),
        DataRef::Error(error) => error.to_string(),
        DataRef::Empty => String::new(),
    }
}

/// A number cell as a CSV cell writes it: `12`, `4.5`; Rust's shortest form never uses
/// an exponent.
fn float_text(number: f64) -> String {
    number.to_string()
}

/// A date cell as `2027-01-04`, a date and time cell as `2027-01-04T08:30:00`; a
/// duration cell (`[hh]:mm`) keeps its number of days, which no field reads as a
/// duration, so that the converter says what it expected.
fn moment_text(moment: &calamine::ExcelDateTime) -> String {
    if !moment.is_datetime() {
        return float_text(moment.as_f64());
    }
    let (year, month, day, hour, minute, second, _) = moment.to_ymd_hms_milli();
    match (hour, minute, second) {
        (0, 0, 0) => format!("{year:04}-{month:02}-{day:02}"),
        _ => format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}"),
    }
}

/// The picture of a sheet, from its first row to its last, and the span of each cell in
/// it; `None` when it would be too large. A tab or a line break inside a cell is drawn
/// as a space: the picture only locates cells, their values are read from the cells.
/// Every row has as many tabs as the widest, so that an empty cell has a place too.
fn picture(sheet: &Sheet) -> Option<(String, CellSpans)> {
    let mut text = String::new();
    let mut spans = BTreeMap::new();
    let mut line = 0;
    let last_column = sheet
        .rows
        .values()
        .filter_map(|cells| cells.last_key_value().map(|(column, _)| *column))
        .max()
        .unwrap_or(0);
    for (row, cells) in &sheet.rows {
        while line < *row {
            text.push('\n');
            line += 1;
        }
        let mut column = 0;
        for (at, value) in cells {
            while column < *at {
                text.push('\t');
                column += 1;
            }
            let start = text.len();
            text.extend(value.chars().map(|c| {
                if matches!(c, '\t' | '\n' | '\r') {
                    ' '
                } else {
                    c
                }
            }));
            spans.insert((*row, *at), Span::from_range(start..text.len()));
            if text.len() > MAX_PICTURE {
                return None;
            }
        }
        while column < last_column {
            text.push('\t');
            column += 1;
        }
        text.push('\n');
        line += 1;
    }
    Some((text, spans))
}

/// The byte of the picture where `row` starts.
fn row_start(spans: &CellSpans, row: u32) -> u32 {
    spans
        .range((row, 0)..=(row, u32::MAX))
        .next()
        .map_or(0, |(_, span)| span.start)
}

fn is_questionnaire(sheet: &Sheet) -> bool {
    let Some((_, first)) = sheet.rows.first_key_value() else {
        return false;
    };
    let heading = |column: u32, words: &[&str]| {
        first.get(&column).is_some_and(|text| {
            let text = text.trim().to_lowercase();
            words.contains(&text.as_str())
        })
    };
    heading(0, &PATH_HEADINGS) && heading(1, &VALUE_HEADINGS)
}

/// A table: the first row with a cell names the columns, each row below is an offer.
fn table(
    loader: &Loader<'_>,
    cells: &SheetCells<'_>,
    stem: &str,
    dialect: Dialect,
) -> Vec<Descriptor> {
    let rows = &cells.sheet.rows;
    let Some((&header_row, _)) = rows.first_key_value() else {
        return Vec::new();
    };
    let width = rows
        .values()
        .filter_map(|row| row.last_key_value().map(|(column, _)| *column))
        .max()
        .map_or(0, |last| last.saturating_add(1));
    let record_of = |row: u32| -> (StringRecord, Vec<CellSpan>) {
        let start = row_start(cells.spans, row);
        let texts: Vec<&str> = (0..width).map(|column| cells.text(row, column)).collect();
        let spans = (0..width)
            .map(|column| CellSpan::plain(cells.span(row, column, start)))
            .collect();
        (StringRecord::from(texts), spans)
    };
    let (names, name_spans) = record_of(header_row);
    let columns = resolve_columns(loader, &names, &name_spans);
    let mut header_warnings = undeclared_columns(loader, &columns);
    let mut descriptors = Vec::new();
    for &row in rows.keys().filter(|row| **row != header_row) {
        let (record, spans) = record_of(row);
        let start = row_start(cells.spans, row);
        let line = row.saturating_add(1);
        let mut problems = std::mem::take(&mut header_warnings);
        let root = row_node(
            loader,
            &columns,
            &record,
            &spans,
            start,
            dialect,
            &mut problems,
        );
        descriptors.push(loader.document(
            Some(line),
            format!("{stem}:{line}"),
            Ok(root),
            problems,
            &Message::default(),
        ));
    }
    descriptors
}

/// A questionnaire: the rows below the first give a path in column A and its value in
/// column B; the sheet is one offer.
fn questionnaire(
    loader: &Loader<'_>,
    cells: &SheetCells<'_>,
    stem: String,
    dialect: Dialect,
) -> Descriptor {
    let rows = &cells.sheet.rows;
    let mut names = Vec::new();
    let mut name_spans = Vec::new();
    let mut values = Vec::new();
    let mut value_spans = Vec::new();
    let mut problems = Vec::new();
    for &row in rows.keys().skip(1) {
        let start = row_start(cells.spans, row);
        let (path, value) = (cells.text(row, 0), cells.text(row, 1));
        if path.trim().is_empty() {
            if !value.trim().is_empty() {
                let span = cells.span(row, 1, start);
                problems.push(
                    DataProblem::new(
                        Code::DESCRIPTOR_SYNTAX,
                        Message::new("d0601-questionnaire-value-without-path")
                            .with("value", value.trim()),
                        String::new(),
                        Some(loader.index.loc(span)),
                    )
                    .with_help(Message::new("d0601-help-questionnaire-path")),
                );
            }
            continue;
        }
        names.push(path);
        name_spans.push(CellSpan::plain(cells.span(row, 0, start)));
        values.push(value);
        value_spans.push(CellSpan::plain(cells.span(row, 1, start)));
    }
    let names = StringRecord::from(names);
    let values = StringRecord::from(values);
    let columns = resolve_columns(loader, &names, &name_spans);
    problems.extend(undeclared_columns(loader, &columns));
    let first = value_spans.first().map_or(0, |cell| cell.raw.start);
    let root = row_node(
        loader,
        &columns,
        &values,
        &value_spans,
        first,
        dialect,
        &mut problems,
    );
    if values.is_empty() {
        let error = SyntaxError::new(Message::new("d0601-questionnaire-empty"), Span::empty_at(0))
            .with_help(Message::new("d0601-help-questionnaire-rows"));
        return loader.broken(None, stem, error);
    }
    loader.document(None, stem, Ok(root), problems, &Message::default())
}

/// Starts each located problem's message with its sheet and cell: a workbook's reader
/// finds a cell by its name, not by a line and column.
fn name_cells(descriptor: &mut Descriptor, sheet: &str) {
    for problem in &mut descriptor.problems {
        if let Some(loc) = problem.loc {
            let cell = cell_name(loc.line, loc.column);
            problem.message = Message::new("data-in-cell")
                .with("sheet", sheet)
                .with("cell", cell)
                .with("message", problem.message.clone());
        }
    }
}

/// `C4` for row 4, column 3 (both 1-based).
pub(crate) fn cell_name(row: u32, column: u32) -> String {
    let mut letters = Vec::new();
    let mut rest = column;
    while rest > 0 {
        let digit = (rest - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(digit).unwrap_or(0)));
        rest = (rest - 1) / 26;
    }
    letters.reverse();
    format!("{}{row}", letters.into_iter().collect::<String>())
}

#[cfg(test)]
mod tests {
    use super::cell_name;

    #[test]
    fn cells_are_named_as_spreadsheets_name_them() {
        assert_eq!(cell_name(4, 3), "C4");
        assert_eq!(cell_name(1, 26), "Z1");
        assert_eq!(cell_name(12, 27), "AA12");
        assert_eq!(cell_name(1, 16384), "XFD1");
    }
}
