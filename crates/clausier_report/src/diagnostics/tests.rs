use clausier_diagnostics::{Code, Diagnostic, FileId, Lang, SourceFile, SourceMap, Span};

use super::*;

const HOSTING: &str = "descriptor {\n  hosting: { région: Region }\n}\n\nrequirement HEB-01 \"Hébergement\" {\n  require hosting.region == EU\n}\n";
const AWARD: &str = "criterion PRIX \"Prix\" weight 40 {\n  score 75% < 6 €\n}\n";

fn sources() -> SourceMap {
    let mut sources = SourceMap::new();
    sources.add(SourceFile::new("rules/edtech-fr/hosting.clause", HOSTING));
    sources.add(SourceFile::new("rules/edtech-fr/award.clause", AWARD));
    sources
}

fn span_of(text: &str, needle: &str) -> Span {
    let start = text.find(needle).unwrap();
    Span::from_range(start..start + needle.len())
}

fn diagnostics() -> Vec<Diagnostic> {
    vec![
        Diagnostic::error(Code::UNKNOWN_FIELD, "unknown field `region` in `hosting`")
            .with_primary(
                FileId(0),
                span_of(HOSTING, "region =="),
                "not a field of `hosting`",
            )
            .with_secondary(
                FileId(0),
                span_of(HOSTING, "région"),
                "a field with a close name",
            )
            .with_note("the fields of `hosting` are `région`")
            .with_help("did you mean `région`?"),
        Diagnostic::error(Code::INCOMPARABLE, "cannot compare `percent` with `money`")
            .with_primary(
                FileId(1),
                span_of(AWARD, "75% < 6 €"),
                "percent compared with money",
            ),
        Diagnostic::warning(Code::WEIGHTS_NOT_100, "criteria weights sum to 40, not 100")
            .with_primary(FileId(1), span_of(AWARD, "weight 40"), "the only criterion")
            .with_help("make the weights of all criteria sum to 100"),
    ]
}

#[test]
fn terminal_output_shows_code_labels_notes_and_help() {
    let text = render_terminal(&diagnostics(), &sources(), false);
    insta::assert_snapshot!(text);
}

#[test]
fn terminal_output_has_colors_only_when_asked() {
    let plain = render_terminal(&diagnostics(), &sources(), false);
    let colored = render_terminal(&diagnostics(), &sources(), true);
    assert!(!plain.contains('\u{1b}'));
    assert!(colored.contains("\u{1b}["));
    assert_eq!(render_terminal(&diagnostics(), &sources(), false), plain);
}

#[test]
fn a_label_outside_its_file_still_shows_the_message() {
    let broken = vec![
        Diagnostic::error(Code::SYNTAX, "expected an item")
            .with_primary(FileId(0), Span::new(9000, 9001), "here")
            .with_help("start an item with a keyword such as `requirement`"),
        Diagnostic::error(Code::IO, "cannot read `x.clause`"),
    ];
    insta::assert_snapshot!(render_terminal(&broken, &sources(), false));
}

#[test]
fn the_summary_counts_errors_and_warnings() {
    assert_eq!(
        render_summary(Lang::En, "edtech-fr", &diagnostics(), false).as_deref(),
        Some("error: could not compile pack `edtech-fr` (2 errors, 1 warning)\n")
    );
    assert_eq!(
        render_summary(Lang::Fr, "edtech-fr", &diagnostics(), false).as_deref(),
        Some(
            "erreur : impossible de compiler le jeu de clauses `edtech-fr` (2 erreurs, 1 avertissement)\n"
        )
    );
    let warnings_only = &diagnostics()[2..];
    assert_eq!(
        render_summary(Lang::En, "edtech-fr", warnings_only, false),
        None
    );
    let one_error = &diagnostics()[..1];
    assert_eq!(
        render_summary(Lang::En, "p", one_error, false).as_deref(),
        Some("error: could not compile pack `p` (1 error)\n")
    );
    assert_eq!(
        render_summary(Lang::Fr, "p", one_error, false).as_deref(),
        Some("erreur : impossible de compiler le jeu de clauses `p` (1 erreur)\n")
    );
}

