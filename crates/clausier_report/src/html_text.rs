//! Text inside an HTML page: the one escaping every HTML renderer (the tender, the check
//! report, the award documents) uses, for element content and quoted attributes alike,
//! and the head the published documents (the tender, the award documents) share.

use std::fmt::Write;

use clausier_i18n::Lang;

/// `text` with `&`, `<`, `>`, `"` and `'` written as entities.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// A self-contained page up to its open `<body>`: its language, the generator, its title
/// and its style sheet.
pub(crate) fn write_page_head(out: &mut String, lang: Lang, title: &str, style: &str) {
    out.push_str("<!DOCTYPE html>\n");
    let _ = writeln!(out, "<html lang=\"{}\">", lang.code());
    out.push_str("<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(
        out,
        "<meta name=\"generator\" content=\"Clausier {}\">",
        env!("CARGO_PKG_VERSION")
    );
    let _ = writeln!(out, "<title>{}</title>", escape(title));
    let _ = writeln!(out, "<style>{style}</style>\n</head>\n<body>");
}
