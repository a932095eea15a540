//! The kept analysis: after each step of an editing session, the server's snapshot of a
//! pack publishes what a fresh server, given the same open documents, publishes; files
//! changed on disk are read when the client says so, and only then.

use std::collections::BTreeMap;
use std::future::Future;
use std::path::{Path, PathBuf};

use clausier_diagnostics::Lang;

use tower_lsp_server::ls_types::{self as lsp, Uri};

use super::{REQUIREMENTS, SCHEMA, uri};
use crate::convert::Encoding;
use crate::publish;
use crate::state::State;
use crate::workspace::PackKey;

const DATE: Option<jiff::civil::Date> = Some(jiff::civil::date(2026, 11, 28));

const ROOT_MANIFEST: &str = "[pack]\nname = \"marche\"\nversion = \"1.0.0\"\n\n[dependencies]\nsocle = { path = \"../socle\" }\n";
const SOCLE_MANIFEST: &str = "[pack]\nname = \"socle\"\nversion = \"1.0.0\"\n";
const OTHERS: &str =
    "requirement HÉB-02 \"Hébergement connu\" {\n  require hosting.region != OTHER\n}\n";

type Published = Vec<(String, Option<i32>, Vec<lsp::Diagnostic>)>;

/// A server's state with the documents an editor holds open, mirrored so that a fresh
/// state can be given the same ones.
struct Session {
    state: State,
    open: BTreeMap<String, (Uri, i32, String)>,
    key: PackKey,
}

impl Session {
    fn open(&mut self, path: &Path, text: &str) {
        let uri = uri(path);
        self.state.open(uri.clone(), 1, text.to_owned());
        self.open
            .insert(uri.as_str().to_owned(), (uri, 1, text.to_owned()));
    }

    fn change(&mut self, path: &Path, text: &str) {
        let uri = uri(path);
        let (_, version, held) = self.open.get_mut(uri.as_str()).unwrap();
        *version += 1;
        *held = text.to_owned();
        let keys = self
            .state
            .change(&uri, *version, |_| text.to_owned())
            .unwrap();
        assert!(keys.contains(&self.key));
    }

    fn close(&mut self, path: &Path) {
        let uri = uri(path);
        self.state.close(&uri);
        self.open.remove(uri.as_str());
    }

    async fn published(&self) -> Published {
        published(&self.state, &self.key).await
    }

    /// What a fresh server, given the same open documents, publishes for the pack.
    async fn fresh(&self) -> Published {
        let state = State::default();
        for (uri, version, text) in self.open.values() {
            state.open(uri.clone(), *version, text.clone());
        }
        published(&state, &self.key).await
    }

    async fn assert_as_fresh(&self, step: &str) -> Published {
        let kept = self.published().await;
        assert_eq!(kept, self.fresh().await, "after {step}");
        kept
    }
}

