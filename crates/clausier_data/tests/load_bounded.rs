//! Vendor files built to cost: a million undeclared keys, a 10 MB value, numbers no
//! decimal holds, keys dotted past the parser's limit. Each loads in linear time and each
//! problem is one short, located message.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails loudly where its expectation does not hold"
)]

mod load_support;

use std::sync::mpsc;
use std::time::Duration;

use clausier_data::descriptor::{DataProblem, Descriptor};
use clausier_data::load::Format;
use clausier_diagnostics::Code;
use load_support::load_one;

/// Runs `work` on its own thread; a quadratic load that would take hours fails the test
/// instead of hanging the suite.
fn within_a_minute<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = sender.send(work());
    });
    receiver
        .recv_timeout(Duration::from_secs(60))
        .unwrap_or_else(|_| panic!("the load did not end within a minute"))
}

fn only_problem(descriptor: &Descriptor) -> &DataProblem {
    assert_eq!(descriptor.problems.len(), 1, "{:?}", descriptor.problems);
    &descriptor.problems[0]
}

#[test]
fn a_million_undeclared_keys_load() {
    let keys = 1_000_000;
    let mut text = String::from(r#"{"id": "v", "seats": 12"#);
    for key in 0..keys {
        text.push_str(&format!(r#", "k{key}": 1"#));
    }
    text.push('}');
    let descriptor = within_a_minute(move || load_one("v.json", &text, Format::Json));
    assert!(!descriptor.is_invalid());
    // Twenty warnings name a key each, and one counts the rest.
    assert_eq!(descriptor.problems.len(), 21);
    assert_eq!(
        descriptor.problems[0]
            .message
            .text(clausier_diagnostics::Lang::En),
        "999980 more fields are not declared by the pack"
    );
    assert_eq!(descriptor.id, "v");
}

#[test]
fn a_ten_megabyte_enum_value_is_quoted_short() {
    let value = "X".repeat(10 << 20);
    let text = format!(r#"{{"hosting": {{"region": "{value}"}}}}"#);
    let descriptor = within_a_minute(move || load_one("v.json", &text, Format::Json));
    let problem = only_problem(&descriptor);
    assert_eq!(problem.code, Code::DESCRIPTOR_VARIANT);
    assert_eq!(
        problem.message.text(clausier_diagnostics::Lang::En),
        format!(
            "unknown `Region` value `{}`… (10485760 characters)",
            "X".repeat(80)
        )
    );
    let loc = problem.loc.unwrap();
    assert_eq!((loc.line, loc.column), (1, 24));
}

#[test]
fn numbers_out_of_range_say_why_and_where() {
    let too_large = "number `1e400` is too large: numbers range from \
                     -79228162514264337593543950335 to 79228162514264337593543950335";
    let many_digits = format!("0.{}1", "0".repeat(40));
    let too_precise = format!(
        "number `{many_digits}` has too many digits: a number has at most 28 digits after \
         the decimal point, and about 28 digits in all"
    );
    let huge = format!("1{}", "0".repeat(1_000_000));
    let huge_message = format!(
        "number `{}`… (1000001 characters) is too large: numbers range from \
         -79228162514264337593543950335 to 79228162514264337593543950335",
        &huge[..80]
    );
    let cases = [
        (
            "v.json",
            "{\n  \"rating\": 1e400\n}".to_owned(),
            Format::Json,
            too_large.to_owned(),
            (2, 13),
        ),
        (
            "v.json",
            format!("{{\n  \"rating\": {many_digits}\n}}"),
            Format::Json,
            too_precise.clone(),
            (2, 13),
        ),
        (
            "v.json",
            format!("{{\"seats\": {huge}}}"),
            Format::Json,
            huge_message.clone(),
            (1, 11),
        ),
        (
            "v.toml",
            format!("id = \"v\"\nrating = {huge}\n"),
            Format::Toml,
            huge_message,
            (2, 10),
        ),
        (
            "v.yaml",
            format!("id: v\nrating: {many_digits}\n"),
            Format::Yaml,
            too_precise,
            (2, 9),
        ),
        (
            "v.yaml",
            "id: v\npricing:\n  per_student: 1e400 €\n".to_owned(),
            Format::Yaml,
            "number `1e400 €` is too large: numbers range from \
             -79228162514264337593543950335 to 79228162514264337593543950335"
                .to_owned(),
            (3, 16),
        ),
    ];
    for (source, text, format, message, (line, column)) in cases {
        let descriptor = load_one(source, &text, format);
        let problem = only_problem(&descriptor);
        assert_eq!(
            problem.code,
            Code::DESCRIPTOR_TYPE,
            "{source}: {}",
            problem.message.text(clausier_diagnostics::Lang::En)
        );
        assert_eq!(
            problem.message.text(clausier_diagnostics::Lang::En),
            message,
            "{source}"
        );
        let loc = problem.loc.unwrap();
        assert_eq!(
            (loc.line, loc.column),
            (line, column),
            "{source}: {message}"
        );
    }
}

#[test]
fn a_toml_key_dotted_past_the_limit_is_located_at_the_key() {
    let key = vec!["a"; 300].join(".");
    let text = format!("id = \"v\"\nseats = 1\n\n  {key} = 1\n");
    let descriptor = load_one("v.toml", &text, Format::Toml);
    let problem = only_problem(&descriptor);
    assert_eq!(problem.code, Code::DESCRIPTOR_SYNTAX);
    assert_eq!(
        problem.message.text(clausier_diagnostics::Lang::En),
        "invalid TOML: a dotted key of more than 80 parts"
    );
    let loc = problem.loc.unwrap();
    assert_eq!((loc.line, loc.column), (4, 3));

    let header = format!("id = \"v\"\n[{key}]\nb = 1\n");
    let descriptor = load_one("v.toml", &header, Format::Toml);
    let loc = only_problem(&descriptor).loc.unwrap();
    assert_eq!((loc.line, loc.column), (2, 2));
}
