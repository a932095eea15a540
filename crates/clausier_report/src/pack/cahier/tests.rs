//! The tender as a reader sees it: the articles each clause lands in, the values in its
//! texts, and the rules and criteria in words.

use clausier_check::hir::CheckedPack;
use clausier_diagnostics::FileId;

use super::*;

/// The pack of one clause file, which must compile.
fn pack(source: &str) -> CheckedPack {
    let parse = clausier_syntax::parse(FileId(0), source);
    assert!(parse.diagnostics.is_empty(), "{:?}", parse.diagnostics);
    let checked = clausier_check::check_pack("essai", &[(FileId(0), &parse.ast)]);
    let errors: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.is_error())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    checked.pack
}

fn markdown(pack: &CheckedPack, title_page: &TitlePage, lang: Lang) -> String {
    let provenance = [PackProvenance {
        name: "essai".to_owned(),
        version: "1.2.0".to_owned(),
        hash: format!("sha256:{}", "0".repeat(64)),
        dependencies: Vec::new(),
    }];
    render_markdown(
        &CahierInput {
            pack,
            title_page,
            provenance: &provenance,
            draft: false,
        },
        lang,
    )
}

fn french(source: &str) -> String {
    markdown(&pack(source), &TitlePage::default(), Lang::Fr)
}

fn english(source: &str) -> String {
    markdown(&pack(source), &TitlePage::default(), Lang::En)
}

/// The line of `document` that starts with `label`, without it, as a reader sees it
/// (Markdown's escapes removed).
fn line(document: &str, label: &str) -> String {
    document
        .lines()
        .find_map(|line| line.strip_prefix(label))
        .map(|line| line.replace('\\', ""))
        .unwrap_or_else(|| panic!("no line starts with {label:?} in:\n{document}"))
}

/// The body of the document: everything before the annex.
fn body(document: &str) -> &str {
    let end = document
        .find("## Annexe")
        .or_else(|| document.find("## Annex"))
        .unwrap();
    &document[..end]
}

const SCHEMA: &str = r#"
enum Region { EU, EEA, OTHER }
enum Tier { I, II, III, IV }
type Sub = { name: string, region: Region }
descriptor {
  hosting: { region: Region, hds: bool, secnumcloud: bool }
  subprocessors: list<Sub>
  gdpr: { health_data: bool, retention: duration }
  pricing: { per_student: money }
  a11y: { rate: percent, audit: date }
  evidence: { tier: Tier }
  standards: set<string>
  env: { met: int, carbon: number }
  interop: { services: set<string>, openapi: string }
}
"#;

#[test]
fn each_clause_lands_in_the_article_of_its_legal_kind() {
    let document = french(&format!(
        "{SCHEMA}
requirement HEB-01 \"Hébergement\" {{
  text \"Les données sont hébergées dans l'Union européenne.\"
  require hosting.region == EU
}}
requirement ENV-01 \"Sobriété\" {{
  level execution
  text \"Le titulaire applique le RGESN.\"
  require env.met >= 20
}}
requirement INFO-01 \"Norme\" {{
  level info
  text \"Le candidat indique les normes qu'il applique.\"
  require \"QTI\" in standards
}}
requirement ACC-02 \"Accessibilité renforcée\" {{
  level should
  text \"Le taux de conformité atteint 90 %.\"
  evidence \"Rapport d'audit\"
  require a11y.rate >= 90%
}}
criterion QUAL \"Qualité\" weight 100 {{
  text \"Accessibilité renforcée : 100 points.\"
  score if passed(ACC-02) then 1 else 0
}}
"
    ));
    let articles: Vec<&str> = document
        .lines()
        .filter(|line| line.starts_with("## Article"))
        .collect();
    assert_eq!(
        articles,
        [
            "## Article 1 — Spécifications techniques",
            "## Article 2 — Conditions d'exécution",
            "## Article 3 — Critères d'attribution",
            "## Article 4 — Informations demandées",
            "## Article 5 — Pièces justificatives",
        ]
    );
    for heading in [
        "### 1.1 HEB-01 — Hébergement",
        "### 2.1 ENV-01 — Sobriété",
        "### 3.1 QUAL — Qualité (100 points)",
        "#### 3.1.1 ACC-02 — Accessibilité renforcée",
        "### 4.1 INFO-01 — Norme",
    ] {
        assert!(document.contains(heading), "{heading} in:\n{document}");
    }
    assert!(document.contains("est irrégulière (article L2152-2"));
    assert!(document.contains("(article L2112-2 du code de la commande publique)"));
    assert!(document.contains("Elles ne sont pas utilisées pour l'attribution du marché"));
    assert!(!document.contains("écartée"));
    assert!(document.contains("| Rapport d'audit | ACC-02 |"));
    assert!(document.contains(
        "**Méthode de notation :** 100 points si l'exigence ACC-02 (Accessibilité renforcée) est satisfaite, 0 point sinon"
    ));
}

