//! Formatting a whole file or a range. A file with syntax errors gets no edits: the
//! formatter refuses it rather than guess.

use clausier_diagnostics::FileId;
use clausier_ide::TextEdit;
use tower_lsp_server::ls_types::{self as lsp, Range};

use crate::convert::{Encoding, LineMap};
use crate::workspace::Snapshot;

pub fn format(snapshot: &Snapshot, file: FileId, encoding: Encoding) -> Option<Vec<lsp::TextEdit>> {
    let map = snapshot.line_map(file, encoding)?;
    let edits = snapshot.analysis.format(file).ok()?;
    Some(to_lsp(&edits, &map))
}

pub fn format_range(
    snapshot: &Snapshot,
    file: FileId,
    range: Range,
    encoding: Encoding,
) -> Option<Vec<lsp::TextEdit>> {
    let map = snapshot.line_map(file, encoding)?;
    let edits = snapshot.analysis.format_range(file, map.span(range)).ok()?;
    Some(to_lsp(&edits, &map))
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
