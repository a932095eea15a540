//! Which pack a document belongs to, and reading that pack (with its dependencies and
//! declared descriptors) into one analysis, the editor's buffers in place of the disk.
//!
//! A pack is read whole once; after that, a change of clause files of its graph (an edit
//! in the editor, or a file closed, saved or changed on disk, which alone is read again)
//! updates the kept analysis ([`Snapshot::update`]): only those files are parsed again,
//! and the graph is checked from the kept trees. Anything else (a manifest, a lock, a
//! descriptor, a file new to the pack or gone, a test naming another file, a root with a
//! `pack.lock`) reads the pack again, still parsing only the files whose text changed.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use clausier_data::files;
use clausier_diagnostics::Lang;
use clausier_diagnostics::{Diagnostic, FileId, LineIndex, Span};
use clausier_ide::{Analysis, CheckLens, DescriptorInput};
use clausier_pack::{LOCK_FILE, MANIFEST_FILE, PackError, WorkspaceSources};
use tower_lsp_server::ls_types::Uri;

use crate::convert::{Encoding, LineMap};

/// The extensions of the files a `.clause` pack is made of.
pub const CLAUSE_EXTENSION: &str = "clause";

/// A pack as the server knows it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PackKey {
    /// The folder of a `pack.toml`, or the folder of a `.clause` file that has none.
    Folder(PathBuf),
    /// A document with no file on disk (`untitled:`): a pack of its own.
    Buffer(String),
}

impl PackKey {
    /// The pack of a clause file: the nearest folder upwards with a `pack.toml`, else
    /// the file's own folder.
    pub fn of_clause_file(path: &Path) -> PackKey {
        let folder = path.parent().unwrap_or(path);
        PackKey::Folder(manifest_folder(folder).unwrap_or_else(|| folder.to_path_buf()))
    }
}

/// The nearest folder from `start` upwards that holds a `pack.toml`.
pub fn manifest_folder(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|folder| folder.join(MANIFEST_FILE).is_file())
        .map(Path::to_path_buf)
}

pub fn is_clause_file(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext == CLAUSE_EXTENSION)
}

/// A text the snapshot was built from, as the editor or the disk gave it.
#[derive(Debug, Clone)]
pub struct OverlayText {
    pub text: String,
    /// The document's version, when the editor holds it open.
    pub version: Option<i32>,
    /// The document's URI as the editor spells it, to publish under the same name.
    pub uri: Option<Uri>,
}

fn uri_of(path: &Path, overlay: &HashMap<PathBuf, OverlayText>) -> Option<Uri> {
    overlay
        .get(path)
        .and_then(|open| open.uri.clone())
        .or_else(|| Uri::from_file_path(path))
}

/// One file of a snapshot: a clause file, a manifest or a lock.
#[derive(Debug, Clone)]
pub struct SnapshotFile {
    pub id: FileId,
    pub uri: Uri,
    pub path: Option<PathBuf>,
    pub index: LineIndex,
    /// True for the files of the pack itself, whose diagnostics this snapshot publishes;
    /// a dependency's files are published by the dependency's own pack.
    pub owned: bool,
    pub version: Option<i32>,
}

/// A descriptor file declared for the pack.
#[derive(Debug, Clone)]
pub struct SnapshotDescriptor {
    pub input: DescriptorInput,
    pub uri: Uri,
    pub index: LineIndex,
    pub version: Option<i32>,
}

/// A pack that could not be read at all, reported where the cause is.
#[derive(Debug)]
pub struct LoadFailure {
    pub uri: Uri,
    pub text: String,
    pub index: LineIndex,
    pub diagnostic: Diagnostic,
}

/// An immutable analysis of one pack at one generation of the editor's state.
#[derive(Debug)]
pub struct Snapshot {
    pub generation: u64,
    pub analysis: Analysis,
    pub files: Vec<SnapshotFile>,
    pub descriptors: Vec<SnapshotDescriptor>,
    pub failure: Option<LoadFailure>,
    pub date: jiff::civil::Date,
    lens: OnceLock<CheckLens>,
    /// The root's deadline for offers as its manifest read, the date of the lens when
    /// the editor gives none.
    deadline: Option<jiff::civil::Date>,
    /// The root's `[document] language`: the diagnostics' language when the editor
    /// gives no locale.
    document_lang: Option<Lang>,
    /// True when an edit of open clause files can update this snapshot in place: the
    /// pack was read whole, and its root has no `pack.lock` (whose hashes cover every
    /// file, so that only reading the graph again says whether an edit made it stale).
    updatable: bool,
}

