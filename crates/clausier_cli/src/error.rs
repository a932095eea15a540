//! The command's own errors (inputs, outputs, unknown codes), and how every failure of a
//! command is shown: through the same renderer as the diagnostics of clause files.

use std::fmt;

use clausier_diagnostics::{Code, Lang, Message};
use clausier_pack::PackError;
use clausier_report::diagnostics::{render_error_without_place, render_terminal_in};

/// An error of the command itself, not of a clause file or a descriptor: words of the
/// catalogue, put into the language of the run when shown.
#[derive(Debug)]
pub struct CliError {
    pub message: Message,
    pub code: Option<Code>,
    pub help: Option<Message>,
}

impl CliError {
    pub fn new(message: impl Into<Message>) -> Self {
        Self {
            message: message.into(),
            code: None,
            help: None,
        }
    }

    pub fn with_code(mut self, code: Code) -> Self {
        self.code = Some(code);
        self
    }

    pub fn with_help(mut self, help: impl Into<Message>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The error as the terminal shows it in `lang`, with ANSI colours only when `color`.
    pub fn render(&self, lang: Lang, color: bool) -> String {
        render_error_without_place(lang, self.code, &self.message, self.help.as_ref(), color)
    }
}

/// In English, for logs.
impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message.text(Lang::En))
    }
}

impl std::error::Error for CliError {}

/// A pack that cannot be loaded, shown as a diagnostic of the file it is about: with the
/// manifest's lines when the error is inside `pack.toml`, as `validate` and the editor
/// show it.
pub fn render_pack_error(error: &PackError, lang: Lang, color: bool) -> String {
    let (diagnostic, sources) = error.to_diagnostic();
    render_terminal_in(lang, &[diagnostic], &sources, color)
}
