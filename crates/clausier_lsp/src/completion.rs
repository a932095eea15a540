//! Completion: the IDE's proposals, each replacing the part of the name already typed.

use clausier_diagnostics::{FileId, Lang};
use clausier_ide::{CompletionItem, CompletionKind};
use tower_lsp_server::ls_types::{
    self as lsp, CompletionItemKind, CompletionTextEdit, InsertTextFormat, Position, TextEdit,
};

use crate::convert::{Encoding, LineMap};
use crate::workspace::Snapshot;

pub fn kind(kind: CompletionKind) -> CompletionItemKind {
    match kind {
        CompletionKind::Field => CompletionItemKind::FIELD,
        CompletionKind::Variant => CompletionItemKind::ENUM_MEMBER,
        CompletionKind::Enum => CompletionItemKind::ENUM,
        CompletionKind::Type => CompletionItemKind::CLASS,
        CompletionKind::Param => CompletionItemKind::CONSTANT,
        CompletionKind::Local => CompletionItemKind::VARIABLE,
        CompletionKind::Clause => CompletionItemKind::REFERENCE,
        CompletionKind::Keyword => CompletionItemKind::KEYWORD,
    }
}

pub fn completions(
    snapshot: &Snapshot,
    file: FileId,
    position: Position,
    encoding: Encoding,
    snippets: bool,
    lang: Lang,
) -> Option<Vec<lsp::CompletionItem>> {
    let map = snapshot.line_map(file, encoding)?;
    let items = snapshot
        .analysis
        .completions(file, map.offset(position), lang);
    Some(
        items
            .iter()
            .enumerate()
            .map(|(rank, item)| to_lsp(item, rank, &map, snippets))
            .collect(),
    )
}

/// One proposal. The IDE lists the best fits first: `sortText` keeps that order, which
/// editors would otherwise replace with the alphabet.
pub fn to_lsp(
    item: &CompletionItem,
    rank: usize,
    map: &LineMap<'_>,
    snippets: bool,
) -> lsp::CompletionItem {
    let (new_text, format) = match snippet(item).filter(|_| snippets) {
        Some(snippet) => (snippet, InsertTextFormat::SNIPPET),
        None => (item.label.clone(), InsertTextFormat::PLAIN_TEXT),
    };
    lsp::CompletionItem {
        label: item.label.clone(),
        kind: Some(kind(item.kind)),
        detail: item.detail.clone(),
        sort_text: Some(format!("{rank:04}")),
        filter_text: Some(
            item.filter_text
                .clone()
                .unwrap_or_else(|| item.label.clone()),
        ),
        insert_text_format: Some(format),
        text_edit: Some(CompletionTextEdit::Edit(TextEdit {
            range: map.range(item.source_range),
            new_text,
        })),
        ..lsp::CompletionItem::default()
    }
}

/// The snippet the IDE gives for an item, if any.
fn snippet(item: &CompletionItem) -> Option<String> {
    item.snippet.clone()
}

#[cfg(test)]
mod tests {
    use clausier_diagnostics::{LineIndex, Span};
    use tower_lsp_server::ls_types::Range;

    use super::*;

    #[test]
    fn items_replace_what_is_typed_and_keep_their_rank() {
        let text = "require hébergement.ré";
        let index = LineIndex::new(text);
        let map = LineMap::new(text, &index, Encoding::Utf16);
        let start = text.rfind("ré").unwrap();
        let item = CompletionItem {
            label: "région".into(),
            kind: CompletionKind::Field,
            detail: Some("Region".into()),
            source_range: Span::from_range(start..text.len()),
            snippet: None,
            relevance: 2,
            filter_text: None,
        };
        let lsp = to_lsp(&item, 3, &map, true);
        assert_eq!(lsp.kind, Some(CompletionItemKind::FIELD));
        assert_eq!(lsp.sort_text.as_deref(), Some("0003"));
        assert_eq!(lsp.filter_text.as_deref(), Some("région"));
        let inside = CompletionItem {
            label: "interface_région".into(),
            filter_text: Some("région interface_région".into()),
            ..item.clone()
        };
        let inside = to_lsp(&inside, 4, &map, true);
        assert_eq!(
            inside.filter_text.as_deref(),
            Some("région interface_région")
        );
        assert_eq!(lsp.insert_text_format, Some(InsertTextFormat::PLAIN_TEXT));
        assert_eq!(
            lsp.text_edit,
            Some(CompletionTextEdit::Edit(TextEdit {
                range: Range::new(Position::new(0, 20), Position::new(0, 22)),
                new_text: "région".into(),
            }))
        );
    }

    #[test]
    fn snippets_only_for_clients_that_take_them() {
        let text = "req";
        let index = LineIndex::new(text);
        let map = LineMap::new(text, &index, Encoding::Utf16);
        let item = CompletionItem {
            label: "requirement".into(),
            kind: CompletionKind::Keyword,
            detail: None,
            source_range: Span::new(0, 3),
            snippet: Some("requirement ${1:ID} {\n  require ${0}\n}".into()),
            relevance: 1,
            filter_text: None,
        };
        let with = to_lsp(&item, 0, &map, true);
        assert_eq!(with.insert_text_format, Some(InsertTextFormat::SNIPPET));
        let Some(CompletionTextEdit::Edit(edit)) = with.text_edit else {
            panic!("a text edit");
        };
        assert!(edit.new_text.starts_with("requirement ${1:ID}"));
        let without = to_lsp(&item, 0, &map, false);
        assert_eq!(
            without.insert_text_format,
            Some(InsertTextFormat::PLAIN_TEXT)
        );
    }

    #[test]
    fn every_kind_has_an_lsp_kind() {
        let cases = [
            (CompletionKind::Field, CompletionItemKind::FIELD),
            (CompletionKind::Variant, CompletionItemKind::ENUM_MEMBER),
            (CompletionKind::Enum, CompletionItemKind::ENUM),
            (CompletionKind::Type, CompletionItemKind::CLASS),
            (CompletionKind::Param, CompletionItemKind::CONSTANT),
            (CompletionKind::Local, CompletionItemKind::VARIABLE),
            (CompletionKind::Clause, CompletionItemKind::REFERENCE),
            (CompletionKind::Keyword, CompletionItemKind::KEYWORD),
        ];
        for (ours, theirs) in cases {
            assert_eq!(kind(ours), theirs, "{ours:?}");
        }
    }
}