#[test]
fn json_gives_one_based_positions_in_characters() {
    let value = to_json(Lang::En, &diagnostics(), &sources());
    insta::assert_json_snapshot!(value);
    // `région` and `€` are multi-byte: columns must count characters.
    let award = &value[1];
    assert_eq!(award["line"], 2);
    assert_eq!(award["column"], 9);
    assert_eq!(award["end_column"], 18);
}

#[test]
fn json_without_a_label_has_null_positions_and_help() {
    let value = to_json(
        Lang::En,
        &[Diagnostic::error(Code::IO, "cannot read `x.clause`")],
        &sources(),
    );
    assert_eq!(
        value,
        serde_json::json!([{
            "severity": "error", "code": "E0901", "message": "cannot read `x.clause`",
            "file": null, "line": null, "column": null, "end_line": null,
            "end_column": null, "help": null
        }])
    );
}

#[test]
fn a_label_on_a_very_long_line_is_located_instead_of_drawn() {
    let text = format!(
        "requirement A \"a\" {{ require {}ok{} }}\n",
        "(".repeat(5000),
        ")".repeat(5000)
    );
    let mut sources = SourceMap::new();
    let file = sources.add(SourceFile::new("deep.clause", text.as_str()));
    let at = text.find("((").unwrap() + 300;
    let deep = [
        Diagnostic::error(Code::NESTING_TOO_DEEP, "expression nested too deeply").with_primary(
            file,
            Span::from_range(at..at + 1),
            "this goes past 256 levels of nesting",
        ),
    ];
    let rendered = render_terminal(&deep, &sources, false);
    assert!(
        rendered.len() < 1000,
        "the line was drawn: {} bytes",
        rendered.len()
    );
    insta::assert_snapshot!(rendered);
}

#[test]
fn french_names_the_severity_and_the_advice_in_french_with_or_without_colour() {
    let warning = Diagnostic::warning(Code::UNUSED_PARAM, "parameter `x` is never used")
        .with_primary(FileId(1), span_of(AWARD, "PRIX"), "")
        .with_help("remove it");
    for color in [false, true] {
        let rendered = render_terminal_in(Lang::Fr, &diagnostics(), &sources(), color);
        assert!(rendered.contains("erreur[E0201]"), "{rendered}");
        assert!(
            rendered.contains("aide : did you mean `région`?"),
            "{rendered}"
        );
        assert!(!rendered.contains("error[E"), "{rendered}");
        assert!(!rendered.contains("help:"), "{rendered}");
        let rendered =
            render_terminal_in(Lang::Fr, std::slice::from_ref(&warning), &sources(), color);
        assert!(rendered.contains("avertissement[W0"), "{rendered}");
    }
    // A message that happens to contain the English header is left as written.
    let quoting = Diagnostic::error(Code::IO, "cannot read `error[E0901]`");
    let rendered = render_terminal_in(Lang::Fr, &[quoting], &sources(), false);
    assert!(
        rendered.starts_with("erreur[E0901]: cannot read `error[E0901]`"),
        "{rendered}"
    );
}

#[test]
fn english_rendering_is_the_default_renderer() {
    assert_eq!(
        render_terminal_in(Lang::En, &diagnostics(), &sources(), false),
        render_terminal(&diagnostics(), &sources(), false)
    );
}

#[test]
fn json_gives_the_message_and_help_in_the_language_asked() {
    let help = Diagnostic::error(Code::IO, Message::new("diagnostic-severity-error"))
        .with_help(Message::new("diagnostic-severity-warning"));
    let french = to_json(Lang::Fr, std::slice::from_ref(&help), &sources());
    assert_eq!(french[0]["message"], "erreur");
    assert_eq!(french[0]["help"], "avertissement");
    assert_eq!(french[0]["severity"], "error");
    let english = to_json(Lang::En, &[help], &sources());
    assert_eq!(english[0]["message"], "error");
}
