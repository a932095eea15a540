//! The library's promises at its boundary: what `format` returns for odd inputs and
//! errors, the options, line endings, and range formatting as an editor uses it.

#![expect(
    clippy::panic,
    reason = "a needle missing from its text is a broken test"
)]

mod common;

use clausier_diagnostics::{Lang, Span};
use clausier_fmt::{FormatError, FormatOptions, TextEdit, format, format_range, format_with};
use common::check_format;

const BROKEN: &str = "requirement HEB-01 \"Hébergement\" {\n  require hosting.region ==\n}\n";

/// Applies edits the way an editor does: from the last to the first.
fn apply(text: &str, edits: &[TextEdit]) -> String {
    let mut out = text.to_string();
    let mut sorted: Vec<&TextEdit> = edits.iter().collect();
    sorted.sort_by_key(|edit| std::cmp::Reverse(edit.range.start));
    for edit in sorted {
        out.replace_range(edit.range.range(), &edit.new_text);
    }
    out
}

fn span_of(text: &str, needle: &str) -> Span {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in the text"));
    Span::from_range(start..start + needle.len())
}

#[test]
fn an_empty_file_stays_empty() {
    assert_eq!(format(""), Ok(String::new()));
    assert_eq!(format("\n\n   \n\t\n"), Ok(String::new()));
}

#[test]
fn a_file_of_comments_keeps_them() {
    assert_eq!(
        format("\n\n// one   \n\n\n// two\n\n"),
        Ok("// one\n\n// two\n".to_string())
    );
}

#[test]
fn output_ends_with_exactly_one_line_break() {
    assert_eq!(
        format("param p: int = 1"),
        Ok("param p: int = 1\n".to_string())
    );
    assert_eq!(
        format("param p: int = 1\n\n\n"),
        Ok("param p: int = 1\n".to_string())
    );
}

#[test]
fn syntax_errors_are_refused_with_the_place_of_the_first() {
    let error = format(BROKEN).unwrap_err();
    let FormatError::Syntax {
        message,
        line,
        column,
        span,
        diagnostics,
    } = &error
    else {
        panic!("{error:?}");
    };
    assert_eq!((*line, *column), (2, 28));
    assert_eq!(message.text(Lang::En), "expected an expression, found `}`");
    // Right after `==`, where the expression is missing.
    assert_eq!(span.start as usize, BROKEN.find("==\n").unwrap() + 2);
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(
        error.to_string(),
        "cannot format a file with syntax errors: the first is at line 2, column 28: expected an \
         expression, found `}`"
    );
}

#[test]
fn every_form_of_broken_text_is_refused_and_never_rewritten() {
    for broken in [
        "requirement {",
        "enum A { X Y }",
        "param p: int = (1",
        "/// docs of nothing\n",
        "requirement A \"a\" { require x }}",
        "param p: string = \"unterminated\n",
        "test \"t\" { given { a: } }",
    ] {
        let result = format(broken);
        assert!(
            matches!(result, Err(FormatError::Syntax { .. })),
            "{broken:?}: {result:?}"
        );
    }
}

#[test]
fn crlf_files_stay_crlf() {
    let input = "param p:int=1\r\n// note\r\nrequirement A \"a\" {require p>0 // why\r\n}\r\n";
    let output = format(input).unwrap();
    assert_eq!(
        output,
        "param p: int = 1\r\n\r\n// note\r\nrequirement A \"a\" {\r\n  require p > 0 // why\r\n}\r\n"
    );
    assert_eq!(format(&output).as_deref(), Ok(output.as_str()));
}

#[test]
fn a_byte_order_mark_is_kept() {
    let output = format("\u{FEFF}param p:int=1\n").unwrap();
    assert_eq!(output, "\u{FEFF}param p: int = 1\n");
    assert_eq!(format(&output).as_deref(), Ok(output.as_str()));
}

#[test]
fn utf8_is_kept_as_written() {
    let input = "param prix_élève: string = \"É 💶 \\u{E9} « »\" // ☕\n";
    assert_eq!(check_format(input).as_deref(), Ok(input));
}

#[test]
fn the_indent_width_is_an_option() {
    let options = FormatOptions {
        indent_width: 4,
        ..FormatOptions::default()
    };
    assert_eq!(
        format_with("descriptor { a: { b: int } }", &options).as_deref(),
        Ok("descriptor {\n    a: { b: int }\n}\n")
    );
}

