//! Properties of loading: no input makes it panic, every location lies in the text, and
//! the same data reads the same in every format.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails loudly where its expectation does not hold"
)]

mod load_support;

use clausier_data::load::Format;
use jiff::civil::Date;
use load_support::{assert_locations_within, load, load_strict};
use proptest::prelude::*;
use rust_decimal::Decimal;

const FORMATS: [Format; 6] = [
    Format::Json,
    Format::Yaml,
    Format::Toml,
    Format::Csv,
    Format::Tsv,
    Format::Ndjson,
];

fn check_any_text(text: &str) {
    for format in FORMATS {
        let descriptors = load("any", text, format);
        assert_locations_within(text, &descriptors);
        let strict = load_strict("any", text, format);
        assert_locations_within(text, &strict);
    }
}

/// Text made of the characters that matter to the five syntaxes, so that the parsers get
/// deep into their grammars more often than with arbitrary characters.
fn syntax_soup() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("{".to_owned()),
        Just("}".to_owned()),
        Just("[".to_owned()),
        Just("]".to_owned()),
        Just("\"".to_owned()),
        Just("'".to_owned()),
        Just(":".to_owned()),
        Just(",".to_owned()),
        Just(";".to_owned()),
        Just("=".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("  ".to_owned()),
        Just("- ".to_owned()),
        Just("&a ".to_owned()),
        Just("*a".to_owned()),
        Just("---\n".to_owned()),
        Just("[[subprocessors]]\n".to_owned()),
        Just("hosting.region".to_owned()),
        Just("\"hosting\": {\"region\": ".to_owned()),
        Just("\"EU\"".to_owned()),
        Just("name".to_owned()),
        Just("standards".to_owned()),
        Just("seats".to_owned()),
        Just("12".to_owned()),
        Just("4.50".to_owned()),
        Just("1e400".to_owned()),
        Just("2027-06-30".to_owned()),
        Just("null".to_owned()),
        Just("true".to_owned()),
        Just("é".to_owned()),
        Just("€".to_owned()),
        Just("\u{feff}".to_owned()),
        "[a-z0-9 ]{1,4}",
    ];
    prop::collection::vec(pieces, 0..40).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_text_never_panics_and_locations_stay_in_the_text(text in "\\PC{0,120}") {
        check_any_text(&text);
    }

    #[test]
    fn near_miss_syntax_never_panics_and_locations_stay_in_the_text(text in syntax_soup()) {
        check_any_text(&text);
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let depth = 100_000;
    let cases = [
        (
            Format::Json,
            format!("{{\"standards\": {}", "[".repeat(depth)),
        ),
        (
            Format::Ndjson,
            format!("{{\"standards\": {}", "[".repeat(depth)),
        ),
        (Format::Yaml, format!("standards: {}", "[".repeat(depth))),
        (Format::Toml, format!("standards = {}", "[".repeat(depth))),
        (
            Format::Json,
            format!("{{\"standards\": {}1{}}}", "[".repeat(300), "]".repeat(300)),
        ),
        (
            Format::Yaml,
            format!("standards: {}1{}", "[".repeat(300), "]".repeat(300)),
        ),
        (
            Format::Toml,
            format!("standards = {}1{}", "[".repeat(300), "]".repeat(300)),
        ),
    ];
    for (format, text) in cases {
        let descriptors = load("deep", &text, format);
        assert_eq!(descriptors.len(), 1);
        assert!(descriptors[0].is_invalid(), "{format:?}");
        assert_locations_within(&text, &descriptors);
    }
}

/// A descriptor's worth of data, written out in each format.
#[derive(Debug, Clone)]
struct Data {
    name: Option<String>,
    seats: Option<i32>,
    rating: Option<Decimal>,
    launched: Option<Date>,
    region: Option<&'static str>,
    standards: Option<Vec<String>>,
    notice_months: Option<u16>,
}

fn word() -> impl Strategy<Value = String> {
    "[A-Za-z][a-z0-9]{0,8}".prop_filter("a YAML null", |word| !word.eq_ignore_ascii_case("null"))
}

fn data() -> impl Strategy<Value = Data> {
    (
        prop::option::of(word()),
        prop::option::of(any::<i32>()),
        prop::option::of((any::<i32>(), 0u32..6).prop_map(|(m, s)| Decimal::new(m.into(), s))),
        prop::option::of(
            (1900i16..2100, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| Date::constant(y, m, d)),
        ),
        prop::option::of(prop::sample::select(vec!["EU", "EEA", "ADEQUATE", "OTHER"])),
        prop::option::of(prop::collection::vec(word(), 0..5)),
        prop::option::of(any::<u16>()),
    )
        .prop_map(
            |(name, seats, rating, launched, region, standards, notice_months)| Data {
                name,
                seats,
                rating,
                launched,
                region,
                standards,
                notice_months,
            },
        )
}

impl Data {
    fn json(&self) -> String {
        let mut fields = Vec::new();
        if let Some(name) = &self.name {
            fields.push(format!("\"name\": \"{name}\""));
        }
        if let Some(seats) = self.seats {
            fields.push(format!("\"seats\": {seats}"));
        }
        if let Some(rating) = self.rating {
            fields.push(format!("\"rating\": {rating}"));
        }
        if let Some(date) = self.launched {
            fields.push(format!("\"launched\": \"{date}\""));
        }
        if let Some(region) = self.region {
            fields.push(format!("\"hosting\": {{ \"region\": \"{region}\" }}"));
        }
        if let Some(standards) = &self.standards {
            let items: Vec<String> = standards.iter().map(|s| format!("\"{s}\"")).collect();
            fields.push(format!("\"standards\": [{}]", items.join(", ")));
        }
        if let Some(months) = self.notice_months {
            fields.push(format!(
                "\"reversibility\": {{ \"notice\": \"P{months}M\" }}"
            ));
        }
        format!("{{ {} }}", fields.join(", "))
    }

