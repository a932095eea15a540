//! Hover over a keyword: what the word does in a clause file, in the reader's language.

use clausier_i18n::{Lang, t};

use crate::{Analysis, FileId, SemanticTokenKind, hover::HoverResult};

/// What a keyword does, or `None` for a word with nothing to say (the text and time
/// functions have their own hover, with their signature).
fn keyword_meaning(word: &str, lang: Lang) -> Option<String> {
    let meaning = match word {
        "requirement" => t!(lang, "editor-keyword-requirement"),
        "criterion" => t!(lang, "editor-keyword-criterion"),
        "param" => t!(lang, "editor-keyword-param"),
        "descriptor" => t!(lang, "editor-keyword-descriptor"),
        "enum" => t!(lang, "editor-keyword-enum"),
        "type" => t!(lang, "editor-keyword-type"),
        "test" => t!(lang, "editor-keyword-test"),
        "use" => t!(lang, "editor-keyword-use"),
        "set" => t!(lang, "editor-keyword-set"),
        "level" => t!(lang, "editor-keyword-level"),
        "when" => t!(lang, "editor-keyword-when"),
        "text" => t!(lang, "editor-keyword-text"),
        "note" => t!(lang, "editor-keyword-note"),
        "ref" => t!(lang, "editor-keyword-ref"),
        "evidence" => t!(lang, "editor-keyword-evidence"),
        "from" => t!(lang, "editor-keyword-from"),
        "no_equivalent" => t!(lang, "editor-keyword-no-equivalent"),
        "lots" => t!(lang, "editor-keyword-lots"),
        "require" => t!(lang, "editor-keyword-require"),
        "score" => t!(lang, "editor-keyword-score"),
        "weight" => t!(lang, "editor-keyword-weight"),
        "given" => t!(lang, "editor-keyword-given"),
        "expect" => t!(lang, "editor-keyword-expect"),
        "date" => t!(lang, "editor-keyword-date"),
        "must" => t!(lang, "editor-keyword-must"),
        "should" => t!(lang, "editor-keyword-should"),
        "info" => t!(lang, "editor-keyword-info"),
        "execution" => t!(lang, "editor-keyword-execution"),
        "all" => t!(lang, "editor-keyword-all"),
        "any" => t!(lang, "editor-keyword-any"),
        "count" => t!(lang, "editor-keyword-count"),
        "has" => t!(lang, "editor-keyword-has"),
        "in" => t!(lang, "editor-keyword-in"),
        "and" => t!(lang, "editor-keyword-and"),
        "or" => t!(lang, "editor-keyword-or"),
        "not" => t!(lang, "editor-keyword-not"),
        "implies" => t!(lang, "editor-keyword-implies"),
        "if" | "then" | "else" => t!(lang, "editor-keyword-if"),
        "today" => t!(lang, "editor-keyword-today"),
        "lowest" | "highest" => t!(lang, "editor-keyword-lowest-highest"),
        "true" | "false" => t!(lang, "editor-keyword-bool"),
        "null" => t!(lang, "editor-keyword-null"),
        "as" => t!(lang, "editor-keyword-as"),
        "passed" => t!(lang, "editor-keyword-passed"),
        "sum" | "mean" | "min" | "max" => t!(lang, "editor-keyword-aggregate"),
        "eligible" | "ineligible" | "incomplete" | "invalid" => {
            t!(lang, "editor-keyword-outcome")
        }
        "pass" | "fail" | "missing" | "not_applicable" => t!(lang, "editor-keyword-status"),
        "review" => t!(lang, "editor-keyword-review"),
        _ => return None,
    };
    Some(meaning)
}

impl Analysis {
    /// Hover over a word the file uses as a keyword (as its semantic tokens classify it,
    /// so a field called `text` is not taken for the clause line `text`).
    pub(crate) fn keyword_hover(
        &self,
        file: FileId,
        offset: u32,
        lang: Lang,
    ) -> Option<HoverResult> {
        let tokens = self.semantic_tokens(file);
        let token = tokens
            .iter()
            .find(|t| t.span.contains(offset))
            .or_else(|| tokens.iter().find(|t| t.span.end == offset))?;
        if token.kind != SemanticTokenKind::Keyword {
            return None;
        }
        let word = crate::slice(self.file_text(file)?, token.span);
        let meaning = keyword_meaning(word, lang)?;
        Some(HoverResult {
            markdown: format!("`{word}` — {meaning}"),
            range: token.span,
        })
    }
}
