//! Descriptor problems as `Diagnostic`s, with the vendor's text they point into, so that
//! the terminal shows them with a snippet of the vendor's file as it shows clause errors.
//!
//! Only the text of a descriptor that has problems is kept: the whole file for a format
//! of one descriptor a file, the lines of its record for NDJSON and CSV. A run over many
//! valid descriptors keeps nothing.

use std::collections::HashMap;

use clausier_diagnostics::{Diagnostic, SourceFile, SourceMap};

use crate::descriptor::Descriptor;

/// The problems of a run's descriptors as diagnostics, and the texts their labels point
/// into. Every descriptor of the run is pushed, in the run's order, so that a report's
/// entry finds its diagnostics by its index.
#[derive(Debug, Clone, Default)]
pub struct DataDiagnostics {
    sources: SourceMap,
    /// By the descriptor's index in the run (the report's order), for those with problems.
    by_descriptor: HashMap<usize, Vec<Diagnostic>>,
    /// How many descriptors were pushed.
    len: usize,
}

impl DataDiagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    /// Pushes the descriptors `load_text` read from `file_text`.
    pub fn push_file(&mut self, descriptors: &[Descriptor], file_text: &str) {
        for descriptor in descriptors {
            match descriptor.line {
                None => self.add_text(descriptor, file_text, 0, 1),
                Some(_) => match record_lines(descriptor, file_text) {
                    Some((start, first_line)) => {
                        let end = lines_end(descriptor, file_text);
                        let text = file_text.get(start..end).unwrap_or_default();
                        self.add_text(descriptor, text, start, first_line);
                    }
                    None => self.push_unread(descriptor),
                },
            }
        }
    }

    /// Pushes one descriptor whose text is `text`: the part of its file that starts at
    /// byte `start`, on line `first_line` (1-based), as an NDJSON line.
    pub fn push_record(
        &mut self,
        descriptor: &Descriptor,
        text: &str,
        start: usize,
        first_line: u32,
    ) {
        self.add_text(descriptor, text, start, first_line);
    }

    /// Pushes a descriptor whose text is not at hand (a file that could not be read, a line
    /// that is not UTF-8): its problems have no snippet.
    pub fn push_unread(&mut self, descriptor: &Descriptor) {
        if !descriptor.problems.is_empty() {
            let diagnostics = descriptor
                .problems
                .iter()
                .map(|problem| problem.to_diagnostic(None))
                .collect();
            self.by_descriptor.insert(self.len, diagnostics);
        }
        self.len += 1;
    }

    fn add_text(&mut self, descriptor: &Descriptor, text: &str, start: usize, first_line: u32) {
        if descriptor.problems.is_empty() {
            self.len += 1;
            return;
        }
        let file = self
            .sources
            .add(SourceFile::new(descriptor.source.as_str(), text).starting_at_line(first_line));
        let start = u32::try_from(start).unwrap_or(u32::MAX);
        let diagnostics = descriptor
            .problems
            .iter()
            .map(|problem| problem.to_diagnostic(Some((file, start))))
            .collect();
        self.by_descriptor.insert(self.len, diagnostics);
        self.len += 1;
    }

    /// The diagnostics of the run's descriptor at `index`; empty when it has no problems.
    pub fn of(&self, index: usize) -> &[Diagnostic] {
        self.by_descriptor.get(&index).map_or(&[], Vec::as_slice)
    }

    /// The texts the diagnostics' labels point into.
    pub fn sources(&self) -> &SourceMap {
        &self.sources
    }

    /// How many descriptors were pushed.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// Where the lines holding a record's problems start in its file, and the number of the
/// first; `None` when no problem has a place.
fn record_lines(descriptor: &Descriptor, file_text: &str) -> Option<(usize, u32)> {
    let first = descriptor
        .problems
        .iter()
        .filter_map(|problem| problem.loc)
        .min_by_key(|loc| loc.span.start)?;
    let offset = (first.span.start as usize).min(file_text.len());
    // Searched as bytes: a line break is always a character boundary.
    let start = file_text
        .as_bytes()
        .get(..offset)
        .and_then(|before| before.iter().rposition(|&byte| byte == b'\n'))
        .map_or(0, |newline| newline + 1);
    Some((start, first.line))
}

/// Where the line holding the last of a record's problems ends, its line break excluded.
fn lines_end(descriptor: &Descriptor, file_text: &str) -> usize {
    let last = descriptor
        .problems
        .iter()
        .filter_map(|problem| problem.loc)
        .map(|loc| loc.span.end as usize)
        .max()
        .unwrap_or(0)
        .min(file_text.len());
    file_text
        .as_bytes()
        .get(last..)
        .and_then(|after| after.iter().position(|&byte| byte == b'\n'))
        .map_or(file_text.len(), |newline| last + newline)
}
