//! The parser and the formatter.

use clausier_diagnostics::{FileId, Lang};
use clausier_syntax::debug::debug_tree;

use crate::text_of;

/// Parsing never fails, and every diagnostic points inside the text, on character
/// boundaries.
pub fn parse(data: &[u8]) {
    let text = text_of(data);
    let parse = clausier_syntax::parse(FileId(0), &text);
    for diagnostic in &parse.diagnostics {
        for label in &diagnostic.labels {
            let (start, end) = (label.span.start as usize, label.span.end as usize);
            assert!(
                start <= end && end <= text.len(),
                "a label outside the text: {start}..{end} of {} bytes: {}",
                text.len(),
                diagnostic.message.text(Lang::En)
            );
            assert!(
                text.is_char_boundary(start) && text.is_char_boundary(end),
                "a label inside a character: {start}..{end}: {}",
                diagnostic.message.text(Lang::En)
            );
        }
    }
}

/// Formatting text that parses gives text that parses to the same tree, and formatting
/// it again changes nothing.
pub fn format(data: &[u8]) {
    let text = text_of(data);
    let Ok(formatted) = clausier_fmt::format(&text) else {
        return;
    };
    let before = clausier_syntax::parse(FileId(0), &text);
    let after = clausier_syntax::parse(FileId(0), &formatted);
    assert!(
        after.diagnostics.iter().all(|d| !d.is_error()),
        "formatted text does not parse:\n{formatted}"
    );
    // The formatter puts the lines of a clause in a canonical order: the same lines, in
    // any order, make the same tree.
    assert_eq!(
        sorted_lines(&debug_tree(&before.ast)),
        sorted_lines(&debug_tree(&after.ast)),
        "formatting changed the tree:\n{formatted}"
    );
    match clausier_fmt::format(&formatted) {
        Ok(again) => assert_eq!(again, formatted, "formatting is not idempotent"),
        Err(error) => panic!("formatted text cannot be formatted again: {error}"),
    }
}

/// The lines of a debug tree in order, with the spaces that end a comment dropped: the
/// formatter trims them, as it trims every line.
fn sorted_lines(tree: &str) -> Vec<String> {
    let mut lines: Vec<String> = tree
        .lines()
        .map(|line| {
            let line = line.trim();
            match line.strip_suffix('"') {
                Some(quoted) if line.starts_with("comment ") || line.starts_with("doc ") => {
                    format!("{}\"", quoted.trim_end())
                }
                _ => line.to_owned(),
            }
        })
        .collect();
    lines.sort_unstable();
    lines
}