/// What changed in the editor's state since a pack's snapshot was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changed {
    /// The texts of these files: in the editor's buffers, or on disk when it holds none.
    Files(BTreeSet<PathBuf>),
    /// Anything else: the pack is read again.
    Everything,
}

/// What a snapshot is built from: the key, the generation, and the open documents.
#[derive(Debug, Clone)]
pub struct SnapshotInput {
    pub key: PackKey,
    pub generation: u64,
    pub overlay: HashMap<PathBuf, OverlayText>,
    /// For a [`PackKey::Buffer`]: its URI and text.
    pub buffer: Option<(Uri, OverlayText)>,
    /// The date the editor gave; without it, the pack's deadline for offers, else today.
    pub date: Option<jiff::civil::Date>,
}

impl Snapshot {
    /// The language the pack's diagnostics and actions are written in for an editor
    /// whose locale is `client` (the `locale` of `initialize`).
    pub fn lang(&self, client: Option<Lang>) -> Lang {
        crate::language::chosen_lang(client, self.document_lang, Lang::from_process_environment())
    }

    /// Reads and checks the pack, parsing only the clause files whose text differs from
    /// that in `previous` (an analysis of the same pack, if any). Never fails: a pack
    /// that cannot be read gives a diagnostic on the file at fault and an analysis of its
    /// clause files alone.
    pub fn build(input: SnapshotInput, previous: Option<&Analysis>) -> Snapshot {
        let SnapshotInput {
            key,
            generation,
            overlay,
            buffer,
            date,
        } = input;
        let mut snapshot = Snapshot {
            generation,
            analysis: Analysis::new("", Vec::new()),
            files: Vec::new(),
            descriptors: Vec::new(),
            failure: None,
            date: date.unwrap_or_else(crate::state::today),
            lens: OnceLock::new(),
            deadline: None,
            document_lang: None,
            updatable: false,
        };
        match &key {
            PackKey::Buffer(_) => {
                if let Some((uri, text)) = buffer {
                    snapshot.build_buffer(uri, text);
                }
            }
            PackKey::Folder(folder) => {
                let read = |path: &Path| overlay.get(path).map(|open| open.text.clone());
                match clausier_pack::read_workspace(folder, &read) {
                    Ok(sources) => {
                        let date_given = date.is_some();
                        snapshot.build_workspace(folder, sources, previous, &overlay, date_given);
                    }
                    Err(error) => snapshot.build_fallback(folder, &error, &overlay),
                }
            }
        }
        snapshot
    }

    /// The snapshot at `input`'s generation: `previous` updated in place when only
    /// clause files of its graph changed and their tests still name the same files,
    /// else the pack read again, parsing only the files whose text changed. Either way
    /// the result is what reading the pack afresh gives.
    pub fn update(
        previous: Option<&Snapshot>,
        input: SnapshotInput,
        changed: &Changed,
    ) -> Snapshot {
        let updated = match (previous, changed) {
            (Some(previous), Changed::Files(paths)) => previous.updated(&input, paths),
            _ => None,
        };
        updated.unwrap_or_else(|| Snapshot::build(input, previous.map(|p| &p.analysis)))
    }

    /// This snapshot with the new texts of `paths` (the editor's buffer, else the disk);
    /// `None` when that cannot be done without reading the pack again.
    fn updated(&self, input: &SnapshotInput, paths: &BTreeSet<PathBuf>) -> Option<Snapshot> {
        if !self.updatable {
            return None;
        }
        let PackKey::Folder(folder) = &input.key else {
            return None;
        };
        let mut edits = Vec::new();
        for path in paths {
            let id = self.analysis.file_id(path)?;
            // Reading the pack asks the editor for canonical paths only: a buffer under
            // another spelling of the path is not read in place of the disk.
            let is_clause_file = self.analysis.files().any(|file| file == id);
            if !is_clause_file || self.analysis.file_path(id) != Some(path.as_path()) {
                return None;
            }
            // As reading the pack does: the buffer without a byte-order mark, else the
            // disk (a file closed, saved or changed there); a file that cannot be read
            // is the whole read's to report.
            let (text, version) = match input.overlay.get(path) {
                Some(open) => (
                    open.text
                        .strip_prefix('\u{feff}')
                        .unwrap_or(&open.text)
                        .to_owned(),
                    open.version,
                ),
                None => (clausier_pack::read_workspace_file(folder, path).ok()?, None),
            };
            edits.push((id, path, text, version));
        }
        let mut analysis = self.analysis.clone();
        analysis.set_file_texts(
            edits
                .iter()
                .map(|(id, _, text, _)| (*id, text.clone()))
                .collect(),
        );
        if analysis.graph_is_stale() {
            return None;
        }
        let mut files = self.files.clone();
        for (id, path, text, version) in edits {
            let file = files.iter_mut().find(|file| file.id == id)?;
            file.index = LineIndex::new(&text);
            file.version = version;
            if let Some(uri) = uri_of(path, &input.overlay) {
                file.uri = uri;
            }
        }
        Some(Snapshot {
            generation: input.generation,
            analysis,
            files,
            descriptors: self.descriptors.clone(),
            failure: None,
            date: input
                .date
                .or(self.deadline)
                .unwrap_or_else(crate::state::today),
            lens: OnceLock::new(),
            deadline: self.deadline,
            document_lang: self.document_lang,
            updatable: true,
        })
    }

