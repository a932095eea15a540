//! Where reports go: standard output, or a file that is never left half written and
//! never replaced by something else than a report (see [`target`]).

mod interrupt;
mod target;

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, IsTerminal, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use clausier_data::files::io_error_message;
use clausier_diagnostics::{Code, Message};
use tempfile::NamedTempFile;

use self::target::{Target, cannot_write, resolve};
use crate::error::CliError;

/// Writes `text` to `path` (`-` for standard output) as [`ReportFile`] does.
pub fn write_report(path: &Path, text: &str) -> Result<(), CliError> {
    write_report_bytes(path, text.as_bytes())
}

/// Refuses to write a binary document (`what`, as « a Word document ») to standard output
/// when it is a terminal, where it would only scramble the screen; `example` is a file
/// name the help proposes. `output` is the `--output` path, `-` or none for standard
/// output.
pub fn refuse_binary_on_terminal(
    output: Option<&Path>,
    what: Message,
    example: &str,
) -> Result<(), CliError> {
    let to_stdout = output.is_none_or(|path| path.as_os_str() == "-");
    if to_stdout && io::stdout().is_terminal() {
        return Err(
            CliError::new(Message::new("e09-binary-on-terminal").with("what", what))
                .with_help(Message::new("e09-help-give-output").with("example", example)),
        );
    }
    Ok(())
}

/// Writes `bytes` (a binary document) to `path` (`-` for standard output) as
/// [`ReportFile`] does.
pub fn write_report_bytes(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    match ReportFile::create(path)? {
        Some(mut file) => {
            file.write_bytes(bytes)?;
            file.commit()
        }
        None => print_stdout_bytes(bytes),
    }
}

/// A report written piece by piece. A regular file (or a new one) is written beside its
/// target and takes its place only on [`ReportFile::commit`], with the target's
/// permissions: dropped before, or interrupted, the run leaves the previous report and
/// nothing else. A symbolic link is followed and kept; a file with other hard links is
/// overwritten in place once the report is complete; a FIFO or a device is written to
/// directly.
pub struct ReportFile {
    given: PathBuf,
    kind: Kind,
}

enum Kind {
    Staged {
        temp: BufWriter<NamedTempFile>,
        target: PathBuf,
        in_place: bool,
        _watch: Watch,
    },
    Stream(BufWriter<File>),
}

/// The temporary file's removal on interruption, for as long as it exists.
struct Watch(PathBuf);

impl Drop for Watch {
    fn drop(&mut self) {
        interrupt::forget(&self.0);
    }
}

impl ReportFile {
    /// The file for `path`, or `None` for `-`, standard output.
    pub fn create(path: &Path) -> Result<Option<Self>, CliError> {
        let (target, keep, in_place) = match resolve(path)? {
            Target::Stdout => return Ok(None),
            Target::Stream(target) => {
                let file = OpenOptions::new()
                    .write(true)
                    .open(&target)
                    .map_err(|error| cannot_write(path, &error))?;
                return Ok(Some(Self {
                    given: path.to_path_buf(),
                    kind: Kind::Stream(BufWriter::with_capacity(1 << 16, file)),
                }));
            }
            Target::Absent(target) => (target, None, false),
            Target::Regular { path, metadata } => (path, Some(metadata), false),
            Target::Linked(target) => (target, None, true),
        };
        let folder = match target.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".clausier-").suffix(".tmp");
        // A temporary file is private by default; a new report is not.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let temp = interrupt::create_watched(|| builder.tempfile_in(folder), NamedTempFile::path)
            .map_err(|error| cannot_write(path, &error))?;
        let watch = Watch(temp.path().to_path_buf());
        if let Some(metadata) = keep {
            keep_permissions(temp.as_file(), &metadata)
                .map_err(|error| cannot_write(path, &error))?;
        }
        Ok(Some(Self {
            given: path.to_path_buf(),
            kind: Kind::Staged {
                temp: BufWriter::with_capacity(1 << 16, temp),
                target,
                in_place,
                _watch: watch,
            },
        }))
    }

    pub fn write(&mut self, text: &str) -> Result<(), CliError> {
        self.write_bytes(text.as_bytes())
    }

    pub fn write_bytes(&mut self, bytes: &[u8]) -> Result<(), CliError> {
        let written = match &mut self.kind {
            Kind::Staged { temp, .. } => temp.write_all(bytes),
            Kind::Stream(file) => file.write_all(bytes),
        };
        written.map_err(|error| cannot_write(&self.given, &error))
    }

    /// Puts the complete report in place.
    pub fn commit(self) -> Result<(), CliError> {
        let given = self.given;
        let (temp, target, in_place, watch) = match self.kind {
            Kind::Stream(mut file) => {
                return file.flush().map_err(|error| cannot_write(&given, &error));
            }
            Kind::Staged {
                temp,
                target,
                in_place,
                _watch,
            } => (temp, target, in_place, _watch),
        };
        let temp = temp
            .into_inner()
            .map_err(|error| cannot_write(&given, error.error()))?;
        temp.as_file()
            .sync_all()
            .map_err(|error| cannot_write(&given, &error))?;
        let temp_path = watch.0.clone();
        interrupt::finish(&temp_path, || {
            if in_place {
                copy_in_place(temp, &target)
            } else {
                temp.persist(&target).map(drop).map_err(|error| error.error)
            }
        })
        .map_err(|error| cannot_write(&given, &error))
    }
}

