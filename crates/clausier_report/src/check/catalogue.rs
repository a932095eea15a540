//! The catalogue of solutions (`clausier catalogue`): one self-contained HTML page with a
//! card per solution (its name, description, licence, maintenance, categories) and, for
//! each pack, whether the solution satisfies it and, if not, why, in the words of the HTML
//! check report. A small inline script filters the cards by text, category and pack;
//! without it every card is shown. Style and script inline, nothing fetched.

use std::collections::BTreeSet;
use std::fmt::Write;

use clausier_check::types::Schema;
use clausier_data::Descriptor;
use clausier_diagnostics::Severity;
use clausier_eval::report::{
    ClauseResult, DescriptorReport, DescriptorStatus, Report, RequirementStatus,
};
use clausier_i18n::{Lang, t};

use super::catalogue_solution::SolutionCard;
use super::html::escape;
use super::html_offer::{data_error, write_unmet};
use super::human::{colon, date_in_words, status_word};

/// The solutions as read by the first pack (the cards show the fields it declares), and
/// the report of each pack over them, worded by `word_report`.
pub struct Catalogue<'a> {
    pub descriptors: &'a [Descriptor],
    pub schema: &'a Schema,
    /// One per pack, in the order given; each holds an entry per descriptor.
    pub reports: &'a [Report],
}

/// Renders the catalogue as a self-contained HTML page in `lang`.
///
/// Stable for programs and tests: each card is an `<article class="solution">` with the
/// solution's id in `data-solution`, its categories in `data-categories` (separated by
/// spaces) and the packs it satisfies in `data-satisfies`; each verdict carries
/// `data-pack` and `data-verdict` (`satisfied` or `not-satisfied`).
pub fn render_catalogue(catalogue: &Catalogue<'_>, lang: Lang) -> String {
    let cards: Vec<SolutionCard> = catalogue
        .descriptors
        .iter()
        .map(|descriptor| SolutionCard::read(descriptor, catalogue.schema))
        .collect();
    let mut out = String::new();
    let title = t!(lang, "catalogue-title");
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">",
        lang.code()
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>{}</title>", escape(&title));
    let _ = writeln!(out, "<style>{STYLE}</style>\n</head>\n<body>\n<header>");
    let _ = writeln!(out, "<h1>{}</h1>", escape(&title));
    write_meta(&mut out, catalogue, cards.len(), lang);
    out.push_str("</header>\n<main>\n");
    write_filters(&mut out, catalogue, &cards, lang);
    out.push_str("<div id=\"solutions\">\n");
    for (descriptor, card) in catalogue.descriptors.iter().zip(&cards) {
        write_card(&mut out, catalogue, descriptor, card, lang);
    }
    let _ = writeln!(
        out,
        "</div>\n<p id=\"no-match\" hidden>{}</p>\n</main>",
        escape(&t!(lang, "catalogue-no-match"))
    );
    let version = catalogue
        .reports
        .first()
        .map_or("", |report| report.clausier.as_str());
    let _ = writeln!(
        out,
        "<footer>{}</footer>\n<script>{SCRIPT}</script>\n</body>\n</html>",
        escape(&t!(lang, "html-produced-by", version = version))
    );
    out
}

