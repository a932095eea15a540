//! Loading vendor descriptors (JSON, YAML, TOML, CSV, NDJSON, Excel and OpenDocument
//! workbooks, and the inline data of tests) against a pack's schema.
//!
//! Each format is read into one neutral tree with byte spans in the whole file; one
//! converter then gives every value its declared type, records where it was written, and
//! collects every problem (with its path, line and column) instead of stopping at the
//! first. Nothing here panics on any input: bad data makes an `invalid` descriptor.

mod convert;
mod csv_dialect;
mod csv_source;
mod evidence;
mod expect;
mod fast_json;
#[cfg(test)]
mod fast_path_tests;
mod inline_source;
mod json_files;
mod json_source;
mod keys;
mod node;
mod offer_lots;
mod publiccode;
mod scalar;
mod suggest;
mod text_index;
mod toml_source;
mod workbook_source;
mod yaml_source;

use std::path::Path;

use clausier_check::types::Schema;
use clausier_diagnostics::{Code, Message, SourceFile, Span, quoted};
use clausier_syntax::ast::DataValue;

use self::convert::Converter;
pub(crate) use self::fast_json::ValueSpans;
pub(crate) use self::json_files::{locate_spans, reread_locations};
use self::node::{Node, NodeKind};
use self::text_index::TextIndex;
use crate::descriptor::{DataProblem, Descriptor, Locations};

/// A descriptor file format, known by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Json,
    Yaml,
    Toml,
    Csv,
    /// Tab-separated values, the text a spreadsheet exports without the comma or
    /// semicolon questions of CSV; otherwise read as CSV is.
    Tsv,
    Ndjson,
    /// An Excel workbook, read from its bytes (`workbook_source.rs`).
    Xlsx,
    /// An OpenDocument spreadsheet (LibreOffice Calc), read as an Excel workbook is.
    Ods,
}

impl Format {
    /// Every descriptor extension with its format, in the order messages list them: the
    /// one list the readers, the messages and the file searches use.
    pub const EXTENSIONS: [(&'static str, Format); 11] = [
        ("json", Format::Json),
        ("yaml", Format::Yaml),
        ("yml", Format::Yaml),
        ("toml", Format::Toml),
        ("csv", Format::Csv),
        ("tsv", Format::Tsv),
        ("tab", Format::Tsv),
        ("ndjson", Format::Ndjson),
        ("jsonl", Format::Ndjson),
        ("xlsx", Format::Xlsx),
        ("ods", Format::Ods),
    ];

    /// The format of `.json`, `.yaml`/`.yml`, `.toml`, `.csv`, `.tsv`/`.tab`,
    /// `.ndjson`/`.jsonl`, `.xlsx` and `.ods` files, whatever the case of the extension.
    pub fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        Format::EXTENSIONS
            .iter()
            .find(|(known, _)| *known == extension)
            .map(|(_, format)| *format)
    }

