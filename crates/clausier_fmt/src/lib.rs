//! The formatter of `.clause` files: one canonical layout, for `clausier fmt` and for the
//! language server's document and range formatting.
//!
//! [`format`] refuses text with syntax errors (it never guesses what broken code meant)
//! and checks its own work: the formatted text must parse to the same tree, with the
//! same comments in the same order, or the original is kept and an error returned.
//! Formatting is idempotent: formatting formatted text changes nothing.
//!
//! # The layout
//!
//! - Items are separated by one blank line. Consecutive `param`s, consecutive `enum`s,
//!   and consecutive `use` and `set` lines stay together when the author wrote them
//!   without a blank line between them.
//! - Blocks are indented by two spaces (`FormatOptions::indent_width`). Blank lines
//!   after `{` and before `}` go; inside `descriptor`, records and enums, one blank line
//!   between two lines is kept where the author put one.
//! - `descriptor` has one field per line. A record type or an enum is on one line
//!   (`{ a: T, b: U }`, `{ EU, EEA }`) when it fits in `max_width` and none of its
//!   fields or variants has a doc comment or a comment; otherwise one per line (records
//!   without commas, enum variants with a comma after each but the last).
//! - The lines of a requirement or criterion are put in the order `level`, `lots`, `when`,
//!   `text`, `ref`, `evidence`, `require`, `score` (repeated `ref` and `evidence` lines
//!   keep their order), and blank lines between them go. When the body holds a comment,
//!   the author's order and blank lines are kept instead: a comment on a line of its own
//!   may describe several lines after it, and moving lines around it would move its
//!   meaning. Tests likewise put `given` before the expectations unless they hold a
//!   comment.
//! - Expressions are on one line when they fit. Otherwise they break before each
//!   `implies`, `or` and `and` of their loosest chain, then before `+` and `-`, each
//!   continuation line indented one step more than the line it continues, and nested
//!   chains one step more again. `if` breaks before `then` and `else`; a list or a test
//!   datum that does not fit gets one element per line.
//! - One space around binary operators and after `,` and `:`; none inside `( )` and
//!   `[ ]`; one inside `{ }` on one line: `{ a: 1 }`, `[1, 2]`, `count(x in xs: p)`,
//!   `not (a)`, `-x`, `list<T>`, `use pack::{A, B as must}`.
//! - Literals are printed as written (`6.00 €` and `6 €` both stay; strings keep their
//!   escapes); only the space before a suffix is canonical: `75%`, `6.00 €`,
//!   `30 days`.
//! - `///` lines are kept as written, with one space after `///`. A `//` comment that
//!   followed code stays at the end of that line; one on a line of its own stays on a
//!   line of its own, before the same token, indented like it. Comments lose their
//!   trailing spaces only.
//! - Lines end with `\n`, or with `\r\n` when the file's first line did; a byte-order
//!   mark at the start is kept; the output ends with exactly one line break.

mod expr;
mod flat;
mod printer;
mod verify;
mod writer;

use std::fmt;

use clausier_diagnostics::{Diagnostic, FileId, Lang, LineIndex, Message, Severity, Span};

/// How to lay out the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormatOptions {
    /// Spaces per level of indentation.
    pub indent_width: usize,
    /// The width lines are kept within where the language allows a break (strings and
    /// long names may still go past it).
    pub max_width: usize,
}

impl Default for FormatOptions {
    fn default() -> Self {
        Self {
            indent_width: 2,
            max_width: 100,
        }
    }
}

/// Replace the text at `range` (byte offsets in the original text) with `new_text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextEdit {
    pub range: Span,
    pub new_text: String,
}

/// Why a text was not formatted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// The text has syntax errors, so it is left as it is.
    Syntax {
        /// The first error's message.
        message: Message,
        /// Where the first error is: 1-based line, and column in characters.
        line: u32,
        column: u32,
        /// Its byte offsets.
        span: Span,
        /// Every error and warning of the parse, for the file `FileId(0)`.
        diagnostics: Vec<Diagnostic>,
    },
    /// The formatted text would not have meant the same as the original: a bug of the
    /// formatter, reported rather than written.
    Unsafe,
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::Syntax {
                message,
                line,
                column,
                ..
            } => write!(
                f,
                "cannot format a file with syntax errors: the first is at line {line}, column {column}: {}",
                // `Display` is for programs and logs, which read English; people read the
                // diagnostics, rendered in their language by the command line or the editor.
                message.text(Lang::En)
            ),
            FormatError::Unsafe => f.write_str(
                "the formatter could not keep the meaning of this file, so it left it unchanged",
            ),
        }
    }
}

