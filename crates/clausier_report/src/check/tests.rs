use super::fixtures::report;
use super::*;

#[test]
fn human_report_lists_reasons_of_descriptors_that_are_not_eligible() {
    let text = render_human(&report(), &HumanOptions::default());
    insta::assert_snapshot!(text);
}

#[test]
fn human_report_with_explain_lists_every_clause() {
    let options = HumanOptions {
        color: false,
        explain_all: true,
    };
    insta::assert_snapshot!(render_human(&report(), &options));
}

#[test]
fn human_report_has_no_escape_codes_without_color() {
    let plain = render_human(&report(), &HumanOptions::default());
    assert!(!plain.contains('\u{1b}'));
    let colored = render_human(
        &report(),
        &HumanOptions {
            color: true,
            explain_all: false,
        },
    );
    assert!(colored.contains("\u{1b}[31mineligible\u{1b}[0m"));
    // Colors must not change what is written once they are stripped.
    assert_eq!(strip_ansi(&colored), plain);
}

#[test]
fn table_columns_align_on_display_width() {
    let text = render_human(&report(), &HumanOptions::default());
    let rows: Vec<&str> = text
        .lines()
        .skip_while(|line| !line.starts_with("ID"))
        .take_while(|line| !line.is_empty())
        .collect();
    assert_eq!(rows.len(), 6);
    let status_column = |row: &str| {
        let at = row.find("  eligible").or_else(|| row.find("  STATUS"));
        at.map(|byte| unicode_width::UnicodeWidthStr::width(&row[..byte]))
    };
    // The accented id is wider in bytes than in columns; the table must not care.
    assert_eq!(status_column(rows[0]), status_column(rows[1]));
    assert_eq!(status_column(rows[1]), status_column(rows[2]));
    for row in rows {
        assert_eq!(row, row.trim_end(), "trailing spaces in {row:?}");
    }
}

#[test]
fn json_report_is_pretty_and_ends_with_a_line_break() {
    let text = render_json(&report()).unwrap();
    assert!(text.ends_with("}\n"));
    assert!(text.starts_with("{\n  \"clausier\": \"0.1.0\",\n  \"pack\": {\n    \"name\""));
    assert_eq!(render_json(&report()).unwrap(), text);
    insta::assert_snapshot!(text);
}

fn strip_ansi(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}
