//! `lots "1", "2"` in a requirement or criterion: the lots of the root's `[document]`
//! the clause applies to. Each id must be declared, once; a pack without lots has no
//! `lots` lines.

use clausier_diagnostics::{Code, Diagnostic, FileId, Span};
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
                    "`lots` names lots, but the pack declares none",
                )
                .with_primary(file, span, "the pack declares no lots")
                .with_help(
                    "declare the lots in `pack.toml`: `[document]` then `lots = [{ id = \"1\", title = \"…\" }]`, or remove this line for a contract in one piece",
                ),
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
                        format!("the lot `{}` is named twice", id.value),
                    )
                    .with_primary(file, id.span, "named again here")
                    .with_secondary(file, first, "first named here")
                    .with_help("name each lot once"),
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
        Some(best) => format!("did you mean `{best}`?"),
        None => {
            let listed: Vec<String> = declared
                .iter()
                .map(|lot| format!("`{}` ({})", lot.id, lot.title))
                .collect();
            format!("the lots of `[document]` are {}", listed.join(", "))
        }
    };
    Diagnostic::error(
        Code::UNKNOWN_LOT,
        format!("no lot has the id `{}`", id.value),
    )
    .with_primary(file, id.span, "not a lot of `[document]`")
    .with_help(help)
}

/// From the first id of a `lots` line to its last.
fn covering(written: &[StringLit]) -> Span {
    match (written.first(), written.last()) {
        (Some(first), Some(last)) => first.span.cover(last.span),
        _ => Span::new(0, 0),
    }
}
