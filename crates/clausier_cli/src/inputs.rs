//! Turning the `DESCRIPTOR…` arguments into descriptors: files, folders searched by
//! extension, and `-` for NDJSON on standard input.

mod ndjson_lines;

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use clausier_check::types::Schema;
use clausier_eval::descriptor::Descriptor;
use clausier_eval::load::{self, Format, LoadOptions};
use clausier_pack::describe_io_error;

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
    /// Something that could not even be listed; it becomes an invalid descriptor.
    Unreadable {
        source: String,
        message: String,
    },
}

/// Expands the arguments: folders into their descriptor files sorted by path, each file
/// once even when it is reached twice.
pub fn collect(arguments: &[PathBuf]) -> Result<Vec<Input>, CliError> {
    let mut inputs = Vec::new();
    let mut seen = HashSet::new();
    let mut stdin_given = false;
    for argument in arguments {
        if argument.as_os_str() == "-" {
            if stdin_given {
                return Err(CliError::new("`-` is given twice")
                    .with_help("standard input can be read once; give `-` a single time"));
            }
            stdin_given = true;
            inputs.push(Input::Stdin);
            continue;
        }
        let source = argument.display().to_string();
        match fs::metadata(argument) {
            Err(error) => inputs.push(Input::Unreadable {
                message: format!("cannot read `{source}`: {}", describe_io_error(&error)),
                source,
            }),
            Ok(metadata) if metadata.is_dir() => {
                let before = inputs.len();
                walk(argument, &source, &mut seen, &mut inputs);
                if inputs.len() == before {
                    return Err(
                        CliError::new(format!("no descriptor in `{source}`")).with_help(format!(
                            "descriptors are files ending in {EXTENSIONS}; hidden files and \
                             folders are skipped"
                        )),
                    );
                }
            }
            Ok(_) => {
                if first_time(&mut seen, argument) {
                    inputs.push(Input::File {
                        path: argument.clone(),
                        source,
                    });
                }
            }
        }
    }
    Ok(inputs)
}

/// Adds the descriptor files below `folder`, sorted by their path relative to it.
fn walk(folder: &Path, source: &str, seen: &mut HashSet<PathBuf>, inputs: &mut Vec<Input>) {
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) => {
            inputs.push(Input::Unreadable {
                source: source.to_owned(),
                message: format!("cannot read `{source}`: {}", describe_io_error(&error)),
            });
            return;
        }
    };
    let mut children: Vec<(String, PathBuf)> = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => {
                let name = entry.file_name().to_string_lossy().into_owned();
                if !name.starts_with('.') {
                    children.push((name, entry.path()));
                }
            }
            Err(error) => inputs.push(Input::Unreadable {
                source: source.to_owned(),
                message: format!("cannot read `{source}`: {}", describe_io_error(&error)),
            }),
        }
    }
    children.sort();
    for (name, path) in children {
        let child_source = format!("{}/{name}", source.trim_end_matches(['/', '\\']));
        match fs::metadata(&path) {
            Ok(metadata) if metadata.is_dir() => {
                // A link back to an enclosing folder is visited once.
                if first_time(seen, &path) {
                    walk(&path, &child_source, seen, inputs);
                }
            }
            Ok(_) if Format::from_path(&path).is_some() => {
                if first_time(seen, &path) {
                    inputs.push(Input::File {
                        path,
                        source: child_source,
                    });
                }
            }
            Ok(_) => {}
            Err(error) => inputs.push(Input::Unreadable {
                message: format!(
                    "cannot read `{child_source}`: {}",
                    describe_io_error(&error)
                ),
                source: child_source,
            }),
        }
    }
}

fn first_time(seen: &mut HashSet<PathBuf>, path: &Path) -> bool {
    let key = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    seen.insert(key)
}

/// Whether the run can be checked while its input is read: every input is NDJSON (or
/// standard input, NDJSON too), or could not even be listed.
pub fn all_ndjson(inputs: &[Input]) -> bool {
    inputs.iter().all(|input| match input {
        Input::Stdin | Input::Unreadable { .. } => true,
        Input::File { path, .. } => Format::from_path(path) == Some(Format::Ndjson),
    })
}

/// Reads and loads every input against the pack's schema. Nothing here fails the run: an
/// input that cannot be read becomes an invalid descriptor.
pub fn load_all(
    inputs: &[Input],
    schema: &Schema,
    options: &LoadOptions,
    stdin: &mut dyn Read,
) -> Vec<Descriptor> {
    let mut descriptors = Vec::new();
    for input in inputs {
        match input {
            Input::Stdin => {
                let lines = NdjsonLines::new(BufReader::new(&mut *stdin), STDIN_SOURCE);
                load_lines(lines, schema, options, &mut descriptors);
            }
            Input::File { path, source } if Format::from_path(path) == Some(Format::Ndjson) => {
                match open_ndjson(path, source) {
                    Ok(lines) => load_lines(lines, schema, options, &mut descriptors),
                    Err(message) => descriptors.push(load::unreadable(source, message)),
                }
            }
            Input::File { path, source } => match read_file(path, source) {
                Ok((text, format)) => {
                    descriptors.extend(load::load_text(schema, source, &text, format, options));
                }
                Err(message) => descriptors.push(load::unreadable(source, message)),
            },
            Input::Unreadable { source, message } => {
                descriptors.push(load::unreadable(source, message.clone()));
            }
        }
    }
    descriptors
}

/// An NDJSON file's lines, or why it cannot be read.
pub fn open_ndjson(path: &Path, source: &str) -> Result<NdjsonLines<BufReader<File>>, String> {
    File::open(path)
        .map(|file| NdjsonLines::new(BufReader::new(file), source))
        .map_err(|error| format!("cannot read `{source}`: {}", describe_io_error(&error)))
}

/// Loads NDJSON a chunk at a time: only one chunk of raw lines is held besides the
/// descriptors.
fn load_lines(
    mut lines: NdjsonLines<impl BufRead>,
    schema: &Schema,
    options: &LoadOptions,
    descriptors: &mut Vec<Descriptor>,
) {
    let mut chunk = Vec::new();
    loop {
        chunk.clear();
        // Without a spool, reading cannot fail: a read error is an invalid descriptor.
        let more = lines.fill(&mut chunk, 1024).unwrap_or(false);
        descriptors.extend(chunk.iter().map(|pending| pending.load(schema, options)));
        if !more {
            break;
        }
    }
}

fn read_file(path: &Path, source: &str) -> Result<(String, Format), String> {
    let format = Format::from_path(path).ok_or_else(|| {
        format!("`{source}` is not a descriptor file: its name must end in {EXTENSIONS}")
    })?;
    let bytes = fs::read(path)
        .map_err(|error| format!("cannot read `{source}`: {}", describe_io_error(&error)))?;
    if u32::try_from(bytes.len()).is_err() {
        return Err(format!("`{source}` is too large to be a descriptor file"));
    }
    let text = String::from_utf8(bytes).map_err(|_| format!("`{source}` is not valid UTF-8"))?;
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
        let inputs = collect(&[
            root.join("c.ndjson"),
            PathBuf::from("-"),
            root.to_path_buf(),
            root.join("missing.json"),
        ])
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
        let error = collect(&[PathBuf::from("-"), PathBuf::from("-")]).unwrap_err();
        assert_eq!(error.message, "`-` is given twice");
        write(dir.path(), "readme.md");
        let error = collect(&[dir.path().to_path_buf()]).unwrap_err();
        assert_eq!(
            error.message,
            format!("no descriptor in `{}`", dir.path().display())
        );
    }
}
