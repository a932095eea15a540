//! Where reports go: standard output, or a file replaced atomically.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use clausier_diagnostics::Code;
use clausier_pack::describe_io_error;
use tempfile::NamedTempFile;

use crate::error::CliError;

/// Writes `text` to `path` through a temporary file in the same folder, renamed over the
/// target once complete: a reader never sees half a report, and a failed run leaves the
/// previous report in place.
pub fn write_atomically(path: &Path, text: &str) -> Result<(), CliError> {
    let mut file = AtomicFile::create(path)?;
    file.write(text)?;
    file.commit()
}

/// A report written piece by piece into a temporary file in the target's folder, which
/// takes the target's place only on [`AtomicFile::commit`]: dropped before, it vanishes
/// and the previous report stays.
pub struct AtomicFile {
    file: BufWriter<NamedTempFile>,
    path: PathBuf,
}

impl AtomicFile {
    pub fn create(path: &Path) -> Result<Self, CliError> {
        let folder = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".clausier-").suffix(".tmp");
        // A temporary file is private by default; a report is not.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let file = builder
            .tempfile_in(folder)
            .map_err(|error| cannot_write(path, &error))?;
        Ok(Self {
            file: BufWriter::with_capacity(1 << 16, file),
            path: path.to_path_buf(),
        })
    }

    pub fn write(&mut self, text: &str) -> Result<(), CliError> {
        self.file
            .write_all(text.as_bytes())
            .map_err(|error| cannot_write(&self.path, &error))
    }

    /// Puts the complete report in place.
    pub fn commit(self) -> Result<(), CliError> {
        let path = self.path;
        let file = self
            .file
            .into_inner()
            .map_err(|error| cannot_write(&path, error.error()))?;
        file.as_file()
            .sync_all()
            .map_err(|error| cannot_write(&path, &error))?;
        file.persist(&path)
            .map_err(|error| cannot_write(&path, &error.error))?;
        Ok(())
    }
}

fn cannot_write(path: &Path, error: &io::Error) -> CliError {
    CliError::new(format!(
        "cannot write `{}`: {}",
        path.display(),
        describe_io_error(error)
    ))
    .with_code(Code::IO)
    .with_help("check that the folder exists and that you may write in it")
}

/// Where a report written piece by piece goes: standard output as it comes, or a file
/// replaced once the report is complete.
pub enum ReportSink {
    Stdout {
        out: BufWriter<io::StdoutLock<'static>>,
        /// The reader went away (`clausier check … | head`): the rest is not written.
        closed: bool,
    },
    File(AtomicFile),
}

impl ReportSink {
    pub fn open(output: Option<&Path>) -> Result<Self, CliError> {
        Ok(match output {
            Some(path) => ReportSink::File(AtomicFile::create(path)?),
            None => ReportSink::Stdout {
                out: BufWriter::with_capacity(1 << 16, io::stdout().lock()),
                closed: false,
            },
        })
    }

    pub fn write(&mut self, text: &str) -> Result<(), CliError> {
        match self {
            ReportSink::File(file) => file.write(text),
            ReportSink::Stdout { out, closed } => {
                if *closed {
                    return Ok(());
                }
                stdout_result(out.write_all(text.as_bytes()), closed)
            }
        }
    }

    /// Writes what is still buffered, so that a reader sees each piece without waiting
    /// for the next.
    pub fn flush(&mut self) -> Result<(), CliError> {
        match self {
            ReportSink::File(_) => Ok(()),
            ReportSink::Stdout { out, closed } if !*closed => stdout_result(out.flush(), closed),
            ReportSink::Stdout { .. } => Ok(()),
        }
    }

    pub fn finish(self) -> Result<(), CliError> {
        match self {
            ReportSink::File(file) => file.commit(),
            ReportSink::Stdout {
                mut out,
                mut closed,
            } if !closed => stdout_result(out.flush(), &mut closed),
            ReportSink::Stdout { .. } => Ok(()),
        }
    }
}

fn stdout_result(result: io::Result<()>, closed: &mut bool) -> Result<(), CliError> {
    match result {
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => {
            *closed = true;
            Ok(())
        }
        Err(error) => Err(CliError::new(format!(
            "cannot write to standard output: {}",
            describe_io_error(&error)
        ))
        .with_code(Code::IO)),
        Ok(()) => Ok(()),
    }
}

/// Writes to standard output. A closed pipe (`clausier check … | head`) is not an error
/// worth reporting.
pub fn print_stdout(text: &str) -> Result<(), CliError> {
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => Err(CliError::new(format!(
            "cannot write to standard output: {}",
            describe_io_error(&error)
        ))
        .with_code(Code::IO)),
        _ => Ok(()),
    }
}

/// Writes to standard error, where nothing more can be done if it fails.
pub fn print_stderr(text: &str) {
    let mut stderr = io::stderr().lock();
    let _ = stderr.write_all(text.as_bytes());
    let _ = stderr.flush();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        std::fs::write(&path, "old").unwrap();
        write_atomically(&path, "new\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new\n");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        assert_eq!(names, ["report.json"]);
    }

    #[test]
    fn a_missing_folder_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nowhere/report.json");
        let error = write_atomically(&path, "x").unwrap_err();
        assert_eq!(
            error.message,
            format!("cannot write `{}`: no such file or folder", path.display())
        );
    }
}
