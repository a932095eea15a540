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

use clausier_diagnostics::Message;

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
    pub message: Message,
    pub help: Option<Message>,
}

impl FindError {
    fn new(message: Message) -> Self {
        Self {
            message,
            help: None,
        }
    }

    fn with_help(mut self, help: Message) -> Self {
        self.help = Some(help);
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
        message: Message,
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
                return Err(FindError::new(Message::new("e09-stdin-twice"))
                    .with_help(Message::new("e09-help-stdin-once")));
            }
            stdin_given = true;
            collector.inputs.push(Input::Stdin);
            continue;
        }
        let source = argument.display().to_string();
        match fs::metadata(argument) {
            Err(error) => collector.inputs.push(Input::Unreadable {
                message: cannot_read(&source, &error),
                source,
            }),
            Ok(metadata) if metadata.is_dir() => {
                if collector.first_time(argument, &metadata) {
                    let found = collector.walk(argument, &source);
                    if found == 0 {
                        return Err(FindError::new(
                            Message::new("e09-no-descriptor-in").with("folder", source.as_str()),
                        )
                        .with_help(
                            Message::new("e09-help-descriptor-extensions")
                                .with("extensions", extensions_and()),
                        ));
                    }
                }
            }
            Ok(metadata) => {
                let id = file_id(argument, &metadata);
                if collector.output.as_ref() == Some(&id) {
                    return Err(FindError::new(
                        Message::new("e09-descriptor-is-output").with("file", source.as_str()),
                    )
                    .with_help(Message::new("e09-help-output-elsewhere")));
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
                    message: cannot_read(source, &error),
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
                        message: cannot_read(source, &error),
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
                        message: cannot_read(&child_source, &error),
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
    let unreadable = |message: Message| Box::new(crate::load::unreadable(source, message));
    let format = Format::from_path(path).ok_or_else(|| {
        unreadable(
            Message::new("d0607-not-a-descriptor")
                .with("file", source)
                .with("extensions", extensions_and()),
        )
    })?;
    let file = file_kind::open_regular(path, source).map_err(unreadable)?;
    let too_large = || {
        let mut descriptor = crate::load::unreadable(
            source,
            Message::new("d0607-larger-than-limit")
                .with("file", source)
                .with("limit", size_limit::describe(max_size)),
        );
        for problem in &mut descriptor.problems {
            problem.help = Some(size_limit::raise_help_message(max_size));
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
        .map_err(|error| unreadable(cannot_read(source, &error)))?;
    if bytes.len() > max_size {
        return Err(too_large());
    }
    let too_large_for_spans = || unreadable(Message::new("d0607-too-large").with("file", source));
    if u32::try_from(bytes.len()).is_err() {
        return Err(too_large_for_spans());
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
        return Err(too_large_for_spans());
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
        Message::new("d0607-not-utf8")
            .with("file", source)
            .with("byte", format!("{byte:02X}")),
    );
    for problem in &mut descriptor.problems {
        let at = u32::try_from(offset).unwrap_or(u32::MAX);
        problem.loc = Some(crate::Loc {
            span: clausier_diagnostics::Span::new(at, at.saturating_add(1)),
            line,
            column,
        });
        problem.help = Some(Message::new("d0607-help-save-utf8"));
    }
    descriptor
}

/// The descriptor extensions as a message lists them: `.json, .yaml, … and .ods`, the
/// last joined by the language's "and".
pub fn extensions_and() -> Message {
    let written: Vec<String> = Format::EXTENSIONS
        .iter()
        .map(|(extension, _)| format!(".{extension}"))
        .collect();
    match written.split_last() {
        Some((last, rest)) if !rest.is_empty() => Message::new("d0607-extensions-and")
            .with("init", rest.join(", "))
            .with("last", last.as_str()),
        Some((last, _)) => Message::from(last.as_str()),
        None => Message::default(),
    }
}

/// "cannot read `offres/v.json`: permission denied", in the reader's language.
pub fn cannot_read(source: &str, error: &io::Error) -> Message {
    Message::new("d0607-cannot-read")
        .with("file", source)
        .with("reason", io_error_message(error))
}

/// An I/O error in words: the catalogue's for the kinds people meet (a missing file, a
/// refused permission, a folder where a file was expected), the operating system's own
/// text, as [`describe_io_error`] writes it, for the others.
pub fn io_error_message(error: &io::Error) -> Message {
    match error.kind() {
        io::ErrorKind::NotFound => Message::new("d0607-io-not-found"),
        io::ErrorKind::PermissionDenied => Message::new("d0607-io-permission-denied"),
        io::ErrorKind::IsADirectory => Message::new("d0607-io-is-a-folder"),
        io::ErrorKind::NotADirectory => Message::new("d0607-io-not-a-folder"),
        _ => Message::from(describe_io_error(error)),
    }
}

/// An I/O error as a lowercase English phrase, without the operating system's error
/// number: `no such file or folder`, `permission denied`. For the English sentences of
/// `clausier_pack`'s errors; what people read in their language is [`io_error_message`].
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
    use clausier_diagnostics::Lang;

    use super::*;

    #[test]
    fn io_errors_read_as_lowercase_phrases() {
        let error = io::Error::from(io::ErrorKind::NotFound);
        assert_eq!(describe_io_error(&error), "no such file or folder");
        assert_eq!(
            io_error_message(&error).text(Lang::Fr),
            "fichier ou dossier introuvable"
        );
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
        assert_eq!(error.message.text(Lang::En), "`-` is given twice");
        write(dir.path(), "readme.md");
        let error = collect(&[dir.path().to_path_buf()], None).unwrap_err();
        assert_eq!(
            error.message.text(Lang::En),
            format!("no descriptor in `{}`", dir.path().display())
        );
        assert_eq!(
            error.message.text(Lang::Fr),
            format!("aucun descripteur dans `{}`", dir.path().display())
        );
    }
}
