//! A linear pass over the whole file, before pest sees any of it.
//!
//! It cuts the file into items (so that one broken item never hides the next), collects
//! the `//` comments for the formatter, finds unterminated strings, and measures how deep
//! each item nests (so that pest is never asked to recurse past [`MAX_NESTING`]).
//!
//! Strings and comments never span lines, so every decision here is made line by line.

use clausier_diagnostics::Span;

use super::MAX_NESTING;
use super::lex::{is_blank, word_end};
use crate::ast::Comment;
use crate::lexicon::{CONTINUATION_WORDS, ITEM_KEYWORDS, NESTING_WORDS};

#[derive(Debug)]
pub(super) struct Scan {
    pub chunks: Vec<Chunk>,
    pub comments: Vec<Comment>,
    /// Offsets of the opening quote of every string that its line does not close, sorted.
    pub unterminated_strings: Vec<u32>,
}

/// One item's worth of text (or the junk between items).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Chunk {
    pub start: usize,
    pub end: usize,
    /// Where nesting first went past [`MAX_NESTING`], if it did.
    pub too_deep: Option<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FrameKind {
    /// The item itself: counts the nesting words written outside any bracket.
    Root,
    Bracket,
    /// `list<…>` or `set<…>`.
    Angle,
}

#[derive(Debug, Clone, Copy)]
struct Frame {
    kind: FrameKind,
    nesting_words: usize,
}

/// How deep the current item nests: each open bracket and each nesting word still in
/// force counts one.
#[derive(Debug)]
struct Nesting {
    frames: Vec<Frame>,
    depth: usize,
    too_deep: Option<Span>,
}

impl Nesting {
    fn new() -> Self {
        Self {
            frames: vec![Frame {
                kind: FrameKind::Root,
                nesting_words: 0,
            }],
            depth: 0,
            too_deep: None,
        }
    }

    fn open_brackets(&self) -> usize {
        self.frames
            .iter()
            .filter(|frame| frame.kind == FrameKind::Bracket)
            .count()
    }

    fn deepen(&mut self, at: Span) {
        self.depth += 1;
        if self.depth > MAX_NESTING && self.too_deep.is_none() {
            self.too_deep = Some(at);
        }
    }

    fn open(&mut self, kind: FrameKind, at: Span) {
        self.frames.push(Frame {
            kind,
            nesting_words: 0,
        });
        self.deepen(at);
    }

    fn nesting_word(&mut self, at: Span) {
        if let Some(frame) = self.frames.last_mut() {
            frame.nesting_words += 1;
        }
        self.deepen(at);
    }

    fn pop(&mut self) {
        if self.frames.len() > 1
            && let Some(frame) = self.frames.pop()
        {
            self.depth = self.depth.saturating_sub(1 + frame.nesting_words);
        }
    }

    fn close_bracket(&mut self) {
        while let Some(frame) = self.frames.last().copied() {
            match frame.kind {
                FrameKind::Root => return,
                FrameKind::Angle => self.pop(),
                FrameKind::Bracket => {
                    self.pop();
                    return;
                }
            }
        }
    }

    fn close_angle(&mut self) {
        if self
            .frames
            .last()
            .is_some_and(|frame| frame.kind == FrameKind::Angle)
        {
            self.pop();
        }
    }
}

/// The kind of a line, decided by its first token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    Blank,
    Comment,
    Doc,
    Item,
    Code,
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    chunk_starts: Vec<usize>,
    chunks: Vec<Chunk>,
    comments: Vec<Comment>,
    unterminated_strings: Vec<u32>,
    nesting: Nesting,
    /// Start of the run of doc lines (with blank and comment lines between them) just
    /// seen: an item keyword after them starts its item there.
    pending_docs: Option<usize>,
}

pub(super) fn scan(text: &str) -> Scan {
    let mut scanner = Scanner {
        text,
        bytes: text.as_bytes(),
        chunk_starts: vec![0],
        chunks: Vec::new(),
        comments: Vec::new(),
        unterminated_strings: Vec::new(),
        nesting: Nesting::new(),
        pending_docs: None,
    };
    let mut line_start = 0;
    while line_start < text.len() {
        let line_end = memchr_newline(scanner.bytes, line_start);
        scanner.line(line_start, line_end);
        line_start = line_end + 1;
    }
    scanner.finish_chunk(text.len());
    Scan {
        chunks: scanner.chunks,
        comments: scanner.comments,
        unterminated_strings: scanner.unterminated_strings,
    }
}

