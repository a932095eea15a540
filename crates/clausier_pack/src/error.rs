//! Why a pack could not be loaded at all. Problems inside clause files are not here:
//! they are diagnostics of the loaded pack.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use clausier_diagnostics::{Code, Diagnostic, Lang, Message, SourceFile, SourceMap, Span};

/// A pack that cannot be loaded: its files cannot be read, or its manifest is wrong.
#[derive(Debug)]
pub enum PackError {
    // The I/O error is part of the message, not a cause: a renderer would print it twice.
    Io {
        path: PathBuf,
        error: io::Error,
    },
    NotUtf8 {
        path: PathBuf,
    },
    TooLarge {
        path: PathBuf,
        size: u64,
    },
    FileOutsideWorkspace {
        path: PathBuf,
        target: PathBuf,
    },
    /// `kind` is what the entry is instead, in words (`a folder`, `a FIFO`).
    NotARegularFile {
        path: PathBuf,
        kind: Message,
    },
    OverLimit {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    InvalidFileLimit {
        value: String,
    },
    Signature {
        path: PathBuf,
        code: Code,
        message: Message,
        help: Option<Message>,
    },
    NotAClauseFile {
        path: PathBuf,
    },
    NoClauseFiles {
        path: PathBuf,
    },
    SingleFileLock {
        path: PathBuf,
    },
    LockMissing {
        path: PathBuf,
        command: String,
    },
    Write {
        path: PathBuf,
        error: io::Error,
    },
    Manifest(Box<ManifestError>),
}

/// In English, for logs and programs; people read [`PackError::message`] in their
/// language.
impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().text(Lang::En))
    }
}

impl std::error::Error for PackError {}

impl PackError {
    pub fn code(&self) -> Code {
        match self {
            PackError::Io { .. } => Code::IO,
            PackError::NotUtf8 { .. } => Code::NOT_UTF8,
            PackError::TooLarge { .. } | PackError::OverLimit { .. } => Code::TOO_LARGE,
            PackError::InvalidFileLimit { .. } => Code::TOO_LARGE,
            PackError::FileOutsideWorkspace { .. } => Code::OUTSIDE_WORKSPACE,
            PackError::NotARegularFile { .. } => Code::NOT_A_REGULAR_FILE,
            PackError::Signature { code, .. } => *code,
            PackError::NotAClauseFile { .. } | PackError::NoClauseFiles { .. } => {
                Code::NO_CLAUSE_FILES
            }
            PackError::SingleFileLock { .. } => Code::LOCK_FILE,
            PackError::LockMissing { .. } => Code::LOCK_MISMATCH,
            PackError::Write { .. } => Code::IO,
            PackError::Manifest(error) => error.code,
        }
    }

    /// What went wrong, in the catalogue's words.
    pub fn message(&self) -> Message {
        let shown = |path: &Path| path.display().to_string();
        match self {
            PackError::Io { path, error } => Message::new("e08-cannot-read")
                .with("path", shown(path))
                .with("reason", io_error_message(error)),
            PackError::NotUtf8 { path } => Message::new("e08-not-utf8").with("path", shown(path)),
            PackError::TooLarge { path, size } => Message::new("e08-too-large")
                .with("path", shown(path))
                .with("size", size.to_string()),
            PackError::FileOutsideWorkspace { path, target } => {
                Message::new("e08-outside-workspace")
                    .with("path", shown(path))
                    .with("target", shown(target))
            }
            PackError::NotARegularFile { path, kind } => Message::new("e08-not-a-regular-file")
                .with("path", shown(path))
                .with("kind", kind.clone()),
            PackError::OverLimit { path, size, limit } => Message::new("e08-over-limit")
                .with("path", shown(path))
                .with("limit", crate::files::describe_size(*limit))
                .with("size", size.to_string()),
            PackError::InvalidFileLimit { value } => Message::new("e08-invalid-file-limit")
                .with("value", value)
                .with("variable", crate::files::FILE_LIMIT_VARIABLE),
            PackError::Signature { message, .. } => message.clone(),
            PackError::NotAClauseFile { path } => {
                Message::new("e08-not-a-clause-file").with("path", shown(path))
            }
            PackError::NoClauseFiles { path } => {
                Message::new("e08-no-clause-files").with("path", shown(path))
            }
            PackError::SingleFileLock { path } => {
                Message::new("e08-single-file-lock").with("path", shown(path))
            }
            PackError::LockMissing { path, .. } => {
                Message::new("e08-lock-missing").with("path", shown(path))
            }
            PackError::Write { path, error } => Message::new("e08-cannot-write")
                .with("path", shown(path))
                .with("reason", io_error_message(error)),
            PackError::Manifest(error) => error.message.clone(),
        }
    }

