//! The check report as JSON, whole or in pieces.
//!
//! A run too large to hold in memory writes its report piece by piece: the head (every
//! field before `descriptors`), each descriptor's entry as soon as it is final, then the
//! tail (the summary). [`render_json`] is built from the same pieces, so both ways give
//! the same bytes, and those are the bytes of `serde_json`'s pretty form of the whole
//! [`Report`] (a test holds them to it).

use std::io::{self, Write};

use clausier_eval::report::{DescriptorReport, PackInfo, ParamReport, Report};
use serde::Serialize;

/// The JSON report of the design brief: pretty-printed with two spaces and a final line
/// break. Equal reports give identical bytes (objects keep their declaration order).
pub fn render_json(report: &Report) -> Result<String, serde_json::Error> {
    let mut text = json_head(report)?;
    for (index, descriptor) in report.descriptors.iter().enumerate() {
        text.push_str(json_separator(index == 0));
        text.push_str(&json_entry(descriptor)?);
    }
    text.push_str(&json_tail(report, !report.descriptors.is_empty())?);
    Ok(text)
}

/// The fields of the report that precede its descriptors, in the report's order.
#[derive(Serialize)]
struct Head<'a> {
    clausier: &'a str,
    pack: &'a PackInfo,
    date: &'a str,
    params: &'a [ParamReport],
}

/// The report up to the opening bracket of `descriptors`. Only the version, pack, date and
/// parameters of `report` are read: its descriptors and summary may still be unknown.
pub fn json_head(report: &Report) -> Result<String, serde_json::Error> {
    let head = Head {
        clausier: &report.clausier,
        pack: &report.pack,
        date: &report.date,
        params: &report.params,
    };
    let mut text = serde_json::to_string_pretty(&head)?;
    // The head is the report's object left open for the fields that follow.
    if text.ends_with("\n}") {
        text.truncate(text.len() - "\n}".len());
    }
    text.push_str(",\n  \"descriptors\": [");
    Ok(text)
}

/// What goes before an entry: the first opens the list's lines, the others follow a comma.
pub fn json_separator(first: bool) -> &'static str {
    if first { "\n    " } else { ",\n    " }
}

/// One descriptor's entry, indented for its place in the `descriptors` list, without the
/// separator before it. Entries can be rendered in parallel, then joined in order.
pub fn json_entry(descriptor: &DescriptorReport) -> Result<String, serde_json::Error> {
    indented(descriptor, ENTRY_INDENT)
}

/// The rest of the report once every entry is written: the end of `descriptors`, the
/// summary, the lots of a contract divided into lots, and the final line break. `any_entry` says whether an entry was written.
pub fn json_tail(report: &Report, any_entry: bool) -> Result<String, serde_json::Error> {
    let mut text = String::from(if any_entry { "\n  ]" } else { "]" });
    text.push_str(",\n  \"summary\": ");
    text.push_str(&indented(&report.summary, FIELD_INDENT)?);
    if !report.lots.is_empty() {
        text.push_str(",\n  \"lots\": ");
        text.push_str(&indented(&report.lots, FIELD_INDENT)?);
    }
    if !report.warnings.is_empty() {
        text.push_str(",\n  \"warnings\": ");
        text.push_str(&indented(&report.warnings, FIELD_INDENT)?);
    }
    text.push_str("\n}\n");
    Ok(text)
}

/// A report field's value is one level deep, a descriptor entry two.
const FIELD_INDENT: &[u8] = b"  ";
const ENTRY_INDENT: &[u8] = b"    ";

/// The pretty form of `value` with every line but the first indented by `indent`, as it
/// reads nested in the whole report. A JSON string never holds a raw line break, so each
/// one written starts a line.
fn indented(value: &impl Serialize, indent: &'static [u8]) -> Result<String, serde_json::Error> {
    let mut writer = Indenting {
        out: Vec::with_capacity(1024),
        indent,
    };
    serde_json::to_writer_pretty(&mut writer, value)?;
    // Both the serializer and the indentation write whole UTF-8 sequences.
    String::from_utf8(writer.out).map_err(|error| serde_json::Error::io(io::Error::other(error)))
}

struct Indenting {
    out: Vec<u8>,
    indent: &'static [u8],
}

impl Write for Indenting {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let mut lines = bytes.split(|byte| *byte == b'\n');
        if let Some(first) = lines.next() {
            self.out.extend_from_slice(first);
        }
        for line in lines {
            self.out.push(b'\n');
            self.out.extend_from_slice(self.indent);
            self.out.extend_from_slice(line);
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::fixtures::report;

    fn whole(report: &Report) -> String {
        let mut text = serde_json::to_string_pretty(report).unwrap();
        text.push('\n');
        text
    }

    #[test]
    fn the_pieces_give_the_bytes_of_the_whole_report() {
        let report = report();
        assert!(report.descriptors.len() > 1);
        assert_eq!(render_json(&report).unwrap(), whole(&report));
    }

    #[test]
    fn a_report_without_descriptors_has_an_empty_list() {
        let mut report = report();
        report.descriptors.clear();
        report.params.clear();
        let text = render_json(&report).unwrap();
        assert!(text.contains("\"descriptors\": [],\n"));
        assert_eq!(text, whole(&report));
    }
}