    /// The extensions as a message lists them, each as `wrap` writes it and the last
    /// after `last_word`: `.json, .yaml, … or .jsonl`.
    pub fn listed_extensions(wrap: impl Fn(&str) -> String, last_word: &str) -> String {
        let written: Vec<String> = Format::EXTENSIONS
            .iter()
            .map(|(extension, _)| wrap(&format!(".{extension}")))
            .collect();
        match written.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} {last_word} {last}", rest.join(", ")),
            None => String::new(),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "JSON",
            Format::Yaml => "YAML",
            Format::Toml => "TOML",
            Format::Csv => "CSV",
            Format::Tsv => "TSV",
            Format::Ndjson => "NDJSON",
            Format::Xlsx => "XLSX",
            Format::Ods => "ODS",
        }
    }

    /// Whether files of this format are workbooks, read from their bytes rather than as
    /// text (`load_file`).
    pub fn is_workbook(self) -> bool {
        matches!(self, Format::Xlsx | Format::Ods)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LoadOptions {
    /// Make fields the schema does not declare errors, which make the descriptor invalid;
    /// without it they are warnings.
    pub strict: bool,
}

/// One file's descriptors, in order: one for JSON, YAML and TOML (a `publiccode.yml`
/// read as the solution it describes, `publiccode.rs`), one per non-blank line
/// of NDJSON and per non-blank row of CSV and TSV. A workbook is not text: `load_file`
/// reads it, and here it is an invalid descriptor that says so.
pub fn load_text(
    schema: &Schema,
    source: &str,
    text: &str,
    format: Format,
    options: &LoadOptions,
) -> Vec<Descriptor> {
    match format {
        Format::Ndjson => return json_files::ndjson(schema, source, text, options),
        Format::Json => {
            let shared = json_files::Shared::keeping(schema);
            return vec![json_files::json_file(
                schema, source, text, options, &shared,
            )];
        }
        Format::Xlsx | Format::Ods => {
            return vec![unreadable(
                source,
                Message::new("d0607-workbook-as-text").with("file", source),
            )];
        }
        Format::Yaml | Format::Toml | Format::Csv | Format::Tsv => {}
    }
    let index = TextIndex::new(text);
    let loader = Loader {
        schema,
        source,
        index: &index,
        options,
    };
    match format {
        // Read above, without a whole-file index.
        Format::Json | Format::Ndjson | Format::Xlsx | Format::Ods => Vec::new(),
        Format::Yaml => {
            let read = yaml_source::parse(text, &index);
            let shape = Message::new("data-help-yaml-shape");
            match read {
                Ok(root) if publiccode::is_publiccode(source, &root) => {
                    let (solution, problems) = publiccode::to_solution(root, schema, &index);
                    let id = publiccode::solution_id(source);
                    vec![loader.document(None, id, Ok(solution), problems, &shape)]
                }
                read => vec![loader.document(None, file_stem(source), read, Vec::new(), &shape)],
            }
        }
        Format::Toml => {
            let (read, duplicates) = match toml_source::parse(text) {
                Ok(read) => (Ok(read.root), read.duplicate_keys),
                Err(error) => (Err(error), Vec::new()),
            };
            let problems = duplicates
                .into_iter()
                .map(|duplicate| {
                    DataProblem::new(
                        Code::DESCRIPTOR_DUPLICATE_KEY,
                        Message::new("data-duplicate-key").with("key", quoted(&duplicate.key)),
                        duplicate.path,
                        Some(index.loc(duplicate.span)),
                    )
                    .with_help(Message::new("data-help-each-key-and-table-once"))
                })
                .collect();
            let shape = Message::new("data-help-toml-shape");
            vec![loader.document(None, file_stem(source), read, problems, &shape)]
        }
        Format::Csv => {
            let dialect = csv_dialect::Dialect::sniff_csv(without_bom(text).0);
            csv_source::load(&loader, dialect)
        }
        Format::Tsv => csv_source::load(&loader, csv_dialect::Dialect::TSV),
    }
}

/// The descriptors of a file read by `files::read_descriptor_file`: `load_text`, and a
/// note (D0610) on the first descriptor, once for the file, when its bytes were not
/// UTF-8 and their encoding was assumed, so that a buyer who reads a strange letter knows
/// why.
pub fn load_file(
    schema: &Schema,
    source: &str,
    file: &crate::files::DescriptorFile,
    options: &LoadOptions,
) -> Vec<Descriptor> {
    let mut descriptors = if file.format.is_workbook() {
        workbook_source::load(schema, source, &file.bytes, file.format, options)
    } else {
        load_text(schema, source, &file.text, file.format, options)
    };
    if let (Some(encoding), Some(first)) = (file.encoding.assumed_name(), descriptors.first_mut()) {
        let note = DataProblem::new(
            Code::DESCRIPTOR_ENCODING,
            Message::new("data-read-as-encoding")
                .with("file", source)
                .with("encoding", encoding),
            String::new(),
            None,
        )
        .with_help(Message::new("data-help-check-accents"));
        first.problems.insert(0, note);
    }
    descriptors
}

/// A test's inline `given { … }` data, located in the clause file `file_text`.
///
/// Undeclared fields are warnings, as in every descriptor: in a test, a misspelt field
/// would otherwise silently test something else.
pub fn load_inline(schema: &Schema, source: &str, file_text: &str, data: &DataValue) -> Descriptor {
    inline_with_index(schema, source, &TextIndex::new(file_text), data)
}

/// [`load_inline`] for a test of `file`, indexing only the lines of its data: a file of
/// many tests is not indexed again for each one.
pub fn load_inline_in(schema: &Schema, file: &SourceFile, data: &DataValue) -> Descriptor {
    let lines = file.line_index();
    let first_line = lines.line_of(data.span.start);
    let base = lines.line_start(first_line).unwrap_or(0) as usize;
    let end = (data.span.end as usize).clamp(base, file.text().len());
    let text = file.text().get(base..end).unwrap_or_default();
    let first_line = u32::try_from(first_line + 1).unwrap_or(u32::MAX);
    let index = TextIndex::at(text, base, first_line);
    inline_with_index(schema, file.name(), &index, data)
}

fn inline_with_index(
    schema: &Schema,
    source: &str,
    index: &TextIndex<'_>,
    data: &DataValue,
) -> Descriptor {
    let options = LoadOptions::default();
    let loader = Loader {
        schema,
        source,
        index,
        options: &options,
    };
    let read = inline_source::node(data, 0);
    let shape = Message::new("data-help-given-shape");
    loader.document(None, file_stem(source), read, Vec::new(), &shape)
}

/// A descriptor for a file that could not be read at all (an I/O error, not UTF-8).
pub fn unreadable(source: &str, message: impl Into<Message>) -> Descriptor {
    Descriptor {
        id: file_stem(source),
        source: source.to_owned(),
        line: None,
        root: None,
        lots: Vec::new(),
        locations: Locations::default(),
        evidence: Vec::new(),
        problems: vec![DataProblem::new(
            Code::DESCRIPTOR_UNREADABLE,
            message,
            String::new(),
            None,
        )],
    }
}

/// The help under a JSON descriptor that is not an object.
fn json_shape() -> Message {
    Message::new("data-help-json-shape")
}

/// What a format could not read: the message, where, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    pub(crate) message: Message,
    pub(crate) span: Span,
    pub(crate) help: Option<Message>,
}

