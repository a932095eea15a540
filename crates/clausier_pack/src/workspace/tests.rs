use std::fs;
use std::path::Path;

use super::*;

fn write(root: &Path, relative: &str, text: &str) {
    let path = root.join(relative);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

const BASE: &str = "descriptor { price: money }\n\nparam max_price: money = 6.00 €\n\nrequirement PRX-01 \"Prix\" {\n  require price <= max_price\n}\n";

/// `rules/base` and `rules/region`, which depends on it.
fn two_packs() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    write(
        &rules,
        "base/pack.toml",
        "[pack]\nname = \"base\"\nversion = \"1.0.0\"\n",
    );
    write(&rules, "base/prix.clause", BASE);
    write(
        &rules,
        "region/pack.toml",
        "[pack]\nname = \"region\"\nversion = \"1.0.0\"\n\n[dependencies]\nbase = { path = \"../base\", version = \"^1.0\" }\n\n[params.base]\nmax_price = \"5.50 €\"\n",
    );
    write(&rules, "region/consultation.clause", "use base::{PRX-01}\n");
    dir
}

#[test]
fn every_pack_of_the_graph_is_read_with_canonical_paths() {
    let dir = two_packs();
    let region = dir.path().join("rules/region");
    let sources = read_workspace(&region, &|_| None).unwrap();
    assert_eq!(sources.root, region);
    let names: Vec<&str> = sources.packs.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["base", "region"]);
    let root = sources.root_pack().unwrap();
    assert_eq!(root.dependencies, [("base".to_owned(), 0)]);
    let base = &sources.packs[0];
    let prix = dir
        .path()
        .join("rules/base/prix.clause")
        .canonicalize()
        .unwrap();
    assert_eq!(base.files[0].path, prix);
    assert_eq!(base.files[0].text, BASE);
    assert!(base.files[0].name.ends_with("rules/base/prix.clause"));
    let manifest = root.manifest.as_ref().unwrap();
    assert_eq!(
        manifest.path,
        region.join("pack.toml").canonicalize().unwrap()
    );
    assert_eq!(manifest.manifest.params.len(), 1);
    assert!(sources.lock_warning.is_none());
}

#[test]
fn the_overlay_takes_precedence_over_the_disk() {
    let dir = two_packs();
    let region = dir.path().join("rules/region");
    let prix = dir
        .path()
        .join("rules/base/prix.clause")
        .canonicalize()
        .unwrap();
    let manifest = region.join("pack.toml").canonicalize().unwrap();
    let edited = BASE.replace("6.00 €", "7.00 €");
    let overlay = |path: &Path| {
        if path == prix {
            Some(edited.clone())
        } else if path == manifest {
            Some("[pack]\nname = \"region\"\nversion = \"2.0.0\"\n\n[dependencies]\nbase = { path = \"../base\" }\n".to_owned())
        } else {
            None
        }
    };
    let sources = read_workspace(&region, &overlay).unwrap();
    assert_eq!(sources.packs[0].files[0].text, edited);
    let root = sources.root_pack().unwrap();
    assert_eq!(root.version, "2.0.0");
    assert!(root.manifest.as_ref().unwrap().manifest.params.is_empty());
    assert_eq!(fs::read_to_string(&prix).unwrap(), BASE);
}

#[test]
fn a_stale_lock_is_a_warning_not_an_error() {
    let dir = two_packs();
    let region = dir.path().join("rules/region");
    crate::lock_pack(&region, false).unwrap();
    assert!(
        read_workspace(&region, &|_| None)
            .unwrap()
            .lock_warning
            .is_none()
    );
    write(
        dir.path(),
        "rules/base/prix.clause",
        &BASE.replace("6.00", "6.50"),
    );
    assert!(crate::load_pack(&region).is_err());
    let warning = read_workspace(&region, &|_| None)
        .unwrap()
        .lock_warning
        .unwrap();
    assert_eq!(warning.code, Code::LOCK_MISMATCH);
    assert!(warning.name.ends_with("pack.lock"));
    assert!(warning.text.contains("base"));
    assert!(warning.span.is_some());
}

#[test]
fn a_broken_dependency_is_an_error() {
    let dir = two_packs();
    write(
        dir.path(),
        "rules/base/pack.toml",
        "[pack]\nname = \"autre\"\n",
    );
    let error = read_workspace(&dir.path().join("rules/region"), &|_| None).unwrap_err();
    assert_eq!(error.code(), Code::DEPENDENCY_NOT_FOUND);
}

#[test]
fn one_file_is_read_again_under_the_rules_of_the_whole_read() {
    let dir = two_packs();
    fs::create_dir_all(dir.path().join("rules/.git")).unwrap();
    let region = dir.path().join("rules/region");
    let base = dir.path().join("rules/base/prix.clause");
    fs::write(&base, format!("\u{feff}{BASE}")).unwrap();
    assert_eq!(read_workspace_file(&region, &base).unwrap(), BASE);

    let outside = dir.path().join("dehors.clause");
    fs::write(&outside, BASE).unwrap();
    let error = read_workspace_file(&region, &outside).unwrap_err();
    assert!(
        matches!(error, PackError::FileOutsideWorkspace { .. }),
        "{error:?}"
    );
    let missing = read_workspace_file(&region, &region.join("absent.clause")).unwrap_err();
    assert!(matches!(missing, PackError::Io { .. }), "{missing:?}");
}
