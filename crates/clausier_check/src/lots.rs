//! `lots "1", "2"` in a requirement or criterion: the lots of the root's `[document]`
//! the clause applies to. Each id must be declared, once; a pack without lots has no
//! `lots` lines.

use clausier_diagnostics::{Code, Diagnostic, FileId, Message, Span};
use clausier_syntax::ast::StringLit;

use crate::Checker;
use crate::hir::Lot;

impl Checker<'_> {
    /// The ids a `lots` line names, in the order of `[document]` (empty: every lot),
    /// reporting the ids that name no lot and the ids named twice.
    pub(crate) fn clause_lots(
        &mut self,
        file: FileId,
        written: Option<&[StringLit]>,
    ) -> Vec<String> {
        let Some(written) = written else {
            return Vec::new();
        };
        let declared = self.graph.lots;
        if declared.is_empty() {
            let span = covering(written);
            self.report(
                Diagnostic::error(
                    Code::LOTS_WITHOUT_DECLARED_LOTS,
                    Message::new("e0407-no-declared-lots"),
                )
                .with_primary(file, span, Message::new("e0407-no-declared-lots-label"))
                .with_help(Message::new("e0407-no-declared-lots-help")),
            );
            return Vec::new();
        }
        let mut named: Vec<(&str, Span)> = Vec::new();
        for id in written {
            if let Some((_, first)) = named.iter().find(|(seen, _)| *seen == id.value) {
                let first = *first;
                self.report(
                    Diagnostic::error(
                        Code::LOT_NAMED_TWICE,
                        Message::new("e0408-named-twice").with("lot", &id.value),
                    )
                    .with_primary(file, id.span, Message::new("e0408-named-again-here"))
                    .with_secondary(file, first, Message::new("e0408-first-named-here"))
                    .with_help(Message::new("e0408-named-twice-help")),
                );
                continue;
            }
            if !declared.iter().any(|lot| lot.id == id.value) {
                self.report(unknown_lot(file, id, declared));
                continue;
            }
            named.push((&id.value, id.span));
        }
        declared
            .iter()
            .filter(|lot| named.iter().any(|(id, _)| *id == lot.id))
            .map(|lot| lot.id.clone())
            .collect()
    }
}

fn unknown_lot(file: FileId, id: &StringLit, declared: &[Lot]) -> Diagnostic {
    let help = match crate::did_you_mean(&id.value, declared.iter().map(|lot| lot.id.as_str())) {
        Some(best) => Message::new("e0215-did-you-mean").with("name", best),
        None => {
            let listed: Vec<String> = declared
                .iter()
                .map(|lot| format!("`{}` ({})", lot.id, lot.title))
                .collect();
            Message::new("e0215-lots-help").with("lots", listed.join(", "))
        }
    };
    Diagnostic::error(
        Code::UNKNOWN_LOT,
        Message::new("e0215-unknown-lot").with("lot", &id.value),
    )
    .with_primary(file, id.span, Message::new("e0215-unknown-lot-label"))
    .with_help(help)
}

/// From the first id of a `lots` line to its last.
fn covering(written: &[StringLit]) -> Span {
    match (written.first(), written.last()) {
        (Some(first), Some(last)) => first.span.cover(last.span),
        _ => Span::new(0, 0),
    }
}