    fn build_buffer(&mut self, uri: Uri, buffer: OverlayText) {
        let id = FileId(0);
        self.files.push(SnapshotFile {
            id,
            uri,
            path: None,
            index: LineIndex::new(&buffer.text),
            owned: true,
            version: buffer.version,
        });
        self.analysis = Analysis::new("untitled", vec![(id, buffer.text)]);
    }

    fn build_workspace(
        &mut self,
        folder: &Path,
        sources: WorkspaceSources,
        previous: Option<&Analysis>,
        overlay: &HashMap<PathBuf, OverlayText>,
        date_given: bool,
    ) {
        let manifest = sources
            .root_pack()
            .and_then(|pack| pack.manifest.as_ref())
            .map(|found| found.manifest.clone())
            .unwrap_or_default();
        // As `clausier check` does: the buyer checks offers at their deadline.
        self.deadline = manifest.document.as_ref().and_then(|d| d.deadline);
        self.document_lang = manifest
            .document
            .as_ref()
            .and_then(|d| d.language)
            .map(|language| match language {
                clausier_pack::DocumentLanguage::Fr => Lang::Fr,
                clausier_pack::DocumentLanguage::En => Lang::En,
            });
        if let Some(deadline) = self.deadline
            && !date_given
        {
            self.date = deadline;
        }
        let root_dir = sources
            .root_pack()
            .map_or_else(|| folder.to_path_buf(), |pack| pack.dir.clone());
        self.updatable = !root_dir.join(LOCK_FILE).exists();
        self.analysis = Analysis::from_workspace_reusing(sources, previous);
        let root = self.analysis.root_pack().to_owned();
        let ids: Vec<FileId> = self
            .analysis
            .files()
            .chain(self.analysis.other_files())
            .collect();
        for id in ids {
            let Some(path) = self.analysis.file_path(id).map(Path::to_path_buf) else {
                continue;
            };
            let Some(uri) = uri_of(&path, overlay) else {
                continue;
            };
            let text = self.analysis.file_text(id).unwrap_or("");
            let owned = if self.analysis.files().any(|file| file == id) {
                !self.analysis.is_dependency_file(id)
            } else {
                self.analysis.file_pack(id) == Some(root.as_str())
            };
            self.files.push(SnapshotFile {
                id,
                uri,
                index: LineIndex::new(text),
                owned,
                version: overlay.get(&path).and_then(|open| open.version),
                path: Some(path),
            });
        }
        let canonical_root = std::fs::canonicalize(&root_dir).unwrap_or_else(|_| root_dir.clone());
        for path in clausier_pack::descriptor_files(&root_dir, &manifest) {
            let path = std::fs::canonicalize(&path).unwrap_or(path);
            let Some(uri) = uri_of(&path, overlay) else {
                continue;
            };
            // Named from the pack's folder, `../offres/x.json` for a vendor's file
            // beside it: the editor shows the name, and a full path says less.
            let source = pathdiff::diff_paths(&path, &canonical_root)
                .unwrap_or_else(|| path.clone())
                .to_string_lossy()
                .replace('\\', "/");
            // Read as `clausier check` reads it, under the same size limit; a file that
            // cannot be read is an invalid descriptor that says why, not a silent skip.
            let (text, version, unread) = match overlay.get(&path) {
                Some(open) => (open.text.clone(), open.version, None),
                None => {
                    match files::read_descriptor_file(&path, &source, files::DEFAULT_MAX_SIZE) {
                        Ok(file) => (file.text, None, None),
                        Err(unread) => (String::new(), None, Some(unread)),
                    }
                }
            };
            self.descriptors.push(SnapshotDescriptor {
                uri,
                index: LineIndex::new(&text),
                version,
                input: DescriptorInput {
                    path,
                    source,
                    text,
                    unread,
                },
            });
        }
    }

