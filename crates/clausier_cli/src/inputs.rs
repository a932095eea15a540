//! Turning the `DESCRIPTOR…` arguments into descriptors: files, folders searched by
//! extension, and `-` for NDJSON on standard input.

mod ndjson_lines;

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use clausier_check::types::Schema;
use clausier_data::DataDiagnostics;
use clausier_data::descriptor::Descriptor;
use clausier_data::files::{
    self, FindError, Input, STDIN_SOURCE, open_regular, read_descriptor_file,
};
use clausier_data::load::{self, Format, LoadOptions};
use clausier_diagnostics::Message;
use clausier_eval::stream::{NdjsonLine, Pending};

use crate::error::CliError;

pub use ndjson_lines::{NdjsonLines, SpoolError};

/// Expands the arguments into inputs (`clausier_data::files::collect`): folders into their
/// descriptor files sorted by path, each file once; `output` is the report's file, never
/// read as a descriptor.
pub fn collect(arguments: &[PathBuf], output: Option<&Path>) -> Result<Vec<Input>, CliError> {
    files::collect(arguments, output).map_err(|FindError { message, help }| {
        let error = CliError::new(message);
        match help {
            Some(help) => error.with_help(help),
            None => error,
        }
    })
}

/// Whether the run can be checked while its input is read: every input is NDJSON (or
/// standard input, NDJSON too), or could not even be listed.
pub fn all_ndjson(inputs: &[Input]) -> bool {
    inputs.iter().all(|input| match input {
        Input::Stdin | Input::Unreadable { .. } => true,
        Input::File { path, .. } => Format::from_path(path) == Some(Format::Ndjson),
    })
}

/// The error of a run that found no descriptor at all: nothing was checked, and a report
/// with no offer would read as if every offer had passed.
pub fn no_descriptor() -> CliError {
    CliError::new(Message::new("e09-no-record")).with_help(Message::new("e09-help-no-record"))
}

/// Reads and loads every input against the pack's schema. Nothing here fails the run: an
/// input that cannot be read becomes an invalid descriptor.
///
/// With `data`, every descriptor is pushed there too, in order, so that its problems can
/// be shown with a snippet of its text (only the texts of descriptors with problems are
/// kept).
pub fn load_all(
    inputs: &[Input],
    schema: &Schema,
    options: &LoadOptions,
    max_size: usize,
    stdin: &mut dyn Read,
    mut data: Option<&mut DataDiagnostics>,
) -> Vec<Descriptor> {
    let mut descriptors = Vec::new();
    for input in inputs {
        match input {
            Input::Stdin => {
                let lines = NdjsonLines::new(BufReader::new(&mut *stdin), STDIN_SOURCE)
                    .with_max_line(max_size);
                load_lines(
                    lines,
                    schema,
                    options,
                    &mut descriptors,
                    data.as_deref_mut(),
                );
            }
            Input::File { path, source } if Format::from_path(path) == Some(Format::Ndjson) => {
                match open_ndjson(path, source, max_size) {
                    Ok(lines) => {
                        load_lines(
                            lines,
                            schema,
                            options,
                            &mut descriptors,
                            data.as_deref_mut(),
                        );
                    }
                    Err(descriptor) => {
                        push_unread(&mut descriptors, *descriptor, data.as_deref_mut())
                    }
                }
            }
            Input::File { path, source } => match read_descriptor_file(path, source, max_size) {
                Ok(file) => {
                    let loaded = load::load_file(schema, source, &file, options);
                    if let Some(data) = data.as_deref_mut() {
                        if file.format.is_workbook() {
                            // A workbook has no text to quote: its problems name their
                            // sheet and cell instead.
                            loaded
                                .iter()
                                .for_each(|descriptor| data.push_unread(descriptor));
                        } else {
                            data.push_file(&loaded, &file.text);
                        }
                    }
                    descriptors.extend(loaded);
                }
                Err(descriptor) => push_unread(&mut descriptors, *descriptor, data.as_deref_mut()),
            },
            Input::Unreadable { source, message } => {
                let descriptor = load::unreadable(source, message.clone());
                push_unread(&mut descriptors, descriptor, data.as_deref_mut());
            }
        }
    }
    descriptors
}

fn push_unread(
    descriptors: &mut Vec<Descriptor>,
    descriptor: Descriptor,
    data: Option<&mut DataDiagnostics>,
) {
    if let Some(data) = data {
        data.push_unread(&descriptor);
    }
    descriptors.push(descriptor);
}

/// An NDJSON file's lines, or the invalid descriptor that says why it cannot be read.
pub fn open_ndjson(
    path: &Path,
    source: &str,
    max_line: usize,
) -> Result<NdjsonLines<BufReader<File>>, Box<Descriptor>> {
    let file = open_regular(path, source)
        .map_err(|message| Box::new(load::unreadable(source, message)))?;
    Ok(NdjsonLines::new(BufReader::new(file), source).with_max_line(max_line))
}

/// Loads NDJSON a chunk at a time: only one chunk of raw lines is held besides the
/// descriptors.
fn load_lines(
    mut lines: NdjsonLines<impl BufRead>,
    schema: &Schema,
    options: &LoadOptions,
    descriptors: &mut Vec<Descriptor>,
    mut data: Option<&mut DataDiagnostics>,
) {
    let mut chunk = Vec::new();
    loop {
        chunk.clear();
        // Without a spool, reading cannot fail: a read error is an invalid descriptor.
        let more = lines.fill(&mut chunk, 1024).unwrap_or(false);
        for pending in &chunk {
            let descriptor = pending.load(schema, options);
            if let Some(data) = data.as_deref_mut() {
                match pending {
                    Pending::Line(NdjsonLine {
                        number,
                        offset,
                        text: Ok(text),
                        ..
                    }) => data.push_record(&descriptor, text, *offset, *number),
                    _ => data.push_unread(&descriptor),
                }
            }
            descriptors.push(descriptor);
        }
        if !more {
            break;
        }
    }
}
