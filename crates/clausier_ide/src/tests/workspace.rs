//! An analysis of a pack with its dependencies, read from disk with an editor's overlay:
//! the same diagnostics as `clausier validate`, and the features across packs.

use clausier_diagnostics::Lang;
use std::fs;
use std::path::{Path, PathBuf};

use clausier_diagnostics::Diagnostic;

use crate::{Analysis, FileId, RenameError};

const RULES: [&str; 4] = [
    "edtech-fr",
    "souverainete",
    "attribution-qualite",
    "region-exemple",
];

pub(crate) fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The shipped packs copied under `rules/` of a temporary folder, without their locks,
/// to edit.
pub(crate) fn rules_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for pack in RULES {
        copy_dir(
            &repository().join("rules").join(pack),
            &dir.path().join("rules").join(pack),
        );
        let _ = fs::remove_file(dir.path().join("rules").join(pack).join("pack.lock"));
    }
    dir
}

pub(crate) fn open(path: &Path) -> Analysis {
    open_with(path, &|_| None)
}

fn open_with(path: &Path, overlay: &dyn Fn(&Path) -> Option<String>) -> Analysis {
    Analysis::from_workspace(clausier_pack::read_workspace(path, overlay).unwrap())
}

fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap()
}

/// Every diagnostic of every file, as `file:start-end severity code: message (help)`,
/// sorted: what a diagnostic says, whatever id its file has.
fn all_diagnostics(analysis: &Analysis) -> Vec<String> {
    let files: Vec<FileId> = analysis.files().chain(analysis.other_files()).collect();
    let mut out: Vec<String> = files
        .into_iter()
        .flat_map(|file| analysis.diagnostics(file))
        .map(|d| describe(&d, |file| analysis.file_name(file).to_owned()))
        .collect();
    out.sort();
    out
}

fn validate_diagnostics(path: &Path) -> Vec<String> {
    let loaded = clausier_pack::load_pack(path).unwrap();
    let mut out: Vec<String> = loaded
        .diagnostics()
        .iter()
        .map(|d| {
            describe(d, |file| {
                loaded
                    .sources
                    .get(file)
                    .map(|source| source.name().to_owned())
                    .unwrap_or_default()
            })
        })
        .collect();
    out.sort();
    out
}

fn describe(d: &Diagnostic, name: impl Fn(FileId) -> String) -> String {
    let (file, span) = d
        .primary_label()
        .map(|label| (name(label.file), label.span))
        .unwrap_or_default();
    format!(
        "{file}:{}-{} {} {}: {} ({})",
        span.start,
        span.end,
        d.severity.as_str(),
        d.code.as_str(),
        d.message.text(Lang::En),
        d.help
            .as_ref()
            .map(|help| help.text(Lang::En))
            .unwrap_or_default()
    )
}

#[test]
fn the_graph_of_the_region_holds_every_pack_and_names_its_files_by_path() {
    let dir = rules_copy();
    let region = dir.path().join("rules/region-exemple");
    let analysis = open(&region);
    assert_eq!(analysis.root_pack(), "region-exemple");
    let packs: std::collections::BTreeSet<&str> = analysis
        .files()
        .filter_map(|file| analysis.file_pack(file))
        .collect();
    assert_eq!(
        packs.into_iter().collect::<Vec<_>>(),
        [
            "attribution-qualite",
            "edtech-fr",
            "region-exemple",
            "souverainete"
        ]
    );
    let hosting = canonical(&dir.path().join("rules/edtech-fr/hebergement.clause"));
    let file = analysis.file_id(&hosting).unwrap();
    assert_eq!(analysis.file_path(file), Some(hosting.as_path()));
    assert!(analysis.is_dependency_file(file));
    assert_eq!(
        analysis.file_id(
            &dir.path()
                .join("rules/region-exemple/../edtech-fr/hebergement.clause")
        ),
        Some(file),
        "a path that is not canonical finds the file too"
    );
    let manifest = analysis
        .file_id(&dir.path().join("rules/region-exemple/pack.toml"))
        .unwrap();
    assert!(analysis.other_files().any(|other| other == manifest));
    assert_eq!(analysis.file_pack(manifest), Some("region-exemple"));
    assert!(
        analysis
            .file_text(manifest)
            .unwrap()
            .contains("[params.edtech-fr]")
    );
    assert_eq!(analysis.other_files().count(), 4, "one manifest per pack");
}