async fn published(state: &State, key: &PackKey) -> Published {
    let snapshot = state.snapshot(key, DATE).await.unwrap();
    let mut out: Published = publish::collect(&snapshot, Encoding::Utf16, Some(Lang::En))
        .into_iter()
        .map(|(uri, version, list)| (uri.as_str().to_owned(), version, list))
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn messages(published: &Published, path: &Path) -> Vec<String> {
    let uri = uri(path);
    published
        .iter()
        .filter(|(at, _, _)| at == uri.as_str())
        .flat_map(|(_, _, list)| list.iter().map(|d| d.message.clone()))
        .collect()
}

/// Two packs in one workspace: `socle` holds the schema, `marche` depends on it.
fn workspace() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let top = dir.path().canonicalize().unwrap();
    std::fs::create_dir_all(top.join(".git")).unwrap();
    let files: [(&str, &str); 5] = [
        ("socle/pack.toml", SOCLE_MANIFEST),
        ("socle/schema.clause", SCHEMA),
        ("marche/pack.toml", ROOT_MANIFEST),
        ("marche/exigences.clause", REQUIREMENTS),
        ("marche/autres.clause", OTHERS),
    ];
    for (name, text) in files {
        let path = top.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    (dir, top.join("socle"), top.join("marche"))
}

#[tokio::test]
async fn every_step_of_an_edit_publishes_what_a_fresh_server_does() {
    let (_dir, socle, marche) = workspace();
    let exigences = marche.join("exigences.clause");
    let mut session = Session {
        state: State::default(),
        open: BTreeMap::new(),
        key: PackKey::Folder(marche.clone()),
    };
    session.open(&exigences, REQUIREMENTS);
    let first = session.assert_as_fresh("opening").await;
    assert!(messages(&first, &exigences).is_empty(), "{first:#?}");

    let added = format!(
        "{REQUIREMENTS}\nrequirement HÉB-03 \"Encore\" {{\n  require hosting.region == EU\n}}\n"
    );
    session.change(&exigences, &added);
    session.assert_as_fresh("an edit").await;

    let typo = added.replace(
        "hosting.region == EU\n}\n\nrequirement",
        "hosting.regoin == EU\n}\n\nrequirement",
    );
    session.change(&exigences, &typo);
    let typed = session.assert_as_fresh("a typo").await;
    assert!(
        messages(&typed, &exigences)
            .iter()
            .any(|m| m.contains("regoin")),
        "{typed:#?}"
    );

    session.change(&exigences, &added);
    let fixed = session.assert_as_fresh("the fix").await;
    assert!(messages(&fixed, &exigences).is_empty(), "{fixed:#?}");

    let schema = socle.join("schema.clause");
    session.open(&schema, SCHEMA);
    session.change(&schema, &SCHEMA.replace("EU,", "UE,"));
    let renamed = session.assert_as_fresh("an edit of the dependency").await;
    assert!(
        !messages(&renamed, &exigences).is_empty(),
        "the root no longer finds `EU`: {renamed:#?}"
    );
    session.change(&schema, SCHEMA);
    session.assert_as_fresh("the dependency put back").await;

    // On disk, unseen: the kept analysis reads it only when the client says so.
    let autres = marche.join("autres.clause");
    std::fs::write(&autres, OTHERS.replace("OTHER", "AILLEURS")).unwrap();
    session.change(&exigences, REQUIREMENTS);
    let unseen = session.published().await;
    assert!(messages(&unseen, &autres).is_empty(), "{unseen:#?}");
    session
        .state
        .files_changed(std::slice::from_ref(&autres), false);
    let seen = session.assert_as_fresh("a watched file changed").await;
    assert!(
        messages(&seen, &autres)
            .iter()
            .any(|m| m.contains("AILLEURS")),
        "{seen:#?}"
    );

    let manifest = marche.join("pack.toml");
    session.open(&manifest, ROOT_MANIFEST);
    session.change(
        &manifest,
        &format!("{ROOT_MANIFEST}\n[params.socle]\nmax_price = \"1 EUR\"\n"),
    );
    let params = session.assert_as_fresh("a manifest change").await;
    assert!(!messages(&params, &manifest).is_empty(), "{params:#?}");

    session.change(&exigences, &typo);
    session.assert_as_fresh("an edit after the manifest").await;
    session.change(&exigences, &format!("\u{feff}{added}"));
    session
        .assert_as_fresh("a buffer with a byte-order mark")
        .await;
    session
        .state
        .files_changed(std::slice::from_ref(&exigences), false);
    session.assert_as_fresh("a save").await;
    session.close(&exigences);
    let closed = session.assert_as_fresh("closing the edited file").await;
    assert!(messages(&closed, &exigences).is_empty(), "{closed:#?}");

    session.open(&autres, OTHERS);
    std::fs::remove_file(&autres).unwrap();
    session
        .state
        .files_changed(std::slice::from_ref(&autres), true);
    let gone = session
        .assert_as_fresh("an open file deleted on disk")
        .await;
    assert!(
        !gone.iter().any(|(at, _, _)| at == uri(&autres).as_str()),
        "{gone:#?}"
    );
}

#[tokio::test]
async fn a_snapshot_abandoned_on_the_way_loses_no_change() {
    let (_dir, _socle, marche) = workspace();
    let exigences = marche.join("exigences.clause");
    let mut session = Session {
        state: State::default(),
        open: BTreeMap::new(),
        key: PackKey::Folder(marche.clone()),
    };
    session.open(&exigences, REQUIREMENTS);
    session.published().await;
    let typo = REQUIREMENTS.replace("hosting.region", "hosting.regoin");
    // A request cancelled by the client drops its future while the snapshot is built;
    // a small pack may be built before the first poll ends, so try until one is left
    // unfinished.
    let mut abandoned_once = false;
    for lines in 0..100 {
        session.change(&exigences, &format!("{typo}{}", "\n".repeat(lines)));
        let mut abandoned = std::pin::pin!(session.state.snapshot(&session.key, DATE));
        let mut context = std::task::Context::from_waker(std::task::Waker::noop());
        if abandoned.as_mut().poll(&mut context).is_pending() {
            abandoned_once = true;
            break;
        }
    }
    assert!(abandoned_once, "no build was left unfinished");
    let typed = session.assert_as_fresh("an abandoned build").await;
    assert!(
        messages(&typed, &exigences)
            .iter()
            .any(|m| m.contains("regoin")),
        "{typed:#?}"
    );
}
