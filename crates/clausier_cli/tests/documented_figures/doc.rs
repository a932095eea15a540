//! What a Markdown page of the documentation holds, read as a person reads it: the
//! `clausier check` command of its shell blocks, its tables, and its prose with the
//! emphasis and line breaks taken out.

use std::fs;
use std::path::Path;

pub struct Doc {
    /// Relative to the workspace root, for messages.
    pub path: String,
    pub text: String,
}

impl Doc {
    pub fn read(root: &Path, path: &str) -> Doc {
        let text = fs::read_to_string(root.join(path))
            .unwrap_or_else(|error| panic!("cannot read {path}: {error}"));
        Doc {
            path: path.to_owned(),
            text,
        }
    }

    /// The arguments after `check` of every `clausier check` (or `cargo run … -- check`)
    /// line in a fenced code block.
    pub fn check_commands(&self) -> Vec<Vec<String>> {
        let mut commands = Vec::new();
        let mut fenced = false;
        for line in self.text.lines() {
            if line.trim_start().starts_with("```") {
                fenced = !fenced;
                continue;
            }
            let words: Vec<&str> = line.split_whitespace().collect();
            let Some(at) = words.iter().position(|word| *word == "check") else {
                continue;
            };
            let runs_clausier = at > 0 && matches!(words[at - 1], "clausier" | "--");
            if fenced && runs_clausier && !words[0].starts_with('#') {
                commands.push(words[at + 1..].iter().map(|&w| w.to_owned()).collect());
            }
        }
        commands
    }

    /// The tables of the page, outside code blocks.
    pub fn tables(&self) -> Vec<Table> {
        let mut tables = Vec::new();
        let mut current: Option<Table> = None;
        let mut fenced = false;
        for line in self.text.lines() {
            if line.trim_start().starts_with("```") {
                fenced = !fenced;
            }
            let row = !fenced && line.starts_with('|');
            match (&mut current, row) {
                (None, true) => {
                    current = Some(Table {
                        header: cells(line),
                        rows: Vec::new(),
                    });
                }
                (Some(table), true) => {
                    let row = cells(line);
                    let separator = row
                        .iter()
                        .all(|cell| !cell.is_empty() && cell.chars().all(|c| "-:".contains(c)));
                    if !separator {
                        assert_eq!(row.len(), table.header.len(), "{}: {line}", self.path);
                        table.rows.push(row);
                    }
                }
                (Some(_), false) => tables.extend(current.take()),
                (None, false) => {}
            }
        }
        tables.extend(current);
        tables
    }

    /// The text outside code blocks and tables, and the comments of the code blocks, on
    /// one line, without `**`, so that a sentence can be found whatever its emphasis and
    /// line breaks.
    pub fn prose(&self) -> String {
        let mut words = Vec::new();
        let mut fenced = false;
        for line in self.text.lines() {
            if line.trim_start().starts_with("```") {
                fenced = !fenced;
                continue;
            }
            if fenced {
                if let Some(comment) = line.trim_start().strip_prefix('#') {
                    words.extend(comment.split_whitespace());
                }
            } else if !line.starts_with('|') {
                words.extend(line.split_whitespace());
            }
        }
        words.join(" ").replace("**", "")
    }
}

/// A Markdown table: its header and rows, each cell trimmed, as written.
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|cell| cell == name)
    }
}

fn cells(line: &str) -> Vec<String> {
    crate::support::markdown_cells(line)
}

/// The text of a cell without code and emphasis marks: `` `vendor-x` `` → `vendor-x`.
pub fn plain(cell: &str) -> String {
    cell.replace(['`', '*'], "")
}

/// The first backticked span of a cell: `` `appel-regional.csv` row 1 `` → the file name.
pub fn first_code(cell: &str) -> Option<&str> {
    let (_, rest) = cell.split_once('`')?;
    rest.split_once('`').map(|(code, _)| code)
}

/// A figure as the documentation writes it: `25.4545…` (an exact value cut short, the
/// ellipsis saying so), `7.6`, `30.00`, `15`, followed by an optional comment in
/// parentheses such as `(5.50 €)`.
#[derive(Debug, Clone, Copy)]
pub struct Figure {
    pub value: f64,
    /// The digits after the point as written.
    pub decimals: usize,
    pub cut_short: bool,
}

pub fn figure(cell: &str) -> Figure {
    let word = cell.split_whitespace().next().unwrap_or_default();
    let (number, cut_short) = match word.strip_suffix('…') {
        Some(number) => (number, true),
        None => (word, false),
    };
    let value = number
        .parse()
        .unwrap_or_else(|_| panic!("not a figure: `{cell}`"));
    let decimals = number.split_once('.').map_or(0, |(_, digits)| digits.len());
    Figure {
        value,
        decimals,
        cut_short,
    }
}

/// Every parenthesised, comma-separated list of figures that follows `anchor` in `prose`:
/// `rounded to 2 decimals (83.70, 82.42)` with the anchor `rounded to 2 decimals (`.
pub fn figures_after(prose: &str, anchor: &str) -> Vec<Vec<String>> {
    prose
        .match_indices(anchor)
        .map(|(at, _)| {
            let rest = &prose[at + anchor.len()..];
            let (list, _) = rest
                .split_once(')')
                .unwrap_or_else(|| panic!("an unclosed list after `{anchor}`"));
            list.split(',').map(|item| item.trim().to_owned()).collect()
        })
        .collect()
}
