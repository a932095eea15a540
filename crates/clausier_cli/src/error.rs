//! The command's own errors (inputs, outputs, unknown codes), shown through miette.

use std::fmt;

use clausier_diagnostics::Code;
use miette::{GraphicalReportHandler, GraphicalTheme};

/// An error of the command itself, not of a clause file or a descriptor.
#[derive(Debug)]
pub struct CliError {
    pub message: String,
    pub code: Option<Code>,
    pub help: Option<String>,
}

impl CliError {
    pub fn new(message: impl Into<String>) -> Self {
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

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CliError {}

impl miette::Diagnostic for CliError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.code
            .map(|code| Box::new(code) as Box<dyn fmt::Display + 'a>)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|help| Box::new(help) as Box<dyn fmt::Display + 'a>)
    }
}

/// Renders an error as miette's graphical report. Without colors the theme is plain too;
/// the width is fixed so that logs and tests read the same on every terminal.
pub fn render_error(error: &dyn miette::Diagnostic, color: bool) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_links(false)
        .with_width(100);
    let mut out = String::new();
    if handler.render_report(&mut out, error).is_err() {
        out = format!("error: {error}\n");
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}
