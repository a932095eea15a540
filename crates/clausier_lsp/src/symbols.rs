//! The outline of a file, the symbols of the workspace, and folding.

use clausier_diagnostics::FileId;
use clausier_ide::{DocumentSymbol, FoldKind, FoldingRange, SymbolKind};
use tower_lsp_server::ls_types::{
    self as lsp, DocumentSymbolResponse, FoldingRangeKind, Location, SymbolInformation, Uri,
};

use crate::convert::{Encoding, LineMap};
use crate::workspace::Snapshot;

pub fn kind(kind: SymbolKind) -> lsp::SymbolKind {
    match kind {
        SymbolKind::Enum => lsp::SymbolKind::ENUM,
        SymbolKind::Variant => lsp::SymbolKind::ENUM_MEMBER,
        SymbolKind::Type => lsp::SymbolKind::STRUCT,
        SymbolKind::Descriptor => lsp::SymbolKind::STRUCT,
        SymbolKind::Field => lsp::SymbolKind::FIELD,
        SymbolKind::Param => lsp::SymbolKind::CONSTANT,
        SymbolKind::Requirement => lsp::SymbolKind::FUNCTION,
        SymbolKind::Criterion => lsp::SymbolKind::METHOD,
        SymbolKind::Indicator => lsp::SymbolKind::PROPERTY,
        SymbolKind::Risk => lsp::SymbolKind::OPERATOR,
        SymbolKind::Test => lsp::SymbolKind::EVENT,
        SymbolKind::Use => lsp::SymbolKind::MODULE,
        SymbolKind::Set => lsp::SymbolKind::PROPERTY,
    }
}

pub fn document_symbols(
    snapshot: &Snapshot,
    file: FileId,
    encoding: Encoding,
    hierarchical: bool,
) -> Option<DocumentSymbolResponse> {
    let map = snapshot.line_map(file, encoding)?;
    let uri = &snapshot.file(file)?.uri;
    let symbols = snapshot.analysis.document_symbols(file);
    Some(if hierarchical {
        DocumentSymbolResponse::Nested(symbols.iter().map(|s| nested(s, &map)).collect())
    } else {
        let mut flat = Vec::new();
        for symbol in &symbols {
            flatten(symbol, None, uri, &map, &mut flat);
        }
        DocumentSymbolResponse::Flat(flat)
    })
}

#[expect(
    deprecated,
    reason = "the protocol still has the field; it is left empty"
)]
pub fn nested(symbol: &DocumentSymbol, map: &LineMap<'_>) -> lsp::DocumentSymbol {
    lsp::DocumentSymbol {
        name: symbol.name.clone(),
        detail: symbol.detail.clone(),
        kind: kind(symbol.kind),
        tags: None,
        deprecated: None,
        range: map.range(symbol.full_range),
        selection_range: map.range(symbol.focus_range),
        children: (!symbol.children.is_empty())
            .then(|| symbol.children.iter().map(|c| nested(c, map)).collect()),
    }
}

/// For clients without hierarchical outlines: each symbol with its parent's name.
#[expect(
    deprecated,
    reason = "the protocol still has the field; it is left empty"
)]
fn flatten(
    symbol: &DocumentSymbol,
    container: Option<&str>,
    uri: &Uri,
    map: &LineMap<'_>,
    out: &mut Vec<SymbolInformation>,
) {
    out.push(SymbolInformation {
        name: symbol.name.clone(),
        kind: kind(symbol.kind),
        tags: None,
        deprecated: None,
        location: Location {
            uri: uri.clone(),
            range: map.range(symbol.full_range),
        },
        container_name: container.map(str::to_owned),
    });
    for child in &symbol.children {
        flatten(child, Some(&symbol.name), uri, map, out);
    }
}

