//! `cargo bench -p clausier_benches --bench lsp`: the language server as an editor sees
//! it, on a pack of 5,000 lines written to disk: the time from a `didChange` to the
//! `publishDiagnostics` for that version, and from a completion request after `hosting.`
//! to its answer. The client speaks JSON-RPC to `clausier_lsp::serve` over in-memory
//! pipes, as an editor does over standard input and output.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use clausier_benches::large_pack::large_pack;
use clausier_benches::workspace_root;
use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream};

const PACK_LINES: usize = 5_000;

struct Client {
    to_server: DuplexStream,
    from_server: BufReader<DuplexStream>,
    next_id: i64,
}

impl Client {
    async fn send(&mut self, message: Value) {
        let body = message.to_string();
        let frame = format!("Content-Length: {}\r\n\r\n{body}", body.len());
        self.to_server.write_all(frame.as_bytes()).await.unwrap();
    }

    async fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
            .await;
        self.until(|message| message["id"] == id && message.get("method").is_none())
            .await
    }

    async fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}))
            .await;
    }

    /// Reads messages until one matches, answering the server's own requests.
    async fn until(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        loop {
            let message = self.read().await;
            if wanted(&message) {
                return message;
            }
            if message.get("method").is_some() && message.get("id").is_some() {
                let id = message["id"].clone();
                self.send(json!({"jsonrpc": "2.0", "id": id, "result": null}))
                    .await;
            }
        }
    }

    async fn read(&mut self) -> Value {
        let mut length = 0;
        loop {
            let mut line = String::new();
            self.from_server.read_line(&mut line).await.unwrap();
            assert!(!line.is_empty(), "the server closed its output");
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(value) = line.strip_prefix("Content-Length:") {
                length = value.trim().parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        self.from_server.read_exact(&mut body).await.unwrap();
        serde_json::from_slice(&body).unwrap()
    }
}

fn benches(c: &mut Criterion) {
    let files = large_pack(&workspace_root().join("rules/edtech-fr"), PACK_LINES).expect("pack");
    let lines: usize = files.iter().map(|(_, text)| text.lines().count()).sum();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("pack.toml"),
        "[pack]\nname = \"grand-marche\"\nversion = \"1.0.0\"\n",
    )
    .unwrap();
    for (name, text) in &files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let (name, original) = files
        .iter()
        .find(|(name, _)| name.starts_with("hebergement-"))
        .expect("a copy of hebergement.clause");
    let path = dir.path().canonicalize().unwrap().join(name);
    let uri = format!("file://{}", path.display());
    let typing = original.replacen("hosting.region", "hosting.regio", 1);
    let with_dot = original.replacen("hosting.region", "hosting.", 1);
    let dot = with_dot.find("hosting.").unwrap() + "hosting.".len();
    let line = with_dot[..dot].matches('\n').count();
    let character = dot - with_dot[..dot].rfind('\n').map_or(0, |n| n + 1);

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let (client_out, server_in) = tokio::io::duplex(1 << 20);
    let (server_out, client_in) = tokio::io::duplex(1 << 20);
    let mut client = Client {
        to_server: client_out,
        from_server: BufReader::new(client_in),
        next_id: 0,
    };
    let server = runtime.spawn(clausier_lsp::serve(
        server_in,
        server_out,
        Arc::new(AtomicBool::new(false)),
    ));
    let root_uri = format!("file://{}", dir.path().canonicalize().unwrap().display());
    runtime.block_on(async {
        client
            .request(
                "initialize",
                json!({"processId": null, "rootUri": root_uri, "capabilities": {}}),
            )
            .await;
        client.notify("initialized", json!({})).await;
        client
            .notify(
                "textDocument/didOpen",
                json!({"textDocument": {"uri": uri, "languageId": "clausier", "version": 1, "text": original}}),
            )
            .await;
        let uri = uri.clone();
        client
            .until(move |m| {
                m["method"] == "textDocument/publishDiagnostics"
                    && m["params"]["uri"] == uri.as_str()
                    && m["params"]["version"] == 1
            })
            .await;
    });

    let mut group = c.benchmark_group(format!("lsp, {lines}-line pack"));
    group.sample_size(20);
    let mut version = 1;
    group.bench_function("didChange to publishDiagnostics", |b| {
        b.iter_custom(|iterations| {
            runtime.block_on(async {
                let mut total = Duration::ZERO;
                for _ in 0..iterations {
                    version += 1;
                    let text = if version % 2 == 0 { &typing } else { original };
                    let started = Instant::now();
                    client
                        .notify(
                            "textDocument/didChange",
                            json!({"textDocument": {"uri": uri, "version": version},
                                   "contentChanges": [{"text": text}]}),
                        )
                        .await;
                    let (uri, version) = (uri.clone(), version);
                    client
                        .until(move |m| {
                            m["method"] == "textDocument/publishDiagnostics"
                                && m["params"]["uri"] == uri.as_str()
                                && m["params"]["version"] == version
                        })
                        .await;
                    total += started.elapsed();
                }
                total
            })
        });
    });

    runtime.block_on(async {
        version += 1;
        client
            .notify(
                "textDocument/didChange",
                json!({"textDocument": {"uri": uri, "version": version},
                       "contentChanges": [{"text": with_dot}]}),
            )
            .await;
        let answer = client
            .request(
                "textDocument/completion",
                json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
            )
            .await;
        let text = answer["result"].to_string();
        assert!(text.contains("\"region\""), "completion offers `region`");
    });
    group.bench_function("completion after hosting.", |b| {
        b.iter_custom(|iterations| {
            runtime.block_on(async {
                let started = Instant::now();
                for _ in 0..iterations {
                    client
                        .request(
                            "textDocument/completion",
                            json!({"textDocument": {"uri": uri},
                                   "position": {"line": line, "character": character}}),
                        )
                        .await;
                }
                started.elapsed()
            })
        });
    });
    group.finish();
    server.abort();
}

criterion_group!(lsp, benches);
criterion_main!(lsp);