    /// The file or folder the error is about.
    pub fn path(&self) -> &Path {
        match self {
            PackError::Io { path, .. }
            | PackError::NotUtf8 { path }
            | PackError::TooLarge { path, .. }
            | PackError::FileOutsideWorkspace { path, .. }
            | PackError::NotARegularFile { path, .. }
            | PackError::OverLimit { path, .. }
            | PackError::Signature { path, .. }
            | PackError::NotAClauseFile { path }
            | PackError::NoClauseFiles { path }
            | PackError::SingleFileLock { path }
            | PackError::LockMissing { path, .. }
            | PackError::Write { path, .. } => path,
            PackError::InvalidFileLimit { .. } => Path::new(""),
            PackError::Manifest(error) => &error.path,
        }
    }

    /// The error with a path under `from` shown under `to` instead: a dependency is read
    /// from its canonical folder, and named as the user's paths lead to it.
    pub(crate) fn relocated(mut self, from: &Path, to: &Path) -> Self {
        let path = match &mut self {
            PackError::Io { path, .. }
            | PackError::NotUtf8 { path }
            | PackError::TooLarge { path, .. }
            | PackError::FileOutsideWorkspace { path, .. }
            | PackError::NotARegularFile { path, .. }
            | PackError::OverLimit { path, .. }
            | PackError::Signature { path, .. }
            | PackError::NotAClauseFile { path }
            | PackError::NoClauseFiles { path }
            | PackError::SingleFileLock { path }
            | PackError::LockMissing { path, .. }
            | PackError::Write { path, .. } => path,
            PackError::InvalidFileLimit { .. } => return self,
            PackError::Manifest(error) => &mut error.path,
        };
        if let Ok(rest) = path.strip_prefix(from) {
            *path = if rest.as_os_str().is_empty() {
                to.to_path_buf()
            } else {
                to.join(rest)
            };
        }
        self
    }

    /// The error in the one diagnostic model, with the source it points into, so that
    /// every renderer (terminal, JSON, the language server) shows it as it shows a
    /// problem inside a clause file. An error about a whole file is labelled at its
    /// start, with no text to draw.
    pub fn to_diagnostic(&self) -> (Diagnostic, SourceMap) {
        let mut sources = SourceMap::new();
        let mut diagnostic = Diagnostic::error(self.code(), self.message());
        if let Some(help) = self.help() {
            diagnostic = diagnostic.with_help(help);
        }
        match self {
            PackError::Manifest(error) => {
                let file = sources.add(SourceFile::new(
                    error.source_name.as_str(),
                    error.source_text.as_str(),
                ));
                let span = error.span.clone().map_or(Span::default(), Span::from_range);
                diagnostic = diagnostic.with_primary(file, span, error.label.clone());
            }
            _ => {
                let file = sources.add(SourceFile::new(self.path().display().to_string(), ""));
                diagnostic = diagnostic.with_primary(file, Span::default(), Message::default());
            }
        }
        (diagnostic, sources)
    }

