//! The tokens of a file, for what is shown token by token (the IDE's semantic tokens
//! and selection ranges). It never fails: broken text still gives tokens, so an editor
//! keeps its colours while a line is being typed.

use clausier_diagnostics::Span;

use super::{MONEY_UNITS, PERCENT_SIGN, duration_unit_spellings};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A name or a keyword.
    Ident,
    /// A number with its unit, if any: `6.00 €`, `75%`, `30 days`.
    Number,
    /// A date, `2026-12-01`, or a time of day, `08:30`: a moment, shown alike.
    Date,
    String,
    Comment,
    DocComment,
    /// One punctuation character, or a two-character operator (`==`, `::`).
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

const TWO_CHAR_PUNCT: &[&str] = &["==", "!=", "<=", ">=", "::"];

/// The tokens of `text`, in order, never overlapping, none holding a line break.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut at = 0usize;
    while let Some(rest) = text.get(at..) {
        let Some(c) = rest.chars().next() else {
            break;
        };
        let (kind, len) = if c.is_whitespace() || c == '\u{FEFF}' {
            (None, c.len_utf8())
        } else if rest.starts_with("//") {
            let doc = rest.starts_with("///") && !rest.starts_with("////");
            let kind = if doc {
                TokenKind::DocComment
            } else {
                TokenKind::Comment
            };
            (Some(kind), line_len(rest))
        } else if c == '"' {
            (Some(TokenKind::String), string_len(rest))
        } else if c.is_ascii_digit() {
            match datetime_len(rest)
                .or_else(|| date_len(rest))
                .or_else(|| time_len(rest))
            {
                Some(len) => (Some(TokenKind::Date), len),
                None => (Some(TokenKind::Number), number_len(rest)),
            }
        } else if c == '_' || unicode_ident::is_xid_start(c) {
            (Some(TokenKind::Ident), ident_len(rest))
        } else if let Some(op) = TWO_CHAR_PUNCT.iter().find(|op| rest.starts_with(**op)) {
            (Some(TokenKind::Punct), op.len())
        } else {
            (Some(TokenKind::Punct), c.len_utf8())
        };
        let end = at + len.max(c.len_utf8());
        if let Some(kind) = kind {
            out.push(Token {
                kind,
                span: Span::from_range(at..end),
            });
        }
        at = end;
    }
    out
}

/// The token that holds `offset`, else the one that ends at it.
pub fn token_at(tokens: &[Token], offset: u32) -> Option<Token> {
    let holding = tokens.iter().find(|t| t.span.contains(offset));
    holding
        .or_else(|| tokens.iter().find(|t| t.span.end == offset))
        .copied()
}

fn line_len(rest: &str) -> usize {
    rest.find(['\n', '\r']).unwrap_or(rest.len())
}

fn ident_len(rest: &str) -> usize {
    rest.char_indices()
        .find(|(_, c)| !(*c == '_' || unicode_ident::is_xid_continue(*c)))
        .map_or(rest.len(), |(i, _)| i)
}

/// A string ends at its closing quote or, unterminated, at the end of its line.
fn string_len(rest: &str) -> usize {
    let mut chars = rest.char_indices().skip(1);
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                if let Some((j, next)) = chars.next()
                    && (next == '\n' || next == '\r')
                {
                    return j;
                }
            }
            '"' => return i + 1,
            '\n' | '\r' => return i,
            _ => {}
        }
    }
    rest.len()
}

fn digits(rest: &str) -> usize {
    rest.bytes().take_while(u8::is_ascii_digit).count()
}

/// `2026-12-01`, and the loose `2026-1-5` the parser reads as a date to reject it.
fn date_len(rest: &str) -> Option<usize> {
    let end = date_part_len(rest)?;
    let next = rest.get(end..)?.chars().next();
    if next.is_some_and(unicode_ident::is_xid_continue) {
        return None;
    }
    Some(end)
}

/// The length of the date at the start of `rest`, whatever follows it.
fn date_part_len(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    if digits(rest) != 4 || bytes.get(4) != Some(&b'-') {
        return None;
    }
    let month = digits(rest.get(5..)?);
    if !(1..=2).contains(&month) || bytes.get(5 + month) != Some(&b'-') {
        return None;
    }
    let day_at = 6 + month;
    let day = digits(rest.get(day_at..)?);
    if !(1..=2).contains(&day) {
        return None;
    }
    Some(day_at + day)
}

/// `2027-01-04T08:30`: a date, `T`, then a time of day, as loose as each.
fn datetime_len(rest: &str) -> Option<usize> {
    let day = date_part_len(rest)?;
    if rest.as_bytes().get(day) != Some(&b'T') {
        return None;
    }
    time_len(rest.get(day + 1..)?).map(|clock| day + 1 + clock)
}

/// `08:30`, and the loose `8:30` and `08:30:00` the parser reads as a time of day to
/// reject them.
fn time_len(rest: &str) -> Option<usize> {
    let mut end = 0;
    for part in 0..3 {
        if part > 0 {
            if rest.as_bytes().get(end) != Some(&b':') {
                break;
            }
            end += 1;
        }
        let count = digits(rest.get(end..)?);
        if !(1..=2).contains(&count) {
            return None;
        }
        end += count;
    }
    let next = rest.get(end..)?.chars().next();
    if end < 3 || next.is_some_and(unicode_ident::is_xid_continue) {
        return None;
    }
    Some(end)
}

/// Digits, a decimal part, then a unit after spaces of the same line.
fn number_len(rest: &str) -> usize {
    let mut end = digits(rest);
    if let Some(after) = rest.get(end..)
        && after.starts_with('.')
    {
        let decimals = digits(after.get(1..).unwrap_or(""));
        if decimals > 0 {
            end += 1 + decimals;
        }
    }
    let after = rest.get(end..).unwrap_or("");
    let spaces = after
        .char_indices()
        .find(|(_, c)| !(c.is_whitespace() || *c == '\u{FEFF}') || *c == '\n' || *c == '\r')
        .map_or(after.len(), |(i, _)| i);
    let suffix = after.get(spaces..).unwrap_or("");
    let mut units = duration_unit_spellings()
        .chain(MONEY_UNITS.iter().copied())
        .chain([PERCENT_SIGN]);
    // A unit word must end there (`30 daysx` is a number and a name); a sign always does.
    let unit = units.find(|unit| {
        suffix.starts_with(*unit)
            && (!unit.chars().all(unicode_ident::is_xid_continue)
                || suffix
                    .get(unit.len()..)
                    .and_then(|s| s.chars().next())
                    .is_none_or(|c| !unicode_ident::is_xid_continue(c)))
    });
    match unit {
        Some(unit) => end + spaces + unit.len(),
        None => end,
    }
}
