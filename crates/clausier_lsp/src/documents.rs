//! The documents the client has open: their text and version, which take precedence over
//! the disk for every analysis.

use std::collections::HashMap;
use std::path::PathBuf;

use tower_lsp_server::ls_types::Uri;

/// An open document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub uri: Uri,
    pub version: i32,
    pub text: String,
    /// Where it is on disk, for a `file:` URI.
    pub path: Option<PathBuf>,
}

/// What became of a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applied {
    Yes,
    /// The version is not newer than the one held: the change was overtaken (or
    /// repeated) and is dropped.
    Stale,
    /// The document is not open.
    Unknown,
}

#[derive(Debug, Default)]
pub struct Documents {
    by_uri: HashMap<String, Document>,
}

impl Documents {
    pub fn open(&mut self, uri: Uri, version: i32, text: String) {
        let path = file_path(&uri);
        self.by_uri.insert(
            uri.as_str().to_owned(),
            Document {
                uri,
                version,
                text,
                path,
            },
        );
    }

    /// Replaces the text of a document with the full text of a newer version.
    pub fn change(&mut self, uri: &Uri, version: i32, text: String) -> Applied {
        match self.by_uri.get_mut(uri.as_str()) {
            None => Applied::Unknown,
            Some(document) if version <= document.version => Applied::Stale,
            Some(document) => {
                document.version = version;
                document.text = text;
                Applied::Yes
            }
        }
    }

    pub fn close(&mut self, uri: &Uri) -> Option<Document> {
        self.by_uri.remove(uri.as_str())
    }

    pub fn get(&self, uri: &Uri) -> Option<&Document> {
        self.by_uri.get(uri.as_str())
    }

    pub fn iter(&self) -> impl Iterator<Item = &Document> {
        self.by_uri.values()
    }
}

/// The path of a `file:` URI, made canonical when it exists so that the client's
/// spelling and the one found by walking folders agree.
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    if !uri.scheme().as_str().eq_ignore_ascii_case("file") {
        return None;
    }
    let path = uri.to_file_path()?.into_owned();
    Some(std::fs::canonicalize(&path).unwrap_or(path))
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn uri(text: &str) -> Uri {
        Uri::from_str(text).unwrap()
    }

    #[test]
    fn versions_only_move_forward() {
        let a = uri("untitled:a.clause");
        let mut documents = Documents::default();
        documents.open(a.clone(), 3, "v3".into());
        // (version sent, outcome, text held afterwards)
        let steps = [
            (2, Applied::Stale, "v3"),
            (3, Applied::Stale, "v3"),
            (5, Applied::Yes, "v5"),
            (4, Applied::Stale, "v5"),
            (6, Applied::Yes, "v6"),
        ];
        for (version, outcome, held) in steps {
            let text = format!("v{version}");
            assert_eq!(documents.change(&a, version, text), outcome, "v{version}");
            assert_eq!(documents.get(&a).map(|d| d.text.as_str()), Some(held));
        }
        let b = uri("untitled:b.clause");
        assert_eq!(documents.change(&b, 9, String::new()), Applied::Unknown);
    }

    #[test]
    fn only_file_uris_have_paths() {
        assert_eq!(file_path(&uri("untitled:Untitled-1")), None);
        assert_eq!(
            file_path(&uri("file:///nowhere/at/all/h%C3%A9bergement.clause")),
            Some(PathBuf::from("/nowhere/at/all/hébergement.clause"))
        );
    }
}