impl std::error::Error for FormatError {}

/// Formats a whole file with the default options.
pub fn format(text: &str) -> Result<String, FormatError> {
    format_with(text, &FormatOptions::default())
}

/// Formats a whole file.
pub fn format_with(text: &str, options: &FormatOptions) -> Result<String, FormatError> {
    let formatted = Formatted::new(text, options)?;
    let mut out = String::with_capacity(formatted.text.len() + 3);
    if text.starts_with('\u{FEFF}') && !formatted.text.is_empty() {
        out.push('\u{FEFF}');
    }
    out.push_str(&formatted.line_ends(&formatted.text));
    Ok(out)
}

/// The edits that format the items overlapping `range` (byte offsets), with the default
/// options. Each edit replaces whole lines, from the first line of a run of overlapping
/// items (its doc comment included) to the end of the last one's last line; the text
/// between items is left as it is. Nothing is returned for an item that is already
/// formatted.
pub fn format_range(text: &str, range: Span) -> Result<Vec<TextEdit>, FormatError> {
    format_range_with(text, range, &FormatOptions::default())
}

/// [`format_range`] with options.
pub fn format_range_with(
    text: &str,
    range: Span,
    options: &FormatOptions,
) -> Result<Vec<TextEdit>, FormatError> {
    let formatted = Formatted::new(text, options)?;
    let (from, to) = (range.start as usize, range.end as usize);
    // A byte-order mark before the first item is not the item's.
    let bom = if text.starts_with('\u{FEFF}') {
        '\u{FEFF}'.len_utf8()
    } else {
        0
    };
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (index, place) in formatted.places.iter().enumerate() {
        let start = line_start(text, place.source.0);
        let end = line_end(text, place.source.1);
        if from <= end && to >= start {
            match runs.last_mut() {
                Some(run) if run.1 + 1 == index => run.1 = index,
                _ => runs.push((index, index)),
            }
        }
    }
    let mut edits = Vec::new();
    for (first, last) in runs {
        let (first, last) = (formatted.places[first], formatted.places[last]);
        let source = line_start(text, first.source.0).max(bom)..line_end(text, last.source.1);
        let output =
            line_start(&formatted.text, first.output.0)..line_end(&formatted.text, last.output.1);
        let new_text = formatted.line_ends(&formatted.text[output]);
        if text[source.clone()] != new_text {
            edits.push(TextEdit {
                range: Span::from_range(source),
                new_text,
            });
        }
    }
    Ok(edits)
}

/// A formatted text with `\n` line ends, and where each item went.
struct Formatted {
    text: String,
    places: Vec<printer::ItemPlace>,
    crlf: bool,
}

impl Formatted {
    fn new(text: &str, options: &FormatOptions) -> Result<Self, FormatError> {
        let parse = clausier_syntax::parse(FileId(0), text);
        if let Some(first) = parse
            .diagnostics
            .iter()
            .find(|diagnostic| diagnostic.severity == Severity::Error)
        {
            let span = first
                .primary_label()
                .map(|label| label.span)
                .unwrap_or_default();
            let at = LineIndex::new(text).line_col(text, span.start);
            return Err(FormatError::Syntax {
                message: first.message.clone(),
                line: at.line,
                column: at.column,
                span,
                diagnostics: parse.diagnostics,
            });
        }
        let (printed, places) = printer::print_file(text, &parse.ast, options);
        if !verify::keeps_meaning(&verify::fingerprint(&parse.ast), &printed) {
            return Err(FormatError::Unsafe);
        }
        let crlf = text
            .find('\n')
            .is_some_and(|at| at > 0 && text.as_bytes()[at - 1] == b'\r');
        Ok(Self {
            text: printed,
            places,
            crlf,
        })
    }

    fn line_ends(&self, text: &str) -> String {
        if self.crlf {
            text.replace('\n', "\r\n")
        } else {
            text.to_string()
        }
    }
}

fn line_start(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1)
}

/// The end of the line holding `at`, before its line break.
fn line_end(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    if end > at && text.as_bytes()[end - 1] == b'\r' {
        end - 1
    } else {
        end
    }
}
