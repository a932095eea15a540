//! The `LanguageServer` implementation: notifications update the state, requests are
//! answered from a snapshot, off the async threads.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, PoisonError, RwLock};

use clausier_diagnostics::FileId;
use tokio::sync::mpsc::{self, UnboundedSender};
use tower_lsp_server::jsonrpc::{self, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

use crate::capabilities;
use crate::commands::{self, Previews, Request};
use crate::convert::{Encoding, LineMap};
use crate::publish::{self, CLIENT_REQUEST_TIMEOUT, Job};
use crate::state::{Config, State};
use crate::workspace::{PackKey, Snapshot};
use crate::{
    actions, completion, decorations, formatting, hover, lens, navigation, semantic, symbols,
};

/// The language ids editors give `.clause` documents: the editor packages' own, and the
/// file extension, which some clients use when they know no better.
const CLAUSE_LANGUAGE_IDS: &[&str] = &["clausier", "clause"];

/// What the handlers and the publisher share.
pub struct Shared {
    pub client: Client,
    pub state: State,
    config: RwLock<Config>,
    jobs: UnboundedSender<Job>,
    shut_down: Arc<AtomicBool>,
    pub watcher: crate::watcher::DiskWatcher,
    previews: Previews,
}

impl Shared {
    pub fn config(&self) -> Config {
        self.config
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    pub(crate) fn analyse(&self, keys: Vec<PackKey>) {
        for key in keys {
            // The publisher only stops with the server.
            let _ = self.jobs.send(Job::Analyse(key));
        }
    }
}

pub struct Backend {
    shared: Arc<Shared>,
}

impl Backend {
    /// A backend and its publisher task; `shut_down` is set when the client asks for a
    /// shutdown, which makes the later exit a clean one.
    pub fn new(client: Client, shut_down: Arc<AtomicBool>) -> Self {
        let (jobs, receiver) = mpsc::unbounded_channel();
        let shared = Arc::new(Shared {
            client,
            state: State::default(),
            config: RwLock::new(Config::default()),
            jobs,
            shut_down,
            watcher: crate::watcher::DiskWatcher::default(),
            previews: Previews::default(),
        });
        tokio::spawn(publish::run(shared.clone(), receiver));
        Self { shared }
    }

    /// Runs `query` on the snapshot of the document's pack, off the async threads.
    /// `None` when the document belongs to no pack the server can read.
    async fn query<T, F>(&self, uri: &Uri, query: F) -> Result<Option<T>>
    where
        T: Send + 'static,
        F: FnOnce(&Snapshot, FileId, &Config) -> Option<T> + Send + 'static,
    {
        let Some(key) = self.shared.state.key_for_request(uri) else {
            return Ok(None);
        };
        let config = self.shared.config();
        let Some(snapshot) = self.shared.state.snapshot(&key, config.date).await else {
            return Ok(None);
        };
        let Some(file) = snapshot.file_by_uri(uri).map(|file| file.id) else {
            return Ok(None);
        };
        tokio::task::spawn_blocking(move || query(&snapshot, file, &config))
            .await
            .map_err(|_| jsonrpc::Error::internal_error())
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let config = capabilities::client_config(&params);
        let encoding = config.encoding;
        // Found in the background: a large folder does not delay the session, and a
        // descriptor file opened meanwhile is analysed once its packs are known.
        let (shared, roots) = (
            self.shared.clone(),
            crate::pack_index::initial_roots(&params),
        );
        tokio::spawn(async move { crate::folders::index(&shared, roots).await });
        *self
            .shared
            .config
            .write()
            .unwrap_or_else(PoisonError::into_inner) = config;
        Ok(InitializeResult {
            capabilities: capabilities::server_capabilities(encoding),
            server_info: Some(ServerInfo {
                name: "clausier".to_owned(),
                version: Some(env!("CARGO_PKG_VERSION").to_owned()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        if !self.shared.config().watched_files_registration {
            crate::watcher::start(&self.shared).await;
            return;
        }
        let client = self.shared.client.clone();
        tokio::spawn(async move {
            let registration = capabilities::watched_files_registration();
            let _ = tokio::time::timeout(
                CLIENT_REQUEST_TIMEOUT,
                client.register_capability(vec![registration]),
            )
            .await;
        });
    }

    async fn shutdown(&self) -> Result<()> {
        self.shared.shut_down.store(true, Ordering::SeqCst);
        self.shared.watcher.stop();
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let document = params.text_document;
        let is_file = document.uri.scheme().as_str().eq_ignore_ascii_case("file");
        let is_clause = CLAUSE_LANGUAGE_IDS.contains(&document.language_id.as_str())
            || document.uri.path().as_str().ends_with(".clause");
        if !is_file && !is_clause {
            return;
        }
        let keys = self
            .shared
            .state
            .open(document.uri, document.version, document.text);
        self.shared.analyse(keys);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let encoding = self.shared.config().encoding;
        let changes = params.content_changes;
        let apply = |text: &str| apply_changes(text, changes, encoding);
        let document = params.text_document;
        if let Some(keys) = self
            .shared
            .state
            .change(&document.uri, document.version, apply)
        {
            self.shared.analyse(keys);
        }
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        let Some(path) = crate::documents::file_path(&params.text_document.uri) else {
            return;
        };
        // What is on disk changed: packs that read it without holding it open see it.
        let keys = self.shared.state.files_changed(&[path], false);
        self.shared.analyse(keys);
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        let (keys, forgotten) = self.shared.state.close(&uri);
        self.shared.analyse(keys);
        if let Some(key) = forgotten {
            let _ = self.shared.jobs.send(Job::Forget(key, uri));
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let paths: Vec<_> = params
            .changes
            .iter()
            .filter_map(|change| crate::documents::file_path(&change.uri))
            .collect();
        // A file created or deleted changes what the packs are made of, even under a
        // buffer the editor holds open.
        let came_or_went = params
            .changes
            .iter()
            .any(|change| change.typ != FileChangeType::CHANGED);
        crate::folders::disk_changed(&self.shared, &paths, came_or_went).await;
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        crate::folders::changed(&self.shared, params).await;
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let at = params.text_document_position_params;
        let position = at.position;
        self.query(&at.text_document.uri, move |snapshot, file, config| {
            let lang = snapshot.lang(config.locale);
            hover::hover(snapshot, file, position, config.encoding, lang)
        })
        .await
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let at = params.text_document_position;
        let position = at.position;
        self.query(&at.text_document.uri, move |snapshot, file, config| {
            let items = completion::completions(
                snapshot,
                file,
                position,
                config.encoding,
                config.snippets,
                snapshot.lang(config.locale),
            )?;
            Some(CompletionResponse::Array(items))
        })
        .await
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let at = params.text_document_position_params;
        let position = at.position;
        self.query(&at.text_document.uri, move |snapshot, file, config| {
            navigation::definition(snapshot, file, position, config.encoding)
        })
        .await
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let at = params.text_document_position;
        let position = at.position;
        let include_declaration = params.context.include_declaration;
        self.query(&at.text_document.uri, move |snapshot, file, config| {
            navigation::references(
                snapshot,
                file,
                position,
                include_declaration,
                config.encoding,
            )
        })
        .await
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        let position = params.position;
        self.query(&params.text_document.uri, move |snapshot, file, config| {
            Some(navigation::prepare_rename(
                snapshot,
                file,
                position,
                config.encoding,
                snapshot.lang(config.locale),
            ))
        })
        .await?
        .transpose()
        .map(Option::flatten)
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let at = params.text_document_position;
        let position = at.position;
        let new_name = params.new_name;
        let renamed = new_name.clone();
        let edit = self
            .query(&at.text_document.uri, move |snapshot, file, config| {
                Some(navigation::rename(
                    snapshot,
                    file,
                    position,
                    &renamed,
                    config.encoding,
                    snapshot.lang(config.locale),
                ))
            })
            .await?
            .transpose()?
            .flatten();
        let uri = &at.text_document.uri;
        crate::dependant_rename::with_dependants(&self.shared, uri, position, &new_name, edit).await
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        self.query(&params.text_document.uri, move |snapshot, file, config| {
            symbols::document_symbols(snapshot, file, config.encoding, config.hierarchical_symbols)
        })
        .await
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        self.query(&params.text_document.uri, move |snapshot, file, config| {
            symbols::folding_ranges(snapshot, file, config.encoding)
        })
        .await
    }

    async fn document_link(&self, params: DocumentLinkParams) -> Result<Option<Vec<DocumentLink>>> {
        self.query(&params.text_document.uri, move |snapshot, file, config| {
            navigation::document_links(
                snapshot,
                file,
                config.encoding,
                snapshot.lang(config.locale),
            )
        })
        .await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let range = params.range;
        let context = params.context;
        self.query(&params.text_document.uri, move |snapshot, file, config| {
            actions::code_actions(
                snapshot,
                file,
                range,
                &context,
                config.encoding,
                config.locale,
            )
        })
        .await
    }

    async fn formatting(&self, params: DocumentFormattingParams) -> Result<Option<Vec<TextEdit>>> {
        self.query(&params.text_document.uri, move |snapshot, file, config| {
            let lang = snapshot.lang(config.locale);
            Some(formatting::format(snapshot, file, config.encoding, lang))
        })
        .await?
        .transpose()
        .map(Option::flatten)
    }

    async fn range_formatting(
        &self,
        params: DocumentRangeFormattingParams,
    ) -> Result<Option<Vec<TextEdit>>> {
        let range = params.range;
        self.query(&params.text_document.uri, move |snapshot, file, config| {
            let lang = snapshot.lang(config.locale);
            Some(formatting::format_range(
                snapshot,
                file,
                range,
                config.encoding,
                lang,
            ))
        })
        .await?
        .transpose()
        .map(Option::flatten)
    }

    async fn selection_range(
        &self,
        params: SelectionRangeParams,
    ) -> Result<Option<Vec<SelectionRange>>> {
        let positions = params.positions;
        self.query(&params.text_document.uri, move |snapshot, file, config| {
            decorations::selection_ranges(snapshot, file, &positions, config.encoding)
        })
        .await
    }

    async fn semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> Result<Option<SemanticTokensResult>> {
        self.query(&params.text_document.uri, move |snapshot, file, config| {
            semantic::semantic_tokens(snapshot, file, config.encoding)
                .map(SemanticTokensResult::Tokens)
        })
        .await
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        let range = params.range;
        self.query(&params.text_document.uri, move |snapshot, file, config| {
            let lang = snapshot.lang(config.locale);
            decorations::inlay_hints(snapshot, file, range, config.encoding, lang)
        })
        .await
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<WorkspaceSymbolResponse>> {
        let config = self.shared.config();
        let mut found: Vec<SymbolInformation> = Vec::new();
        for key in self.shared.state.keys() {
            let Some(snapshot) = self.shared.state.snapshot(&key, config.date).await else {
                continue;
            };
            let query = params.query.clone();
            let encoding = config.encoding;
            let symbols = tokio::task::spawn_blocking(move || {
                symbols::workspace_symbols(&snapshot, &query, encoding)
            })
            .await
            .map_err(|_| jsonrpc::Error::internal_error())?;
            for symbol in symbols {
                let seen = found
                    .iter()
                    .any(|other| other.name == symbol.name && other.location == symbol.location);
                if !seen {
                    found.push(symbol);
                }
            }
        }
        Ok(Some(WorkspaceSymbolResponse::Flat(found)))
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<LSPAny>> {
        let request = Request::read(&params.command, &params.arguments)?;
        let uri = request.uri().clone();
        let key = self.shared.state.key_for_request(&uri);
        let shared = self.shared.clone();
        let answer = self
            .query(&uri, move |snapshot, file, config| {
                let lang = snapshot.lang(config.locale);
                Some(match request {
                    Request::Preview { .. } => shared.previews.answer(&key?, snapshot, lang),
                    Request::FailingVendors { clause, .. } => {
                        commands::failing_vendors(snapshot, file, &clause, config.encoding)
                    }
                })
            })
            .await?;
        match answer {
            Some(answer) => Ok(Some(answer)),
            None => Err(jsonrpc::Error::invalid_params(format!(
                "`{}` is no file of a pack the server has open",
                uri.as_str()
            ))),
        }
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        self.query(&params.text_document.uri, move |snapshot, file, config| {
            let lang = snapshot.lang(config.locale);
            lens::code_lenses(snapshot, file, config.encoding, lang)
        })
        .await
    }
}

/// Applies the changes of a `didChange` in order: a change without a range is the
/// whole new text; one with a range replaces that range (for clients that send
/// increments although the server asked for full texts).
pub fn apply_changes(
    text: &str,
    changes: Vec<TextDocumentContentChangeEvent>,
    encoding: Encoding,
) -> String {
    let mut text = text.to_owned();
    for change in changes {
        match change.range {
            None => text = change.text,
            Some(range) => {
                let index = clausier_diagnostics::LineIndex::new(&text);
                let span = LineMap::new(&text, &index, encoding).span(range);
                text.replace_range(span.range(), &change.text);
            }
        }
    }
    text
}
