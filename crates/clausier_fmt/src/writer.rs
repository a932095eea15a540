//! The output buffer, and the one place where comments are put back.
//!
//! The printer writes tokens, each with the source offset it was printed from. Before a
//! token is written, every `//` comment that came before it in the source and is not out
//! yet is written first, so comments come out in source order, each exactly once:
//!
//! - a comment that followed code on its source line stays at the end of the current
//!   output line (a *trailing* comment);
//! - a comment alone on its source line gets a line of its own, indented like the lines
//!   around it;
//! - the token after a comment always starts a new line, since `//` runs to the end of
//!   the line.
//!
//! Line breaks are requested, not written: the printer sets a [`Break`] and the writer
//! turns it into one line end (or a blank line, where the source had one and the break
//! allows it) when the next token comes, with the comments in between.

use clausier_syntax::ast::Comment;
// Words that start an item when they start a line (the parser cuts a file into items at
// such lines), and words after which such a line is the middle of an expression.
use clausier_syntax::lexicon::{CONTINUATION_WORDS, ITEM_KEYWORDS};

/// What the printer wants between the last token and the next one: a new line, and which
/// blank lines of the source to keep. A blank line is never added between two lines
/// unless the break allows it at that place and the source had one there (or
/// `separate` asks for one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Break {
    /// Indentation of the next token's line.
    pub indent: usize,
    /// Indentation of comments on their own line before the next token.
    pub comment_indent: usize,
    /// Keep a blank line of the source at the first line end of the gap.
    pub blank_first: bool,
    /// Keep blank lines of the source between comments.
    pub blank_middle: bool,
    /// Keep a blank line of the source at the last line end, right before the token.
    pub blank_last: bool,
    /// At least one blank line in the gap: where the source had one, else at its start.
    pub separate: bool,
    /// The break between two items: the next line must start a new line.
    pub between_items: bool,
}

impl Break {
    /// A plain new line, as inside an expression or between the entries of a list.
    pub fn line(indent: usize) -> Self {
        Self {
            indent,
            comment_indent: indent,
            blank_first: false,
            blank_middle: false,
            blank_last: false,
            separate: false,
            between_items: false,
        }
    }

    /// Between two items: the source's blank lines are kept, and `separate` puts one in.
    pub fn item(separate: bool) -> Self {
        Self {
            indent: 0,
            comment_indent: 0,
            blank_first: true,
            blank_middle: true,
            blank_last: true,
            separate,
            between_items: true,
        }
    }

    /// After a block's `{`, before its first line.
    pub fn open(inner: usize) -> Self {
        Self {
            indent: inner,
            comment_indent: inner,
            blank_first: false,
            blank_middle: true,
            blank_last: true,
            separate: false,
            between_items: false,
        }
    }

    /// Between two lines of a block; `keep_blanks` keeps the author's blank lines.
    pub fn member(inner: usize, keep_blanks: bool) -> Self {
        Self {
            indent: inner,
            comment_indent: inner,
            blank_first: keep_blanks,
            blank_middle: keep_blanks,
            blank_last: keep_blanks,
            separate: false,
            between_items: false,
        }
    }

    /// Before a block's `}`; the comments at the end of the block stay inside it.
    /// `after_member` is false for a block with no lines (right after its `{`).
    pub fn close(inner: usize, outer: usize, after_member: bool) -> Self {
        Self {
            indent: outer,
            comment_indent: inner,
            blank_first: after_member,
            blank_middle: true,
            blank_last: false,
            separate: false,
            between_items: false,
        }
    }

    /// The same, for blocks that never keep blank lines (lists of data).
    pub fn close_compact(inner: usize, outer: usize) -> Self {
        Self {
            blank_first: false,
            blank_middle: false,
            ..Self::close(inner, outer, false)
        }
    }
}

/// A `//` comment, and where it is put back: before the first token that starts at or
/// after `at`.
#[derive(Debug, Clone)]
struct Placed {
    text: String,
    /// Where it was in the source.
    start: usize,
    /// Where it counts as being: its start, or the end of the word after it (below).
    at: usize,
    /// Where it ends, as `at` counts.
    end: usize,
    /// Moved after the word that followed it: it goes at the end of that word's line.
    moved: bool,
}

