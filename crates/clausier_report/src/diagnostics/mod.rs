//! Compiler diagnostics for people (a terminal) and for programs (JSON).

mod files;

use clausier_diagnostics::{Code, Diagnostic, Label, LineCol, Message, Severity, SourceMap};
use clausier_i18n::Lang;
use codespan_reporting::diagnostic as cs;
use codespan_reporting::term::{self, Config, Styles, StylesWriter, termcolor};
use serde_json::{Value, json};

use crate::style::{Painter, Style};

use self::files::SourceFiles;

/// [`render_terminal_in`] in English.
pub fn render_terminal(diags: &[Diagnostic], sources: &SourceMap, color: bool) -> String {
    render_terminal_in(Lang::En, diags, sources, color)
}

/// Renders diagnostics as rustc does: `error[E0201]: message`, the source lines with
/// primary and secondary labels, then notes and `help:`, every word in `lang`
/// (`erreur[E0201]`, `= aide : …` in French). ANSI colors only when `color`.
///
/// The output depends only on the arguments; diagnostics are rendered in the order given
/// (sort them with [`Diagnostic::sort_key`] first).
pub fn render_terminal_in(
    lang: Lang,
    diags: &[Diagnostic],
    sources: &SourceMap,
    color: bool,
) -> String {
    let files = SourceFiles::new(sources);
    let config = Config::default();
    let styles = Styles::default();
    let mut out = Vec::new();
    for diagnostic in diags {
        let converted = to_codespan(lang, diagnostic, sources);
        let mut buffer = Vec::new();
        if emit(&mut buffer, color, &styles, &config, &files, &converted).is_err() {
            buffer = fallback_text(lang, diagnostic).into_bytes();
        }
        let rendered = String::from_utf8_lossy(&buffer);
        out.extend_from_slice(
            translated_header(&rendered, diagnostic.severity, Some(diagnostic.code), lang)
                .as_bytes(),
        );
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// codespan-reporting writes the severity word of the header itself, in English
/// (`error[E0301]`): the header is the first thing it writes, so its first occurrence of
/// `error[E0301]` (or `error:` without a code) is replaced by the word in `lang`. Nothing
/// else is touched: the same sequence inside a message or a snippet stays as written.
fn translated_header(rendered: &str, severity: Severity, code: Option<Code>, lang: Lang) -> String {
    let english = severity.word(Lang::En);
    let local = severity.word(lang);
    if english == local {
        return rendered.to_owned();
    }
    let (from, to) = match code {
        Some(code) => (format!("{english}[{code}]"), format!("{local}[{code}]")),
        None => (english.clone(), local),
    };
    rendered.replacen(&from, &to, 1)
}

/// A diagnostic's advice as its last note: `help: …`, `aide : …`.
fn help_note(lang: Lang, help: &Message) -> String {
    Message::new("diagnostic-help")
        .with("help", help.text(lang))
        .text(lang)
}

/// Renders an error that is about no place in a file (a command-line mistake, an output
/// that cannot be written) in the same layout as [`render_terminal`]:
/// `error[E0901]: message`, then `= help: …`. A code is optional here, since not every
/// mistake on the command line has an entry in the catalogue.
pub fn render_error_without_place(
    lang: Lang,
    code: Option<Code>,
    message: &Message,
    help: Option<&Message>,
    color: bool,
) -> String {
    let message = message.text(lang);
    let help = help.map(|help| help_note(lang, help));
    let mut converted = cs::Diagnostic::error().with_message(&message);
    if let Some(code) = code {
        converted = converted.with_code(code);
    }
    if let Some(help) = &help {
        converted = converted.with_notes(vec![help.clone()]);
    }
    let sources = SourceMap::new();
    let files = SourceFiles::new(&sources);
    let mut buffer = Vec::new();
    let rendered = emit(
        &mut buffer,
        color,
        &Styles::default(),
        &Config::default(),
        &files,
        &converted,
    );
    if rendered.is_err() {
        let word = Severity::Error.word(lang);
        let code = code.map(|code| format!("[{code}]")).unwrap_or_default();
        let help = help.map(|help| format!("  = {help}\n")).unwrap_or_default();
        return format!("{word}{code}: {message}\n{help}\n");
    }
    translated_header(
        &String::from_utf8_lossy(&buffer),
        Severity::Error,
        code,
        lang,
    )
}

fn emit(
    buffer: &mut Vec<u8>,
    color: bool,
    styles: &Styles,
    config: &Config,
    files: &SourceFiles<'_>,
    diagnostic: &cs::Diagnostic<clausier_diagnostics::FileId>,
) -> Result<(), codespan_reporting::files::Error> {
    if color {
        let mut writer = StylesWriter::new(termcolor::Ansi::new(buffer), styles);
        term::emit_to_write_style(&mut writer, config, files, diagnostic)
    } else {
        let mut writer = StylesWriter::new(termcolor::NoColor::new(buffer), styles);
        term::emit_to_write_style(&mut writer, config, files, diagnostic)
    }
}

fn to_codespan(
    lang: Lang,
    diagnostic: &Diagnostic,
    sources: &SourceMap,
) -> cs::Diagnostic<clausier_diagnostics::FileId> {
    let severity = match diagnostic.severity {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
        Severity::Info => cs::Severity::Note,
    };
    let message = diagnostic.message.text(lang);
    let mut labels = Vec::new();
    let mut notes = Vec::new();
    for label in &diagnostic.labels {
        let label_text = label.message.text(lang);
        if is_whole_empty_file(label, sources) {
            // An error about a file as a whole (it cannot be read, it is a folder) has no
            // line to draw: the message names the file, or a note does.
            if let Some(file) = sources.get(label.file)
                && !message.contains(file.name())
            {
                notes.push(file.name().to_owned());
            }
        } else if fits(label, sources) && !too_long_to_draw(label, sources) {
            let style = if label.primary {
                cs::LabelStyle::Primary
            } else {
                cs::LabelStyle::Secondary
            };
            labels.push(
                cs::Label::new(style, label.file, label.span.range()).with_message(label_text),
            );
        } else {
            // A span that does not fit its text cannot be drawn, and a line of many
            // kilobytes (a minified file, a generated expression) would drown the
            // message: say where it is and what the label said.
            let place = match sources.get(label.file) {
                Some(file) if fits(label, sources) => {
                    let at = file.line_col(label.span.start);
                    format!("{}:{}:{}", file.name(), at.line, at.column)
                }
                Some(file) => file.name().to_owned(),
                None => "<unknown file>".to_owned(),
            };
            notes.push(if label_text.is_empty() {
                place
            } else {
                format!("{place}: {label_text}")
            });
        }
    }
    notes.extend(diagnostic.notes.iter().map(|note| note.text(lang)));
    if let Some(help) = &diagnostic.help {
        notes.push(help_note(lang, help));
    }
    cs::Diagnostic::new(severity)
        .with_code(diagnostic.code)
        .with_message(message)
        .with_labels(labels)
        .with_notes(notes)
}

/// Whether a label without words points at a file with no text, as the errors about a
/// file that cannot be read do.
fn is_whole_empty_file(label: &Label, sources: &SourceMap) -> bool {
    label.message.is_empty()
        && label.span.range().is_empty()
        && sources
            .get(label.file)
            .is_some_and(|file| file.text().is_empty())
}

/// Whether a label's span lies within its file, on character boundaries.
fn fits(label: &Label, sources: &SourceMap) -> bool {
    let Some(file) = sources.get(label.file) else {
        return false;
    };
    let text = file.text();
    let range = label.span.range();
    range.start <= range.end
        && range.end <= text.len()
        && text.is_char_boundary(range.start)
        && text.is_char_boundary(range.end)
}

/// Lines longer than this are not drawn under a diagnostic.
const MAX_DRAWN_LINE: usize = 400;

fn too_long_to_draw(label: &Label, sources: &SourceMap) -> bool {
    let Some(file) = sources.get(label.file) else {
        return true;
    };
    let index = file.line_index();
    let first = index.line_of(label.span.start);
    let last = index.line_of(label.span.end);
    (first..=last).any(|line| {
        index
            .line_range(line, file.text())
            .is_some_and(|range| range.len() > MAX_DRAWN_LINE)
    })
}

fn fallback_text(lang: Lang, diagnostic: &Diagnostic) -> String {
    let mut text = format!(
        "{}[{}]: {}\n",
        diagnostic.severity.word(Lang::En),
        diagnostic.code,
        diagnostic.message.text(lang)
    );
    for note in &diagnostic.notes {
        text.push_str(&format!("  = {}\n", note.text(lang)));
    }
    if let Some(help) = &diagnostic.help {
        text.push_str(&format!("  = {}\n", help_note(lang, help)));
    }
    text.push('\n');
    text
}

/// The closing line of a compilation that failed, in `lang`:
/// ``error: could not compile pack `edtech-fr` (3 errors, 1 warning)``. `None` when the
/// diagnostics hold no error.
pub fn render_summary(lang: Lang, pack: &str, diags: &[Diagnostic], color: bool) -> Option<String> {
    render_refusal(
        lang,
        Message::new("e09-refusal-could-not-compile"),
        pack,
        diags,
        color,
    )
}

/// [`render_summary`] for a command that refuses a pack that compiles, saying why
/// (`what`, as `e09-refusal-cannot-publish`): ``error: cannot publish pack `region` (2
/// errors)``.
pub fn render_refusal(
    lang: Lang,
    what: Message,
    pack: &str,
    diags: &[Diagnostic],
    color: bool,
) -> Option<String> {
    let errors = count(diags, Severity::Error);
    if errors == 0 {
        return None;
    }
    let painter = Painter { color };
    let line = Message::new("e09-refusal")
        .with("what", what)
        .with("pack", pack)
        .with("errors", errors)
        .with("warnings", count(diags, Severity::Warning));
    Some(format!(
        "{}{} {}\n",
        painter.paint(Style::BoldRed, &Severity::Error.word(lang)),
        painter.paint(Style::Bold, &Message::new("e09-refusal-colon").text(lang)),
        line.text(lang),
    ))
}

/// How many diagnostics have the given severity.
pub fn count(diags: &[Diagnostic], severity: Severity) -> usize {
    diags.iter().filter(|d| d.severity == severity).count()
}

/// `1 error`, `3 errors`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The diagnostics as a JSON list of `{severity, code, message, file, line, column,
/// end_line, end_column, help}` taken from each primary label: lines and columns 1-based,
/// columns counted in characters. A diagnostic without a label has `null` for its file
/// and position; `help` is `null` when there is none. `message` and `help` are in `lang`;
/// `severity` is the machine's word (`error`, `warning`, `info`) in every language.
pub fn to_json(lang: Lang, diags: &[Diagnostic], sources: &SourceMap) -> Value {
    Value::Array(
        diags
            .iter()
            .map(|diagnostic| {
                let located = diagnostic.primary_label().and_then(|label| {
                    let (name, start) = locate(label, sources)?;
                    let end = sources.get(label.file)?.line_col(label.span.end);
                    Some((name, start, end))
                });
                let (file, start, end) = match located {
                    Some((name, start, end)) => (Some(name), Some(start), Some(end)),
                    None => (None, None, None),
                };
                json!({
                    "severity": diagnostic.severity.as_str(),
                    "code": diagnostic.code.as_str(),
                    "message": diagnostic.message.text(lang),
                    "file": file,
                    "line": start.map(|at| at.line),
                    "column": start.map(|at| at.column),
                    "end_line": end.map(|at| at.line),
                    "end_column": end.map(|at| at.column),
                    "help": diagnostic.help.as_ref().map(|help| help.text(lang)),
                })
            })
            .collect(),
    )
}

fn locate<'a>(label: &Label, sources: &'a SourceMap) -> Option<(&'a str, LineCol)> {
    let file = sources.get(label.file)?;
    Some((file.name(), file.line_col(label.span.start)))
}

#[cfg(test)]
mod tests;
