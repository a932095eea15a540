//! Vendor data as people may safely read it. A descriptor's `id`, its file name, its keys
//! and its values reach a buyer's terminal, spreadsheet or browser: a control character
//! there could rewrite what the terminal shows ("eligible" over "invalid"), and a huge
//! value could push the verdicts off the screen. The reports for people render a copy of
//! the report where every such text is visible and of bounded length.

use std::borrow::Cow;
use std::fmt::Write;

use clausier_check::value::Value;
use clausier_diagnostics::{Diagnostic, SourceFile, SourceMap};

use clausier_eval::report::{
    Alternative, ClauseResult, DataErrorEntry, DescriptorReport, Explanation, Reason, Report, Shown,
};

/// The most characters of one vendor text a report shows.
pub(crate) const SHOWN_CHARS: usize = 200;

/// Whether a character changes how a terminal or an editor lays the text out instead of
/// showing a glyph: C0 and C1 controls, DEL, line and paragraph separators, and the
/// bidirectional overrides that can reorder what is read.
fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// The text with each hidden character written as `\u{1b}`, and cut after
/// [`SHOWN_CHARS`] characters with a note of its full length.
pub(crate) fn visible(text: &str) -> Cow<'_, str> {
    let long = text.chars().nth(SHOWN_CHARS).is_some();
    if !long && !text.chars().any(is_hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len().min(SHOWN_CHARS * 4) + 16);
    for c in text.chars().take(SHOWN_CHARS) {
        if is_hidden(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    if long {
        let _ = write!(out, "… ({} characters)", text.chars().count());
    }
    Cow::Owned(out)
}

/// The text with each hidden character written as `\u{1b}`, however long.
fn escaped(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_hidden(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A descriptor problem's words with their hidden characters written out (the message
/// quotes the vendor's values, the label names the vendor's keys).
pub(crate) fn visible_diagnostic(diagnostic: &Diagnostic) -> Diagnostic {
    let mut shown = diagnostic.clone();
    let visible = |text: &str| escaped(text).into_owned();
    shown.message = shown.message.map_texts(visible);
    for label in &mut shown.labels {
        label.message = label.message.map_texts(visible);
    }
    for note in &mut shown.notes {
        *note = note.map_texts(visible);
    }
    if let Some(help) = &mut shown.help {
        *help = help.map_texts(visible);
    }
    shown
}

/// The vendor's texts that snippets quote, each hidden character replaced by a visible one
/// of the same length in bytes (`?`, `¿` or `�`), so that spans and columns stay true.
/// Line breaks (`\n`, `\r\n`) and tabs stay: they lay out the snippet; a `\r` alone would
/// write over its line. File names are written out as elsewhere.
pub(crate) fn visible_sources(sources: &SourceMap) -> SourceMap {
    let mut shown = SourceMap::new();
    for (_, file) in sources.iter() {
        let text = file.text();
        let hidden_at = |at: usize, c: char| match c {
            '\n' | '\t' => false,
            '\r' => text.as_bytes().get(at + 1) != Some(&b'\n'),
            _ => is_hidden(c),
        };
        let any_hidden = text.char_indices().any(|(at, c)| hidden_at(at, c));
        if !any_hidden && !file.name().chars().any(is_hidden) {
            shown.add(file.clone());
            continue;
        }
        let text: String = text
            .char_indices()
            .map(|(at, c)| match (hidden_at(at, c), c.len_utf8()) {
                (false, _) => c,
                (true, 1) => '?',
                (true, 2) => '¿',
                (true, _) => '\u{fffd}',
            })
            .collect();
        let name = escaped(file.name()).into_owned();
        shown.add(SourceFile::new(name, text).starting_at_line(file.first_line()));
    }
    shown
}

fn fix(text: &mut String) {
    if let Cow::Owned(shown) = visible(text) {
        *text = shown;
    }
}

/// A copy of the report whose every text is [`visible`].
pub(crate) fn for_people(report: &Report) -> Report {
    let mut report = report.clone();
    for param in &mut report.params {
        fix(&mut param.value);
        fix(&mut param.default);
        if let Some(at) = &mut param.set_in {
            fix(at);
        }
    }
    for descriptor in &mut report.descriptors {
        descriptor_for_people(descriptor);
    }
    report
}

fn descriptor_for_people(descriptor: &mut DescriptorReport) {
    fix(&mut descriptor.id);
    fix(&mut descriptor.source);
    for result in &mut descriptor.results {
        match result {
            ClauseResult::Requirement(r) => {
                r.missing.iter_mut().for_each(fix);
                r.explanation.iter_mut().for_each(explanation_for_people);
                r.reasons.iter_mut().for_each(reason_for_people);
            }
            ClauseResult::Criterion(c) => {
                c.missing.iter_mut().for_each(fix);
                c.reasons.iter_mut().for_each(reason_for_people);
            }
        }
    }
    descriptor.errors.iter_mut().for_each(error_for_people);
}

fn explanation_for_people(item: &mut Explanation) {
    fix(&mut item.expr);
    if let Some(path) = &mut item.path {
        fix(path);
    }
    if let Some(value) = &mut item.value {
        fix(value);
    }
    if let Some(element) = &mut item.element {
        fix(&mut element.list);
    }
    if let Some(counted) = &mut item.counted {
        counted.iter_mut().for_each(fix);
    }
    item.observed.iter_mut().for_each(shown_for_people);
    if let Some(claim) = &mut item.claim {
        claim.observed.iter_mut().for_each(shown_for_people);
        claim.expected.iter_mut().for_each(shown_for_people);
    }
    item.alternatives
        .iter_mut()
        .for_each(alternative_for_people);
}

/// A vendor's text inside a value a claim quotes (`"spoof\u{1b}[2K"`), made visible as
/// everywhere else in the report.
fn shown_for_people(shown: &mut Shown) {
    match shown {
        Shown::Name(name) => fix(name),
        Shown::Value(value) => {
            if let Some(made_visible) = visible_value(value) {
                *value = made_visible;
            }
        }
    }
}

/// The value with its texts made visible, `None` when nothing needed it.
fn visible_value(value: &Value) -> Option<Value> {
    match value {
        Value::String(text) => match visible(text) {
            Cow::Owned(shown) => Some(Value::String(shown.into())),
            Cow::Borrowed(_) => None,
        },
        Value::List(items) => {
            let changed: Vec<Option<Value>> = items.iter().map(visible_value).collect();
            changed.iter().any(Option::is_some).then(|| {
                let items: Vec<Value> = changed
                    .into_iter()
                    .zip(items.iter())
                    .map(|(changed, item)| changed.unwrap_or_else(|| item.clone()))
                    .collect();
                Value::List(items.into())
            })
        }
        _ => None,
    }
}

fn alternative_for_people(alternative: &mut Alternative) {
    fix(&mut alternative.expr);
    if let Some(element) = &mut alternative.element {
        fix(&mut element.list);
    }
    alternative
        .explanation
        .iter_mut()
        .for_each(explanation_for_people);
}

fn reason_for_people(reason: &mut Reason) {
    fix(&mut reason.message);
    fix(&mut reason.expr);
}

fn error_for_people(error: &mut DataErrorEntry) {
    fix(&mut error.message);
    fix(&mut error.path);
    if let Some(help) = &mut error.help {
        fix(help);
    }
}

/// A vendor's text as a spreadsheet cell that stays text: one that a spreadsheet would
/// read as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets
/// a leading `'`, as OWASP advises against CSV injection.
pub(crate) fn spreadsheet_text(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_are_written_out() {
        assert_eq!(
            visible("a\u{1b}[2Kb\r\u{7}\0"),
            "a\\u{1b}[2Kb\\u{d}\\u{7}\\u{0}"
        );
        assert_eq!(visible("é\u{202E}x"), "é\\u{202e}x");
        assert!(matches!(visible("plain text"), Cow::Borrowed(_)));
    }

    #[test]
    fn long_text_is_cut_with_its_length() {
        let long = "x".repeat(SHOWN_CHARS + 1);
        assert_eq!(
            visible(&long),
            format!(
                "{}… ({} characters)",
                "x".repeat(SHOWN_CHARS),
                SHOWN_CHARS + 1
            )
        );
        assert_eq!(visible(&"x".repeat(SHOWN_CHARS)), "x".repeat(SHOWN_CHARS));
    }

    #[test]
    fn formulas_stay_text() {
        for formula in ["=cmd|' /C calc'!A0", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(spreadsheet_text(formula), format!("'{formula}"));
        }
        assert_eq!(spreadsheet_text("vendor-1"), "vendor-1");
    }
}
