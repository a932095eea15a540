//! Each descriptor format against a fixed schema, then the reports written from it.

use clausier_i18n::Lang;
use std::sync::OnceLock;

use clausier_data::load::{Format, LoadOptions, load_text};
use clausier_eval::{Program, compile, run};
use clausier_report::check::{
    HumanOptions, render_csv, render_html, render_human, render_json, render_junit,
    render_markdown, render_ndjson, render_xlsx,
};

use crate::pack::{SCHEMA, checked, info, judged_alike, options};
use crate::text_of;

const CLAUSES: &str = r#"
requirement HEB "Hébergement" { require region in [EU, EEA] and all s in suppliers: s.region != OTHER }
requirement PRX "Prix" { level should  require price <= max_price }
requirement DLY "Délai" { when flag  require notice <= 2 months and since + notice >= today }
criterion PRIX "Prix" weight 60 { score lowest(price) / price }
criterion QUAL "Qualité" weight 40 { score (if tier <= II then 1 else 0.5) * rate }
"#;

fn pack() -> Option<&'static (clausier_check::types::Schema, Program)> {
    static PACK: OnceLock<Option<(clausier_check::types::Schema, Program)>> = OnceLock::new();
    PACK.get_or_init(|| {
        let checked = checked(&format!("{SCHEMA}\n{CLAUSES}"));
        assert!(!checked.has_errors(), "the fuzz pack compiles");
        let program = compile(checked.valid()?);
        Some((checked.pack.schema.clone(), program))
    })
    .as_ref()
}

/// The first byte chooses the format (and `--strict`), the rest is the file. Loading
/// never fails: every record is a descriptor, valid or with located problems; the run
/// reports each once, and every report format renders.
pub fn descriptors(data: &[u8]) {
    let Some((choice, rest)) = data.split_first() else {
        return;
    };
    let (format, source) = match choice % 6 {
        0 => (Format::Json, "offre.json"),
        1 => (Format::Yaml, "offre.yaml"),
        2 => (Format::Toml, "offre.toml"),
        3 => (Format::Csv, "offres.csv"),
        4 => (Format::Ndjson, "offres.ndjson"),
        _ => (Format::Tsv, "offres.tsv"),
    };
    let load = LoadOptions {
        strict: choice & 0x80 != 0,
    };
    let Some((schema, program)) = pack() else {
        return;
    };
    let descriptors = load_text(schema, source, &text_of(rest), format, &load);
    if matches!(format, Format::Json | Format::Yaml | Format::Toml) {
        assert_eq!(descriptors.len(), 1, "one file, one descriptor");
    }
    for descriptor in &descriptors {
        assert!(
            descriptor.root.is_some() || descriptor.is_invalid(),
            "a descriptor with neither data nor a problem"
        );
    }
    judged_alike(program, &descriptors);
    let report = run(program, info(), &descriptors, &options(1));
    for color in [false, true] {
        let human = render_human(
            &report,
            &HumanOptions {
                color,
                explain_all: true,
                ..HumanOptions::default()
            },
        );
        assert!(!human.is_empty());
    }
    assert!(render_json(&report).is_ok());
    assert!(render_ndjson(&report).is_ok());
    assert!(render_csv(&report).is_ok());
    for lang in Lang::ALL {
        assert!(render_xlsx(&report, lang).is_ok());
        let _ = (
            render_markdown(&report, lang),
            render_html(&report, lang),
            render_junit(&report, lang),
        );
    }
}
