"""The server's own words in the editor's language: an editor whose locale is French
reads its hovers and check lenses in French, the code in them as written."""

from __future__ import annotations

import pathlib

from lsprotocol import types as t
from pytest_lsp import LanguageClient

from conftest import Documents, position_of


async def hover_text(client: LanguageClient, document: str, position: t.Position) -> str:
    hover = await client.text_document_hover_async(
        t.HoverParams(text_document=t.TextDocumentIdentifier(uri=document), position=position)
    )
    assert hover is not None, f"no hover at {position}"
    return hover.contents.value


async def test_a_french_editor_reads_hovers_in_french(
    french_client: LanguageClient, pack: pathlib.Path
):
    documents = Documents(french_client)
    requirements = documents.open(pack / "exigences.clause")
    text = documents.texts[requirements]

    field = await hover_text(french_client, requirements, position_of(text, "region in"))
    assert "champ de `descriptor.hosting`" in field, field
    assert "field of" not in field, field

    clause = await hover_text(french_client, requirements, position_of(text, "HEB-01"))
    assert "exigence HEB-01\nniveau obligatoire" in clause, clause
    assert "requirement HEB-01" not in clause, clause


async def test_a_french_editor_reads_the_check_lens_in_french(
    french_client: LanguageClient, pack: pathlib.Path
):
    documents = Documents(french_client)
    requirements = documents.open(pack / "exigences.clause")
    text = documents.texts[requirements]

    lenses = await french_client.text_document_code_lens_async(
        t.CodeLensParams(text_document=t.TextDocumentIdentifier(uri=requirements))
    )
    titles = {}
    for lens in lenses:
        line = text.split("\n")[lens.range.start.line]
        titles[line[lens.range.start.character : lens.range.end.character]] = lens.command.title
    assert titles["HEB-01"] == "✓ 2 satisfaites · ✗ 1 non satisfaite · ? 0 incomplète"

    hover = await hover_text(french_client, requirements, position_of(text, "HEB-01"))
    assert "face aux descripteurs déclarés (28 novembre 2026)" in hover, hover
    assert "Non satisfaite :\n- `b-hors-ue`" in hover, hover
