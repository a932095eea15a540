use clausier_diagnostics::Lang;
use std::fmt::Write as _;

use insta::assert_snapshot;

use super::{Fixture, PACK, mark};
use crate::{CodeAction, FileId, Span};

fn actions(input: &str) -> (Fixture, Vec<CodeAction>) {
    let fixture = Fixture::parse(input);
    let (file, offset) = fixture.cursor();
    let actions = fixture.analysis.code_actions(file, Span::empty_at(offset));
    (fixture, actions)
}

/// Each action on a line (kind, code, title), then its edits.
fn check(input: &str) -> String {
    let (fixture, actions) = actions(input);
    let mut out = String::new();
    for action in actions {
        let code = action.code.map(|c| format!(" {c}")).unwrap_or_default();
        let preferred = if action.is_preferred {
            " (preferred)"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "{:?}{code}{preferred}: {}",
            action.kind,
            action.title.text(Lang::En)
        );
        for (file, edits) in &action.change.edits {
            for edit in edits {
                let at = fixture.loc(*file, edit.range);
                let _ = writeln!(out, "  {at} -> {:?}", edit.new_text);
            }
        }
    }
    out
}

/// The text of the file the first action whose title starts with `title` changes, once
/// changed.
fn applied(input: &str, title: &str) -> String {
    let (fixture, actions) = actions(input);
    let Some(action) = actions
        .iter()
        .find(|a| a.title.text(Lang::En).starts_with(title))
    else {
        return format!("no action `{title}`");
    };
    let Some((file, edits)) = action.change.edits.first() else {
        return "no edit".to_owned();
    };
    apply(fixture.text(*file), edits)
}

fn apply(text: &str, edits: &[crate::TextEdit]) -> String {
    let mut out = text.to_owned();
    for edit in edits.iter().rev() {
        out.replace_range(edit.range.range(), &edit.new_text);
    }
    out
}

/// A requirement of the test pack whose `require` line is `expr`, cursor on `$0`.
fn require(expr: &str) -> String {
    format!("{PACK}\nrequirement NEW-01 \"new\" {{\n  require {expr}\n}}\n")
}

