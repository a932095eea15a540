//! Byte offsets to lines and character columns, and character indexes to byte offsets,
//! in time independent of line length.
//!
//! `LineIndex::line_col` counts the characters from the start of the line on every call,
//! which is quadratic on a minified one-line JSON file with many values. Counting
//! characters per fixed-size block keeps each lookup bounded.

use clausier_diagnostics::{LineIndex, Span};

use crate::descriptor::Loc;

const BLOCK: usize = 64;

pub(crate) struct TextIndex<'t> {
    text: &'t str,
    /// Where `text` starts in its file: one NDJSON line is indexed alone, yet located in
    /// the whole file.
    base: usize,
    /// The 0-based line of the file `text` starts on.
    first_line: usize,
    lines: LineIndex,
    /// The number of characters before the start of each block of `BLOCK` bytes.
    chars_before_block: Vec<usize>,
    /// Whether the text is the picture of a workbook's sheet (`workbook_source.rs`): a
    /// column is then a cell's, counted in tabs, not in characters.
    cells: bool,
}

impl<'t> TextIndex<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        Self::at(text, 0, 1)
    }

    /// The index of `text`, which starts at byte `base` of its file, on line `first_line`
    /// (1-based) and at its first column.
    pub(crate) fn at(text: &'t str, base: usize, first_line: u32) -> Self {
        let mut chars_before_block = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut chars = 0;
        for block in text.as_bytes().chunks(BLOCK) {
            chars_before_block.push(chars);
            chars += count_chars(block);
        }
        chars_before_block.push(chars);
        Self {
            text,
            base,
            first_line: (first_line as usize).saturating_sub(1),
            lines: LineIndex::new(text),
            chars_before_block,
            cells: false,
        }
    }

    /// The index of the picture of a sheet: one line per row, cells separated by tabs
    /// (which no cell's text holds); a location's line is the cell's row and its column
    /// the cell's column, both 1-based.
    pub(crate) fn cells(text: &'t str) -> Self {
        Self {
            cells: true,
            ..Self::new(text)
        }
    }

    pub(crate) fn text(&self) -> &'t str {
        self.text
    }

    /// The text of a span of the file, when it is within the indexed text.
    pub(crate) fn slice(&self, span: Span) -> Option<&'t str> {
        let start = (span.start as usize).checked_sub(self.base)?;
        let end = (span.end as usize).checked_sub(self.base)?;
        self.text.get(start..end)
    }

    /// The location of a span of the file: its start's line and column, the span clamped
    /// to the indexed text.
    pub(crate) fn loc(&self, span: Span) -> Loc {
        let low = u32::try_from(self.base).unwrap_or(u32::MAX);
        let high = u32::try_from(self.base.saturating_add(self.text.len())).unwrap_or(u32::MAX);
        let start = span.start.clamp(low, high);
        let end = span.end.clamp(start, high);
        let local = start - low;
        let line = self.lines.line_of(local);
        let line_start = self.lines.line_start(line).unwrap_or(0);
        let column = if self.cells {
            let before = self
                .text
                .as_bytes()
                .get(line_start as usize..local as usize)
                .unwrap_or_default();
            before.iter().filter(|byte| **byte == b'\t').count()
        } else {
            self.chars_before(local as usize) - self.chars_before(line_start as usize)
        };
        Loc {
            span: Span::new(start, end),
            line: u32::try_from(self.first_line + line + 1).unwrap_or(u32::MAX),
            column: u32::try_from(column + 1).unwrap_or(u32::MAX),
        }
    }

    /// The number of characters before byte `offset` (a character cut by `offset` counts).
    fn chars_before(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        let block = offset / BLOCK;
        let base = self.chars_before_block.get(block).copied().unwrap_or(0);
        let bytes = self
            .text
            .as_bytes()
            .get(block * BLOCK..offset)
            .unwrap_or(&[]);
        base + count_chars(bytes)
    }

    /// The byte offset in the indexed text of the character at `char_index` (the end of
    /// the text past it).
    pub(crate) fn byte_of_char(&self, char_index: usize) -> u32 {
        let block = self
            .chars_before_block
            .partition_point(|&chars| chars <= char_index)
            .saturating_sub(1);
        let mut chars = self.chars_before_block.get(block).copied().unwrap_or(0);
        let start = block * BLOCK;
        let mut offset = self.text.len();
        for (byte_offset, byte) in self.text.as_bytes().iter().enumerate().skip(start) {
            if is_char_start(*byte) {
                if chars == char_index {
                    offset = byte_offset;
                    break;
                }
                chars += 1;
            }
        }
        u32::try_from(offset).unwrap_or(u32::MAX)
    }
}

fn is_char_start(byte: u8) -> bool {
    // UTF-8 continuation bytes are 0b10xx_xxxx.
    byte & 0xC0 != 0x80
}

fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|byte| is_char_start(**byte)).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn columns_count_characters() {
        let text = "ab\nhébergement: région\n";
        let index = TextIndex::new(text);
        let offset = text.find("région").unwrap_or(0) as u32;
        let loc = index.loc(Span::new(offset, offset + 1));
        assert_eq!((loc.line, loc.column), (2, 14));
    }

    proptest! {
        #[test]
        fn agrees_with_the_line_index(text in "[a-zé€\n]{0,300}", pick in 0usize..301) {
            let index = TextIndex::new(&text);
            let boundaries: Vec<usize> =
                text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let char_index = pick % boundaries.len();
            let offset = boundaries[char_index];
            prop_assert_eq!(index.byte_of_char(char_index) as usize, offset);
            let expected = LineIndex::new(&text).line_col(&text, offset as u32);
            let loc = index.loc(Span::new(offset as u32, offset as u32));
            prop_assert_eq!((loc.line, loc.column), (expected.line, expected.column));
        }
    }
}