/// One line end to write, with the source text it stands for.
#[derive(Debug, Clone, Copy)]
struct Boundary {
    from: usize,
    to: usize,
    indent: usize,
    blank: bool,
    /// A comment follows it, not a token.
    before_comment: bool,
}

#[derive(Debug, Clone, Copy)]
enum Step {
    Trailing(usize),
    Boundary(usize),
    Own(usize),
}

pub(crate) struct Writer<'a> {
    src: &'a str,
    comments: Vec<Placed>,
    /// The first comment not written yet.
    next_comment: usize,
    out: String,
    /// Source offset after the last token or comment written.
    last_end: usize,
    pending: Option<Break>,
    /// Indentation of a line that a comment forces inside an expression.
    pub cont: usize,
    /// Set by [`Writer::mark_next`]: where the next token starts in the output.
    marking: bool,
    marked: usize,
    /// Where the line of the current item's keyword starts in the output.
    item_line: usize,
    /// The output up to here is not trimmed (a doc line keeps its trailing spaces).
    keep_until: usize,
    /// The current output line ends with a comment.
    line_has_comment: bool,
}

impl<'a> Writer<'a> {
    /// `item_ends` are the offsets where the last token of each item ends.
    pub fn new(src: &'a str, comments: &[Comment], item_ends: &[u32]) -> Self {
        Self {
            src,
            comments: place_comments(src, comments, item_ends),
            next_comment: 0,
            out: String::with_capacity(src.len() + src.len() / 8),
            last_end: 0,
            pending: None,
            cont: 0,
            marking: false,
            marked: 0,
            item_line: 0,
            keep_until: 0,
            line_has_comment: false,
        }
    }

    pub fn out_len(&self) -> usize {
        self.out.len()
    }

    /// Asks for the output offset of the next token, read back with [`Writer::marked`].
    pub fn mark_next(&mut self) {
        self.marking = true;
    }

    pub fn marked(&self) -> usize {
        self.marked
    }

    pub fn set_break(&mut self, brk: Break) {
        self.pending = Some(brk);
    }

    /// The column the next text would start at, in characters.
    pub fn column(&self) -> usize {
        if let Some(brk) = self.pending {
            return brk.indent;
        }
        let line_start = self.out.rfind('\n').map_or(0, |at| at + 1);
        self.out[line_start..].chars().count()
    }

    /// Whether a comment starts strictly inside `from..to`.
    pub fn has_comment_in(&self, from: usize, to: usize) -> bool {
        let first = self.comments.partition_point(|comment| comment.at <= from);
        self.comments
            .get(first)
            .is_some_and(|comment| comment.at < to)
    }

    /// Writes `text`, printed from the source text `pos..end`, after the comments that
    /// come before `pos` and the requested line break.
    pub fn token(&mut self, pos: usize, end: usize, text: &str) {
        self.gap(pos, Some(text));
        if self.marking {
            self.marked = self.out.len();
            self.marking = false;
        }
        self.out.push_str(text);
        self.last_end = self.last_end.max(end);
    }

    /// Writes the keyword that starts an item, at the start of a line.
    pub fn item_keyword(&mut self, pos: usize, end: usize, text: &str) {
        self.gap(pos, None);
        if self.marking {
            self.marked = self.out.len();
            self.marking = false;
        }
        self.out.push_str(text);
        self.last_end = self.last_end.max(end);
        self.item_line = self.out.rfind('\n').map_or(0, |at| at + 1);
    }

    /// Writes a `///` line, which keeps its trailing spaces.
    pub fn doc_line(&mut self, pos: usize, end: usize, text: &str) {
        self.token(pos, end, text);
        self.keep_until = self.out.len();
    }

    /// Writes text that has no place in the source (spaces, punctuation between tokens).
    pub fn text(&mut self, text: &str) {
        if self.pending.is_some() {
            self.gap(self.last_end, Some(text));
        }
        self.out.push_str(text);
    }

    /// Writes the comments left and ends the output with one line break (none for an
    /// empty file).
    pub fn finish(mut self, brk: Break) -> String {
        self.pending = Some(brk);
        self.gap(self.src.len(), None);
        let kept = self.out.trim_end().len();
        self.out.truncate(kept);
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.out
    }

