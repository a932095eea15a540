//! Lets codespan-reporting read our sources: a view of a [`SourceMap`] as its `Files`.

use std::ops::Range;

use clausier_diagnostics::{FileId, SourceFile, SourceMap};
use codespan_reporting::files::{Error, Files};

pub(crate) struct SourceFiles<'a> {
    sources: &'a SourceMap,
}

impl<'a> SourceFiles<'a> {
    pub fn new(sources: &'a SourceMap) -> Self {
        Self { sources }
    }

    fn file(&self, id: FileId) -> Result<&'a SourceFile, Error> {
        self.sources.get(id).ok_or(Error::FileMissing)
    }
}

impl<'a> Files<'a> for SourceFiles<'a> {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, Error> {
        Ok(self.file(id)?.name())
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, Error> {
        Ok(self.file(id)?.text())
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, Error> {
        let file = self.file(id)?;
        let offset = u32::try_from(byte_index).map_err(|_| Error::IndexTooLarge {
            given: byte_index,
            max: file.text().len(),
        })?;
        Ok(file.line_index().line_of(offset))
    }

    /// The number people read: counted in the whole file when the text is an excerpt.
    fn line_number(&'a self, id: FileId, line_index: usize) -> Result<usize, Error> {
        Ok(line_index + self.file(id)?.first_line() as usize)
    }

    /// The line with its line break, as codespan-reporting's own file types give it.
    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, Error> {
        let file = self.file(id)?;
        let index = file.line_index();
        let start = index.line_start(line_index).ok_or(Error::LineTooLarge {
            given: line_index,
            max: index.line_count().saturating_sub(1),
        })?;
        let end = index
            .line_start(line_index + 1)
            .map_or(file.text().len(), |next| next as usize);
        Ok(start as usize..end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_found_by_byte_offset() {
        let mut sources = SourceMap::new();
        let id = sources.add(SourceFile::new("a.clause", "ab\ncdé\nf"));
        let files = SourceFiles::new(&sources);
        assert_eq!(files.line_index(id, 4).unwrap(), 1);
        assert_eq!(files.line_range(id, 1).unwrap(), 3..8);
        assert_eq!(files.line_range(id, 2).unwrap(), 8..9);
        assert!(files.line_range(id, 3).is_err());
        assert!(files.name(FileId(7)).is_err());
    }

    #[test]
    fn an_excerpt_is_numbered_as_in_its_file() {
        let mut sources = SourceMap::new();
        let id = sources.add(SourceFile::new("a.ndjson", "{}\n{\"x\": 1}").starting_at_line(41));
        let files = SourceFiles::new(&sources);
        assert_eq!(files.line_number(id, 0).unwrap(), 41);
        assert_eq!(files.line_number(id, 1).unwrap(), 42);
        assert_eq!(sources.get(id).unwrap().line_col(4).line, 42);
    }
}
