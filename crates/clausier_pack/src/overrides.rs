//! `[params.DEP]` of a manifest as overrides the checker reads like `set DEP::NAME =
//! VALUE`: a string is parsed as clause syntax where it stands in the manifest, so that
//! its errors point into `pack.toml`; numbers and booleans are taken as they are.

use clausier_check::ParamOverride;
use clausier_diagnostics::{Code, Diagnostic, FileId, Message, Span};
use clausier_syntax::ast::{Expr, ExprKind, Ident, ItemKind, Literal, LiteralKind};

use crate::manifest::{ParamSetting, ParamValue};

/// What a string value is parsed as, placed just before the value's text.
const PREFIX: &str = "set a::b=";

/// The overrides of a manifest (the file `file`), with the syntax errors of their values.
pub fn manifest_overrides(
    file: FileId,
    settings: &[ParamSetting],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<ParamOverride> {
    settings
        .iter()
        .map(|setting| ParamOverride {
            file,
            pack: Ident {
                name: setting.pack.clone(),
                span: Span::from_range(setting.pack_span.clone()),
            },
            name: Ident {
                name: setting.name.clone(),
                span: Span::from_range(setting.name_span.clone()),
            },
            value: value_expr(file, setting, diagnostics),
        })
        .collect()
}

fn value_expr(file: FileId, setting: &ParamSetting, diagnostics: &mut Vec<Diagnostic>) -> Expr {
    let span = Span::from_range(setting.value_span.clone());
    let literal = |kind| Expr {
        kind: ExprKind::Literal(Literal { kind, span }),
        span,
    };
    match &setting.value {
        ParamValue::Bool(b) => literal(LiteralKind::Bool(*b)),
        ParamValue::Int(number) => literal(LiteralKind::Int(*number)),
        ParamValue::Number(number) => literal(LiteralKind::Number(*number)),
        ParamValue::Clause { text, offset } => parse_value(file, text, *offset, span, diagnostics),
    }
}

/// Parses `text` as the value of a `set`, laid out so that its spans are offsets in the
/// manifest: blanks, the prefix, then the text at `offset`.
fn parse_value(
    file: FileId,
    text: &str,
    offset: usize,
    whole: Span,
    diagnostics: &mut Vec<Diagnostic>,
) -> Expr {
    let start = offset.max(PREFIX.len());
    let mut laid_out = " ".repeat(start - PREFIX.len());
    laid_out.push_str(PREFIX);
    laid_out.push_str(text);
    let parse = clausier_syntax::parse(file, &laid_out);
    let has_errors = parse.diagnostics.iter().any(Diagnostic::is_error);
    diagnostics.extend(parse.diagnostics);
    let mut items = parse.ast.items.into_iter();
    let value = match items.next().map(|item| item.kind) {
        // A value with a syntax error is not checked: its type would only repeat it.
        Some(ItemKind::Set(decl)) if !has_errors => decl.value,
        _ => Expr {
            kind: ExprKind::Error,
            span: whole,
        },
    };
    if let Some(extra) = items.next().filter(|_| !has_errors) {
        diagnostics.push(
            Diagnostic::error(Code::SYNTAX, Message::new("e08-param-extra-text"))
                .with_primary(file, extra.span, Message::new("e08-label-param-extra-text"))
                .with_help(Message::new("e08-help-param-one-expression")),
        );
    }
    value
}
