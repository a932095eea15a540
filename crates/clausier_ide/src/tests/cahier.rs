use clausier_diagnostics::Lang;

use super::{Fixture, PACK};

#[test]
fn the_tender_is_the_one_render_writes_in_the_editors_language() {
    let fixture = Fixture::parse(PACK);
    let cahier = fixture.analysis.cahier(Lang::Fr).unwrap();
    // No `[document] title`: the pack's name.
    assert_eq!(cahier.title, "test");
    assert!(
        cahier.html.contains("The holder hosts all data in the EU."),
        "{}",
        cahier.html
    );
    assert!(
        cahier.html.starts_with("<!DOCTYPE html>"),
        "{}",
        cahier.html
    );
    assert!(
        cahier
            .markdown
            .contains("`hosting.region` est l'une des valeurs"),
        "{}",
        cahier.markdown
    );
    let english = fixture.analysis.cahier(Lang::En).unwrap();
    assert!(
        english.markdown.contains("`hosting.region` is one of"),
        "{}",
        english.markdown
    );
}

#[test]
fn a_pack_with_errors_gives_its_errors_in_words_with_their_place() {
    let broken = PACK.replace("  level must\n", "  level shoud\n");
    let fixture = Fixture::parse(&broken);
    let refused = fixture.analysis.cahier(Lang::En).unwrap_err();
    assert_eq!(refused.title, "test");
    assert_eq!(refused.errors.len(), 1, "{:?}", refused.errors);
    assert!(
        refused.errors[0].contains(":3: ") && refused.errors[0].contains("`shoud`"),
        "{:?}",
        refused.errors
    );
}
