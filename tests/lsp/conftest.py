"""End-to-end tests of `clausier lsp`: the real binary, started over standard input and
output, driven by an independent client (pytest-lsp, on pygls).

The binary is the one named by the environment variable CLAUSIER_BIN
(crates/clausier_cli/tests/lsp_e2e.rs sets it). Every test gets its own server and its
own copy of the fixture pack, and ends with `shutdown` then `exit`: the test fails if the
server then exits with another code than 0, sent a message the client does not expect,
or logged an error or a warning.
"""

from __future__ import annotations

import asyncio
import copy
import functools
import os
import pathlib
import shutil
import subprocess
from typing import Any, Callable

import pytest
import pytest_lsp
from lsprotocol import types as t
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

FIXTURES = pathlib.Path(__file__).parent / "fixtures"
DATE = "2026-11-28"
TIMEOUT = 10.0

CLAUSIER_BIN = os.environ.get("CLAUSIER_BIN", "")
if not CLAUSIER_BIN:
    raise pytest.UsageError(
        "CLAUSIER_BIN is not set: give the path of the `clausier` binary to test, "
        "or run `cargo test -p clausier_cli --test lsp_e2e`"
    )

# What the server may send the client. Anything else fails the test.
SERVER_METHODS = {
    t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS,
    t.WINDOW_LOG_MESSAGE,
    t.WINDOW_SHOW_MESSAGE,
    t.CLIENT_REGISTER_CAPABILITY,
    t.WORKSPACE_CODE_LENS_REFRESH,
}


class StrictProtocol(pytest_lsp.LanguageClientProtocol):
    """Records every message the server sends, and each one no test expects."""

    def handle_message(self, message):
        client = self._server
        method = getattr(message, "method", None)
        if method is not None:
            client.received.append(method)
            if method not in SERVER_METHODS:
                client.unexpected.append(f"the server sent `{method}`")
        return super().handle_message(message)


def make_client() -> LanguageClient:
    client = pytest_lsp.make_test_lsp_client()
    client.protocol.__class__ = StrictProtocol
    client.received = []
    client.unexpected = []
    client.lens_refreshes = 0
    client.registrations = []

    @client.feature(t.WORKSPACE_CODE_LENS_REFRESH)
    def code_lens_refresh(_params):
        client.lens_refreshes += 1

    @client.feature(t.CLIENT_REGISTER_CAPABILITY)
    def register_capability(params: t.RegistrationParams):
        client.registrations.extend(params.registrations)

    return client


SERVER = ClientServerConfig(
    server_command=[CLAUSIER_BIN, "lsp"],
    client_factory=make_client,
)


@functools.cache
def recorded_capabilities() -> t.ClientCapabilities:
    """What VS Code says it supports (read once: it takes a while)."""
    return client_capabilities("visual-studio-code")


def vscode_capabilities(*, utf8: bool = False) -> t.ClientCapabilities:
    capabilities = copy.deepcopy(recorded_capabilities())
    if utf8:
        general = capabilities.general or t.GeneralClientCapabilities()
        general.position_encodings = [t.PositionEncodingKind.Utf8, t.PositionEncodingKind.Utf16]
        capabilities.general = general
    return capabilities


async def start(
    client: LanguageClient, *, utf8: bool = False, locale: str = "en"
) -> t.InitializeResult:
    params = t.InitializeParams(
        capabilities=vscode_capabilities(utf8=utf8),
        initialization_options={"date": DATE},
        # The suite reads the server's English words; the French ones have tests of their
        # own, with `french_client`.
        locale=locale,
    )
    result = await asyncio.wait_for(client.initialize_session(params), TIMEOUT)
    client.initialize_result = result
    return result


async def finish(client: LanguageClient) -> None:
    """Shuts the server down and checks it behaved throughout."""
    await asyncio.wait_for(client.shutdown_session(), TIMEOUT)
    problems = list(client.unexpected)
    for message in [*client.log_messages, *client.messages]:
        if message.type in (t.MessageType.Error, t.MessageType.Warning):
            problems.append(f"the server said ({message.type.name}): {message.message}")
    if client._server is not None and client._server.returncode != 0:
        problems.append(f"the server exited with {client._server.returncode}")
    assert not problems, "\n".join(problems)


async def stop(client: LanguageClient) -> None:
    """Ends a server the test left running (it failed before shutting it down): the
    client library would otherwise wait for it forever."""
    server = client._server
    if server is not None and server.returncode is None:
        server.kill()
        await server.wait()


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient):
    """A server speaking UTF-16, as most editors do."""
    await start(lsp_client)
    try:
        yield
        await finish(lsp_client)
    finally:
        await stop(lsp_client)


@pytest_lsp.fixture(config=SERVER)
async def utf8_client(lsp_client: LanguageClient):
    """A server that negotiated UTF-8 positions."""
    await start(lsp_client, utf8=True)
    try:
        yield
        await finish(lsp_client)
    finally:
        await stop(lsp_client)


