//! What a path is: only regular files are read as descriptors. A FIFO would block the run
//! and a device such as `/dev/zero` would fill the memory, so each is an invalid
//! descriptor that says what it is.

use std::fs::{File, Metadata, OpenOptions};
use std::path::Path;

use clausier_diagnostics::Message;

use super::cannot_read;

/// Names one file whatever the path that reaches it.
#[cfg(unix)]
pub type FileId = (u64, u64);

#[cfg(unix)]
pub fn file_id(_: &Path, metadata: &Metadata) -> FileId {
    use std::os::unix::fs::MetadataExt;
    (metadata.dev(), metadata.ino())
}

#[cfg(not(unix))]
pub type FileId = std::path::PathBuf;

#[cfg(not(unix))]
pub fn file_id(path: &Path, _: &Metadata) -> FileId {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Opens a descriptor file for reading, refusing anything but a regular file. The file is
/// opened without waiting (a FIFO put in its place after it was listed does not block the
/// run) and its type checked on the open file.
pub fn open_regular(path: &Path, source: &str) -> Result<File, Message> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let cannot_read = |error: std::io::Error| cannot_read(source, &error);
    let file = options.open(path).map_err(cannot_read)?;
    let metadata = file.metadata().map_err(cannot_read)?;
    if !metadata.is_file() {
        return Err(not_regular(source, &metadata));
    }
    Ok(file)
}

/// Why a path that is not a regular file is not read.
pub fn not_regular(source: &str, metadata: &Metadata) -> Message {
    Message::new("d0607-not-regular")
        .with("file", source)
        .with("kind", Message::new(kind(metadata)))
}

/// The catalogue's words for what the path is.
fn kind(metadata: &Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let file_type = metadata.file_type();
        if file_type.is_fifo() {
            return "d0607-kind-fifo";
        }
        if file_type.is_char_device() {
            return "d0607-kind-char-device";
        }
        if file_type.is_block_device() {
            return "d0607-kind-block-device";
        }
        if file_type.is_socket() {
            return "d0607-kind-socket";
        }
    }
    if metadata.is_dir() {
        return "d0607-kind-folder";
    }
    "d0607-kind-special"
}
