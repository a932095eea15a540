//! The syntax layer: the pest grammar (`grammar/clausier.pest`), an error-tolerant
//! parser and the typed syntax tree.
//!
//! Parsing never fails: [`parse`] always returns a tree, with `Error` nodes and located
//! diagnostics where the text could not be understood.

pub mod ast;
pub mod debug;
pub mod lexicon;
mod parser;

pub use parser::{MAX_NESTING, Parse, parse};

/// Whether `text` is a name as the grammar reads one (a field, a parameter, a
/// variable): a letter or `_`, then letters, digits and `_`, and not a reserved word.
pub fn is_name(text: &str) -> bool {
    let mut chars = text.chars();
    chars
        .next()
        .is_some_and(|c| c == '_' || unicode_ident::is_xid_start(c))
        && chars.all(unicode_ident::is_xid_continue)
        && !lexicon::is_reserved(text)
}

/// `text` in Unicode's composed form (NFC), as names are compared: a name typed with a
/// combining accent (`e` then U+0301) is the same name as one typed with `é`. Borrowed,
/// without a copy, when it already is composed (every ASCII name).
pub fn composed(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => std::borrow::Cow::Borrowed(text),
        IsNormalized::No | IsNormalized::Maybe => std::borrow::Cow::Owned(text.nfc().collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decomposed_accent_is_composed_and_ascii_is_not_copied() {
        assert_eq!(composed("de\u{301}lai"), "d\u{e9}lai");
        assert!(matches!(composed("hosting"), std::borrow::Cow::Borrowed(_)));
    }
}