fn memchr_newline(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |at| from + at)
}

impl Scanner<'_> {
    fn line(&mut self, start: usize, end: usize) {
        let first = skip_blanks(self.text, start, end);
        match self.classify(first, end) {
            LineKind::Blank | LineKind::Comment => {}
            LineKind::Doc => {
                if self.pending_docs.is_none() {
                    self.pending_docs = Some(start);
                    if self.nesting.open_brackets() == 0 {
                        self.start_chunk(start);
                    }
                }
                // A doc line holds no code: nothing to lex.
                return;
            }
            LineKind::Item => {
                let at = self.pending_docs.take().unwrap_or(start);
                self.start_chunk(at);
            }
            LineKind::Code => self.pending_docs = None,
        }
        self.lex_line(first, end);
    }

    fn classify(&self, first: usize, end: usize) -> LineKind {
        let rest = &self.text[first..end];
        if rest.trim_end_matches('\r').is_empty() {
            LineKind::Blank
        } else if rest.starts_with("///") && !rest.starts_with("////") {
            LineKind::Doc
        } else if rest.starts_with("//") {
            LineKind::Comment
        } else if self.starts_item(first, end) {
            LineKind::Item
        } else {
            LineKind::Code
        }
    }

    /// A line starts an item when its first word is an item keyword that is not used as
    /// a name (`type: string`, `set.size`, `test in tests`).
    fn starts_item(&self, first: usize, end: usize) -> bool {
        let word_stop = word_end(self.text, first, end);
        let word = &self.text[first..word_stop];
        if !ITEM_KEYWORDS.contains(&word) {
            return false;
        }
        let next = skip_blanks(self.text, word_stop, end);
        let Some(c) = self.text[next..end].chars().next() else {
            return true;
        };
        if ":.=,)]}+-*/<>!%&|".contains(c) {
            return false;
        }
        let next_word = &self.text[next..word_end(self.text, next, end)];
        !CONTINUATION_WORDS.contains(&next_word)
    }

    fn start_chunk(&mut self, at: usize) {
        let last = self.chunk_starts.last().copied().unwrap_or(0);
        if at <= last {
            return;
        }
        self.finish_chunk(at);
        self.chunk_starts.push(at);
    }

    fn finish_chunk(&mut self, end: usize) {
        let start = self.chunk_starts.last().copied().unwrap_or(0);
        if end > start {
            let nesting = std::mem::replace(&mut self.nesting, Nesting::new());
            self.chunks.push(Chunk {
                start,
                end,
                too_deep: nesting.too_deep,
            });
        }
    }

    /// Follows strings, comments, brackets and nesting words across one line.
    fn lex_line(&mut self, from: usize, end: usize) {
        let mut i = from;
        let mut previous_word: Option<(usize, usize)> = None;
        while i < end {
            let byte = self.bytes[i];
            match byte {
                b'"' => {
                    i = self.string(i, end);
                    previous_word = None;
                }
                b'/' if self.bytes.get(i + 1) == Some(&b'/') => {
                    self.comment(i, end);
                    return;
                }
                b'(' | b'[' | b'{' => {
                    self.nesting
                        .open(FrameKind::Bracket, Span::from_range(i..i + 1));
                    i += 1;
                    previous_word = None;
                }
                b')' | b']' | b'}' => {
                    self.nesting.close_bracket();
                    i += 1;
                    previous_word = None;
                }
                b'<' => {
                    if previous_word
                        .is_some_and(|(s, e)| matches!(&self.text[s..e], "list" | "set"))
                    {
                        self.nesting
                            .open(FrameKind::Angle, Span::from_range(i..i + 1));
                    }
                    i += 1;
                    previous_word = None;
                }
                b'>' => {
                    self.nesting.close_angle();
                    i += 1;
                    previous_word = None;
                }
                b' ' | b'\t' | b'\r' => i += 1,
                _ => {
                    let stop = word_end(self.text, i, end);
                    if stop > i {
                        if NESTING_WORDS.contains(&&self.text[i..stop]) {
                            self.nesting.nesting_word(Span::from_range(i..stop));
                        }
                        previous_word = Some((i, stop));
                        i = stop;
                    } else {
                        let c = self.text[i..].chars().next().unwrap_or(' ');
                        i += c.len_utf8();
                        if !is_blank(c) {
                            previous_word = None;
                        }
                    }
                }
            }
        }
    }

    /// Skips a string that starts at `start`; returns the offset after it.
    fn string(&mut self, start: usize, end: usize) -> usize {
        let mut i = start + 1;
        while i < end {
            match self.bytes[i] {
                b'"' => return i + 1,
                b'\\' => i += 2,
                _ => i += 1,
            }
        }
        self.unterminated_strings
            .push(u32::try_from(start).unwrap_or(u32::MAX));
        end
    }

    fn comment(&mut self, start: usize, end: usize) {
        let rest = &self.text[start..end];
        if rest.starts_with("///") && !rest.starts_with("////") {
            // A doc comment after code on the same line: the grammar reports it.
            return;
        }
        let body = rest.trim_end_matches('\r');
        self.comments.push(Comment {
            text: body[2..].to_string(),
            span: Span::from_range(start..start + body.len()),
        });
    }
}