#[test]
fn did_you_mean_is_the_preferred_fix() {
    assert_snapshot!(check(&require("hosting.regi$0on_ == EU")), @r#"
QuickFix E0201 (preferred): replace with `region`
  rules.clause:24:19-24:26 `region_` -> "region"
QuickFix E0201: add field `region_: Region` to `descriptor.hosting`
  schema.clause:16:20-16:20 `` -> "\n    region_: Region"
"#);
}

#[test]
fn the_type_of_a_new_field_comes_from_its_use() {
    let title = |expr: &str| {
        let (_, actions) = actions(&require(expr));
        let titles: Vec<String> = actions
            .into_iter()
            .map(|a| a.title.text(Lang::En))
            .collect();
        titles.join(" | ")
    };
    assert_snapshot!(title("bud$0get <= 5.00 €"), @"add field `budget: money` to the descriptor");
    assert_snapshot!(title("rg$0aa >= 75%"), @"add field `rgaa: percent` to the descriptor");
    assert_snapshot!(title("sea$0ts > 10"), @"add field `seats: number` to the descriptor");
    assert_snapshot!(title("expi$0res > 2026-01-01"), @"add field `expires: date` to the descriptor");
    assert_snapshot!(title("zo$0ne in [EU, EEA]"), @"add field `zone: Region` to the descriptor");
    assert_snapshot!(title("ga$0r and price < max_price"), @"add field `gar: bool` to the descriptor");
    assert_snapshot!(title("gar$0"), @"add field `gar: bool` to the descriptor");
    assert_snapshot!(title("la$0bel == \"x\""), @"add field `label: string` to the descriptor");
    assert_snapshot!(title("price <= ce$0iling"), @"add field `ceiling: money` to the descriptor");
    assert_snapshot!(title("has cont$0act.email"), @"add field `contact: { email: string }` to the descriptor");
    assert_snapshot!(title("hosting.ti$0er == Region.EU"), @"add field `tier: Region` to `descriptor.hosting`");
    assert_snapshot!(title("all s in subprocessors: s.cou$0ntry == \"FR\""), @"add field `country: string` to `Subprocessor`");
}

#[test]
fn a_field_goes_where_the_formatter_would_put_it() {
    assert_snapshot!(applied(&require("hosting.ti$0er == Region.EU"), "add field"), @r#"
/// Where data may be stored.
enum Region {
  /// The European Union.
  EU,
  EEA,
  OTHER
}

type Subprocessor = { name: string, region: Region }

descriptor {
  /// Where the service is hosted.
  hosting: {
    /// The hosting region.
    region: Region
    certified: bool
    tier: Region
  }
  subprocessors: list<Subprocessor>
  /// Price per student per year.
  price: money
}

/// The highest acceptable price.
param max_price: money = 6.00 €
"#);
    assert_snapshot!(applied(&require("all s in subprocessors: s.cou$0ntry == \"FR\""), "add field"), @r#"
/// Where data may be stored.
enum Region {
  /// The European Union.
  EU,
  EEA,
  OTHER
}

type Subprocessor = { name: string, region: Region, country: string }

descriptor {
  /// Where the service is hosted.
  hosting: {
    /// The hosting region.
    region: Region
    certified: bool
  }
  subprocessors: list<Subprocessor>
  /// Price per student per year.
  price: money
}

/// The highest acceptable price.
param max_price: money = 6.00 €
"#);
}

#[test]
fn added_fields_are_already_formatted() {
    let cases = [
        "descriptor {\n  a: string // the a\n}\n\nrequirement R \"r\" {\n  require b$0 > 3\n}\n",
        "descriptor {\n  r: {\n    /// The x.\n    x: bool\n  }\n}\n\nrequirement R \"r\" {\n  require r.y$0\n}\n",
        "descriptor {\n  r: { x: bool }\n}\n\nrequirement R \"r\" {\n  require r.y$0\n}\n",
        "descriptor {}\n\nrequirement R \"r\" {\n  require b$0 > 3\n}\n",
        "descriptor {\n  r: {}\n}\n\nrequirement R \"r\" {\n  require r.y$0 == 2 €\n}\n",
    ];
    for input in cases {
        let text = applied(input, "add field");
        let formatted = clausier_fmt::format(&text).unwrap_or_else(|e| e.to_string());
        assert_eq!(text, formatted, "{input}");
        let fixture = Fixture::parse(&text);
        assert_eq!(fixture.diagnostics(), "", "{text}");
    }
}

#[test]
fn a_comma_after_the_last_field_stays() {
    let input = "descriptor {\n  a: string,\n}\n\nrequirement R \"r\" {\n  require b$0 > 3\n}\n";
    assert_snapshot!(applied(input, "add field"), @r#"
descriptor {
  a: string,
  b: number
}

requirement R "r" {
  require b > 3
}
"#);
}

#[test]
fn the_descriptor_block_of_the_file_that_uses_the_field() {
    let input = "//- a.clause\ndescriptor {\n  a: bool\n}\n//- b.clause\ndescriptor {\n  b: bool\n}\n\nrequirement R \"r\" {\n  require c$0\n}\n";
    assert_snapshot!(check(input), @r#"
QuickFix E0203: add field `c: bool` to the descriptor
  b.clause:2:10-2:10 `` -> "\n  c: bool"
"#);
}

#[test]
fn level_of_a_requirement() {
    assert_snapshot!(check(&mark(PACK, "requirement HE$0B-01")), @r#"
RefactorRewrite: change level to should
  rules.clause:3:9-3:13 `must` -> "should"
"#);
    assert_snapshot!(check(&mark(PACK, "level sh$0ould")), @r#"
RefactorRewrite: change level to must
  rules.clause:10:9-10:15 `should` -> "must"
"#);
    assert_snapshot!(check("requirement R \"r\" {$0\n  require true\n}\n"), @r#"
RefactorRewrite: change level to should
  main.clause:2:3-2:3 `` -> "level should\n  "
"#);
    assert_snapshot!(check("requirement R \"r\" {$0}\n"), @r#"
RefactorRewrite: change level to should
  main.clause:1:20-1:20 `` -> "\n  level should"
"#);
    assert_snapshot!(check(&mark(PACK, "require hosting.re$0gion in")), @"");
    assert_snapshot!(check(&mark(PACK, "criterion PRI$0CE")), @"");
}

#[test]
fn unknown_files_and_far_ranges_have_none() {
    let fixture = Fixture::parse(PACK);
    assert!(
        fixture
            .analysis
            .code_actions(FileId(9), Span::new(0, 5))
            .is_empty()
    );
    let far = Span::new(u32::MAX - 1, u32::MAX);
    assert!(fixture.analysis.code_actions(FileId(1), far).is_empty());
}

#[test]
fn fixes_in_a_manifest() {
    let dir = super::workspace::rules_copy();
    let mut analysis = super::workspace::open(&dir.path().join("rules/region-exemple"));
    let manifest = analysis
        .other_files()
        .find(|f| analysis.file_name(*f).ends_with("region-exemple/pack.toml"));
    let Some(manifest) = manifest else {
        panic!("no manifest");
    };
    let text = analysis
        .file_text(manifest)
        .unwrap_or("")
        .replace("max_exit_notice", "max_exit_notic");
    let at = text.find("max_exit_notic").unwrap_or(0) as u32;
    analysis.set_file_text(manifest, text);
    let actions = analysis.code_actions(manifest, Span::empty_at(at + 3));
    let titles: Vec<String> = actions
        .iter()
        .map(|a| {
            format!(
                "{:?} {:?} {} {}",
                a.kind,
                a.code,
                a.title.text(Lang::En),
                a.is_preferred
            )
        })
        .collect();
    assert_snapshot!(titles.join("\n"), @r#"QuickFix Some(Code("E0214")) replace with `max_exit_notice` true"#);
}

#[test]
fn in_french_action_titles_keep_the_code_as_written() {
    let titles = |input: &str| {
        let (_, actions) = actions(input);
        let titles: Vec<String> = actions
            .into_iter()
            .map(|a| a.title.text(Lang::Fr))
            .collect();
        titles.join(" | ")
    };
    assert_snapshot!(titles(&require("bud$0get <= 5.00 €")), @"ajouter le champ `budget: money` dans le descripteur");
    assert_snapshot!(titles(&mark(PACK, "requirement HEB$0-01")), @"passer au niveau should");
}
