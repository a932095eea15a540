//! The server's state: open documents, the packs they belong to, and for each pack a
//! generation counter and the snapshot last analysed.
//!
//! Notifications change the state synchronously (no `.await` before the change is
//! recorded), bumping the generation of every pack they touch and noting what changed;
//! snapshots are built on demand, off the async threads, from the cached one and what
//! changed since, and cached until the next bump.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use tokio::sync::Mutex as AsyncMutex;
use tower_lsp_server::ls_types::Uri;

use crate::documents::{self, Documents};
use crate::pack_index::{IndexedPack, PackIndex};
use crate::workspace::{Changed, OverlayText, PackKey, Snapshot, SnapshotInput, is_clause_file};

/// What the client said it supports, and the options it gave.
#[derive(Debug, Clone)]
pub struct Config {
    pub encoding: crate::convert::Encoding,
    pub snippets: bool,
    pub hierarchical_symbols: bool,
    pub code_lens_refresh: bool,
    pub watched_files_registration: bool,
    /// The value of `today` for the check lens (`initializationOptions.date`); without
    /// it, each pack's deadline for offers (`[document] deadline`), else today.
    pub date: Option<jiff::civil::Date>,
    /// The editor's language (`initializationOptions.language`, else the `locale` of
    /// `initialize`), when it is one Clausier speaks.
    pub locale: Option<clausier_diagnostics::Lang>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            encoding: crate::convert::Encoding::Utf16,
            snippets: false,
            hierarchical_symbols: true,
            code_lens_refresh: false,
            watched_files_registration: false,
            date: None,
            locale: None,
        }
    }
}

/// Today in the local time zone, as `clausier check` takes it.
pub fn today() -> jiff::civil::Date {
    jiff::ZonedDateTime::now().date()
}

#[derive(Debug, Default)]
struct PackEntry {
    generation: u64,
    cache: Arc<AsyncMutex<Option<Arc<Snapshot>>>>,
    /// Every file the last snapshot read.
    paths: HashSet<PathBuf>,
    /// What each bump changed not yet in the cached snapshot: the generation it made and
    /// the path of the file whose text changed (`None`: anything). Kept until a
    /// snapshot of that generation is cached, so that a build abandoned on the way (a
    /// cancelled request) loses nothing.
    changes: Vec<(u64, Option<PathBuf>)>,
}

impl PackEntry {
    /// Notes what the bump to the current generation changed: the text of the file at
    /// `path`, or (`None`) anything.
    fn note(&mut self, path: Option<&Path>) {
        if path.is_none() {
            // Everything after any older change: those say no more.
            self.changes.clear();
        }
        self.changes
            .push((self.generation, path.map(Path::to_path_buf)));
    }

    /// What changed since the snapshot of generation `since` (`None`: no snapshot).
    fn changed_since(&self, since: Option<u64>) -> Changed {
        let Some(since) = since else {
            return Changed::Everything;
        };
        let mut paths = BTreeSet::new();
        for (generation, path) in &self.changes {
            match path {
                _ if *generation <= since => {}
                Some(path) => {
                    paths.insert(path.clone());
                }
                None => return Changed::Everything,
            }
        }
        Changed::Files(paths)
    }
}

#[derive(Debug, Default)]
struct Inner {
    documents: Documents,
    packs: HashMap<PackKey, PackEntry>,
    /// The packs of the workspace folders, found by walking them.
    index: PackIndex,
}

#[derive(Debug, Default)]
pub struct State {
    inner: Mutex<Inner>,
}

impl State {
    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while the lock was held cannot leave the maps half-updated in a way
        // that matters more than losing the server: keep serving.
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Records an opened document and returns the packs to analyse again.
    pub fn open(&self, uri: Uri, version: i32, text: String) -> Vec<PackKey> {
        let mut inner = self.lock();
        inner.documents.open(uri.clone(), version, text);
        inner.touch(&uri)
    }

    /// Records a change; `None` when it was stale or for a document not open.
    pub fn change(
        &self,
        uri: &Uri,
        version: i32,
        apply: impl FnOnce(&str) -> String,
    ) -> Option<Vec<PackKey>> {
        let mut inner = self.lock();
        let current = inner.documents.get(uri)?;
        if version <= current.version {
            return None;
        }
        let text = apply(&current.text);
        match inner.documents.change(uri, version, text) {
            documents::Applied::Yes => Some(inner.touch(uri)),
            documents::Applied::Stale | documents::Applied::Unknown => None,
        }
    }

