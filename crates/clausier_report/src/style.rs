//! ANSI styling for the human renderers: a few fixed styles, and nothing at all when
//! colors are off.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    Bold,
    Green,
    Red,
    Yellow,
    Magenta,
    Dim,
    BoldRed,
}

impl Style {
    fn code(self) -> &'static str {
        match self {
            Style::Bold => "1",
            Style::Green => "32",
            Style::Red => "31",
            Style::Yellow => "33",
            Style::Magenta => "35",
            Style::Dim => "2",
            Style::BoldRed => "1;31",
        }
    }
}

/// Paints text when colors are on.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Painter {
    pub color: bool,
}

impl Painter {
    pub fn paint(self, style: Style, text: &str) -> String {
        if self.color && !text.is_empty() {
            format!("\u{1b}[{}m{text}\u{1b}[0m", style.code())
        } else {
            text.to_owned()
        }
    }
}
