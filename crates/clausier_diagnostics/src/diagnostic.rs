use serde::Serialize;

use clausier_i18n::Lang;

use crate::{Code, FileId, Message, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something a person may want to know; never changes an exit code.
    Info,
    /// Probably a mistake; the pack still compiles.
    Warning,
    /// The pack does not compile, or the descriptor is invalid.
    Error,
}

impl Severity {
    /// The word programs read (JSON, SARIF levels): English whatever the language.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// The word people read before the code: `erreur[E0301]`, `warning[W0501]`.
    pub fn word(self, lang: Lang) -> String {
        let id = match self {
            Severity::Info => "diagnostic-severity-info",
            Severity::Warning => "diagnostic-severity-warning",
            Severity::Error => "diagnostic-severity-error",
        };
        Message::new(id).text(lang)
    }
}

/// A place in a source text, and what is said of it there.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Label {
    pub file: FileId,
    pub span: Span,
    pub message: Message,
    /// The primary label says where the problem is; secondary ones give context
    /// (the earlier declaration, the other operand).
    pub primary: bool,
}

/// A machine-applicable edit offered with a diagnostic ("did you mean", add a field).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Fix {
    pub title: Message,
    pub edits: Vec<(FileId, Span, String)>,
}

/// One problem found in a source text, independent of how it will be shown.
///
/// Its words are [`Message`]s, put into a language by whoever renders it.
/// Messages are lowercase, name user input in backticks, have no final period, and leave
/// advice to `help`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub message: Message,
    pub labels: Vec<Label>,
    pub notes: Vec<Message>,
    pub help: Option<Message>,
    pub fixes: Vec<Fix>,
}

impl Diagnostic {
    pub fn new(code: Code, severity: Severity, message: impl Into<Message>) -> Self {
        Self {
            code,
            severity,
            message: message.into(),
            labels: Vec::new(),
            notes: Vec::new(),
            help: None,
            fixes: Vec::new(),
        }
    }

    /// A diagnostic at the severity its code is registered with.
    pub fn from_code(code: Code, message: impl Into<Message>) -> Self {
        Self::new(code, code.default_severity(), message)
    }

    pub fn error(code: Code, message: impl Into<Message>) -> Self {
        Self::new(code, Severity::Error, message)
    }

    pub fn warning(code: Code, message: impl Into<Message>) -> Self {
        Self::new(code, Severity::Warning, message)
    }

    pub fn with_primary(mut self, file: FileId, span: Span, message: impl Into<Message>) -> Self {
        self.labels.push(Label {
            file,
            span,
            message: message.into(),
            primary: true,
        });
        self
    }

    pub fn with_secondary(mut self, file: FileId, span: Span, message: impl Into<Message>) -> Self {
        self.labels.push(Label {
            file,
            span,
            message: message.into(),
            primary: false,
        });
        self
    }

    pub fn with_note(mut self, note: impl Into<Message>) -> Self {
        self.notes.push(note.into());
        self
    }

    pub fn with_help(mut self, help: impl Into<Message>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fixes.push(fix);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The label that says where the problem is: the first primary one, else the first.
    pub fn primary_label(&self) -> Option<&Label> {
        self.labels
            .iter()
            .find(|label| label.primary)
            .or_else(|| self.labels.first())
    }

    /// Orders diagnostics for output: by file, then position, then code, so that reruns
    /// print the same bytes whatever order the passes found them in.
    pub fn sort_key(&self) -> (FileId, Span, Code, Severity) {
        let (file, span) = self
            .primary_label()
            .map_or((FileId(u32::MAX), Span::default()), |label| {
                (label.file, label.span)
            });
        (file, span, self.code, self.severity)
    }
}