/// The first offset at or after `from` (before `end`) that is not a blank.
pub(super) fn skip_blanks(text: &str, from: usize, end: usize) -> usize {
    let mut i = from;
    for c in text[from..end].chars() {
        if !is_blank(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk_texts(text: &str) -> Vec<&str> {
        scan(text)
            .chunks
            .iter()
            .map(|chunk| &text[chunk.start..chunk.end])
            .collect()
    }

    #[test]
    fn items_start_at_keyword_lines_with_their_docs() {
        let text =
            "// head\nenum A { X }\n\n/// doc\n// between\n/// more\nparam p: int = 1\nuse x\n";
        assert_eq!(
            chunk_texts(text),
            [
                "// head\n",
                "enum A { X }\n\n",
                "/// doc\n// between\n/// more\nparam p: int = 1\n",
                "use x\n"
            ]
        );
    }

    #[test]
    fn item_words_used_as_names_do_not_start_items() {
        let text = "descriptor {\n  type: string\n  set: set<string>\n}\nrequirement A \"a\" {\n  require x and\n  test in tests\n}\n";
        assert_eq!(chunk_texts(text).len(), 2);
    }

    #[test]
    fn an_unclosed_item_still_ends_at_the_next_item() {
        let text = "requirement A \"a\" {\n  require x\n/// docs of B\nrequirement B \"b\" { require y }\n";
        assert_eq!(
            chunk_texts(text),
            [
                "requirement A \"a\" {\n  require x\n",
                "/// docs of B\nrequirement B \"b\" { require y }\n"
            ]
        );
    }

    #[test]
    fn doc_lines_inside_a_block_belong_to_it() {
        let text = "descriptor {\n  /// the id\n  id: string\n}\n";
        assert_eq!(chunk_texts(text).len(), 1);
    }

    #[test]
    fn comments_are_collected_outside_strings() {
        let scan = scan("param p: string = \"a // b\" // real\n//x\n/// doc\n");
        let texts: Vec<&str> = scan.comments.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, [" real", "x"]);
    }

    #[test]
    fn unterminated_strings_are_found() {
        let scan = scan("text \"abc\ntext \"ok\"\n\"a\\\"");
        assert_eq!(scan.unterminated_strings, [5, 20]);
    }

    #[test]
    fn nesting_counts_brackets_and_greedy_words() {
        let deep = format!("param p: int = {}1{}", "(".repeat(300), ")".repeat(300));
        let scan = scan(&deep);
        let at = scan.chunks[0].too_deep.expect("too deep");
        assert_eq!(at.start as usize, "param p: int = ".len() + MAX_NESTING);

        let flat = "param p: int = (1) + (2)\n".repeat(1000);
        assert!(scan_ok(&flat));
        let chained = format!("param p: bool = {}true", "if a then b else ".repeat(300));
        assert!(!scan_ok(&chained));
        let long_list = format!("descriptor {{ {} }}", "a: list<int>\n".repeat(1000));
        assert!(scan_ok(&long_list));
    }

    fn scan_ok(text: &str) -> bool {
        scan(text)
            .chunks
            .iter()
            .all(|chunk| chunk.too_deep.is_none())
    }
}
