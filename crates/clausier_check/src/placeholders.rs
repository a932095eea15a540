//! The placeholders of a `text` or a `note`: `{max_price}` names a parameter,
//! `{horaires.ouverture}` a field of a record parameter, `{{` and `}}` write a brace. Each placeholder is a use of its parameter and a symbol
//! occurrence (hover, go-to-definition and rename see it); a name that resolves to
//! nothing is `E0312`, a brace that makes no placeholder `E0313`, each located at its
//! bytes in the file.

use std::ops::Range;

use clausier_diagnostics::{Code, Diagnostic, FileId, Fix, Message};
use clausier_syntax::ast::StringLit;
use clausier_syntax::is_name;

use crate::Checker;
use crate::hir::{FieldStep, LegalText, ParamId, Symbol, TextPart};
use crate::suggest::{did_you_mean, names_joined};
use crate::types::Ty;

/// One piece of a text as written, with its range in the decoded string.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    /// Text, braces unescaped.
    Text(String),
    /// `{name}`: the range of the name.
    Placeholder(Range<usize>),
    /// A brace that makes no placeholder, with what is wrong.
    Malformed(Range<usize>, Malformed),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Malformed {
    Unclosed,
    Unopened,
    Empty,
    NotAName,
}

/// Cuts a decoded string into text and placeholders.
fn pieces(text: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut at = 0;
    let flush = |literal: &mut String, pieces: &mut Vec<Piece>| {
        if !literal.is_empty() {
            pieces.push(Piece::Text(std::mem::take(literal)));
        }
    };
    while let Some(c) = text[at..].chars().next() {
        let rest = &text[at..];
        if rest.starts_with("{{") || rest.starts_with("}}") {
            literal.push(c);
            at += 2;
            continue;
        }
        match c {
            '{' => {
                flush(&mut literal, &mut pieces);
                let inner = at + 1;
                let stop = text[inner..].find(['{', '}']).map(|i| inner + i);
                match stop {
                    Some(close) if text[close..].starts_with('}') => {
                        let name = &text[inner..close];
                        let piece = if name.is_empty() {
                            Piece::Malformed(at..close + 1, Malformed::Empty)
                        } else if name.split('.').all(is_name) {
                            Piece::Placeholder(inner..close)
                        } else {
                            Piece::Malformed(at..close + 1, Malformed::NotAName)
                        };
                        pieces.push(piece);
                        at = close + 1;
                    }
                    _ => {
                        pieces.push(Piece::Malformed(at..inner, Malformed::Unclosed));
                        at = inner;
                    }
                }
            }
            '}' => {
                flush(&mut literal, &mut pieces);
                pieces.push(Piece::Malformed(at..at + 1, Malformed::Unopened));
                at += 1;
            }
            _ => {
                literal.push(c);
                at += c.len_utf8();
            }
        }
    }
    flush(&mut literal, &mut pieces);
    pieces
}