    /// Records a closed document: its pack reads the disk again. A buffer without a
    /// file is forgotten with its pack.
    pub fn close(&self, uri: &Uri) -> (Vec<PackKey>, Option<PackKey>) {
        let mut inner = self.lock();
        let touched = inner.touch(uri);
        inner.documents.close(uri);
        match inner.key_of(uri) {
            Some(key @ PackKey::Buffer(_)) => {
                inner.packs.remove(&key);
                (Vec::new(), Some(key))
            }
            _ => (touched, None),
        }
    }

    /// Files changed on disk: every pack that read them, or whose folder holds them,
    /// is analysed again, reading those files again; when files were created or
    /// deleted (`files_came_or_went`), reading the whole pack again.
    pub fn files_changed(&self, paths: &[PathBuf], files_came_or_went: bool) -> Vec<PackKey> {
        let mut inner = self.lock();
        let mut touched: Vec<(PackKey, Vec<PathBuf>)> = Vec::new();
        for (key, entry) in &inner.packs {
            let holds = |path: &&PathBuf| match key {
                PackKey::Folder(folder) => entry.paths.contains(*path) || path.starts_with(folder),
                PackKey::Buffer(_) => false,
            };
            let held: Vec<PathBuf> = paths.iter().filter(holds).cloned().collect();
            if !held.is_empty() {
                touched.push((key.clone(), held));
            }
        }
        for (key, held) in &touched {
            let entry = inner.bump(key);
            if files_came_or_went {
                entry.note(None);
            }
            for path in held {
                entry.note(Some(path));
            }
        }
        touched.into_iter().map(|(key, _)| key).collect()
    }

    /// Records the packs found under a workspace folder, and returns the packs to
    /// analyse again: those the server knows whose manifest or declared files changed
    /// (read again whole), and those that now declare a descriptor file the editor
    /// holds open.
    pub fn set_workspace_folder(&self, root: PathBuf, packs: Vec<IndexedPack>) -> Vec<PackKey> {
        let mut inner = self.lock();
        let mut keys = Vec::new();
        for folder in inner.index.set_root(root, packs) {
            let key = PackKey::Folder(folder);
            if inner.packs.contains_key(&key) {
                inner.bump(&key).note(None);
                keys.push(key);
            }
        }
        for key in inner.touch_open_descriptors() {
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        keys
    }

    /// Forgets the packs found under a workspace folder the editor closed.
    pub fn remove_workspace_folder(&self, root: &Path) {
        self.lock().index.remove_root(root);
    }

    /// What the server's own watcher watches of the workspace folders: the folders of
    /// their packs (with subfolders), the folders of the descriptors those declare, and
    /// the workspace folders themselves.
    pub fn workspace_folders_to_watch(&self) -> (Vec<PathBuf>, Vec<PathBuf>, Vec<PathBuf>) {
        self.lock().index.to_watch()
    }

    /// The folders of the workspace's packs that depend by path on the pack in
    /// `folder`.
    pub fn dependants_of(&self, folder: &Path) -> Vec<PathBuf> {
        self.lock().index.dependants(folder)
    }

    /// The workspace folders that hold `path`, whose packs are looked for again when
    /// a manifest there changes.
    pub fn workspace_folders_holding(&self, path: &Path) -> Vec<PathBuf> {
        self.lock().index.roots_holding(path)
    }

    /// The pack a document's requests are answered from: its own pack for a clause
    /// file, else the first pack that reads it (a declared descriptor).
    pub fn key_for_request(&self, uri: &Uri) -> Option<PackKey> {
        let inner = self.lock();
        inner.key_of(uri).or_else(|| {
            let path = documents::file_path(uri)?;
            inner
                .packs
                .iter()
                .find(|(_, entry)| entry.paths.contains(&path))
                .map(|(key, _)| key.clone())
        })
    }

    /// Every pack the server knows.
    pub fn keys(&self) -> Vec<PackKey> {
        let mut keys: Vec<PackKey> = self.lock().packs.keys().cloned().collect();
        keys.sort();
        keys
    }

    pub fn generation(&self, key: &PackKey) -> Option<u64> {
        self.lock().packs.get(key).map(|entry| entry.generation)
    }

    /// The snapshot of a pack at its current generation, built if needed (off the
    /// async threads). Concurrent callers share one build.
    pub async fn snapshot(
        &self,
        key: &PackKey,
        date: Option<jiff::civil::Date>,
    ) -> Option<Arc<Snapshot>> {
        let cache = {
            let mut inner = self.lock();
            inner.packs.entry(key.clone()).or_default().cache.clone()
        };
        let mut cached = cache.lock().await;
        let (input, changed) = {
            let inner = self.lock();
            let entry = inner.packs.get(key)?;
            let generation = entry.generation;
            let previous = cached.as_ref().map(|s| s.generation);
            if previous == Some(generation) {
                return cached.clone();
            }
            let changed = entry.changed_since(previous);
            (inner.input(key, generation, date), changed)
        };
        let previous = cached.clone();
        let snapshot = tokio::task::spawn_blocking(move || {
            Snapshot::update(previous.as_deref(), input, &changed)
        })
        .await
        .ok()?;
        let snapshot = Arc::new(snapshot);
        {
            let mut inner = self.lock();
            if let Some(entry) = inner.packs.get_mut(key) {
                entry.paths = snapshot.paths().map(Path::to_path_buf).collect();
                entry
                    .changes
                    .retain(|(generation, _)| *generation > snapshot.generation);
            }
        }
        *cached = Some(snapshot.clone());
        Some(snapshot)
    }
}

impl Inner {
    fn key_of(&self, uri: &Uri) -> Option<PackKey> {
        match documents::file_path(uri) {
            Some(path) if is_clause_file(&path) => Some(PackKey::of_clause_file(&path)),
            Some(_) => None,
            None => Some(PackKey::Buffer(uri.as_str().to_owned())),
        }
    }

