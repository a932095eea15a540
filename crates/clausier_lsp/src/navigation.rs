//! Go to definition, references, rename and prepare-rename.

use std::collections::HashMap;

use clausier_diagnostics::FileId;
use clausier_ide::{RenameError, SourceChange};
use tower_lsp_server::jsonrpc;
use tower_lsp_server::ls_types::{
    GotoDefinitionResponse, Location, Position, PrepareRenameResponse, TextEdit, Uri, WorkspaceEdit,
};

use crate::convert::Encoding;
use crate::workspace::Snapshot;

/// The error code the protocol gives a request that was valid but could not be done.
const REQUEST_FAILED: i64 = -32803;

pub fn definition(
    snapshot: &Snapshot,
    file: FileId,
    position: Position,
    encoding: Encoding,
) -> Option<GotoDefinitionResponse> {
    let offset = snapshot.line_map(file, encoding)?.offset(position);
    let mut locations: Vec<Location> = snapshot
        .analysis
        .goto_definition(file, offset)
        .into_iter()
        .filter_map(|target| snapshot.location(target.file, target.span, encoding))
        .collect();
    match locations.len() {
        0 => None,
        1 => locations.pop().map(GotoDefinitionResponse::Scalar),
        _ => Some(GotoDefinitionResponse::Array(locations)),
    }
}

pub fn references(
    snapshot: &Snapshot,
    file: FileId,
    position: Position,
    include_declaration: bool,
    encoding: Encoding,
) -> Option<Vec<Location>> {
    let offset = snapshot.line_map(file, encoding)?.offset(position);
    let found = snapshot
        .analysis
        .references(file, offset, include_declaration)?;
    Some(
        found
            .into_iter()
            .filter_map(|reference| snapshot.location(reference.file, reference.span, encoding))
            .collect(),
    )
}

/// The name under the cursor, if it can be renamed: the occurrence that holds the
/// cursor.
pub fn prepare_rename(
    snapshot: &Snapshot,
    file: FileId,
    position: Position,
    encoding: Encoding,
) -> jsonrpc::Result<Option<PrepareRenameResponse>> {
    let Some(map) = snapshot.line_map(file, encoding) else {
        return Ok(None);
    };
    let offset = map.offset(position);
    let here = snapshot
        .analysis
        .references(file, offset, true)
        .unwrap_or_default()
        .into_iter()
        .find(|reference| reference.file == file && reference.span.touches(offset));
    match here {
        Some(reference) => Ok(Some(PrepareRenameResponse::Range(
            map.range(reference.span),
        ))),
        None => Err(rename_error(&RenameError::NoName)),
    }
}

pub fn rename(
    snapshot: &Snapshot,
    file: FileId,
    position: Position,
    new_name: &str,
    encoding: Encoding,
) -> jsonrpc::Result<Option<WorkspaceEdit>> {
    let Some(map) = snapshot.line_map(file, encoding) else {
        return Ok(None);
    };
    let change = snapshot
        .analysis
        .rename(file, map.offset(position), new_name)
        .map_err(|error| rename_error(&error))?;
    Ok(Some(workspace_edit(snapshot, &change, encoding)))
}

pub fn rename_error(error: &RenameError) -> jsonrpc::Error {
    jsonrpc::Error {
        code: jsonrpc::ErrorCode::ServerError(REQUEST_FAILED),
        message: error.to_string().into(),
        data: None,
    }
}

/// The edits of a change, by document.
pub fn workspace_edit(
    snapshot: &Snapshot,
    change: &SourceChange,
    encoding: Encoding,
) -> WorkspaceEdit {
    let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
    for (file, edits) in &change.edits {
        let (Some(target), Some(map)) = (snapshot.file(*file), snapshot.line_map(*file, encoding))
        else {
            continue;
        };
        changes
            .entry(target.uri.clone())
            .or_default()
            .extend(edits.iter().map(|edit| TextEdit {
                range: map.range(edit.range),
                new_text: edit.new_text.clone(),
            }));
    }
    WorkspaceEdit {
        changes: Some(changes),
        document_changes: None,
        change_annotations: None,
    }
}
