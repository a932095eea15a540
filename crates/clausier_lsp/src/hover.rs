//! Hover: what the IDE says of the name under the cursor; on a requirement's id, how the
//! declared descriptors fare against it; on a diagnostic, what its code means.

use clausier_diagnostics::{FileId, Lang};
use tower_lsp_server::ls_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

use crate::convert::Encoding;
use crate::diagnostics::explanation_summary;
use crate::lens;
use crate::workspace::Snapshot;

pub fn hover(
    snapshot: &Snapshot,
    file: FileId,
    position: Position,
    encoding: Encoding,
    lang: Lang,
) -> Option<Hover> {
    let map = snapshot.line_map(file, encoding)?;
    let offset = map.offset(position);
    let mut sections: Vec<String> = Vec::new();
    let mut range = None;
    if let Some(found) = snapshot.analysis.hover(file, offset, lang) {
        sections.push(found.markdown);
        range = Some(map.range(found.range));
    }
    if let Some(requirement) = lens::requirement_at(snapshot, file, offset) {
        sections.push(lens::hover_markdown(snapshot, requirement, lang));
        range.get_or_insert_with(|| map.range(requirement.span));
    }
    let mut codes = Vec::new();
    for diagnostic in snapshot.analysis.diagnostics(file) {
        let Some(label) = diagnostic.primary_label() else {
            continue;
        };
        if label.file == file && label.span.touches(offset) && !codes.contains(&diagnostic.code) {
            codes.push(diagnostic.code);
        }
    }
    sections.extend(
        codes
            .into_iter()
            .filter_map(|code| explanation_summary(code, lang)),
    );
    if sections.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: sections.join("\n\n---\n\n"),
        }),
        range,
    })
}
