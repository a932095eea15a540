//! A small HTML reader, enough for the page `clausier check --format html` writes (no
//! HTML parser is among the workspace's dependencies): it builds the element tree, keeps
//! `<script>` and `<style>` as raw text, resolves character references, and refuses an
//! element left open or closed out of order rather than guess as a browser would. From
//! the tree it reads what a reader of the page sees: the summary, the ranking table and the
//! reasons of each offer's section.

use crate::{Row, Seen, Unmet, summary_sentence};

/// Elements that never have content or an end tag.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
/// Elements whose content is raw text up to their end tag.
const RAW: [&str; 2] = ["script", "style"];

#[derive(Debug)]
enum Node {
    Element(Element),
    Text(String),
}

#[derive(Debug, Default)]
struct Element {
    name: String,
    attributes: Vec<(String, String)>,
    children: Vec<Node>,
}

impl Element {
    fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|node| match node {
            Node::Element(element) => Some(element),
            Node::Text(_) => None,
        })
    }

    /// Every element below this one, in document order.
    fn descendants(&self) -> Vec<&Element> {
        let mut found = Vec::new();
        for child in self.elements() {
            found.push(child);
            found.extend(child.descendants());
        }
        found
    }

    fn find(&self, wanted: impl Fn(&Element) -> bool) -> Option<&Element> {
        self.descendants()
            .into_iter()
            .find(|element| wanted(element))
    }

    /// The text of the element and its descendants.
    fn text(&self) -> String {
        let mut text = String::new();
        for child in &self.children {
            match child {
                Node::Text(part) => text.push_str(part),
                Node::Element(element) => text.push_str(&element.text()),
            }
        }
        text
    }

    /// What a cell shows before a click: the summary of its closed `<details>`, if any.
    fn visible_text(&self) -> String {
        let shown = self
            .find(|element| element.name == "summary")
            .map_or_else(|| self.text(), Element::text);
        shown.trim().to_owned()
    }
}

/// `&amp;`, `&lt;`, `&#39;`, `&#x2014;`… resolved; an unknown reference fails the test.
fn decode(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        let end = rest[start..]
            .find(';')
            .unwrap_or_else(|| panic!("an unterminated character reference: {rest}"));
        let name = &rest[start + 1..start + end];
        let character = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{a0}',
            _ => {
                let code = if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                    u32::from_str_radix(hex, 16).ok()
                } else {
                    name.strip_prefix('#')
                        .and_then(|decimal| decimal.parse().ok())
                };
                code.and_then(char::from_u32)
                    .unwrap_or_else(|| panic!("an unknown character reference: &{name};"))
            }
        };
        out.push(character);
        rest = &rest[start + end + 1..];
    }
    out.push_str(rest);
    out
}

/// `name="value"`, `name='value'`, `name=value` and bare `name`, up to the tag's end.
fn attributes(mut text: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    loop {
        text = text.trim_start();
        if text.is_empty() {
            return found;
        }
        let name_end = text
            .find(|c: char| c.is_whitespace() || c == '=')
            .unwrap_or(text.len());
        let name = text[..name_end].to_ascii_lowercase();
        text = text[name_end..].trim_start();
        let Some(after) = text.strip_prefix('=') else {
            found.push((name, String::new()));
            continue;
        };
        let after = after.trim_start();
        let (value, rest) = match after.chars().next() {
            Some(quote @ ('"' | '\'')) => {
                let body = &after[1..];
                let end = body
                    .find(quote)
                    .unwrap_or_else(|| panic!("an unterminated attribute value: {after}"));
                (&body[..end], &body[end + 1..])
            }
            _ => {
                let end = after.find(char::is_whitespace).unwrap_or(after.len());
                (&after[..end], &after[end..])
            }
        };
        found.push((name, decode(value)));
        text = rest;
    }
}