/// Every parameter's pack, name, effective and declared value and where it was set, and
/// the clauses in order: what evaluation depends on.
fn compiled(pack: &clausier_check::hir::CheckedPack) -> Vec<String> {
    let params = pack.params.iter().map(|p| {
        format!(
            "param {}::{} = {:?} (declared {:?}, set at {:?})",
            p.pack,
            p.name,
            p.value,
            p.default,
            p.set_in.as_ref().map(|site| &site.location)
        )
    });
    let requirements = pack
        .requirements
        .iter()
        .map(|r| format!("requirement {}::{} {:?}", r.meta.pack, r.meta.id, r.level));
    let criteria = pack
        .criteria
        .iter()
        .map(|c| format!("criterion {}::{} {}", c.meta.pack, c.meta.id, c.weight));
    params.chain(requirements).chain(criteria).collect()
}

#[test]
fn the_diagnostics_are_those_of_validate_on_every_shipped_pack() {
    for pack in RULES {
        let path = repository().join("rules").join(pack);
        let analysis = open(&path);
        assert_eq!(
            all_diagnostics(&analysis),
            validate_diagnostics(&path),
            "{pack}"
        );
        let loaded = clausier_pack::load_pack(&path).unwrap();
        assert_eq!(
            compiled(&analysis.checked().pack),
            compiled(&loaded.checked.pack),
            "{pack}"
        );
    }
}

#[test]
fn the_diagnostics_are_those_of_validate_on_a_broken_pack() {
    let dir = rules_copy();
    let region = dir.path().join("rules/region-exemple");
    let replace = |path: &Path, from: &str, to: &str| {
        let text = fs::read_to_string(path).unwrap();
        assert!(text.contains(from), "{from}");
        fs::write(path, text.replace(from, to)).unwrap();
    };
    replace(
        &region.join("pack.toml"),
        "max_exit_notice = \"1 month\"",
        "max_exit_notice = \"1 mnth\"\nmax_exit_notise = \"2 months\"\nmax_price = \"cinq €\"",
    );
    replace(
        &region.join("consultation.clause"),
        "set edtech-fr::max_price = 5.50 €",
        "set edtech-fr::max_price = true",
    );
    replace(
        &dir.path().join("rules/edtech-fr/hebergement.clause"),
        "hosting.region",
        "hosting.regio",
    );
    let expected = validate_diagnostics(&region);
    assert!(
        expected.iter().filter(|d| d.contains(" error ")).count() >= 4,
        "{expected:#?}"
    );
    assert!(
        expected.iter().any(|d| d.contains("pack.toml:")),
        "{expected:#?}"
    );
    assert_eq!(all_diagnostics(&open(&region)), expected);
}

/// A pack whose test names a file outside the workspace: an error on the `given` path.
fn pack_with_a_test_outside() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let workspace = dir.path().join("workspace");
    fs::create_dir_all(workspace.join(".git")).unwrap();
    fs::create_dir_all(workspace.join("pack")).unwrap();
    fs::write(dir.path().join("outside.yaml"), "name: Cartable\n").unwrap();
    fs::write(
        workspace.join("pack/pack.toml"),
        "[pack]\nname = \"pack\"\nversion = \"1.0.0\"\n",
    )
    .unwrap();
    fs::write(
        workspace.join("pack/clauses.clause"),
        "descriptor {\n  name: string\n}\n\nrequirement NOM-01 \"Nom\" {\n  require name == \"Cartable\"\n}\n\ntest \"hors de l'espace\" {\n  given \"../../outside.yaml\"\n  expect eligible\n}\n",
    )
    .unwrap();
    let pack = canonical(&workspace.join("pack"));
    (dir, pack)
}

#[test]
fn a_test_file_outside_the_workspace_is_the_error_validate_shows() {
    let (_dir, pack) = pack_with_a_test_outside();
    let expected = validate_diagnostics(&pack);
    assert!(
        expected
            .iter()
            .any(|d| d.contains("clauses.clause:124-144 error E0805")),
        "{expected:#?}"
    );
    assert_eq!(all_diagnostics(&open(&pack)), expected);
}

