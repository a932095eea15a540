//! Finding and reading descriptor files, for the command line and the editor alike:
//! files and folders given as arguments (walked in path order, hidden entries skipped,
//! each file once, `-` for standard input), the globs a pack declares, and one file read
//! under the size limit. Only regular files are read: a FIFO, a device or an entry that
//! cannot be listed becomes an input reported invalid, never a silent skip.

mod declared;
mod decode;
mod file_kind;
pub mod size_limit;

use std::collections::HashSet;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use self::file_kind::{FileId, file_id, not_regular};
use crate::descriptor::Descriptor;
use crate::load::Format;

pub use self::declared::{declared_files, folder_files, glob_matcher};
pub use self::decode::{TextEncoding, UndecodableByte, decode};
pub use self::file_kind::open_regular;

/// The source name of descriptors read from standard input.
pub const STDIN_SOURCE: &str = "<stdin>";

/// The largest descriptor read unless the user says otherwise: a whole file, or one
/// NDJSON line.
pub const DEFAULT_MAX_SIZE: usize = 64 << 20;

/// Arguments that cannot make a run: the message and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindError {
    pub message: String,
    pub help: Option<String>,
}

impl FindError {
    fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            help: None,
        }
    }

    fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

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
pub fn collect(arguments: &[PathBuf], output: Option<&Path>) -> Result<Vec<Input>, FindError> {
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
                return Err(FindError::new("`-` is given twice")
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
                        return Err(FindError::new(format!("no descriptor in `{source}`"))
                            .with_help(format!(
                                "descriptors are files ending in {}; hidden files and \
                                 folders are skipped",
                                Format::listed_extensions(str::to_owned, "and")
                            )));
                    }
                }
            }
            Ok(metadata) => {
                let id = file_id(argument, &metadata);
                if collector.output.as_ref() == Some(&id) {
                    return Err(FindError::new(format!(
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

/// A descriptor file read whole, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DescriptorFile {
    pub text: String,
    pub format: Format,
    /// How its bytes were read: a note says so when it was not UTF-8
    /// (`load::load_file`).
    pub encoding: TextEncoding,
    /// The bytes of a workbook (`Format::is_workbook`), whose `text` is empty; empty for
    /// a text format.
    pub bytes: Vec<u8>,
}

/// A whole descriptor file and its format, read up to one byte past `max_size` and no
/// further, its text decoded by `decode`; what cannot be read (not a descriptor's
/// extension, not a regular file, too large, a byte that is no character) is the invalid
/// descriptor that says why.
pub fn read_descriptor_file(
    path: &Path,
    source: &str,
    max_size: usize,
) -> Result<DescriptorFile, Box<Descriptor>> {
    let unreadable = |message: String| Box::new(crate::load::unreadable(source, message));
    let format = Format::from_path(path).ok_or_else(|| {
        unreadable(format!(
            "`{source}` is not a descriptor file: its name must end in {}",
            Format::listed_extensions(str::to_owned, "and")
        ))
    })?;
    let file = file_kind::open_regular(path, source).map_err(unreadable)?;
    let too_large = || {
        let mut descriptor = crate::load::unreadable(
            source,
            format!(
                "`{source}` is larger than {}, the largest descriptor read",
                size_limit::describe(max_size)
            ),
        );
        for problem in &mut descriptor.problems {
            problem.help = Some(size_limit::raise_help(max_size).into());
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
    if format.is_workbook() {
        return Ok(DescriptorFile {
            text: String::new(),
            format,
            encoding: TextEncoding::Utf8,
            bytes,
        });
    }
    let (text, encoding) =
        decode(bytes).map_err(|undecodable| Box::new(undecodable_file(source, undecodable)))?;
    // Windows-1252 text takes more bytes than the file: spans must still fit.
    if u32::try_from(text.len()).is_err() {
        return Err(unreadable(format!(
            "`{source}` is too large to be a descriptor file"
        )));
    }
    Ok(DescriptorFile {
        text,
        format,
        encoding,
        bytes: Vec::new(),
    })
}

/// The invalid descriptor of a file that holds a byte no encoding makes a character of,
/// located at that byte.
fn undecodable_file(source: &str, undecodable: UndecodableByte) -> Descriptor {
    let UndecodableByte {
        byte,
        offset,
        line,
        column,
    } = undecodable;
    let mut descriptor = crate::load::unreadable(
        source,
        format!("`{source}` is neither UTF-8 nor Windows-1252: byte 0x{byte:02X} is no character"),
    );
    for problem in &mut descriptor.problems {
        let at = u32::try_from(offset).unwrap_or(u32::MAX);
        problem.loc = Some(crate::Loc {
            span: clausier_diagnostics::Span::new(at, at.saturating_add(1)),
            line,
            column,
        });
        problem.help = Some(
            "save the file as UTF-8 (in Excel, « CSV UTF-8 (délimité par des virgules) »)".into(),
        );
    }
    descriptor
}

/// An I/O error as a lowercase phrase, without the operating system's error number:
/// `no such file or folder`, `permission denied`.
pub fn describe_io_error(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file or folder".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::IsADirectory => "it is a folder".to_owned(),
        io::ErrorKind::NotADirectory => "a part of the path is not a folder".to_owned(),
        _ => {
            let text = error.to_string();
            let text = match text.find(" (os error") {
                Some(end) => &text[..end],
                None => text.as_str(),
            };
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => "unknown error".to_owned(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_read_as_lowercase_phrases() {
        let error = io::Error::from(io::ErrorKind::NotFound);
        assert_eq!(describe_io_error(&error), "no such file or folder");
        let error = io::Error::other("Disk on fire (os error 99)");
        assert_eq!(describe_io_error(&error), "disk on fire");
    }

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