impl Checker<'_> {
    /// The legal text of a `text` or `note` literal, its placeholders checked against
    /// the parameters of the pack being checked.
    pub(crate) fn legal_text(&mut self, file: FileId, literal: &StringLit) -> LegalText {
        let source = &literal.value;
        let mut parts: Vec<TextPart> = Vec::new();
        let push_literal = |parts: &mut Vec<TextPart>, text: &str| match parts.last_mut() {
            Some(TextPart::Literal(last)) => last.push_str(text),
            _ => parts.push(TextPart::Literal(text.to_owned())),
        };
        for piece in pieces(source) {
            match piece {
                Piece::Text(text) => push_literal(&mut parts, &text),
                Piece::Placeholder(name_range) => {
                    let name = &source[name_range.clone()];
                    match self.placeholder(file, literal, name, name_range.clone()) {
                        Some(part) => parts.push(part),
                        None => {
                            let whole = name_range.start - 1..name_range.end + 1;
                            push_literal(&mut parts, &source[whole]);
                        }
                    }
                }
                Piece::Malformed(range, what) => {
                    self.report_malformed(file, literal, range.clone(), what);
                    push_literal(&mut parts, &source[range]);
                }
            }
        }
        LegalText {
            source: source.clone(),
            parts,
        }
    }

    /// What a placeholder names, the parameter recorded as a use; reported when nothing.
    fn placeholder(
        &mut self,
        file: FileId,
        literal: &StringLit,
        written: &str,
        range: Range<usize>,
    ) -> Option<TextPart> {
        let name = written.split('.').next().unwrap_or(written);
        let span = literal.source_span(range.start..range.start + name.len());
        if let Some(id) = self.params.get(&clausier_syntax::composed(name)) {
            self.symbol(file, span, Symbol::Param(id), false);
            if let Some(state) = self.params.state_mut(id) {
                state.used = true;
            }
            if name.len() == written.len() {
                return Some(TextPart::Param(id));
            }
            let steps = self.placeholder_steps(file, literal, id, written, range)?;
            return Some(TextPart::ParamField(id, steps));
        }
        let pack = self.pack_name;
        let names: Vec<String> = self
            .pack
            .params
            .iter()
            .filter(|param| param.pack == pack)
            .map(|param| param.name.clone())
            .collect();
        let mut diagnostic = Diagnostic::error(
            Code::UNKNOWN_PLACEHOLDER,
            Message::new("e0312-unknown-param").with("name", name),
        )
        .with_primary(file, span, Message::new("e0312-unknown-param-label"));
        diagnostic = match did_you_mean(name, names.iter().map(String::as_str)) {
            Some(best) => {
                // A misspelt parameter is used, as far as `W0501` is concerned.
                if let Some(state) = self
                    .params
                    .get(best)
                    .and_then(|id| self.params.state_mut(id))
                {
                    state.used = true;
                }
                diagnostic
                    .with_help(Message::new("e0312-did-you-mean").with("name", best))
                    .with_fix(Fix {
                        title: Message::new("e0312-replace-with").with("name", best),
                        edits: vec![(file, span, best.to_owned())],
                    })
            }
            None if names.is_empty() => diagnostic.with_help(Message::new("e0312-no-params-help")),
            None => diagnostic
                .with_help(Message::new("e0312-params-help").with("params", names_joined(&names))),
        };
        self.report(diagnostic);
        None
    }

    /// The steps of `{horaires.ouverture}` through the record type of the parameter
    /// `id`, each a symbol occurrence; reported (`E0312`) at the first that is not a
    /// field of a record.
    fn placeholder_steps(
        &mut self,
        file: FileId,
        literal: &StringLit,
        id: ParamId,
        written: &str,
        range: Range<usize>,
    ) -> Option<Vec<FieldStep>> {
        let mut ty = self.pack.params.get(id.0 as usize)?.ty.clone();
        let mut steps = Vec::new();
        let mut at = range.start;
        let mut segments = written.split('.');
        let mut walked = segments.next().unwrap_or_default().to_owned();
        at += walked.len() + 1;
        for segment in segments {
            let span = literal.source_span(at..at + segment.len());
            let record_id = match &ty {
                Ty::Record(record_id) => Some(*record_id),
                _ => None,
            };
            let record = record_id.and_then(|record_id| self.pack.schema.record(record_id));
            let found = record
                .and_then(|record| record.field(&clausier_syntax::composed(segment)))
                .map(|(index, field)| (index, field.ty.clone()));
            let (Some(record_id), Some((index, field_ty))) = (record_id, found) else {
                let names: Vec<String> = record
                    .map(|record| record.fields.keys().cloned().collect())
                    .unwrap_or_default();
                let mut diagnostic = Diagnostic::error(
                    Code::UNKNOWN_PLACEHOLDER,
                    Message::new("e0312-no-field")
                        .with("path", &walked)
                        .with("field", segment),
                )
                .with_primary(file, span, Message::new("e0312-no-field-label"));
                diagnostic = match did_you_mean(segment, names.iter().map(String::as_str)) {
                    Some(best) => diagnostic
                        .with_help(Message::new("e0312-did-you-mean").with("name", best))
                        .with_fix(Fix {
                            title: Message::new("e0312-replace-with").with("name", best),
                            edits: vec![(file, span, best.to_owned())],
                        }),
                    None if names.is_empty() => diagnostic
                        .with_help(Message::new("e0312-not-a-record-help").with("path", &walked)),
                    None => diagnostic.with_help(
                        Message::new("e0312-fields-help")
                            .with("path", &walked)
                            .with("fields", names_joined(&names)),
                    ),
                };
                self.report(diagnostic);
                return None;
            };
            self.symbol(
                file,
                span,
                Symbol::Field {
                    record: record_id,
                    field: index,
                },
                false,
            );
            steps.push(FieldStep {
                record: record_id,
                field: index,
            });
            ty = field_ty;
            walked.push('.');
            walked.push_str(segment);
            at += segment.len() + 1;
        }
        Some(steps)
    }

    fn report_malformed(
        &mut self,
        file: FileId,
        literal: &StringLit,
        range: Range<usize>,
        what: Malformed,
    ) {
        let span = literal.source_span(range);
        let (message, label, help) = match what {
            Malformed::Unclosed => (
                "e0313-unclosed",
                "e0313-unclosed-label",
                "e0313-unclosed-help",
            ),
            Malformed::Unopened => (
                "e0313-unopened",
                "e0313-unopened-label",
                "e0313-unopened-help",
            ),
            Malformed::Empty => ("e0313-empty", "e0313-empty-label", "e0313-empty-help"),
            Malformed::NotAName => (
                "e0313-not-a-name",
                "e0313-not-a-name-label",
                "e0313-not-a-name-help",
            ),
        };
        self.report(
            Diagnostic::error(Code::MALFORMED_PLACEHOLDER, Message::new(message))
                .with_primary(file, span, Message::new(label))
                .with_help(Message::new(help)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_read_placeholders_and_escaped_braces() {
        assert_eq!(
            pieces("a {x} {{b}} }} é{y_2}"),
            [
                Piece::Text("a ".into()),
                Piece::Placeholder(3..4),
                Piece::Text(" {b} } é".into()),
                Piece::Placeholder(18..21),
            ]
        );
    }

    #[test]
    fn lone_and_empty_braces_are_malformed() {
        assert_eq!(
            pieces("{a {} b} {x y}"),
            [
                Piece::Malformed(0..1, Malformed::Unclosed),
                Piece::Text("a ".into()),
                Piece::Malformed(3..5, Malformed::Empty),
                Piece::Text(" b".into()),
                Piece::Malformed(7..8, Malformed::Unopened),
                Piece::Text(" ".into()),
                Piece::Malformed(9..14, Malformed::NotAName),
            ]
        );
    }
}
