//! The check lens: above each requirement, how the descriptors declared for the pack
//! fare against it, as `clausier check` would report them.

use clausier_diagnostics::{FileId, Lang, LineCol};
use clausier_i18n::t;
use clausier_ide::{CheckLens, LensCounts, LensDescriptor, LensFailure, RequirementLens};
use serde_json::json;
use tower_lsp_server::ls_types::{CodeLens, Command, Location, Range};

use crate::commands;
use crate::convert::{Encoding, LineMap};
use crate::workspace::{Snapshot, SnapshotDescriptor};

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
    let uri = &snapshot.file(file)?.uri;
    let lens = snapshot.lens();
    Some(
        lens.requirements
            .iter()
            .filter(|requirement| requirement.file == file)
            .map(|requirement| {
                let range = map.range(requirement.span);
                CodeLens {
                    range,
                    // Every lens has the command, even with nothing failing: a lens
                    // without one is unresolved in the protocol's terms, which an editor
                    // must resolve before showing it (and this server resolves nothing);
                    // the client then shows an empty list of locations.
                    command: Some(Command {
                        title: title(requirement.counts(), lang),
                        command: commands::SHOW_FAILING_VENDORS.to_owned(),
                        arguments: Some(vec![
                            json!(uri.as_str()),
                            json!(range.start),
                            json!(requirement.id),
                        ]),
                    }),
                    data: None,
                }
            })
            .collect(),
    )
}

/// Where each descriptor that fails the requirement `id` of `file`, or lacks its data,
/// is: one location per descriptor, on the line of the first value the explanation
/// quotes when it has one, else on the file's first line.
pub fn failing_vendors(
    snapshot: &Snapshot,
    file: FileId,
    id: &str,
    encoding: Encoding,
) -> Vec<Location> {
    let Some(requirement) = requirement_named(snapshot, file, id) else {
        return Vec::new();
    };
    let failing = requirement
        .fail
        .iter()
        .map(|failure| (&failure.descriptor, failure_place(failure)))
        .chain(
            requirement
                .missing
                .iter()
                .map(|missing| (&missing.descriptor, None)),
        );
    failing
        .filter_map(|(descriptor, place)| {
            let held = held_descriptor(snapshot, descriptor)?;
            let map = LineMap::new(&held.input.text, &held.index, encoding);
            let offset = place
                .filter(|(line, _)| (*line as usize) <= held.index.line_count())
                .map_or(0, |(line, column)| {
                    held.index
                        .offset_of(&held.input.text, LineCol { line, column })
                });
            let position = map.position(offset);
            Some(Location {
                uri: held.uri.clone(),
                range: Range::new(position, position),
            })
        })
        .collect()
}

/// The requirement `id` whose lens is in `file`.
fn requirement_named<'a>(
    snapshot: &'a Snapshot,
    file: FileId,
    id: &str,
) -> Option<&'a RequirementLens> {
    requirement_where(snapshot, |requirement| {
        requirement.file == file && requirement.id == id
    })
}

/// The first requirement that `wanted`, when the pack declares descriptors.
fn requirement_where(
    snapshot: &Snapshot,
    wanted: impl Fn(&RequirementLens) -> bool,
) -> Option<&RequirementLens> {
    if snapshot.descriptors.is_empty() {
        return None;
    }
    snapshot
        .lens()
        .requirements
        .iter()
        .find(|requirement| wanted(requirement))
}

/// The line and column (1-based) of the first value a failure's explanations quote.
fn failure_place(failure: &LensFailure) -> Option<(u32, u32)> {
    failure
        .explanations
        .iter()
        .find_map(|explanation| Some((explanation.line?, explanation.column.unwrap_or(1))))
}

/// The descriptor file of the snapshot a lens entry comes from.
fn held_descriptor<'a>(
    snapshot: &'a Snapshot,
    descriptor: &LensDescriptor,
) -> Option<&'a SnapshotDescriptor> {
    snapshot
        .descriptors
        .iter()
        .find(|held| held.input.path == descriptor.path)
}

/// `[offres/acme.json:12](file:///…/offres/acme.json#L12)`: a descriptor named by its
/// path in the pack, a link to the line of its value when there is one.
fn descriptor_link(snapshot: &Snapshot, descriptor: &LensDescriptor, line: Option<u32>) -> String {
    let text = match line {
        Some(line) => format!("{}:{line}", descriptor.source),
        None => descriptor.source.clone(),
    };
    let text = text.replace('[', "\\[").replace(']', "\\]");
    match held_descriptor(snapshot, descriptor) {
        Some(held) => {
            let fragment = line.map(|line| format!("#L{line}")).unwrap_or_default();
            // Brackets would end the link's target early: written as escapes.
            let target = held.uri.as_str().replace('(', "%28").replace(')', "%29");
            format!("[{text}]({target}{fragment})")
        }
        None => text,
    }
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
    requirement_where(snapshot, |requirement| {
        requirement.file == file && requirement.span.touches(offset)
    })
}

/// The descriptors that fail a requirement, with why, and those that lack its data.
pub fn hover_markdown(snapshot: &Snapshot, requirement: &RequirementLens, lang: Lang) -> String {
    let date = snapshot.date;
    let mut out = t!(
        lang,
        "editor-lens-hover-head",
        id = requirement.id.as_str(),
        date = clausier_ide::date_in_words(date, lang),
        counts = title(requirement.counts(), lang)
    );
    if !requirement.fail.is_empty() {
        out.push_str("\n\n");
        out.push_str(&t!(lang, "editor-lens-hover-fail"));
        for failure in &requirement.fail {
            let line = failure_place(failure).map(|(line, _)| line);
            out.push_str(&format!(
                "\n- `{}` ({}): {}",
                failure.descriptor.id,
                descriptor_link(snapshot, &failure.descriptor, line),
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
                descriptor_link(snapshot, &missing.descriptor, None),
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