    /// Writes the comments before `pos` and the line ends around them; `next` is what
    /// will be written after them.
    fn gap(&mut self, pos: usize, next: Option<&str>) {
        let brk = self.pending.take();
        let start = self.next_comment;
        let mut stop = start;
        while stop < self.comments.len() && self.comments[stop].at < pos {
            stop += 1;
        }
        self.next_comment = stop;
        if start == stop && brk.is_none() {
            return;
        }
        let mut steps: Vec<Step> = Vec::new();
        let mut boundaries: Vec<Boundary> = Vec::new();
        let mut has_output = !self.out.is_empty();
        // The current output line ends with a comment: nothing more may go on it.
        let mut closed = false;
        let mut previous_end = self.last_end;
        let comment_indent = brk.map_or(self.cont, |brk| brk.comment_indent);
        for index in start..stop {
            let comment = &self.comments[index];
            let trailing = comment.moved || code_before_on_line(self.src, comment.start);
            if !closed && has_output && trailing {
                steps.push(Step::Trailing(index));
            } else {
                if has_output {
                    steps.push(Step::Boundary(boundaries.len()));
                    boundaries.push(Boundary {
                        from: previous_end,
                        to: comment.at,
                        indent: comment_indent,
                        blank: false,
                        before_comment: true,
                    });
                }
                steps.push(Step::Own(index));
                has_output = true;
            }
            closed = true;
            previous_end = comment.end;
        }
        if (brk.is_some() || closed) && has_output {
            steps.push(Step::Boundary(boundaries.len()));
            boundaries.push(Boundary {
                from: previous_end,
                to: pos,
                indent: brk.map_or(self.cont, |brk| brk.indent),
                blank: false,
                before_comment: false,
            });
        }
        if let Some(brk) = brk {
            self.decide_blanks(&mut boundaries, brk);
        }
        for step in steps {
            match step {
                Step::Trailing(index) => {
                    self.trim_line_end();
                    self.out.push(' ');
                    self.push_comment(index);
                }
                Step::Own(index) => self.push_comment(index),
                Step::Boundary(index)
                    if !self.line_has_comment
                        && !brk.is_some_and(|brk| brk.between_items)
                        && self.glue_helps(if boundaries[index].before_comment {
                            Some("//")
                        } else {
                            next
                        }) =>
                {
                    // Ending the line here would make it start a new item: go on.
                    self.trim_line_end();
                    self.out.push(' ');
                }
                Step::Boundary(index) => {
                    let boundary = boundaries[index];
                    self.trim_line_end();
                    self.out.push('\n');
                    self.line_has_comment = false;
                    if boundary.blank {
                        self.out.push('\n');
                    }
                    self.out.extend(std::iter::repeat_n(' ', boundary.indent));
                }
            }
        }
        self.last_end = self.last_end.max(previous_end);
    }

    fn decide_blanks(&self, boundaries: &mut [Boundary], brk: Break) {
        let count = boundaries.len();
        for (index, boundary) in boundaries.iter_mut().enumerate() {
            let first = index == 0;
            let last = index + 1 == count;
            let allowed = (!first || brk.blank_first)
                && (!last || brk.blank_last)
                && (first || last || brk.blank_middle);
            boundary.blank = allowed && has_blank_line(self.src, boundary.from, boundary.to);
        }
        if brk.separate
            && !boundaries.iter().any(|boundary| boundary.blank)
            && let Some(first) = boundaries.first_mut()
        {
            first.blank = true;
        }
    }

    /// Whether the current line, ended here, would be read as the start of an item,
    /// and `next` written on it would prevent that.
    fn glue_helps(&self, next: Option<&str>) -> bool {
        let line_start = self.out.rfind('\n').map_or(0, |at| at + 1);
        if line_start == self.item_line {
            return false;
        }
        let line = &self.out[line_start..];
        let Some(next) = next else {
            return false;
        };
        reads_as_item(line) && !reads_as_item(&format!("{line} {next}"))
    }

    fn push_comment(&mut self, index: usize) {
        self.out.push_str("//");
        self.out.push_str(self.comments[index].text.trim_end());
        self.line_has_comment = true;
    }

