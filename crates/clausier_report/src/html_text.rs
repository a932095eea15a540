//! Text inside an HTML page: the one escaping every HTML renderer (the tender, the check
//! report, the award documents) uses, for element content and quoted attributes alike.

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
