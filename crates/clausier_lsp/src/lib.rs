//! The Clausier language server: the IDE features of `clausier_ide` over the Language
//! Server Protocol, on standard input and output. This is the only crate that knows LSP:
//! positions are converted at its edge (UTF-8 or UTF-16, as negotiated), and every
//! answer is computed from an immutable snapshot of a pack, off the async threads.
//!
//! A `.clause` file belongs to the pack of the nearest folder upwards with a
//! `pack.toml` (else to its own folder): the pack is analysed whole, with its
//! dependencies and its declared descriptors, the editor's buffers in place of the disk.
//! The packs under the editor's workspace folders are found by the server itself, so
//! that a descriptor file opened alone is checked by the packs that declare it.

mod actions;
mod capabilities;
mod commands;
mod completion;
mod convert;
mod decorations;
mod dependant_rename;
mod diagnostics;
mod documents;
mod folders;
mod formatting;
mod hover;
mod language;
mod lens;
mod navigation;
mod pack_index;
mod publish;
mod semantic;
mod server;
mod state;
mod symbols;
pub mod transport;
mod watcher;
mod workspace;

use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use tokio::io::{AsyncRead, AsyncWrite};
use tower_lsp_server::{LspService, Server};

pub use convert::{Encoding, LineMap};

/// Serves one client on standard input and output until it sends `exit` or closes its
/// end. The exit status is 0 when the client asked for a shutdown first, 1 otherwise
/// (as the protocol says), 2 when the server cannot start.
pub fn run_stdio() -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            // No client has said its locale yet: the process's decides.
            let lang = clausier_diagnostics::Lang::from_process_environment().unwrap_or_default();
            let message = clausier_i18n::t!(lang, "editor-cannot-start", error = error.to_string());
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let shut_down = Arc::new(AtomicBool::new(false));
    runtime.block_on(serve(
        tokio::io::stdin(),
        tokio::io::stdout(),
        shut_down.clone(),
    ));
    // Every frame has been written. The thread reading standard input may still be
    // blocked in a read that will never return, and analyses still running have no one
    // to answer: wait for none of them.
    runtime.shutdown_background();
    if shut_down.load(Ordering::SeqCst) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// How many bytes may wait between the frame checker and the server.
const PIPE_CAPACITY: usize = 64 * 1024;

/// Serves one client on any pair of streams; `shut_down` is set if it asks for a
/// shutdown. Frames are checked on their way in (see [`transport`]).
pub async fn serve<I, O>(input: I, output: O, shut_down: Arc<AtomicBool>)
where
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite + Unpin + Send + 'static,
{
    let (to_server, server_input) = tokio::io::duplex(PIPE_CAPACITY);
    let (server_output, from_server) = tokio::io::duplex(PIPE_CAPACITY);
    let (frames, to_client) = tokio::sync::mpsc::unbounded_channel();
    let writer = tokio::spawn(transport::write_client(output, to_client));
    let reader = tokio::spawn(transport::read_client(input, to_server, frames.clone()));
    let relay = tokio::spawn(transport::read_server(from_server, frames));
    let (service, socket) = LspService::new(move |client| server::Backend::new(client, shut_down));
    Server::new(server_input, server_output, socket)
        .serve(service)
        .await;
    // The server has written its last frame: let it reach the client, and stop
    // reading a client that may never close its end.
    let _ = relay.await;
    reader.abort();
    let _ = reader.await;
    let _ = writer.await;
}

#[cfg(test)]
mod tests;