#[test]
fn a_should_requirement_no_criterion_scores_is_information() {
    let document = french(&format!(
        "{SCHEMA}
requirement ACC-02 \"Accessibilité renforcée\" {{
  level should
  text \"Le taux de conformité atteint 90 %.\"
  require a11y.rate >= 90%
}}
"
    ));
    assert!(
        document.contains("## Article 1 — Informations demandées"),
        "{document}"
    );
    assert!(document.contains("### 1.1 ACC-02"));
}

#[test]
fn placeholders_show_the_value_in_the_document_language() {
    let source = format!(
        "{SCHEMA}
param max_price: money = 4.50 €
param delay: duration = 15 days
param start: date = 2027-08-25
param label: string = \"Numérique responsable\"
requirement PRX-01 \"Prix\" {{
  text \"Le prix n'excède pas {{max_price}} HT ; les données sont supprimées sous {{delay}}, à compter du {{start}}.\"
  note \"Le label {{label}} est accepté, et {{{{ reste une accolade.\"
  require pricing.per_student <= max_price and gdpr.retention <= delay and a11y.audit >= start
}}
"
    );
    let fr = french(&source);
    assert!(
        fr.contains(
            "Le prix n'excède pas 4,50 € HT ; les données sont supprimées sous 15 jours, à compter du 25 août 2027."
        ),
        "{fr}"
    );
    assert!(
        fr.contains(
            "*Remarque :* Le label Numérique responsable est accepté, et { reste une accolade."
        ),
        "{fr}"
    );
    let en = english(&source);
    assert!(
        en.contains(
            "Le prix n'excède pas 4.50 € HT ; les données sont supprimées sous 15 days, à compter du 25 August 2027."
        ),
        "{en}"
    );
}

#[test]
fn drafting_comments_are_never_published() {
    let document = french(&format!(
        "{SCHEMA}
/// Source : domaine §2. [verify] le numéro reste à confirmer.
requirement HEB-01 \"Hébergement\" {{
  text \"Les données sont hébergées dans l'Union européenne.\"
  require hosting.region == EU
}}
"
    ));
    assert!(!document.contains("domaine §2"), "{document}");
    assert!(!document.contains("verify"), "{document}");
}

#[test]
fn a_clause_without_text_is_marked_to_be_written() {
    let document = french(&format!(
        "{SCHEMA}
requirement HEB-01 \"Hébergement\" {{
  require hosting.region == EU
}}
"
    ));
    assert!(document.contains("### 1.1 HEB-01 — Hébergement\n\n**\\[Texte à rédiger\\]**\n"));
}

