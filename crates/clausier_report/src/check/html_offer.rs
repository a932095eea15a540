//! One offer's section of the HTML check report: its status, score and rank; the reasons
//! for its status in words (each failed or missing requirement with its level and
//! explanation, the documents to request, the documents still to provide per requirement,
//! the problems of its file); its criteria with
//! weight and points; and the outcome of its other requirements, so that every result
//! of the run is on the page.

use std::fmt::Write;

use clausier_diagnostics::Severity;
use clausier_eval::report::{
    ClauseResult, CriterionResult, DataErrorEntry, DescriptorReport, Explanation, Report,
    RequirementResult, RequirementStatus,
};
use clausier_i18n::{Lang, t};

use super::html::escape;
use super::human::{
    clause_name, colon, decimal_text, level_word, outcome_word, score_text, status_word,
};
use super::wording;

/// The section of one entry, its heading at level `depth` (3, or 4 under a lot).
pub(super) fn write_offer(
    out: &mut String,
    report: &Report,
    entry: &DescriptorReport,
    depth: u8,
    lang: Lang,
) {
    let sub = depth + 1;
    let lot = entry
        .lot
        .as_deref()
        .map_or_else(String::new, |lot| format!(" data-lot=\"{}\"", escape(lot)));
    let _ = writeln!(
        out,
        "<section class=\"offer\" data-descriptor=\"{}\"{lot}>\n<h{depth}>{}</h{depth}>",
        escape(&entry.id),
        escape(&wording::offer_name(entry))
    );
    write_facts(out, entry, lang);
    let requirements: Vec<&RequirementResult> = entry
        .results
        .iter()
        .filter_map(|result| match result {
            ClauseResult::Requirement(requirement) => Some(requirement),
            ClauseResult::Criterion(_) => None,
        })
        .collect();
    let (unmet, others): (Vec<&RequirementResult>, Vec<&RequirementResult>) = requirements
        .into_iter()
        .partition(|requirement| super::review_words::is_reported(requirement));
    // An invalid offer's reasons are the problems of its file, listed below.
    let invalid_only = unmet.is_empty() && !entry.errors.is_empty();
    if !invalid_only {
        let _ = writeln!(out, "<h{sub}>{}</h{sub}>", t!(lang, "html-reasons"));
    }
    if unmet.is_empty() {
        if !invalid_only {
            let _ = writeln!(
                out,
                "<p class=\"no-reason\">{}</p>",
                t!(lang, "html-no-reason")
            );
        }
    } else {
        out.push_str("<ul class=\"reasons\">\n");
        // The requirements that decide the status first, those without effect after.
        let (decisive, advisory): (Vec<_>, Vec<_>) = unmet
            .into_iter()
            .partition(|requirement| !matches!(requirement.level, "should" | "info"));
        for requirement in decisive.into_iter().chain(advisory) {
            write_unmet(out, report, requirement, lang);
        }
        out.push_str("</ul>\n");
    }
    let to_provide = wording::documents_to_provide(entry);
    if !to_provide.is_empty() {
        let _ = writeln!(
            out,
            "<h{sub}>{}</h{sub}>\n<ul class=\"to-provide\">",
            t!(lang, "report-documents-to-provide-title")
        );
        for (requirement, documents) in to_provide {
            let name = clause_name(report, &requirement.clause, &requirement.pack);
            let _ = writeln!(
                out,
                "<li><strong>{}</strong>{} {}</li>",
                escape(&name),
                colon(lang),
                escape(&wording::document_labels(documents, lang))
            );
        }
        out.push_str("</ul>\n");
    }
    if !entry.errors.is_empty() {
        let _ = writeln!(
            out,
            "<h{sub}>{}</h{sub}>\n<ul class=\"data-problems\">",
            t!(lang, "html-data-problems")
        );
        for error in &entry.errors {
            let _ = writeln!(out, "<li>{}</li>", data_error(error, &entry.source, lang));
        }
        out.push_str("</ul>\n");
    }
    let criteria: Vec<&CriterionResult> = entry
        .results
        .iter()
        .filter_map(|result| match result {
            ClauseResult::Criterion(criterion) => Some(criterion),
            ClauseResult::Requirement(_) => None,
        })
        .collect();
    if !criteria.is_empty() {
        let _ = writeln!(out, "<h{sub}>{}</h{sub}>", t!(lang, "html-criteria"));
        write_criteria(out, report, &criteria, lang);
    }
    if !others.is_empty() {
        let _ = writeln!(
            out,
            "<h{sub}>{}</h{sub}>\n<ul class=\"others\">",
            t!(lang, "html-other-requirements")
        );
        for requirement in others {
            let _ = writeln!(
                out,
                "<li {}>{}</li>",
                requirement_attributes(requirement),
                requirement_head(report, requirement, lang)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

/// File, status (a word on its colour), score and rank.
fn write_facts(out: &mut String, entry: &DescriptorReport, lang: Lang) {
    let status = entry.status.as_str();
    let _ = writeln!(
        out,
        "<dl class=\"facts\">\n<dt>{}</dt><dd><code>{}</code></dd>\n\
         <dt>{}</dt><dd><span class=\"status {status}\" data-status=\"{status}\">{}</span></dd>",
        t!(lang, "html-offer-file"),
        escape(&entry.source),
        t!(lang, "html-column-status"),
        status_word(entry.status, lang)
    );
    let score = entry.score.map_or_else(
        || {
            format!(
                "<dd class=\"score\"><span class=\"none\">{}</span></dd>",
                t!(lang, "html-no-score")
            )
        },
        |score| {
            format!(
                "<dd class=\"score\" data-value=\"{}\">{}</dd>",
                score.normalize(),
                score_text(score, lang)
            )
        },
    );
    let rank = entry.rank.map_or_else(
        || {
            format!(
                "<dd class=\"rank\"><span class=\"none\">{}</span></dd>",
                t!(lang, "html-no-rank")
            )
        },
        |rank| format!("<dd class=\"rank\" data-value=\"{rank}\">{rank}</dd>"),
    );
    let _ = writeln!(
        out,
        "<dt>{}</dt>{score}\n<dt>{}</dt>{rank}\n</dl>",
        t!(lang, "html-column-score"),
        t!(lang, "html-column-rank")
    );
}

fn requirement_attributes(requirement: &RequirementResult) -> String {
    let (level, status) = (requirement.level, requirement.status.as_str());
    format!(
        "class=\"requirement {level} {status}\" data-clause=\"{}\" data-level=\"{level}\" \
         data-status=\"{status}\"",
        escape(&requirement.clause)
    )
}

/// `<strong>HEB-01</strong> (obligatoire) <span class="outcome">non satisfaite</span>`,
/// and for a `should` or `info` that it does not affect eligibility.
fn requirement_head(report: &Report, requirement: &RequirementResult, lang: Lang) -> String {
    let mut head = format!(
        "<strong class=\"clause\">{}</strong>{} (<span class=\"level\">{}</span>) \
         <span class=\"outcome\">{}</span>",
        escape(&clause_name(report, &requirement.clause, &requirement.pack)),
        titled(requirement.title.as_deref()),
        escape(&level_in_words(requirement.level, lang)),
        escape(&outcome_word(requirement.status, lang))
    );
    let unmet = matches!(
        requirement.status,
        RequirementStatus::Fail | RequirementStatus::Missing
    );
    if unmet && matches!(requirement.level, "should" | "info") {
        let _ = write!(
            head,
            ", <span class=\"no-effect\">{}</span>",
            escape(&t!(lang, "outcome-no-effect"))
        );
    }
    head
}

/// ` <span class="title">Hébergement dans l'UE</span>` after a clause's id, when the
/// report knows its title.
fn titled(title: Option<&str>) -> String {
    title
        .filter(|title| !title.is_empty())
        .map(|title| format!(" <span class=\"title\">{}</span>", escape(title)))
        .unwrap_or_default()
}

/// A level in words; `execution` (a condition of performance) is not among the levels
/// the text report names.
fn level_in_words(level: &str, lang: Lang) -> String {
    match level {
        "execution" => t!(lang, "html-level-execution"),
        other => level_word(other, lang),
    }
}

/// A failed or missing requirement with why, in words.
pub(super) fn write_unmet(
    out: &mut String,
    report: &Report,
    requirement: &RequirementResult,
    lang: Lang,
) {
    let colon = colon(lang);
    let _ = write!(
        out,
        "<li {}>{}",
        requirement_attributes(requirement),
        requirement_head(report, requirement, lang)
    );
    if let Some(words) = super::review_words::review_words(requirement, lang) {
        let _ = writeln!(
            out,
            "{colon} <span class=\"why\">{}</span></li>",
            escape(&words)
        );
        return;
    }
    match requirement.status {
        RequirementStatus::Fail => match requirement.explanation.as_slice() {
            [] => {}
            [only] => {
                let _ = write!(
                    out,
                    "{colon} <span class=\"why\">{}</span>",
                    explanation(only, lang)
                );
            }
            several => {
                let _ = write!(out, "{colon}<ul class=\"why\">");
                for item in several {
                    let _ = write!(out, "<li>{}</li>", explanation(item, lang));
                }
                out.push_str("</ul>");
            }
        },
        _ => {
            let why = wording::requirement_unknown(requirement, lang);
            if !why.is_empty() {
                let _ = write!(out, "{colon} <span class=\"why\">{}</span>", html(&why));
            }
        }
    }
    out.push_str("</li>\n");
}

/// Criterion, weight, score and points; a criterion without a score says why.
fn write_criteria(out: &mut String, report: &Report, criteria: &[&CriterionResult], lang: Lang) {
    let _ = writeln!(
        out,
        "<table class=\"criteria\">\n<thead>\n<tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr>\n</thead>\n<tbody>",
        t!(lang, "html-column-criterion"),
        t!(lang, "html-column-weight"),
        t!(lang, "html-column-score"),
        t!(lang, "html-column-points"),
    );
    for criterion in criteria {
        let _ = write!(
            out,
            "<tr data-clause=\"{}\"><th scope=\"row\"><span class=\"clause\">{}</span>{}</th>\
             <td class=\"num weight\">{}</td>",
            escape(&criterion.clause),
            escape(&clause_name(report, &criterion.clause, &criterion.pack)),
            titled(criterion.title.as_deref()),
            decimal_text(criterion.weight.normalize(), lang)
        );
        match (criterion.score, criterion.points) {
            (Some(score), Some(points)) => {
                let clamped = if criterion.clamped {
                    format!(" {}", t!(lang, "criterion-clamped"))
                } else {
                    String::new()
                };
                let _ = write!(
                    out,
                    "<td class=\"num score\">{}{}</td>\
                     <td class=\"num points\" data-value=\"{}\">{}</td>",
                    decimal_text(score.normalize(), lang),
                    escape(&clamped),
                    points.normalize(),
                    score_text(points, lang)
                );
            }
            _ => {
                let mut why = vec![t!(lang, "criterion-no-score")];
                if !criterion.missing.is_empty() {
                    why.push(t!(
                        lang,
                        "criterion-missing",
                        paths = criterion.missing.join(", ")
                    ));
                }
                let mut text = escape(&why.join(", "));
                for reason in &criterion.reasons {
                    let _ = write!(text, ", {}", html(&wording::reason(reason, lang)));
                }
                let _ = write!(
                    out,
                    "<td class=\"score\" colspan=\"2\"><span class=\"none\">{text}</span></td>"
                );
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn explanation(item: &Explanation, lang: Lang) -> String {
    html(&wording::explanation(item, lang))
}

fn html(pieces: &[wording::Piece]) -> String {
    wording::join(
        pieces,
        |quoted| format!("<code>{}</code>", escape(quoted)),
        escape,
        ": ",
    )
}

/// `D0604 (avertissement) pricing.x : message à vendors/x.json:4:2 ; aide : …`.
pub(super) fn data_error(error: &DataErrorEntry, source: &str, lang: Lang) -> String {
    let mut text = format!("<strong>{}</strong>", escape(&error.code));
    if error.severity == Severity::Warning {
        let _ = write!(text, " ({})", escape(&t!(lang, "report-warning")));
    }
    if !error.path.is_empty() {
        let _ = write!(text, " <code>{}</code>", escape(&error.path));
    }
    let _ = write!(text, "{} {}", colon(lang), escape(&error.message));
    if let Some(line) = error.line {
        let place = format!("{source}:{line}:{}", error.column.unwrap_or(1));
        let _ = write!(
            text,
            " {}",
            escape(&t!(lang, "data-error-at", place = place.as_str()))
        );
    }
    if let Some(help) = &error.help {
        let _ = write!(
            text,
            "{} {}",
            wording::semicolon(lang),
            escape(&t!(lang, "data-error-help", help = help.as_str()))
        );
    }
    text
}