#[test]
fn an_edit_above_a_test_moves_the_error_on_its_file_as_reading_again_does() {
    let (_dir, pack) = pack_with_a_test_outside();
    let path = pack.join("clauses.clause");
    let mut analysis = open(&pack);
    let clauses = analysis.file_id(&path).unwrap();
    let edited = format!("\n\n{}", analysis.file_text(clauses).unwrap());
    analysis.set_file_text(clauses, edited.clone());
    assert!(!analysis.graph_is_stale(), "the test names the same file");
    let read_again = open_with(&pack, &|asked| (asked == path).then(|| edited.clone()));
    let diagnostics = all_diagnostics(&analysis);
    assert!(
        diagnostics
            .iter()
            .any(|d| d.contains("clauses.clause:126-146 error E0805")),
        "{diagnostics:#?}"
    );
    assert_eq!(diagnostics, all_diagnostics(&read_again));

    analysis.set_file_text(clauses, edited.replace("../../outside", "../outside"));
    assert!(analysis.graph_is_stale(), "the test names another file");
    analysis.set_file_text(clauses, edited);
    assert!(
        !analysis.graph_is_stale(),
        "the test names the file read again"
    );
}

#[test]
fn the_overlay_takes_the_place_of_the_disk() {
    let dir = rules_copy();
    let region = dir.path().join("rules/region-exemple");
    let hosting = canonical(&dir.path().join("rules/edtech-fr/hebergement.clause"));
    let on_disk = fs::read_to_string(&hosting).unwrap();
    let edited = on_disk.replacen("hosting.region", "hosting.regio", 1);
    let overlay = |path: &Path| (path == hosting).then(|| edited.clone());
    let analysis = open_with(&region, &overlay);
    let file = analysis.file_id(&hosting).unwrap();
    assert_eq!(analysis.file_text(file), Some(edited.as_str()));
    let diagnostics = analysis.diagnostics(file);
    assert!(
        diagnostics
            .iter()
            .any(|d| d.is_error() && d.message.text(Lang::En).contains("regio")),
        "{diagnostics:#?}"
    );
    assert_eq!(fs::read_to_string(&hosting).unwrap(), on_disk);
    assert!(
        open(&region)
            .diagnostics(file)
            .iter()
            .all(|d| !d.is_error())
    );
}

#[test]
fn an_overlaid_manifest_is_read_instead_of_the_disk() {
    let dir = rules_copy();
    let region = dir.path().join("rules/region-exemple");
    let manifest = canonical(&region.join("pack.toml"));
    let text = fs::read_to_string(&manifest)
        .unwrap()
        .replace("version = \"2.0.0\"", "version = \"2.1.0\"");
    let overlay = |path: &Path| (path == manifest).then(|| text.clone());
    let sources = clausier_pack::read_workspace(&region, &overlay).unwrap();
    assert_eq!(sources.root_pack().unwrap().version, "2.1.0");
}

#[test]
fn a_stale_lock_is_a_warning_in_the_lock() {
    let dir = rules_copy();
    let region = dir.path().join("rules/region-exemple");
    fs::copy(
        repository().join("rules/region-exemple/pack.lock"),
        region.join("pack.lock"),
    )
    .unwrap();
    assert_eq!(open(&region).other_files().count(), 4, "the lock matches");
    let hosting = canonical(&dir.path().join("rules/edtech-fr/hebergement.clause"));
    let edited = format!("{}\n", fs::read_to_string(&hosting).unwrap());
    let overlay = |path: &Path| (path == hosting).then(|| edited.clone());
    let analysis = open_with(&region, &overlay);
    let lock = analysis.file_id(&region.join("pack.lock")).unwrap();
    let diagnostics = analysis.diagnostics(lock);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert!(!diagnostics[0].is_error());
    assert!(
        all_diagnostics(&analysis)
            .iter()
            .all(|d| !d.contains(" error "))
    );
}

/// The offset of the `nth` occurrence of `needle` in a file, plus `shift`.
fn offset_of(analysis: &Analysis, file: FileId, needle: &str, shift: usize) -> u32 {
    let text = analysis.file_text(file).unwrap();
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not found"));
    (at + shift) as u32
}

