//! The check lens: above each requirement, how the descriptors declared for the pack
//! fare against it, as `clausier check` would report them.

use clausier_diagnostics::{FileId, Lang};
use clausier_i18n::t;
use clausier_ide::{CheckLens, LensCounts, RequirementLens};
use tower_lsp_server::ls_types::{CodeLens, Command};

use crate::convert::Encoding;
use crate::workspace::Snapshot;

pub fn code_lenses(
    snapshot: &Snapshot,
    file: FileId,
    encoding: Encoding,
    lang: Lang,
) -> Option<Vec<CodeLens>> {
    if snapshot.descriptors.is_empty() {
        return None;
    }
    let map = snapshot.line_map(file, encoding)?;
    let lens = snapshot.lens();
    Some(
        lens.requirements
            .iter()
            .filter(|requirement| requirement.file == file)
            .map(|requirement| CodeLens {
                range: map.range(requirement.span),
                command: Some(Command {
                    title: title(requirement.counts(), lang),
                    // Shown, not run: the counts are the whole message.
                    command: String::new(),
                    arguments: None,
                }),
                data: None,
            })
            .collect(),
    )
}

/// `✓ 12 pass · ✗ 3 fail · ? 1 missing`, and the descriptors the requirement does not
/// apply to when there are some.
pub fn title(counts: LensCounts, lang: Lang) -> String {
    let mut out = t!(
        lang,
        "editor-lens-counts",
        pass = count(counts.pass),
        fail = count(counts.fail),
        missing = count(counts.missing)
    );
    if counts.not_applicable > 0 {
        out.push_str(" · ");
        out.push_str(&t!(
            lang,
            "editor-lens-not-applicable",
            count = count(counts.not_applicable)
        ));
    }
    out
}

/// A count as Fluent reads it, to choose the plural form.
fn count(value: usize) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

/// The requirement whose id is under the cursor, when the pack declares descriptors.
pub fn requirement_at(snapshot: &Snapshot, file: FileId, offset: u32) -> Option<&RequirementLens> {
    if snapshot.descriptors.is_empty() {
        return None;
    }
    snapshot
        .lens()
        .requirements
        .iter()
        .find(|requirement| requirement.file == file && requirement.span.touches(offset))
}

/// The descriptors that fail a requirement, with why, and those that lack its data.
pub fn hover_markdown(
    requirement: &RequirementLens,
    date: jiff::civil::Date,
    lang: Lang,
) -> String {
    let mut out = t!(
        lang,
        "editor-lens-hover-head",
        id = requirement.id.as_str(),
        date = date.to_string(),
        counts = title(requirement.counts(), lang)
    );
    if !requirement.fail.is_empty() {
        out.push_str("\n\n");
        out.push_str(&t!(lang, "editor-lens-hover-fail"));
        for failure in &requirement.fail {
            out.push_str(&format!(
                "\n- `{}` ({}): {}",
                failure.descriptor.id,
                failure.descriptor.source,
                failure.summary(lang)
            ));
        }
    }
    if !requirement.missing.is_empty() {
        out.push_str("\n\n");
        out.push_str(&t!(lang, "editor-lens-hover-missing"));
        for missing in &requirement.missing {
            let paths: Vec<String> = missing.paths.iter().map(|p| format!("`{p}`")).collect();
            out.push_str(&format!(
                "\n- `{}` ({}): {}",
                missing.descriptor.id,
                missing.descriptor.source,
                paths.join(", ")
            ));
        }
    }
    out
}

/// The counts of every requirement, to tell whether the lenses changed.
pub fn summary(lens: &CheckLens) -> Vec<(String, String, LensCounts)> {
    lens.requirements
        .iter()
        .map(|r| (r.pack.clone(), r.id.clone(), r.counts()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_count_each_outcome() {
        let counts = |pass, fail, missing, not_applicable| LensCounts {
            pass,
            fail,
            missing,
            not_applicable,
        };
        let cases = [
            (counts(12, 3, 1, 0), "✓ 12 pass · ✗ 3 fail · ? 1 missing"),
            (
                counts(0, 0, 0, 2),
                "✓ 0 pass · ✗ 0 fail · ? 0 missing · 2 not applicable",
            ),
        ];
        for (counts, expected) in cases {
            assert_eq!(title(counts, Lang::En), expected);
        }
    }

    #[test]
    fn titles_count_each_outcome_in_french() {
        let counts = |pass, fail, missing, not_applicable| LensCounts {
            pass,
            fail,
            missing,
            not_applicable,
        };
        let cases = [
            (
                counts(12, 3, 1, 0),
                "✓ 12 satisfaites · ✗ 3 non satisfaites · ? 1 incomplète",
            ),
            (
                counts(1, 0, 2, 2),
                "✓ 1 satisfaite · ✗ 0 non satisfaite · ? 2 incomplètes · 2 non applicables",
            ),
        ];
        for (counts, expected) in cases {
            assert_eq!(title(counts, Lang::Fr), expected);
        }
    }
}
