//! User input quoted in a message. A vendor's value or a pack's literal can be megabytes
//! long: a message shows its start and says how long it is.

/// How many characters of a quoted value a message shows.
pub const QUOTED_CHARS: usize = 80;

/// `text` in backticks, as messages quote user input; past [`QUOTED_CHARS`] characters,
/// its start followed by `… (N characters)`.
pub fn quoted(text: &str) -> String {
    match text.char_indices().nth(QUOTED_CHARS) {
        None => format!("`{text}`"),
        Some((cut, _)) => format!("`{}`… ({} characters)", &text[..cut], text.chars().count()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_quoted_whole() {
        assert_eq!(quoted("EU"), "`EU`");
        assert_eq!(quoted(&"é".repeat(80)), format!("`{}`", "é".repeat(80)));
    }

    #[test]
    fn long_text_is_cut_after_eighty_characters() {
        let text = "é".repeat(1_000_000);
        assert_eq!(
            quoted(&text),
            format!("`{}`… (1000000 characters)", "é".repeat(80))
        );
    }
}
