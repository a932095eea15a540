//! Workspace symbols: the declarations of every file of the analysis that match a
//! query, the closest matches first.

use crate::{Analysis, DocumentSymbol, FileId, Span, SymbolKind};

/// At most this many symbols are returned: a query is refined by typing, not by
/// scrolling.
pub const WORKSPACE_SYMBOLS_MAX: usize = 128;

/// A declaration found by [`Analysis::workspace_symbols`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkspaceSymbol {
    /// A clause's id and title (`HEB-01 Hébergement dans l'UE`), a field's dotted path
    /// (`hosting.region`, `Subprocessor.name`), or the declared name.
    pub name: String,
    pub kind: SymbolKind,
    pub file: FileId,
    /// The declared name.
    pub span: Span,
    /// The enum of a variant, the record of a field, or the pack of an item.
    pub container: Option<String>,
}

impl Analysis {
    /// The clauses, parameters, enums and their variants, types and fields of every file
    /// whose name holds the letters of `query` in order, ignoring case and accents.
    /// Exact names come first, then names that start with the query, then those with a
    /// part (after `.`, `-`, `_` or a space) that does, then the others; shorter names
    /// first within each. An empty query matches everything, in declaration order.
    pub fn workspace_symbols(&self, query: &str) -> Vec<WorkspaceSymbol> {
        let query = fold(query.trim());
        let mut found: Vec<(u8, WorkspaceSymbol)> = Vec::new();
        for data in &self.files {
            let pack = self.file_pack(data.id).map(str::to_owned);
            for symbol in self.document_symbols(data.id) {
                let mut out = Vec::new();
                flatten(data.id, &symbol, None, pack.as_deref(), &mut out);
                for candidate in out {
                    if let Some(rank) = rank(&fold(&candidate.name), &query) {
                        found.push((rank, candidate));
                    }
                }
            }
        }
        // Without a query, every symbol ranks alike: declaration order reads best.
        found.sort_by(|(a, x), (b, y)| {
            if query.is_empty() {
                return std::cmp::Ordering::Equal;
            }
            (a, x.name.chars().count(), &x.name, x.file, x.span.start).cmp(&(
                b,
                y.name.chars().count(),
                &y.name,
                y.file,
                y.span.start,
            ))
        });
        found.truncate(WORKSPACE_SYMBOLS_MAX);
        found.into_iter().map(|(_, symbol)| symbol).collect()
    }
}

/// The workspace symbols of one outline entry and its children. `path` is the dotted
/// path of the record that holds a field.
fn flatten(
    file: FileId,
    symbol: &DocumentSymbol,
    path: Option<&str>,
    pack: Option<&str>,
    out: &mut Vec<WorkspaceSymbol>,
) {
    let entry = |name: String, container: Option<&str>| WorkspaceSymbol {
        name,
        kind: symbol.kind,
        file,
        span: symbol.focus_range,
        container: container.map(str::to_owned),
    };
    match symbol.kind {
        SymbolKind::Requirement
        | SymbolKind::Criterion
        | SymbolKind::Indicator
        | SymbolKind::Risk => {
            let name = match &symbol.detail {
                Some(title) if !title.is_empty() => format!("{} {title}", symbol.name),
                _ => symbol.name.clone(),
            };
            out.push(entry(name, pack));
        }
        SymbolKind::Param => out.push(entry(symbol.name.clone(), pack)),
        SymbolKind::Enum => {
            out.push(entry(symbol.name.clone(), pack));
            for variant in &symbol.children {
                flatten(file, variant, Some(&symbol.name), pack, out);
            }
        }
        SymbolKind::Variant => out.push(entry(symbol.name.clone(), path)),
        SymbolKind::Type => {
            out.push(entry(symbol.name.clone(), pack));
            for field in &symbol.children {
                flatten(file, field, Some(&symbol.name), pack, out);
            }
        }
        SymbolKind::Descriptor => {
            for field in &symbol.children {
                flatten(file, field, None, pack, out);
            }
        }
        SymbolKind::Field => {
            let name = match path {
                Some(owner) => format!("{owner}.{}", symbol.name),
                None => symbol.name.clone(),
            };
            out.push(entry(name.clone(), Some(path.unwrap_or("descriptor"))));
            for field in &symbol.children {
                flatten(file, field, Some(&name), pack, out);
            }
        }
        SymbolKind::Test | SymbolKind::Use | SymbolKind::Set => {}
    }
}

/// How well `name` matches `query` (both folded): lower is better, `None` is no match.
fn rank(name: &str, query: &str) -> Option<u8> {
    if query.is_empty() {
        return Some(1);
    }
    let parts = || name.split(['.', '-', '_', ' ']);
    if name == query || parts().any(|part| part == query) {
        return Some(0);
    }
    if name.starts_with(query) {
        return Some(1);
    }
    if parts().any(|part| part.starts_with(query)) {
        return Some(2);
    }
    if name.contains(query) {
        return Some(3);
    }
    let mut letters = name.chars();
    query
        .chars()
        .all(|wanted| letters.any(|c| c == wanted))
        .then_some(4)
}

/// Lower case without the accents of French and its neighbours, so that `hebergement`
/// finds `Hébergement`.
fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' | 'ì' => 'i',
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ÿ' | 'ý' => 'y',
            'ç' => 'c',
            'ñ' => 'n',
            other => other,
        })
        .collect()
}