    /// Bumps the generation of every pack a document belongs to or is read by, and
    /// returns them.
    fn touch(&mut self, uri: &Uri) -> Vec<PackKey> {
        let path = documents::file_path(uri);
        let mut keys: Vec<PackKey> = Vec::new();
        if let Some(own) = self.key_of(uri) {
            keys.push(own);
        } else if let Some(folder) = path
            .as_deref()
            .and_then(Path::parent)
            .and_then(crate::workspace::manifest_folder)
        {
            // A descriptor file beside or below a pack: that pack may declare it.
            keys.push(PackKey::Folder(folder));
        }
        if let Some(path) = &path
            && !is_clause_file(path)
        {
            // A descriptor file anywhere in the workspace: the packs that declare it.
            for folder in self.index.declaring(path) {
                let key = PackKey::Folder(folder);
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
        }
        if let Some(path) = &path {
            for (key, entry) in &self.packs {
                if entry.paths.contains(path) && !keys.contains(key) {
                    keys.push(key.clone());
                }
            }
        }
        for key in &keys {
            // A buffer without a file is its own pack: read it again whole.
            self.bump(key).note(path.as_deref());
        }
        keys
    }

    /// Touches every open descriptor file that some pack of the index declares but
    /// no pack has read yet, and returns the packs touched.
    fn touch_open_descriptors(&mut self) -> Vec<PackKey> {
        let waiting: Vec<Uri> = self
            .documents
            .iter()
            .filter(|document| {
                document.path.as_deref().is_some_and(|path| {
                    !is_clause_file(path)
                        && !self.packs.values().any(|entry| entry.paths.contains(path))
                        && !self.index.declaring(path).is_empty()
                })
            })
            .map(|document| document.uri.clone())
            .collect();
        let mut keys = Vec::new();
        for uri in waiting {
            for key in self.touch(&uri) {
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
        }
        keys
    }

    /// Bumps a pack's generation; the caller notes what changed.
    fn bump(&mut self, key: &PackKey) -> &mut PackEntry {
        let entry = self.packs.entry(key.clone()).or_default();
        entry.generation = entry.generation.saturating_add(1);
        entry
    }

    fn input(
        &self,
        key: &PackKey,
        generation: u64,
        date: Option<jiff::civil::Date>,
    ) -> SnapshotInput {
        let mut overlay = HashMap::new();
        let mut buffer = None;
        for document in self.documents.iter() {
            let text = OverlayText {
                text: document.text.clone(),
                version: Some(document.version),
                uri: Some(document.uri.clone()),
            };
            match (&document.path, key) {
                (Some(path), _) => {
                    overlay.insert(path.clone(), text);
                }
                (None, PackKey::Buffer(uri)) if document.uri.as_str() == uri => {
                    buffer = Some((document.uri.clone(), text));
                }
                (None, _) => {}
            }
        }
        SnapshotInput {
            key: key.clone(),
            generation,
            overlay,
            buffer,
            date,
        }
    }
}
