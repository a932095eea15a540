//! Semantic tokens: the IDE's classified tokens, delta-encoded in the negotiated unit,
//! with the IDE's legend.

use clausier_diagnostics::FileId;
use clausier_ide::{SEMANTIC_TOKEN_KINDS, SEMANTIC_TOKEN_MODIFIERS, SemanticToken};
use tower_lsp_server::ls_types::{
    self as lsp, SemanticTokenModifier, SemanticTokenType, SemanticTokens, SemanticTokensLegend,
};

use crate::convert::{Encoding, LineMap};
use crate::workspace::Snapshot;

pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: SEMANTIC_TOKEN_KINDS
            .iter()
            .map(|kind| SemanticTokenType::new(kind))
            .collect(),
        token_modifiers: SEMANTIC_TOKEN_MODIFIERS
            .iter()
            .map(|modifier| SemanticTokenModifier::new(modifier))
            .collect(),
    }
}

pub fn semantic_tokens(
    snapshot: &Snapshot,
    file: FileId,
    encoding: Encoding,
) -> Option<SemanticTokens> {
    let map = snapshot.line_map(file, encoding)?;
    Some(SemanticTokens {
        result_id: None,
        data: encode(&snapshot.analysis.semantic_tokens(file), &map),
    })
}

/// Each token relative to the one before: lines from its line, and columns from its
/// start when both are on one line.
pub fn encode(tokens: &[SemanticToken], map: &LineMap<'_>) -> Vec<lsp::SemanticToken> {
    let mut out = Vec::with_capacity(tokens.len());
    let (mut line, mut column) = (0u32, 0u32);
    for token in tokens {
        let start = map.position(token.span.start);
        let end = map.position(token.span.end);
        if end.line != start.line || end.character <= start.character {
            continue;
        }
        let delta_line = start.line - line;
        let delta_start = if delta_line == 0 {
            start.character - column
        } else {
            start.character
        };
        out.push(lsp::SemanticToken {
            delta_line,
            delta_start,
            length: end.character - start.character,
            token_type: token.kind as u32,
            token_modifiers_bitset: token.modifiers.0,
        });
        (line, column) = (start.line, start.character);
    }
    out
}

#[cfg(test)]
mod tests {
    use clausier_diagnostics::{LineIndex, Span};
    use clausier_ide::{SemanticTokenKind, SemanticTokenModifiers};

    use super::*;

    #[test]
    fn tokens_are_relative_and_counted_in_utf16() {
        let text = "param prix: money = 6 €\nrequirement R \"é\" { require prix > 1 }";
        let index = LineIndex::new(text);
        let map = LineMap::new(text, &index, Encoding::Utf16);
        let token = |needle: &str, nth: usize, kind, modifiers| {
            let start = text.match_indices(needle).nth(nth).unwrap().0;
            SemanticToken {
                span: Span::from_range(start..start + needle.len()),
                kind,
                modifiers,
            }
        };
        let tokens = [
            token(
                "param",
                0,
                SemanticTokenKind::Keyword,
                SemanticTokenModifiers::NONE,
            ),
            token(
                "prix",
                0,
                SemanticTokenKind::Parameter,
                SemanticTokenModifiers::DECLARATION,
            ),
            token(
                "6 €",
                0,
                SemanticTokenKind::Number,
                SemanticTokenModifiers::NONE,
            ),
            token(
                "\"é\"",
                0,
                SemanticTokenKind::String,
                SemanticTokenModifiers::NONE,
            ),
            token(
                "prix",
                1,
                SemanticTokenKind::Parameter,
                SemanticTokenModifiers::READONLY,
            ),
        ];
        let encoded: Vec<[u32; 5]> = encode(&tokens, &map)
            .iter()
            .map(|t| {
                [
                    t.delta_line,
                    t.delta_start,
                    t.length,
                    t.token_type,
                    t.token_modifiers_bitset,
                ]
            })
            .collect();
        assert_eq!(
            encoded,
            [
                [0, 0, 5, 0, 0],
                [0, 6, 4, 10, 1],
                [0, 14, 3, 3, 0],
                [1, 14, 3, 2, 0],
                [0, 14, 4, 10, 4],
            ]
        );
    }

    #[test]
    fn the_legend_is_the_ides() {
        let legend = legend();
        assert_eq!(legend.token_types.len(), SEMANTIC_TOKEN_KINDS.len());
        assert_eq!(
            legend.token_types[SemanticTokenKind::Clause as usize].as_str(),
            "clause"
        );
        assert_eq!(legend.token_modifiers[1].as_str(), "documentation");
    }
}