@pytest_lsp.fixture(config=SERVER)
async def french_client(lsp_client: LanguageClient):
    """A server for an editor whose locale is French."""
    await start(lsp_client, locale="fr")
    try:
        yield
        await finish(lsp_client)
    finally:
        await stop(lsp_client)


@pytest_lsp.fixture(config=SERVER)
async def bare_client(lsp_client: LanguageClient):
    """A server started, not initialized: the test does it, and shuts it down."""
    yield
    await stop(lsp_client)


@pytest.fixture
def pack(tmp_path: pathlib.Path) -> pathlib.Path:
    """A copy of the fixture pack: several clause files, a manifest, and a
    `descriptors/` folder of vendor descriptors."""
    target = tmp_path / "pack"
    shutil.copytree(FIXTURES / "pack", target)
    return target.resolve()


@pytest.fixture
def region(tmp_path: pathlib.Path, pack: pathlib.Path) -> pathlib.Path:
    """A pack that depends on the fixture pack, beside it in one repository (a pack may
    only depend on packs of its own repository)."""
    (tmp_path / ".git").mkdir()
    target = tmp_path / "region"
    shutil.copytree(FIXTURES / "region", target)
    return target.resolve()


def uri(path: pathlib.Path) -> str:
    return path.as_uri()


class Documents:
    """The client's side of the documents: what it opened and at which version."""

    def __init__(self, client: LanguageClient):
        self.client = client
        self.texts: dict[str, str] = {}
        self.versions: dict[str, int] = {}

    def open(self, path: pathlib.Path, language: str = "clausier") -> str:
        document = uri(path)
        text = path.read_text(encoding="utf-8")
        self.texts[document] = text
        self.versions[document] = 1
        self.client.text_document_did_open(
            t.DidOpenTextDocumentParams(
                text_document=t.TextDocumentItem(
                    uri=document, language_id=language, version=1, text=text
                )
            )
        )
        return document

    def change(self, document: str, text: str, version: int | None = None) -> int:
        """Sends the full new text; `version` defaults to the next one."""
        if version is None:
            version = self.versions[document] + 1
        self.versions[document] = max(version, self.versions[document])
        self.texts[document] = text
        self.client.text_document_did_change(
            t.DidChangeTextDocumentParams(
                text_document=t.VersionedTextDocumentIdentifier(uri=document, version=version),
                content_changes=[t.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
        return version


async def wait_until(condition: Callable[[], Any], what: str, timeout: float = TIMEOUT) -> Any:
    """Polls `condition` until it returns something true, which is returned."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        found = condition()
        if found:
            return found
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


async def diagnostics_where(
    client: LanguageClient, document: str, accept: Callable[[list[t.Diagnostic]], bool], what: str
) -> list[t.Diagnostic]:
    """The diagnostics last published for `document`, once `accept` takes them."""

    def current():
        found = client.diagnostics.get(document)
        if found is not None and accept(list(found)):
            return (list(found),)
        return None

    (found,) = await wait_until(current, what)
    return found


async def no_diagnostics(client: LanguageClient, documents: list[str]) -> None:
    await wait_until(
        lambda: all(d in client.diagnostics and not client.diagnostics[d] for d in documents),
        "no diagnostics in " + ", ".join(documents),
    )


def position_of(text: str, needle: str, *, utf8: bool = False, nth: int = 0) -> t.Position:
    """The LSP position of the `nth` occurrence of `needle`, counting UTF-16 code units
    (or UTF-8 bytes)."""
    offset = -1
    for _ in range(nth + 1):
        offset = text.index(needle, offset + 1)
    before = text[:offset]
    line = before.count("\n")
    column_text = before[before.rfind("\n") + 1 :]
    if utf8:
        character = len(column_text.encode("utf-8"))
    else:
        character = len(column_text.encode("utf-16-le")) // 2
    return t.Position(line=line, character=character)


def offset_of(text: str, position: t.Position) -> int:
    """The index in `text` of a UTF-16 LSP position."""
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[: position.line])
    line = lines[position.line] if position.line < len(lines) else ""
    units = 0
    for index, char in enumerate(line):
        if units >= position.character:
            return start + index
        units += len(char.encode("utf-16-le")) // 2
    return start + len(line)


def apply_edits(text: str, edits: list[t.TextEdit]) -> str:
    """Applies non-overlapping edits, the last first so that offsets hold."""
    spans = [
        (offset_of(text, edit.range.start), offset_of(text, edit.range.end), edit.new_text)
        for edit in edits
    ]
    for start, end, new_text in sorted(spans, reverse=True):
        text = text[:start] + new_text + text[end:]
    return text


def clausier(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CLAUSIER_BIN, *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT,
    )
