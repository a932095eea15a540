//! The frames between the client and the server, checked before the server sees them.
//!
//! tower-lsp-server answers a frame that is not JSON-RPC with an error, but then stops
//! reading (its framed reader ends after a decoding error), which ends the session. So
//! every frame is read here first: a valid message is passed on; a malformed one is
//! answered here (`-32700` when it is not JSON, `-32600` when it is JSON but not a
//! request, a notification or a response) and the session goes on. The server's own
//! frames and these answers are written whole, one at a time.

use serde_json::Value;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::mpsc::{self, UnboundedSender};
use tower_lsp_server::jsonrpc::{self, Id};

/// The largest frame accepted: far beyond any clause file or descriptor an editor holds,
/// small enough that a wrong length cannot exhaust memory.
const MAX_FRAME: usize = 256 * 1024 * 1024;

/// What reading one frame gave.
#[derive(Debug, PartialEq, Eq)]
pub enum Frame {
    Body(Vec<u8>),
    /// A header block without a usable `Content-Length`: skipped.
    BadHeader,
    End,
}

/// Reads the next frame: header lines up to an empty line, then the body.
pub async fn read_frame<R: AsyncBufReadExt + Unpin>(input: &mut R) -> std::io::Result<Frame> {
    let mut length: Option<usize> = None;
    let mut valid = true;
    let mut saw_header = false;
    loop {
        let mut line = Vec::new();
        if input.read_until(b'\n', &mut line).await? == 0 {
            return Ok(Frame::End);
        }
        let line = String::from_utf8_lossy(&line);
        let line = line.trim();
        if line.is_empty() {
            if !saw_header {
                // Blank lines between frames carry nothing.
                continue;
            }
            break;
        }
        saw_header = true;
        let Some((name, value)) = line.split_once(':') else {
            valid = false;
            continue;
        };
        if name.trim().eq_ignore_ascii_case("content-length") {
            match value.trim().parse::<usize>() {
                Ok(n) if n <= MAX_FRAME => length = Some(n),
                _ => valid = false,
            }
        }
    }
    let Some(length) = length.filter(|_| valid) else {
        return Ok(Frame::BadHeader);
    };
    let mut body = vec![0; length];
    input.read_exact(&mut body).await?;
    Ok(Frame::Body(body))
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
    let mut input = BufReader::new(input);
    loop {
        let answer = match read_frame(&mut input).await {
            Ok(Frame::Body(body)) => match check(&body) {
                None => {
                    if server.write_all(&frame(&body)).await.is_err() {
                        return;
                    }
                    continue;
                }
                Some(error) => error,
            },
            Ok(Frame::BadHeader) => {
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
    let mut server = BufReader::new(server);
    while let Ok(Frame::Body(body)) = read_frame(&mut server).await {
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

    #[tokio::test]
    async fn frames_are_read_one_by_one_and_bad_headers_skipped() {
        let input = b"Content-Length: 2\r\n\r\n{}\r\nContent-Length: x\r\n\r\n\
Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: 4\r\n\r\nnull";
        let mut reader = BufReader::new(&input[..]);
        let mut frames = Vec::new();
        loop {
            let next = read_frame(&mut reader).await.unwrap();
            if next == Frame::End {
                break;
            }
            frames.push(next);
        }
        assert_eq!(
            frames,
            [
                Frame::Body(b"{}".to_vec()),
                Frame::BadHeader,
                Frame::Body(b"null".to_vec())
            ]
        );
    }
}