/// The packs with how many solutions satisfy each, the date and the count of solutions.
fn write_meta(out: &mut String, catalogue: &Catalogue<'_>, solutions: usize, lang: Lang) {
    out.push_str("<dl class=\"meta\">\n");
    let packs: Vec<String> = catalogue
        .reports
        .iter()
        .map(|report| {
            let satisfied = report
                .descriptors
                .iter()
                .filter(|entry| entry.status == DescriptorStatus::Eligible)
                .count();
            format!(
                "<li><code>{}</code> {}{} {}</li>",
                escape(&report.pack.name),
                escape(&report.pack.version),
                colon(lang),
                escape(&t!(
                    lang,
                    "catalogue-pack-count",
                    satisfied = count(satisfied),
                    total = count(solutions)
                ))
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "<dt>{}</dt><dd><ul>{}</ul></dd>",
        t!(lang, "catalogue-packs"),
        packs.concat()
    );
    if let Some(report) = catalogue.reports.first() {
        let _ = writeln!(
            out,
            "<dt>{}</dt><dd>{}</dd>",
            t!(lang, "html-date"),
            escape(&date_in_words(&report.date, lang))
        );
    }
    let _ = writeln!(
        out,
        "<dt>{}</dt><dd id=\"count\">{}</dd>\n</dl>",
        t!(lang, "catalogue-solutions"),
        escape(&t!(
            lang,
            "catalogue-solution-count",
            count = count(solutions)
        ))
    );
}

/// The search box and the two filters; hidden until the script shows them, since they
/// do nothing without it.
fn write_filters(out: &mut String, catalogue: &Catalogue<'_>, cards: &[SolutionCard], lang: Lang) {
    let categories: BTreeSet<&str> = cards
        .iter()
        .flat_map(|card| card.categories.iter().map(String::as_str))
        .collect();
    let _ = writeln!(
        out,
        "<form id=\"filters\" role=\"search\" hidden>\n\
         <label>{} <input id=\"search\" type=\"search\"></label>\n\
         <label>{} <select id=\"category\"><option value=\"\">{}</option>",
        t!(lang, "catalogue-search"),
        t!(lang, "catalogue-category"),
        t!(lang, "catalogue-any-category")
    );
    for category in categories {
        let _ = write!(out, "<option value=\"{0}\">{0}</option>", escape(category));
    }
    let _ = writeln!(
        out,
        "</select></label>\n<label>{} <select id=\"pack\"><option value=\"\">{}</option>",
        t!(lang, "catalogue-pack-filter"),
        t!(lang, "catalogue-any-pack")
    );
    for report in catalogue.reports {
        let _ = write!(
            out,
            "<option value=\"{}\">{}</option>",
            escape(&report.pack.name),
            escape(&t!(
                lang,
                "catalogue-satisfies",
                pack = report.pack.name.as_str()
            ))
        );
    }
    out.push_str("</select></label>\n</form>\n");
}

fn write_card(
    out: &mut String,
    catalogue: &Catalogue<'_>,
    descriptor: &Descriptor,
    card: &SolutionCard,
    lang: Lang,
) {
    let entries: Vec<(&Report, Option<&DescriptorReport>)> = catalogue
        .reports
        .iter()
        .map(|report| (report, entry_of(report, descriptor)))
        .collect();
    let satisfies: Vec<&str> = entries
        .iter()
        .filter(|(_, entry)| entry.is_some_and(|entry| entry.status == DescriptorStatus::Eligible))
        .map(|(report, _)| report.pack.name.as_str())
        .collect();
    let _ = writeln!(
        out,
        "<article class=\"solution\" data-solution=\"{}\" data-categories=\"{}\" \
         data-satisfies=\"{}\">\n<h2>{}</h2>",
        escape(&card.id),
        escape(&card.categories.join(" ")),
        escape(&satisfies.join(" ")),
        escape(card.title())
    );
    if let Some(short) = &card.short_description {
        let _ = writeln!(out, "<p class=\"short\">{}</p>", escape(short));
    }
    out.push_str("<dl class=\"facts\">\n");
    if let Some(licence) = &card.licence {
        let free = if card.free_software {
            format!(
                " <span class=\"free\">{}</span>",
                t!(lang, "catalogue-free-software")
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "<dt>{}</dt><dd class=\"licence\"><code>{}</code>{free}</dd>",
            t!(lang, "catalogue-licence"),
            escape(licence)
        );
    }
    if let Some(maintenance) = &card.maintenance {
        let mut text = format!("<code>{}</code>", escape(maintenance));
        if !card.contractors.is_empty() {
            let names: Vec<String> = card.contractors.iter().map(|name| escape(name)).collect();
            let _ = write!(text, "{} {}", colon(lang), names.join(", "));
        }
        let _ = writeln!(
            out,
            "<dt>{}</dt><dd class=\"maintenance\">{text}</dd>",
            t!(lang, "catalogue-maintenance")
        );
    }
    if !card.categories.is_empty() {
        let categories: Vec<String> = card
            .categories
            .iter()
            .map(|category| format!("<code>{}</code>", escape(category)))
            .collect();
        let _ = writeln!(
            out,
            "<dt>{}</dt><dd class=\"categories\">{}</dd>",
            t!(lang, "catalogue-categories"),
            categories.join(", ")
        );
    }
    out.push_str("</dl>\n<ul class=\"verdicts\">\n");
    for (report, entry) in entries {
        write_verdict(out, report, entry, lang);
    }
    out.push_str("</ul>\n</article>\n");
}

/// « conforme au jeu de clauses X », or « non conforme au jeu de clauses X : » with each failed or missing
/// requirement as the HTML check report words it, and the errors of a description that
/// does not fit the pack (its warnings, such as keys the pack does not read, are not the
/// reader's concern here).
pub(crate) fn write_verdict(
    out: &mut String,
    report: &Report,
    entry: Option<&DescriptorReport>,
    lang: Lang,
) {
    let pack = report.pack.name.as_str();
    let Some(entry) = entry.filter(|entry| entry.status != DescriptorStatus::Eligible) else {
        let _ = writeln!(
            out,
            "<li class=\"verdict satisfied\" data-pack=\"{}\" data-verdict=\"satisfied\">{}</li>",
            escape(pack),
            escape(&t!(lang, "catalogue-satisfied", pack = pack))
        );
        return;
    };
    let _ = write!(
        out,
        "<li class=\"verdict not-satisfied\" data-pack=\"{}\" data-verdict=\"not-satisfied\">{} \
         (<span class=\"status\">{}</span>){}\n<ul>\n",
        escape(pack),
        escape(&t!(lang, "catalogue-not-satisfied", pack = pack)),
        escape(&status_word(entry.status, lang)),
        colon(lang)
    );
    for result in &entry.results {
        if let ClauseResult::Requirement(requirement) = result
            && matches!(
                requirement.status,
                RequirementStatus::Fail | RequirementStatus::Missing
            )
        {
            write_unmet(out, report, requirement, lang);
        }
    }
    for error in &entry.errors {
        if error.severity == Severity::Error {
            let _ = writeln!(
                out,
                "<li class=\"data-problem\">{}</li>",
                data_error(error, &entry.source, lang)
            );
        }
    }
    out.push_str("</ul></li>\n");
}

/// The report's entry for `descriptor`: entries are in the order of the descriptors
/// given, and the catalogue has no lots, so each has one.
pub(crate) fn entry_of<'a>(
    report: &'a Report,
    descriptor: &Descriptor,
) -> Option<&'a DescriptorReport> {
    report
        .descriptors
        .iter()
        .find(|entry| entry.id == descriptor.id && entry.source == descriptor.source)
}

fn count(number: usize) -> i64 {
    i64::try_from(number).unwrap_or(i64::MAX)
}

const STYLE: &str = r#"
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f;
  max-width: 64rem; margin: 1.5rem auto; padding: 0 1.5rem; overflow-wrap: anywhere; }
