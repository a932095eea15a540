//! The project's diagnostics as LSP diagnostics: the code in `code`, its title in
//! `data`, secondary labels as related information, notes and help in the message.

use clausier_diagnostics::{Code, Diagnostic, FileId, Lang, Message, Severity};
use clausier_i18n::t;
use serde_json::json;
use tower_lsp_server::ls_types::{
    self as lsp, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag, Location,
    NumberOrString,
};

use crate::convert::LineMap;

/// What the editor shows as the diagnostic's origin.
pub const SOURCE: &str = "clausier";

pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// Lints whose code the editor should show as unnecessary (faded) code.
fn tags(code: Code) -> Option<Vec<DiagnosticTag>> {
    (code == Code::UNUSED_PARAM).then(|| vec![DiagnosticTag::UNNECESSARY])
}

/// The message with its notes and help, as the terminal shows them below it.
fn full_message(lang: Lang, message: String, notes: &[Message], help: Option<&Message>) -> String {
    let mut out = message;
    for note in notes {
        out.push('\n');
        out.push_str(
            &Message::new("diagnostic-note")
                .with("note", note.text(lang))
                .text(lang),
        );
    }
    if let Some(help) = help {
        out.push('\n');
        out.push_str(
            &Message::new("diagnostic-help")
                .with("help", help.text(lang))
                .text(lang),
        );
    }
    out
}

/// The message followed by the primary label, which the terminal shows under the caret
/// and the editor has nowhere else to show; a label the message already says (a syntax
/// error's "expected …" within "expected …, found …") is left out, so the editor does
/// not say it twice.
fn with_primary_label(message: String, label: Option<String>) -> String {
    match label {
        Some(label) if !label.is_empty() && !message.contains(&label) => {
            format!("{message}: {label}")
        }
        _ => message,
    }
}

/// The code's title and the command that explains it: the long explanation itself is
/// shown on hover, not sent with every diagnostic.
fn data(code: Code) -> Option<serde_json::Value> {
    let info = code.info()?;
    Some(json!({
        "title": info.title,
        "explain": format!("clausier explain {code}"),
    }))
}

/// Converts a diagnostic whose primary label is in the file `map` reads, in `lang`.
/// `locate` gives the location of a span in any file, for the related information.
pub fn to_lsp(
    lang: Lang,
    diagnostic: &Diagnostic,
    map: &LineMap<'_>,
    locate: &dyn Fn(FileId, clausier_diagnostics::Span) -> Option<Location>,
) -> lsp::Diagnostic {
    let primary = diagnostic.primary_label();
    let range = primary.map_or_else(|| map.range(Default::default()), |l| map.range(l.span));
    let related: Vec<DiagnosticRelatedInformation> = diagnostic
        .labels
        .iter()
        .filter(|label| !label.primary && !label.message.is_empty())
        .filter_map(|label| {
            Some(DiagnosticRelatedInformation {
                location: locate(label.file, label.span)?,
                message: label.message.text(lang),
            })
        })
        .collect();
    let message = with_primary_label(
        diagnostic.message.text(lang),
        primary.map(|l| l.message.text(lang)),
    );
    lsp::Diagnostic {
        range,
        severity: Some(severity(diagnostic.severity)),
        code: Some(NumberOrString::String(diagnostic.code.to_string())),
        code_description: None,
        source: Some(SOURCE.to_owned()),
        message: full_message(lang, message, &diagnostic.notes, diagnostic.help.as_ref()),
        related_information: (!related.is_empty()).then_some(related),
        tags: tags(diagnostic.code),
        data: data(diagnostic.code),
    }
}

/// The first paragraph of a code's long explanation, for hovers over a diagnostic, in
/// `lang`.
pub fn explanation_summary(code: Code, lang: Lang) -> Option<String> {
    let info = code.info()?;
    let paragraph: Vec<&str> = info
        .explanation_in(lang)
        .lines()
        .skip_while(|line| line.starts_with('#') || line.trim().is_empty())
        .take_while(|line| !line.trim().is_empty())
        .collect();
    let command = format!("clausier explain {code}");
    Some(format!(
        "**{code}** {}\n\n{}\n\n{}",
        info.title_in(lang),
        paragraph.join("\n"),
        t!(lang, "editor-explain-in-full", command = command)
    ))
}

#[cfg(test)]
mod tests {
    use clausier_diagnostics::{LineIndex, Span};
    use tower_lsp_server::ls_types::{Position, Range, Uri};

    use super::*;
    use crate::convert::Encoding;

    const TEXT: &str = "param prix: money = 6 €\nrequirement R \"é\" {\n  require prx > 1\n}\n";

    fn span_of(needle: &str) -> Span {
        let start = TEXT.find(needle).unwrap();
        Span::from_range(start..start + needle.len())
    }

