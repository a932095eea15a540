//! Watching files on disk for clients that cannot watch them for the server (Neovim on
//! Linux cannot register `workspace/didChangeWatchedFiles`). A client that can keeps
//! its registration, and this watcher is never started: each change is seen once.
//!
//! What is watched: each pack the server analysed (its folder and below), the folders
//! of every file it read (its dependencies', its declared descriptors'), and the packs
//! found under the workspace folders with the folders of their declared descriptors.
//! A change goes the way of `didChangeWatchedFiles` ([`crate::folders::disk_changed`]).
//! Events come in bursts (an editor saves by writing a copy and renaming it): they are
//! gathered for [`SETTLE`] before the packs are analysed once.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use clausier_diagnostics::Message;
use notify::event::{EventKind, ModifyKind};
use notify::{RecommendedWatcher, RecursiveMode, Watcher};
use tokio::sync::mpsc::{self, UnboundedReceiver};

use crate::server::Shared;
use crate::workspace::{PackKey, Snapshot};

/// How long the watcher waits for a burst of events to end.
const SETTLE: Duration = Duration::from_millis(100);

/// A change on disk: the files, and whether some came or went (not only changed).
type Change = (Vec<PathBuf>, bool);

/// The server's own watcher, when it runs.
#[derive(Default)]
pub struct DiskWatcher {
    running: Mutex<Option<Running>>,
}

struct Running {
    watcher: RecommendedWatcher,
    /// The folders watched, and whether with their subfolders.
    watched: HashSet<(PathBuf, bool)>,
    /// Whether a failure to watch a folder was already said.
    failed: bool,
}

impl DiskWatcher {
    fn lock(&self) -> MutexGuard<'_, Option<Running>> {
        self.running.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn is_running(&self) -> bool {
        self.lock().is_some()
    }

    /// Stops watching (at shutdown).
    pub fn stop(&self) {
        self.lock().take();
    }

    /// Watches `folders` (with their subfolders when `recursive`) if not yet watched;
    /// the reason of the first failure of the session, to be logged once.
    fn watch(
        &self,
        folders: impl IntoIterator<Item = PathBuf>,
        recursive: bool,
    ) -> Option<Message> {
        let mut guard = self.lock();
        let running = guard.as_mut()?;
        let mut problem = None;
        for folder in folders {
            // Watching a folder again would change how it is watched: a folder below
            // one watched with its subfolders is watched already.
            let covered = running.watched.iter().any(|(watched, with_subfolders)| {
                folder == *watched && (*with_subfolders || !recursive)
                    || *with_subfolders && folder.starts_with(watched)
            });
            if covered || !folder.is_dir() {
                continue;
            }
            let key = (folder, recursive);
            let mode = if recursive {
                RecursiveMode::Recursive
            } else {
                RecursiveMode::NonRecursive
            };
            match running.watcher.watch(&key.0, mode) {
                Ok(()) => {
                    running.watched.insert(key);
                }
                Err(error) if !running.failed => {
                    running.failed = true;
                    problem = Some(
                        Message::new("editor-log-cannot-watch")
                            .with("folder", key.0.display().to_string())
                            .with("error", error.to_string()),
                    );
                }
                Err(_) => {}
            }
        }
        problem
    }
}

/// Starts the server's own watcher, and the task that turns its events into analyses.
/// A watcher that cannot start (the system's limit of watches reached) is logged, and
/// the server goes on without it.
pub async fn start(shared: &Arc<Shared>) {
    let (sender, receiver) = mpsc::unbounded_channel::<Change>();
    let handler = move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else {
            return;
        };
        let came_or_went = match event.kind {
            EventKind::Create(_)
            | EventKind::Remove(_)
            | EventKind::Modify(ModifyKind::Name(_)) => true,
            EventKind::Modify(_) | EventKind::Any => false,
            EventKind::Access(_) | EventKind::Other => return,
        };
        let paths: Vec<PathBuf> = event.paths.into_iter().filter(|p| matters(p)).collect();
        if !paths.is_empty() {
            // The receiver only stops with the server.
            let _ = sender.send((paths, came_or_went));
        }
    };
    match notify::recommended_watcher(handler) {
        Ok(watcher) => {
            *shared.watcher.lock() = Some(Running {
                watcher,
                watched: HashSet::new(),
                failed: false,
            });
            tokio::spawn(forward(shared.clone(), receiver));
            watch_workspace(shared).await;
        }
        Err(error) => {
            let message = Message::new("editor-log-no-watcher").with("error", error.to_string());
            crate::folders::log(shared, message).await;
        }
    }
}

/// Whether a change of `path` can matter to a pack: a clause file, a manifest, a lock
/// or a descriptor file.
fn matters(path: &Path) -> bool {
    crate::workspace::is_clause_file(path)
        || path.file_name().is_some_and(|name| {
            name == clausier_pack::MANIFEST_FILE || name == clausier_pack::LOCK_FILE
        })
        || clausier_data::Format::from_path(path).is_some()
}

/// Gathers each burst of events and hands it to the server as one change.
async fn forward(shared: Arc<Shared>, mut receiver: UnboundedReceiver<Change>) {
    while let Some((mut paths, mut came_or_went)) = receiver.recv().await {
        tokio::time::sleep(SETTLE).await;
        while let Ok((more, went)) = receiver.try_recv() {
            paths.extend(more);
            came_or_went |= went;
        }
        let mut paths: Vec<PathBuf> = paths
            .into_iter()
            .map(|path| std::fs::canonicalize(&path).unwrap_or(path))
            .collect();
        paths.sort();
        paths.dedup();
        crate::folders::disk_changed(&shared, &paths, came_or_went).await;
    }
}

/// Watches the packs found under the workspace folders (their folders, the folders of
/// their declared descriptors) and the workspace folders themselves, for a new pack.
pub async fn watch_workspace(shared: &Arc<Shared>) {
    let (packs, descriptor_folders, roots) = shared.state.workspace_folders_to_watch();
    let mut problems = Vec::new();
    problems.extend(shared.watcher.watch(packs, true));
    problems.extend(shared.watcher.watch(descriptor_folders, false));
    problems.extend(shared.watcher.watch(roots, false));
    for problem in problems {
        crate::folders::log(shared, problem).await;
    }
}

/// Watches what a snapshot of a pack read: the pack's folder and below, and the folder
/// of every file it read.
pub async fn watch_snapshot(shared: &Arc<Shared>, key: &PackKey, snapshot: &Snapshot) {
    if !shared.watcher.is_running() {
        return;
    }
    let mut problems = Vec::new();
    if let PackKey::Folder(folder) = key {
        problems.extend(shared.watcher.watch([folder.clone()], true));
    }
    let parents: HashSet<PathBuf> = snapshot
        .paths()
        .filter_map(|path| path.parent().map(Path::to_path_buf))
        .collect();
    problems.extend(shared.watcher.watch(parents, false));
    for problem in problems {
        crate::folders::log(shared, problem).await;
    }
}
