//! Links in a clause file: the descriptor file a test names (`given "…"`), and the web
//! addresses written in strings and comments (a reference's page, a declaration's URL),
//! so that the editor opens them on a click.

use std::path::PathBuf;

use clausier_diagnostics::{FileId, Span};
use clausier_syntax::ast::{Given, ItemKind};
use clausier_syntax::lexicon::{TokenKind, tokenize};

use crate::Analysis;

/// Where a link leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// A file on disk, by its full path.
    File(PathBuf),
    /// A web address, as written.
    Url(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentLink {
    /// What the editor underlines: the path inside its quotes, or the address.
    pub span: Span,
    pub target: LinkTarget,
}

impl Analysis {
    /// The links of a clause file, in text order. A test's file is a link only when the
    /// pack read it: a file that does not exist, or leads out of the workspace, has a
    /// diagnostic instead.
    pub fn document_links(&self, file: FileId) -> Vec<DocumentLink> {
        let Some(data) = self.file(file) else {
            return Vec::new();
        };
        let mut links = self.test_file_links(file);
        for token in tokenize(&data.text) {
            if matches!(
                token.kind,
                TokenKind::String | TokenKind::Comment | TokenKind::DocComment
            ) {
                let start = token.span.start as usize;
                let Some(text) = data.text.get(token.span.range()) else {
                    continue;
                };
                links.extend(
                    web_addresses(text)
                        .into_iter()
                        .map(|(range, url)| DocumentLink {
                            span: Span::from_range(start + range.start..start + range.end),
                            target: LinkTarget::Url(url.to_owned()),
                        }),
                );
            }
        }
        links.sort_by_key(|link| (link.span.start, link.span.end));
        links
    }

    fn test_file_links(&self, file: FileId) -> Vec<DocumentLink> {
        let Some(data) = self.file(file) else {
            return Vec::new();
        };
        let (Some(path), Some(pack)) = (&data.path, self.graph.packs.get(data.pack)) else {
            return Vec::new();
        };
        let Some(folder) = path.parent() else {
            return Vec::new();
        };
        let read = |given: &str| {
            pack.fixtures.iter().any(|fixture| {
                fixture.clause_file == data.relative
                    && fixture.given == given
                    && fixture.text.is_ok()
            })
        };
        data.parse
            .ast
            .items
            .iter()
            .filter_map(|item| match &item.kind {
                ItemKind::Test(test) => match &test.given {
                    Some(Given::File(literal)) if read(&literal.value) => Some(DocumentLink {
                        span: inside_quotes(literal.span),
                        target: LinkTarget::File(folder.join(&literal.value)),
                    }),
                    _ => None,
                },
                _ => None,
            })
            .collect()
    }
}

/// A string literal's span without its quotes.
fn inside_quotes(span: Span) -> Span {
    if span.len() >= 2 {
        Span::new(span.start + 1, span.end - 1)
    } else {
        span
    }
}

/// The `http://` and `https://` addresses of a text, with their byte ranges. An address
/// ends at a space, a quote or a guillemet; a final `.`, `,`, `;`, `:` or an unmatched
/// `)` belongs to the sentence, not the address.
fn web_addresses(text: &str) -> Vec<(std::ops::Range<usize>, &str)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = next_scheme(&text[from..]).map(|at| from + at) {
        let rest = &text[at..];
        let mut end = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '"' | '«' | '»' | '<' | '>'))
            .unwrap_or(rest.len());
        loop {
            let address = &rest[..end];
            let trailing = address.chars().next_back();
            let unmatched_paren = trailing == Some(')')
                && address.matches('(').count() < address.matches(')').count();
            if matches!(trailing, Some('.' | ',' | ';' | ':' | '!' | '?' | '\\')) || unmatched_paren
            {
                end -= 1;
            } else {
                break;
            }
        }
        let address = &rest[..end];
        if address.len() > "https://".len() && !address.ends_with("://") {
            found.push((at..at + end, address));
        }
        from = at + end.max(1);
    }
    found
}

fn next_scheme(text: &str) -> Option<usize> {
    let http = text.find("http://");
    let https = text.find("https://");
    match (http, https) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
mod tests {
    use super::web_addresses;

    #[test]
    fn an_address_ends_where_the_sentence_goes_on() {
        let text = "Voir https://cyber.gouv.fr/secnumcloud. Et (https://www.legifrance.gouv.fr/a_b), puis «https://x.fr/y»";
        let found: Vec<&str> = web_addresses(text)
            .into_iter()
            .map(|(_, url)| url)
            .collect();
        assert_eq!(
            found,
            [
                "https://cyber.gouv.fr/secnumcloud",
                "https://www.legifrance.gouv.fr/a_b",
                "https://x.fr/y"
            ]
        );
        assert!(web_addresses("http:// et https://").is_empty());
        let wiki = "https://fr.wikipedia.org/wiki/Loi_(droit)";
        assert_eq!(web_addresses(wiki)[0].1, wiki);
    }
}
