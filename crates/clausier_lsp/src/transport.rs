//! The frames between the client and the server, checked before the server sees them.
//!
//! tower-lsp-server answers a frame that is not JSON-RPC with an error, but then stops
//! reading (its framed reader ends after a decoding error), which ends the session. So
//! every frame is read here first: a valid message is passed on; a malformed one is
//! answered here (`-32700` when it is not JSON, `-32600` when it is JSON but not a
//! request, a notification or a response) and the session goes on. The server's own
//! frames and these answers are written whole, one at a time.

use serde_json::Value;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc::{self, UnboundedSender};
use tower_lsp_server::jsonrpc::{self, Id};

/// The largest frame accepted: far beyond any clause file or descriptor an editor holds,
/// small enough that a wrong length cannot exhaust memory.
const MAX_FRAME: usize = 256 * 1024 * 1024;

/// The longest header block: a real one is a line or two.
const MAX_HEADER: usize = 8 * 1024;

/// What reading one frame gave.
#[derive(Debug, PartialEq, Eq)]
pub enum Frame {
    Body(Vec<u8>),
    /// Bytes that are not a frame: a header block without a usable `Content-Length`, or a
    /// body cut short by the next frame's header. Skipped, with the reason.
    Bad(&'static str),
    End,
}

/// Reads frames from a byte stream, and finds the next frame again after bytes that are
/// not one: a client that sends a wrong header loses that message, not the session.
pub struct FrameReader<R> {
    input: R,
    buffer: Vec<u8>,
    /// After a bad frame, the bytes up to the next header are the rest of it.
    resync: bool,
}

impl<R: AsyncRead + Unpin> FrameReader<R> {
    pub fn new(input: R) -> Self {
        Self {
            input,
            buffer: Vec::new(),
            resync: false,
        }
    }

    /// Skips what is left of the last frame: used when its body was not a message.
    pub fn resync(&mut self) {
        self.resync = true;
    }

    /// Reads more bytes; `false` at the end of the stream.
    async fn fill(&mut self) -> std::io::Result<bool> {
        let mut chunk = [0u8; 64 * 1024];
        let read = self.input.read(&mut chunk).await?;
        self.buffer
            .extend_from_slice(chunk.get(..read).unwrap_or(&[]));
        Ok(read > 0)
    }

