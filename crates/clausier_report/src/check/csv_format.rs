//! The check report as CSV (RFC 4180): a header, then a row per descriptor with its id,
//! source, status, score and rank, and a column per clause. In a contract divided into
//! lots, a `lot` column after the source gives the lot of each row (an offer on two lots
//! has a row per lot; empty for an invalid descriptor), and score and rank are the lot's.

use clausier_eval::report::{ClauseResult, Report};

use super::columns::{columns, result_for};
use super::human::two_decimals;
use super::vendor_text::{self, spreadsheet_text};

/// Renders a report as CSV: comma-separated, fields quoted when they need it, lines
/// ending with CRLF. A requirement's cell is its status (`pass`, `fail`, `missing`, `review`,
/// `not_applicable`); a criterion's cell its points with two decimals, empty when the
/// descriptor is not scored; a clause the descriptor has no result for (an invalid
/// descriptor) is empty. Scores have two decimals; an absent score or rank is empty. The
/// id and the source are the vendor's text: shown as people read it, and never as a
/// formula.
pub fn render_csv(report: &Report) -> Result<String, csv::Error> {
    let report = &vendor_text::for_people(report);
    let clauses = columns(report);
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let on_lots = !report.lots.is_empty();
    let mut header: Vec<&str> = vec!["id", "source"];
    if on_lots {
        header.push("lot");
    }
    header.extend(["status", "score", "rank"]);
    header.extend(clauses.iter().map(|column| column.name.as_str()));
    writer.write_record(&header)?;
    for descriptor in &report.descriptors {
        let mut row: Vec<String> = vec![
            spreadsheet_text(&descriptor.id).into_owned(),
            spreadsheet_text(&descriptor.source).into_owned(),
        ];
        if on_lots {
            row.push(descriptor.lot.clone().unwrap_or_default());
        }
        row.extend([
            descriptor.status.as_str().to_owned(),
            descriptor.score.map(two_decimals).unwrap_or_default(),
            descriptor.rank.map(|r| r.to_string()).unwrap_or_default(),
        ]);
        for column in &clauses {
            let cell = match result_for(descriptor, column) {
                Some(ClauseResult::Requirement(r)) => r.status.as_str().to_owned(),
                Some(ClauseResult::Criterion(c)) => c.points.map(two_decimals).unwrap_or_default(),
                None => String::new(),
            };
            row.push(cell);
        }
        writer.write_record(&row)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|error| csv::Error::from(error.into_error()))?;
    // Every field written is a `&str`, so the bytes are UTF-8.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
