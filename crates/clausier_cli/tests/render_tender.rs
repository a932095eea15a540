//! `clausier render` as a buyer publishes it: the four shipped packs and a tender built on
//! a shared pack, in French and in English. The texts show the values in effect, the
//! rules and criteria are in words (never in the syntax of the clauses), and nothing
//! technical reaches the body of the document.

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "the helpers run the binary; a test that cannot must fail loudly"
)]

mod support;

use std::path::Path;

use clausier_report::pack::{Lang, value_in_words};
use support::{clausier, workspace_root};

const SHIPPED: [&str; 4] = [
    "rules/edtech-fr",
    "rules/souverainete",
    "rules/attribution-qualite",
    "rules/region-exemple",
];
const TENDER: &str = "tests/cli/packs/tender/region";

/// The Markdown `clausier render PACK --lang LANG` writes, which must succeed. Clauses
/// without a text are marked rather than refused (`--draft`) so that packs still being
/// written can be read too.
fn render(pack: &str, lang: &str) -> String {
    let output = clausier(&["render", pack, "--lang", lang, "--draft"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{pack} {lang}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// `sha256:` and 64 hex digits become `sha256:[hash]`: the hashes change with every file.
fn redact_hashes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("sha256:") {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let digits = &from["sha256:".len()..];
        let hex = digits.chars().take_while(char::is_ascii_hexdigit).count();
        if hex == 64 {
            out.push_str("sha256:[hash]");
            rest = &digits[64..];
        } else {
            out.push_str("sha256:");
            rest = digits;
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn the_shipped_packs_in_french_and_english() {
    for pack in SHIPPED {
        let name = Path::new(pack).file_name().unwrap().to_str().unwrap();
        for lang in ["fr", "en"] {
            insta::assert_snapshot!(format!("{name}_{lang}"), redact_hashes(&render(pack, lang)));
        }
    }
}

#[test]
fn a_tender_on_a_shared_pack_in_french_and_english() {
    for lang in ["fr", "en"] {
        insta::assert_snapshot!(
            format!("tender_{lang}"),
            redact_hashes(&render(TENDER, lang))
        );
    }
}

/// The places where the document would show the syntax of the clauses instead of words,
/// with the reason.
fn expression_syntax(document: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut prose = String::new();
    // Outside code: no operator of the language.
    for (index, piece) in document.split('`').enumerate() {
        if index % 2 == 0 {
            prose.push_str(piece);
            prose.push(' ');
            continue;
        }
        // Inside code: a descriptor field, a value a vendor writes, a hash; never an
        // expression.
        let is_path = piece
            .split('.')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_alphanumeric() || c == '_'));
        let is_string = piece.len() >= 2 && piece.starts_with('"') && piece.ends_with('"');
        let is_hash = piece.starts_with("sha256:") && !piece.contains(' ');
        if !(is_path || is_string || is_hash) {
            found.push(format!("code `{piece}`"));
        }
    }
    for token in [
        "==",
        "!=",
        "<=",
        ">=",
        "&&",
        "||",
        "lowest(",
        "highest(",
        "count(",
        "passed(",
        "has ",
        " then ",
        " else ",
        " implies ",
    ] {
        if prose.contains(token) {
            found.push(format!("`{token}` outside code"));
        }
    }
    // Two pieces of code joined by a bare connective read as an expression.
    for connective in ["` and `", "` or `", "` et `", "` ou `", "` in `", "` not `"] {
        if document.contains(connective) {
            found.push(format!("{connective} between code"));
        }
    }
    found
}

#[test]
fn no_rule_or_criterion_is_shown_as_an_expression() {
    for pack in SHIPPED.iter().chain([&TENDER]) {
        for lang in ["fr", "en"] {
            let document = render(pack, lang);
            let found = expression_syntax(&document);
            assert!(found.is_empty(), "{pack} {lang}: {found:?}");
        }
    }
}

#[test]
fn the_syntax_check_finds_expressions() {
    let found = expression_syntax(
        "Note = `if a then 0.4 else 0` ; `lowest(x) / x` × 40 ; `a` and `b` ; `x <= 3`",
    );
    assert_eq!(
        found,
        [
            "code `if a then 0.4 else 0`",
            "code `lowest(x) / x`",
            "code `x <= 3`",
            "` and ` between code"
        ]
    );
    assert_eq!(expression_syntax("Note = a <= b"), ["`<=` outside code"]);
}

/// The section of the document about the clause `id`: its heading to the next heading.
fn section<'a>(document: &'a str, id: &str) -> Option<&'a str> {
    let marker = format!(" {id} — ");
    let start = document.match_indices('#').map(|(at, _)| at).find(|at| {
        (*at == 0 || document[..*at].ends_with('\n'))
            && document[*at..]
                .lines()
                .next()
                .is_some_and(|line| line.contains(&marker))
    })?;
    let after_heading = start + document[start..].find('\n')?;
    let end = document[after_heading..]
        .find("\n#")
        .map_or(document.len(), |at| after_heading + at);
    Some(&document[start..end])
}

/// Every text or note that names a parameter shows its value in effect, in the document's
/// language; one that names a parameter a depending pack overrode never shows the value
/// it replaced. Returns how many (clause, parameter) pairs it checked.
fn assert_texts_show_the_values_in_effect(pack_path: &str) -> usize {
    let pack = clausier_pack::load_pack(&workspace_root().join(pack_path)).unwrap();
    assert!(!pack.has_errors(), "{pack_path}");
    let checked = &pack.checked.pack;
    let mut checked_pairs = 0;
    for (lang, code) in [(Lang::Fr, "fr"), (Lang::En, "en")] {
        let document = render(pack_path, code);
        let metas = checked
            .requirements
            .iter()
            .map(|requirement| &requirement.meta)
            .chain(checked.criteria.iter().map(|criterion| &criterion.meta));
        for meta in metas {
            let named = meta
                .text
                .iter()
                .chain(&meta.note)
                .flat_map(|text| text.params());
            for id in named {
                let param = &checked.params[id.0 as usize];
                let text = section(&document, &meta.id)
                    .unwrap_or_else(|| panic!("{pack_path}: no section for {}", meta.id))
                    .replace('\\', "");
                let value = value_in_words(&param.value, &checked.schema, lang);
                assert!(
                    text.contains(&value),
                    "{pack_path} {code}: {} names `{}` but does not show {value}:\n{text}",
                    meta.id,
                    param.name
                );
                let default = value_in_words(&param.default, &checked.schema, lang);
                if let Some(site) = &param.set_in
                    && !value.contains(&default)
                {
                    assert!(
                        !text.contains(&default),
                        "{pack_path} {code}: {} shows {default}, the value `{}` had before {} set it to {value}:\n{text}",
                        meta.id,
                        param.name,
                        site.pack
                    );
                }
                checked_pairs += 1;
            }
        }
    }
    checked_pairs
}

#[test]
fn the_region_shows_the_values_it_set_wherever_a_text_names_them() {
    assert_texts_show_the_values_in_effect("rules/region-exemple");
}

#[test]
fn a_tender_shows_the_values_it_set_and_never_the_ones_they_replace() {
    // PRX-01's text and note, RGPD-04, VIOL-01, ACC-02 (twice) and REG-01, in two
    // languages: the check above is not an empty one.
    assert_eq!(assert_texts_show_the_values_in_effect(TENDER), 14);
    let document = render(TENDER, "fr");
    let prices = section(&document, "PRX-01").unwrap();
    assert!(prices.contains("n'excède pas 4,50 € HT."), "{prices}");
    assert!(!prices.contains("8,00"), "{prices}");
    assert!(document.contains("au plus tard 15 jours après la fin du marché"));
    assert!(document.contains("dans un délai de 24 heures"));
    let english = render(TENDER, "en");
    assert!(english.contains("n'excède pas 4.50 € HT."));
    assert!(english.contains("au plus tard 15 days après"));
}

#[test]
fn nothing_technical_reaches_the_body_of_the_tender() {
    for pack in SHIPPED.iter().chain([&TENDER]) {
        let loaded = clausier_pack::load_pack(&workspace_root().join(pack)).unwrap();
        let mut packs = vec![loaded.info.name.clone()];
        packs.extend(
            loaded
                .dependencies
                .iter()
                .map(|dependency| dependency.name.clone()),
        );
        for lang in ["fr", "en"] {
            let document = render(pack, lang);
            let annex = document
                .find("## Annexe")
                .or_else(|| document.find("## Annex"))
                .unwrap();
            let body = &document[..annex];
            for technical in [".clause", "pack.toml", "sha256:", "rules/", "tests/"] {
                assert!(
                    !body.contains(technical),
                    "{pack} {lang}: `{technical}` in the body"
                );
            }
            for name in &packs {
                // A pack's name may be a common word of the text (`socle`): it must not
                // appear as a name, in code or beside a version.
                assert!(
                    !body.contains(&format!("`{name}`")) && !body.contains(&format!("{name} 1.")),
                    "{pack} {lang}: the pack `{name}` is named in the body"
                );
            }
            // Drafting notes (`///`) are never published.
            for note in ["[verify]", "Source : domaine", "Drafting note"] {
                assert!(!body.contains(note), "{pack} {lang}: `{note}` in the body");
            }
            let annex_text = &document[annex..];
            for name in &packs {
                assert!(
                    annex_text.contains(&format!("| {} |", name.replace('_', "\\_"))),
                    "{pack}: {name} not in the annex"
                );
            }
        }
    }
}

#[test]
fn the_language_of_the_document_table_is_the_default() {
    let output = clausier(&["render", "tests/cli/packs/dated"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("## Sommaire"), "{stdout}");
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("pack");
    std::fs::create_dir(&pack).unwrap();
    std::fs::write(
        pack.join("pack.toml"),
        "[pack]\nname = \"english\"\n\n[document]\ntitle = \"Digital resources\"\nlanguage = \"en\"\n",
    )
    .unwrap();
    std::fs::write(
        pack.join("rules.clause"),
        "descriptor {\n  ok: bool\n}\n\nrequirement OK-01 \"Ok\" {\n  text \"The service is ok.\"\n  require ok\n}\n",
    )
    .unwrap();
    let path = pack.to_str().unwrap();
    let english = clausier(&["render", path]);
    let text = String::from_utf8_lossy(&english.stdout);
    assert!(text.starts_with("# Digital resources\n"), "{text}");
    assert!(
        text.contains("## Article 1 — Technical specifications"),
        "{text}"
    );
    let french = clausier(&["render", path, "--lang", "fr"]);
    assert!(
        String::from_utf8_lossy(&french.stdout)
            .contains("## Article 1 — Spécifications techniques")
    );
}

#[test]
fn a_clause_without_text_is_refused_each_one_located_unless_a_draft_is_asked() {
    let refused = clausier(&["render", "tests/cli/packs/tested"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(refused.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    insta::assert_snapshot!(stderr);
    assert_eq!(stderr.matches("erreur[E0817]").count(), 5, "{stderr}");
    assert!(!stderr.contains("W0510"), "{stderr}");

    let draft = clausier(&["render", "tests/cli/packs/tested", "--draft"]);
    assert_eq!(draft.status.code(), Some(0));
    let text = String::from_utf8_lossy(&draft.stdout);
    assert_eq!(
        text.matches("**\\[Texte à rédiger\\]**").count(),
        5,
        "{text}"
    );
}

#[test]
fn a_dependency_clause_without_text_is_refused_in_its_own_file() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let write = |path: &str, text: &str| {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write(
        "socle/pack.toml",
        "[pack]\nname = \"socle\"\nversion = \"1.0.0\"\n",
    );
    write(
        "socle/socle.clause",
        "descriptor {\n  ok: bool\n}\n\nrequirement OK-01 \"Ok\" {\n  require ok\n}\n",
    );
    write(
        "region/pack.toml",
        "[pack]\nname = \"region\"\n\n[dependencies]\nsocle = { path = \"../socle\" }\n",
    );
    write("region/region.clause", "use socle\n");
    let output = clausier(&[
        "render",
        root.join("region").to_str().unwrap(),
        "--color",
        "never",
    ]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("erreur[E0817]: l'exigence `OK-01` n'a pas de `text` à publier"),
        "{stderr}"
    );
    assert!(stderr.contains("socle/socle.clause:5:13"), "{stderr}");
}
