//! The IDE features of Clausier as plain data: byte offsets and spans into the files of
//! one pack, no LSP types and no JSON-RPC. The language server converts positions and
//! messages at its edge; tests drive these functions directly.
//!
//! An [`Analysis`] holds the text of every `.clause` file of a pack, parses each one and
//! checks them together. Every query takes a file and a byte offset and never panics:
//! an unknown file, an offset past the end or one inside a character gives an empty
//! answer or one found by comparing offsets, never an error.

mod completion;
mod folding;
mod hover;
mod navigation;
mod rename;
mod symbols;

use clausier_check::Checked;
use clausier_check::hir::{Symbol, SymbolRef};
use clausier_syntax::Parse;
use clausier_syntax::ast::SourceFileAst;

pub use clausier_diagnostics::{Diagnostic, FileId, Span};
pub use clausier_fmt::{FormatError, TextEdit};
pub use completion::{CompletionItem, CompletionKind};
pub use folding::{FoldKind, FoldingRange};
pub use hover::HoverResult;
pub use navigation::{NavigationTarget, Reference};
pub use rename::{RenameError, SourceChange};
pub use symbols::{DocumentSymbol, SymbolKind};

/// One file of the pack: its text and its parse.
#[derive(Debug, Clone)]
struct FileData {
    id: FileId,
    text: String,
    parse: Parse,
}

/// The files of one pack, parsed and checked together.
#[derive(Debug, Clone)]
pub struct Analysis {
    pack_name: String,
    files: Vec<FileData>,
    checked: Checked,
}

impl Analysis {
    /// Parses every file and checks them together as the pack `pack_name`. Files are
    /// checked in the order given (the caller sorts them by path).
    pub fn new(pack_name: &str, files: Vec<(FileId, String)>) -> Self {
        let files: Vec<FileData> = files
            .into_iter()
            .map(|(id, text)| {
                let parse = clausier_syntax::parse(id, &text);
                FileData { id, text, parse }
            })
            .collect();
        let checked = check(pack_name, &files);
        Self {
            pack_name: pack_name.to_owned(),
            files,
            checked,
        }
    }

    /// Sets the text of a file (adding it after the others if it is new), then parses it
    /// again and checks the pack again.
    pub fn set_file_text(&mut self, file: FileId, text: String) {
        let parse = clausier_syntax::parse(file, &text);
        let data = FileData {
            id: file,
            text,
            parse,
        };
        match self.files.iter_mut().find(|f| f.id == file) {
            Some(slot) => *slot = data,
            None => self.files.push(data),
        }
        self.checked = check(&self.pack_name, &self.files);
    }

    /// Removes a file from the pack and checks the others again.
    pub fn remove_file(&mut self, file: FileId) {
        self.files.retain(|f| f.id != file);
        self.checked = check(&self.pack_name, &self.files);
    }

    /// The files of the pack, in checking order.
    pub fn files(&self) -> impl Iterator<Item = FileId> + '_ {
        self.files.iter().map(|f| f.id)
    }

    /// The checked pack and the checker's diagnostics.
    pub fn checked(&self) -> &Checked {
        &self.checked
    }

    /// The text of a file, if the analysis holds it.
    pub fn file_text(&self, file: FileId) -> Option<&str> {
        self.file(file).map(|data| data.text.as_str())
    }

    /// The syntax errors of a file and the checker's diagnostics whose primary label is
    /// in it, in the order of their position.
    pub fn diagnostics(&self, file: FileId) -> Vec<Diagnostic> {
        let Some(data) = self.file(file) else {
            return Vec::new();
        };
        let mut out: Vec<Diagnostic> = data.parse.diagnostics.clone();
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
        let Some(text) = self.file_text(file) else {
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
        let Some(text) = self.file_text(file) else {
            return Ok(Vec::new());
        };
        clausier_fmt::format_range(text, range)
    }

    fn file(&self, file: FileId) -> Option<&FileData> {
        self.files.iter().find(|data| data.id == file)
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

fn check(pack_name: &str, files: &[FileData]) -> Checked {
    let asts: Vec<(FileId, &SourceFileAst)> = files
        .iter()
        .map(|file| (file.id, &file.parse.ast))
        .collect();
    clausier_check::check_pack(pack_name, &asts)
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