    /// The next frame: header lines up to an empty line, then the body.
    pub async fn next(&mut self) -> std::io::Result<Frame> {
        loop {
            if self.resync {
                match header_start(&self.buffer) {
                    Some(start) => {
                        self.buffer.drain(..start);
                        self.resync = false;
                    }
                    None => {
                        // Keep a tail that may be the start of a header cut in two.
                        let keep = self.buffer.len().min(HEADER_NAMES_LONGEST);
                        self.buffer.drain(..self.buffer.len() - keep);
                        if !self.fill().await? {
                            return Ok(Frame::End);
                        }
                        continue;
                    }
                }
            }
            // Blank lines between frames carry nothing.
            let blank = self
                .buffer
                .iter()
                .take_while(|byte| matches!(byte, b'\r' | b'\n'))
                .count();
            self.buffer.drain(..blank);
            let Some((header_len, block_len)) = header_end(&self.buffer) else {
                if self.buffer.len() > MAX_HEADER {
                    self.resync = true;
                    self.buffer.drain(..1);
                    return Ok(Frame::Bad("a header block that never ends"));
                }
                if !self.fill().await? {
                    return Ok(Frame::End);
                }
                continue;
            };
            let length = match content_length(self.buffer.get(..header_len).unwrap_or(&[])) {
                Ok(length) => length,
                Err(reason) => {
                    self.buffer.drain(..block_len);
                    self.resync = true;
                    return Ok(Frame::Bad(reason));
                }
            };
            loop {
                let body = self.buffer.get(block_len..).unwrap_or(&[]);
                if body.len() >= length {
                    break;
                }
                // A body is JSON, which never holds a raw line break after
                // `Content-Length: N`: the length was wrong and the next frame has begun.
                if let Some(next) = embedded_header(body) {
                    self.buffer.drain(..block_len + next);
                    return Ok(Frame::Bad("a body shorter than its `Content-Length`"));
                }
                if !self.fill().await? {
                    return Ok(Frame::End);
                }
            }
            let body = self
                .buffer
                .get(block_len..block_len + length)
                .unwrap_or(&[])
                .to_vec();
            self.buffer.drain(..block_len + length);
            return Ok(Frame::Body(body));
        }
    }
}

/// The length of `Content-Length:`, the longest prefix [`header_start`] looks for.
const HEADER_NAMES_LONGEST: usize = 16;

/// Where the next header block starts: the first `Content-Length:` or `Content-Type:`.
fn header_start(bytes: &[u8]) -> Option<usize> {
    let lower = bytes.to_ascii_lowercase();
    let find = |needle: &[u8]| lower.windows(needle.len()).position(|w| w == needle);
    match (find(b"content-length:"), find(b"content-type:")) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The header block's length without and with its blank line, once it is complete.
fn header_end(bytes: &[u8]) -> Option<(usize, usize)> {
    let crlf = bytes.windows(4).position(|w| w == b"\r\n\r\n");
    let lf = bytes.windows(2).position(|w| w == b"\n\n");
    match (crlf, lf) {
        (Some(c), Some(l)) if l + 1 < c => Some((l, l + 2)),
        (Some(c), _) => Some((c, c + 4)),
        (None, Some(l)) => Some((l, l + 2)),
        (None, None) => None,
    }
}

/// The body's length from a header block, or why there is none.
fn content_length(block: &[u8]) -> Result<usize, &'static str> {
    let text = String::from_utf8_lossy(block);
    let mut length = None;
    for line in text.lines() {
        let line = line.trim();
        let Some((name, value)) = line.split_once(':') else {
            return Err("a header line without `:`");
        };
        if name.trim().eq_ignore_ascii_case("content-length") {
            match value.trim().parse::<usize>() {
                Ok(n) if n <= MAX_FRAME => length = Some(n),
                Ok(_) => return Err("a `Content-Length` beyond 256 MiB"),
                Err(_) => return Err("a `Content-Length` that is not a whole number"),
            }
        }
    }
    length.ok_or("a header block without `Content-Length`")
}

/// Where a header of the next frame starts inside bytes read as a body, if one does.
fn embedded_header(body: &[u8]) -> Option<usize> {
    let lower = body.to_ascii_lowercase();
    let needle = b"content-length:";
    let mut from = 0;
    while let Some(found) = lower
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
    {
        let at = from + found;
        let rest = body.get(at + needle.len()..)?;
        let digits_end = rest
            .iter()
            .position(|byte| !matches!(byte, b' ' | b'\t' | b'0'..=b'9'))?;
        if matches!(rest.get(digits_end), Some(b'\r' | b'\n')) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

pub fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

/// `None` when the body is a message the server can take; else the error response the
/// client gets instead.
pub fn check(body: &[u8]) -> Option<jsonrpc::Response> {
    let Ok(value) = serde_json::from_slice::<Value>(body) else {
        return Some(jsonrpc::Response::from_error(
            Id::Null,
            jsonrpc::Error::parse_error(),
        ));
    };
    let is_request = serde_json::from_value::<jsonrpc::Request>(value.clone()).is_ok();
    let is_response = serde_json::from_value::<jsonrpc::Response>(value.clone()).is_ok();
    if is_request || is_response {
        return None;
    }
    let id = value
        .get("id")
        .and_then(|id| serde_json::from_value::<Id>(id.clone()).ok())
        .unwrap_or(Id::Null);
    Some(jsonrpc::Response::from_error(
        id,
        jsonrpc::Error::invalid_request(),
    ))
}

fn error_frame(response: &jsonrpc::Response) -> Option<Vec<u8>> {
    serde_json::to_vec(response).ok().map(|body| frame(&body))
}

/// Passes the client's valid frames on to the server, answers the others.
pub async fn read_client<I, S>(input: I, mut server: S, out: UnboundedSender<Vec<u8>>)
where
    I: AsyncRead + Unpin,
    S: AsyncWrite + Unpin,
{
    let mut frames = FrameReader::new(input);
    loop {
        let answer = match frames.next().await {
            Ok(Frame::Body(body)) => match check(&body) {
                None => {
                    if server.write_all(&frame(&body)).await.is_err() {
                        return;
                    }
                    continue;
                }
                Some(error) => {
                    if serde_json::from_slice::<Value>(&body).is_err() {
                        // Not JSON: perhaps a wrong length; the next header says where
                        // the next message starts.
                        frames.resync();
                    }
                    error
                }
            },
            Ok(Frame::Bad(reason)) => {
                // Editors show the server's standard error in their log.
                eprintln!("clausier lsp: skipped {reason}; reading on from the next frame");
                jsonrpc::Response::from_error(Id::Null, jsonrpc::Error::parse_error())
            }
            Ok(Frame::End) | Err(_) => break,
        };
        if let Some(bytes) = error_frame(&answer) {
            let _ = out.send(bytes);
        }
    }
    // The client is gone: the server sees the end of its input, and stops.
    let _ = server.shutdown().await;
}

/// Passes the server's frames to the writer, whole.
pub async fn read_server<S: AsyncRead + Unpin>(server: S, out: UnboundedSender<Vec<u8>>) {
    let mut frames = FrameReader::new(server);
    while let Ok(Frame::Body(body)) = frames.next().await {
        if out.send(frame(&body)).is_err() {
            return;
        }
    }
}

/// Writes frames to the client, one at a time, until every sender is gone.
pub async fn write_client<O: AsyncWrite + Unpin>(
    mut output: O,
    mut frames: mpsc::UnboundedReceiver<Vec<u8>>,
) {
    while let Some(bytes) = frames.recv().await {
        if output.write_all(&bytes).await.is_err() || output.flush().await.is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(body, the error code answered)`, `None` when the frame is passed on.
    const BODIES: &[(&str, Option<i64>)] = &[
        (
            r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#,
            None,
        ),
        (
            r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
            None,
        ),
        (r#"{"jsonrpc":"2.0","id":"a","result":null}"#, None),
        (r#"{"jsonrpc":"2.0","id":1,"method":"#, Some(-32700)),
        ("not json at all", Some(-32700)),
        (r#"{"id":3,"method":"shutdown"}"#, Some(-32600)),
        (
            r#"{"jsonrpc":"1.0","id":3,"method":"shutdown"}"#,
            Some(-32600),
        ),
        (
            r#"{"jsonrpc":"2.0","id":1.5,"method":"shutdown"}"#,
            Some(-32600),
        ),
        (
            r#"[{"jsonrpc":"2.0","id":1,"method":"shutdown"}]"#,
            Some(-32600),
        ),
        (r#"{"jsonrpc":"2.0","id":4,"method":7}"#, Some(-32600)),
    ];

    #[test]
    fn malformed_bodies_are_answered_and_the_others_passed_on() {
        for (body, expected) in BODIES {
            let answer = check(body.as_bytes()).map(|response| {
                let json = serde_json::to_value(&response).unwrap();
                json["error"]["code"].as_i64().unwrap()
            });
            assert_eq!(answer, *expected, "{body}");
        }
    }

    #[test]
    fn an_invalid_request_keeps_its_id() {
        let response = check(br#"{"jsonrpc":"1.0","id":3,"method":"shutdown"}"#).unwrap();
        assert_eq!(serde_json::to_value(&response).unwrap()["id"], 3);
        let response = check(b"{").unwrap();
        assert_eq!(serde_json::to_value(&response).unwrap()["id"], Value::Null);
    }

    async fn frames_of(input: &[u8]) -> Vec<Frame> {
        let mut reader = FrameReader::new(input);
        let mut frames = Vec::new();
        loop {
            let next = reader.next().await.unwrap();
            if next == Frame::End {
                break;
            }
            if let Frame::Body(body) = &next
                && serde_json::from_slice::<Value>(body).is_err()
            {
                reader.resync();
            }
            frames.push(next);
        }
        frames
    }

    fn message(id: u32) -> Vec<u8> {
        frame(format!(r#"{{"jsonrpc":"2.0","id":{id},"method":"shutdown"}}"#).as_bytes())
    }

    fn is_message(frame: &Frame, id: u32) -> bool {
        match frame {
            Frame::Body(body) => serde_json::from_slice::<Value>(body)
                .map(|v| v["id"] == id)
                .unwrap_or(false),
            _ => false,
        }
    }

    #[tokio::test]
    async fn frames_are_read_one_by_one_and_bad_headers_skipped() {
        let input = b"Content-Length: 2\r\n\r\n{}\r\nContent-Length: x\r\n\r\n\
Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: 4\r\n\r\nnull";
        assert_eq!(
            frames_of(input).await,
            [
                Frame::Body(b"{}".to_vec()),
                Frame::Bad("a `Content-Length` that is not a whole number"),
                Frame::Body(b"null".to_vec())
            ]
        );
    }

    /// Each wrong header loses its own message and no other.
    #[tokio::test]
    async fn the_next_frame_is_found_after_any_wrong_header() {
        let body = br#"{"jsonrpc":"2.0","id":9,"method":"shutdown"}"#;
        let wrong_headers: Vec<Vec<u8>> = vec![
            b"Content-Type: application/json\r\n\r\n".to_vec(),
            b"Content-Length: -12\r\n\r\n".to_vec(),
            b"Content-Length: 99999999999999999999999\r\n\r\n".to_vec(),
            b"Content-Length: 1000000\r\n\r\n".to_vec(),
            b"Content-Length: 7\r\n\r\n".to_vec(),
            b"Content-Length 12\r\n\r\n".to_vec(),
        ];
        for header in wrong_headers {
            let mut input = message(1);
            input.extend_from_slice(&header);
            input.extend_from_slice(body);
            input.extend_from_slice(&message(2));
            input.extend_from_slice(&message(3));
            let frames = frames_of(&input).await;
            let shown = String::from_utf8_lossy(&header).into_owned();
            assert!(is_message(&frames[0], 1), "{shown}: {frames:?}");
            assert!(
                frames.iter().any(|f| is_message(f, 2)),
                "{shown}: message 2 lost: {frames:?}"
            );
            assert!(
                frames.last().is_some_and(|f| is_message(f, 3)),
                "{shown}: {frames:?}"
            );
            assert!(
                !frames.iter().any(|f| is_message(f, 9)),
                "{shown}: {frames:?}"
            );
        }
    }

    #[tokio::test]
    async fn a_body_may_mention_content_length_in_a_string() {
        let body = br#"{"jsonrpc":"2.0","id":4,"method":"x","params":{"t":"Content-Length: 5"}}"#;
        let frames = frames_of(&frame(body)).await;
        assert_eq!(frames, [Frame::Body(body.to_vec())]);
    }
}
