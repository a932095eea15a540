//! Go to definition, references, rename and prepare-rename, and the links of a file.

use std::collections::HashMap;

use clausier_diagnostics::{FileId, Lang};
use clausier_i18n::t;
use clausier_ide::{LinkTarget, RenameError, SourceChange};
use tower_lsp_server::jsonrpc;
use tower_lsp_server::ls_types::{
    DocumentLink, GotoDefinitionResponse, Location, Position, PrepareRenameResponse, TextEdit, Uri,
    WorkspaceEdit,
};

use crate::convert::Encoding;
use crate::workspace::Snapshot;

/// The error code the protocol gives a request that was valid but could not be done.
pub(crate) const REQUEST_FAILED: i64 = -32803;

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
    lang: Lang,
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
        None => Err(rename_error(&RenameError::NoName, lang)),
    }
}

pub fn rename(
    snapshot: &Snapshot,
    file: FileId,
    position: Position,
    new_name: &str,
    encoding: Encoding,
    lang: Lang,
) -> jsonrpc::Result<Option<WorkspaceEdit>> {
    let Some(map) = snapshot.line_map(file, encoding) else {
        return Ok(None);
    };
    let change = snapshot
        .analysis
        .rename(file, map.offset(position), new_name)
        .map_err(|error| rename_error(&error, lang))?;
    Ok(Some(workspace_edit(snapshot, &change, encoding)))
}

/// The refusal of a rename, in the words the editor shows its reader.
pub fn rename_error(error: &RenameError, lang: Lang) -> jsonrpc::Error {
    jsonrpc::Error {
        code: jsonrpc::ErrorCode::ServerError(REQUEST_FAILED),
        message: error.message().text(lang).into(),
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

/// The links of a clause file: the files its tests name, and web addresses. An address
/// that is not a valid URI is left out rather than sent broken.
pub fn document_links(
    snapshot: &Snapshot,
    file: FileId,
    encoding: Encoding,
    lang: Lang,
) -> Option<Vec<DocumentLink>> {
    let map = snapshot.line_map(file, encoding)?;
    let links = snapshot.analysis.document_links(file);
    Some(
        links
            .into_iter()
            .filter_map(|link| {
                let (target, tooltip) = match &link.target {
                    LinkTarget::File(path) => (
                        Uri::from_file_path(path)?,
                        t!(lang, "editor-link-test-descriptor"),
                    ),
                    LinkTarget::Url(url) => {
                        (url.parse::<Uri>().ok()?, t!(lang, "editor-link-page"))
                    }
                };
                Some(DocumentLink {
                    range: map.range(link.span),
                    target: Some(target),
                    tooltip: Some(tooltip),
                    data: None,
                })
            })
            .collect(),
    )
}
