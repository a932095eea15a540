//! Code actions: the IDE's quick fixes and rewrites, each quick fix with the diagnostics
//! it repairs.

use clausier_diagnostics::{FileId, Lang};
use clausier_ide::{CodeAction, CodeActionKind};
use tower_lsp_server::ls_types::{self as lsp, CodeActionOrCommand, NumberOrString, Range};

use crate::convert::Encoding;
use crate::navigation::workspace_edit;
use crate::workspace::Snapshot;

pub fn kind(kind: CodeActionKind) -> lsp::CodeActionKind {
    match kind {
        CodeActionKind::QuickFix => lsp::CodeActionKind::QUICKFIX,
        CodeActionKind::RefactorRewrite => lsp::CodeActionKind::REFACTOR_REWRITE,
    }
}

pub fn code_actions(
    snapshot: &Snapshot,
    file: FileId,
    range: Range,
    context: &lsp::CodeActionContext,
    encoding: Encoding,
    locale: Option<Lang>,
) -> Option<Vec<CodeActionOrCommand>> {
    let lang = snapshot.lang(locale);
    let map = snapshot.line_map(file, encoding)?;
    let actions = snapshot.analysis.code_actions(file, map.span(range));
    Some(
        actions
            .iter()
            .filter(|action| wanted(action, context.only.as_deref()))
            .map(|action| {
                let mut lsp = to_lsp(lang, action, &context.diagnostics);
                lsp.edit = Some(workspace_edit(snapshot, &action.change, encoding));
                CodeActionOrCommand::CodeAction(lsp)
            })
            .collect(),
    )
}

/// Whether the client asked for this kind (`only` lists kinds and their prefixes).
fn wanted(action: &CodeAction, only: Option<&[lsp::CodeActionKind]>) -> bool {
    let Some(only) = only else {
        return true;
    };
    let ours = kind(action.kind);
    only.iter().any(|asked| {
        ours.as_str() == asked.as_str()
            || ours.as_str().starts_with(&format!("{}.", asked.as_str()))
    })
}

/// The action without its edit; the diagnostics it fixes are those of the client's
/// context that carry its code.
pub fn to_lsp(lang: Lang, action: &CodeAction, in_context: &[lsp::Diagnostic]) -> lsp::CodeAction {
    let fixes: Vec<lsp::Diagnostic> = match action.code {
        Some(code) => in_context
            .iter()
            .filter(|d| d.code == Some(NumberOrString::String(code.to_string())))
            .cloned()
            .collect(),
        None => Vec::new(),
    };
    lsp::CodeAction {
        title: action.title.text(lang),
        kind: Some(kind(action.kind)),
        diagnostics: (!fixes.is_empty()).then_some(fixes),
        edit: None,
        command: None,
        is_preferred: action.is_preferred.then_some(true),
        disabled: None,
        data: None,
    }
}

#[cfg(test)]
mod tests {
    use clausier_diagnostics::Code;
    use clausier_ide::SourceChange;

    use super::*;

    fn action(kind: CodeActionKind, code: Option<Code>) -> CodeAction {
        CodeAction {
            title: "replace with `region`".into(),
            kind,
            code,
            change: SourceChange::default(),
            is_preferred: true,
        }
    }

    fn diagnostic(code: &str) -> lsp::Diagnostic {
        lsp::Diagnostic {
            code: Some(NumberOrString::String(code.into())),
            message: code.into(),
            ..lsp::Diagnostic::default()
        }
    }

    #[test]
    fn a_quick_fix_names_the_diagnostics_it_fixes() {
        let context = [diagnostic("E0201"), diagnostic("W0501")];
        let lsp = to_lsp(
            Lang::En,
            &action(CodeActionKind::QuickFix, Some(Code::UNKNOWN_FIELD)),
            &context,
        );
        assert_eq!(lsp.kind, Some(lsp::CodeActionKind::QUICKFIX));
        assert_eq!(lsp.diagnostics, Some(vec![diagnostic("E0201")]));
        assert_eq!(lsp.is_preferred, Some(true));
        let rewrite = to_lsp(
            Lang::En,
            &action(CodeActionKind::RefactorRewrite, None),
            &context,
        );
        assert_eq!(rewrite.kind, Some(lsp::CodeActionKind::REFACTOR_REWRITE));
        assert_eq!(rewrite.diagnostics, None);
    }

    #[test]
    fn only_the_kinds_asked_for() {
        let fix = action(CodeActionKind::QuickFix, None);
        let rewrite = action(CodeActionKind::RefactorRewrite, None);
        let refactor = [lsp::CodeActionKind::REFACTOR];
        assert!(wanted(&fix, None));
        assert!(!wanted(&fix, Some(&refactor)));
        assert!(wanted(&rewrite, Some(&refactor)));
    }
}