/// The declarations of a pack matching `query`; a dependency's are left to its own pack,
/// when the editor opened it, so that each is listed once.
#[expect(
    deprecated,
    reason = "the protocol still has the field; it is left empty"
)]
pub fn workspace_symbols(
    snapshot: &Snapshot,
    query: &str,
    encoding: Encoding,
) -> Vec<SymbolInformation> {
    snapshot
        .analysis
        .workspace_symbols(query)
        .iter()
        .filter_map(|symbol| {
            Some(SymbolInformation {
                name: symbol.name.clone(),
                kind: kind(symbol.kind),
                tags: None,
                deprecated: None,
                location: snapshot.location(symbol.file, symbol.span, encoding)?,
                container_name: symbol.container.clone(),
            })
        })
        .collect()
}

pub fn folding_ranges(
    snapshot: &Snapshot,
    file: FileId,
    encoding: Encoding,
) -> Option<Vec<lsp::FoldingRange>> {
    let map = snapshot.line_map(file, encoding)?;
    Some(
        snapshot
            .analysis
            .folding_ranges(file)
            .iter()
            .map(|range| folding_range(range, &map))
            .collect(),
    )
}

/// Whole lines: the last line stays visible when a block folds, with its `}`.
pub fn folding_range(range: &FoldingRange, map: &LineMap<'_>) -> lsp::FoldingRange {
    let lsp_range = map.range(range.span);
    lsp::FoldingRange {
        start_line: lsp_range.start.line,
        start_character: None,
        end_line: lsp_range.end.line,
        end_character: None,
        kind: Some(match range.kind {
            FoldKind::Block => FoldingRangeKind::Region,
            FoldKind::Comment => FoldingRangeKind::Comment,
        }),
        collapsed_text: None,
    }
}

#[cfg(test)]
mod tests {
    use clausier_diagnostics::{LineIndex, Span};
    use tower_lsp_server::ls_types::{Position, Range};

    use super::*;

    const TEXT: &str = "enum Région {\n  UE,\n  AUTRE\n}\n";

    fn span(needle: &str) -> Span {
        let start = TEXT.find(needle).unwrap();
        Span::from_range(start..start + needle.len())
    }

    #[test]
    fn an_enum_is_a_tree_with_its_variants() {
        let index = LineIndex::new(TEXT);
        let map = LineMap::new(TEXT, &index, Encoding::Utf16);
        let variant = |name: &str| DocumentSymbol {
            name: name.into(),
            kind: SymbolKind::Variant,
            detail: None,
            full_range: span(name),
            focus_range: span(name),
            children: Vec::new(),
        };
        let symbol = DocumentSymbol {
            name: "Région".into(),
            kind: SymbolKind::Enum,
            detail: None,
            full_range: Span::from_range(0..TEXT.len() - 1),
            focus_range: span("Région"),
            children: vec![variant("UE"), variant("AUTRE")],
        };
        let lsp = nested(&symbol, &map);
        assert_eq!(lsp.kind, lsp::SymbolKind::ENUM);
        assert_eq!(
            lsp.range,
            Range::new(Position::new(0, 0), Position::new(3, 1))
        );
        assert_eq!(
            lsp.selection_range,
            Range::new(Position::new(0, 5), Position::new(0, 11))
        );
        let children = lsp.children.unwrap();
        assert_eq!(children.len(), 2);
        assert_eq!(children[1].selection_range.start, Position::new(2, 2));
        assert_eq!(children[1].children, None);
    }

    #[test]
    fn folds_are_whole_lines() {
        let index = LineIndex::new(TEXT);
        let map = LineMap::new(TEXT, &index, Encoding::Utf16);
        let fold = FoldingRange {
            span: Span::from_range(0..TEXT.len() - 1),
            kind: FoldKind::Block,
        };
        let lsp = folding_range(&fold, &map);
        assert_eq!((lsp.start_line, lsp.end_line), (0, 3));
        assert_eq!(lsp.kind, Some(FoldingRangeKind::Region));
    }
}
