//! The tender of the root pack (the cahier des charges), as `clausier render` writes it,
//! from the texts the analysis holds: an editor previews what it would publish as the
//! drafter types.
//!
//! The document is written by `clausier_report`'s renderers, the command's; only what
//! the command reads from a loaded pack (the title page, the packs the clauses come
//! from, their content hashes) is read here from the analysis.

use std::path::{Component, Path};

use clausier_check::hir::CheckedPack;
use clausier_diagnostics::{Diagnostic, LineIndex};
use clausier_i18n::Lang;
use clausier_pack::{HashedFile, MANIFEST_FILE, Manifest, pack_hash};
use clausier_report::pack::{CahierInput, PackProvenance, TitlePage, render_html, render_markdown};

use crate::Analysis;
use crate::workspace::OtherKind;

/// How many of a pack's errors a preview that cannot be written names.
pub const CAHIER_ERRORS_SHOWN: usize = 5;

/// The tender, written twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cahier {
    /// The title of its title page (`[document] title`), else the pack's name.
    pub title: String,
    /// The self-contained page of `clausier render --format html`.
    pub html: String,
    /// The text of `clausier render --format md`.
    pub markdown: String,
}

/// Why the tender cannot be written: the pack's errors, each in a sentence with where
/// it is (`hebergement.clause:12: …`), the first [`CAHIER_ERRORS_SHOWN`] of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CahierErrors {
    pub title: String,
    pub errors: Vec<String>,
}

impl Analysis {
    /// The root pack's tender in `lang`, as `clausier render` writes it: a working draft
    /// (`render --draft`) while a clause has no legal text yet, since the command refuses
    /// to publish it otherwise. Refused, with the errors in words, while the pack has
    /// errors, as the command refuses it.
    pub fn cahier(&self, lang: Lang) -> Result<Cahier, CahierErrors> {
        let manifest = self.root_manifest();
        let document = manifest.and_then(|manifest| manifest.document.as_ref());
        let title = document
            .and_then(|document| document.title.clone())
            .unwrap_or_else(|| self.pack_name.clone());
        let errors = self.error_sentences(lang);
        if !errors.is_empty() {
            return Err(CahierErrors { title, errors });
        }
        let pack = &self.checked.pack;
        let title_page = document.map_or_else(TitlePage::default, |document| TitlePage {
            title: document.title.clone(),
            buyer: document.buyer.clone(),
            object: document.object.clone(),
            procedure: document.procedure.clone(),
            lots: document.lots.iter().map(|lot| lot.title.clone()).collect(),
            deadline: document.deadline,
        });
        let provenance = self.provenance();
        let input = CahierInput {
            pack,
            title_page: &title_page,
            provenance: &provenance,
            draft: has_missing_text(pack),
        };
        Ok(Cahier {
            title,
            html: render_html(&input, lang),
            markdown: render_markdown(&input, lang),
        })
    }

    /// The root's manifest as its text now reads, else as the graph was read with.
    pub(crate) fn root_manifest(&self) -> Option<&Manifest> {
        let root = self.graph.root_index();
        self.graph
            .others
            .iter()
            .find_map(|other| match &other.kind {
                OtherKind::Manifest {
                    pack,
                    current,
                    resolved,
                } if *pack == root => Some(current.as_deref().unwrap_or(resolved)),
                _ => None,
            })
    }

    /// The errors of every file, parse and check, located, in file order.
    fn error_sentences(&self, lang: Lang) -> Vec<String> {
        let ids: Vec<_> = self.files().chain(self.other_files()).collect();
        let mut errors: Vec<String> = Vec::new();
        for id in ids {
            let text = self.file_text(id).unwrap_or("");
            let index = LineIndex::new(text);
            for diagnostic in self.diagnostics(id).iter().filter(|d| d.is_error()) {
                errors.push(located_sentence(
                    diagnostic,
                    &self.shown_name(id),
                    &index,
                    lang,
                ));
            }
        }
        // Errors with no place in a file (a graph that cannot be checked at all).
        errors.extend(
            self.checked
                .diagnostics
                .iter()
                .filter(|d| d.is_error() && d.primary_label().is_none())
                .map(|d| d.message.text(lang)),
        );
        errors.truncate(CAHIER_ERRORS_SHOWN);
        errors
    }

    /// A file as the drafter finds it: its path from the root pack's folder
    /// (`../edtech-fr/hebergement.clause` for a dependency's), else as messages name it.
    fn shown_name(&self, file: clausier_diagnostics::FileId) -> String {
        let root = self
            .graph
            .packs
            .get(self.graph.root_index())
            .and_then(|pack| pack.dir.as_deref());
        let relative = self
            .file_path(file)
            .zip(root)
            .and_then(|(path, root)| relative_path(path, root));
        relative.unwrap_or_else(|| self.file_name(file).to_owned())
    }

    /// The root pack, then the packs it depends on, as `clausier render`'s annex names
    /// them: the content hash of each from the texts the analysis holds.
    fn provenance(&self) -> Vec<PackProvenance> {
        let packs = &self.graph.packs;
        let provenance = |index: usize| {
            let node = packs.get(index)?;
            let mut hashed: Vec<HashedFile<'_>> = self
                .files
                .iter()
                .filter(|file| file.pack == index)
                .map(|file| HashedFile {
                    relative: &file.relative,
                    text: &file.text,
                })
                .collect();
            if let Some(manifest) = self.graph.others.iter().find(
                |other| matches!(other.kind, OtherKind::Manifest { pack, .. } if pack == index),
            ) {
                hashed.push(HashedFile {
                    relative: MANIFEST_FILE,
                    text: &manifest.text,
                });
            }
            Some(PackProvenance {
                name: node.name.clone(),
                version: node.version.clone(),
                hash: pack_hash(&hashed),
                dependencies: node
                    .dependencies
                    .iter()
                    .map(|(name, _)| name.clone())
                    .collect(),
            })
        };
        let root = self.graph.root_index();
        let dependencies = (0..packs.len()).filter(|index| *index != root);
        std::iter::once(root)
            .chain(dependencies)
            .filter_map(provenance)
            .collect()
    }
}

/// `hebergement.clause:12: expected 'must' or 'should', found 'shoud'`.
fn located_sentence(diagnostic: &Diagnostic, file: &str, index: &LineIndex, lang: Lang) -> String {
    let message = diagnostic.message.text(lang);
    match diagnostic.primary_label() {
        Some(label) => {
            let line = index.line_of(label.span.start).saturating_add(1);
            format!("{file}:{line}: {message}")
        }
        None => format!("{file}: {message}"),
    }
}

/// A clause without a legal text: `clausier render` publishes the pack only as a draft.
fn has_missing_text(pack: &CheckedPack) -> bool {
    pack.requirements
        .iter()
        .map(|requirement| &requirement.meta)
        .chain(pack.criteria.iter().map(|criterion| &criterion.meta))
        .any(|meta| meta.text.is_none())
}

/// `path` from the folder `root`, `/`-separated, going up with `..` where it must.
fn relative_path(path: &Path, root: &Path) -> Option<String> {
    let path: Vec<Component<'_>> = path.components().collect();
    let root: Vec<Component<'_>> = root.components().collect();
    let common = path.iter().zip(&root).take_while(|(a, b)| a == b).count();
    if common == 0 {
        return None;
    }
    let ups = root.len().saturating_sub(common);
    let mut parts: Vec<String> = vec!["..".to_owned(); ups];
    parts.extend(
        path.get(common..)?
            .iter()
            .map(|part| part.as_os_str().to_string_lossy().into_owned()),
    );
    Some(parts.join("/"))
}