#[test]
fn the_title_page_comes_from_the_document_table_and_names_no_pack() {
    let checked = pack(&format!(
        "{SCHEMA}
requirement HEB-01 \"Hébergement\" {{
  text \"Les données sont hébergées dans l'Union européenne.\"
  require hosting.region == EU
}}
"
    ));
    let title_page = TitlePage {
        title: Some("Ressources numériques éducatives 2027-2030".to_owned()),
        buyer: Some("Région Exemple".to_owned()),
        object: Some("Fourniture de ressources numériques".to_owned()),
        procedure: Some("Appel d'offres ouvert".to_owned()),
        lots: vec!["Mathématiques".to_owned(), "Langues".to_owned()],
        deadline: Some(jiff::civil::date(2027, 3, 15)),
    };
    let document = markdown(&checked, &title_page, Lang::Fr);
    assert!(document.starts_with(
        "# Ressources numériques éducatives 2027-2030\n\n\
         - **Acheteur :** Région Exemple\n\
         - **Objet du marché :** Fourniture de ressources numériques\n\
         - **Procédure :** Appel d'offres ouvert\n\
         - **Date limite de réception des offres :** 15 mars 2027\n\n\
         **Lots :**\n\n1. Mathématiques\n2. Langues\n"
    ));
    let body = body(&document);
    assert!(!body.contains("essai"), "{body}");
    assert!(!body.contains("sha256"), "{body}");
    assert!(!body.contains("1.2.0"), "{body}");
    let annex = &document[document.find("## Annexe").unwrap()..];
    assert!(annex.contains(&format!(
        "| essai | 1.2.0 | `sha256:{}` |  | HEB-01 |",
        "0".repeat(64)
    )));
}

#[test]
fn rules_read_as_sentences() {
    let cases = [
        (
            "hosting.region == EU",
            "`hosting.region` vaut `EU`",
            "`hosting.region` is `EU`",
        ),
        (
            "hosting.region in [EU, EEA]",
            "`hosting.region` est l'une des valeurs `EU`, `EEA`",
            "`hosting.region` is one of `EU`, `EEA`",
        ),
        (
            "not hosting.hds",
            "`hosting.hds` est faux",
            "`hosting.hds` is false",
        ),
        (
            "not (hosting.hds or hosting.secnumcloud)",
            "il est faux que (`hosting.hds` est vrai, ou `hosting.secnumcloud` est vrai)",
            "it is not the case that (`hosting.hds` is true, or `hosting.secnumcloud` is true)",
        ),
        (
            "hosting.hds and (hosting.secnumcloud or hosting.region == EU)",
            "`hosting.hds` est vrai, et (`hosting.secnumcloud` est vrai, ou `hosting.region` vaut `EU`)",
            "`hosting.hds` is true, and (`hosting.secnumcloud` is true, or `hosting.region` is `EU`)",
        ),
        (
            "gdpr.health_data implies hosting.hds",
            "si `gdpr.health_data` est vrai, alors `hosting.hds` est vrai",
            "if `gdpr.health_data` is true, `hosting.hds` is true",
        ),
        (
            "all s in subprocessors: s.region == EU or s.name == \"Acme\"",
            "pour chaque élément `s` de `subprocessors`, `s.region` vaut `EU`, ou `s.name` vaut `\"Acme\"`",
            "for every element `s` of `subprocessors`, `s.region` is `EU`, or `s.name` is `\"Acme\"`",
        ),
        (
            "count(s in subprocessors: s.region != EU) <= 2",
            "le nombre d'éléments `s` de `subprocessors` tels que `s.region` est différent de `EU` est au plus 2",
            "the number of elements `s` of `subprocessors` such that `s.region` is not `EU` is at most 2",
        ),
        (
            "a11y.audit >= today - 3 years",
            "`a11y.audit` est postérieure ou égale à la date située 3 ans avant la date d'analyse des offres",
            "`a11y.audit` is on or after the date 3 years before the date the offers are assessed",
        ),
        (
            "gdpr.retention <= 24 hours",
            "`gdpr.retention` est d'au plus 24 heures",
            "`gdpr.retention` is at most 24 hours",
        ),
        (
            "gdpr.retention <= 90 minutes + 1 jour",
            "`gdpr.retention` est d'au plus 1 heure et 30 minutes + 1 jour",
            "`gdpr.retention` is at most 1 hour 30 minutes + 1 day",
        ),
        (
            "a11y.audit < 2027-12-02",
            "`a11y.audit` est antérieure au 2 décembre 2027",
            "`a11y.audit` is before 2 December 2027",
        ),
        (
            "pricing.per_student * 2 + 1 € <= 10 €",
            "`pricing.per_student` × 2 + 1,00 € est au plus 10,00 €",
            "`pricing.per_student` × 2 + 1.00 € is at most 10.00 €",
        ),
        (
            "-(env.carbon - 3) < 1",
            "−(`env.carbon` − 3) est inférieur à 1",
            "−(`env.carbon` − 3) is less than 1",
        ),
        (
            "(if has evidence.tier then env.met else 0) >= 10",
            "`env.met` si `evidence.tier` est renseigné, sinon 0 est au moins 10",
            "`env.met` if `evidence.tier` is given, otherwise 0 is at least 10",
        ),
        (
            "(env.met >= 3) == hosting.hds",
            "(`env.met` est au moins 3) vaut `hosting.hds`",
            "(`env.met` is at least 3) is `hosting.hds`",
        ),
    ];
    for (rule, fr, en) in cases {
        let source = format!(
            "{SCHEMA}\nrequirement R-01 \"Règle\" {{\n  text \"Texte.\"\n  require {rule}\n}}\n"
        );
        assert_eq!(
            line(&french(&source), "- **Vérification :** "),
            fr,
            "{rule}"
        );
        assert_eq!(line(&english(&source), "- **Check:** "), en, "{rule}");
    }
}

