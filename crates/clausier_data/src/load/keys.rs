//! How a vendor's key is matched with the names the pack declares: both in Unicode's
//! composed form (NFC), so that `délai` typed with a combining accent, as some keyboards
//! and macOS file names give it, is the declared `délai`; and what an undeclared key is.

use clausier_diagnostics::{Code, Message, Severity};

use crate::descriptor::DataProblem;

/// The undeclared keys of one descriptor that get a warning of their own: a file built
/// to cost (a million keys) gets one more problem that counts the rest, not a million.
pub(crate) const MAX_UNDECLARED_SHOWN: usize = 20;

/// The key in NFC, as the pack's names are; borrowed when it already is.
pub(crate) use clausier_syntax::composed as nfc;

/// An undeclared key is a warning, with a "did you mean", in every report: a misspelt
/// field would otherwise only show as a missing value. `--strict` makes it an error,
/// which makes the descriptor invalid.
pub(crate) fn undeclared_severity(strict: bool) -> Severity {
    if strict {
        Severity::Error
    } else {
        Severity::Warning
    }
}

/// The problem that counts the undeclared keys past the first `MAX_UNDECLARED_SHOWN`,
/// when there are any.
pub(crate) fn more_undeclared(undeclared: usize, strict: bool) -> Option<DataProblem> {
    let more = undeclared
        .checked_sub(MAX_UNDECLARED_SHOWN)
        .filter(|more| *more > 0)?;
    let mut problem = DataProblem::new(
        Code::DESCRIPTOR_UNKNOWN_FIELD,
        Message::new("data-more-undeclared").with("count", more),
        String::new(),
        None,
    )
    .with_help(
        Message::new("data-help-more-undeclared").with("shown", MAX_UNDECLARED_SHOWN.to_string()),
    );
    problem.severity = undeclared_severity(strict);
    Some(problem)
}