    /// What the user can do about it.
    pub fn help(&self) -> Option<Message> {
        match self {
            PackError::Io { error, .. } if error.kind() == io::ErrorKind::NotFound => {
                Some(Message::new("e08-help-cannot-read"))
            }
            PackError::Io { .. } | PackError::Write { .. } => None,
            PackError::NotUtf8 { .. } => Some(Message::new("e08-help-not-utf8")),
            PackError::TooLarge { .. } => Some(Message::new("e08-help-too-large")),
            PackError::FileOutsideWorkspace { .. } => {
                Some(Message::new("e08-help-outside-workspace"))
            }
            PackError::NotARegularFile { .. } => Some(Message::new("e08-help-not-a-regular-file")),
            PackError::OverLimit { size, .. } => Some(
                Message::new("e08-help-over-limit")
                    .with("variable", crate::files::FILE_LIMIT_VARIABLE)
                    .with(
                        "limit",
                        crate::files::describe_size(size.div_ceil(MIB_FOR_HELP) * MIB_FOR_HELP),
                    ),
            ),
            PackError::InvalidFileLimit { .. } => {
                Some(Message::new("e08-help-invalid-file-limit").with(
                    "default",
                    crate::files::describe_size(crate::files::DEFAULT_FILE_LIMIT),
                ))
            }
            PackError::Signature { help, .. } => help.clone(),
            PackError::NotAClauseFile { .. } => Some(Message::new("e08-help-not-a-clause-file")),
            PackError::NoClauseFiles { .. } => Some(Message::new("e08-help-no-clause-files")),
            PackError::SingleFileLock { .. } => Some(Message::new("e08-help-single-file-lock")),
            PackError::LockMissing { command, .. } => {
                Some(Message::new("e08-help-lock-missing").with("command", command))
            }
            PackError::Manifest(error) => error.help.clone(),
        }
    }
}

impl From<Box<ManifestError>> for PackError {
    fn from(error: Box<ManifestError>) -> Self {
        PackError::Manifest(error)
    }
}

/// The limit a help text proposes is rounded up to whole mebibytes.
const MIB_FOR_HELP: u64 = 1024 * 1024;

/// Something wrong in a pack's `pack.toml` (or in the dependency graph it declares), or
/// in the root's `pack.lock`, located in the file's text.
#[derive(Debug)]
pub struct ManifestError {
    /// `E0801` for the manifest itself, the other `E08xx` codes for the graph and the
    /// lock.
    pub code: Code,
    pub path: PathBuf,
    pub message: Message,
    /// Byte range in the manifest's text, when the problem has a place.
    pub span: Option<std::ops::Range<usize>>,
    /// What the label under the span says.
    pub label: Message,
    pub help: Option<Message>,
    /// How the file is shown (its path as the user reached it), and its text.
    source_name: String,
    source_text: String,
}

impl ManifestError {
    pub(crate) fn new(
        path: &Path,
        name: &str,
        text: &str,
        message: impl Into<Message>,
        span: Option<std::ops::Range<usize>>,
    ) -> Box<Self> {
        Box::new(Self {
            code: Code::MANIFEST,
            path: path.to_path_buf(),
            message: message.into(),
            span,
            label: Message::new("e08-label-here"),
            help: None,
            source_name: name.to_owned(),
            source_text: text.to_owned(),
        })
    }

    /// How the file the error is in is shown.
    pub fn source_name(&self) -> &str {
        &self.source_name
    }

    /// The text of the file the error is in, which [`ManifestError::span`] indexes.
    pub fn source_text(&self) -> &str {
        &self.source_text
    }

    pub(crate) fn with_code(mut self: Box<Self>, code: Code) -> Box<Self> {
        self.code = code;
        self
    }

    pub(crate) fn with_label(mut self: Box<Self>, label: impl Into<Message>) -> Box<Self> {
        self.label = label.into();
        self
    }

    pub(crate) fn with_help(mut self: Box<Self>, help: impl Into<Message>) -> Box<Self> {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for ManifestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message.text(Lang::En))
    }
}

impl std::error::Error for ManifestError {}

/// An I/O error as a lowercase phrase, worded as for a descriptor file.
pub use clausier_data::files::describe_io_error;
use clausier_data::files::io_error_message;

#[cfg(test)]
impl ManifestError {
    /// The message as the English catalogue words it, for tests that read it.
    pub(crate) fn english(&self) -> String {
        self.message.text(Lang::En)
    }

    pub(crate) fn english_help(&self) -> Option<String> {
        self.help.as_ref().map(|help| help.text(Lang::En))
    }
}
