//! The language server's message handling, in memory: the frames a client sends, then
//! every editor feature on a document at every kind of position.

use clausier_diagnostics::{FileId, Lang, Span};
use clausier_ide::Analysis;
use clausier_lsp::transport::{Frame, FrameReader, check};

use crate::text_of;

/// Bytes before a first 0xFF are what a client writes: every frame is read or skipped,
/// and the reader reaches the end. The rest is a clause file an editor holds: no
/// feature fails at any position.
pub fn lsp(data: &[u8]) {
    let split = data.iter().position(|byte| *byte == 0xFF);
    let (stream, document) = match split {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, data),
    };
    read_every_frame(stream);
    editor_features(&text_of(document));
}

fn read_every_frame(stream: &[u8]) {
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread().build() else {
        return;
    };
    runtime.block_on(async {
        let mut frames = FrameReader::new(stream);
        // Each frame takes at least one byte of the stream, so the reader ends.
        for _ in 0..=stream.len() {
            match frames.next().await {
                Ok(Frame::Body(body)) => {
                    let _ = check(&body);
                }
                Ok(Frame::Bad(_)) => {}
                Ok(Frame::End) | Err(_) => return,
            }
        }
        panic!("the frame reader did not reach the end of the stream");
    });
}

fn editor_features(text: &str) {
    let file = FileId(0);
    let analysis = Analysis::new("fuzz", vec![(file, text.to_owned())]);
    let _ = analysis.diagnostics(file);
    let _ = analysis.semantic_tokens(file);
    let _ = analysis.folding_ranges(file);
    let _ = analysis.document_symbols(file);
    let _ = analysis.workspace_symbols("a");
    let _ = analysis.format(file);
    let whole = Span {
        start: 0,
        end: u32::try_from(text.len()).unwrap_or(u32::MAX),
    };
    let _ = analysis.inlay_hints(file, whole, Lang::Fr);
    let _ = analysis.code_actions(file, whole);
    let step = (text.len() / 24).max(1);
    for (offset, _) in text.char_indices().step_by(step).chain([(text.len(), ' ')]) {
        let Ok(offset) = u32::try_from(offset) else {
            return;
        };
        let _ = analysis.hover(file, offset, Lang::Fr);
        let _ = analysis.completions(file, offset, Lang::Fr);
        let _ = analysis.goto_definition(file, offset);
        let _ = analysis.references(file, offset, true);
        let _ = analysis.selection_ranges(file, offset);
        let _ = analysis.rename(file, offset, "renamed");
        let _ = analysis.format_range(
            file,
            Span {
                start: 0,
                end: offset,
            },
        );
        let point = Span {
            start: offset,
            end: offset,
        };
        let _ = analysis.code_actions(file, point);
    }
}
