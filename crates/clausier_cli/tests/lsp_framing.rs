//! `clausier lsp` over real pipes keeps serving after frames with a wrong header: it
//! logs what it skipped, answers the next messages, and exits cleanly on `exit`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test states its expectations"
)]

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

fn frame(body: &str) -> Vec<u8> {
    let mut bytes = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    bytes.extend_from_slice(body.as_bytes());
    bytes
}

const INITIALIZE: &str =
    r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#;
const INITIALIZED: &str = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
const SHUTDOWN: &str = r#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#;
const EXIT: &str = r#"{"jsonrpc":"2.0","method":"exit"}"#;
const LOST: &str = r#"{"jsonrpc":"2.0","id":99,"method":"shutdown"}"#;

/// Reads the server's frames as they come, on a thread of its own.
fn frames(mut stdout: impl Read + Send + 'static) -> mpsc::Receiver<String> {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let mut chunk = [0u8; 4096];
        loop {
            while let Some(end) = bytes.windows(4).position(|w| w == b"\r\n\r\n") {
                let header = String::from_utf8_lossy(&bytes[..end]).into_owned();
                let length: usize = header
                    .trim()
                    .strip_prefix("Content-Length:")
                    .and_then(|n| n.trim().parse().ok())
                    .expect("the server writes a Content-Length");
                if bytes.len() < end + 4 + length {
                    break;
                }
                let body = String::from_utf8_lossy(&bytes[end + 4..end + 4 + length]).into_owned();
                bytes.drain(..end + 4 + length);
                if sender.send(body).is_err() {
                    return;
                }
            }
            match stdout.read(&mut chunk) {
                Ok(0) | Err(_) => return,
                Ok(n) => bytes.extend_from_slice(&chunk[..n]),
            }
        }
    });
    receiver
}

/// Runs a session with `wrong` sent between `initialized` and `shutdown`, as an editor
/// does: it waits for the answer to `initialize` first. The server's messages, its
/// standard error and its exit code.
fn session(wrong: &[u8]) -> (Vec<String>, String, Option<i32>) {
    session_with(&[], wrong)
}

/// [`session`] with `clausier lsp` given `flags`.
fn session_with(flags: &[&str], wrong: &[u8]) -> (Vec<String>, String, Option<i32>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_clausier"))
        .arg("lsp")
        .args(flags)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("clausier lsp starts");
    let mut stdin = child.stdin.take().unwrap();
    let received = frames(child.stdout.take().unwrap());
    let mut stderr = child.stderr.take().unwrap();
    let err = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    stdin.write_all(&frame(INITIALIZE)).unwrap();
    let mut messages = Vec::new();
    loop {
        let message = received
            .recv_timeout(Duration::from_secs(30))
            .expect("an answer to `initialize`");
        let answered = message.contains(r#""id":1"#);
        messages.push(message);
        if answered {
            break;
        }
    }
    let mut rest = frame(INITIALIZED);
    rest.extend_from_slice(wrong);
    rest.extend(frame(SHUTDOWN));
    stdin.write_all(&rest).unwrap();
    // `exit` goes once `shutdown` is answered, or after a while if it never is.
    let shutdown_deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < shutdown_deadline {
        match received.recv_timeout(Duration::from_millis(200)) {
            Ok(message) => {
                let answered = message.contains(r#""id":2"#);
                messages.push(message);
                if answered {
                    break;
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    stdin.write_all(&frame(EXIT)).unwrap();
    // The client keeps its end open, as an editor does: only `exit` may end the session.
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    drop(stdin);
    messages.extend(received.iter());
    (messages, err.join().unwrap(), status.and_then(|s| s.code()))
}

#[test]
fn a_wrong_header_loses_one_message_and_the_session_goes_on() {
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("no Content-Length", {
            let mut b = b"Content-Type: application/json\r\n\r\n".to_vec();
            b.extend_from_slice(LOST.as_bytes());
            b
        }),
        ("a negative length", {
            let mut b = b"Content-Length: -5\r\n\r\n".to_vec();
            b.extend_from_slice(LOST.as_bytes());
            b
        }),
        ("a huge length", {
            let mut b = b"Content-Length: 184467440737095516150\r\n\r\n".to_vec();
            b.extend_from_slice(LOST.as_bytes());
            b
        }),
        ("a length longer than the body", {
            let mut b = b"Content-Length: 100000\r\n\r\n".to_vec();
            b.extend_from_slice(LOST.as_bytes());
            b
        }),
        ("a length shorter than the body", {
            let mut b = b"Content-Length: 10\r\n\r\n".to_vec();
            b.extend_from_slice(LOST.as_bytes());
            b
        }),
    ];
    for (case, wrong) in cases {
        let (messages, stderr, code) = session(&wrong);
        let stdout = messages.join("\n");
        assert_eq!(
            code,
            Some(0),
            "{case}: the server did not exit cleanly\n{stderr}"
        );
        assert!(
            stdout.contains(r#""id":2"#) && stdout.contains(r#""result":null"#),
            "{case}: no answer to the shutdown that followed\n{stdout}"
        );
        assert!(!stdout.contains(r#""id":99"#), "{case}: {stdout}");
        assert!(
            stdout.contains("-32700"),
            "{case}: the client was not told of the bad frame\n{stdout}"
        );
        if case != "a length shorter than the body" {
            assert!(
                stderr.contains("clausier lsp: skipped"),
                "{case}: nothing logged\n{stderr}"
            );
        }
    }
}

#[test]
fn the_stdio_flag_that_editors_pass_is_accepted() {
    let (messages, stderr, code) = session_with(&["--stdio"], b"");
    let stdout = messages.join("\n");
    assert_eq!(code, Some(0), "clausier lsp --stdio did not run\n{stderr}");
    assert!(
        stdout.contains(r#""id":1"#) && stdout.contains("capabilities"),
        "no answer to initialize\n{stdout}"
    );
}
