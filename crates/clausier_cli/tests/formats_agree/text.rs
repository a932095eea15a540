//! Readers of the reports written for people, line by line as a person reads them: the
//! human report (a table, then a paragraph per descriptor with something to say, then
//! the summary) and the Markdown report (the summary, a table, then a "Failures"
//! section).

use crate::{Row, Seen, Unmet, summary_sentence};

/// `HEB-02 (should) fail, does not affect eligibility: …` → `("HEB-02", "fail")`; `None`
/// for a line that is not a requirement's result (a data error, a criterion).
fn requirement_line(line: &str) -> Option<(String, String)> {
    let (name, rest) = line.split_once(" (")?;
    let (level, rest) = rest.split_once(") ")?;
    if !matches!(level, "must" | "should" | "execution" | "info") {
        return None;
    }
    let status = ["fail", "missing", "pass", "not applicable"]
        .into_iter()
        .find(|status| rest.starts_with(status))
        .unwrap_or_else(|| panic!("a requirement without a status: {line}"));
    Some((name.to_owned(), status.to_owned()))
}

fn record(unmet: &mut Unmet, id: &str, (name, status): (String, String)) {
    if matches!(status.as_str(), "fail" | "missing") {
        unmet
            .entry(id.to_owned())
            .or_default()
            .insert((name, status));
    }
}

/// A cell of the human table: `-` is no value.
fn value(cell: &str) -> Option<String> {
    (cell != "-").then(|| cell.to_owned())
}

pub fn read_human(output: &str) -> Seen {
    let mut lines = output.lines();
    // The header block (pack, date, parameters) ends at the table's header.
    lines
        .by_ref()
        .find(|line| line.starts_with("ID "))
        .expect("the table's header");
    let mut rows = Vec::new();
    for line in lines.by_ref() {
        if line.is_empty() {
            break;
        }
        // Columns are separated by at least two spaces; no cell holds two in a row.
        let cells: Vec<&str> = line
            .split("  ")
            .map(str::trim)
            .filter(|cell| !cell.is_empty())
            .collect();
        let [id, _source, status, score, rank] = cells[..] else {
            panic!("not a row of five cells: {line}");
        };
        rows.push(Row {
            id: id.to_owned(),
            status: status.to_owned(),
            score: value(score),
            rank: value(rank),
        });
    }
    let mut unmet = Unmet::new();
    let mut summary = None;
    let mut descriptor: Option<String> = None;
    for line in lines {
        if line.is_empty() {
            descriptor = None;
        } else if let Some(item) = line.strip_prefix("  ") {
            // Deeper lines are the several explanations of one requirement.
            if item.starts_with(' ') {
                continue;
            }
            let id = descriptor.as_deref().expect("a line under a descriptor");
            if let Some(result) = requirement_line(item) {
                record(&mut unmet, id, result);
            }
        } else if descriptor.is_none() && line.contains(" descriptor") && !line.contains(" (") {
            summary = Some(summary_sentence(line));
        } else {
            // `vendor-x (examples/x.json): eligible, score 66.55, rank 5`
            let (id, _) = line.split_once(" (").expect("a descriptor's heading");
            descriptor = Some(id.to_owned());
        }
    }
    Seen {
        rows: Some(rows),
        unmet: Some(unmet),
        summary: Some(summary.expect("the summary line")),
        ..Seen::default()
    }
}

/// The text a CommonMark inline shows: code spans without their backticks, backslash
/// escapes resolved.
fn inline(text: &str) -> String {
    let mut out = String::new();
    let mut characters = text.trim().chars();
    while let Some(character) = characters.next() {
        match character {
            '\\' => match characters.next() {
                Some(next) if next.is_ascii_punctuation() => out.push(next),
                Some(next) => {
                    out.push('\\');
                    out.push(next);
                }
                None => out.push('\\'),
            },
            '`' => {}
            other => out.push(other),
        }
    }
    out
}

/// The cells of a GitHub table row, split on the `|` that are not escaped.
fn table_cells(line: &str) -> Vec<String> {
    crate::support::markdown_cells(line)
        .iter()
        .map(|cell| inline(cell))
        .collect()
}

pub fn read_markdown(output: &str) -> Seen {
    let summary = output
        .lines()
        .find_map(|line| {
            line.strip_prefix("- ")
                .filter(|item| item.contains(" descriptor"))
        })
        .map(summary_sentence)
        .expect("the summary item");
    let mut lines = output.lines().skip_while(|line| *line != "## Descriptors");
    lines
        .by_ref()
        .find(|line| line.starts_with("| ID |"))
        .expect("the table's header");
    let separator = lines.next().expect("the table's separator");
    assert!(separator.starts_with("| ---"), "{separator}");
    let mut rows = Vec::new();
    for line in lines.by_ref() {
        if !line.starts_with('|') {
            break;
        }
        let cells = table_cells(line);
        let [id, _source, status, score, rank] = &cells[..] else {
            panic!("not a row of five cells: {line}");
        };
        rows.push(Row {
            id: id.clone(),
            status: status.clone(),
            score: value(score),
            rank: value(rank),
        });
    }
    let mut unmet = Unmet::new();
    let mut descriptor: Option<String> = None;
    for line in lines.skip_while(|line| *line != "## Failures") {
        if let Some(heading) = line.strip_prefix("### ") {
            // `vendor-x (`examples/x.json`): eligible`
            let (id, _) = heading.split_once(" (").expect("a descriptor's heading");
            descriptor = Some(inline(id));
        } else if let Some(item) = line.strip_prefix("- **") {
            let id = descriptor.as_deref().expect("an item under a descriptor");
            let (name, rest) = item.split_once("**").expect("a bold clause or code");
            if let Some((_, status)) = requirement_line(&format!("{}{rest}", inline(name))) {
                record(&mut unmet, id, (inline(name), status));
            }
        }
    }
    Seen {
        rows: Some(rows),
        unmet: Some(unmet),
        summary: Some(summary),
        ..Seen::default()
    }
}
