use clausier_diagnostics::Lang;
use proptest::prelude::*;

use super::{Fixture, PACK};
use crate::{FileId, Span};

/// Fixtures with broken text, multi-byte characters and unusual layouts.
pub(crate) const BROKEN: &str = "//- a.clause\nenum É { Ü, \"\ndescriptor { prix: money\n  r: { x: É }\nrequirement R-1 \"é\" {\n  require prix.\n  level \n//- b.clause\n/// doc é\ncriterion C weight { score if r.x == Ü then 1 else \n}\ntest \"t\" { given { r: { x: \"Ü\" } } expect pass R-1 }\n";

/// An inventory's indicators and risk, one of each broken.
pub(crate) const INVENTORY: &str = "//- a.clause\nenum C { A, B }\ndescriptor { c: C, s: money, n: string, fin: date }\nindicator I \"Dépense\" {\n  value sum(e in entries: e.s)\n  by c, n\n}\nindicator J \"Part\" { value share(e in entries: e.c == A, e.s) }\nrisk R \"Risque\" {\n  value count(entries) + \n  spend s\n  ends fin\n  window 1 year\n  alternatives [\"office\"]\n}\nindicator K { value share(entries: \n";

fn run_every_query(fixture: &Fixture, offset: u32, other: u32, name: &str) {
    let analysis = &fixture.analysis;
    let _ = analysis.workspace_symbols(name);
    let _ = analysis.cahier(Lang::Fr);
    for index in 0..fixture.names.len() + 1 {
        let file = FileId(index as u32);
        let _ = analysis.diagnostics(file);
        let _ = analysis.hover(file, offset, Lang::En);
        let _ = analysis.goto_definition(file, offset);
        let _ = analysis.references(file, offset, true);
        let _ = analysis.references(file, offset, false);
        let _ = analysis.document_symbols(file);
        let _ = analysis.completions(file, offset, Lang::En);
        let _ = analysis.rename(file, offset, name);
        let _ = analysis.folding_ranges(file);
        let _ = analysis.document_links(file);
        let _ = analysis.format(file);
        let _ = analysis.format_range(file, Span::new(offset, other));
        let _ = analysis.format_range(file, Span::new(other, offset));
        let _ = analysis.code_actions(file, Span::new(offset, other));
        let _ = analysis.code_actions(file, Span::new(other, offset));
        let _ = analysis.semantic_tokens(file);
        let _ = analysis.selection_ranges(file, offset);
        let _ = analysis.inlay_hints(file, Span::new(offset, other), Lang::En);
        let _ = analysis.inlay_hints(file, Span::new(other, offset), Lang::En);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn queries_never_panic_on_the_pack(offset in 0u32..1200, other in 0u32..1200, name in "\\PC{0,6}") {
        run_every_query(&Fixture::parse(PACK), offset, other, &name);
    }

    #[test]
    fn queries_never_panic_on_broken_text(offset in 0u32..400, other in 0u32..400, name in "\\PC{0,6}") {
        run_every_query(&Fixture::parse(BROKEN), offset, other, &name);
    }

    #[test]
    fn queries_never_panic_at_huge_offsets(offset in any::<u32>(), other in any::<u32>()) {
        run_every_query(&Fixture::parse(PACK), offset, other, "x");
    }
}

#[test]
fn every_offset_of_the_fixtures() {
    for input in [PACK, BROKEN, INVENTORY] {
        let fixture = Fixture::parse(input);
        let longest = fixture
            .names
            .iter()
            .enumerate()
            .map(|(i, _)| fixture.text(FileId(i as u32)).len())
            .max()
            .unwrap_or(0);
        for offset in 0..=longest as u32 + 2 {
            run_every_query(&fixture, offset, offset / 2, "renamed");
        }
    }
}
