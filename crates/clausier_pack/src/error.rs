//! Why a pack could not be loaded at all. Problems inside clause files are not here:
//! they are diagnostics of the loaded pack.

use std::io;
use std::path::{Path, PathBuf};

use clausier_diagnostics::{Code, Diagnostic, SourceFile, SourceMap, Span};

/// A pack that cannot be loaded: its files cannot be read, or its manifest is wrong.
#[derive(Debug, thiserror::Error)]
pub enum PackError {
    // The I/O error is part of the message, not a cause: a renderer would print it twice.
    #[error("cannot read `{}`: {}", path.display(), describe_io_error(error))]
    Io { path: PathBuf, error: io::Error },
    #[error("`{}` is not valid UTF-8", path.display())]
    NotUtf8 { path: PathBuf },
    #[error("`{}` is too large ({size} bytes)", path.display())]
    TooLarge { path: PathBuf, size: u64 },
    #[error("`{}` leads out of the workspace, to `{}`", path.display(), target.display())]
    FileOutsideWorkspace { path: PathBuf, target: PathBuf },
    #[error("`{}` is not a regular file: it is {kind}", path.display())]
    NotARegularFile { path: PathBuf, kind: &'static str },
    #[error(
        "`{}` is larger than the limit of {} for a pack file ({size} bytes)",
        path.display(),
        crate::files::describe_size(*limit)
    )]
    OverLimit {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("`{value}` is not a size for `{}`", crate::files::FILE_LIMIT_VARIABLE)]
    InvalidFileLimit { value: String },
    #[error("{message}")]
    Signature {
        path: PathBuf,
        code: Code,
        message: String,
        help: Option<String>,
    },
    #[error("`{}` is not a `.clause` file", path.display())]
    NotAClauseFile { path: PathBuf },
    #[error("no `.clause` file in `{}`", path.display())]
    NoClauseFiles { path: PathBuf },
    #[error("`{}` is a single clause file, which has no `pack.lock`", path.display())]
    SingleFileLock { path: PathBuf },
    #[error("`{}` does not exist", path.display())]
    LockMissing { path: PathBuf, command: String },
    #[error("cannot write `{}`: {}", path.display(), describe_io_error(error))]
    Write { path: PathBuf, error: io::Error },
    #[error(transparent)]
    Manifest(Box<ManifestError>),
}

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
        let mut diagnostic = Diagnostic::error(self.code(), self.to_string());
        if let Some(help) = self.help_text() {
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
                diagnostic = diagnostic.with_primary(file, Span::default(), "");
            }
        }
        (diagnostic, sources)
    }

    /// What the user can do about it.
    pub fn help_text(&self) -> Option<String> {
        match self {
            PackError::Io { error, .. } if error.kind() == io::ErrorKind::NotFound => Some(
                "check the path: a pack is a folder of `.clause` files, or a single `.clause` \
                 file, and a link must lead to an existing file"
                    .to_owned(),
            ),
            PackError::Io { .. } => None,
            PackError::NotUtf8 { .. } => Some("save the file with the UTF-8 encoding".to_owned()),
            PackError::TooLarge { .. } => {
                Some("a clause file or manifest may hold at most 4 GiB".to_owned())
            }
            PackError::FileOutsideWorkspace { .. } => Some(
                "a pack reads only files inside its workspace, the Git repository that holds \
                 the root pack (or, outside one, the folder that holds it): copy the file into \
                 the pack"
                    .to_owned(),
            ),
            PackError::NotARegularFile { .. } => Some(
                "a pack's files are plain files: replace this entry with the file itself"
                    .to_owned(),
            ),
            PackError::OverLimit { size, .. } => Some(format!(
                "if the file is meant to be this large, raise the limit: `{}={}`",
                crate::files::FILE_LIMIT_VARIABLE,
                crate::files::describe_size(size.div_ceil(MIB_FOR_HELP) * MIB_FOR_HELP)
            )),
            PackError::InvalidFileLimit { .. } => Some(format!(
                "give a number of bytes or a size such as `64MiB` (at most 4 GiB); the default is {}",
                crate::files::describe_size(crate::files::DEFAULT_FILE_LIMIT)
            )),
            PackError::Signature { help, .. } => help.clone(),
            PackError::NotAClauseFile { .. } => Some(
                "give the pack's folder, or a single file whose name ends in `.clause`".to_owned(),
            ),
            PackError::NoClauseFiles { .. } => Some(
                "add a `.clause` file; hidden folders and `target` folders are not searched"
                    .to_owned(),
            ),
            PackError::SingleFileLock { .. } => {
                Some("put the file in a folder with a `pack.toml`, and lock the folder".to_owned())
            }
            PackError::LockMissing { command, .. } => Some(format!(
                "`--frozen` does not write the lock: run `{command}` and commit `pack.lock`"
            )),
            PackError::Write { .. } => None,
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
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct ManifestError {
    /// `E0801` for the manifest itself, the other `E08xx` codes for the graph and the
    /// lock.
    pub code: Code,
    pub path: PathBuf,
    pub message: String,
    /// Byte range in the manifest's text, when the problem has a place.
    pub span: Option<std::ops::Range<usize>>,
    /// What the label under the span says.
    pub label: String,
    pub help: Option<String>,
    /// How the file is shown (its path as the user reached it), and its text.
    source_name: String,
    source_text: String,
}

impl ManifestError {
    pub(crate) fn new(
        path: &Path,
        name: &str,
        text: &str,
        message: impl Into<String>,
        span: Option<std::ops::Range<usize>>,
    ) -> Box<Self> {
        Box::new(Self {
            code: Code::MANIFEST,
            path: path.to_path_buf(),
            message: message.into(),
            span,
            label: "here".to_owned(),
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

    pub(crate) fn with_label(mut self: Box<Self>, label: impl Into<String>) -> Box<Self> {
        self.label = label.into();
        self
    }

    pub(crate) fn with_help(mut self: Box<Self>, help: impl Into<String>) -> Box<Self> {
        self.help = Some(help.into());
        self
    }
}

/// An I/O error as a lowercase phrase, worded as for a descriptor file.
pub use clausier_data::files::describe_io_error;