    fn trim_line_end(&mut self) {
        let kept = self.out.trim_end_matches([' ', '\t']).len();
        self.out.truncate(kept.max(self.keep_until));
    }
}

/// Where each comment goes back. The token after a comment starts a line; when that
/// token is the last of an item and a word like `type` or `set` (a name), that line
/// would hold the word alone and be read as the start of an item. Such a comment counts
/// as coming right after the word, and goes at the end of its line.
fn place_comments(src: &str, comments: &[Comment], item_ends: &[u32]) -> Vec<Placed> {
    let mut placed: Vec<Placed> = comments
        .iter()
        .map(|comment| {
            let (start, end) = (comment.span.start as usize, comment.span.end as usize);
            let mut at = (start, end, false);
            if let Some((word_start, word_end)) = word_after(src, end) {
                let word = &src[word_start..word_end];
                let ends_item = item_ends.binary_search(&(word_end as u32)).is_ok();
                if ITEM_KEYWORDS.contains(&word) && ends_item {
                    at = (word_end, word_end, true);
                }
            }
            Placed {
                text: comment.text.clone(),
                start,
                at: at.0,
                end: at.1,
                moved: at.2,
            }
        })
        .collect();
    placed.sort_by_key(|comment| comment.at);
    placed
}

/// The word that is the next token after `from`, past spaces, comments and the
/// punctuation the printer writes before comments (a `///` line is a token).
fn word_after(src: &str, from: usize) -> Option<(usize, usize)> {
    let mut at = from;
    loop {
        let rest = src.get(at..)?;
        let trimmed = rest.trim_start_matches(is_space);
        at += rest.len() - trimmed.len();
        if trimmed.starts_with("//") && !trimmed.starts_with("///") || trimmed.starts_with("////") {
            at += trimmed.find('\n').unwrap_or(trimmed.len());
            continue;
        }
        // The printer writes `=`, `:`, `::` and `,` right after the token before them,
        // ahead of any comment: what counts is the token after them.
        if trimmed.starts_with([':', ',']) || trimmed.starts_with('=') && !trimmed.starts_with("==")
        {
            at += 1;
            continue;
        }
        let word_len = trimmed
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(trimmed.len());
        return (word_len > 0).then_some((at, at + word_len));
    }
}

/// Whether a line holding `text` would be read as the start of an item: it starts with
/// an item keyword that nothing after it marks as a name (the parser's rule).
fn reads_as_item(text: &str) -> bool {
    let line = text.trim_start_matches(is_space);
    let word_end = line
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(line.len());
    if !ITEM_KEYWORDS.contains(&&line[..word_end]) {
        return false;
    }
    let rest = line[word_end..].trim_start_matches(is_space);
    match rest.chars().next() {
        None => true,
        Some(c) if ":.=,)]}+-*/<>!%&|".contains(c) => false,
        Some(_) => {
            let next_end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            !CONTINUATION_WORDS.contains(&&rest[..next_end])
        }
    }
}

/// Whether code comes before `at` on its line.
fn code_before_on_line(src: &str, at: usize) -> bool {
    let line_start = src[..at].rfind('\n').map_or(0, |i| i + 1);
    src[line_start..at].chars().any(|c| !is_space(c))
}

/// Whether `from..to` holds an empty line (two line breaks with only spaces between).
pub(crate) fn has_blank_line(src: &str, from: usize, to: usize) -> bool {
    if from >= to {
        return false;
    }
    let Some(slice) = src.get(from..to) else {
        return false;
    };
    let mut lines = slice.split('\n');
    lines.next();
    let mut middle: Vec<&str> = lines.collect();
    middle.pop();
    middle.iter().any(|line| line.chars().all(is_space))
}

/// Whitespace as the grammar has it, line breaks included.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_are_empty_lines_between_two_breaks() {
        let src = "a\n\nb\n  \nc\nd";
        assert!(has_blank_line(src, 1, 3));
        assert!(has_blank_line(src, 3, 8));
        assert!(!has_blank_line(src, 8, 11));
        assert!(!has_blank_line(src, 5, 2));
    }

    #[test]
    fn code_before_a_comment_makes_it_trailing() {
        let src = "a // x\n   // y";
        assert!(code_before_on_line(src, 2));
        assert!(!code_before_on_line(src, 10));
    }
}