h1 { font-size: 1.5rem; margin: 0 0 .75rem; }
h2 { font-size: 1.15rem; margin: 0 0 .25rem; }
dl.meta, dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem;
  margin: 0 0 1rem; }
dl.meta dt, dl.facts dt { font-weight: 600; }
dl.meta dd, dl.facts dd { margin: 0; }
dl.meta ul { margin: 0; padding-left: 1.2rem; }
code { font: 13px/1.3 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
form#filters { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; margin: 0 0 1rem; }
form#filters input, form#filters select { font: inherit; max-width: 100%; }
article.solution { border: 1px solid #c9c9cf; border-radius: 6px; padding: .75rem 1rem;
  margin: 0 0 1rem; }
.short { margin: 0 0 .5rem; }
.free { background: #d7f0dc; border-radius: 3px; padding: 0 .35rem; margin-left: .4rem; }
ul.verdicts { margin: 0; padding-left: 1.2rem; }
.verdict.satisfied { color: #0f5b24; }
.verdict.not-satisfied > ul { color: #1d1d1f; }
.verdict.not-satisfied { color: #a4161a; }
.title { font-style: italic; }
footer { margin-top: 2rem; color: #4a4a4f; font-size: .85rem; }
"#;

/// Shows the filters and hides the cards that do not match them; the page is whole
/// without it.
const SCRIPT: &str = r#"
(function () {
  var form = document.getElementById("filters");
  var search = document.getElementById("search");
  var category = document.getElementById("category");
  var pack = document.getElementById("pack");
  var cards = document.querySelectorAll("article.solution");
  var none = document.getElementById("no-match");
  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  function has(list, word) { return word === "" || list.split(" ").indexOf(word) >= 0; }
  function filter() {
    var query = search.value.trim().toLowerCase();
    var shown = 0;
    cards.forEach(function (card) {
      var match = card.textContent.toLowerCase().indexOf(query) >= 0
        && has(card.dataset.categories, category.value)
        && has(card.dataset.satisfies, pack.value);
      card.hidden = !match;
      if (match) { shown += 1; }
    });
    none.hidden = shown > 0;
  }
  search.addEventListener("input", filter);
  category.addEventListener("change", filter);
  pack.addEventListener("change", filter);
})();
"#;
