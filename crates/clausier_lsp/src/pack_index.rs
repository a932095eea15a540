//! The packs of the editor's workspace folders, found by the server itself: every
//! `pack.toml` under each folder, with the descriptor files its `[workspace]
//! descriptors` declare (resolved by `clausier_pack::descriptor_files`, as `clausier
//! check` resolves them) and the folders of the packs it depends on by path.
//!
//! A descriptor file opened alone is analysed with the packs that declare it
//! ([`PackIndex::declaring`]); a file no pack declares costs a look-up and nothing more.
//! The walk is bounded: hidden folders, `target` and `node_modules` are skipped, so are
//! folders deeper than [`MAX_DEPTH`] and any beyond the first [`MAX_FOLDERS`]; a link to
//! a folder is followed only when it stays inside the root.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use clausier_data::files::io_error_message;
use clausier_diagnostics::Message;
use clausier_pack::{MANIFEST_FILE, Manifest};
use tower_lsp_server::ls_types::{
    InitializeParams, OneOf, Uri, WorkspaceFoldersServerCapabilities, WorkspaceServerCapabilities,
};

/// How deep below a workspace folder manifests are looked for.
pub const MAX_DEPTH: usize = 12;
/// How many folders of one workspace folder are read at most.
pub const MAX_FOLDERS: usize = 20_000;
/// Folders that hold build output or installed packages, never packs of the drafter.
const SKIPPED_FOLDERS: &[&str] = &["target", "node_modules"];

/// One pack found under a workspace folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexedPack {
    /// The folder of its `pack.toml`, canonical.
    pub folder: PathBuf,
    /// The descriptor files its manifest declares, canonical.
    pub descriptors: BTreeSet<PathBuf>,
    /// The folders of the packs it depends on by path, canonical when they exist.
    pub dependencies: Vec<PathBuf>,
}

/// What a walk of one workspace folder found, and what it could not read.
#[derive(Debug, Default)]
pub struct Scan {
    pub packs: Vec<IndexedPack>,
    /// Why some folders or manifests were left out, for the server's log.
    pub skipped: Vec<Message>,
}

/// The packs of every workspace folder.
#[derive(Debug, Default)]
pub struct PackIndex {
    by_root: BTreeMap<PathBuf, Vec<IndexedPack>>,
}

impl PackIndex {
    /// Replaces what is known of the packs under `root`, and returns the folders of the
    /// packs that came, went, or now declare other files or dependencies.
    pub fn set_root(&mut self, root: PathBuf, packs: Vec<IndexedPack>) -> Vec<PathBuf> {
        let before = self.by_root.remove(&root).unwrap_or_default();
        let mut changed: Vec<PathBuf> = packs
            .iter()
            .filter(|pack| !before.contains(pack))
            .chain(before.iter().filter(|pack| !packs.contains(pack)))
            .map(|pack| pack.folder.clone())
            .collect();
        changed.sort();
        changed.dedup();
        self.by_root.insert(root, packs);
        changed
    }

    pub fn remove_root(&mut self, root: &Path) {
        self.by_root.remove(root);
    }

    pub fn roots(&self) -> impl Iterator<Item = &Path> {
        self.by_root.keys().map(PathBuf::as_path)
    }

    fn packs(&self) -> impl Iterator<Item = &IndexedPack> {
        self.by_root.values().flatten()
    }

    /// The folders of the packs whose `[workspace] descriptors` declare `path`.
    pub fn declaring(&self, path: &Path) -> Vec<PathBuf> {
        let mut folders: Vec<PathBuf> = self
            .packs()
            .filter(|pack| pack.descriptors.contains(path))
            .map(|pack| pack.folder.clone())
            .collect();
        folders.sort();
        folders.dedup();
        folders
    }

    /// The folders of the packs, those of the descriptor files they declare, and the
    /// workspace folders: what a watcher of the disk watches.
    pub fn to_watch(&self) -> (Vec<PathBuf>, Vec<PathBuf>, Vec<PathBuf>) {
        let packs = self.packs().map(|pack| pack.folder.clone()).collect();
        let descriptor_folders: BTreeSet<PathBuf> = self
            .packs()
            .flat_map(|pack| &pack.descriptors)
            .filter_map(|path| path.parent().map(Path::to_path_buf))
            .collect();
        let roots = self.roots().map(Path::to_path_buf).collect();
        (packs, descriptor_folders.into_iter().collect(), roots)
    }

    /// The folders of the packs that depend by path on the pack in `folder`.
    pub fn dependants(&self, folder: &Path) -> Vec<PathBuf> {
        let mut folders: Vec<PathBuf> = self
            .packs()
            .filter(|pack| pack.folder != folder)
            .filter(|pack| pack.dependencies.iter().any(|dep| dep == folder))
            .map(|pack| pack.folder.clone())
            .collect();
        folders.sort();
        folders.dedup();
        folders
    }

