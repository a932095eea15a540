//! Turning the `DESCRIPTOR…` arguments into descriptors: files, folders searched by
//! extension, and `-` for NDJSON on standard input.

mod file_kind;
mod ndjson_lines;
pub mod size_limit;

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use clausier_check::types::Schema;
use clausier_data::DataDiagnostics;
use clausier_data::descriptor::Descriptor;
use clausier_data::load::{self, Format, LoadOptions};
use clausier_eval::stream::{NdjsonLine, Pending};
use clausier_pack::describe_io_error;

use self::file_kind::{FileId, file_id, not_regular};
use crate::error::CliError;

pub use ndjson_lines::{NdjsonLines, SpoolError};

/// The source name of descriptors read from standard input.
pub const STDIN_SOURCE: &str = "<stdin>";

/// The extensions searched for in folders, as the help and error messages list them.
const EXTENSIONS: &str = ".json, .yaml, .yml, .toml, .csv, .ndjson and .jsonl";

/// One input of the run, in the order it will appear in the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    /// A file, named for people as given or as found below a given folder.
    File {
        path: PathBuf,
        source: String,
    },
    /// Something that could not even be listed, or is not a file to read (a FIFO, a
    /// device); it becomes an invalid descriptor.
    Unreadable {
        source: String,
        message: String,
    },
}

/// What the arguments are read with.
struct Collector {
    inputs: Vec<Input>,
    /// Every file and folder listed so far: reached twice, through overlapping arguments
    /// or links, it is read once.
    seen: HashSet<FileId>,
    /// The report's own file, never read as a descriptor.
    output: Option<FileId>,
}

/// Expands the arguments: folders into their descriptor files sorted by path, each file
/// once even when it is reached twice. `output` is the report's file: naming it as a
/// descriptor is an error, and a folder's walk skips it.
pub fn collect(arguments: &[PathBuf], output: Option<&Path>) -> Result<Vec<Input>, CliError> {
    let mut collector = Collector {
        inputs: Vec::new(),
        seen: HashSet::new(),
        output: output
            .filter(|path| path.as_os_str() != "-")
            .and_then(|path| fs::metadata(path).ok().map(|metadata| (path, metadata)))
            .filter(|(_, metadata)| metadata.is_file())
            .map(|(path, metadata)| file_id(path, &metadata)),
    };
    let mut stdin_given = false;
    for argument in arguments {
        if argument.as_os_str() == "-" {
            if stdin_given {
                return Err(CliError::new("`-` is given twice")
                    .with_help("standard input can be read once; give `-` a single time"));
            }
            stdin_given = true;
            collector.inputs.push(Input::Stdin);
            continue;
        }
        let source = argument.display().to_string();
        match fs::metadata(argument) {
            Err(error) => collector.inputs.push(Input::Unreadable {
                message: format!("cannot read `{source}`: {}", describe_io_error(&error)),
                source,
            }),
            Ok(metadata) if metadata.is_dir() => {
                if collector.first_time(argument, &metadata) {
                    let found = collector.walk(argument, &source);
                    if found == 0 {
                        return Err(CliError::new(format!("no descriptor in `{source}`"))
                            .with_help(format!(
                                "descriptors are files ending in {EXTENSIONS}; hidden files \
                                 and folders are skipped"
                            )));
                    }
                }
            }
            Ok(metadata) => {
                let id = file_id(argument, &metadata);
                if collector.output.as_ref() == Some(&id) {
                    return Err(CliError::new(format!(
                        "`{source}` is both a descriptor to check and the report's output"
                    ))
                    .with_help(
                        "write the report to another file: this one would be overwritten by \
                         the report",
                    ));
                }
                if !metadata.is_file() {
                    collector.inputs.push(Input::Unreadable {
                        message: not_regular(&source, &metadata),
                        source,
                    });
                } else if collector.seen.insert(id) {
                    collector.inputs.push(Input::File {
                        path: argument.clone(),
                        source,
                    });
                }
            }
        }
    }
    Ok(collector.inputs)
}

impl Collector {
    fn first_time(&mut self, path: &Path, metadata: &fs::Metadata) -> bool {
        self.seen.insert(file_id(path, metadata))
    }

