//! Tests across modules: snapshots of a pack on disk with the editor's buffers, the
//! features mapped from them, the state's versions, and one session in memory.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use clausier_diagnostics::Lang;
use serde_json::{Value, json};
use tokio::io::AsyncWriteExt;
use tower_lsp_server::ls_types::{
    GotoDefinitionResponse, Position, PrepareRenameResponse, Range, TextDocumentContentChangeEvent,
    Uri,
};

use crate::convert::Encoding;
use crate::state::State;
use crate::transport::{Frame, FrameReader, frame};
use crate::workspace::{OverlayText, PackKey, Snapshot, SnapshotInput};
use crate::{navigation, publish, server};

mod incremental;

const SCHEMA: &str = "/// Où sont les données.\nenum Region { EU, OTHER }\n\ndescriptor {\n  hosting: { region: Region }\n}\n";
const REQUIREMENTS: &str =
    "requirement HÉB-01 \"Hébergement € UE\" {\n  require hosting.region == EU\n}\n";

/// A pack folder with `pack.toml` and the given files.
fn pack(files: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::write(root.join("pack.toml"), "[pack]\nname = \"essai\"\n").unwrap();
    for (name, text) in files {
        let path = root.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    (dir, root)
}

fn snapshot(root: &Path, overlay: &[(&str, &str)]) -> Snapshot {
    let overlay: HashMap<PathBuf, OverlayText> = overlay
        .iter()
        .map(|(name, text)| {
            let text = OverlayText {
                text: (*text).to_owned(),
                version: Some(7),
                uri: None,
            };
            (root.join(name), text)
        })
        .collect();
    Snapshot::build(
        SnapshotInput {
            key: PackKey::Folder(root.to_path_buf()),
            generation: 1,
            overlay,
            buffer: None,
            date: Some(jiff::civil::date(2026, 11, 28)),
        },
        None,
    )
}

fn uri(path: &Path) -> Uri {
    Uri::from_file_path(path).unwrap()
}

fn position_of(text: &str, needle: &str) -> Position {
    let offset = text.find(needle).unwrap();
    let before = &text[..offset];
    let line = before.matches('\n').count() as u32;
    let column = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    Position::new(line, column.encode_utf16().count() as u32)
}

#[test]
fn a_snapshot_reads_the_disk_under_the_editors_buffers() {
    let (_dir, root) = pack(&[
        ("schema.clause", SCHEMA),
        ("exigences.clause", REQUIREMENTS),
    ]);
    let broken = REQUIREMENTS.replace("hosting.region", "hosting.regoin");
    let snapshot = snapshot(&root, &[("exigences.clause", &broken)]);
    let published = publish::collect(&snapshot, Encoding::Utf16, Some(Lang::En));
    let by_uri: HashMap<String, (Option<i32>, Vec<String>)> = published
        .into_iter()
        .map(|(uri, version, list)| {
            let codes = list
                .iter()
                .map(|d| {
                    format!(
                        "{:?}@{}:{}",
                        d.code, d.range.start.line, d.range.start.character
                    )
                })
                .collect();
            (uri.as_str().to_owned(), (version, codes))
        })
        .collect();
    let requirements = uri(&root.join("exigences.clause"));
    let schema = uri(&root.join("schema.clause"));
    let at = position_of(&broken, "regoin");
    assert_eq!(
        by_uri[requirements.as_str()],
        (
            Some(7),
            vec![format!(
                "Some(String(\"E0201\"))@{}:{}",
                at.line, at.character
            )]
        )
    );
    assert_eq!(by_uri[schema.as_str()], (None, Vec::new()));
    assert!(by_uri.contains_key(uri(&root.join("pack.toml")).as_str()));
}

#[test]
fn a_pack_that_cannot_be_read_is_reported_on_its_manifest() {
    let (_dir, root) = pack(&[("exigences.clause", REQUIREMENTS)]);
    std::fs::write(root.join("pack.toml"), "[pack]\nname = 12\n").unwrap();
    let snapshot = snapshot(&root, &[]);
    let failure = snapshot.failure.as_ref().unwrap();
    assert_eq!(failure.uri.as_str(), uri(&root.join("pack.toml")).as_str());
    let published = publish::collect(&snapshot, Encoding::Utf16, Some(Lang::En));
    let (_, _, list) = published
        .iter()
        .find(|(uri, _, _)| uri.as_str().ends_with("pack.toml"))
        .unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].range.start.line, 1);
    // The clause files are still analysed, for hovers and completion.
    assert!(
        snapshot
            .file_by_uri(&uri(&root.join("exigences.clause")))
            .is_some()
    );
}

