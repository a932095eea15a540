//! The server's commands (`workspace/executeCommand`):
//!
//! - `clausier.preview [uri]`: the tender of the pack of `uri` (any of its files), as
//!   `clausier render` writes it in HTML and Markdown, from the editor's unsaved texts;
//!   while the pack has errors, those errors in words and the last rendering that
//!   succeeded for that pack in this session;
//! - `clausier.failingVendors [uri, clauseId]`: where each descriptor that fails the
//!   requirement, or lacks its data, is.
//!
//! `clausier.showFailingVendors`, the command of the check lens, is the client's: it
//! calls `clausier.failingVendors` and shows the locations in its own way.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use clausier_diagnostics::FileId;
use clausier_ide::{Cahier, CahierErrors};
use serde_json::{Value, json};
use tower_lsp_server::jsonrpc::{self, Result};
use tower_lsp_server::ls_types::Uri;

use crate::convert::Encoding;
use crate::workspace::{PackKey, Snapshot};

pub const PREVIEW: &str = "clausier.preview";
pub const FAILING_VENDORS: &str = "clausier.failingVendors";
/// Handled by the client, which calls [`FAILING_VENDORS`]: not advertised.
pub const SHOW_FAILING_VENDORS: &str = "clausier.showFailingVendors";

/// The commands the server runs, as `executeCommandProvider` lists them.
pub fn advertised() -> Vec<String> {
    vec![PREVIEW.to_owned(), FAILING_VENDORS.to_owned()]
}

/// A command, read from its name and arguments.
pub enum Request {
    Preview { uri: Uri },
    FailingVendors { uri: Uri, clause: String },
}

impl Request {
    /// Reads a command; an unknown name or arguments of the wrong shape are refused as
    /// invalid parameters, saying what was expected.
    pub fn read(command: &str, arguments: &[Value]) -> Result<Request> {
        let uri = |index: usize| -> Result<Uri> {
            arguments
                .get(index)
                .and_then(Value::as_str)
                .and_then(|text| text.parse::<Uri>().ok())
                .ok_or_else(|| {
                    jsonrpc::Error::invalid_params(format!(
                        "`{command}` takes the URI of a file of a pack as its argument {}",
                        index + 1
                    ))
                })
        };
        match command {
            PREVIEW => Ok(Request::Preview { uri: uri(0)? }),
            FAILING_VENDORS => {
                let clause = arguments
                    .get(1)
                    .and_then(Value::as_str)
                    .ok_or_else(|| {
                        jsonrpc::Error::invalid_params(format!(
                            "`{FAILING_VENDORS}` takes a requirement's id as its argument 2"
                        ))
                    })?
                    .to_owned();
                Ok(Request::FailingVendors {
                    uri: uri(0)?,
                    clause,
                })
            }
            other => Err(jsonrpc::Error::invalid_params(format!(
                "unknown command `{other}`: the server runs {}",
                advertised().join(", ")
            ))),
        }
    }

    pub fn uri(&self) -> &Uri {
        match self {
            Request::Preview { uri } | Request::FailingVendors { uri, .. } => uri,
        }
    }
}

/// The last tender each pack rendered in this session, shown while it has errors.
#[derive(Debug, Default)]
pub struct Previews {
    last: Mutex<HashMap<PackKey, Rendered>>,
}

#[derive(Debug, Clone)]
struct Rendered {
    html: String,
    markdown: String,
}

impl Previews {
    /// The answer of `clausier.preview` for the pack `key` of `snapshot`.
    pub fn answer(
        &self,
        key: &PackKey,
        snapshot: &Snapshot,
        lang: clausier_diagnostics::Lang,
    ) -> Value {
        // A pack that cannot be read at all is analysed as its clause files alone: its
        // tender is not theirs. The reason is on the file at fault.
        let rendered = match &snapshot.failure {
            Some(failure) => Err(CahierErrors {
                title: snapshot.analysis.root_pack().to_owned(),
                errors: vec![failure.diagnostic.message.text(lang)],
            }),
            None => snapshot.analysis.cahier(lang),
        };
        let mut last = self.last.lock().unwrap_or_else(PoisonError::into_inner);
        match rendered {
            Ok(Cahier {
                title,
                html,
                markdown,
            }) => {
                last.insert(
                    key.clone(),
                    Rendered {
                        html: html.clone(),
                        markdown: markdown.clone(),
                    },
                );
                json!({ "title": title, "html": html, "markdown": markdown, "errors": [] })
            }
            Err(refused) => {
                let kept = last.get(key);
                json!({
                    "title": refused.title,
                    "html": kept.map(|kept| kept.html.clone()),
                    "markdown": kept.map(|kept| kept.markdown.clone()),
                    "errors": refused.errors,
                })
            }
        }
    }
}

/// The answer of `clausier.failingVendors`: a list of locations.
pub fn failing_vendors(
    snapshot: &Snapshot,
    file: FileId,
    clause: &str,
    encoding: Encoding,
) -> Value {
    json!(crate::lens::failing_vendors(
        snapshot, file, clause, encoding
    ))
}
