//! The IDE features of Clausier as plain data: byte offsets and spans into the files of
//! a pack and of the packs it depends on, no LSP types and no JSON-RPC. The language server converts positions and
//! messages at its edge; tests drive these functions directly.
//!
//! An [`Analysis`] holds the text of every `.clause` file of a pack and of the packs it
//! depends on ([`Analysis::from_workspace`]), parses each one and checks them together,
//! as `clausier check` does. Every query takes a file and a byte offset and never panics:
//! an unknown file, an offset past the end or one inside a character gives an empty
//! answer or one found by comparing offsets, never an error.
//!
//! The check lens ([`Analysis::check_descriptors`]) runs the pack on the descriptors
//! declared for it, through the evaluator `clausier check` uses, and
//! [`Analysis::descriptor_diagnostics`] locates the problems inside a descriptor file.

mod cahier;
mod code_actions;
mod completion;
mod expr_types;
mod field_insertion;
mod folding;
mod hover;
mod inlay_hints;
mod keyword_hover;
mod lens;
mod links;
mod navigation;
mod rename;
mod selection;
mod semantic_tokens;
mod symbols;
mod tree;
mod workspace;
mod workspace_symbols;

use std::sync::Arc;

use clausier_check::Checked;
use clausier_check::hir::{Symbol, SymbolRef};
use clausier_syntax::Parse;

pub use cahier::{CAHIER_ERRORS_SHOWN, Cahier, CahierErrors};
pub use clausier_diagnostics::{Code, Diagnostic, FileId, Lang, Span};
pub use clausier_fmt::{FormatError, TextEdit};
pub use code_actions::{CodeAction, CodeActionKind};
pub use completion::{CompletionItem, CompletionKind};
pub use folding::{FoldKind, FoldingRange};
pub use hover::HoverResult;
pub use inlay_hints::InlayHint;
pub use lens::{
    CheckLens, DescriptorInput, Explanation, LensCounts, LensDescriptor, LensFailure, LensMissing,
    RequirementLens, date_in_words,
};
pub use links::{DocumentLink, LinkTarget};
pub use navigation::{NavigationTarget, Reference};
pub use rename::{RenameError, SourceChange};
pub use semantic_tokens::{
    SEMANTIC_TOKEN_KINDS, SEMANTIC_TOKEN_MODIFIERS, SemanticToken, SemanticTokenKind,
    SemanticTokenModifiers,
};
pub use symbols::{DocumentSymbol, SymbolKind};
pub use workspace_symbols::{WORKSPACE_SYMBOLS_MAX, WorkspaceSymbol};

/// One clause file of the graph: its text and its parse.
#[derive(Debug, Clone)]
struct FileData {
    id: FileId,
    text: String,
    parse: Parse,
    /// The index of its pack in the graph.
    pack: usize,
    /// Where it is on disk, canonical; `None` for a file given by [`Analysis::new`].
    path: Option<std::path::PathBuf>,
    /// Relative to its pack's folder, `/`-separated (how its pack's test files name it);
    /// empty for a file given without a path.
    relative: String,
    /// How messages show it.
    name: String,
}

/// The files of a pack and of the packs it depends on, parsed and checked together.
///
/// Cloning is cheap: the files and the checked graph are shared, so an editor keeps one
/// analysis per change and updates a clone of it, parsing only the files that changed.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The root pack's name.
    pack_name: String,
    /// Clause files, pack by pack, each pack's in checking order.
    files: Vec<Arc<FileData>>,
    graph: workspace::Graph,
    checked: Arc<Checked>,
}

impl Analysis {
    /// Parses every file and checks them together as the pack `pack_name`. Files are
    /// checked in the order given (the caller sorts them by path).
    pub fn new(pack_name: &str, files: Vec<(FileId, String)>) -> Self {
        let files: Vec<Arc<FileData>> = files
            .into_iter()
            .map(|(id, text)| {
                let parse = clausier_syntax::parse(id, &text);
                Arc::new(FileData {
                    id,
                    text,
                    parse,
                    pack: 0,
                    path: None,
                    relative: String::new(),
                    name: String::new(),
                })
            })
            .collect();
        let graph = workspace::Graph::single(pack_name);
        let checked = Arc::new(workspace::check_graph(&graph, &files));
        Self {
            pack_name: pack_name.to_owned(),
            files,
            graph,
            checked,
        }
    }

    /// Sets the text of a file, then parses it again and checks the whole graph again.
    /// A clause file of any pack of the graph can be edited, and a manifest (its
    /// `[params]` are read again); an unknown file is added to the root pack, after its
    /// other files.
    pub fn set_file_text(&mut self, file: FileId, text: String) {
        self.set_file_texts(vec![(file, text)]);
    }