#[test]
fn definitions_and_renames_point_into_the_right_files() {
    let (_dir, root) = pack(&[
        ("schema.clause", SCHEMA),
        ("exigences.clause", REQUIREMENTS),
    ]);
    let snapshot = snapshot(&root, &[]);
    let requirements = snapshot
        .file_by_uri(&uri(&root.join("exigences.clause")))
        .unwrap()
        .id;
    let at = position_of(REQUIREMENTS, "region ==");
    let Some(GotoDefinitionResponse::Scalar(target)) =
        navigation::definition(&snapshot, requirements, at, Encoding::Utf16)
    else {
        panic!("one definition expected");
    };
    assert_eq!(
        target.uri.as_str(),
        uri(&root.join("schema.clause")).as_str()
    );
    assert_eq!(target.range.start, position_of(SCHEMA, "region:"));

    let Ok(Some(PrepareRenameResponse::Range(range))) =
        navigation::prepare_rename(&snapshot, requirements, at, Encoding::Utf16, Lang::En)
    else {
        panic!("the field can be renamed");
    };
    assert_eq!(range.start, at);
    let edit = navigation::rename(
        &snapshot,
        requirements,
        at,
        "zone",
        Encoding::Utf16,
        Lang::En,
    )
    .unwrap()
    .unwrap();
    let mut files: Vec<&str> = edit
        .changes
        .as_ref()
        .unwrap()
        .keys()
        .map(|uri| uri.path().as_str().rsplit('/').next().unwrap_or(""))
        .collect();
    files.sort_unstable();
    assert_eq!(files, ["exigences.clause", "schema.clause"]);

    let error = navigation::rename(
        &snapshot,
        requirements,
        at,
        "requirement",
        Encoding::Utf16,
        Lang::En,
    )
    .unwrap_err();
    assert_eq!(error.code.code(), -32803);
    assert!(error.message.contains("`requirement`"), "{}", error.message);
    // An editor in French reads why in French.
    let error = navigation::rename(
        &snapshot,
        requirements,
        at,
        "requirement",
        Encoding::Utf16,
        Lang::Fr,
    )
    .unwrap_err();
    assert_eq!(
        error.message,
        "`requirement` n'est pas un nom valide : c'est un mot-clé"
    );
    let nothing = navigation::prepare_rename(
        &snapshot,
        requirements,
        Position::new(0, 0),
        Encoding::Utf16,
        Lang::En,
    );
    assert_eq!(
        nothing.unwrap_err().message,
        "there is no name to rename here"
    );
}

#[test]
fn stale_versions_are_dropped() {
    let state = State::default();
    let a: Uri = "untitled:a.clause".parse().unwrap();
    state.open(a.clone(), 1, "v1".into());
    let set = |text: &'static str| move |_: &str| text.to_owned();
    // (version sent, whether it is taken)
    let steps = [(3, true), (2, false), (3, false), (4, true)];
    for (version, taken) in steps {
        let outcome = state.change(&a, version, set("new"));
        assert_eq!(outcome.is_some(), taken, "version {version}");
    }
    let unknown: Uri = "untitled:b.clause".parse().unwrap();
    assert!(state.change(&unknown, 9, set("x")).is_none());
}

