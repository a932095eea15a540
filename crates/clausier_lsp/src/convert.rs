//! Byte offsets ↔ LSP positions, in the encoding negotiated with the client.
//!
//! The IDE speaks byte offsets; LSP speaks lines and "characters", which count UTF-16
//! code units unless the client accepts UTF-8. The project's [`LineIndex`] finds the
//! line; the column is counted here, in the negotiated unit. pest's `line_col` counts
//! Unicode scalar values, which is neither.

use clausier_diagnostics::{LineIndex, Span};
use tower_lsp_server::ls_types::{Position, PositionEncodingKind, Range};

/// What an LSP `character` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    Utf8,
    /// The protocol's default, which every client understands.
    #[default]
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client lists it (no conversion at all), else UTF-16.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Self {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }

    fn units(self, c: char) -> u32 {
        let units = match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        };
        u32::try_from(units).unwrap_or(u32::MAX)
    }
}

/// One text seen through its line index, converting in one encoding.
#[derive(Debug, Clone, Copy)]
pub struct LineMap<'a> {
    pub text: &'a str,
    pub index: &'a LineIndex,
    pub encoding: Encoding,
}

impl<'a> LineMap<'a> {
    pub fn new(text: &'a str, index: &'a LineIndex, encoding: Encoding) -> Self {
        Self {
            text,
            index,
            encoding,
        }
    }

    /// The position of a byte offset. An offset past the end is the end; one inside a
    /// character is that character's start.
    pub fn position(&self, offset: u32) -> Position {
        let offset = self.floor_to_char(offset);
        let line = self.index.line_of(offset);
        let start = self.index.line_start(line).unwrap_or(0);
        let before = self.text.get(start as usize..offset as usize).unwrap_or("");
        let character = before
            .chars()
            .fold(0u32, |sum, c| sum.saturating_add(self.encoding.units(c)));
        Position {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            character,
        }
    }

    /// The byte offset of a position. A line past the last is the end of the text; a
    /// character past the end of its line is the line's end (before its line break, as
    /// the protocol says); one inside a character is that character's start.
    pub fn offset(&self, position: Position) -> u32 {
        let Some(range) = self.index.line_range(position.line as usize, self.text) else {
            return clamp(self.text.len());
        };
        let line = self.text.get(range.clone()).unwrap_or("");
        let mut units = 0u32;
        for (byte, c) in line.char_indices() {
            let next = units.saturating_add(self.encoding.units(c));
            if next > position.character {
                return clamp(range.start + byte);
            }
            units = next;
        }
        clamp(range.end)
    }

    pub fn range(&self, span: Span) -> Range {
        Range {
            start: self.position(span.start),
            end: self.position(span.end.max(span.start)),
        }
    }

    pub fn span(&self, range: Range) -> Span {
        let start = self.offset(range.start);
        let end = self.offset(range.end);
        Span::new(start.min(end), start.max(end))
    }

    fn floor_to_char(&self, offset: u32) -> u32 {
        let mut offset = (offset as usize).min(self.text.len());
        while offset > 0 && !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        clamp(offset)
    }
}

fn clamp(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line and a character.
    type At = (u32, u32);

    /// `(text, utf-8 position, utf-16 position)` of the offset marked `$0` (the marker
    /// is removed from the text).
    const CASES: &[(&str, At, At)] = &[
        ("$0abc", (0, 0), (0, 0)),
        ("ab$0c", (0, 2), (0, 2)),
        ("a\nb$0c", (1, 1), (1, 1)),
        ("héb$0ergement", (0, 4), (0, 3)),
        ("prix 6 €$0 max", (0, 10), (0, 8)),
        ("x\n\"📚 livres\" $0== EU", (1, 14), (1, 12)),
        ("é\r\n€$0\r\n", (1, 3), (1, 1)),
        ("end\n$0", (1, 0), (1, 0)),
    ];

    fn split(marked: &str) -> (String, u32) {
        let at = marked.find("$0").unwrap_or(0);
        (marked.replacen("$0", "", 1), clamp(at))
    }

    #[test]
    fn offsets_and_positions_in_both_encodings() {
        for &(marked, utf8, utf16) in CASES {
            let (text, offset) = split(marked);
            let index = LineIndex::new(&text);
            for (encoding, (line, character)) in [(Encoding::Utf8, utf8), (Encoding::Utf16, utf16)]
            {
                let map = LineMap::new(&text, &index, encoding);
                let expected = Position { line, character };
                assert_eq!(map.position(offset), expected, "{marked:?} {encoding:?}");
                assert_eq!(map.offset(expected), offset, "{marked:?} {encoding:?}");
            }
        }
    }

    #[test]
    fn out_of_range_positions_are_clamped() {
        let text = "é€\nab";
        let index = LineIndex::new(text);
        let map = LineMap::new(text, &index, Encoding::Utf16);
        let at = |line, character| map.offset(Position { line, character });
        // Past the end of the first line: before its line break.
        assert_eq!(at(0, 99), 5);
        // Past the last line: the end of the text.
        assert_eq!(at(7, 0), clamp(text.len()));
        // Inside a character (an offset in the middle of `é`): its start.
        assert_eq!(map.position(1), Position::new(0, 0));
        assert_eq!(map.position(999), Position::new(1, 2));
    }

    #[test]
    fn a_surrogate_pair_counts_two_utf16_units() {
        let text = "🎓x";
        let index = LineIndex::new(text);
        let map = LineMap::new(text, &index, Encoding::Utf16);
        assert_eq!(map.position(4), Position::new(0, 2));
        // Between the two halves of the pair: the character's start.
        assert_eq!(map.offset(Position::new(0, 1)), 0);
        assert_eq!(map.offset(Position::new(0, 2)), 4);
    }

    #[test]
    fn the_client_chooses_utf8_only_if_it_offers_it() {
        let both = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(Encoding::negotiate(Some(&both)), Encoding::Utf8);
        assert_eq!(
            Encoding::negotiate(Some(&[PositionEncodingKind::UTF32])),
            Encoding::Utf16
        );
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
    }

    #[test]
    fn spans_and_ranges_round_trip() {
        let text = "requirement HÉB-01 \"Hébergement\" {\n  require région == EU\n}";
        let index = LineIndex::new(text);
        let start = clamp(text.find("région").unwrap_or(0));
        let span = Span::new(start, start + "région".len() as u32);
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            let map = LineMap::new(text, &index, encoding);
            assert_eq!(map.span(map.range(span)), span);
        }
    }
}
