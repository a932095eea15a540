//! What every formatter test checks: the output parses to the same tree as the input,
//! keeps every comment in order, and formatting it again changes nothing.

#![allow(
    dead_code,
    reason = "each test binary uses its own part of these helpers"
)]

use clausier_diagnostics::{FileId, Lang, Severity};
use clausier_syntax::ast::{ClauseField, ClauseFieldKind, ItemKind, SourceFileAst};
use clausier_syntax::debug::debug_tree;

/// Parses `text`, or says why it has errors.
pub fn parse_clean(text: &str) -> Result<SourceFileAst, String> {
    let parse = clausier_syntax::parse(FileId(0), text);
    let errors: Vec<String> = parse
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.severity == Severity::Error)
        .map(|diagnostic| diagnostic.message.text(Lang::En))
        .collect();
    if errors.is_empty() {
        Ok(parse.ast)
    } else {
        Err(errors.join("; "))
    }
}

fn rank(field: &ClauseField) -> u8 {
    match field.kind {
        ClauseFieldKind::Level(_) => 0,
        ClauseFieldKind::Lots(_) => 1,
        ClauseFieldKind::When(_) => 2,
        ClauseFieldKind::Text(_) => 3,
        ClauseFieldKind::Note(_) => 4,
        ClauseFieldKind::Ref(_) => 5,
        ClauseFieldKind::Evidence(_) | ClauseFieldKind::NoEquivalent(_) => 6,
        ClauseFieldKind::Require(_) => 7,
        ClauseFieldKind::Score(_) => 8,
        ClauseFieldKind::Value(_) => 9,
        ClauseFieldKind::By(_) => 10,
        ClauseFieldKind::Spend(_) => 11,
        ClauseFieldKind::Ends(_) => 12,
        ClauseFieldKind::Window(_) => 13,
        ClauseFieldKind::Alternatives(_) => 14,
        ClauseFieldKind::Error => 15,
    }
}

/// The tree without spans (`debug_tree` prints none), with the lines of each clause in
/// the canonical order, since the formatter may reorder them; comments apart.
pub fn tree(ast: &SourceFileAst) -> String {
    let mut ast = ast.clone();
    ast.comments.clear();
    for item in &mut ast.items {
        match &mut item.kind {
            ItemKind::Requirement(decl) => decl.body.sort_by_key(rank),
            ItemKind::Criterion(decl) => decl.body.sort_by_key(rank),
            ItemKind::Indicator(decl) => decl.body.sort_by_key(rank),
            ItemKind::Risk(decl) => decl.body.sort_by_key(rank),
            _ => {}
        }
    }
    debug_tree(&ast)
}

/// Every comment's text, in order, without trailing spaces (the formatter trims them).
pub fn comments(ast: &SourceFileAst) -> Vec<String> {
    ast.comments
        .iter()
        .map(|comment| comment.text.trim_end().to_string())
        .collect()
}

/// Formats `input`, which must parse cleanly, and checks the formatter's promises.
/// Returns the formatted text.
pub fn check_format(input: &str) -> Result<String, String> {
    let before = parse_clean(input).map_err(|e| format!("the input has errors: {e}"))?;
    let output = clausier_fmt::format(input).map_err(|error| error.to_string())?;
    let after = parse_clean(&output)
        .map_err(|e| format!("the output has errors: {e}\n--- output\n{output}"))?;
    if tree(&before) != tree(&after) {
        return Err(format!(
            "the tree changed\n--- before\n{}--- after\n{}--- output\n{output}",
            tree(&before),
            tree(&after)
        ));
    }
    if comments(&before) != comments(&after) {
        return Err(format!(
            "the comments changed\n{:?}\n{:?}\n--- output\n{output}",
            comments(&before),
            comments(&after)
        ));
    }
    let again = clausier_fmt::format(&output).map_err(|error| error.to_string())?;
    if again != output {
        return Err(format!(
            "formatting twice changed the text\n--- once\n{output}--- twice\n{again}"
        ));
    }
    if !output.is_empty() && (!output.ends_with('\n') || output.ends_with("\n\n")) {
        return Err(format!(
            "the output must end with one line break\n{output:?}"
        ));
    }
    Ok(output)
}
