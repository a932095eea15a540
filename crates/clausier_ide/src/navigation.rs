//! Go to definition and find references.

use crate::{Analysis, FileId, Span};

/// Where a declaration is: its name's span in its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NavigationTarget {
    pub file: FileId,
    pub span: Span,
    pub name: String,
}

/// One occurrence of a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reference {
    pub file: FileId,
    pub span: Span,
    /// True at the declaration itself.
    pub is_definition: bool,
}

impl Analysis {
    /// The declarations of the name under the cursor (several for a field declared in
    /// several `descriptor` blocks of the same shape).
    pub fn goto_definition(&self, file: FileId, offset: u32) -> Vec<NavigationTarget> {
        let Some(occurrence) = self.symbol_at(file, offset) else {
            return Vec::new();
        };
        self.occurrences(&occurrence.symbol)
            .filter(|s| s.is_definition)
            .map(|s| NavigationTarget {
                file: s.file,
                span: s.span,
                name: self
                    .file_text(s.file)
                    .map(|text| crate::slice(text, s.span).to_owned())
                    .unwrap_or_default(),
            })
            .collect()
    }

    /// Every occurrence of the name under the cursor, in file and offset order, with or
    /// without its declarations; the keys and values of tests' inline descriptors that
    /// name a field or a variant count too. `None` when the cursor is not on a name.
    pub fn references(
        &self,
        file: FileId,
        offset: u32,
        include_declaration: bool,
    ) -> Option<Vec<Reference>> {
        let occurrence = self.symbol_at(file, offset)?;
        let mut out: Vec<Reference> = self
            .occurrences(&occurrence.symbol)
            .filter(|s| include_declaration || !s.is_definition)
            .map(|s| Reference {
                file: s.file,
                span: s.span,
                is_definition: s.is_definition,
            })
            .collect();
        out.extend(
            self.test_data_occurrences(&occurrence.symbol)
                .into_iter()
                .map(|(file, span, _)| Reference {
                    file,
                    span,
                    is_definition: false,
                }),
        );
        out.sort_by_key(|r| (r.file, r.span.start, r.span.end));
        out.dedup_by_key(|r| (r.file, r.span));
        Some(out)
    }
}
