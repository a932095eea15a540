//! `clausier explain CODE` and `clausier explain --list`

use clausier_diagnostics::{CodeInfo, Message, Severity, all_codes, lookup_code};
use clausier_i18n::{Lang, t};

use super::language::chosen_lang;
use super::{Failure, Outcome};
use crate::args::{ExplainArgs, LangArg};
use crate::error::CliError;
use crate::output::print_stdout;

pub fn run(args: &ExplainArgs, lang: Option<LangArg>) -> Result<Outcome, Failure> {
    let lang = chosen_lang(lang, None);
    if args.list {
        print_stdout(&list(lang))?;
        return Ok(Outcome::Success);
    }
    let code = args.code.as_deref().unwrap_or_default();
    let Some(info) = lookup_code(code) else {
        return Err(unknown_code(code).into());
    };
    let mut text = info.explanation_in(lang).to_owned();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    print_stdout(&text)?;
    Ok(Outcome::Success)
}

/// Every code with its severity and title, one a line.
fn list(lang: Lang) -> String {
    let severity = |info: &CodeInfo| match info.severity {
        Severity::Error => t!(lang, "severity-error"),
        Severity::Warning => t!(lang, "severity-warning"),
        Severity::Info => t!(lang, "severity-info"),
    };
    let width = all_codes()
        .iter()
        .map(|info| severity(info).chars().count())
        .max()
        .unwrap_or(0);
    all_codes()
        .iter()
        .map(|info| {
            format!(
                "{}  {:<width$}  {}\n",
                info.code,
                severity(info),
                info.title_in(lang)
            )
        })
        .collect()
}

fn unknown_code(code: &str) -> CliError {
    let suggestions = nearest_codes(code, all_codes());
    let help = match suggestions.as_slice() {
        [] => Message::new("e09-help-explain-list"),
        [only] => Message::new("e09-help-explain-did-you-mean").with("code", *only),
        several => {
            let quoted: Vec<String> = several.iter().map(|code| format!("`{code}`")).collect();
            Message::new("e09-help-explain-one-of").with("codes", quoted.join(", "))
        }
    };
    CliError::new(Message::new("e09-unknown-code").with("code", code.trim())).with_help(help)
}

/// Up to three codes within two edits of what was typed, the closest first.
fn nearest_codes(code: &str, catalogue: &[CodeInfo]) -> Vec<&'static str> {
    let wanted = code.trim().to_uppercase();
    let mut scored: Vec<(usize, &'static str)> = catalogue
        .iter()
        .map(|info| {
            let candidate = info.code.as_str();
            (strsim::levenshtein(&wanted, candidate), candidate)
        })
        .filter(|(distance, _)| *distance <= 2)
        .collect();
    scored.sort();
    scored.into_iter().take(3).map(|(_, code)| code).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_misses_suggest_the_closest_codes() {
        assert_eq!(nearest_codes("e0209", all_codes())[0], "E0209");
        let near = nearest_codes("E0299", all_codes());
        assert!(near.contains(&"E0209"), "{near:?}");
        assert!(near.len() <= 3);
        assert!(nearest_codes("hello", all_codes()).is_empty());
    }

    #[test]
    fn the_list_has_every_code_once() {
        let list = list(Lang::En);
        assert_eq!(list.lines().count(), all_codes().len());
        assert!(list.contains("E0201  error    unknown descriptor field\n"));
    }
}
