//! Tests at the IDE boundary: a fixture holds `$0` where the cursor is, and several
//! files are separated by `//- name.clause` lines.

use clausier_diagnostics::Lang;
use std::fmt::Write as _;

use crate::{Analysis, FileId, Span};

mod cahier;
mod code_actions;
mod completion;
mod diagnostics;
mod folding;
mod format;
mod hover;
mod inlay_hints;
mod lens;
mod links;
mod navigation;
mod no_panic;
mod rename;
mod selection;
mod semantic_tokens;
mod shipped;
mod symbols;
mod workspace;
mod workspace_symbols;

const CURSOR: &str = "$0";

/// A parsed fixture: the analysis, the files' names, and the cursor.
pub(crate) struct Fixture {
    pub analysis: Analysis,
    pub names: Vec<String>,
    pub cursor: Option<(FileId, u32)>,
}

impl Fixture {
    pub fn parse(input: &str) -> Self {
        let mut files: Vec<(String, String)> = Vec::new();
        if input.trim_start().starts_with("//- ") {
            for chunk in input.split("//- ").filter(|c| !c.trim().is_empty()) {
                let (name, text) = chunk.split_once('\n').unwrap_or((chunk, ""));
                files.push((name.trim().to_owned(), text.to_owned()));
            }
        } else {
            files.push(("main.clause".to_owned(), input.to_owned()));
        }
        let mut cursor = None;
        let mut texts = Vec::new();
        for (index, (_, text)) in files.iter().enumerate() {
            let id = FileId(index as u32);
            let text = match text.find(CURSOR) {
                Some(at) => {
                    cursor = Some((id, at as u32));
                    text.replacen(CURSOR, "", 1)
                }
                None => text.clone(),
            };
            texts.push((id, text));
        }
        let names = files.into_iter().map(|(name, _)| name).collect();
        Self {
            analysis: Analysis::new("test", texts),
            names,
            cursor,
        }
    }

    pub fn cursor(&self) -> (FileId, u32) {
        self.cursor.unwrap_or((FileId(0), 0))
    }

    pub fn name(&self, file: FileId) -> &str {
        self.names.get(file.0 as usize).map_or("?", String::as_str)
    }

    pub fn text(&self, file: FileId) -> &str {
        self.analysis.file_text(file).unwrap_or("")
    }

    /// `file:line:col-line:col` and the text of a span.
    pub fn loc(&self, file: FileId, span: Span) -> String {
        let text = self.text(file);
        let (l1, c1) = line_col(text, span.start);
        let (l2, c2) = line_col(text, span.end);
        format!(
            "{}:{l1}:{c1}-{l2}:{c2} `{}`",
            self.name(file),
            crate::slice(text, span)
        )
    }

    /// `file:line:col-line:col` alone.
    pub fn range(&self, file: FileId, span: Span) -> String {
        let text = self.text(file);
        let (l1, c1) = line_col(text, span.start);
        let (l2, c2) = line_col(text, span.end);
        format!("{}:{l1}:{c1}-{l2}:{c2}", self.name(file))
    }

    pub fn diagnostics(&self) -> String {
        let mut out = String::new();
        for (index, _) in self.names.iter().enumerate() {
            let file = FileId(index as u32);
            for d in self.analysis.diagnostics(file) {
                let span = d.primary_label().map(|l| l.span).unwrap_or_default();
                let _ = writeln!(
                    out,
                    "{} {} {}: {}",
                    self.range(file, span),
                    d.severity.as_str(),
                    d.code.as_str(),
                    d.message.text(Lang::En)
                );
            }
        }
        out
    }
}

/// 1-based line and column (in characters).
fn line_col(text: &str, offset: u32) -> (usize, usize) {
    let before = text.get(..offset as usize).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// A small pack used by many tests.
pub(crate) const PACK: &str = r#"//- schema.clause
/// Where data may be stored.
enum Region {
  /// The European Union.
  EU,
  EEA,
  OTHER
}

type Subprocessor = { name: string, region: Region }

descriptor {
  /// Where the service is hosted.
  hosting: {
    /// The hosting region.
    region: Region
    certified: bool
  }
  subprocessors: list<Subprocessor>
  /// Price per student per year.
  price: money
}

/// The highest acceptable price.
param max_price: money = 6.00 €
//- rules.clause
/// Data stays in Europe.
requirement HEB-01 "Hosting in the EU" {
  level must
  text "The holder hosts all data in the EU."
  ref "GDPR art. 44"
  require hosting.region in [EU, EEA]
}

requirement SUB-01 "Subprocessors in the EU" {
  level should
  require all s in subprocessors: s.region == Region.EU
}

criterion PRICE "Price" weight 40 {
  score if price <= max_price then 100 else 0
}

test "eu" {
  given { hosting: { region: "EU", certified: true }, subprocessors: [], price: "5 €" }
  expect pass HEB-01
}
"#;

/// The fixture with `$0` put where `needle` says: `needle` is a piece of the fixture
/// with `$0` inside, e.g. `"hosting.re$0gion"`.
pub(crate) fn mark(fixture: &str, needle: &str) -> String {
    let plain = needle.replace(CURSOR, "");
    assert!(fixture.contains(&plain), "`{plain}` is not in the fixture");
    fixture.replacen(&plain, needle, 1)
}