#[test]
fn aggregates_over_a_list_read_as_count_does() {
    let source = format!(
        "{SCHEMA}\nrequirement R-01 \"Règle\" {{\n  text \"Texte.\"\n  require max(s in subprocessors: s.region) == EU and sum(standards_fees) <= 10 €\n}}\nparam standards_fees: list<money> = [1 €, 2 €]\n"
    );
    assert_eq!(
        line(&french(&source), "- **Vérification :** "),
        "la plus grande valeur de `s.region` sur les éléments `s` de `subprocessors` vaut `EU`, et la somme des éléments de 1,00 €, 2,00 € est au plus 10,00 €"
    );
    assert_eq!(
        line(&english(&source), "- **Check:** "),
        "the largest value of `s.region` over the elements `s` of `subprocessors` is `EU`, and the sum of the elements of 1.00 €, 2.00 € is at most 10.00 €"
    );
    // A list the tender leaves empty is named, not left blank.
    let empty = format!(
        "{SCHEMA}\nrequirement R-01 \"Règle\" {{\n  text \"Texte.\"\n  require sum(no_fees) <= 10 €\n}}\nparam no_fees: list<money> = []\n"
    );
    assert_eq!(
        line(&french(&empty), "- **Vérification :** "),
        "la somme des éléments de la liste vide est au plus 10,00 €"
    );
    assert_eq!(
        line(&english(&empty), "- **Check:** "),
        "the sum of the elements of the empty list is at most 10.00 €"
    );
}

#[test]
fn a_required_document_says_that_an_offer_without_it_is_incomplete() {
    let source = format!(
        "{SCHEMA}\ndescriptor {{ documents: {{ homologation: string }} }}\nrequirement SEC-03 \"Homologation\" {{\n  text \"Le candidat remet le dossier d'homologation.\"\n  evidence documents.homologation \"Dossier d'homologation RGS\"\n  evidence \"Plan d'assurance sécurité\"\n  require true\n}}\n"
    );
    let french = french(&source);
    assert!(
        french.contains(
            "Dossier d'homologation RGS (pièce exigée : si elle manque, l'offre est incomplète"
        ),
        "{french}"
    );
    assert!(
        french.contains("| Plan d'assurance sécurité | SEC-03 |"),
        "{french}"
    );
    assert!(
        english(&source)
            .contains("Dossier d'homologation RGS (required: an offer without it is incomplete")
    );
}

#[test]
fn tables_read_by_the_name_of_their_parameter_and_in_words_in_the_annex() {
    let source = format!(
        "{SCHEMA}\nparam ceilings: map<Region, money> = {{ EU: 6.00 €, EEA: 5.50 € }}\nrequirement R-01 \"Règle\" {{\n  text \"Texte.\"\n  require hosting.region in ceilings and pricing.per_student <= ceilings[hosting.region]\n}}\n"
    );
    let french = french(&source);
    assert_eq!(
        line(&french, "- **Vérification :** "),
        "la table `ceilings` a une entrée pour `hosting.region`, et `pricing.per_student` est au plus l'entrée de la table `ceilings` pour `hosting.region`"
    );
    assert!(
        french.contains("| `ceilings` | EU : 6,00 € ; EEA : 5,50 € |"),
        "{french}"
    );
    assert_eq!(
        line(&english(&source), "- **Check:** "),
        "the table `ceilings` has an entry for `hosting.region`, and `pricing.per_student` is at most the entry of the table `ceilings` for `hosting.region`"
    );
}

