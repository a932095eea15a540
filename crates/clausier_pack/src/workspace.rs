//! A pack and its dependencies as an editor sees them: every file's text, the buffers the
//! editor holds open taking the place of what is on disk, nothing parsed yet.
//!
//! Unlike [`crate::load_pack`], a lock that no longer matches does not refuse the pack:
//! a drafter edits before locking. It is reported as a [`LockWarning`] instead.

use std::path::{Path, PathBuf};

use clausier_diagnostics::{Code, Message};

use crate::error::PackError;
use crate::fixtures::Fixture;
use crate::graph::{self, Graph, RawPack};
use crate::lock::{self, LOCK_FILE};
use crate::manifest::{MANIFEST_FILE, Manifest};

/// Every pack of the graph of the pack at [`WorkspaceSources::root`], read with the
/// editor's overlay.
#[derive(Debug, Clone)]
pub struct WorkspaceSources {
    /// The path of the root pack, as given.
    pub root: PathBuf,
    /// Every pack once, each after the packs it depends on; the root is the last.
    pub packs: Vec<WorkspacePack>,
    /// The root's `pack.lock` no longer matches the packs.
    pub lock_warning: Option<LockWarning>,
}

impl WorkspaceSources {
    pub fn root_pack(&self) -> Option<&WorkspacePack> {
        self.packs.last()
    }
}

/// One pack of the graph.
#[derive(Debug, Clone)]
pub struct WorkspacePack {
    pub name: String,
    pub version: String,
    /// Its folder, canonical (for a pack that is a single file, the folder holding it).
    pub dir: PathBuf,
    /// Its path as shown in messages: the root's as given, a dependency's joined to the
    /// path of the pack that declares it.
    pub shown: PathBuf,
    /// Its clause files, sorted by path: the order they are checked in.
    pub files: Vec<WorkspaceFile>,
    /// Its direct dependencies: the name they are declared under, and their index in
    /// [`WorkspaceSources::packs`].
    pub dependencies: Vec<(String, usize)>,
    /// Its `pack.toml`, when it has one.
    pub manifest: Option<WorkspaceManifest>,
    /// The files its tests name, read when the graph was read.
    pub fixtures: Vec<Fixture>,
}

/// A clause file.
#[derive(Debug, Clone)]
pub struct WorkspaceFile {
    /// Canonical.
    pub path: PathBuf,
    /// Relative to its pack's folder, `/`-separated: how the pack's fixtures name it.
    pub relative: String,
    /// As messages show it (`rules/edtech-fr/hebergement.clause`).
    pub name: String,
    pub text: String,
}

/// A pack's `pack.toml`, read.
#[derive(Debug, Clone)]
pub struct WorkspaceManifest {
    /// Canonical.
    pub path: PathBuf,
    /// As messages show it.
    pub name: String,
    pub text: String,
    pub manifest: Manifest,
}

/// A `pack.lock` that no longer matches the packs, located in its text.
#[derive(Debug, Clone)]
pub struct LockWarning {
    /// Canonical.
    pub path: PathBuf,
    pub name: String,
    pub text: String,
    pub code: Code,
    pub message: Message,
    /// Byte range in `text`, when the mismatch has a place.
    pub span: Option<std::ops::Range<usize>>,
    pub label: Message,
    pub help: Option<Message>,
}

/// Reads the pack at `path` and its dependencies, `overlay` giving the text of the
/// files an editor holds open: it is asked with the canonical path of every clause file
/// and manifest, and a file it answers for is not read from disk.
///
/// A manifest or dependency that cannot be read is an error, as for `clausier check`;
/// a stale `pack.lock` is only a warning.
pub fn read_workspace(
    path: &Path,
    overlay: &dyn Fn(&Path) -> Option<String>,
) -> Result<WorkspaceSources, PackError> {
    let graph = graph::resolve_with(path, overlay)?;
    let lock_warning = stale_lock(&graph);
    let packs = graph.packs.into_iter().map(workspace_pack).collect();
    Ok(WorkspaceSources {
        root: path.to_path_buf(),
        packs,
        lock_warning,
    })
}

/// Reads one file of the graph of the pack at `root` again from disk, as
/// [`read_workspace`] reads it: leading, links resolved, to a regular file inside the
/// workspace, under the size limit, without a byte-order mark. For an editor that keeps
/// its analysis and is told that this file changed.
pub fn read_workspace_file(root: &Path, path: &Path) -> Result<String, PackError> {
    let workspace = graph::workspace_root(&graph::pack_folder(root)?);
    crate::files::read_confined(path, &workspace)
}

fn stale_lock(graph: &Graph) -> Option<LockWarning> {
    let root = graph.root()?;
    let lock_path = root.dir.join(LOCK_FILE);
    match lock::check_lock(graph) {
        Ok(()) => None,
        Err(PackError::Manifest(error)) => Some(LockWarning {
            path: lock_path,
            name: error.source_name().to_owned(),
            text: error.source_text().to_owned(),
            code: error.code,
            message: error.message.clone(),
            span: error.span.clone(),
            label: error.label.clone(),
            help: error.help.clone(),
        }),
        Err(other) => Some(LockWarning {
            name: crate::display_join(&root.shown, LOCK_FILE),
            path: lock_path,
            text: String::new(),
            code: other.code(),
            message: other.message(),
            span: None,
            label: Message::default(),
            help: None,
        }),
    }
}

fn workspace_pack(pack: RawPack) -> WorkspacePack {
    let manifest = pack.manifest_source.map(|source| WorkspaceManifest {
        path: pack.dir.join(MANIFEST_FILE),
        name: source.name,
        text: source.text,
        manifest: pack.manifest,
    });
    WorkspacePack {
        name: pack.name,
        version: pack.version,
        dir: pack.dir,
        shown: pack.shown,
        files: pack
            .files
            .into_iter()
            .map(|file| WorkspaceFile {
                path: file.absolute,
                relative: file.relative,
                name: file.name,
                text: file.text,
            })
            .collect(),
        dependencies: pack.dependencies,
        manifest,
        fixtures: pack.fixtures,
    }
}

#[cfg(test)]
mod tests;