    /// The workspace folders below which `path` is.
    pub fn roots_holding(&self, path: &Path) -> Vec<PathBuf> {
        self.roots()
            .filter(|root| path.starts_with(root))
            .map(Path::to_path_buf)
            .collect()
    }
}

/// The server takes any number of workspace folders and follows their changes.
pub fn workspace_capabilities() -> WorkspaceServerCapabilities {
    WorkspaceServerCapabilities {
        workspace_folders: Some(WorkspaceFoldersServerCapabilities {
            supported: Some(true),
            change_notifications: Some(OneOf::Left(true)),
        }),
        file_operations: None,
    }
}

/// The workspace folders the client gave: `workspaceFolders`, else `rootUri`, else
/// `rootPath`.
#[expect(
    deprecated,
    reason = "`rootUri` and `rootPath` are how older clients name their one folder"
)]
pub fn initial_roots(params: &InitializeParams) -> Vec<PathBuf> {
    if let Some(folders) = &params.workspace_folders
        && !folders.is_empty()
    {
        return folders.iter().filter_map(|f| root_path(&f.uri)).collect();
    }
    if let Some(uri) = &params.root_uri {
        return root_path(uri).into_iter().collect();
    }
    params
        .root_path
        .as_deref()
        .map(|path| canonical(Path::new(path)))
        .into_iter()
        .collect()
}

/// The folder of a workspace folder's URI; `None` for a URI that is no file's.
pub fn root_path(uri: &Uri) -> Option<PathBuf> {
    crate::documents::file_path(uri)
}

fn canonical(path: &Path) -> PathBuf {
    fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Finds and reads every pack under `root` (blocking: call it off the async threads).
pub fn scan(root: &Path) -> Scan {
    let mut scan = Scan::default();
    let root = canonical(root);
    let mut manifests = Vec::new();
    let mut walk = Walk {
        root: &root,
        visited: HashSet::new(),
        manifests: &mut manifests,
        skipped: &mut scan.skipped,
    };
    walk.folder(&root, 0);
    for folder in manifests {
        match index_pack(&folder) {
            Ok(pack) => scan.packs.push(pack),
            Err(reason) => scan.skipped.push(reason),
        }
    }
    scan
}

struct Walk<'a> {
    root: &'a Path,
    visited: HashSet<PathBuf>,
    manifests: &'a mut Vec<PathBuf>,
    skipped: &'a mut Vec<Message>,
}

impl Walk<'_> {
    fn folder(&mut self, folder: &Path, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        if self.visited.len() >= MAX_FOLDERS {
            if self.visited.len() == MAX_FOLDERS {
                self.skipped.push(
                    Message::new("editor-log-too-many-folders")
                        .with("count", MAX_FOLDERS)
                        .with("root", self.root.display().to_string()),
                );
                // Said once: the count now passes the limit.
                self.visited.insert(PathBuf::new());
            }
            return;
        }
        // A link may lead back up or out of the root: each folder once, inside only.
        let real = canonical(folder);
        if !real.starts_with(self.root) || !self.visited.insert(real.clone()) {
            return;
        }
        let entries = match fs::read_dir(folder) {
            Ok(entries) => entries,
            Err(error) => {
                self.skipped.push(
                    Message::new("editor-log-unreadable-folder")
                        .with("folder", folder.display().to_string())
                        .with("error", io_error_message(&error)),
                );
                return;
            }
        };
        let mut children: Vec<PathBuf> = Vec::new();
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            if name == MANIFEST_FILE {
                self.manifests.push(real.clone());
            } else if !name.starts_with('.')
                && !SKIPPED_FOLDERS.contains(&name)
                && entry.path().is_dir()
            {
                children.push(entry.path());
            }
        }
        children.sort();
        for child in children {
            self.folder(&child, depth + 1);
        }
    }
}