#[test]
fn text_checks_read_as_plain_words() {
    let source = format!(
        "{SCHEMA}\nrequirement R-01 \"Règle\" {{\n  text \"Texte.\"\n  require siret(s.name) and not uai(s.name) and https_url(s.name) and matches(s.name, \"^EU-\")\n}}\n"
    )
    .replace("s.name", "subprocessors_name");
    let source = source.replace("descriptor {", "descriptor {\n  subprocessors_name: string");
    assert_eq!(
        line(&french(&source), "- **Vérification :** "),
        "`subprocessors_name` est un numéro SIRET valide (14 chiffres, clé de Luhn), et `subprocessors_name` n'est pas un code UAI valide (7 chiffres et leur lettre clé), et `subprocessors_name` est une adresse web en https, et `subprocessors_name` correspond au motif `^EU-`"
    );
    assert_eq!(
        line(&english(&source), "- **Check:** "),
        "`subprocessors_name` is a valid SIRET number (14 digits, Luhn key), and `subprocessors_name` is not a valid UAI code (7 digits and their key letter), and `subprocessors_name` is an https web address, and `subprocessors_name` matches the pattern `^EU-`"
    );
}

#[test]
fn times_of_day_read_as_moments() {
    let source = format!(
        "{SCHEMA}\nparam ouverture: time = 08:00\nrequirement R-01 \"Règle\" {{\n  text \"Texte.\"\n  require support_opens <= ouverture and support_closes > 18:30 and support_opens != 00:00\n}}\n"
    );
    let source = source.replace(
        "descriptor {",
        "descriptor {\n  support_opens: time\n  support_closes: time",
    );
    assert_eq!(
        line(&french(&source), "- **Vérification :** "),
        "`support_opens` est au plus tard à 8 h, et `support_closes` est après 18 h 30, et `support_opens` n'est pas à 0 h"
    );
    assert_eq!(
        line(&english(&source), "- **Check:** "),
        "`support_opens` is at or before 8 am, and `support_closes` is after 6:30 pm, and `support_opens` is not at midnight"
    );
}

#[test]
fn dates_and_times_read_as_moments_and_their_differences_as_durations() {
    let source = format!(
        "{SCHEMA}\nrequirement R-01 \"Règle\" {{\n  text \"Texte.\"\n  require incident_taken - incident_opened <= 4 hours and incident_taken <= incident_opened + 1 day and incident_opened >= 2027-01-04T08:30\n}}\n"
    );
    let source = source.replace(
        "descriptor {",
        "descriptor {\n  incident_opened: datetime\n  incident_taken: datetime",
    );
    assert_eq!(
        line(&french(&source), "- **Vérification :** "),
        "la durée entre `incident_opened` et `incident_taken` est d'au plus 4 heures, et `incident_taken` est antérieure ou égale à l'instant situé 1 jour après `incident_opened`, et `incident_opened` est postérieure ou égale au 4 janvier 2027 à 8 h 30"
    );
    assert_eq!(
        line(&english(&source), "- **Check:** "),
        "the time from `incident_opened` to `incident_taken` is at most 4 hours, and `incident_taken` is on or before the moment 1 day after `incident_opened`, and `incident_opened` is on or after 4 January 2027 at 8:30 am"
    );
}

#[test]
fn weekdays_read_as_days_and_runs_of_days() {
    let source = format!(
        "{SCHEMA}\nparam ouvres: set<weekday> = [vendredi, lundi, mardi, mercredi, jeudi]\nparam marche: set<weekday> = [lundi, mercredi, vendredi]\nrequirement R-01 \"Règle\" {{\n  text \"Texte.\"\n  require weekday(incident_opened) in ouvres and not (weekday(incident_opened) in marche) and weekday(incident_opened) != dimanche and astreinte == [samedi, lundi]\n}}\n"
    );
    let source = source.replace(
        "descriptor {",
        "descriptor {\n  incident_opened: datetime\n  astreinte: set<weekday>",
    );
    assert_eq!(
        line(&french(&source), "- **Vérification :** "),
        "`incident_opened` tombe du lundi au vendredi, et `incident_opened` ne tombe pas le lundi, le mercredi ou le vendredi, et le jour de la semaine de `incident_opened` est différent de dimanche, et `astreinte` vaut samedi, lundi"
    );
    assert_eq!(
        line(&english(&source), "- **Check:** "),
        "`incident_opened` falls on a day from Monday to Friday, and `incident_opened` does not fall on Monday, Wednesday or Friday, and the day of the week of `incident_opened` is not Sunday, and `astreinte` is Saturday, Monday"
    );
}

