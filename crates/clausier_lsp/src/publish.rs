//! Publishing diagnostics. One task does it all, in the order packs were touched, so
//! that diagnostics of an older generation can never overtake those of a newer one: a
//! snapshot that is already stale when it is ready is skipped, since the change that
//! made it stale queued the pack again.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use clausier_diagnostics::Lang;
use clausier_ide::FileId;
use tokio::sync::mpsc::UnboundedReceiver;
use tower_lsp_server::ls_types::{self as lsp, Uri};

use crate::convert::{Encoding, LineMap};
use crate::diagnostics;
use crate::lens;
use crate::server::Shared;
use crate::workspace::{PackKey, Snapshot, SnapshotDescriptor};

/// What the publisher is asked to do.
#[derive(Debug, Clone)]
pub enum Job {
    /// Analyse the pack again and publish what changed.
    Analyse(PackKey),
    /// A buffer without a file was closed: clear its diagnostics.
    Forget(PackKey, Uri),
}

/// How long the server waits for the client to acknowledge a refresh request.
pub const CLIENT_REQUEST_TIMEOUT: Duration = Duration::from_secs(5);

#[derive(Default)]
struct Published {
    /// What was last sent for each document: its version and diagnostics.
    sent: HashMap<String, (Option<i32>, Vec<lsp::Diagnostic>)>,
    /// The documents each pack published to.
    by_pack: HashMap<PackKey, HashSet<String>>,
    /// The lens counts each pack last had.
    lenses: HashMap<PackKey, Vec<(String, String, clausier_ide::LensCounts)>>,
}

pub async fn run(shared: Arc<Shared>, mut jobs: UnboundedReceiver<Job>) {
    let mut published = Published::default();
    while let Some(first) = jobs.recv().await {
        // Everything queued meanwhile is done once, in order.
        let mut batch = vec![first];
        while let Ok(next) = jobs.try_recv() {
            batch.push(next);
        }
        let mut seen: HashSet<PackKey> = HashSet::new();
        for job in batch {
            match job {
                Job::Forget(key, uri) => {
                    published.by_pack.remove(&key);
                    published.lenses.remove(&key);
                    if published.sent.remove(uri.as_str()).is_some() {
                        shared
                            .client
                            .publish_diagnostics(uri, Vec::new(), None)
                            .await;
                    }
                }
                Job::Analyse(key) => {
                    if seen.insert(key.clone()) {
                        analyse(&shared, &key, &mut published).await;
                    }
                }
            }
        }
    }
}

async fn analyse(shared: &Arc<Shared>, key: &PackKey, published: &mut Published) {
    let config = shared.config();
    let Some(snapshot) = shared.state.snapshot(key, config.date).await else {
        return;
    };
    if shared.state.generation(key) != Some(snapshot.generation) {
        return;
    }
    crate::watcher::watch_snapshot(shared, key, &snapshot).await;
    let encoding = config.encoding;
    let locale = config.locale;
    let for_lens = snapshot.clone();
    let watch_lens = config.code_lens_refresh && !snapshot.descriptors.is_empty();
    let computed = tokio::task::spawn_blocking(move || {
        let documents = collect(&snapshot, encoding, locale);
        let lens = watch_lens.then(|| lens::summary(for_lens.lens()));
        (documents, lens)
    })
    .await;
    let Ok((documents, lens)) = computed else {
        return;
    };
    let mut now: HashSet<String> = HashSet::new();
    for (uri, version, list) in documents {
        now.insert(uri.as_str().to_owned());
        let entry = (version, list);
        if published.sent.get(uri.as_str()) == Some(&entry) {
            continue;
        }
        published
            .sent
            .insert(uri.as_str().to_owned(), entry.clone());
        shared
            .client
            .publish_diagnostics(uri, entry.1, version)
            .await;
    }
    let before = published
        .by_pack
        .insert(key.clone(), now.clone())
        .unwrap_or_default();
    for gone in before.difference(&now) {
        published.sent.remove(gone);
        if let Ok(uri) = gone.parse::<Uri>() {
            shared
                .client
                .publish_diagnostics(uri, Vec::new(), None)
                .await;
        }
    }
    if let Some(lens) = lens {
        let changed = published
            .lenses
            .insert(key.clone(), lens.clone())
            .is_some_and(|previous| previous != lens);
        if changed {
            let client = shared.client.clone();
            tokio::spawn(async move {
                // The answer says nothing; only a client that never answers matters.
                let _ =
                    tokio::time::timeout(CLIENT_REQUEST_TIMEOUT, client.code_lens_refresh()).await;
            });
        }
    }
}

/// The diagnostics of every document the pack publishes: its own clause files and
/// manifest, the file that kept it from being read, and its open descriptor files.
pub fn collect(
    snapshot: &Snapshot,
    encoding: Encoding,
    locale: Option<Lang>,
) -> Vec<(Uri, Option<i32>, Vec<lsp::Diagnostic>)> {
    let lang = snapshot.lang(locale);
    let locate = |file, span| snapshot.location(file, span, encoding);
    let mut out = Vec::new();
    for file in snapshot.files.iter().filter(|file| file.owned) {
        let Some(map) = snapshot.line_map(file.id, encoding) else {
            continue;
        };
        let list: Vec<lsp::Diagnostic> = snapshot
            .analysis
            .diagnostics(file.id)
            .iter()
            .map(|diagnostic| diagnostics::to_lsp(lang, diagnostic, &map, &locate))
            .collect();
        out.push((file.uri.clone(), file.version, list));
    }
    if let Some(failure) = &snapshot.failure {
        let map = LineMap::new(&failure.text, &failure.index, encoding);
        let nowhere = |_, _| None;
        let list = vec![diagnostics::to_lsp(
            lang,
            &failure.diagnostic,
            &map,
            &nowhere,
        )];
        match out
            .iter_mut()
            .find(|(uri, _, _)| uri.as_str() == failure.uri.as_str())
        {
            Some((_, _, existing)) => existing.extend(list),
            None => out.push((failure.uri.clone(), None, list)),
        }
    }
    // Open descriptor files, and those that could not be read: their error is shown on
    // them.
    let shown = |d: &&SnapshotDescriptor| d.version.is_some() || d.input.unread.is_some();
    for descriptor in snapshot.descriptors.iter().filter(shown) {
        let map = LineMap::new(&descriptor.input.text, &descriptor.index, encoding);
        // The descriptor's text is the only file its diagnostics point into.
        let nowhere = |_, _| None;
        let list: Vec<lsp::Diagnostic> = snapshot
            .analysis
            .descriptor_diagnostics(&descriptor.input, FileId::default())
            .iter()
            .map(|diagnostic| diagnostics::to_lsp(lang, diagnostic, &map, &nowhere))
            .collect();
        out.push((descriptor.uri.clone(), descriptor.version, list));
    }
    out
}
