//! How a CSV file separates its cells and writes its decimals, as the spreadsheet that
//! saved it does: a French Excel writes `;` between cells and `4,50` for four and a half,
//! an English one `,` and `4.50`, and a TSV export tabs.
//!
//! The separator of a `.csv` file is found from its header row (field paths never hold a
//! separator, so the one the header uses is the one the file uses); a `.tsv` file is always
//! tab-separated. Only a `;`-separated file may write decimal commas: with `,` between
//! cells, `4,50` is two cells, or a quoted cell that is not a number.

use clausier_check::types::Ty;
use clausier_diagnostics::Message;

/// The separators a header is searched for, in the order a tie is decided.
const CANDIDATES: [u8; 3] = [b',', b';', b'\t'];

/// How cells are separated, and what messages call the format.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Dialect {
    pub delimiter: u8,
    pub name: &'static str,
    /// The cells come from a workbook, whose numbers are numbers already: a text cell
    /// of a French spreadsheet writes its decimals with a comma (`4,5`).
    pub workbook: bool,
}

impl Dialect {
    pub(crate) const CSV: Dialect = Dialect {
        delimiter: b',',
        name: "CSV",
        workbook: false,
    };
    pub(crate) const TSV: Dialect = Dialect {
        delimiter: b'\t',
        name: "TSV",
        workbook: false,
    };

    /// The dialect of a `.csv` file: the separator its header row uses most, outside
    /// quotes (`,` when it uses none, a one-column file).
    pub(crate) fn sniff_csv(body: &str) -> Dialect {
        let counts = separators_in_first_row(body);
        let delimiter = CANDIDATES
            .iter()
            .zip(counts)
            // `max_by_key` keeps the last of equals: reversed, the first candidate wins.
            .rev()
            .max_by_key(|(_, count)| *count)
            .filter(|(_, count)| *count > 0)
            .map_or(b',', |(delimiter, _)| *delimiter);
        Dialect {
            delimiter,
            ..Dialect::CSV
        }
    }

    /// Whether number, money and percent cells may write their decimals with a comma.
    pub(crate) fn decimal_comma(self) -> bool {
        self.delimiter == b';' || self.workbook
    }

    /// Whether cells may be written as a French spreadsheet writes them: booleans as
    /// `VRAI`/`FAUX` or `oui`/`non`, dates as day/month/year. A `;`-separated file is
    /// what a French Excel saves as CSV; a workbook's text cells are typed in one.
    pub(crate) fn french_cells(self) -> bool {
        self.delimiter == b';' || self.workbook
    }

    /// The separator as a message writes it.
    pub(crate) fn separator_name(self) -> Message {
        separator_name(self.delimiter)
    }

    /// Another separator that `text` (one row of the file) uses instead of this one, and
    /// how many cells it would give: for the hint of a row or header that seems saved
    /// with another separator.
    pub(crate) fn other_separator(self, text: &str) -> Option<(Message, usize)> {
        let line = text.lines().next().unwrap_or_default();
        CANDIDATES
            .iter()
            .zip(separators_in_first_row(line))
            .filter(|(delimiter, count)| **delimiter != self.delimiter && *count > 0)
            .max_by_key(|(_, count)| *count)
            .map(|(delimiter, count)| (separator_name(*delimiter), count + 1))
    }
}

fn separator_name(delimiter: u8) -> Message {
    Message::new(match delimiter {
        b';' => "d0601-separator-semicolon",
        b'\t' => "d0601-separator-tabs",
        _ => "d0601-separator-comma",
    })
}

/// How many of each candidate separator the first row holds outside quotes, in the
/// order of `CANDIDATES`. A quoted cell may span lines: the row ends at the first line
/// break outside quotes.
fn separators_in_first_row(body: &str) -> [usize; 3] {
    let mut counts = [0; 3];
    let mut in_quotes = false;
    for byte in body.bytes() {
        match byte {
            b'"' => in_quotes = !in_quotes,
            b'\n' | b'\r' if !in_quotes => break,
            _ if in_quotes => {}
            _ => {
                if let Some(position) = CANDIDATES.iter().position(|c| *c == byte)
                    && let Some(count) = counts.get_mut(position)
                {
                    *count += 1;
                }
            }
        }
    }
    counts
}

