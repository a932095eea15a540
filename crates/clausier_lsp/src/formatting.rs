//! Formatting a whole file or a range. A file with syntax errors gets no edits: the
//! formatter refuses it rather than guess, and the editor is told why (the request fails
//! with the first syntax error and its place, in the editor's language), so that a
//! format-on-save that changes nothing is not a mystery.

use clausier_diagnostics::{FileId, Lang};
use clausier_i18n::t;
use clausier_ide::{FormatError, TextEdit};
use tower_lsp_server::jsonrpc;
use tower_lsp_server::ls_types::{self as lsp, Range};

use crate::convert::{Encoding, LineMap};
use crate::navigation::REQUEST_FAILED;
use crate::workspace::Snapshot;

/// The edits of a request, `Ok(None)` when the document is unknown, or the refusal the
/// editor shows.
pub type Answer = Result<Option<Vec<lsp::TextEdit>>, jsonrpc::Error>;

pub fn format(snapshot: &Snapshot, file: FileId, encoding: Encoding, lang: Lang) -> Answer {
    let Some(map) = snapshot.line_map(file, encoding) else {
        return Ok(None);
    };
    let edits = snapshot
        .analysis
        .format(file)
        .map_err(|error| refusal(&error, lang))?;
    Ok(Some(to_lsp(&edits, &map)))
}

pub fn format_range(
    snapshot: &Snapshot,
    file: FileId,
    range: Range,
    encoding: Encoding,
    lang: Lang,
) -> Answer {
    let Some(map) = snapshot.line_map(file, encoding) else {
        return Ok(None);
    };
    let edits = snapshot
        .analysis
        .format_range(file, map.span(range))
        .map_err(|error| refusal(&error, lang))?;
    Ok(Some(to_lsp(&edits, &map)))
}

/// Why the formatter left the file as it is, as the failure of the request: editors show
/// its message to the person who asked.
fn refusal(error: &FormatError, lang: Lang) -> jsonrpc::Error {
    let message = match error {
        FormatError::Syntax {
            message,
            line,
            column,
            ..
        } => t!(
            lang,
            "editor-format-syntax-error",
            line = line.to_string(),
            column = column.to_string(),
            message = message.text(lang)
        ),
        FormatError::Unsafe => t!(lang, "editor-format-unsafe"),
    };
    jsonrpc::Error {
        code: jsonrpc::ErrorCode::ServerError(REQUEST_FAILED),
        message: message.into(),
        data: None,
    }
}

pub fn to_lsp(edits: &[TextEdit], map: &LineMap<'_>) -> Vec<lsp::TextEdit> {
    edits
        .iter()
        .map(|edit| lsp::TextEdit {
            range: map.range(edit.range),
            new_text: edit.new_text.clone(),
        })
        .collect()
}
