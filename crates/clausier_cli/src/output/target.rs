//! What an `--output` path names, once its symbolic links are followed: a regular file
//! to replace, one shared by hard links to overwrite in place, a FIFO or a device to
//! write to as it is, or nothing yet.

use std::fs::{self, Metadata};
use std::io;
use std::path::{Path, PathBuf};

use clausier_data::files::io_error_message;
use clausier_diagnostics::{Code, Message};

use crate::error::CliError;

/// Where a report goes, as the file at the path decides.
#[derive(Debug)]
pub enum Target {
    /// `-`: standard output.
    Stdout,
    /// Nothing yet: a new file.
    Absent(PathBuf),
    /// A regular file, replaced by a complete new one that keeps its permissions.
    Regular { path: PathBuf, metadata: Metadata },
    /// A regular file that other hard links share: overwritten in place, so that every
    /// link sees the new report.
    Linked(PathBuf),
    /// A FIFO or a character device (`/dev/null`, a terminal): written to as it is, never
    /// replaced.
    Stream(PathBuf),
}

/// How many symbolic links are followed before giving up, as the system does.
const MAX_LINKS: usize = 40;

pub fn resolve(given: &Path) -> Result<Target, CliError> {
    if given.as_os_str() == "-" {
        return Ok(Target::Stdout);
    }
    let mut path = given.to_path_buf();
    for _ in 0..MAX_LINKS {
        let metadata = match fs::symlink_metadata(&path) {
            Ok(metadata) => metadata,
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                return Ok(Target::Absent(path));
            }
            Err(error) => return Err(cannot_write(given, &error)),
        };
        let file_type = metadata.file_type();
        if file_type.is_symlink() {
            let link = fs::read_link(&path).map_err(|error| cannot_write(given, &error))?;
            path = match path.parent() {
                Some(folder) => folder.join(link),
                None => link,
            };
            continue;
        }
        if file_type.is_dir() {
            return Err(CliError::new(
                Message::new("e09-cannot-write")
                    .with("file", given.display().to_string())
                    .with("reason", Message::new("d0607-io-is-a-folder")),
            )
            .with_code(Code::IO)
            .with_help(
                Message::new("e09-help-give-file-name")
                    .with("example", given.join("report.json").display().to_string()),
            ));
        }
        if file_type.is_file() {
            return Ok(if links(&metadata) > 1 {
                Target::Linked(path)
            } else {
                Target::Regular { path, metadata }
            });
        }
        if is_stream(&metadata) {
            return Ok(Target::Stream(path));
        }
        return Err(CliError::new(
            Message::new("e09-cannot-write")
                .with("file", given.display().to_string())
                .with("reason", Message::new("e09-not-a-file")),
        )
        .with_code(Code::IO)
        .with_help(Message::new("e09-help-write-to-file")));
    }
    Err(CliError::new(
        Message::new("e09-cannot-write")
            .with("file", given.display().to_string())
            .with("reason", Message::new("e09-too-many-links")),
    )
    .with_code(Code::IO)
    .with_help(Message::new("e09-help-links-loop")))
}

#[cfg(unix)]
fn links(metadata: &Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    metadata.nlink()
}

#[cfg(not(unix))]
fn links(_: &Metadata) -> u64 {
    1
}

#[cfg(unix)]
fn is_stream(metadata: &Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    let file_type = metadata.file_type();
    file_type.is_fifo() || file_type.is_char_device()
}

#[cfg(not(unix))]
fn is_stream(_: &Metadata) -> bool {
    false
}

pub fn cannot_write(path: &Path, error: &io::Error) -> CliError {
    CliError::new(
        Message::new("e09-cannot-write")
            .with("file", path.display().to_string())
            .with("reason", io_error_message(error)),
    )
    .with_code(Code::IO)
    .with_help(Message::new("e09-help-check-folder"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_followed_to_the_file_they_name() {
        let dir = tempfile::tempdir().unwrap();
        let report = dir.path().join("report.json");
        fs::write(&report, "old").unwrap();
        let link = dir.path().join("latest.json");
        #[cfg(unix)]
        std::os::unix::fs::symlink("report.json", &link).unwrap();
        match resolve(&link).unwrap() {
            Target::Regular { path, .. } => assert_eq!(path, dir.path().join("report.json")),
            other => panic!("unexpected {other:?}"),
        }
        let dangling = dir.path().join("dangling.json");
        #[cfg(unix)]
        std::os::unix::fs::symlink("new/../fresh.json", &dangling).unwrap();
        assert!(matches!(resolve(&dangling).unwrap(), Target::Absent(_)));
    }

    #[test]
    fn a_folder_and_a_loop_of_links_are_clear_errors() {
        let dir = tempfile::tempdir().unwrap();
        let error = resolve(dir.path()).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!("cannot write `{}`: it is a folder", dir.path().display())
        );
        let looped = dir.path().join("loop.json");
        #[cfg(unix)]
        std::os::unix::fs::symlink("loop.json", &looped).unwrap();
        let error = resolve(&looped).unwrap_err();
        assert!(
            error.to_string().ends_with("too many symbolic links"),
            "{error}"
        );
    }
}
