//! Rename across packs: a name renamed in the pack that declares it (a clause id, a
//! parameter, a field…) is renamed too in every pack of the workspace folders that
//! depends on that pack by path, where it names it: `use` items, `set` lines,
//! overrides, references. Each dependant is read as it is in the editor, its open
//! buffers in place of the disk, so the edits fit the texts the editor holds. A new
//! name a dependant holds already refuses the whole rename, saying so.

use std::path::PathBuf;
use std::sync::Arc;

use tower_lsp_server::jsonrpc;
use tower_lsp_server::ls_types::{Position, Uri, WorkspaceEdit};

use crate::navigation;
use crate::server::Shared;
use crate::workspace::PackKey;

/// `edit` (the rename in the document's own pack) with the edits of the packs that
/// depend on that pack.
pub async fn with_dependants(
    shared: &Arc<Shared>,
    uri: &Uri,
    position: Position,
    new_name: &str,
    edit: Option<WorkspaceEdit>,
) -> jsonrpc::Result<Option<WorkspaceEdit>> {
    let Some(mut edit) = edit else {
        return Ok(None);
    };
    let Some(key) = shared.state.key_for_request(uri) else {
        return Ok(Some(edit));
    };
    let PackKey::Folder(folder) = &key else {
        return Ok(Some(edit));
    };
    let dependants = shared.state.dependants_of(folder);
    if dependants.is_empty() {
        return Ok(Some(edit));
    }
    let config = shared.config();
    let Some(origin) = origin(shared, &key, uri, position).await else {
        return Ok(Some(edit));
    };
    for dependant in dependants {
        let Some(snapshot) = shared
            .state
            .snapshot(&PackKey::Folder(dependant), config.date)
            .await
        else {
            continue;
        };
        let (path, offset) = origin.clone();
        let new_name = new_name.to_owned();
        let encoding = config.encoding;
        let lang = snapshot.lang(config.locale);
        let theirs = tokio::task::spawn_blocking(move || {
            let change = snapshot
                .analysis
                .rename_in_dependant(&path, offset, &new_name)
                .map_err(|error| navigation::rename_error(&error, lang))?;
            Ok(navigation::workspace_edit(&snapshot, &change, encoding))
        })
        .await
        .map_err(|_| jsonrpc::Error::internal_error())??;
        let changes = edit.changes.get_or_insert_default();
        for (document, edits) in theirs.changes.unwrap_or_default() {
            // A file of both packs (a dependant's is never the dependency's own) is
            // edited once.
            changes.entry(document).or_insert(edits);
        }
    }
    Ok(Some(edit))
}

/// Where the renamed name is declared: a file's path and an offset in it.
async fn origin(
    shared: &Arc<Shared>,
    key: &PackKey,
    uri: &Uri,
    position: Position,
) -> Option<(PathBuf, u32)> {
    let config = shared.config();
    let snapshot = shared.state.snapshot(key, config.date).await?;
    let uri = uri.clone();
    tokio::task::spawn_blocking(move || {
        let file = snapshot.file_by_uri(&uri)?.id;
        let offset = snapshot.line_map(file, config.encoding)?.offset(position);
        snapshot.analysis.rename_origin(file, offset)
    })
    .await
    .ok()
    .flatten()
}
