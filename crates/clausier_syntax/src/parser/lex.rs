//! Just enough lexing to talk about text that did not parse: where the next token is, how
//! far it goes, and where the last one ends. It agrees with the grammar on what is
//! whitespace, a comment, a string and a word.

use clausier_diagnostics::Message;

/// Whitespace as the grammar has it: any Unicode white space (French text often puts a
/// no-break space before `€` or `%`) and a byte-order mark.
fn is_whitespace(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

/// Whitespace that does not end a line.
pub(super) fn is_blank(c: char) -> bool {
    c != '\n' && is_whitespace(c)
}

fn is_word_start(c: char) -> bool {
    c == '_' || unicode_ident::is_xid_start(c)
}

fn is_word_continue(c: char) -> bool {
    unicode_ident::is_xid_continue(c)
}

/// The end of the word starting at `from`, or `from` when no word starts there.
pub(super) fn word_end(text: &str, from: usize, end: usize) -> usize {
    let mut chars = text[from..end].char_indices();
    match chars.next() {
        Some((_, c)) if is_word_start(c) => {}
        _ => return from,
    }
    for (at, c) in chars {
        if !is_word_continue(c) {
            return from + at;
        }
    }
    end
}

fn line_end(text: &str, from: usize, end: usize) -> usize {
    text[from..end]
        .find(['\n', '\r'])
        .map_or(end, |at| from + at)
}

fn is_doc_comment(rest: &str) -> bool {
    rest.starts_with("///") && !rest.starts_with("////")
}

/// Skips whitespace and `//` comments (doc comments are tokens: they can be misplaced).
pub(super) fn skip_trivia(text: &str, from: usize, end: usize) -> usize {
    let mut i = from;
    while i < end {
        let rest = &text[i..end];
        if rest.starts_with("//") && !is_doc_comment(rest) {
            i = line_end(text, i, end);
            continue;
        }
        match rest.chars().next() {
            Some(c) if is_whitespace(c) => i += c.len_utf8(),
            _ => break,
        }
    }
    i
}

/// The end of the token that starts at `from` (which is not trivia).
pub(super) fn token_end(text: &str, from: usize, end: usize) -> usize {
    let rest = &text[from..end];
    let Some(first) = rest.chars().next() else {
        return from;
    };
    if first == '"' {
        return string_end(text, from, end);
    }
    if is_doc_comment(rest) {
        return line_end(text, from, end);
    }
    if is_word_start(first) {
        return word_end(text, from, end);
    }
    if first.is_ascii_digit() {
        let digits = |at: usize| {
            text[at..end]
                .find(|c: char| !c.is_ascii_digit())
                .map_or(end, |n| at + n)
        };
        let mut stop = digits(from);
        if text[stop..end].starts_with('.')
            && text[stop + 1..end].starts_with(|c: char| c.is_ascii_digit())
        {
            stop = digits(stop + 1);
        }
        return stop;
    }
    const PAIRS: &[&str] = &["==", "!=", "<=", ">=", "::", "&&", "||"];
    if let Some(pair) = PAIRS.iter().find(|pair| rest.starts_with(**pair)) {
        return from + pair.len();
    }
    from + first.len_utf8()
}

fn string_end(text: &str, from: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = from + 1;
    while i < end {
        match bytes[i] {
            b'"' => return i + 1,
            b'\n' | b'\r' => return i,
            // The escaped character may be multi-byte: step over it whole.
            b'\\' => match text[i + 1..end].chars().next() {
                Some('\n' | '\r') | None => i += 1,
                Some(c) => i += 1 + c.len_utf8(),
            },
            _ => i += 1,
        }
    }
    end
}

/// The end of the last token in `from..end`, or `from` when there is none.
///
/// Works backwards a line at a time (strings and comments never span lines), so the cost
/// is the length of the trailing lines, not of the whole text.
pub(super) fn last_token_end(text: &str, from: usize, end: usize) -> usize {
    let mut end = end;
    while end > from {
        let line_start = text[from..end].rfind('\n').map_or(from, |at| from + at + 1);
        let mut last = None;
        let mut i = skip_trivia(text, line_start, end);
        while i < end {
            let stop = token_end(text, i, end);
            last = Some(stop);
            i = skip_trivia(text, stop, end);
        }
        if let Some(last) = last {
            return last;
        }
        end = line_start.saturating_sub(1).max(from);
    }
    from
}

/// The token at `from`, for a message: `found \`…\``, shortened when long.
pub(super) fn describe_token(token: &str) -> Message {
    if token.is_empty() {
        return Message::new("syntax-found-end-of-file");
    }
    if is_doc_comment(token) {
        return Message::new("syntax-found-doc-comment");
    }
    const LONGEST: usize = 32;
    let shown: String = if token.chars().count() > LONGEST {
        let head: String = token.chars().take(LONGEST - 1).collect();
        format!("{head}…")
    } else {
        token.to_string()
    };
    super::errors::token_message(&shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut i = skip_trivia(text, 0, text.len());
        while i < text.len() {
            let stop = token_end(text, i, text.len());
            out.push(&text[i..stop]);
            i = skip_trivia(text, stop, text.len());
        }
        out
    }

    #[test]
    fn splits_tokens_the_way_a_reader_would() {
        assert_eq!(
            tokens("a.région >= 4.50 // c\n\"x \\\" y\" /// d\n&&"),
            [
                "a",
                ".",
                "région",
                ">=",
                "4.50",
                "\"x \\\" y\"",
                "/// d",
                "&&"
            ]
        );
        assert_eq!(tokens("\"open\nnext"), ["\"open", "next"]);
    }

    #[test]
    fn last_token_ignores_trailing_comments() {
        let text = "x = 1 // trailing\n\n";
        assert_eq!(last_token_end(text, 0, text.len()), 5);
        assert_eq!(last_token_end("  ", 0, 2), 0);
    }

    #[test]
    fn long_tokens_are_shortened() {
        let long = "a".repeat(40);
        let said = |token: &str| describe_token(token).text(clausier_diagnostics::Lang::En);
        assert_eq!(said(&long).chars().count(), 34);
        assert_eq!(said(""), "end of file");
    }
}
