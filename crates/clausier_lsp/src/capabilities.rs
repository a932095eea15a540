//! What the server offers, and what it reads of the client's capabilities.

use serde_json::json;
use tower_lsp_server::ls_types::*;

use crate::convert::Encoding;
use crate::state::Config;

/// The characters after which an editor asks for completions by itself.
const TRIGGER_CHARACTERS: &[&str] = &["."];

pub fn client_config(params: &InitializeParams) -> Config {
    let capabilities = &params.capabilities;
    let text = capabilities.text_document.as_ref();
    let workspace = capabilities.workspace.as_ref();
    let date = params
        .initialization_options
        .as_ref()
        .and_then(|options| options.get("date"))
        .and_then(|date| date.as_str())
        .and_then(|date| date.parse::<jiff::civil::Date>().ok());
    // `initializationOptions.language` is the editor's own setting for Clausier: it
    // overrides the locale the editor runs in.
    let language = params
        .initialization_options
        .as_ref()
        .and_then(|options| options.get("language"))
        .and_then(|language| language.as_str())
        .and_then(clausier_diagnostics::Lang::from_code);
    Config {
        locale: language.or_else(|| {
            params
                .locale
                .as_deref()
                .and_then(clausier_diagnostics::Lang::from_code)
        }),
        encoding: Encoding::negotiate(
            capabilities
                .general
                .as_ref()
                .and_then(|general| general.position_encodings.as_deref()),
        ),
        snippets: text
            .and_then(|text| text.completion.as_ref())
            .and_then(|completion| completion.completion_item.as_ref())
            .and_then(|item| item.snippet_support)
            .unwrap_or(false),
        hierarchical_symbols: text
            .and_then(|text| text.document_symbol.as_ref())
            .and_then(|symbol| symbol.hierarchical_document_symbol_support)
            .unwrap_or(false),
        code_lens_refresh: workspace
            .and_then(|workspace| workspace.code_lens.as_ref())
            .and_then(|lens| lens.refresh_support)
            .unwrap_or(false),
        watched_files_registration: workspace
            .and_then(|workspace| workspace.did_change_watched_files.as_ref())
            .and_then(|watched| watched.dynamic_registration)
            .unwrap_or(false),
        date,
    }
}

pub fn server_capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                will_save: None,
                will_save_wait_until: None,
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(TRIGGER_CHARACTERS.iter().map(|c| (*c).to_owned()).collect()),
            ..CompletionOptions::default()
        }),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: WorkDoneProgressOptions::default(),
        })),
        document_symbol_provider: Some(OneOf::Left(true)),
        folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
        document_link_provider: Some(DocumentLinkOptions {
            resolve_provider: Some(false),
            work_done_progress_options: WorkDoneProgressOptions::default(),
        }),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::REFACTOR_REWRITE,
            ]),
            work_done_progress_options: WorkDoneProgressOptions::default(),
            resolve_provider: None,
        })),
        document_formatting_provider: Some(OneOf::Left(true)),
        document_range_formatting_provider: Some(OneOf::Left(true)),
        code_lens_provider: Some(CodeLensOptions {
            resolve_provider: Some(false),
        }),
        selection_range_provider: Some(SelectionRangeProviderCapability::Simple(true)),
        semantic_tokens_provider: Some(SemanticTokensServerCapabilities::SemanticTokensOptions(
            SemanticTokensOptions {
                work_done_progress_options: WorkDoneProgressOptions::default(),
                legend: crate::semantic::legend(),
                range: None,
                full: Some(SemanticTokensFullOptions::Bool(true)),
            },
        )),
        inlay_hint_provider: Some(OneOf::Left(true)),
        workspace_symbol_provider: Some(OneOf::Left(true)),
        workspace: Some(crate::pack_index::workspace_capabilities()),
        execute_command_provider: Some(ExecuteCommandOptions {
            commands: crate::commands::advertised(),
            work_done_progress_options: WorkDoneProgressOptions::default(),
        }),
        ..ServerCapabilities::default()
    }
}

/// The files whose change on disk matters: clause files, manifests, locks, and the
/// descriptor formats.
pub fn watched_files_registration() -> Registration {
    let watchers: Vec<serde_json::Value> = [
        "**/*.clause",
        "**/pack.toml",
        "**/pack.lock",
        "**/*.{json,yaml,yml,toml,csv,tsv,tab,ndjson,jsonl}",
    ]
    .iter()
    .map(|glob| json!({ "globPattern": glob }))
    .collect();
    Registration {
        id: "clausier-watched-files".to_owned(),
        method: "workspace/didChangeWatchedFiles".to_owned(),
        register_options: Some(json!({ "watchers": watchers })),
    }
}
