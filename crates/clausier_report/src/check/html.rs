//! The check report as one self-contained HTML page: its style and script inline, nothing
//! fetched. A matrix of descriptors × clauses coloured by status, with the scores and
//! ranks, each failure's explanation on demand, columns sortable, and a print layout.

use std::fmt::Write;

use clausier_diagnostics::Severity;
use clausier_eval::report::{
    ClauseResult, DataErrorEntry, DescriptorReport, Explanation, Report, RequirementStatus,
};
use rust_decimal::Decimal;

use super::columns::{Column, columns, result_for};
use clausier_i18n::Lang;

use super::html_lots::write_lot_sections;
use super::human::two_decimals;
use super::human_lots::counted_entries;
use super::wording;
use crate::diagnostics::plural;

const STYLE: &str = r#"
:root { --pass: #d7f0dc; --fail: #f8d4d4; --missing: #fbecc4; --na: #ececec; --invalid: #ead9f2;
  --ink: #1d1d1f; --line: #c9c9cf; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
  margin: 1.5rem; }
h1 { font-size: 1.4rem; margin: 0 0 .5rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0 0 1rem; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
code { font: 12px/1.3 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.legend span { display: inline-block; padding: .1rem .5rem; margin-right: .4rem; border-radius: 3px; }
.wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f4f4f6; position: sticky; top: 0; white-space: nowrap; }
th button { all: unset; cursor: pointer; font-weight: 600; }
th button:focus-visible { outline: 2px solid #3b6fd8; }
th[aria-sort="ascending"] button::after { content: " \25B2"; }
th[aria-sort="descending"] button::after { content: " \25BC"; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.pass, .eligible { background: var(--pass); }
.fail, .ineligible { background: var(--fail); }
.missing, .incomplete { background: var(--missing); }
.not_applicable, .unscored { background: var(--na); color: #555; }
.invalid { background: var(--invalid); }
details summary { cursor: pointer; }
details ul { margin: .25rem 0 0; padding-left: 1.1rem; min-width: 18rem; }
footer { color: #555; font-size: 12px; }
@media print {
  body { margin: 0; font-size: 10px; }
  th { position: static; }
  th button::after { content: "" !important; }
  .wrap { overflow: visible; }
  tr { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  details summary { list-style: none; }
}
"#;

const SCRIPT: &str = r#"
(function () {
  var table = document.getElementById("matrix");
  if (!table) { return; }
  var body = table.tBodies[0];
  Array.prototype.forEach.call(body.rows, function (row, i) { row.dataset.order = i; });
  var headers = table.tHead.rows[0].cells;
  function key(row, column) {
    var cell = row.cells[column];
    return cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent.trim();
  }
  function compare(a, b) {
    var x = parseFloat(a), y = parseFloat(b);
    var numeric = a !== "" && b !== "" && !isNaN(x) && !isNaN(y);
    if (numeric) { return x - y; }
    if (a === "" || b === "") { return a === b ? 0 : (a === "" ? 1 : -1); }
    return a < b ? -1 : (a > b ? 1 : 0);
  }
  Array.prototype.forEach.call(headers, function (th, column) {
    var button = th.querySelector("button");
    if (!button) { return; }
    button.addEventListener("click", function () {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (p, q) {
        var a = key(p, column), b = key(q, column);
        var order = (a === "" || b === "") ? compare(a, b) : (ascending ? compare(a, b) : compare(b, a));
        return order || (p.dataset.order - q.dataset.order);
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
  var opened = null;
  function openAll() {
    if (opened) { return; }
    opened = Array.prototype.filter.call(document.querySelectorAll("details"), function (d) { return !d.open; });
    opened.forEach(function (d) { d.open = true; });
  }
  function restore() {
    if (!opened) { return; }
    opened.forEach(function (d) { d.open = false; });
    opened = null;
  }
  window.addEventListener("beforeprint", openAll);
  window.addEventListener("afterprint", restore);
  var print = window.matchMedia && window.matchMedia("print");
  if (print) {
    var change = function (event) { if (event.matches) { openAll(); } else { restore(); } };
    if (print.addEventListener) { print.addEventListener("change", change); } else { print.addListener(change); }
  }
})();
"#;

/// Renders a report as a self-contained HTML page. The matrix has a row per descriptor
/// (id, source, status, score, rank) and a column per clause: a requirement's cell is
/// coloured by its status and holds, for a failed or missing one, its explanation in a
/// `<details>`; a criterion's cell holds its points. Clicking a column's heading sorts by
/// it (numbers as numbers, empty cells last). When printed, every explanation is opened.
///
/// The page is stable for programs too: each clause heading's button carries the clause's
/// name in `data-clause` (the fixed ones `data-column`), each row heading the descriptor's
/// id in `data-descriptor`, and each cell its sort key (a requirement's status, a number)
/// in `data-value`.
pub fn render_html(report: &Report, lang: Lang) -> String {
    let report = &super::vendor_text::for_people(report);
    let clauses = columns(report);
    let mut out = String::new();
    let title = format!("Check report: {} {}", report.pack.name, report.pack.version);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>{}</title>", escape(&title));
    let _ = writeln!(out, "<style>{STYLE}</style>");
    out.push_str("</head>\n<body>\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(&title));
    out.push_str("<dl class=\"meta\">\n");
    let _ = writeln!(
        out,
        "<dt>Pack</dt><dd><code>{}</code> {} <code>{}</code></dd>",
        escape(&report.pack.name),
        escape(&report.pack.version),
        escape(&report.pack.hash)
    );
    let _ = writeln!(out, "<dt>Date</dt><dd>{}</dd>", escape(&report.date));
    let summary = &report.summary;
    // On lots, an offer on two lots is two entries: say so rather than count them as
    // descriptors.
    let counted = if report.lots.is_empty() {
        plural(summary.total, "descriptor", "descriptors")
    } else {
        counted_entries(report, lang)
    };
    let _ = writeln!(
        out,
        "<dt>Descriptors</dt><dd id=\"summary\">{}: {} eligible, {} ineligible, {} incomplete, {} \
         invalid</dd>",
        counted, summary.eligible, summary.ineligible, summary.incomplete, summary.invalid
    );
    if !report.params.is_empty() {
        let params: Vec<String> = report
            .params
            .iter()
            .map(|p| format!("<code>{}</code> = {}", escape(&p.name), escape(&p.value)))
            .collect();
        let _ = writeln!(out, "<dt>Parameters</dt><dd>{}</dd>", params.join(", "));
    }
    out.push_str("</dl>\n");
    write_lot_sections(&mut out, report, lang);
    out.push_str(
        "<p class=\"legend\"><span class=\"pass\">pass</span><span class=\"fail\">fail</span>\
         <span class=\"missing\">missing</span><span class=\"not_applicable\">not applicable</span>\
         <span class=\"invalid\">invalid</span></p>\n",
    );
    out.push_str("<div class=\"wrap\">\n<table id=\"matrix\">\n<thead>\n<tr>");
    for (key, heading) in [
        ("id", "ID"),
        ("source", "Source"),
        ("status", "Status"),
        ("score", "Score"),
        ("rank", "Rank"),
    ] {
        let _ = write!(
            out,
            "<th scope=\"col\"><button type=\"button\" data-column=\"{key}\">{heading}</button></th>"
        );
    }
    for column in &clauses {
        let name = escape(&column.name);
        let _ = write!(
            out,
            "<th scope=\"col\"><button type=\"button\" data-clause=\"{name}\">{name}</button></th>"
        );
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for descriptor in &report.descriptors {
        write_row(&mut out, descriptor, &clauses, lang);
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
    let _ = writeln!(
        out,
        "<footer>clausier {}</footer>",
        escape(&report.clausier)
    );
    let _ = writeln!(out, "<script>{SCRIPT}</script>");
    out.push_str("</body>\n</html>\n");
    out
}

fn write_row(out: &mut String, descriptor: &DescriptorReport, clauses: &[Column], lang: Lang) {
    let status = descriptor.status.as_str();
    out.push_str("<tr>");
    let _ = write!(
        out,
        "<th scope=\"row\" data-descriptor=\"{id}\">{name}</th><td><code>{}</code></td>",
        escape(&descriptor.source),
        id = escape(&descriptor.id),
        name = escape(&wording::offer_name(descriptor)),
    );
    if descriptor.errors.is_empty() {
        let _ = write!(
            out,
            "<td class=\"{status}\" data-value=\"{status}\">{status}</td>"
        );
    } else {
        let _ = write!(
            out,
            "<td class=\"{status}\" data-value=\"{status}\"><details><summary>{status}</summary><ul>"
        );
        for error in &descriptor.errors {
            let _ = write!(out, "<li>{}</li>", data_error(error, &descriptor.source));
        }
        out.push_str("</ul></details></td>");
    }
    number_cell(out, descriptor.score);
    match descriptor.rank {
        Some(rank) => {
            let _ = write!(out, "<td class=\"num\" data-value=\"{rank}\">{rank}</td>");
        }
        None => out.push_str("<td class=\"num\" data-value=\"\"></td>"),
    }
    for column in clauses {
        match result_for(descriptor, column) {
            Some(ClauseResult::Requirement(requirement)) => {
                let word = requirement.status.as_str();
                let label = match requirement.status {
                    RequirementStatus::NotApplicable => "n/a",
                    _ => word,
                };
                let title = format!("{} ({})", column.name, requirement.level);
                let items: Vec<String> = match requirement.status {
                    RequirementStatus::Fail => requirement
                        .explanation
                        .iter()
                        .map(|item| explanation(item, lang))
                        .collect(),
                    RequirementStatus::Missing => requirement
                        .missing
                        .iter()
                        .map(|path| format!("<code>{}</code> is absent", escape(path)))
                        .chain(
                            requirement
                                .reasons
                                .iter()
                                .map(|reason| html(&wording::reason(reason, lang))),
                        )
                        .chain(requirement.documents.iter().map(|document| {
                            format!("document to request: « {} »", escape(&document.label))
                        }))
                        .collect(),
                    _ => Vec::new(),
                };
                let _ = write!(
                    out,
                    "<td class=\"{word}\" data-value=\"{word}\" title=\"{}\">",
                    escape(&title)
                );
                if items.is_empty() {
                    out.push_str(label);
                } else {
                    let _ = write!(out, "<details><summary>{label}</summary><ul>");
                    for item in items {
                        let _ = write!(out, "<li>{item}</li>");
                    }
                    out.push_str("</ul></details>");
                }
                out.push_str("</td>");
            }
            Some(ClauseResult::Criterion(criterion)) => {
                let title = match criterion.score {
                    Some(score) => format!(
                        "{}: score {} × weight {}",
                        column.name,
                        score.normalize(),
                        criterion.weight.normalize()
                    ),
                    None => format!("{}: not scored", column.name),
                };
                match criterion.points {
                    Some(points) => {
                        let _ = write!(
                            out,
                            "<td class=\"num\" data-value=\"{}\" title=\"{}\">{}</td>",
                            points.normalize(),
                            escape(&title),
                            two_decimals(points)
                        );
                    }
                    None => {
                        let _ = write!(
                            out,
                            "<td class=\"num unscored\" data-value=\"\" title=\"{}\"></td>",
                            escape(&title)
                        );
                    }
                }
            }
            None => out.push_str("<td data-value=\"\"></td>"),
        }
    }
    out.push_str("</tr>\n");
}

pub(super) fn number_cell(out: &mut String, value: Option<Decimal>) {
    match value {
        Some(value) => {
            let _ = write!(
                out,
                "<td class=\"num\" data-value=\"{}\">{}</td>",
                value.normalize(),
                two_decimals(value)
            );
        }
        None => out.push_str("<td class=\"num\" data-value=\"\"></td>"),
    }
}

fn explanation(item: &Explanation, lang: Lang) -> String {
    html(&wording::explanation(item, lang))
}

fn html(pieces: &[wording::Piece]) -> String {
    wording::join(
        pieces,
        |quoted| format!("<code>{}</code>", escape(quoted)),
        escape,
        ": ",
    )
}

fn data_error(error: &DataErrorEntry, source: &str) -> String {
    let mut text = format!("<strong>{}</strong>", escape(&error.code));
    if error.severity == Severity::Warning {
        text.push_str(" (warning)");
    }
    if !error.path.is_empty() {
        let _ = write!(text, " <code>{}</code>", escape(&error.path));
    }
    let _ = write!(text, ": {}", escape(&error.message));
    if let Some(line) = error.line {
        let _ = write!(
            text,
            " at <code>{}:{line}:{}</code>",
            escape(source),
            error.column.unwrap_or(1)
        );
    }
    if let Some(help) = &error.help {
        let _ = write!(text, "; help: {}", escape(help));
    }
    text
}

/// Text for HTML content or a quoted attribute.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}
