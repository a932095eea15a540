use clausier_diagnostics::Lang;
use insta::assert_snapshot;

use super::{Fixture, PACK, mark};

fn check(input: &str) -> String {
    check_in(input, Lang::En)
}

/// The hover as an editor in French shows it: the code as written, the words in French.
fn check_fr(input: &str) -> String {
    check_in(input, Lang::Fr)
}

fn check_in(input: &str, lang: Lang) -> String {
    let fixture = Fixture::parse(input);
    let (file, offset) = fixture.cursor();
    match fixture.analysis.hover(file, offset, lang) {
        Some(hover) => format!("{}\n{}", fixture.loc(file, hover.range), hover.markdown),
        None => "no hover".to_owned(),
    }
}

#[test]
fn field_shows_its_type_and_doc() {
    assert_snapshot!(check(&mark(PACK, "hosting.re$0gion in")), @r#"
rules.clause:6:19-6:25 `region`
```clausier
region: Region
```

field of `descriptor.hosting`

---

The hosting region.
"#);
}

#[test]
fn record_field_shows_its_record() {
    assert_snapshot!(check(&mark(PACK, "hosting$0.region in")), @r#"
rules.clause:6:11-6:18 `hosting`
```clausier
hosting: { region: Region, certified: bool }
```

field of `descriptor`

---

Where the service is hosted.
"#);
}

#[test]
fn param_shows_its_value_and_doc() {
    assert_snapshot!(check(&mark(PACK, "price <= max_$0price")), @r#"
rules.clause:15:21-15:30 `max_price`
```clausier
param max_price: money = 6.00 €
```

---

The highest acceptable price.
"#);
}

#[test]
fn a_duration_with_hours_shows_its_canonical_form() {
    let input = "param de$0lai: duration = 1 day + 2 heures + 90 minutes\n";
    assert_snapshot!(check(input), @r#"
main.clause:1:7-1:12 `delai`
```clausier
param delai: duration = 1 day 3 hours 30 minutes
```
"#);
}

#[test]
fn a_time_of_day_shows_its_type_and_value() {
    let input = "param ouver$0ture: time = 08:30\n";
    assert_snapshot!(check(input), @r#"
main.clause:1:7-1:16 `ouverture`
```clausier
param ouverture: time = 08:30
```
"#);
}

#[test]
fn enum_shows_its_variants_in_order() {
    assert_snapshot!(check(&mark(PACK, "== Reg$0ion.EU")), @r#"
rules.clause:11:47-11:53 `Region`
```clausier
enum Region {
  EU,
  EEA,
  OTHER,
}
```

---

Where data may be stored.
"#);
}

#[test]
fn variant_shows_its_enum() {
    assert_snapshot!(check(&mark(PACK, "[EU, EE$0A]")), @r#"
rules.clause:6:34-6:37 `EEA`
```clausier
Region.EEA
```

variant 2 of 3 of `Region`
"#);
}

#[test]
fn clause_shows_title_level_text_and_references() {
    assert_snapshot!(check(&mark(PACK, "expect pass HEB$0-01")), @r#"
rules.clause:20:15-20:21 `HEB-01`
```clausier
requirement HEB-01
level must
```

**Hosting in the EU**

> The holder hosts all data in the EU.

References:
- GDPR art. 44

Rule checked: `hosting.region` is one of `EU`, `EEA`

---

Data stays in Europe.
"#);
}

#[test]
fn criterion_shows_its_weight() {
    assert_snapshot!(check(&mark(PACK, "criterion PRI$0CE")), @r#"
rules.clause:14:11-14:16 `PRICE`
```clausier
criterion PRICE
weight 40
```

**Price**
"#);
}

#[test]
fn type_alias_shows_its_fields() {
    assert_snapshot!(check(&mark(PACK, "list<Subproc$0essor>")), @r#"
schema.clause:18:23-18:35 `Subprocessor`
```clausier
type Subprocessor = Subprocessor
```
"#);
}

#[test]
fn cursor_at_the_end_of_a_name_still_hovers() {
    assert_snapshot!(check(&mark(PACK, "price$0 <= max_price")), @r#"
rules.clause:15:12-15:17 `price`
```clausier
price: money
```

field of `descriptor`

accepted values: at least 0 €

---

Price per student per year.
"#);
}

#[test]
fn a_bounded_field_shows_its_range() {
    let pack = PACK.replace("price: money", "price: money where > 0 € and <= 12 €");
    assert_snapshot!(check(&mark(&pack, "price$0 <= max_price")), @r#"
rules.clause:15:12-15:17 `price`
```clausier
price: money
```

field of `descriptor`

accepted values: more than 0 € and at most 12 €

---

Price per student per year.
"#);
}

#[test]
fn a_keyword_says_what_it_does() {
    assert_snapshot!(check(&mark(PACK, "le$0vel must")), @r#"
rules.clause:3:3-3:8 `level`
`level` — the kind of requirement: `must` (the default), `should`, `info` or `execution`
"#);
    assert_snapshot!(check(&mark(PACK, "level mu$0st")), @r#"
rules.clause:3:9-3:13 `must`
`must` — a specification: an offer that fails it is irregular (*irrégulière*), so ineligible
"#);
    assert_snapshot!(check(&mark(PACK, "  requ$0ire all")), @r#"
rules.clause:11:3-11:10 `require`
`require` — the condition an offer must meet to pass the requirement; unknown when a field it reads is absent

Rule checked: for every element `s` of `subprocessors`, `s.region` is `EU`
"#);
    assert_snapshot!(check(&mark(PACK, "score i$0f price")), @r#"
rules.clause:15:9-15:11 `if`
`if` — `if c then a else b`: `a` when `c` is true, else `b`; unknown when `c` is
"#);
}

#[test]
fn a_keyword_says_what_it_does_in_french() {
    assert_snapshot!(check_fr(&mark(PACK, "le$0vel must")), @r#"
rules.clause:3:3-3:8 `level`
`level` — la nature de l'exigence : `must` (par défaut), `should`, `info` ou `execution`
"#);
    assert_snapshot!(check_fr(&mark(PACK, "level sh$0ould")), @r#"
rules.clause:10:9-10:15 `should`
`should` — une caractéristique souhaitée : une offre qui n'y satisfait pas reste recevable, et le critère qui la note avec `passed(ID)` lui donne moins de points
"#);
}

#[test]
fn the_words_of_proof_and_of_no_equivalent_say_what_they_do_in_french() {
    let pack = format!(
        "{PACK}\nrequirement NEW-01 \"HDS\" {{\n  no_equivalent \"Obligation légale\"\n  \
         evidence hosting.certified from document \"Certificat\"\n  require hosting.certified\n}}\n"
    );
    let no_equivalent = check_fr(&mark(&pack, "no_equiv$0alent"));
    assert!(
        no_equivalent.contains("`no_equivalent` — l'exigence n'admet aucun équivalent"),
        "{no_equivalent}"
    );
    let from = check_fr(&mark(&pack, "fr$0om document"));
    assert!(
        from.contains("`from` — après le chemin d'une pièce exigée, les types de preuve"),
        "{from}"
    );
}

#[test]
fn today_says_where_the_evaluation_date_comes_from() {
    let pack =
        format!("{PACK}\nrequirement DAY \"day\" {{\n  require weekday(today) != dimanche\n}}\n");
    assert_snapshot!(check(&mark(&pack, "weekday(to$0day")), @r#"
rules.clause:24:19-24:24 `today`
`today` — the evaluation date: the `--date` of the command, or the date the editor gives (the `date` initialization option); without it, the deadline for offers (`[document] deadline` in `pack.toml`), else the current date; in a test, its `date` line
"#);
    assert_snapshot!(check_fr(&mark(&pack, "weekday(to$0day")), @r#"
rules.clause:24:19-24:24 `today`
`today` — la date d'évaluation : l'option `--date` de la commande, ou la date que donne l'éditeur (l'option d'initialisation `date`) ; à défaut, la date limite de réception des offres (`[document] deadline` dans `pack.toml`), sinon la date du jour ; dans un test, sa ligne `date`
"#);
}

#[test]
fn keys_of_test_data() {
    assert_snapshot!(check(&mark(PACK, "given { host$0ing:")), @r#"
rules.clause:19:11-19:18 `hosting`
```clausier
hosting: { region: Region, certified: bool }
```

field of `descriptor`

---

Where the service is hosted.
"#);
}

#[test]
fn bound_variable_shows_its_type() {
    assert_snapshot!(check(&mark(PACK, "s$0.region ==")), @r#"
rules.clause:11:35-11:36 `s`
```clausier
s: Subprocessor
```

a variable bound in `SUB-01`
"#);
}

#[test]
fn a_text_check_shows_what_it_takes_and_says() {
    let pack =
        format!("{PACK}\nrequirement TXT \"txt\" {{\n  require siret(hosting.country)\n}}\n");
    assert_snapshot!(check(&mark(&pack, "si$0ret(hosting")), @r#"
rules.clause:24:11-24:16 `siret`
```clausier
siret(text: string): bool
```

whether `text` is a valid SIRET number: 14 digits and a valid Luhn key (for La Poste, SIREN 356000000, digits summing to a multiple of 5); unknown when `text` is absent
"#);
}

#[test]
fn weekday_shows_what_it_takes_and_gives() {
    let pack =
        format!("{PACK}\nrequirement DAY \"day\" {{\n  require weekday(today) != dimanche\n}}\n");
    assert_snapshot!(check(&mark(&pack, "week$0day(today")), @r#"
rules.clause:24:11-24:18 `weekday`
```clausier
weekday(d: date | datetime): weekday
```

the day of the week of `d`, from `lundi` to `dimanche`; unknown when `d` is absent
"#);
}

#[test]
fn business_duration_shows_what_it_takes_and_gives() {
    let pack = format!(
        "{PACK}\nrequirement BUS \"bus\" {{\n  require business_duration(2027-01-08T17:00, 2027-01-11T09:00, [lundi], 08:00, 18:00) <= 4 hours\n}}\n"
    );
    assert_snapshot!(check(&mark(&pack, "business$0_duration(")), @r#"
rules.clause:24:11-24:28 `business_duration`
```clausier
business_duration(start: datetime, end: datetime, days: set<weekday>, opens: time, closes: time): duration
```

the hours and minutes between `start` and `end` counted only on the days of `days`, from `opens` to `closes`; public holidays count as business days; unknown when an argument is, no value when `end` is before `start` or `opens` is not before `closes`
"#);
}

#[test]
fn in_french_a_field_names_its_record_and_its_accepted_values() {
    let pack = PACK.replace("price: money", "price: money where > 0 € and <= 12 €");
    assert_snapshot!(check_fr(&mark(&pack, "price$0 <= max_price")), @r#"
rules.clause:15:12-15:17 `price`
```clausier
price: money
```

champ de `descriptor`

valeurs acceptées : plus de 0 € et au plus 12 €

---

Price per student per year.
"#);
}

#[test]
fn in_french_a_requirement_says_its_level_as_the_reports_do() {
    assert_snapshot!(check_fr(&mark(PACK, "expect pass HEB$0-01")), @r#"
rules.clause:20:15-20:21 `HEB-01`
```clausier
exigence HEB-01
niveau obligatoire
```

**Hosting in the EU**

> The holder hosts all data in the EU.

Références :
- GDPR art. 44

Règle vérifiée : `hosting.region` est l'une des valeurs `EU`, `EEA`

---

Data stays in Europe.
"#);
}

#[test]
fn in_french_a_criterion_says_its_weight() {
    assert_snapshot!(check_fr(&mark(PACK, "criterion PRI$0CE")), @r#"
rules.clause:14:11-14:16 `PRICE`
```clausier
critère PRICE
pondération 40
```

**Price**
"#);
}

#[test]
fn in_french_a_variant_and_a_bound_variable() {
    let variant = check_fr(&mark(PACK, "[EU, EE$0A]"));
    let variable = check_fr(&mark(PACK, "s$0.region =="));
    assert_snapshot!(format!("{variant}\n{variable}"), @r#"
rules.clause:6:34-6:37 `EEA`
```clausier
Region.EEA
```

valeur 2 sur 3 de `Region`
rules.clause:11:35-11:36 `s`
```clausier
s: Subprocessor
```

une variable liée dans `SUB-01`
"#);
}

#[test]
fn in_french_a_text_check_keeps_its_signature_as_code() {
    let pack =
        format!("{PACK}\nrequirement TXT \"txt\" {{\n  require siret(hosting.country)\n}}\n");
    assert_snapshot!(check_fr(&mark(&pack, "si$0ret(hosting")), @r#"
rules.clause:24:11-24:16 `siret`
```clausier
siret(text: string): bool
```

si `text` est un numéro SIRET valide : 14 chiffres et une clé de Luhn valide (pour La Poste, SIREN 356000000, des chiffres dont la somme est un multiple de 5) ; inconnu quand `text` est absent
"#);
}

#[test]
fn a_condition_says_the_rule_it_checks_as_the_tender_words_it() {
    // Between the words of the condition, nothing else to say: the rule in words.
    assert_snapshot!(check(&mark(PACK, "[EU,$0 EEA]")), @r#"
rules.clause:6:11-6:38 `hosting.region in [EU, EEA]`
Rule checked: `hosting.region` is one of `EU`, `EEA`
"#);
    assert_snapshot!(check_fr(&mark(PACK, "[EU,$0 EEA]")), @r#"
rules.clause:6:11-6:38 `hosting.region in [EU, EEA]`
Règle vérifiée : `hosting.region` est l'une des valeurs `EU`, `EEA`
"#);
}

#[test]
fn a_field_in_a_condition_keeps_its_own_hover() {
    let hover = check(&mark(PACK, "hosting.re$0gion in"));
    assert!(!hover.contains("Rule checked"), "{hover}");
}

#[test]
fn a_placeholder_of_the_legal_text_shows_its_value_as_the_tender_writes_it() {
    let pack = PACK.replace(
        "text \"The holder hosts all data in the EU.\"",
        "text \"The price per student is at most {max_price}.\"",
    );
    let french = check_fr(&mark(&pack, "expect pass HEB$0-01"));
    assert!(
        french.contains("> The price per student is at most 6,00 €."),
        "{french}"
    );
    let english = check(&mark(&pack, "expect pass HEB$0-01"));
    assert!(
        english.contains("> The price per student is at most €6.00.")
            || english.contains("> The price per student is at most 6.00 €."),
        "{english}"
    );
    assert!(!english.contains("{max_price}"), "{english}");
}

#[test]
fn an_indicator_and_a_risk_show_their_texts() {
    let source = "//- main.clause\nenum C { A, B }\ndescriptor { c: C, s: money }\nindicator DEP$0ENSE \"Dépense\" {\n  text \"La dépense, par catégorie.\"\n  value sum(e in entries: e.s)\n  by c\n}\nrisk RISQUE \"Risque\" {\n  value 1\n  spend s\n}\n";
    assert_snapshot!(check_fr(source), @r#"
main.clause:3:11-3:18 `DEPENSE`
```clausier
indicateur DEPENSE
```

**Dépense**

> La dépense, par catégorie.
"#);
    assert_snapshot!(check(&source.replace("DEP$0ENSE", "DEPENSE").replace("RIS", "RI$0S")), @r#"
main.clause:8:6-8:12 `RISQUE`
```clausier
risk RISQUE
```

**Risque**
"#);
}