    fn convert(diagnostic: &Diagnostic) -> lsp::Diagnostic {
        let index = LineIndex::new(TEXT);
        let map = LineMap::new(TEXT, &index, Encoding::Utf16);
        let uri: Uri = "file:///pack/a.clause".parse().unwrap();
        let locate = |_: FileId, span: Span| {
            Some(Location {
                uri: uri.clone(),
                range: map.range(span),
            })
        };
        to_lsp(Lang::En, diagnostic, &map, &locate)
    }

    #[test]
    fn a_diagnostic_keeps_its_code_place_help_and_context() {
        let diagnostic = Diagnostic::error(Code::UNKNOWN_NAME, "unknown name `prx`")
            .with_primary(FileId(0), span_of("prx"), "not declared")
            .with_secondary(FileId(0), span_of("prix"), "a parameter with a close name")
            .with_note("names are case-sensitive")
            .with_help("did you mean `prix`?");
        let lsp = convert(&diagnostic);
        assert_eq!(
            lsp.range,
            Range::new(Position::new(2, 10), Position::new(2, 13))
        );
        assert_eq!(lsp.severity, Some(DiagnosticSeverity::ERROR));
        assert_eq!(lsp.code, Some(NumberOrString::String("E0203".into())));
        assert_eq!(
            lsp.message,
            "unknown name `prx`: not declared\nnote: names are case-sensitive\nhelp: did you mean `prix`?"
        );
        let related = lsp.related_information.unwrap();
        assert_eq!(related.len(), 1);
        assert_eq!(related[0].message, "a parameter with a close name");
        assert_eq!(related[0].location.range.start, Position::new(0, 6));
        assert_eq!(lsp.data.unwrap()["explain"], "clausier explain E0203");
        assert_eq!(lsp.tags, None);
    }

    /// The message the editor shows for the first syntax error of `text`.
    fn syntax_message(lang: Lang, text: &str) -> String {
        let analysis = clausier_ide::Analysis::new("p", vec![(FileId(0), text.to_owned())]);
        let diagnostic = analysis
            .diagnostics(FileId(0))
            .into_iter()
            .find(|d| d.code == Code::SYNTAX)
            .unwrap();
        let index = LineIndex::new(text);
        let map = LineMap::new(text, &index, Encoding::Utf16);
        to_lsp(lang, &diagnostic, &map, &|_, _| None).message
    }

    #[test]
    fn a_syntax_error_says_what_was_expected_once() {
        let text = "requirement R \"r\" {\n  level shoud\n  require true\n}\n";
        assert_eq!(
            syntax_message(Lang::En, text),
            "expected `must`, `should`, `info` or `execution`, found `shoud`"
        );
        assert_eq!(
            syntax_message(Lang::Fr, text),
            "on attendait `must`, `should`, `info` ou `execution`, et non `shoud`"
        );
    }

    #[test]
    fn a_syntax_error_whose_message_names_what_is_missing_says_it_once() {
        let text = "descriptor {\n  xs: list<int>\n}\nrequirement R \"r\" {\n  require count(xs > 1: true) > 0\n}\n";
        assert_eq!(
            syntax_message(Lang::En, text).lines().next().unwrap(),
            "a `count` with a condition needs `x in collection` before `:`"
        );
        let text = "requirement R \"r\" {\n  require true;\n}\n";
        assert_eq!(
            syntax_message(Lang::En, text).lines().next().unwrap(),
            "expected an operator, a clause field or `}`, found `;`"
        );
    }

    #[test]
    fn severities_and_tags() {
        let cases = [
            (Severity::Error, DiagnosticSeverity::ERROR),
            (Severity::Warning, DiagnosticSeverity::WARNING),
            (Severity::Info, DiagnosticSeverity::INFORMATION),
        ];
        for (ours, theirs) in cases {
            assert_eq!(severity(ours), theirs);
        }
        let unused = Diagnostic::warning(Code::UNUSED_PARAM, "parameter `prix` is never read")
            .with_primary(FileId(0), span_of("prix"), "");
        let lsp = convert(&unused);
        assert_eq!(lsp.tags, Some(vec![DiagnosticTag::UNNECESSARY]));
        assert_eq!(lsp.message, "parameter `prix` is never read");
    }

    #[test]
    fn explanations_are_summarised_for_hovers() {
        let summary = explanation_summary(Code::UNKNOWN_FIELD, Lang::En).unwrap();
        assert!(summary.starts_with("**E0201** unknown descriptor field\n\nA path such as"));
        assert!(summary.ends_with("`clausier explain E0201` explains it in full."));
    }

    #[test]
    fn the_summary_of_a_code_reads_in_french_for_a_french_editor() {
        let summary = explanation_summary(Code::UNKNOWN_FIELD, Lang::Fr).unwrap();
        assert!(
            summary.starts_with("**E0201** champ du descripteur inconnu\n\nUn chemin tel que"),
            "{summary}"
        );
        assert!(
            summary.ends_with("`clausier explain E0201` l'explique en entier."),
            "{summary}"
        );
    }
}
