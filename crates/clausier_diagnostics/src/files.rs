use std::sync::Arc;

use crate::{LineCol, LineIndex, Span};

/// Identifies one source text in a [`SourceMap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FileId(pub u32);

/// A named text with its line index, shared cheaply between compiler, reports and IDE.
#[derive(Debug, Clone)]
pub struct SourceFile {
    name: Arc<str>,
    text: Arc<str>,
    index: Arc<LineIndex>,
    /// The number of the text's first line in its file: 1 unless the text is an excerpt.
    first_line: u32,
}

impl SourceFile {
    pub fn new(name: impl Into<Arc<str>>, text: impl Into<Arc<str>>) -> Self {
        let text = text.into();
        let index = Arc::new(LineIndex::new(&text));
        Self {
            name: name.into(),
            text,
            index,
            first_line: 1,
        }
    }

    /// The text as an excerpt of a larger file, starting on line `first_line` (1-based):
    /// one record of an NDJSON or CSV file is shown with the line numbers of the file
    /// without keeping the whole file.
    pub fn starting_at_line(mut self, first_line: u32) -> Self {
        self.first_line = first_line.max(1);
        self
    }

    /// The number of the text's first line in its file, 1-based.
    pub fn first_line(&self) -> u32 {
        self.first_line
    }

    /// The name shown to people: a path relative to where the command ran, or a URI.
    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn line_index(&self) -> &LineIndex {
        &self.index
    }

    /// The line (counted in the whole file, for an excerpt) and column of `offset`.
    pub fn line_col(&self, offset: u32) -> LineCol {
        let at = self.index.line_col(&self.text, offset);
        LineCol {
            line: at.line.saturating_add(self.first_line - 1),
            column: at.column,
        }
    }

    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }
}

/// Every source text a run has seen: clause files, descriptors, manifests.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, file: SourceFile) -> FileId {
        let id = FileId(u32::try_from(self.files.len()).unwrap_or(u32::MAX));
        self.files.push(file);
        id
    }

    pub fn get(&self, id: FileId) -> Option<&SourceFile> {
        self.files.get(id.0 as usize)
    }

    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, file)| (FileId(u32::try_from(i).unwrap_or(u32::MAX)), file))
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}
