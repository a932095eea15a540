//! Inlay hints and selection ranges.

use clausier_diagnostics::{FileId, Lang};
use tower_lsp_server::ls_types::{
    InlayHint, InlayHintLabel, InlayHintTooltip, Position, Range, SelectionRange,
};

use crate::convert::{Encoding, LineMap};
use crate::workspace::Snapshot;

pub fn inlay_hints(
    snapshot: &Snapshot,
    file: FileId,
    range: Range,
    encoding: Encoding,
    lang: Lang,
) -> Option<Vec<InlayHint>> {
    let map = snapshot.line_map(file, encoding)?;
    Some(
        snapshot
            .analysis
            .inlay_hints(file, map.span(range), lang)
            .iter()
            .map(|hint| inlay_hint(hint, &map))
            .collect(),
    )
}

pub fn inlay_hint(hint: &clausier_ide::InlayHint, map: &LineMap<'_>) -> InlayHint {
    InlayHint {
        position: map.position(hint.offset),
        label: InlayHintLabel::String(hint.label.clone()),
        kind: None,
        text_edits: None,
        tooltip: hint.tooltip.clone().map(InlayHintTooltip::String),
        padding_left: Some(true),
        padding_right: None,
        data: None,
    }
}

/// One chain per position asked, innermost first; a position with no range gets an
/// empty range where it is, as the protocol wants one answer per position.
pub fn selection_ranges(
    snapshot: &Snapshot,
    file: FileId,
    positions: &[Position],
    encoding: Encoding,
) -> Option<Vec<SelectionRange>> {
    let map = snapshot.line_map(file, encoding)?;
    Some(
        positions
            .iter()
            .map(|position| {
                let spans = snapshot
                    .analysis
                    .selection_ranges(file, map.offset(*position));
                chain(&spans, &map).unwrap_or(SelectionRange {
                    range: Range::new(*position, *position),
                    parent: None,
                })
            })
            .collect(),
    )
}

/// The spans, innermost first, as nested parents.
pub fn chain(spans: &[clausier_diagnostics::Span], map: &LineMap<'_>) -> Option<SelectionRange> {
    let mut outer: Option<SelectionRange> = None;
    for span in spans.iter().rev() {
        outer = Some(SelectionRange {
            range: map.range(*span),
            parent: outer.map(Box::new),
        });
    }
    outer
}

#[cfg(test)]
mod tests {
    use clausier_diagnostics::{LineIndex, Span};

    use super::*;

    #[test]
    fn selections_nest_outwards() {
        let text = "x\nrequire prix > 1";
        let index = LineIndex::new(text);
        let map = LineMap::new(text, &index, Encoding::Utf16);
        let spans = [Span::new(10, 14), Span::new(10, 18), Span::new(0, 18)];
        let mut ranges = Vec::new();
        let mut next = chain(&spans, &map);
        while let Some(range) = next {
            ranges.push((range.range.start, range.range.end));
            next = range.parent.map(|parent| *parent);
        }
        assert_eq!(
            ranges,
            [
                (Position::new(1, 8), Position::new(1, 12)),
                (Position::new(1, 8), Position::new(1, 16)),
                (Position::new(0, 0), Position::new(1, 16)),
            ]
        );
        assert!(chain(&[], &map).is_none());
    }

    #[test]
    fn hints_sit_after_their_name() {
        let text = "prix € <= max";
        let index = LineIndex::new(text);
        let map = LineMap::new(text, &index, Encoding::Utf16);
        let hint = clausier_ide::InlayHint {
            offset: u32::try_from(text.len()).unwrap(),
            label: "= 6.00 €".into(),
            tooltip: Some("set by `region`".into()),
        };
        let lsp = inlay_hint(&hint, &map);
        assert_eq!(lsp.position, Position::new(0, 13));
        assert!(matches!(lsp.label, InlayHintLabel::String(label) if label == "= 6.00 €"));
        assert_eq!(lsp.padding_left, Some(true));
    }
}
