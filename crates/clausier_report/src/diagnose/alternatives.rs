//! The catalogue's alternatives to a priority: the solutions whose
//! `solution.categories` meet the line's `alternatives`, each with its verdict against
//! the chosen pack, in the order of the catalogue.

use clausier_eval::report::{
    ClauseResult, DescriptorReport, DescriptorStatus, Report, RequirementStatus,
};
use clausier_i18n::{Lang, t};

use super::SolutionCatalogue;
use crate::check::catalogue::entry_of;
use crate::check::catalogue_solution::SolutionCard;
use crate::check::human::clause_name;
use crate::check::wording;

/// One solution offered as an alternative.
pub(crate) struct Alternative<'a> {
    pub card: SolutionCard,
    pub verdict: Verdict<'a>,
}

/// A solution against the chosen pack.
pub(crate) enum Verdict<'a> {
    /// No pack was given to check it against.
    NotChecked,
    Satisfied {
        report: &'a Report,
    },
    NotSatisfied {
        report: &'a Report,
        entry: &'a DescriptorReport,
    },
}

/// The solutions of `catalogue` in one of `categories`.
pub(crate) fn alternatives<'a>(
    catalogue: &SolutionCatalogue<'a>,
    categories: &[String],
) -> Vec<Alternative<'a>> {
    if categories.is_empty() {
        return Vec::new();
    }
    catalogue
        .descriptors
        .iter()
        .filter_map(|descriptor| {
            let card = SolutionCard::read(descriptor, catalogue.schema);
            if !card
                .categories
                .iter()
                .any(|category| categories.contains(category))
            {
                return None;
            }
            let verdict = match catalogue.against {
                None => Verdict::NotChecked,
                Some(report) => match entry_of(report, descriptor) {
                    Some(entry) if entry.status != DescriptorStatus::Eligible => {
                        Verdict::NotSatisfied { report, entry }
                    }
                    _ => Verdict::Satisfied { report },
                },
            };
            Some(Alternative { card, verdict })
        })
        .collect()
}

impl Alternative<'_> {
    /// « Plume (EUPL-1.2, logiciel libre) »
    pub(crate) fn name_and_licence(&self, lang: Lang) -> String {
        let mut facts = Vec::new();
        if let Some(licence) = &self.card.licence {
            facts.push(licence.clone());
        }
        if self.card.free_software {
            facts.push(t!(lang, "catalogue-free-software"));
        }
        if facts.is_empty() {
            self.card.title().to_owned()
        } else {
            format!("{} ({})", self.card.title(), facts.join(", "))
        }
    }

    /// The verdict in plain words, as `clausier catalogue` says it: « conforme au pack
    /// X », or « non conforme au pack X » with each unmet requirement and why.
    pub(crate) fn verdict_words(&self, lang: Lang) -> (String, Vec<String>) {
        match &self.verdict {
            Verdict::NotChecked => (t!(lang, "diagnose-not-checked"), Vec::new()),
            Verdict::Satisfied { report } => (
                t!(
                    lang,
                    "catalogue-satisfied",
                    pack = report.pack.name.as_str()
                ),
                Vec::new(),
            ),
            Verdict::NotSatisfied { report, entry } => {
                let colon = crate::check::human::colon(lang);
                let mut reasons: Vec<String> = entry
                    .results
                    .iter()
                    .filter_map(|result| match result {
                        ClauseResult::Requirement(requirement) => Some(requirement),
                        ClauseResult::Criterion(_) => None,
                    })
                    .filter_map(|requirement| {
                        let name = match &requirement.title {
                            Some(title) => format!(
                                "{} « {title} »",
                                clause_name(report, &requirement.clause, &requirement.pack)
                            ),
                            None => clause_name(report, &requirement.clause, &requirement.pack),
                        };
                        let why = match requirement.status {
                            RequirementStatus::Fail => requirement
                                .explanation
                                .iter()
                                .map(|item| wording::plain(&wording::explanation(item, lang)))
                                .collect::<Vec<_>>()
                                .join(&format!("{} ", wording::semicolon(lang))),
                            RequirementStatus::Missing => {
                                wording::requirement_undecided(requirement, lang)
                            }
                            _ => return None,
                        };
                        Some(if why.is_empty() {
                            name
                        } else {
                            format!("{name}{colon} {why}")
                        })
                    })
                    .collect();
                reasons.extend(
                    entry
                        .errors
                        .iter()
                        .filter(|error| error.severity == clausier_diagnostics::Severity::Error)
                        .map(|error| error.message.clone()),
                );
                (
                    t!(
                        lang,
                        "catalogue-not-satisfied",
                        pack = report.pack.name.as_str()
                    ),
                    reasons,
                )
            }
        }
    }
}