/// The document's tree, under a nameless root.
fn parse(html: &str) -> Element {
    let mut stack = vec![Element::default()];
    let mut rest = html;
    while !rest.is_empty() {
        let parent = stack.len() - 1;
        if let Some(comment) = rest.strip_prefix("<!--") {
            let end = comment.find("-->").expect("a closed comment");
            rest = &comment[end + 3..];
        } else if rest.starts_with("<!") {
            let end = rest.find('>').expect("a closed declaration");
            rest = &rest[end + 1..];
        } else if let Some(tag) = rest.strip_prefix("</") {
            let end = tag.find('>').expect("a closed end tag");
            let name = tag[..end].trim().to_ascii_lowercase();
            assert!(parent > 0, "an end tag `{name}` with no element open");
            let open = stack.pop().expect("an open element");
            assert_eq!(open.name, name, "an end tag that closes another element");
            stack[parent - 1].children.push(Node::Element(open));
            rest = &tag[end + 1..];
        } else if rest.starts_with('<') {
            let end = rest.find('>').expect("a closed start tag");
            let inside = rest[1..end].trim_end();
            let (inside, self_closing) = match inside.strip_suffix('/') {
                Some(inside) => (inside, true),
                None => (inside, false),
            };
            let name_end = inside.find(char::is_whitespace).unwrap_or(inside.len());
            let name = inside[..name_end].to_ascii_lowercase();
            let mut element = Element {
                attributes: attributes(&inside[name_end..]),
                name,
                children: Vec::new(),
            };
            rest = &rest[end + 1..];
            if RAW.contains(&element.name.as_str()) {
                let close = format!("</{}", element.name);
                let end = rest.find(&close).expect("a closed script or style");
                element.children.push(Node::Text(rest[..end].to_owned()));
                rest = &rest[end..];
                stack.push(element);
            } else if self_closing || VOID.contains(&element.name.as_str()) {
                stack[parent].children.push(Node::Element(element));
            } else {
                stack.push(element);
            }
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            stack[parent]
                .children
                .push(Node::Text(decode(&rest[..end])));
            rest = &rest[end..];
        }
    }
    let names: Vec<&str> = stack.iter().map(|element| element.name.as_str()).collect();
    assert_eq!(names, [""], "elements left open");
    stack.pop().expect("the root")
}

/// The cells of a table row, `<th>` and `<td>` alike.
fn cells(row: &Element) -> Vec<&Element> {
    row.elements()
        .filter(|cell| matches!(cell.name.as_str(), "th" | "td"))
        .collect()
}

/// The rows of the ranking, in input order (the page lists them by rank): each offer's
/// status and, unless the cell says there is none, its score and rank; then the failed
/// and missing requirements each offer's section lists with their outcome words.
pub fn read_report(html: &str, input_order: &[String]) -> Seen {
    let document = parse(html);
    let summary = document
        .find(|element| element.attribute("id") == Some("summary"))
        .expect("the summary");
    let ranking = document
        .find(|element| element.name == "section" && element.attribute("id") == Some("ranking"))
        .expect("the ranking");
    let table = ranking
        .find(|element| element.name == "table")
        .expect("the ranking table");
    let header_row = table
        .find(|element| element.name == "thead")
        .and_then(|head| head.find(|element| element.name == "tr"))
        .expect("the header row");
    let header: Vec<String> = cells(header_row)
        .iter()
        .map(|cell| cell.visible_text())
        .collect();
    assert_eq!(header, ["Rank", "Offer", "Score", "Status"]);
    let body = table
        .find(|element| element.name == "tbody")
        .expect("the table's body");
    let mut rows = Vec::new();
    for row in body.elements().filter(|element| element.name == "tr") {
        let row_cells = cells(row);
        assert_eq!(row_cells.len(), header.len(), "a cell per column");
        // A cell that says there is no value holds it in a `none` span.
        let present = |cell: &Element| {
            let none = cell.find(|element| element.attribute("class") == Some("none"));
            none.is_none().then(|| cell.visible_text())
        };
        rows.push(Row {
            id: row_cells[1].visible_text(),
            status: row_cells[3].visible_text(),
            score: present(row_cells[2]),
            rank: present(row_cells[0]),
        });
    }
    rows.sort_by_key(|row| input_order.iter().position(|id| *id == row.id));
    let mut unmet = Unmet::new();
    for section in document
        .descendants()
        .into_iter()
        .filter(|element| element.attribute("class") == Some("offer"))
    {
        let heading = section
            .find(|element| element.name == "h3")
            .expect("the offer's heading")
            .text();
        let Some(reasons) = section.find(|element| element.attribute("class") == Some("reasons"))
        else {
            continue;
        };
        for item in reasons.elements() {
            let clause = item
                .find(|element| element.attribute("class") == Some("clause"))
                .expect("the requirement's name")
                .text();
            let outcome = item
                .find(|element| element.attribute("class") == Some("outcome"))
                .expect("the requirement's outcome")
                .text();
            unmet
                .entry(heading.clone())
                .or_default()
                .insert((clause, outcome));
        }
    }
    Seen {
        rows: Some(rows),
        unmet: Some(unmet),
        summary: Some(summary_sentence(&summary.text())),
        ..Seen::default()
    }
}
