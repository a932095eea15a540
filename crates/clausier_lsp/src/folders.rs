//! The editor's workspace folders: the packs under each are looked for when the
//! session starts, when the editor adds or removes a folder, and when a manifest or a
//! descriptor file comes, goes or changes there (see [`crate::pack_index`]).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use clausier_diagnostics::{Lang, Message};
use clausier_pack::MANIFEST_FILE;
use tower_lsp_server::ls_types::{DidChangeWorkspaceFoldersParams, MessageType};

use crate::pack_index;
use crate::server::Shared;
use crate::workspace::is_clause_file;

/// Looks for the packs under each of `roots`, off the async threads, records them and
/// analyses the packs that now declare a descriptor file the editor holds open.
pub async fn index(shared: &Arc<Shared>, roots: Vec<PathBuf>) {
    for root in roots {
        let scanned = {
            let root = root.clone();
            tokio::task::spawn_blocking(move || pack_index::scan(&root)).await
        };
        let Ok(scan) = scanned else {
            continue;
        };
        for reason in scan.skipped {
            log(shared, reason).await;
        }
        let keys = shared.state.set_workspace_folder(root, scan.packs);
        shared.analyse(keys);
    }
    crate::watcher::watch_workspace(shared).await;
}

/// `workspace/didChangeWorkspaceFolders`.
pub async fn changed(shared: &Arc<Shared>, params: DidChangeWorkspaceFoldersParams) {
    for removed in &params.event.removed {
        if let Some(root) = pack_index::root_path(&removed.uri) {
            shared.state.remove_workspace_folder(&root);
        }
    }
    let added = params
        .event
        .added
        .iter()
        .filter_map(|folder| pack_index::root_path(&folder.uri))
        .collect();
    index(shared, added).await;
}

/// Files changed on disk, as the client's `workspace/didChangeWatchedFiles` or the
/// server's own watcher says: the packs that read them are analysed again, and the
/// workspace folders searched again when the packs there may have changed.
pub async fn disk_changed(shared: &Arc<Shared>, paths: &[PathBuf], came_or_went: bool) {
    let keys = shared.state.files_changed(paths, came_or_went);
    shared.analyse(keys);
    rescan_for(shared, paths, came_or_went).await;
}

/// When a manifest, or a descriptor file that came or went, is among `paths`, the packs
/// of the workspace folders holding it are looked for again.
async fn rescan_for(shared: &Arc<Shared>, paths: &[PathBuf], came_or_went: bool) {
    let mut roots: Vec<PathBuf> = Vec::new();
    for path in paths
        .iter()
        .filter(|path| changes_packs(path, came_or_went))
    {
        for root in shared.state.workspace_folders_holding(path) {
            if !roots.contains(&root) {
                roots.push(root);
            }
        }
    }
    index(shared, roots).await;
}

/// Whether a change of `path` may change which packs there are or what they declare.
fn changes_packs(path: &Path, came_or_went: bool) -> bool {
    let is_manifest = path.file_name().is_some_and(|name| name == MANIFEST_FILE);
    is_manifest || (came_or_went && !is_clause_file(path))
}

/// Writes to the editor's log, in the editor's language. Never a warning: a folder the
/// user cannot read, or a system without watches to spare, is not the server's fault
/// and does not stop it.
pub async fn log(shared: &Shared, message: Message) {
    let lang = crate::language::chosen_lang(
        shared.config().locale,
        None,
        Lang::from_process_environment(),
    );
    shared
        .client
        .log_message(MessageType::LOG, message.text(lang))
        .await;
}