#[test]
fn business_durations_read_as_business_time_with_their_days_and_hours() {
    let source = format!(
        "{SCHEMA}\ntype Horaires = {{ ouverture: time, fermeture: time }}\nparam horaires: Horaires = {{ ouverture: 08:00, fermeture: 18:00 }}\nrequirement R-01 \"Règle\" {{\n  text \"Texte.\"\n  require business_duration(incident_opened, incident_taken, [lundi, mardi, mercredi, jeudi, vendredi], horaires.ouverture, horaires.fermeture) <= 4 hours and business_duration(incident_opened, incident_taken, [samedi, lundi], 09:30, 12:00) <= 1 hours\n}}\n"
    );
    let source = source.replace(
        "descriptor {",
        "descriptor {\n  incident_opened: datetime\n  incident_taken: datetime",
    );
    assert_eq!(
        line(&french(&source), "- **Vérification :** "),
        "la durée ouvrée entre `incident_opened` et `incident_taken` (du lundi au vendredi, de 8 h à 18 h) est d'au plus 4 heures, et la durée ouvrée entre `incident_opened` et `incident_taken` (le lundi et le samedi, de 9 h 30 à 12 h) est d'au plus 1 heure"
    );
    assert_eq!(
        line(&english(&source), "- **Check:** "),
        "the business time between `incident_opened` and `incident_taken` (from Monday to Friday, from 8 am to 6 pm) is at most 4 hours, and the business time between `incident_opened` and `incident_taken` (Monday and Saturday, from 9:30 am to noon) is at most 1 hour"
    );
}

/// The method of the one criterion of a pack, in French and in English, as the sentence
/// or the sub-criteria table rows.
fn methods(schema_and_params: &str, score: &str, weight: u32) -> (String, String) {
    let source = format!(
        "{schema_and_params}\nrequirement ACC-02 \"Accessibilité renforcée\" {{\n  level should\n  text \"Texte.\"\n  require a11y.rate >= 90%\n}}\ncriterion C \"Critère\" weight {weight} {{\n  text \"Texte.\"\n  score {score}\n}}\n"
    );
    let method = |document: String, label: &str| {
        let start = document.find(label).unwrap() + label.len();
        let rest = &document[start..];
        let end = ["\n\n#", "\n\n**"]
            .iter()
            .filter_map(|mark| rest.find(mark))
            .min()
            .unwrap_or(rest.len());
        rest[..end].replace('\\', "")
    };
    (
        method(french(&source), "**Méthode de notation :** "),
        method(english(&source), "**Scoring method:** "),
    )
}