    fn yaml(&self) -> String {
        let mut out = String::new();
        if let Some(name) = &self.name {
            out.push_str(&format!("name: {name}\n"));
        }
        if let Some(seats) = self.seats {
            out.push_str(&format!("seats: {seats}\n"));
        }
        if let Some(rating) = self.rating {
            out.push_str(&format!("rating: {rating}\n"));
        }
        if let Some(date) = self.launched {
            out.push_str(&format!("launched: {date}\n"));
        }
        if let Some(region) = self.region {
            out.push_str(&format!("hosting:\n  region: {region}\n"));
        }
        if let Some(standards) = &self.standards {
            out.push_str("standards:");
            if standards.is_empty() {
                out.push_str(" []");
            }
            out.push('\n');
            for item in standards {
                out.push_str(&format!("  - {item}\n"));
            }
        }
        if let Some(months) = self.notice_months {
            out.push_str(&format!("reversibility:\n  notice: {months} mois\n"));
        }
        out
    }

    fn toml(&self) -> String {
        let mut out = String::new();
        if let Some(name) = &self.name {
            out.push_str(&format!("name = '{name}'\n"));
        }
        if let Some(seats) = self.seats {
            out.push_str(&format!("seats = {seats}\n"));
        }
        if let Some(rating) = self.rating {
            out.push_str(&format!("rating = {rating}\n"));
        }
        if let Some(date) = self.launched {
            out.push_str(&format!("launched = {date}\n"));
        }
        if let Some(standards) = &self.standards {
            let items: Vec<String> = standards.iter().map(|s| format!("\"{s}\"")).collect();
            out.push_str(&format!("standards = [{}]\n", items.join(", ")));
        }
        if let Some(region) = self.region {
            out.push_str(&format!("[hosting]\nregion = \"{region}\"\n"));
        }
        if let Some(months) = self.notice_months {
            out.push_str(&format!("[reversibility]\nnotice = \"{months} months\"\n"));
        }
        out
    }

    fn csv(&self) -> String {
        let cell = |value: Option<String>| value.unwrap_or_default();
        let header = "name,seats,rating,launched,hosting.region,standards,reversibility.notice";
        let row = [
            cell(self.name.clone()),
            cell(self.seats.map(|s| s.to_string())),
            cell(self.rating.map(|r| r.to_string())),
            cell(self.launched.map(|d| d.to_string())),
            cell(self.region.map(str::to_owned)),
            cell(self.standards.as_ref().map(|s| s.join(";"))),
            cell(self.notice_months.map(|m| format!("P{m}M"))),
        ];
        format!("{header}\n{}\n", row.join(","))
    }

    /// The same table with tabs between cells: no value here holds a comma or a tab.
    fn tsv(&self) -> String {
        self.csv().replace(',', "\t")
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_same_data_reads_the_same_in_every_format(data in data()) {
        let json = load("d.json", &data.json(), Format::Json);
        prop_assert!(!json[0].is_invalid(), "{:?}\n{}", json[0].problems, data.json());
        let ndjson = load("d.ndjson", &data.json(), Format::Ndjson);
        let yaml = load("d.yaml", &data.yaml(), Format::Yaml);
        let toml = load("d.toml", &data.toml(), Format::Toml);
        prop_assert_eq!(&json[0].root, &ndjson[0].root);
        // An empty YAML document is null, not a mapping: that case has its own test.
        if !data.yaml().is_empty() {
            prop_assert_eq!(&json[0].root, &yaml[0].root, "{}", data.yaml());
        }
        prop_assert_eq!(&json[0].root, &toml[0].root, "{}", data.toml());
        prop_assert!(toml[0].problems.is_empty());
        assert_locations_within(&data.yaml(), &yaml);
        assert_locations_within(&data.toml(), &toml);

        // CSV cannot tell an empty list from an absent one, nor keep an empty row.
        let csv = load("d.csv", &data.csv(), Format::Csv);
        let mut expected = data.clone();
        if expected.standards.as_ref().is_some_and(Vec::is_empty) {
            expected.standards = None;
        }
        let expected_root = load("e.json", &expected.json(), Format::Json).remove(0).root;
        match csv.first() {
            Some(row) => prop_assert_eq!(&row.root, &expected_root, "{}", data.csv()),
            None => prop_assert_eq!(
                expected_root.as_ref().map(|root| root.fields.iter().all(Option::is_none)),
                Some(true)
            ),
        }
        assert_locations_within(&data.csv(), &csv);

        // TSV is CSV with tabs: the same rows, the same values.
        let tsv = load("d.tsv", &data.tsv(), Format::Tsv);
        prop_assert_eq!(
            tsv.iter().map(|row| &row.root).collect::<Vec<_>>(),
            csv.iter().map(|row| &row.root).collect::<Vec<_>>(),
            "{}",
            data.tsv()
        );
        assert_locations_within(&data.tsv(), &tsv);
    }
}