/// Overwrites a file that other hard links share with the report: replacing it would
/// leave them on the old one.
fn copy_in_place(temp: NamedTempFile, target: &Path) -> io::Result<()> {
    let mut source = temp.reopen()?;
    source.seek(SeekFrom::Start(0))?;
    let mut file = OpenOptions::new().write(true).truncate(true).open(target)?;
    io::copy(&mut source, &mut file)?;
    file.sync_all()
}

/// Gives the new report the permissions of the one it replaces (set directly, as the
/// process's umask would narrow them at creation), and its owner when the system allows
/// it (when run as root); otherwise the owner is whoever runs the check.
fn keep_permissions(file: &File, previous: &std::fs::Metadata) -> io::Result<()> {
    file.set_permissions(previous.permissions())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let current = file.metadata()?;
        if (current.uid(), current.gid()) != (previous.uid(), previous.gid()) {
            let _ = std::os::unix::fs::fchown(file, Some(previous.uid()), Some(previous.gid()));
        }
    }
    Ok(())
}

/// Where a report written piece by piece goes: standard output as it comes, or a file
/// replaced once the report is complete.
pub enum ReportSink {
    Stdout {
        out: BufWriter<io::StdoutLock<'static>>,
        /// The reader went away (`clausier check … | head`): the rest is not written.
        closed: bool,
    },
    File(ReportFile),
}

impl ReportSink {
    pub fn open(output: Option<&Path>) -> Result<Self, CliError> {
        Ok(
            match output.map(ReportFile::create).transpose()?.flatten() {
                Some(file) => ReportSink::File(file),
                None => ReportSink::Stdout {
                    out: BufWriter::with_capacity(1 << 16, io::stdout().lock()),
                    closed: false,
                },
            },
        )
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
        Err(error) => Err(CliError::new(
            Message::new("e09-cannot-write-stdout").with("reason", io_error_message(&error)),
        )
        .with_code(Code::IO)),
        Ok(()) => Ok(()),
    }
}

/// Writes to standard output. A closed pipe (`clausier check … | head`) is not an error
/// worth reporting.
pub fn print_stdout(text: &str) -> Result<(), CliError> {
    print_stdout_bytes(text.as_bytes())
}

/// [`print_stdout`] for bytes that are not text.
pub fn print_stdout_bytes(bytes: &[u8]) -> Result<(), CliError> {
    let mut stdout = io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => Err(CliError::new(
            Message::new("e09-cannot-write-stdout").with("reason", io_error_message(&error)),
        )
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
        write_report(&path, "new\n").unwrap();
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
        let error = write_report(&path, "x").unwrap_err();
        assert_eq!(
            error.to_string(),
            format!("cannot write `{}`: no such file or folder", path.display())
        );
    }
}