fn region_file(dir: &Path, pack: &str, file: &str, analysis: &Analysis) -> FileId {
    analysis
        .file_id(&dir.join("rules").join(pack).join(file))
        .unwrap()
}

#[test]
fn hover_shows_the_value_a_dependant_gives_a_parameter() {
    let dir = rules_copy();
    let analysis = open(&dir.path().join("rules/region-exemple"));
    let attribution = region_file(dir.path(), "edtech-fr", "attribution.clause", &analysis);
    let at = offset_of(&analysis, attribution, "param max_price", 7);
    let hover = analysis.hover(attribution, at, Lang::En).unwrap();
    assert!(hover.markdown.contains("5.50 €"), "{}", hover.markdown);
    assert!(hover.markdown.contains("8.00 €"), "{}", hover.markdown);
    assert!(
        hover.markdown.contains("set by `region-exemple`"),
        "{}",
        hover.markdown
    );

    let exit = region_file(dir.path(), "edtech-fr", "reversibilite.clause", &analysis);
    let at = offset_of(&analysis, exit, "param max_exit_notice", 7);
    let hover = analysis.hover(exit, at, Lang::En).unwrap();
    assert!(hover.markdown.contains("1 month"), "{}", hover.markdown);
    assert!(hover.markdown.contains("pack.toml"), "{}", hover.markdown);
}

#[test]
fn definitions_and_references_cross_packs() {
    let dir = rules_copy();
    let analysis = open(&dir.path().join("rules/region-exemple"));
    let consultation = region_file(
        dir.path(),
        "region-exemple",
        "consultation.clause",
        &analysis,
    );
    let attribution = region_file(dir.path(), "edtech-fr", "attribution.clause", &analysis);
    let at = offset_of(&analysis, consultation, "edtech-fr::max_price", 12);
    let targets = analysis.goto_definition(consultation, at);
    assert_eq!(targets.len(), 1, "{targets:#?}");
    assert_eq!(targets[0].file, attribution);
    assert_eq!(targets[0].name, "max_price");

    let references = analysis.references(consultation, at, true).unwrap();
    let files: std::collections::BTreeSet<FileId> = references.iter().map(|r| r.file).collect();
    assert!(files.contains(&consultation) && files.contains(&attribution));
}

#[test]
fn a_name_a_dependency_declares_is_not_renamed_from_its_dependant() {
    let dir = rules_copy();
    let analysis = open(&dir.path().join("rules/region-exemple"));
    let consultation = region_file(
        dir.path(),
        "region-exemple",
        "consultation.clause",
        &analysis,
    );
    let at = offset_of(&analysis, consultation, "edtech-fr::max_price", 12);
    assert_eq!(
        analysis.rename(consultation, at, "plafond"),
        Err(RenameError::DeclaredInDependency {
            name: "max_price".into(),
            pack: "edtech-fr".into()
        })
    );
}

#[test]
fn a_name_the_root_declares_is_renamed_in_the_root_only() {
    let dir = rules_copy();
    let analysis = open(&dir.path().join("rules/region-exemple"));
    let requirement = analysis
        .checked()
        .pack
        .requirements
        .iter()
        .find(|r| r.meta.pack == "region-exemple")
        .unwrap();
    let file = requirement.meta.origin.file;
    let change = analysis
        .rename(file, requirement.meta.origin.span.start, "SITE-99")
        .unwrap();
    assert!(!change.edits.is_empty());
    assert!(
        change
            .edits
            .iter()
            .all(|(file, _)| !analysis.is_dependency_file(*file))
    );
}

#[test]
fn editing_a_dependency_checks_the_graph_again() {
    let dir = rules_copy();
    let mut analysis = open(&dir.path().join("rules/region-exemple"));
    let attribution = region_file(dir.path(), "edtech-fr", "attribution.clause", &analysis);
    let text = analysis.file_text(attribution).unwrap().to_owned();
    analysis.set_file_text(
        attribution,
        text.replace("param max_price: money", "param max_price: bool"),
    );
    assert!(analysis.checked().has_errors());
    let consultation = region_file(
        dir.path(),
        "region-exemple",
        "consultation.clause",
        &analysis,
    );
    assert!(
        analysis
            .diagnostics(consultation)
            .iter()
            .any(|d| d.is_error()),
        "the `set` of the region no longer fits the parameter's type"
    );
    analysis.set_file_text(attribution, text);
    assert!(!analysis.checked().has_errors());
}