    /// The pack cannot be read (a wrong `pack.toml`, a missing dependency): the error
    /// is reported on its file, and the clause files of the folder are analysed alone
    /// so that the editor keeps its hovers and completions.
    fn build_fallback(
        &mut self,
        folder: &Path,
        error: &PackError,
        overlay: &HashMap<PathBuf, OverlayText>,
    ) {
        let (diagnostic, sources) = error.to_diagnostic();
        let path = std::fs::canonicalize(error.path()).unwrap_or_else(|_| error.path().into());
        let at_fault = if path.is_file() {
            path
        } else {
            folder.join(MANIFEST_FILE)
        };
        let text = sources
            .get(FileId(0))
            .map(|source| source.text().to_owned())
            .filter(|text| !text.is_empty())
            .or_else(|| overlay.get(&at_fault).map(|open| open.text.clone()))
            .or_else(|| std::fs::read_to_string(&at_fault).ok())
            .unwrap_or_default();
        if let Some(uri) = uri_of(&at_fault, overlay) {
            self.failure = Some(LoadFailure {
                uri,
                index: LineIndex::new(&text),
                text,
                diagnostic,
            });
        }
        let mut paths: Vec<PathBuf> = std::fs::read_dir(folder)
            .map(|entries| {
                entries
                    .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                    .filter(|path| is_clause_file(path) && path.is_file())
                    .collect()
            })
            .unwrap_or_default();
        for path in overlay.keys() {
            if path.parent() == Some(folder) && is_clause_file(path) && !paths.contains(path) {
                paths.push(path.clone());
            }
        }
        paths.sort();
        let mut texts = Vec::new();
        for (n, path) in paths.into_iter().enumerate() {
            let (text, version) = match overlay.get(&path) {
                Some(open) => (open.text.clone(), open.version),
                None => match std::fs::read_to_string(&path) {
                    Ok(text) => (text, None),
                    Err(_) => continue,
                },
            };
            let Some(uri) = uri_of(&path, overlay) else {
                continue;
            };
            let id = FileId(u32::try_from(n).unwrap_or(u32::MAX));
            self.files.push(SnapshotFile {
                id,
                uri,
                index: LineIndex::new(&text),
                owned: true,
                version,
                path: Some(path),
            });
            texts.push((id, text));
        }
        let name = folder
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.analysis = Analysis::new(&name, texts);
    }

    pub fn file(&self, id: FileId) -> Option<&SnapshotFile> {
        self.files.iter().find(|file| file.id == id)
    }

    pub fn file_by_uri(&self, uri: &Uri) -> Option<&SnapshotFile> {
        let path = crate::documents::file_path(uri);
        self.files.iter().find(|file| match (&path, &file.path) {
            (Some(wanted), Some(held)) => wanted == held,
            _ => file.uri.as_str() == uri.as_str(),
        })
    }

    /// Every path the snapshot read: a change to any of them makes it stale.
    pub fn paths(&self) -> impl Iterator<Item = &Path> {
        self.files
            .iter()
            .filter_map(|file| file.path.as_deref())
            .chain(self.descriptors.iter().map(|d| d.input.path.as_path()))
    }

    /// The position converter of a file of the analysis.
    pub fn line_map(&self, id: FileId, encoding: Encoding) -> Option<LineMap<'_>> {
        let file = self.file(id)?;
        let text = self.analysis.file_text(id)?;
        Some(LineMap::new(text, &file.index, encoding))
    }

    /// The declared descriptors checked against the pack, computed once.
    pub fn lens(&self) -> &CheckLens {
        self.lens.get_or_init(|| {
            let inputs: Vec<DescriptorInput> =
                self.descriptors.iter().map(|d| d.input.clone()).collect();
            self.analysis.check_descriptors(&inputs, self.date)
        })
    }

    /// Converts a span of a file of the analysis to an LSP location.
    pub fn location(
        &self,
        id: FileId,
        span: Span,
        encoding: Encoding,
    ) -> Option<tower_lsp_server::ls_types::Location> {
        let file = self.file(id)?;
        let map = self.line_map(id, encoding)?;
        Some(tower_lsp_server::ls_types::Location {
            uri: file.uri.clone(),
            range: map.range(span),
        })
    }
}
