//! The text of a descriptor file in the encoding its author's software saved it in:
//! UTF-8 (with or without a byte order mark), UTF-16 when a byte order mark says so (the
//! « Texte Unicode » of Excel), else Windows-1252, the encoding of a French Windows
//! (Latin-1 with the euro sign and typographic quotes), which a CSV saved by Excel uses.
//!
//! Any sequence of bytes is Windows-1252 but five: the bytes it leaves undefined stay an
//! error located at their line and column, for a file that is neither.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// The bytes Windows-1252 gives no character; WHATWG's decoder would make them control
/// characters, which no spreadsheet writes.
const UNDEFINED_IN_WINDOWS_1252: [u8; 5] = [0x81, 0x8D, 0x8F, 0x90, 0x9D];

/// How a file's bytes were read as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8, as every descriptor format expects: nothing to say.
    Utf8,
    Utf16,
    Windows1252,
}

impl TextEncoding {
    /// The encoding's name when it was assumed rather than expected, for the note that
    /// says so; `None` for UTF-8.
    pub fn assumed_name(self) -> Option<&'static str> {
        match self {
            TextEncoding::Utf8 => None,
            TextEncoding::Utf16 => Some("UTF-16"),
            TextEncoding::Windows1252 => Some("Windows-1252"),
        }
    }
}

/// A byte no encoding Clausier reads can make a character of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UndecodableByte {
    pub byte: u8,
    /// Where it is in the file.
    pub offset: usize,
    /// 1-based, counted in the characters before it read as Windows-1252.
    pub line: u32,
    pub column: u32,
}

/// The text of `bytes` and how it was read.
pub fn decode(bytes: Vec<u8>) -> Result<(String, TextEncoding), UndecodableByte> {
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return Ok((text, TextEncoding::Utf8)),
        Err(error) => error.into_bytes(),
    };
    if let Some((encoding, bom_length)) = Encoding::for_bom(&bytes)
        && (encoding == UTF_16LE || encoding == UTF_16BE)
    {
        let body = bytes.get(bom_length..).unwrap_or_default();
        if let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(body) {
            // The byte order mark is kept as one character, as in a UTF-8 file, so that
            // each format strips it where it strips UTF-8's.
            return Ok((format!("\u{feff}{text}"), TextEncoding::Utf16));
        }
    }
    if let Some(offset) = bytes
        .iter()
        .position(|byte| UNDEFINED_IN_WINDOWS_1252.contains(byte))
    {
        let before = bytes.get(..offset).unwrap_or_default();
        let (prefix, _) = WINDOWS_1252.decode_without_bom_handling(before);
        let line = prefix.matches('\n').count() + 1;
        let column = prefix
            .rsplit('\n')
            .next()
            .map_or(0, |last| last.chars().count())
            + 1;
        return Err(UndecodableByte {
            byte: bytes.get(offset).copied().unwrap_or_default(),
            offset,
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: u32::try_from(column).unwrap_or(u32::MAX),
        });
    }
    let (text, _) = WINDOWS_1252.decode_without_bom_handling(&bytes);
    Ok((text.into_owned(), TextEncoding::Windows1252))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_stays_and_latin_bytes_are_windows_1252() {
        assert_eq!(
            decode("prix;4,50 €".as_bytes().to_vec()),
            Ok(("prix;4,50 €".to_owned(), TextEncoding::Utf8))
        );
        // « Lumière », 4,50 € as a French Excel saves them.
        let saved = b"nom;prix\nLumi\xe8re;4,50 \x80\n".to_vec();
        assert_eq!(
            decode(saved),
            Ok((
                "nom;prix\nLumière;4,50 €\n".to_owned(),
                TextEncoding::Windows1252
            ))
        );
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_read() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "id\té".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        assert_eq!(
            decode(bytes),
            Ok(("\u{feff}id\té".to_owned(), TextEncoding::Utf16))
        );
    }

    #[test]
    fn a_byte_windows_1252_leaves_undefined_is_located() {
        let bytes = b"nom\n\xe9t\xe9 \x81x\n".to_vec();
        assert_eq!(
            decode(bytes),
            Err(UndecodableByte {
                byte: 0x81,
                offset: 8,
                line: 2,
                column: 5
            })
        );
    }
}