#[test]
fn editing_a_manifest_reads_its_params_again() {
    let dir = rules_copy();
    let region = dir.path().join("rules/region-exemple");
    let mut analysis = open(&region);
    let manifest = analysis.file_id(&region.join("pack.toml")).unwrap();
    let text = analysis.file_text(manifest).unwrap().to_owned();

    analysis.set_file_text(manifest, text.replace("\"1 month\"", "\"3 months\""));
    let exit = region_file(dir.path(), "edtech-fr", "reversibilite.clause", &analysis);
    let at = offset_of(&analysis, exit, "param max_exit_notice", 7);
    let hover = analysis.hover(exit, at, Lang::En).unwrap();
    assert!(hover.markdown.contains("3 months"), "{}", hover.markdown);
    assert!(
        !analysis.graph_is_stale(),
        "`[params]` are read without the graph"
    );

    analysis.set_file_text(manifest, text.replace("max_exit_notice", "max_exit_notise"));
    let diagnostics = analysis.diagnostics(manifest);
    assert!(
        diagnostics
            .iter()
            .any(|d| d.is_error() && d.message.text(Lang::En).contains("max_exit_notise")),
        "{diagnostics:#?}"
    );

    analysis.set_file_text(
        manifest,
        text.replace("[params.edtech-fr]", "[params.edtech-fr"),
    );
    let diagnostics = analysis.diagnostics(manifest);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert!(diagnostics[0].is_error());

    analysis.set_file_text(
        manifest,
        text.replace("version = \"^2.0\"", "version = \"^3.0\""),
    );
    assert!(analysis.graph_is_stale(), "a dependency changed");

    analysis.set_file_text(manifest, text);
    assert!(analysis.diagnostics(manifest).is_empty());
    assert!(!analysis.graph_is_stale());
}

#[test]
fn manifests_and_locks_are_not_formatted_as_clauses() {
    let dir = rules_copy();
    let region = dir.path().join("rules/region-exemple");
    let analysis = open(&region);
    let manifest = analysis.file_id(&region.join("pack.toml")).unwrap();
    assert!(analysis.format(manifest).unwrap().is_empty());
    assert!(analysis.hover(manifest, 3, Lang::En).is_none());
}

#[test]
fn reading_again_parses_only_the_files_whose_text_changed() {
    let dir = rules_copy();
    let region = dir.path().join("rules/region-exemple");
    let previous = open(&region);
    let edited_path = canonical(&dir.path().join("rules/edtech-fr/attribution.clause"));
    let edited = previous
        .file_text(previous.file_id(&edited_path).unwrap())
        .unwrap()
        .replace("param max_price: money", "param max_price: bool");
    let overlay = |path: &Path| (path == edited_path).then(|| edited.clone());
    let sources = clausier_pack::read_workspace(&region, &overlay).unwrap();
    let reread = Analysis::from_workspace_reusing(sources, Some(&previous));

    assert_eq!(
        all_diagnostics(&reread),
        all_diagnostics(&open_with(&region, &overlay))
    );
    assert!(reread.checked().has_errors(), "the edit is seen");
    for (before, after) in previous.files.iter().zip(&reread.files) {
        let changed = after.path.as_deref() == Some(edited_path.as_path());
        assert_eq!(
            std::sync::Arc::ptr_eq(before, after),
            !changed,
            "{}",
            after.name
        );
    }
}