#[test]
fn changes_apply_whole_or_by_range() {
    let change = |range: Option<(u32, u32, u32, u32)>, text: &str| TextDocumentContentChangeEvent {
        range: range.map(|(a, b, c, d)| {
            tower_lsp_server::ls_types::Range::new(Position::new(a, b), Position::new(c, d))
        }),
        range_length: None,
        text: text.to_owned(),
    };
    // `€` is one UTF-16 unit and three bytes: the range is counted in units.
    let text = server::apply_changes(
        "prix € max\n",
        vec![
            change(Some((0, 7, 0, 10)), "min"),
            change(Some((0, 0, 0, 4)), "coût"),
        ],
        Encoding::Utf16,
    );
    assert_eq!(text, "coût € min\n");
    let whole = server::apply_changes(
        "a",
        vec![change(None, "b"), change(Some((0, 1, 0, 1)), "c")],
        Encoding::Utf16,
    );
    assert_eq!(whole, "bc");
}

/// A client in memory: frames in, frames out.
struct Session {
    to_server: tokio::io::DuplexStream,
    from_server: FrameReader<tokio::io::DuplexStream>,
}

impl Session {
    fn start(shut_down: Arc<AtomicBool>) -> (Session, tokio::task::JoinHandle<()>) {
        let (client_out, server_in) = tokio::io::duplex(1 << 16);
        let (server_out, client_in) = tokio::io::duplex(1 << 16);
        let task = tokio::spawn(crate::serve(server_in, server_out, shut_down));
        let session = Session {
            to_server: client_out,
            from_server: FrameReader::new(client_in),
        };
        (session, task)
    }

    async fn send_raw(&mut self, body: &[u8]) {
        self.to_server.write_all(&frame(body)).await.unwrap();
    }

    async fn send(&mut self, message: Value) {
        self.send_raw(message.to_string().as_bytes()).await;
    }

    /// Ends the session as an editor does: `shutdown` (answered with `null`), then `exit`.
    async fn close(mut self, id: u32, task: tokio::task::JoinHandle<()>) {
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": "shutdown"}))
            .await;
        assert_eq!(self.response().await["result"], Value::Null);
        self.send(json!({"jsonrpc": "2.0", "method": "exit"})).await;
        task.await.unwrap();
    }

    /// Initializes the session, then opens `file` with `text` as an editor does.
    async fn open(&mut self, file: &Path, text: &str) {
        self.send(json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}))
            .await;
        self.response().await;
        self.send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
            .await;
        let document = json!({"uri": uri(file).as_str(), "languageId": "clausier", "version": 1, "text": text});
        self.send(json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": document}}))
            .await;
    }

    /// The next message that is not a notification.
    async fn response(&mut self) -> Value {
        loop {
            let Frame::Body(body) = self.from_server.next().await.unwrap() else {
                panic!("the server stopped");
            };
            let message: Value = serde_json::from_slice(&body).unwrap();
            if message.get("method").is_none() {
                return message;
            }
        }
    }
}

#[tokio::test]
async fn a_session_survives_malformed_frames_and_ends_cleanly() {
    let shut_down = Arc::new(AtomicBool::new(false));
    let (mut session, task) = Session::start(shut_down.clone());
    session
        .send(json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}))
        .await;
    let init = session.response().await;
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-16");

    // (what is sent, the error code answered)
    let malformed: [(&[u8], i64); 3] = [
        (b"{\"jsonrpc\": \"2.0\", \"id\": 2, \"method\":", -32700),
        (
            b"{\"jsonrpc\": \"1.0\", \"id\": 3, \"method\": \"shutdown\"}",
            -32600,
        ),
        (
            b"{\"jsonrpc\": \"2.0\", \"id\": 4, \"method\": \"clausier/none\"}",
            -32601,
        ),
    ];
    for (body, code) in malformed {
        session.send_raw(body).await;
        assert_eq!(session.response().await["error"]["code"], code);
    }

    session.close(5, task).await;
    assert!(shut_down.load(Ordering::SeqCst));
}