    /// Sets the texts of several files as [`Analysis::set_file_text`] does, then checks
    /// the graph once. Only the files given are parsed again.
    pub fn set_file_texts(&mut self, changes: Vec<(FileId, String)>) {
        for (file, text) in changes {
            if self.graph.other(file).is_some() {
                self.set_other_text(file, text);
                continue;
            }
            let parse = clausier_syntax::parse(file, &text);
            match self.files.iter_mut().find(|f| f.id == file) {
                Some(slot) => {
                    let old = slot.as_ref();
                    let data = FileData {
                        id: file,
                        text,
                        parse,
                        pack: old.pack,
                        path: old.path.clone(),
                        relative: old.relative.clone(),
                        name: old.name.clone(),
                    };
                    self.graph.follow_fixtures(&data);
                    *slot = Arc::new(data);
                }
                None => self.files.push(Arc::new(FileData {
                    id: file,
                    text,
                    parse,
                    pack: self.graph.root_index(),
                    path: None,
                    relative: String::new(),
                    name: String::new(),
                })),
            }
        }
        self.recheck();
    }

    /// Removes a clause file from its pack and checks the others again.
    pub fn remove_file(&mut self, file: FileId) {
        if let Some(data) = self.file(file) {
            let (pack, relative) = (data.pack, data.relative.clone());
            self.graph.forget_fixtures(pack, &relative);
        }
        self.files.retain(|f| f.id != file);
        self.recheck();
    }

    /// The clause files of the graph, in checking order (the dependencies' first).
    pub fn files(&self) -> impl Iterator<Item = FileId> + '_ {
        self.files.iter().map(|f| f.id)
    }

    /// The checked pack and the checker's diagnostics.
    pub fn checked(&self) -> &Checked {
        &self.checked
    }

    /// The text of a file, if the analysis holds it: a clause file, or one of
    /// [`Analysis::other_files`].
    pub fn file_text(&self, file: FileId) -> Option<&str> {
        match self.file(file) {
            Some(data) => Some(data.text.as_str()),
            None => self.graph.other(file).map(|other| other.text.as_str()),
        }
    }

    /// The syntax errors of a file and the checker's diagnostics whose primary label is
    /// in it, in the order of their position. For a manifest: its errors, its values'
    /// syntax errors and what the checker says of its `[params]`; for a stale lock, the
    /// mismatch.
    pub fn diagnostics(&self, file: FileId) -> Vec<Diagnostic> {
        let own = match (self.file(file), self.graph.other(file)) {
            (Some(data), _) => &data.parse.diagnostics,
            (None, Some(other)) => &other.diagnostics,
            (None, None) => return Vec::new(),
        };
        let mut out: Vec<Diagnostic> = own.clone();
        out.extend(
            self.checked
                .diagnostics
                .iter()
                .filter(|d| d.primary_label().is_some_and(|label| label.file == file))
                .cloned(),
        );
        out.sort_by_key(Diagnostic::sort_key);
        out
    }

    /// Formats a whole file: one edit replacing its text, or none when it is already
    /// formatted. A file with syntax errors is refused.
    pub fn format(&self, file: FileId) -> Result<Vec<TextEdit>, FormatError> {
        let Some(text) = self.file(file).map(|data| data.text.as_str()) else {
            return Ok(Vec::new());
        };
        let formatted = clausier_fmt::format(text)?;
        if formatted == text {
            return Ok(Vec::new());
        }
        Ok(vec![TextEdit {
            range: Span::from_range(0..text.len()),
            new_text: formatted,
        }])
    }

    /// Formats the items of a file that overlap `range`.
    pub fn format_range(&self, file: FileId, range: Span) -> Result<Vec<TextEdit>, FormatError> {
        let Some(text) = self.file(file).map(|data| data.text.as_str()) else {
            return Ok(Vec::new());
        };
        clausier_fmt::format_range(text, range)
    }

    fn file(&self, file: FileId) -> Option<&FileData> {
        self.files
            .iter()
            .find(|data| data.id == file)
            .map(Arc::as_ref)
    }

    /// The name occurrence under the cursor: one whose span holds the offset, or else
    /// one that ends right at it (the cursor just after a name); in a test's inline
    /// descriptor, the field a key names or the variant a string names.
    fn symbol_at(&self, file: FileId, offset: u32) -> Option<Occurrence> {
        let in_file = self.checked.pack.symbols.iter().filter(|s| s.file == file);
        let mut best: Option<&SymbolRef> = None;
        for symbol in in_file {
            if !symbol.span.touches(offset) {
                continue;
            }
            let better = match best {
                None => true,
                Some(current) => {
                    let (c, n) = (current.span.contains(offset), symbol.span.contains(offset));
                    (n && !c) || (n == c && symbol.span.len() < current.span.len())
                }
            };
            if better {
                best = Some(symbol);
            }
        }
        match best {
            Some(found) => Some(Occurrence {
                symbol: found.symbol.clone(),
                span: found.span,
            }),
            None => self.test_data_symbol_at(file, offset),
        }
    }

    /// Every occurrence of a symbol, definitions included, in file and offset order.
    fn occurrences<'a>(&'a self, symbol: &'a Symbol) -> impl Iterator<Item = &'a SymbolRef> {
        self.checked
            .pack
            .symbols
            .iter()
            .filter(move |s| &s.symbol == symbol)
    }
}

/// A name under the cursor and what it stands for.
#[derive(Debug, Clone)]
struct Occurrence {
    symbol: Symbol,
    span: Span,
}

/// The text of `span` in `text`, or `""` when it is out of range.
fn slice(text: &str, span: Span) -> &str {
    text.get(span.range()).unwrap_or("")
}

#[cfg(test)]
mod tests;