impl SyntaxError {
    /// "invalid YAML: …": what a format's parser said, in its own words, framed by the
    /// catalogue's.
    pub(crate) fn invalid(format: &str, detail: impl Into<Message>, span: Span) -> Self {
        Self {
            message: invalid(format, detail),
            span,
            help: None,
        }
    }

    /// An error with no help, in the catalogue's words.
    pub(crate) fn new(message: Message, span: Span) -> Self {
        Self {
            message,
            span,
            help: None,
        }
    }

    #[must_use]
    pub(crate) fn with_help(mut self, help: Message) -> Self {
        self.help = Some(help);
        self
    }

    /// Data nested deeper than the loaders follow.
    pub(crate) fn too_deep(span: Span) -> Self {
        Self::new(
            Message::new("d0601-too-deep").with("depth", node::MAX_DEPTH),
            span,
        )
    }
}

/// "invalid CSV: …", `detail` being the catalogue's words or a parser's own.
pub(crate) fn invalid(format: &str, detail: impl Into<Message>) -> Message {
    Message::new("d0601-invalid")
        .with("format", format)
        .with("detail", detail.into())
}

/// What every descriptor of one file shares.
pub(crate) struct Loader<'a> {
    pub(crate) schema: &'a Schema,
    pub(crate) source: &'a str,
    pub(crate) index: &'a TextIndex<'a>,
    pub(crate) options: &'a LoadOptions,
}

