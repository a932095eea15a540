use serde::Serialize;

/// A 1-based line and column, the column counted in Unicode scalar values, as shown to
/// people (terminal, JSON report). The language server converts byte offsets itself, in
/// the encoding it negotiated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct LineCol {
    pub line: u32,
    pub column: u32,
}

/// Maps byte offsets to lines and columns in one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset of the start of each line; the first is always 0.
    line_starts: Vec<u32>,
    len: u32,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        for (offset, byte) in text.bytes().enumerate() {
            if byte == b'\n' {
                line_starts.push(u32::try_from(offset + 1).unwrap_or(u32::MAX));
            }
        }
        Self {
            line_starts,
            len: u32::try_from(text.len()).unwrap_or(u32::MAX),
        }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The 0-based line holding `offset` (offsets past the end map to the last line).
    pub fn line_of(&self, offset: u32) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next.saturating_sub(1),
        }
    }

    /// Byte offset where 0-based `line` starts, if the text has that line.
    pub fn line_start(&self, line: usize) -> Option<u32> {
        self.line_starts.get(line).copied()
    }

    /// Byte range of 0-based `line`, its line break excluded.
    pub fn line_range(&self, line: usize, text: &str) -> Option<std::ops::Range<usize>> {
        let start = *self.line_starts.get(line)? as usize;
        let mut end = self
            .line_starts
            .get(line + 1)
            .map_or(self.len as usize, |next| *next as usize);
        let bytes = text.as_bytes();
        while end > start && matches!(bytes.get(end - 1), Some(b'\n' | b'\r')) {
            end -= 1;
        }
        Some(start..end)
    }

    /// 1-based line and column (in characters) of `offset` in `text`.
    ///
    /// An offset inside a multi-byte character counts as that character.
    pub fn line_col(&self, text: &str, offset: u32) -> LineCol {
        let offset = offset.min(self.len);
        let line = self.line_of(offset);
        let start = self.line_starts.get(line).copied().unwrap_or(0) as usize;
        let end = offset as usize;
        let column = text
            .get(start..end)
            .map_or_else(|| end.saturating_sub(start), |slice| slice.chars().count());
        LineCol {
            line: u32::try_from(line + 1).unwrap_or(u32::MAX),
            column: u32::try_from(column + 1).unwrap_or(u32::MAX),
        }
    }

    /// The byte offset of a 1-based line and column in characters, clamped to the text.
    pub fn offset_of(&self, text: &str, at: LineCol) -> u32 {
        let line = (at.line.max(1) - 1) as usize;
        let Some(range) = self.line_range(line, text) else {
            return self.len;
        };
        let wanted = (at.column.max(1) - 1) as usize;
        let line_text = &text[range.clone()];
        let within = line_text
            .char_indices()
            .nth(wanted)
            .map_or(line_text.len(), |(byte, _)| byte);
        u32::try_from(range.start + within).unwrap_or(u32::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "ab\nhébergement.région == EU\n";
        let index = LineIndex::new(text);
        let offset = text.find("région").unwrap() as u32;
        assert_eq!(
            index.line_col(text, offset),
            LineCol {
                line: 2,
                column: 13
            }
        );
        assert_eq!(index.line_col(text, 0), LineCol { line: 1, column: 1 });
    }

    #[test]
    fn offsets_past_the_end_stay_on_the_last_line() {
        let text = "a\nb";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 99), LineCol { line: 2, column: 2 });
    }

    proptest! {
        #[test]
        fn offset_of_inverts_line_col(text in "[a-zé\n]{0,40}", pick in 0usize..41) {
            let index = LineIndex::new(&text);
            let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let offset = boundaries[pick % boundaries.len()] as u32;
            let at = index.line_col(&text, offset);
            prop_assert_eq!(index.offset_of(&text, at), offset);
        }
    }
}