#[test]
fn hover_on_a_clause_names_the_lots_it_applies_to() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = dir.path().join("workspace");
    fs::create_dir_all(workspace.join(".git")).unwrap();
    fs::create_dir_all(workspace.join("pack")).unwrap();
    fs::write(
        workspace.join("pack/pack.toml"),
        "[pack]\nname = \"pack\"\nversion = \"1.0.0\"\n\n[document]\nlots = [\n  { id = \"1\", title = \"Espace numérique de travail\" },\n  { id = \"2\", title = \"Ressources pédagogiques\" },\n]\n",
    )
    .unwrap();
    fs::write(
        workspace.join("pack/clauses.clause"),
        "descriptor {\n  sso: bool\n}\n\nrequirement ENT-01 \"SSO\" {\n  lots \"1\"\n  require sso\n}\n\nrequirement SSO-02 \"SSO partout\" {\n  require sso\n}\n",
    )
    .unwrap();
    let analysis = open(&canonical(&workspace.join("pack")));
    assert_eq!(all_diagnostics(&analysis), Vec::<String>::new());
    let file = analysis
        .file_id(&canonical(&workspace.join("pack/clauses.clause")))
        .unwrap();
    let hover = |needle: &str| {
        let at = offset_of(&analysis, file, needle, 13);
        analysis.hover(file, at, Lang::En).unwrap().markdown
    };
    let ent = hover("requirement ENT-01");
    assert!(
        ent.contains("Lots:\n- 1 — Espace numérique de travail"),
        "{ent}"
    );
    assert!(!ent.contains("Ressources"), "{ent}");
    assert!(
        hover("requirement SSO-02").contains("Applies to every lot"),
        "hover of a clause without `lots`"
    );
}

/// Each edit of a change as `file:line `old` -> new`, the file named from the pack's
/// folder.
fn describe_change(analysis: &Analysis, change: &crate::SourceChange) -> Vec<String> {
    let mut out = Vec::new();
    for (file, edits) in &change.edits {
        let path = analysis.file_path(*file).unwrap();
        let name = path.file_name().unwrap().to_string_lossy();
        let text = analysis.file_text(*file).unwrap();
        for edit in edits {
            let line = text[..edit.range.start as usize].matches('\n').count() + 1;
            let old = &text[edit.range.range()];
            out.push(format!("{name}:{line} `{old}` -> {}", edit.new_text));
        }
    }
    out
}

#[test]
fn a_name_renamed_in_its_pack_is_renamed_where_a_dependant_uses_it() {
    let dir = rules_copy();
    let national = open(&dir.path().join("rules/edtech-fr"));
    let regional = open(&dir.path().join("rules/region-exemple"));
    let requirement = national
        .checked()
        .pack
        .requirements
        .iter()
        .find(|r| r.meta.id == "HEB-01")
        .unwrap();
    let (path, offset) = national
        .rename_origin(
            requirement.meta.origin.file,
            requirement.meta.origin.span.start,
        )
        .unwrap();
    assert_eq!(path.file_name().unwrap(), "hebergement.clause");
    let change = regional
        .rename_in_dependant(&path, offset, "HEB-99")
        .unwrap();
    assert_eq!(
        describe_change(&regional, &change),
        [
            "consultation.clause:23 `HEB-01` -> HEB-99",
            "tests.clause:293 `HEB-01` -> HEB-99"
        ]
    );

    let attribution = region_file(dir.path(), "edtech-fr", "attribution.clause", &national);
    let at = offset_of(&national, attribution, "param max_price", 7);
    let (path, offset) = national.rename_origin(attribution, at).unwrap();
    let change = regional
        .rename_in_dependant(&path, offset, "plafond")
        .unwrap();
    assert_eq!(
        describe_change(&regional, &change),
        ["consultation.clause:57 `max_price` -> plafond"]
    );

    // A pack that does not read the file has nothing to rename.
    let other = open(&dir.path().join("rules/attribution-qualite"));
    assert_eq!(
        other.rename_in_dependant(&path, offset, "plafond"),
        Ok(crate::SourceChange::default())
    );

    // A name the dependant holds already is refused there.
    let own = regional
        .checked()
        .pack
        .requirements
        .iter()
        .find(|r| r.meta.pack == "region-exemple")
        .unwrap();
    let (path, offset) = national
        .rename_origin(
            requirement.meta.origin.file,
            requirement.meta.origin.span.start,
        )
        .unwrap();
    assert!(matches!(
        regional.rename_in_dependant(&path, offset, &own.meta.id),
        Err(RenameError::AlreadyUsed { .. })
    ));
}