#[test]
fn criteria_read_as_a_drafter_writes_them() {
    let cases = [
        (
            "lowest(pricing.per_student) / pricing.per_student",
            40,
            "Note = (prix le plus bas des offres régulières / prix de l'offre) × 40, le prix étant `pricing.per_student`",
            "Score = (lowest price among the regular offers / price of the offer) × 40, the price being `pricing.per_student`",
        ),
        (
            "if hosting.secnumcloud then 0.4 else 0",
            20,
            "8 points si `hosting.secnumcloud` est vrai, 0 point sinon",
            "8 points if `hosting.secnumcloud` is true, 0 points otherwise",
        ),
        (
            "(a11y.rate - 50%) / 50%",
            10,
            "0 point si `a11y.rate` vaut 50 % ou moins, 10 points si `a11y.rate` vaut 100 % ou plus, et proportionnellement entre les deux",
            "0 points if `a11y.rate` is 50% or less, 10 points if `a11y.rate` is 100% or more, and in proportion in between",
        ),
        (
            "(100 - env.carbon) / 80",
            10,
            "10 points si `env.carbon` vaut 20 ou moins, 0 point si `env.carbon` vaut 100 ou plus, et proportionnellement entre les deux",
            "10 points if `env.carbon` is 20 or less, 0 points if `env.carbon` is 100 or more, and in proportion in between",
        ),
        (
            "if passed(ACC-02) then 1 else 0",
            10,
            "10 points si l'exigence ACC-02 (Accessibilité renforcée) est satisfaite, 0 point sinon",
            "10 points if requirement ACC-02 (Accessibilité renforcée) is met, 0 points otherwise",
        ),
        (
            "a11y.rate",
            15,
            "Note = `a11y.rate` × 15",
            "Score = `a11y.rate` × 15",
        ),
        (
            "env.met / 30",
            10,
            "Note = (`env.met` / 30) × 10",
            "Score = (`env.met` / 30) × 10",
        ),
        (
            "if evidence.tier <= II then 1 else if evidence.tier == III then 0.5 else 0",
            15,
            "15 points si `evidence.tier` est au plus `II` ; sinon, 7,5 points si `evidence.tier` vaut `III` ; sinon, 0 point",
            "15 points if `evidence.tier` is at most `II`; otherwise 7.5 points if `evidence.tier` is `III`; otherwise 0 points",
        ),
        (
            "if has evidence.tier then (if evidence.tier <= II then 1 else 0.5) else 0",
            10,
            "si `evidence.tier` est renseigné : (10 points si `evidence.tier` est au plus `II`, 5 points sinon), 0 point sinon",
            "if `evidence.tier` is given: (10 points if `evidence.tier` is at most `II`, 5 points otherwise), 0 points otherwise",
        ),
    ];
    for (score, weight, fr, en) in cases {
        let (found_fr, found_en) = methods(SCHEMA, score, weight);
        assert_eq!(found_fr, fr, "{score}");
        assert_eq!(found_en, en, "{score}");
    }
}

#[test]
fn a_quotient_bounded_by_its_field_gives_its_sub_criterion_its_points() {
    let bounded = SCHEMA.replace("met: int,", "met: int where >= 0 and <= 30,");
    let score = "env.met / 30 * 0.6 + (if has interop.openapi then 0.4 else 0)";
    let (fr, _) = methods(&bounded, score, 10);
    assert!(
        fr.contains("| a | 6 | (`env.met` / 30) × 6 points |"),
        "{fr}"
    );
    // Without its bounds the field could exceed 30: the points are not written.
    let (fr, _) = methods(SCHEMA, score, 10);
    assert!(
        fr.contains("| a |  | (`env.met` / 30) × 6 points |"),
        "{fr}"
    );
}

#[test]
fn a_sum_of_terms_is_a_list_of_sub_criteria_with_their_points() {
    let (fr, en) = methods(
        SCHEMA,
        "(if passed(ACC-02) then 40% else 0%) + (if has interop.openapi then 15% else 0%) + a11y.rate * 0.3",
        15,
    );
    assert_eq!(
        fr,
        "somme des points des sous-critères suivants.\n\n\
         | Sous-critère | Points | Méthode de notation |\n|---|--:|---|\n\
         | a | 6 | 6 points si l'exigence ACC-02 (Accessibilité renforcée) est satisfaite, 0 point sinon |\n\
         | b | 2,25 | 2,25 points si `interop.openapi` est renseigné, 0 point sinon |\n\
         | c | 4,5 | `a11y.rate` × 4,5 points |"
    );
    assert!(
        en.contains("| a | 6 | 6 points if requirement ACC-02 (Accessibilité renforcée) is met, 0 points otherwise |"),
        "{en}"
    );
    let (fr, en) = methods(
        SCHEMA,
        "0.1 * count(interop.services) + 0.05 * count(s in subprocessors: s.region == EU)",
        15,
    );
    assert!(
        fr.contains("| a |  | 1,5 point par élément de `interop.services` |\n\
                     | b |  | 0,75 point par élément `s` de `subprocessors` tel que `s.region` vaut `EU` |"),
        "{fr}"
    );
    assert!(
        en.contains("| a |  | 1.5 points per element of `interop.services` |"),
        "{en}"
    );
}

