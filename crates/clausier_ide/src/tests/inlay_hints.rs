use clausier_diagnostics::Lang;
use std::fmt::Write as _;

use insta::assert_snapshot;

use super::Fixture;
use super::workspace::{open, rules_copy};
use crate::{Analysis, FileId, InlayHint, Span};

fn render(analysis: &Analysis, file: FileId, hints: &[InlayHint]) -> String {
    let text = analysis.file_text(file).unwrap_or("");
    let mut out = String::new();
    for hint in hints {
        let before = text.get(..hint.offset as usize).unwrap_or("");
        let line = before.lines().last().unwrap_or("").trim_start();
        let tooltip = hint
            .tooltip
            .as_deref()
            .map(|t| format!("\n  {t}"))
            .unwrap_or_default();
        let _ = writeln!(out, "{line}⟨{}⟩{tooltip}", hint.label);
    }
    out
}

/// The hints of the line the cursor is on, each shown after the text it follows.
fn check(input: &str) -> String {
    let fixture = Fixture::parse(input);
    let (file, offset) = fixture.cursor();
    let text = fixture.text(file);
    let start = text
        .get(..offset as usize)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let end = text
        .get(offset as usize..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| i + offset as usize);
    let range = Span::from_range(start..end);
    render(
        &fixture.analysis,
        file,
        &fixture.analysis.inlay_hints(file, range, Lang::En),
    )
}

const PARAMS: &str = "descriptor {\n  price: money\n  rate: percent\n  notice: duration\n}\n\nparam max_price: money = 6.00 €\nparam min_rate: percent = 75%\nparam notice: duration = 2 months\n";

fn with(line: &str) -> String {
    format!("{PARAMS}\nrequirement R \"r\" {{\n  {line}\n}}\n")
}

#[test]
fn after_each_use_of_a_parameter() {
    assert_snapshot!(check(&with("require price <= max_price$0")), @"require price <= max_price⟨= 6.00 €⟩");
    assert_snapshot!(check(&with("require price <= max_price and rate >= min_rate$0")), @r#"
require price <= max_price⟨= 6.00 €⟩
require price <= max_price and rate >= min_rate⟨= 75%⟩
"#);
    assert_snapshot!(check(&with("require notice <= max_$0price * 2")), @"require notice <= max_price⟨= 6.00 €⟩");
}

#[test]
fn none_on_declarations_fields_or_outside_the_range() {
    assert_snapshot!(check(&format!("{PARAMS}$0")), @"");
    assert_snapshot!(check(&with("require price <= 3 €$0")), @"");
    let fixture = Fixture::parse(&with("require price <= max_price"));
    assert!(
        fixture
            .analysis
            .inlay_hints(FileId(0), Span::new(0, 10), Lang::En)
            .is_empty()
    );
    assert!(
        fixture
            .analysis
            .inlay_hints(FileId(7), Span::new(0, 1000), Lang::En)
            .is_empty()
    );
}

#[test]
fn an_overridden_parameter_says_by_whom_and_where() {
    let dir = rules_copy();
    let analysis = open(&dir.path().join("rules/region-exemple"));
    let mut out = String::new();
    for file in analysis.files().collect::<Vec<_>>() {
        let name = analysis
            .file_name(file)
            .rsplit('/')
            .next()
            .unwrap_or("")
            .to_owned();
        if !matches!(name.as_str(), "attribution.clause" | "reversibilite.clause") {
            continue;
        }
        let hints = analysis.inlay_hints(file, Span::new(0, u32::MAX), Lang::En);
        let _ = write!(out, "{}", render(&analysis, file, &hints));
    }
    let root = dir.path().to_string_lossy().into_owned();
    assert_snapshot!(out.replace(&root, "…"), @r#"
param max_price: money = 8.00 €⟨→ 5.50 € (set by region-exemple)⟩
  `max_price` is set to `5.50 €` by `region-exemple` at …/rules/region-exemple/consultation.clause:57:16; `edtech-fr` declares `8.00 €`
text "Le prix par élève et par an, toutes prestations nécessaires au fonctionnement de la ressource comprises, n'excède pas {max_price⟨= 5.50 € (set by region-exemple)⟩
  `max_price` is set to `5.50 €` by `region-exemple` at …/rules/region-exemple/consultation.clause:57:16; `edtech-fr` declares `8.00 €`
require pricing.per_student <= max_price⟨= 5.50 € (set by region-exemple)⟩
  `max_price` is set to `5.50 €` by `region-exemple` at …/rules/region-exemple/consultation.clause:57:16; `edtech-fr` declares `8.00 €`
param max_exit_notice: duration = 2 months⟨→ 1 month (set by region-exemple)⟩
  `max_exit_notice` is set to `1 month` by `region-exemple` at …/rules/region-exemple/pack.toml:24:1; `edtech-fr` declares `2 months`
text "L'offre permet à l'acheteur d'engager le changement de fournisseur ou le rapatriement de ses données moyennant un préavis qui n'excède pas {max_exit_notice⟨= 1 month (set by region-exemple)⟩
  `max_exit_notice` is set to `1 month` by `region-exemple` at …/rules/region-exemple/pack.toml:24:1; `edtech-fr` declares `2 months`
text "L'offre permet à l'acheteur d'engager le changement de fournisseur ou le rapatriement de ses données moyennant un préavis qui n'excède pas {max_exit_notice}. La période de transition n'excède pas {max_transition⟨= 30 days⟩
text "L'offre permet à l'acheteur d'engager le changement de fournisseur ou le rapatriement de ses données moyennant un préavis qui n'excède pas {max_exit_notice}. La période de transition n'excède pas {max_transition} ; à son issue, les données restent récupérables pendant au moins {min_retrieval⟨= 30 days⟩
require exit.notice <= max_exit_notice⟨= 1 month (set by region-exemple)⟩
  `max_exit_notice` is set to `1 month` by `region-exemple` at …/rules/region-exemple/pack.toml:24:1; `edtech-fr` declares `2 months`
and exit.transition <= max_transition⟨= 30 days⟩
and exit.retrieval >= min_retrieval⟨= 30 days⟩
"#);
}

#[test]
fn in_french_an_overridden_parameter_says_by_whom_and_where() {
    let dir = rules_copy();
    let analysis = open(&dir.path().join("rules/region-exemple"));
    let file = analysis
        .files()
        .find(|file| analysis.file_name(*file).ends_with("/attribution.clause"))
        .unwrap();
    let hints = analysis.inlay_hints(file, Span::new(0, u32::MAX), Lang::Fr);
    let root = dir.path().to_string_lossy().into_owned();
    let out = render(&analysis, file, &hints).replace(&root, "…");
    let first = out.lines().take(2).collect::<Vec<_>>().join("\n");
    assert_snapshot!(first, @r#"
param max_price: money = 8.00 €⟨→ 5.50 € (fixé par region-exemple)⟩
  `max_price` vaut `5.50 €`, fixé par `region-exemple` en …/rules/region-exemple/consultation.clause:57:16 ; `edtech-fr` le déclare à `8.00 €`
"#);
}