#[test]
fn the_width_is_an_option() {
    let options = FormatOptions {
        max_width: 30,
        ..FormatOptions::default()
    };
    let text = "requirement A \"a\" { require alpha and beta or gamma }";
    assert_eq!(
        format_with(text, &options).as_deref(),
        Ok("requirement A \"a\" {\n  require alpha and beta\n    or gamma\n}\n")
    );
    assert_eq!(
        format_with("enum Region { EU, EEA, ADEQUATE, OTHER }", &options).as_deref(),
        Ok("enum Region {\n  EU,\n  EEA,\n  ADEQUATE,\n  OTHER\n}\n")
    );
}

#[test]
fn lines_fit_in_the_width_where_the_language_allows_a_break() {
    let text = "requirement A \"a\" { require aaaaaaaaaa.bbbbbbbbbb == 1 and cccccccccc.dddddddddd == 2 and eeeeeeeeee.ffffffffff == 3 and gggggggggg.hhhhhhhhhh == 4 }";
    let output = format(text).unwrap();
    assert!(
        output.lines().all(|line| line.chars().count() <= 100),
        "{output}"
    );
    assert_eq!(output.lines().count(), 6, "{output}");
}

const THREE: &str = "param a:int=1\n\n// about b\nrequirement B \"b\" {require x==1\nlevel must} // after b\n\nparam c:int=3\n";

#[test]
fn range_formatting_edits_only_the_items_it_touches() {
    let edits = format_range(THREE, span_of(THREE, "x==1")).unwrap();
    assert_eq!(edits.len(), 1);
    let edit = &edits[0];
    assert_eq!(
        &THREE[edit.range.range()],
        "requirement B \"b\" {require x==1\nlevel must} // after b"
    );
    assert_eq!(
        edit.new_text,
        "requirement B \"b\" {\n  level must\n  require x == 1\n} // after b"
    );
    assert_eq!(
        apply(THREE, &edits),
        "param a:int=1\n\n// about b\nrequirement B \"b\" {\n  level must\n  require x == 1\n} // after b\n\nparam c:int=3\n"
    );
}

#[test]
fn a_cursor_formats_the_item_it_is_in() {
    let at = span_of(THREE, "c:int").start;
    let edits = format_range(THREE, Span::empty_at(at)).unwrap();
    assert_eq!(
        apply(THREE, &edits),
        THREE.replace("param c:int=3", "param c: int = 3")
    );
}

#[test]
fn a_range_over_several_items_gives_one_edit_for_them() {
    let range = span_of(THREE, "a:int").cover(span_of(THREE, "x==1"));
    let edits = format_range(THREE, range).unwrap();
    assert_eq!(edits.len(), 1);
    // The comment between the two items is inside the edit, and stays.
    assert_eq!(
        apply(THREE, &edits),
        "param a: int = 1\n\n// about b\nrequirement B \"b\" {\n  level must\n  require x == 1\n} // after b\n\nparam c:int=3\n"
    );
}

#[test]
fn a_range_over_the_whole_text_formats_every_item() {
    let edits = format_range(THREE, Span::from_range(0..THREE.len())).unwrap();
    assert_eq!(apply(THREE, &edits), format(THREE).unwrap());
}

#[test]
fn a_range_between_items_or_on_formatted_items_changes_nothing() {
    let comment = span_of(THREE, "// about b");
    assert_eq!(
        format_range(THREE, Span::empty_at(comment.start + 3)),
        Ok(vec![])
    );
    let formatted = format(THREE).unwrap();
    assert_eq!(
        format_range(&formatted, Span::from_range(0..formatted.len())),
        Ok(vec![])
    );
}

#[test]
fn range_formatting_refuses_broken_text() {
    assert!(matches!(
        format_range(BROKEN, Span::empty_at(0)),
        Err(FormatError::Syntax { .. })
    ));
}

#[test]
fn range_formatting_keeps_crlf_and_the_byte_order_mark() {
    let text = "\u{FEFF}param a:int=1\r\nparam b:int=2\r\n";
    let edits = format_range(text, Span::empty_at(4)).unwrap();
    assert_eq!(edits.len(), 1);
    assert_eq!(edits[0].range.start, 3);
    assert_eq!(
        apply(text, &edits),
        "\u{FEFF}param a: int = 1\r\nparam b:int=2\r\n"
    );
}
