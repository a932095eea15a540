"""JSON-RPC as a careless or hostile client speaks it, on the raw standard input and
output of the server: a client library would refuse to send such frames."""

from __future__ import annotations

import json
import pathlib
import queue
import subprocess
import threading

from conftest import CLAUSIER_BIN, TIMEOUT, position_of

PARSE_ERROR = -32700
METHOD_NOT_FOUND = -32601
INVALID_PARAMS = -32602
REQUEST_CANCELLED = -32800


class RawServer:
    """`clausier lsp` with its standard streams in the test's hands."""

    def __init__(self):
        self.process = subprocess.Popen(
            [CLAUSIER_BIN, "lsp"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.messages: queue.Queue = queue.Queue()
        self.notifications: list[dict] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        stream = self.process.stdout
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                headers[name.strip().lower()] = value.strip()
            body = stream.read(int(headers[b"content-length"]))
            self.messages.put(json.loads(body))

    def send_bytes(self, body: bytes):
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def send(self, message: dict):
        self.send_bytes(json.dumps({"jsonrpc": "2.0", **message}).encode())

    def response(self, id) -> dict:
        """The response with this id; notifications met on the way are kept."""
        while True:
            message = self.messages.get(timeout=TIMEOUT)
            assert message is not None, "the server closed its output"
            if "method" in message:
                self.notifications.append(message)
                continue
            assert message.get("id") == id, f"expected the response to {id}, got {message}"
            return message

    def close(self):
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=TIMEOUT)
        self.process.stdout.close()
        self.process.stderr.close()


def test_malformed_messages_get_errors_and_the_server_goes_on(pack: pathlib.Path):
    server = RawServer()
    try:
        server.send({"id": 1, "method": "initialize", "params": {"capabilities": {}}})
        assert "capabilities" in server.response(1)["result"]
        server.send({"method": "initialized", "params": {}})

        server.send_bytes(b'{"jsonrpc": "2.0", "id": 2, "method": ')
        assert server.response(None)["error"]["code"] == PARSE_ERROR

        server.send({"id": 3, "method": "clausier/noSuchMethod", "params": {}})
        assert server.response(3)["error"]["code"] == METHOD_NOT_FOUND

        server.send({"id": 4, "method": "textDocument/hover", "params": {"textDocument": 5}})
        assert server.response(4)["error"]["code"] == INVALID_PARAMS

        # A notification with wrong params has no answer, and changes nothing.
        server.send({"method": "textDocument/didOpen", "params": {"textDocument": {}}})

        path = pack / "exigences.clause"
        text = path.read_text("utf-8")
        document = {"uri": path.as_uri()}
        server.send(
            {
                "method": "textDocument/didOpen",
                "params": {
                    "textDocument": {**document, "languageId": "clause", "version": 1, "text": text}
                },
            }
        )
        position = position_of(text, "max_price")
        server.send(
            {
                "id": 5,
                "method": "textDocument/hover",
                "params": {
                    "textDocument": document,
                    "position": {"line": position.line, "character": position.character},
                },
            }
        )
        assert "max_price" in server.response(5)["result"]["contents"]["value"]

        # A cancelled request is answered, with its result or as cancelled.
        server.send(
            {
                "id": 6,
                "method": "textDocument/references",
                "params": {
                    "textDocument": document,
                    "position": {"line": position.line, "character": position.character},
                    "context": {"includeDeclaration": True},
                },
            }
        )
        server.send({"method": "$/cancelRequest", "params": {"id": 6}})
        answer = server.response(6)
        assert "result" in answer or answer["error"]["code"] == REQUEST_CANCELLED

        server.send({"id": 7, "method": "shutdown"})
        assert server.response(7)["result"] is None
        server.send({"method": "exit"})
        assert server.process.wait(timeout=TIMEOUT) == 0
        assert server.messages.get(timeout=TIMEOUT) is None, "nothing after the exit"
        methods = {n["method"] for n in server.notifications}
        assert methods <= {"textDocument/publishDiagnostics"}, methods
    finally:
        server.close()


def test_closing_standard_input_ends_the_server():
    server = RawServer()
    try:
        server.send({"id": 1, "method": "initialize", "params": {"capabilities": {}}})
        server.response(1)
        server.process.stdin.close()
        # No shutdown was asked: the protocol wants 1.
        assert server.process.wait(timeout=TIMEOUT) == 1
    finally:
        server.close()
