//! Reading the files a pack names. A pack comes from someone else: its clause files, its
//! manifest, its lock and its test fixtures may be links that lead out of the workspace,
//! FIFOs that never end, devices or huge files. Each is opened only when it is a regular
//! file, inside the workspace once links are resolved, and no larger than the limit.

use std::fs::{self, File, Metadata};
use std::io::Read;
use std::path::Path;

use clausier_diagnostics::Message;

use crate::error::PackError;

/// The most a pack file may hold unless [`FILE_LIMIT_VARIABLE`] says otherwise.
pub const DEFAULT_FILE_LIMIT: u64 = 16 * MIB;

/// The environment variable that raises (or lowers) the limit: bytes, or a number
/// followed by `KiB`, `MiB` or `GiB`.
pub const FILE_LIMIT_VARIABLE: &str = "CLAUSIER_PACK_FILE_LIMIT";

const KIB: u64 = 1024;
const MIB: u64 = 1024 * KIB;
const GIB: u64 = 1024 * MIB;

/// The limit in force: [`FILE_LIMIT_VARIABLE`] when set, else [`DEFAULT_FILE_LIMIT`].
pub fn file_limit() -> Result<u64, PackError> {
    match std::env::var(FILE_LIMIT_VARIABLE) {
        Ok(value) => parse_size(&value).ok_or(PackError::InvalidFileLimit { value }),
        Err(std::env::VarError::NotPresent) => Ok(DEFAULT_FILE_LIMIT),
        Err(std::env::VarError::NotUnicode(value)) => Err(PackError::InvalidFileLimit {
            value: value.to_string_lossy().into_owned(),
        }),
    }
}

/// `16MiB`, `512 KiB`, `1GiB` or a number of bytes. Spans are `u32` offsets, so no
/// limit goes past 4 GiB.
pub fn parse_size(text: &str) -> Option<u64> {
    let text = text.trim();
    let (number, unit) = match text.find(|c: char| !c.is_ascii_digit()) {
        Some(at) => (&text[..at], text[at..].trim()),
        None => (text, ""),
    };
    let unit = match unit {
        "" | "B" => 1,
        "KiB" => KIB,
        "MiB" => MIB,
        "GiB" => GIB,
        _ => return None,
    };
    let size = number.parse::<u64>().ok()?.checked_mul(unit)?;
    (size > 0 && size <= u64::from(u32::MAX)).then_some(size)
}

/// A size as the limit is written: `16 MiB`, or bytes when it is not a whole number of
/// a unit.
pub fn describe_size(size: u64) -> Message {
    for (unit, name) in [(GIB, "GiB"), (MIB, "MiB"), (KIB, "KiB")] {
        if size >= unit && size.is_multiple_of(unit) {
            return Message::from(format!("{} {name}", size / unit));
        }
    }
    Message::new("e08-size-in-bytes").with("size", size.to_string())
}

/// True when something, even a dangling link or a FIFO, is at `path`: what decides that
/// an optional file (`pack.toml`, `pack.lock`) is there and must be read.
pub(crate) fn is_present(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}

/// Reads the text of a pack file at `path`, which must lead, links resolved, to a
/// regular file inside `workspace` (canonical) of at most [`file_limit`] bytes. The
/// byte-order mark some Windows editors write is dropped.
pub(crate) fn read_confined(path: &Path, workspace: &Path) -> Result<String, PackError> {
    let io_error = |error| PackError::Io {
        path: path.to_path_buf(),
        error,
    };
    // The type is checked before opening: opening a FIFO would wait for a writer.
    let metadata = fs::metadata(path).map_err(io_error)?;
    refuse_special(path, &metadata)?;
    let target = fs::canonicalize(path).map_err(io_error)?;
    if !target.starts_with(workspace) {
        return Err(PackError::FileOutsideWorkspace {
            path: path.to_path_buf(),
            target,
        });
    }
    let limit = file_limit()?;
    let too_large = |size| PackError::OverLimit {
        path: path.to_path_buf(),
        size,
        limit,
    };
    if metadata.len() > limit {
        return Err(too_large(metadata.len()));
    }
    let file = File::open(&target).map_err(io_error)?;
    // The file may have been replaced between the two looks.
    refuse_special(path, &file.metadata().map_err(io_error)?)?;
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > limit {
        return Err(too_large(read));
    }
    let text = String::from_utf8(bytes).map_err(|_| PackError::NotUtf8 {
        path: path.to_path_buf(),
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

fn refuse_special(path: &Path, metadata: &Metadata) -> Result<(), PackError> {
    if metadata.is_file() {
        return Ok(());
    }
    Err(PackError::NotARegularFile {
        path: path.to_path_buf(),
        kind: describe_file_type(metadata),
    })
}

/// What a file that is not a regular file is, in words.
fn describe_file_type(metadata: &Metadata) -> Message {
    if metadata.is_dir() {
        return Message::new("e08-kind-folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = metadata.file_type();
        if kind.is_fifo() {
            return Message::new("e08-kind-fifo");
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Message::new("e08-kind-device");
        }
        if kind.is_socket() {
            return Message::new("e08-kind-socket");
        }
    }
    Message::new("e08-kind-other")
}

#[cfg(test)]
mod tests {
    use clausier_diagnostics::Lang;

    use super::*;

    #[test]
    fn sizes_are_read_with_binary_units() {
        assert_eq!(parse_size("16MiB"), Some(16 * MIB));
        assert_eq!(parse_size(" 512 KiB "), Some(512 * KIB));
        assert_eq!(parse_size("1000"), Some(1000));
        assert_eq!(parse_size("5GiB"), None);
        assert_eq!(parse_size("0"), None);
        assert_eq!(parse_size("16MB"), None);
        assert_eq!(describe_size(DEFAULT_FILE_LIMIT).text(Lang::En), "16 MiB");
        assert_eq!(describe_size(1000).text(Lang::En), "1000 bytes");
        assert_eq!(describe_size(1000).text(Lang::Fr), "1000 octets");
    }
}
