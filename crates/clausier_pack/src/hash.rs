//! The content hash of a pack, printed in every report and pinned by lockfiles.
//!
//! The hash covers what a pack means, not how a checkout stores it: paths are relative
//! and `/`-separated, line breaks are LF and a leading byte-order mark is dropped, so a
//! Windows checkout with CRLF line breaks hashes like a Linux one.

use std::fmt::Write;

use sha2::{Digest, Sha256};

/// A file as it enters the hash: its relative `/`-separated path and its text.
pub struct HashedFile<'a> {
    pub relative: &'a str,
    pub text: &'a str,
}

/// `sha256:` and the lowercase hex digest of the files' canonical serialization: for each
/// file in order of relative path, the path, NUL, the normalized length in decimal, NUL,
/// then the normalized bytes.
pub fn pack_hash(files: &[HashedFile<'_>]) -> String {
    let mut sorted: Vec<&HashedFile<'_>> = files.iter().collect();
    sorted.sort_by(|a, b| a.relative.cmp(b.relative));
    let mut hasher = Sha256::new();
    for file in sorted {
        let text = normalize(file.text);
        hasher.update(file.relative.as_bytes());
        hasher.update([0]);
        hasher.update(text.len().to_string().as_bytes());
        hasher.update([0]);
        hasher.update(text.as_bytes());
    }
    let digest = hasher.finalize();
    let mut hex = String::with_capacity(7 + digest.len() * 2);
    hex.push_str("sha256:");
    for byte in digest.iter() {
        // Writing to a `String` cannot fail.
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

/// `sha256:` and the lowercase hex digest of one file's normalized text: what `pack.lock`
/// records of each file, to name the files that changed.
pub fn file_hash(text: &str) -> String {
    let digest = Sha256::digest(normalize(text).as_bytes());
    let mut hex = String::with_capacity(7 + digest.len() * 2);
    hex.push_str("sha256:");
    for byte in digest.iter() {
        // Writing to a `String` cannot fail.
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

/// The text as hashed: CRLF as LF, without a leading byte-order mark.
pub fn normalize(text: &str) -> String {
    text.strip_prefix('\u{feff}')
        .unwrap_or(text)
        .replace("\r\n", "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hash(files: &[(&str, &str)]) -> String {
        let files: Vec<HashedFile<'_>> = files
            .iter()
            .map(|(relative, text)| HashedFile { relative, text })
            .collect();
        pack_hash(&files)
    }

    #[test]
    fn line_breaks_and_file_order_do_not_change_the_hash() {
        let unix = hash(&[("a.clause", "enum A { X }\n"), ("pack.toml", "[pack]\n")]);
        let windows = hash(&[
            ("pack.toml", "\u{feff}[pack]\r\n"),
            ("a.clause", "enum A { X }\r\n"),
        ]);
        assert_eq!(unix, windows);
        assert!(unix.starts_with("sha256:"));
        assert_eq!(unix.len(), "sha256:".len() + 64);
    }

    #[test]
    fn paths_and_contents_both_count() {
        let base = hash(&[("a.clause", "x")]);
        assert_ne!(base, hash(&[("b.clause", "x")]));
        assert_ne!(base, hash(&[("a.clause", "y")]));
        // Moving a byte between a path and the text must change the hash.
        assert_ne!(
            hash(&[("a", "bc"), ("d", "")]),
            hash(&[("a", "b"), ("cd", "")])
        );
    }

    #[test]
    fn the_serialization_is_the_documented_one() {
        let mut expected = Sha256::new();
        expected.update(b"a.clause\x003\x00x\ny");
        let expected: String = expected
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(
            hash(&[("a.clause", "x\r\ny")]),
            format!("sha256:{expected}")
        );
    }
}