#[test]
fn the_check_lens_counts_the_declared_descriptors() {
    let (_dir, root) = pack(&[
        ("schema.clause", SCHEMA),
        ("exigences.clause", REQUIREMENTS),
        ("descriptors/ok.json", r#"{"hosting": {"region": "EU"}}"#),
        ("descriptors/ko.yaml", "hosting:\n  region: OTHER\n"),
        ("descriptors/vide.json", "{}"),
    ]);
    let snapshot = snapshot(&root, &[]);
    let file = snapshot
        .file_by_uri(&uri(&root.join("exigences.clause")))
        .unwrap()
        .id;
    let lenses = crate::lens::code_lenses(&snapshot, file, Encoding::Utf16, Lang::En).unwrap();
    let titles: Vec<(Position, String)> = lenses
        .iter()
        .map(|lens| {
            (
                lens.range.start,
                lens.command.as_ref().unwrap().title.clone(),
            )
        })
        .collect();
    assert_eq!(
        titles,
        [(
            position_of(REQUIREMENTS, "HÉB-01"),
            "✓ 1 pass · ✗ 1 fail · ? 1 missing".to_owned()
        )]
    );
    let hover = crate::hover::hover(
        &snapshot,
        file,
        position_of(REQUIREMENTS, "HÉB-01"),
        Encoding::Utf16,
        Lang::En,
    )
    .unwrap();
    let tower_lsp_server::ls_types::HoverContents::Markup(markup) = hover.contents else {
        panic!("Markdown expected");
    };
    assert!(markup.value.contains("Fail:\n- `ko`"), "{}", markup.value);
    assert!(
        markup.value.contains("Missing data:\n- `vide`"),
        "{}",
        markup.value
    );

    // The same lens and hover for an editor in French.
    let lenses = crate::lens::code_lenses(&snapshot, file, Encoding::Utf16, Lang::Fr).unwrap();
    let title = lenses[0].command.as_ref().unwrap().title.clone();
    assert_eq!(
        title,
        "✓ 1 satisfaite · ✗ 1 non satisfaite · ? 1 incomplète"
    );
    let hover = crate::hover::hover(
        &snapshot,
        file,
        position_of(REQUIREMENTS, "HÉB-01"),
        Encoding::Utf16,
        Lang::Fr,
    )
    .unwrap();
    let tower_lsp_server::ls_types::HoverContents::Markup(markup) = hover.contents else {
        panic!("Markdown expected");
    };
    assert!(
        markup.value.contains("face aux descripteurs déclarés"),
        "{}",
        markup.value
    );
    assert!(
        markup.value.contains("Non satisfaite :\n- `ko`"),
        "{}",
        markup.value
    );
    assert!(
        markup.value.contains("Données manquantes :\n- `vide`"),
        "{}",
        markup.value
    );
}

#[test]
fn the_lens_command_leads_to_the_descriptors_that_fail() {
    let (_dir, root) = pack(&[
        ("schema.clause", SCHEMA),
        ("exigences.clause", REQUIREMENTS),
        ("descriptors/ok.json", r#"{"hosting": {"region": "EU"}}"#),
        ("descriptors/ko.yaml", "hosting:\n  region: OTHER\n"),
        ("descriptors/vide.json", "{}"),
    ]);
    let snapshot = snapshot(&root, &[]);
    let clauses = uri(&root.join("exigences.clause"));
    let file = snapshot.file_by_uri(&clauses).unwrap().id;
    let lenses = crate::lens::code_lenses(&snapshot, file, Encoding::Utf16, Lang::En).unwrap();
    let command = lenses[0].command.clone().unwrap();
    assert_eq!(command.command, "clausier.showFailingVendors");
    let at = position_of(REQUIREMENTS, "HÉB-01");
    assert_eq!(
        command.arguments.unwrap(),
        [
            json!(clauses.as_str()),
            json!({ "line": at.line, "character": at.character }),
            json!("HÉB-01"),
        ]
    );

    // The failing offer on the line of its value, the one lacking data on its first.
    let locations = crate::lens::failing_vendors(&snapshot, file, "HÉB-01", Encoding::Utf16);
    let found: Vec<(String, Position)> = locations
        .iter()
        .map(|location| (location.uri.as_str().to_owned(), location.range.start))
        .collect();
    assert_eq!(
        found,
        [
            (
                uri(&root.join("descriptors/ko.yaml")).as_str().to_owned(),
                Position::new(1, 10)
            ),
            (
                uri(&root.join("descriptors/vide.json")).as_str().to_owned(),
                Position::new(0, 0)
            ),
        ]
    );
    assert!(crate::lens::failing_vendors(&snapshot, file, "AUTRE-01", Encoding::Utf16).is_empty());

    // The hover names them by their path in the pack, as links to their line.
    let hover = crate::hover::hover(&snapshot, file, at, Encoding::Utf16, Lang::En).unwrap();
    let tower_lsp_server::ls_types::HoverContents::Markup(markup) = hover.contents else {
        panic!("Markdown expected");
    };
    let ko = uri(&root.join("descriptors/ko.yaml"));
    let link = format!("[descriptors/ko.yaml:2]({}#L2)", ko.as_str());
    assert!(markup.value.contains(&link), "{}", markup.value);
    assert!(
        !markup.value.contains(&format!("({})", root.display())),
        "{}",
        markup.value
    );
}

#[test]
fn a_lens_that_nothing_fails_keeps_its_command() {
    let (_dir, root) = pack(&[
        ("schema.clause", SCHEMA),
        ("exigences.clause", REQUIREMENTS),
        ("descriptors/ok.json", r#"{"hosting": {"region": "EU"}}"#),
    ]);
    let snapshot = snapshot(&root, &[]);
    let file = snapshot
        .file_by_uri(&uri(&root.join("exigences.clause")))
        .unwrap()
        .id;
    let lenses = crate::lens::code_lenses(&snapshot, file, Encoding::Utf16, Lang::En).unwrap();
    let command = lenses[0].command.clone().unwrap();
    assert_eq!(command.title, "✓ 1 pass · ✗ 0 fail · ? 0 missing");
    assert_eq!(command.command, "clausier.showFailingVendors");
    assert!(crate::lens::failing_vendors(&snapshot, file, "HÉB-01", Encoding::Utf16).is_empty());
}

#[test]
fn the_preview_keeps_the_last_tender_while_the_pack_has_errors() {
    let (_dir, root) = pack(&[
        ("schema.clause", SCHEMA),
        ("exigences.clause", REQUIREMENTS),
    ]);
    let key = PackKey::Folder(root.clone());
    let previews = crate::commands::Previews::default();
    let answer = previews.answer(&key, &snapshot(&root, &[]), Lang::Fr);
    assert_eq!(answer["title"], "essai");
    assert_eq!(answer["errors"], json!([]));
    let html = answer["html"].as_str().unwrap().to_owned();
    assert!(html.contains("Hébergement € UE"), "{html}");
    assert!(answer["markdown"].as_str().unwrap().contains("HÉB-01"));

    let broken = REQUIREMENTS.replace("== EU", "== ");
    let answer = previews.answer(
        &key,
        &snapshot(&root, &[("exigences.clause", &broken)]),
        Lang::Fr,
    );
    assert_eq!(answer["html"], json!(html));
    let errors = answer["errors"].as_array().unwrap();
    assert!(!errors.is_empty());
    assert!(
        errors[0]
            .as_str()
            .unwrap()
            .starts_with("exigences.clause:2: "),
        "{errors:?}"
    );

    // Another pack has no earlier tender to show.
    let other = PackKey::Folder(root.join("ailleurs"));
    let answer = previews.answer(
        &other,
        &snapshot(&root, &[("exigences.clause", &broken)]),
        Lang::Fr,
    );
    assert_eq!(answer["html"], Value::Null);
    assert_eq!(answer["markdown"], Value::Null);
}

#[test]
fn an_open_descriptor_gets_the_diagnostics_of_check_with_code_and_range() {
    let text = "{\n  \"hosting\": { \"region\": \"EUU\" }\n}\n";
    let (_dir, root) = pack(&[
        ("schema.clause", SCHEMA),
        ("exigences.clause", REQUIREMENTS),
        ("descriptors/offre.json", "{}"),
    ]);
    let snapshot = snapshot(&root, &[("descriptors/offre.json", text)]);
    let published = publish::collect(&snapshot, Encoding::Utf16, Some(Lang::En));
    let offer = uri(&root.join("descriptors/offre.json"));
    let (_, version, diagnostics) = published
        .iter()
        .find(|(uri, _, _)| *uri == offer)
        .expect("the open descriptor's diagnostics");
    assert_eq!(*version, Some(7));
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    let diagnostic = &diagnostics[0];
    assert_eq!(
        diagnostic.code,
        Some(tower_lsp_server::ls_types::NumberOrString::String(
            "D0603".into()
        ))
    );
    let start = position_of(text, "\"EUU\"");
    assert_eq!(diagnostic.range.start, start);
    assert_eq!(
        diagnostic.range.end,
        Position::new(start.line, start.character + 5)
    );
    assert_eq!(
        diagnostic.message,
        "unknown `Region` value `EUU`: at `hosting.region`\nhelp: did you mean `EU`? `Region` is one of `EU`, `OTHER`"
    );
    assert_eq!(
        diagnostic.data.as_ref().unwrap()["explain"],
        "clausier explain D0603"
    );
}

#[test]
fn a_declared_descriptor_that_cannot_be_read_shows_why_on_its_file() {
    let (_dir, root) = pack(&[
        ("schema.clause", SCHEMA),
        ("exigences.clause", REQUIREMENTS),
        ("descriptors/ok.json", r#"{"hosting": {"region": "EU"}}"#),
    ]);
    std::fs::write(
        root.join("descriptors/undecodable.json"),
        b"{\"id\": \"caf\x81\"}",
    )
    .unwrap();
    let snapshot = snapshot(&root, &[]);
    assert_eq!(snapshot.lens().descriptors, 2);
    assert_eq!(snapshot.lens().invalid.len(), 1);
    let published = publish::collect(&snapshot, Encoding::Utf16, Some(Lang::En));
    let undecodable = uri(&root.join("descriptors/undecodable.json"));
    let (_, version, diagnostics) = published
        .iter()
        .find(|(uri, _, _)| *uri == undecodable)
        .expect("the unreadable descriptor's diagnostics");
    assert_eq!(*version, None);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert_eq!(
        diagnostics[0].code,
        Some(tower_lsp_server::ls_types::NumberOrString::String(
            "D0607".into()
        ))
    );
    assert_eq!(
        diagnostics[0].message,
        "`descriptors/undecodable.json` is neither UTF-8 nor Windows-1252: byte 0x81 is no \
         character\nhelp: save the file as UTF-8 (in Excel, « CSV UTF-8 (délimité par des \
         virgules) »)"
    );
    let ok = uri(&root.join("descriptors/ok.json"));
    assert!(published.iter().all(|(uri, _, _)| *uri != ok));
}

#[test]
fn the_lens_checks_at_the_deadline_for_offers_unless_the_editor_gives_a_date() {
    let (_dir, root) = pack(&[
        ("schema.clause", "descriptor {\n  audit: date\n}\n"),
        (
            "exigences.clause",
            "requirement AUD-01 \"Audit récent\" {\n  require audit >= today - 1 year\n}\n",
        ),
        ("descriptors/audit.json", r#"{"audit": "2026-06-01"}"#),
    ]);
    std::fs::write(
        root.join("pack.toml"),
        "[pack]\nname = \"essai\"\n\n[document]\ndeadline = 2027-03-15\n",
    )
    .unwrap();
    let at = |date: Option<jiff::civil::Date>| {
        Snapshot::build(
            SnapshotInput {
                key: PackKey::Folder(root.clone()),
                generation: 1,
                overlay: HashMap::new(),
                buffer: None,
                date,
            },
            None,
        )
    };
    let lens_title = |snapshot: &Snapshot| {
        let file = snapshot
            .file_by_uri(&uri(&root.join("exigences.clause")))
            .unwrap()
            .id;
        let lenses = crate::lens::code_lenses(snapshot, file, Encoding::Utf16, Lang::En).unwrap();
        lenses[0].command.as_ref().unwrap().title.clone()
    };
    let at_deadline = at(None);
    assert_eq!(at_deadline.date, jiff::civil::date(2027, 3, 15));
    assert_eq!(
        lens_title(&at_deadline),
        "✓ 1 pass · ✗ 0 fail · ? 0 missing"
    );
    let given = at(Some(jiff::civil::date(2027, 9, 1)));
    assert_eq!(given.date, jiff::civil::date(2027, 9, 1));
    assert_eq!(lens_title(&given), "✓ 0 pass · ✗ 1 fail · ? 0 missing");
}

#[test]
fn formatting_and_workspace_symbols_map_to_the_files() {
    let messy = "param   prix:money=6 €\n";
    let (_dir, root) = pack(&[("schema.clause", SCHEMA), ("prix.clause", messy)]);
    let clean = snapshot(&root, &[]);
    let file = clean
        .file_by_uri(&uri(&root.join("prix.clause")))
        .unwrap()
        .id;
    let edits = crate::formatting::format(&clean, file, Encoding::Utf16, Lang::En)
        .unwrap()
        .unwrap();
    assert_eq!(edits.len(), 1);
    assert_eq!(edits[0].new_text, "param prix: money = 6 €\n");
    assert_eq!(edits[0].range.end, Position::new(1, 0));

    let broken = snapshot(&root, &[("prix.clause", "param prix: = \n")]);
    let file = broken
        .file_by_uri(&uri(&root.join("prix.clause")))
        .unwrap()
        .id;
    let refusal = |lang| crate::formatting::format(&broken, file, Encoding::Utf16, lang);
    assert_eq!(
        refusal(Lang::En).unwrap_err().message,
        "cannot format this file: it has a syntax error at line 1, column 13: \
         expected a type, found `=`"
    );
    assert_eq!(
        refusal(Lang::Fr).unwrap_err().message,
        "impossible de mettre en forme ce fichier : il a une erreur de syntaxe ligne 1, \
         colonne 13 : on attendait un type, et non `=`"
    );
    let whole_file = Range::new(Position::new(0, 0), Position::new(1, 0));
    let range_refusal =
        crate::formatting::format_range(&broken, file, whole_file, Encoding::Utf16, Lang::En);
    assert!(
        range_refusal
            .unwrap_err()
            .message
            .starts_with("cannot format this file: it has a syntax error at line 1")
    );

    let symbols = crate::symbols::workspace_symbols(&clean, "prix", Encoding::Utf16);
    assert_eq!(symbols.len(), 1);
    assert_eq!(
        symbols[0].location.uri.as_str(),
        uri(&root.join("prix.clause")).as_str()
    );
}

/// A chain of a hundred thousand operands is flat, not nested: the document has no error,
/// and hover, completion and formatting answer on it.
#[tokio::test]
async fn a_hundred_thousand_operand_chain_is_answered_like_any_clause() {
    let (_dir, root) = pack(&[("schema.clause", SCHEMA)]);
    let chain = vec!["hosting.region == EU"; 100_000].join(" and ");
    let text = format!("{REQUIREMENTS}requirement LONGUE \"longue\" {{\n  require {chain}\n}}\n");
    let file = root.join("longue.clause");
    std::fs::write(&file, &text).unwrap();
    let shut_down = Arc::new(AtomicBool::new(false));
    let (mut session, task) = Session::start(shut_down);
    let at_chain = position_of(&text, "hosting.region == EU and");
    let exchange = async {
        session.open(&file, &text).await;
        let target = json!({"uri": uri(&file).as_str()});
        session
            .send(
                json!({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {
                    "textDocument": target, "position": at_chain,
                }}),
            )
            .await;
        session
            .send(
                json!({"jsonrpc": "2.0", "id": 3, "method": "textDocument/completion", "params": {
                    "textDocument": target, "position": at_chain,
                }}),
            )
            .await;
        session
            .send(
                json!({"jsonrpc": "2.0", "id": 4, "method": "textDocument/formatting", "params": {
                    "textDocument": target, "options": {"tabSize": 2, "insertSpaces": true},
                }}),
            )
            .await;
        let mut diagnostics = None;
        let mut answers: Vec<Option<Value>> = vec![None; 3];
        while diagnostics.is_none() || answers.iter().any(Option::is_none) {
            let Frame::Body(body) = session.from_server.next().await.unwrap() else {
                panic!("the server stopped");
            };
            let message: Value = serde_json::from_slice(&body).unwrap();
            if message["method"] == "textDocument/publishDiagnostics"
                && message["params"]["uri"] == uri(&file).as_str()
            {
                diagnostics = Some(message["params"]["diagnostics"].clone());
            } else if let Some(id) = message["id"].as_u64().filter(|id| (2..=4).contains(id)) {
                answers[id as usize - 2] = Some(message);
            }
        }
        (diagnostics, answers)
    };
    let (diagnostics, answers) =
        tokio::time::timeout(std::time::Duration::from_secs(120), exchange)
            .await
            .unwrap();
    assert_eq!(diagnostics, Some(json!([])));
    let [hover, completion, formatting] = [&answers[0], &answers[1], &answers[2]]
        .map(|answer| answer.as_ref().unwrap()["result"].clone());
    assert!(
        hover["contents"]["value"]
            .as_str()
            .is_some_and(|text| text.contains("hosting")),
        "{hover}"
    );
    let items = completion.get("items").unwrap_or(&completion);
    assert!(
        items
            .as_array()
            .is_some_and(|items| items.iter().any(|item| item["label"] == "hosting")),
        "{completion}"
    );
    let edits = formatting.as_array().unwrap();
    let formatted: String = edits
        .iter()
        .map(|edit| edit["newText"].as_str().unwrap())
        .collect();
    assert_eq!(
        formatted.matches("and hosting.region == EU").count(),
        99_999
    );
    session.close(5, task).await;
}

/// A document nested a million levels deep gets its one error, and the server still
/// answers what follows.
#[tokio::test]
async fn a_million_levels_of_nesting_leave_the_server_answering() {
    let (_dir, root) = pack(&[("schema.clause", SCHEMA)]);
    let deep = format!(
        "{REQUIREMENTS}requirement PROFOND \"profond\" {{\n  require {}hosting.region == EU\n}}\n",
        "- ".repeat(1_000_000)
    );
    let file = root.join("profond.clause");
    std::fs::write(&file, &deep).unwrap();
    let shut_down = Arc::new(AtomicBool::new(false));
    let (mut session, task) = Session::start(shut_down);
    let exchange = async {
        session.open(&file, &deep).await;
        session
            .send(
                json!({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {
                    "textDocument": {"uri": uri(&file).as_str()},
                    "position": position_of(&deep, "HÉB-01"),
                }}),
            )
            .await;
        let mut codes = Vec::new();
        let mut hover = None;
        while hover.is_none() || codes.is_empty() {
            let Frame::Body(body) = session.from_server.next().await.unwrap() else {
                panic!("the server stopped");
            };
            let message: Value = serde_json::from_slice(&body).unwrap();
            if message["method"] == "textDocument/publishDiagnostics"
                && message["params"]["uri"] == uri(&file).as_str()
            {
                codes = message["params"]["diagnostics"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|diagnostic| diagnostic["code"].as_str().unwrap().to_owned())
                    .collect();
            } else if message["id"] == 2 {
                hover = Some(message);
            }
        }
        (codes, hover)
    };
    let (codes, hover) = tokio::time::timeout(std::time::Duration::from_secs(120), exchange)
        .await
        .unwrap();
    assert_eq!(codes, ["E0105"]);
    let hover = hover.unwrap();
    assert!(
        hover["result"]["contents"]["value"]
            .as_str()
            .is_some_and(|text| text.contains("HÉB-01")),
        "{hover}"
    );
    session.close(3, task).await;
}
