//! Where reports go: standard output, or a file replaced atomically.

use std::io::{self, Write};
use std::path::Path;

use clausier_diagnostics::Code;
use clausier_pack::describe_io_error;

use crate::error::CliError;

/// Writes `text` to `path` through a temporary file in the same folder, renamed over the
/// target once complete: a reader never sees half a report, and a failed run leaves the
/// previous report in place.
pub fn write_atomically(path: &Path, text: &str) -> Result<(), CliError> {
    let shown = path.display().to_string();
    let fail = |error: &io::Error| {
        CliError::new(format!(
            "cannot write `{shown}`: {}",
            describe_io_error(error)
        ))
        .with_code(Code::IO)
        .with_help("check that the folder exists and that you may write in it")
    };
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
    let mut file = builder.tempfile_in(folder).map_err(|error| fail(&error))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.as_file().sync_all())
        .map_err(|error| fail(&error))?;
    file.persist(path).map_err(|error| fail(&error.error))?;
    Ok(())
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