impl Loader<'_> {
    /// Converts one read tree into a descriptor; `problems` were found while reading.
    pub(crate) fn document(
        &self,
        line: Option<u32>,
        default_id: String,
        read: Result<Node<'_>, SyntaxError>,
        problems: Vec<DataProblem>,
        shape_help: &Message,
    ) -> Descriptor {
        self.convert(line, default_id, read, problems, shape_help, true)
    }

    /// As `document`, keeping the locations of problems only: the caller makes the
    /// descriptor's locations found later.
    pub(crate) fn document_unlocated(
        &self,
        line: Option<u32>,
        default_id: String,
        read: Result<Node<'_>, SyntaxError>,
        shape_help: &Message,
    ) -> Descriptor {
        self.convert(line, default_id, read, Vec::new(), shape_help, false)
    }

    fn convert(
        &self,
        line: Option<u32>,
        default_id: String,
        read: Result<Node<'_>, SyntaxError>,
        problems: Vec<DataProblem>,
        shape_help: &Message,
        locate: bool,
    ) -> Descriptor {
        let node = match read {
            Ok(node) => node,
            Err(error) => return self.broken(line, default_id, error),
        };
        let id = top_level_id(&node).unwrap_or(default_id);
        let mut converter = Converter::new(self.schema, self.index, self.options.strict);
        if !locate {
            converter = converter.without_locations();
        }
        for problem in problems {
            converter.push_problem(problem);
        }
        let root = converter.convert_root(&node, shape_help);
        let converted = converter.finish();
        let mut problems = converted.problems;
        // Problems read in the order of the file.
        problems.sort_by_key(|problem| problem.loc.map(|loc| loc.span.start));
        Descriptor {
            id,
            source: self.source.to_owned(),
            line,
            root,
            lots: converted.lots,
            locations: converted.locations,
            problems,
            evidence: converted.evidence,
        }
    }

    /// A descriptor whose data could not be read.
    pub(crate) fn broken(&self, line: Option<u32>, id: String, error: SyntaxError) -> Descriptor {
        let mut problem = DataProblem::new(
            Code::DESCRIPTOR_SYNTAX,
            error.message,
            String::new(),
            Some(self.index.loc(error.span)),
        );
        problem.help = error.help;
        Descriptor {
            id,
            source: self.source.to_owned(),
            line,
            root: None,
            lots: Vec::new(),
            locations: Locations::default(),
            evidence: Vec::new(),
            problems: vec![problem],
        }
    }
}

/// One line of an NDJSON input as its own descriptor, located in the whole input:
/// `line` is the text of line `line_number` (1-based) without its line break, starting at
/// byte `byte_offset` of the input. Its id is `stem:line` unless the data gives one.
///
/// `load_text` reads an NDJSON file line by line with this, skipping blank lines (which
/// hold no descriptor: callers that stream lines skip them too). A line the fast path
/// leaves to the located path finds its locations with the schema given to
/// `Locations::get_with`, as explanations do.
pub fn load_ndjson_line(
    schema: &Schema,
    source: &str,
    line_number: u32,
    byte_offset: usize,
    line: &str,
    options: &LoadOptions,
) -> Descriptor {
    let line = json_files::Line {
        number: line_number,
        byte_offset,
        raw: line,
    };
    let stem = file_stem(source);
    json_files::ndjson_line(
        schema,
        source,
        &stem,
        line,
        options,
        &json_files::Shared::default(),
    )
}

/// The data's top-level `id` string, declared by the schema or not.
fn top_level_id(node: &Node<'_>) -> Option<String> {
    let NodeKind::Record(entries) = &node.kind else {
        return None;
    };
    let entry = entries.iter().find(|entry| entry.key == "id")?;
    let id = entry.value.as_text()?.trim();
    (!id.is_empty()).then(|| id.to_owned())
}

/// `vendor-042` for `vendors/vendor-042.json`.
pub fn file_stem(source: &str) -> String {
    Path::new(source)
        .file_stem()
        .and_then(|stem| stem.to_str())
        .unwrap_or(source)
        .to_owned()
}

/// The text without a leading byte order mark, and where it starts.
fn without_bom(text: &str) -> (&str, usize) {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => (rest, '\u{feff}'.len_utf8()),
        None => (text, 0),
    }
}