    /// Adds the descriptor files below `folder`, sorted by their path relative to it;
    /// returns how many it holds, counting those already listed.
    fn walk(&mut self, folder: &Path, source: &str) -> usize {
        let entries = match fs::read_dir(folder) {
            Ok(entries) => entries,
            Err(error) => {
                self.inputs.push(Input::Unreadable {
                    source: source.to_owned(),
                    message: format!("cannot read `{source}`: {}", describe_io_error(&error)),
                });
                return 1;
            }
        };
        let mut found = 0;
        let mut children: Vec<(String, PathBuf)> = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    if !name.starts_with('.') {
                        children.push((name, entry.path()));
                    }
                }
                Err(error) => {
                    found += 1;
                    self.inputs.push(Input::Unreadable {
                        source: source.to_owned(),
                        message: format!("cannot read `{source}`: {}", describe_io_error(&error)),
                    });
                }
            }
        }
        children.sort();
        for (name, path) in children {
            let child_source = format!("{}/{name}", source.trim_end_matches(['/', '\\']));
            let is_descriptor = Format::from_path(&path).is_some();
            match fs::metadata(&path) {
                Ok(metadata) if metadata.is_dir() => {
                    // A link back to an enclosing folder is visited once.
                    if self.first_time(&path, &metadata) {
                        found += self.walk(&path, &child_source);
                    }
                }
                Ok(metadata) if is_descriptor => {
                    let id = file_id(&path, &metadata);
                    if self.output.as_ref() == Some(&id) {
                        continue;
                    }
                    found += 1;
                    if !self.seen.insert(id) {
                        continue;
                    }
                    if metadata.is_file() {
                        self.inputs.push(Input::File {
                            path,
                            source: child_source,
                        });
                    } else {
                        self.inputs.push(Input::Unreadable {
                            message: not_regular(&child_source, &metadata),
                            source: child_source,
                        });
                    }
                }
                Ok(_) => {}
                Err(error) => {
                    found += 1;
                    self.inputs.push(Input::Unreadable {
                        message: format!(
                            "cannot read `{child_source}`: {}",
                            describe_io_error(&error)
                        ),
                        source: child_source,
                    });
                }
            }
        }
        found
    }
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
    CliError::new("no descriptor to check: the inputs hold no record").with_help(
        "give files or folders of descriptors, or NDJSON on standard input with `-`; a CSV \
             file needs a row below its header, an NDJSON file a non-blank line",
    )
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
            Input::File { path, source } => match read_file(path, source, max_size) {
                Ok((text, format)) => {
                    let loaded = load::load_text(schema, source, &text, format, options);
                    if let Some(data) = data.as_deref_mut() {
                        data.push_file(&loaded, &text);
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
    let file = file_kind::open_regular(path, source)
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

/// A whole descriptor file, read up to one byte past the limit and no further.
fn read_file(
    path: &Path,
    source: &str,
    max_size: usize,
) -> Result<(String, Format), Box<Descriptor>> {
    let unreadable = |message: String| Box::new(load::unreadable(source, message));
    let format = Format::from_path(path).ok_or_else(|| {
        unreadable(format!(
            "`{source}` is not a descriptor file: its name must end in {EXTENSIONS}"
        ))
    })?;
    let file = file_kind::open_regular(path, source).map_err(unreadable)?;
    let too_large = || {
        let mut descriptor = load::unreadable(
            source,
            format!(
                "`{source}` is larger than {}, the largest descriptor read",
                size_limit::describe(max_size)
            ),
        );
        for problem in &mut descriptor.problems {
            problem.help = Some(size_limit::raise_help(max_size));
        }
        Box::new(descriptor)
    };
    let declared = file.metadata().map_or(0, |metadata| metadata.len());
    let limit = u64::try_from(max_size).unwrap_or(u64::MAX);
    if declared > limit {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|error| {
            unreadable(format!(
                "cannot read `{source}`: {}",
                describe_io_error(&error)
            ))
        })?;
    if bytes.len() > max_size {
        return Err(too_large());
    }
    if u32::try_from(bytes.len()).is_err() {
        return Err(unreadable(format!(
            "`{source}` is too large to be a descriptor file"
        )));
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| unreadable(format!("`{source}` is not valid UTF-8")))?;
    Ok((text, format))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(root: &Path, relative: &str) {
        let path = root.join(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, "{}").unwrap();
    }

    fn sources(inputs: &[Input]) -> Vec<String> {
        inputs
            .iter()
            .map(|input| match input {
                Input::Stdin => "-".to_owned(),
                Input::File { source, .. } => source.clone(),
                Input::Unreadable { source, .. } => format!("!{source}"),
            })
            .collect()
    }

    #[test]
    fn folders_expand_to_descriptor_files_sorted_and_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for relative in [
            "b.yaml",
            "a/z.json",
            "a/notes.md",
            ".hidden/x.json",
            "c.ndjson",
        ] {
            write(root, relative);
        }
        let folder = root.display().to_string();
        let inputs = collect(
            &[
                root.join("c.ndjson"),
                PathBuf::from("-"),
                root.to_path_buf(),
                root.join("missing.json"),
            ],
            None,
        )
        .unwrap();
        assert_eq!(
            sources(&inputs),
            [
                format!("{folder}/c.ndjson"),
                "-".to_owned(),
                format!("{folder}/a/z.json"),
                format!("{folder}/b.yaml"),
                format!("!{folder}/missing.json"),
            ]
        );
    }

    #[test]
    fn stdin_twice_and_empty_folders_are_usage_errors() {
        let dir = tempfile::tempdir().unwrap();
        let error = collect(&[PathBuf::from("-"), PathBuf::from("-")], None).unwrap_err();
        assert_eq!(error.message, "`-` is given twice");
        write(dir.path(), "readme.md");
        let error = collect(&[dir.path().to_path_buf()], None).unwrap_err();
        assert_eq!(
            error.message,
            format!("no descriptor in `{}`", dir.path().display())
        );
    }
}