#[test]
fn the_weights_are_tabled_with_their_total() {
    let document = french(&format!(
        "{SCHEMA}
criterion PRIX \"Prix\" weight 60 {{
  text \"Prix.\"
  score lowest(pricing.per_student) / pricing.per_student
}}
criterion ENV \"Environnement\" weight 30.5 {{
  text \"Environnement.\"
  score env.met / 30
}}
"
    ));
    assert!(document.contains(
        "| N° | Critère | Intitulé | Pondération |\n|---|---|---|--:|\n\
         | 1.1 | PRIX | Prix | 60 |\n| 1.2 | ENV | Environnement | 30,5 |\n\
         | **Total** | | | **90,5** |\n\nLes pondérations ne totalisent pas 100.\n"
    ));
}

#[test]
fn html_prints_on_a4_and_word_is_in_the_document_language() {
    let checked = pack(&format!(
        "{SCHEMA}
requirement HEB-01 \"Hébergement\" {{
  text \"Les données sont hébergées dans l'Union européenne.\"
  require hosting.region == EU
}}
"
    ));
    let title_page = TitlePage::default();
    let input = CahierInput {
        pack: &checked,
        title_page: &title_page,
        provenance: &[],
        draft: true,
    };
    let html = render_html(&input, Lang::Fr);
    assert!(html.contains("@page { size: A4; margin: 2cm 1.8cm; }"));
    assert!(html.contains("<p class=\"draft\"><strong>Document de travail"));
    let docx = render_docx(&input, Lang::Fr).unwrap();
    assert!(docx.starts_with(b"PK"));
    // docx-rs stores the parts uncompressed: their XML is in the bytes as it is.
    assert!(docx_has(&docx, "<w:lang w:val=\"fr-FR\""));
    assert!(docx_has(&docx, "<w:pgSz w:w=\"11906\" w:h=\"16838\""));
    let english = render_docx(&input, Lang::En).unwrap();
    assert!(docx_has(&english, "<w:lang w:val=\"en-GB\""));
}

/// Whether the stored parts of the package hold `text`.
fn docx_has(bytes: &[u8], text: &str) -> bool {
    bytes
        .windows(text.len())
        .any(|window| window == text.as_bytes())
}

#[test]
fn indicators_and_risks_read_as_what_they_compute() {
    let source = format!(
        "{SCHEMA}\n\
         indicator PAR-REGION \"Prix par région\" {{\n  text \"La somme des prix.\"\n  value sum(e in entries: e.pricing.per_student)\n  by hosting.region\n}}\n\
         indicator PART \"Part hors UE\" {{\n  value share(e in entries: e.hosting.region == OTHER)\n}}\n\
         risk RISQUE \"Risque\" {{\n  value env.met + 1\n  spend pricing.per_student\n  ends a11y.audit\n  window 1 year\n}}\n"
    );
    let french = french(&source);
    assert!(
        french.contains("## Article 1 — Indicateurs de l'inventaire"),
        "{french}"
    );
    assert!(
        french.contains("| N° | Indicateur | Intitulé |"),
        "{french}"
    );
    assert!(french.contains("La somme des prix."), "{french}");
    assert_eq!(
        line(&french, "- **Calcul :** "),
        "Somme de `pricing.per_student` sur les lignes de l'inventaire, par `hosting.region`."
    );
    assert!(
        french.contains("- **Calcul :** Part des lignes de l'inventaire pour lesquelles `hosting.region` vaut `OTHER`"),
        "{french}"
    );
    assert!(
        french.contains("## Article 2 — Risques et priorités"),
        "{french}"
    );
    assert!(
        french.contains("- **Calcul :** Note de chaque ligne : `env.met` + 1 ; dépense : `pricing.per_student` ; fin du contrat : `a11y.audit` ; fenêtre de changement : 1 an."),
        "{french}"
    );
    let english = english(&source);
    assert_eq!(
        line(&english, "- **Computed:** "),
        "Sum of `pricing.per_student` over the lines of the inventory, by `hosting.region`."
    );
}