/// The cell's text with its decimal comma made a point, when the field holds numbers,
/// amounts or percentages and the comma sits between two digits (`4,50`, `4,50 €`,
/// `12,5 %`); `None` leaves the text as written, for the converter to judge. The point
/// takes the comma's byte, so every location in the cell stays exact.
pub(crate) fn decimal_point(text: &str, ty: &Ty) -> Option<String> {
    if !matches!(ty, Ty::Number | Ty::Percent | Ty::Money) {
        return None;
    }
    let mut commas = text.match_indices(',');
    let (at, _) = commas.next()?;
    if commas.next().is_some() {
        return None;
    }
    let bytes = text.as_bytes();
    let digit_at = |index: Option<usize>| {
        index
            .and_then(|index| bytes.get(index))
            .is_some_and(u8::is_ascii_digit)
    };
    (digit_at(at.checked_sub(1)) && digit_at(at.checked_add(1))).then(|| text.replacen(',', ".", 1))
}

/// A boolean as a French spreadsheet writes it: `oui` or `non`, the words of the list
/// `clausier schema --format xlsx` offers, or `vrai` and `faux`, the words French Excel
/// shows for its own booleans and writes in the CSV it saves; in any case. Only workbooks
/// and `;`-separated files read them: a JSON, YAML or TOML file has booleans of its own,
/// and a `,`-separated CSV keeps `true` and `false`.
pub(crate) fn french_bool(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "oui" | "vrai" => Some(true),
        "non" | "faux" => Some(false),
        _ => None,
    }
}

/// A date as French Excel writes it in the CSV it saves, day/month/year (`12/05/2026`),
/// as the year-month-day the converter reads (`2026-05-12`), the same length, so every
/// location in the cell stays exact. `None` for any other text, a day that does not exist
/// (`31/02/2026`) included, which the converter then judges and quotes as written.
pub(crate) fn french_date(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes
            .get(range.clone())
            .filter(|part| part.iter().all(u8::is_ascii_digit))
            .and(text.get(range))
    };
    if bytes.len() != 10 || bytes.get(2) != Some(&b'/') || bytes.get(5) != Some(&b'/') {
        return None;
    }
    let (day, month, year) = (digits(0..2)?, digits(3..5)?, digits(6..10)?);
    let number = |text: &str| text.parse::<i8>().ok();
    jiff::civil::Date::new(year.parse().ok()?, number(month)?, number(day)?).ok()?;
    Some(format!("{year}-{month}-{day}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_dates_read_day_month_year() {
        assert_eq!(french_date("12/05/2026").as_deref(), Some("2026-05-12"));
        assert_eq!(french_date("2026-05-12"), None);
        assert_eq!(french_date("1/5/2026"), None);
        assert_eq!(french_date("ab/05/2026"), None);
        assert_eq!(french_date("31/02/2026"), None);
        assert_eq!(french_bool("VRAI"), Some(true));
        assert_eq!(french_bool("Non"), Some(false));
        assert_eq!(french_bool("true"), None);
    }

    #[test]
    fn the_header_decides_the_separator() {
        let sniffed = |text: &str| Dialect::sniff_csv(text).delimiter;
        assert_eq!(sniffed("id,name,hosting.region\nA;B;C"), b',');
        assert_eq!(sniffed("id;name;hosting.region\nA,B,C"), b';');
        assert_eq!(sniffed("id\tname\nA,B"), b'\t');
        assert_eq!(sniffed("\"a;b\",name\n"), b',');
        assert_eq!(sniffed("id\n"), b',');
        assert_eq!(sniffed(""), b',');
        assert_eq!(sniffed("a,b;c\n"), b',');
    }

    #[test]
    fn a_comma_between_digits_becomes_a_point_in_numeric_fields_only() {
        assert_eq!(decimal_point("4,50", &Ty::Number).as_deref(), Some("4.50"));
        assert_eq!(
            decimal_point("4,50 €", &Ty::Money).as_deref(),
            Some("4.50 €")
        );
        assert_eq!(
            decimal_point("12,5 %", &Ty::Percent).as_deref(),
            Some("12.5 %")
        );
        assert_eq!(decimal_point("4,50", &Ty::String), None);
        assert_eq!(decimal_point("4,50", &Ty::Int), None);
        assert_eq!(decimal_point("1,234,5", &Ty::Number), None);
        assert_eq!(decimal_point(",5", &Ty::Number), None);
        assert_eq!(decimal_point("4.5", &Ty::Number), None);
    }

    #[test]
    fn another_separator_is_found_with_its_cell_count() {
        assert_eq!(
            Dialect::TSV.other_separator("id;name;region"),
            Some((Message::new("d0601-separator-semicolon"), 3))
        );
        assert_eq!(Dialect::CSV.other_separator("id,name"), None);
    }
}