/// Reads the manifest of the pack in `folder`: its declared descriptors and path
/// dependencies. A manifest that cannot be read is the pack's own diagnostic when it is
/// opened; here it only keeps the pack out of the index.
fn index_pack(folder: &Path) -> Result<IndexedPack, Message> {
    let path = folder.join(MANIFEST_FILE);
    let shown = path.display().to_string();
    let text = fs::read_to_string(&path).map_err(|error| {
        Message::new("editor-log-unreadable-manifest")
            .with("path", &shown)
            .with("error", io_error_message(&error))
    })?;
    let manifest: Manifest = clausier_pack::parse_manifest(&path, MANIFEST_FILE, &text)
        .map_err(|_| Message::new("editor-log-invalid-manifest").with("path", &shown))?;
    Ok(IndexedPack {
        folder: folder.to_path_buf(),
        descriptors: clausier_pack::descriptor_files(folder, &manifest)
            .into_iter()
            .collect(),
        dependencies: manifest
            .dependencies
            .iter()
            .map(|dependency| canonical(&folder.join(&dependency.path)))
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(path: &Path, text: &str) {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    fn manifest(name: &str, extra: &str) -> String {
        format!("[pack]\nname = \"{name}\"\nversion = \"1.0.0\"\n{extra}")
    }

    #[test]
    fn packs_are_found_with_what_they_declare_and_depend_on() {
        let dir = tempfile::tempdir().unwrap();
        let root = canonical(dir.path());
        write(
            &root.join("rules/a/pack.toml"),
            &manifest(
                "a",
                "[workspace]\ndescriptors = [\"../../offres/*.json\"]\n",
            ),
        );
        write(
            &root.join("rules/b/pack.toml"),
            &manifest("b", "[dependencies]\na = { path = \"../a\" }\n"),
        );
        write(&root.join("offres/x.json"), "{}");
        write(&root.join("autres/y.json"), "{}");
        // Never searched: build output, installed packages, hidden folders.
        write(&root.join("target/p/pack.toml"), &manifest("t", ""));
        write(&root.join("node_modules/p/pack.toml"), &manifest("n", ""));
        write(&root.join(".git/p/pack.toml"), &manifest("g", ""));

        let scan = scan(&root);
        assert!(scan.skipped.is_empty(), "{:?}", scan.skipped);
        let folders: Vec<&Path> = scan.packs.iter().map(|p| p.folder.as_path()).collect();
        assert_eq!(folders, [root.join("rules/a"), root.join("rules/b")]);
        assert_eq!(scan.packs[1].dependencies, [root.join("rules/a")]);

        let mut index = PackIndex::default();
        let changed = index.set_root(root.clone(), scan.packs);
        assert_eq!(changed, [root.join("rules/a"), root.join("rules/b")]);
        assert_eq!(
            index.declaring(&root.join("offres/x.json")),
            [root.join("rules/a")]
        );
        assert!(index.declaring(&root.join("autres/y.json")).is_empty());
        assert_eq!(
            index.dependants(&root.join("rules/a")),
            [root.join("rules/b")]
        );
        assert!(index.dependants(&root.join("rules/b")).is_empty());

        // A new offer changes what `a` declares, and only that.
        write(&root.join("offres/w.json"), "{}");
        let changed = index.set_root(root.clone(), super::scan(&root).packs);
        assert_eq!(changed, [root.join("rules/a")]);
        assert_eq!(
            index.declaring(&root.join("offres/w.json")),
            [root.join("rules/a")]
        );
        index.remove_root(&root);
        assert!(index.declaring(&root.join("offres/x.json")).is_empty());
    }

    #[test]
    fn a_wrong_manifest_is_left_out_and_said() {
        let dir = tempfile::tempdir().unwrap();
        let root = canonical(dir.path());
        write(&root.join("a/pack.toml"), "[pack\n");
        write(&root.join("b/pack.toml"), &manifest("b", ""));
        let scan = scan(&root);
        assert_eq!(scan.packs.len(), 1);
        assert_eq!(scan.skipped.len(), 1);
        let said = scan.skipped[0].text(clausier_diagnostics::Lang::En);
        assert!(said.contains("pack.toml is not a valid manifest"), "{said}");
    }

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_root_and_loops_are_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let base = canonical(dir.path());
        let root = base.join("root");
        write(&root.join("p/pack.toml"), &manifest("p", ""));
        write(&base.join("outside/q/pack.toml"), &manifest("q", ""));
        std::os::unix::fs::symlink(base.join("outside"), root.join("out")).unwrap();
        std::os::unix::fs::symlink(&root, root.join("p/loop")).unwrap();
        let scan = scan(&root);
        let folders: Vec<&Path> = scan.packs.iter().map(|p| p.folder.as_path()).collect();
        assert_eq!(folders, [root.join("p")]);
    }

    #[test]
    fn the_walk_stops_at_its_depth() {
        let dir = tempfile::tempdir().unwrap();
        let root = canonical(dir.path());
        let deep: PathBuf = std::iter::repeat_n("d", MAX_DEPTH + 1).collect();
        write(&root.join(&deep).join("pack.toml"), &manifest("deep", ""));
        write(&root.join("d/pack.toml"), &manifest("near", ""));
        let scan = scan(&root);
        let folders: Vec<&Path> = scan.packs.iter().map(|p| p.folder.as_path()).collect();
        assert_eq!(folders, [root.join("d")]);
    }
}
