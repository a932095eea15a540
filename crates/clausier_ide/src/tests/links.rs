use std::fmt::Write as _;
use std::fs;

use insta::assert_snapshot;

use super::Fixture;
use super::workspace::open;
use crate::{FileId, LinkTarget};

const PACK: &str = r#"descriptor {
  hosting: { region: string }
}

/// Voir https://cyber.gouv.fr/secnumcloud.
requirement HEB-01 "Hébergement" {
  text "Hébergé dans l'UE (https://example.test/doctrine)."
  ref "Doctrine « cloud au centre », https://www.numerique.gouv.fr/cloud"
  require hosting.region == "EU"
}

test "conforme" {
  given "offres/conforme.json"
  expect HEB-01 pass
}

test "absente" {
  given "offres/absente.json"
  expect HEB-01 fail
}
"#;

#[test]
fn test_files_the_pack_read_and_web_addresses_are_links() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("pack.toml"),
        "[pack]\nname = \"liens\"\nversion = \"1.0.0\"\n",
    )
    .unwrap();
    fs::write(dir.path().join("main.clause"), PACK).unwrap();
    fs::create_dir(dir.path().join("offres")).unwrap();
    fs::write(
        dir.path().join("offres/conforme.json"),
        r#"{"hosting": {"region": "EU"}}"#,
    )
    .unwrap();
    let analysis = open(dir.path());
    let file = analysis
        .file_id(&dir.path().canonicalize().unwrap().join("main.clause"))
        .unwrap();
    let text = analysis.file_text(file).unwrap();
    let mut out = String::new();
    for link in analysis.document_links(file) {
        let target = match link.target {
            LinkTarget::File(path) => {
                let folder = dir.path().canonicalize().unwrap();
                format!("file {}", path.strip_prefix(&folder).unwrap().display())
            }
            LinkTarget::Url(url) => format!("url {url}"),
        };
        let _ = writeln!(out, "`{}` -> {target}", &text[link.span.range()]);
    }
    // The missing `offres/absente.json` is not a link: the pack reports it.
    assert_snapshot!(out, @r"
    `https://cyber.gouv.fr/secnumcloud` -> url https://cyber.gouv.fr/secnumcloud
    `https://example.test/doctrine` -> url https://example.test/doctrine
    `https://www.numerique.gouv.fr/cloud` -> url https://www.numerique.gouv.fr/cloud
    `offres/conforme.json` -> file offres/conforme.json
    ");
}

#[test]
fn a_file_without_a_folder_has_only_its_addresses() {
    let fixture = Fixture::parse(
        "// https://example.test/a\ntest \"t\" {\n  given \"offre.json\"\n  expect X pass\n}\n",
    );
    let links = fixture.analysis.document_links(FileId(0));
    assert_eq!(links.len(), 1);
    assert_eq!(
        links[0].target,
        LinkTarget::Url("https://example.test/a".into())
    );
    assert!(fixture.analysis.document_links(FileId(99)).is_empty());
}
