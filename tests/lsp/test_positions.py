"""Positions on lines with characters outside ASCII: `é` and `€` are one UTF-16 unit but
two and three UTF-8 bytes; `📚` is two UTF-16 units and four bytes."""

from __future__ import annotations

import pathlib

from lsprotocol import types as t
from pytest_lsp import LanguageClient

from conftest import Documents, diagnostics_where, position_of

LINE = 'requirement PRX-02 "Prix 📚 de 6 € par élève" { require pricing.per_studnet <= max_price }\n'


async def error_range(client: LanguageClient, pack: pathlib.Path) -> tuple[str, t.Range]:
    documents = Documents(client)
    requirements = documents.open(pack / "exigences.clause")
    text = documents.texts[requirements] + LINE
    documents.change(requirements, text)
    found = await diagnostics_where(
        client, requirements, lambda ds: any(d.code == "E0201" for d in ds), "E0201"
    )
    (unknown,) = [d for d in found if d.code == "E0201"]
    return text, unknown.range


async def test_utf16_columns(client: LanguageClient, pack: pathlib.Path):
    text, found = await error_range(client, pack)
    start = position_of(text, "per_studnet")
    # Counted by hand: `📚` counts two, `é` and `€` one each.
    assert start.character == len('requirement PRX-02 "Prix ') + 2 + len(' de 6 € par élève" { require pricing.')
    assert found.start == start
    assert found.end == t.Position(line=start.line, character=start.character + len("per_studnet"))

    # And back: a hover at that UTF-16 position finds the parameter after it.
    documents_text = text.split("\n")[start.line]
    max_price = documents_text.index("max_price")
    utf16 = len(documents_text[:max_price].encode("utf-16-le")) // 2
    hover = await client.text_document_hover_async(
        t.HoverParams(
            text_document=t.TextDocumentIdentifier(uri=(pack / "exigences.clause").as_uri()),
            position=t.Position(line=start.line, character=utf16 + 1),
        )
    )
    assert hover is not None and "max_price" in hover.contents.value


async def test_utf8_columns(utf8_client: LanguageClient, pack: pathlib.Path):
    text, found = await error_range(utf8_client, pack)
    start = position_of(text, "per_studnet", utf8=True)
    assert start.character == len('requirement PRX-02 "Prix 📚 de 6 € par élève" { require pricing.'.encode())
    assert found.start == start
    assert found.end == t.Position(line=start.line, character=start.character + len("per_studnet"))
