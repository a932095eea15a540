"""The life of a session: initialization, the pack's diagnostics as files change, stale
versions, and a clean shutdown."""

from __future__ import annotations

import pathlib

from lsprotocol import types as t
from pytest_lsp import LanguageClient

from conftest import (
    Documents,
    finish,
    diagnostics_where,
    no_diagnostics,
    position_of,
    start,
    uri,
    wait_until,
)


async def test_initialize_offers_the_features_in_utf16_by_default(bare_client: LanguageClient):
    result = await start(bare_client)
    capabilities = result.capabilities
    assert capabilities.position_encoding == t.PositionEncodingKind.Utf16
    sync = capabilities.text_document_sync
    assert sync.change == t.TextDocumentSyncKind.Full and sync.open_close
    assert capabilities.hover_provider
    assert list(capabilities.completion_provider.trigger_characters) == ["."]
    assert capabilities.definition_provider and capabilities.references_provider
    assert capabilities.rename_provider.prepare_provider
    assert capabilities.document_symbol_provider
    assert capabilities.document_link_provider and not capabilities.document_link_provider.resolve_provider
    assert capabilities.document_formatting_provider
    assert capabilities.document_range_formatting_provider
    assert capabilities.code_lens_provider is not None
    assert capabilities.code_action_provider is not None
    assert capabilities.selection_range_provider and capabilities.inlay_hint_provider
    assert capabilities.workspace_symbol_provider and capabilities.folding_range_provider
    assert "clause" in capabilities.semantic_tokens_provider.legend.token_types
    assert result.server_info.name == "clausier"
    await finish(bare_client)


async def test_utf8_is_chosen_when_the_client_offers_it(bare_client: LanguageClient):
    result = await start(bare_client, utf8=True)
    assert result.capabilities.position_encoding == t.PositionEncodingKind.Utf8
    await finish(bare_client)


async def test_every_file_of_the_pack_gets_located_diagnostics(
    client: LanguageClient, pack: pathlib.Path
):
    documents = Documents(client)
    requirements = documents.open(pack / "exigences.clause")
    others = [uri(pack / "schema.clause"), uri(pack / "parametres.clause")]
    # Files not open are published too: the whole pack is analysed.
    await no_diagnostics(client, [requirements, *others])

    text = documents.texts[requirements].replace("hosting.region in", "hosting.regoin in")
    documents.change(requirements, text)
    found = await diagnostics_where(
        client, requirements, lambda ds: any(d.code == "E0201" for d in ds), "E0201"
    )
    (unknown,) = [d for d in found if d.code == "E0201"]
    assert unknown.severity == t.DiagnosticSeverity.Error
    assert unknown.source == "clausier"
    assert "regoin" in unknown.message and "help: did you mean `region`?" in unknown.message
    start_at = position_of(text, "regoin")
    assert unknown.range.start == start_at
    assert unknown.range.end == t.Position(line=start_at.line, character=start_at.character + 6)
    assert unknown.data["explain"] == "clausier explain E0201"

    # An edit in one file is checked against the others: the schema loses the field.
    schema = documents.open(pack / "schema.clause")
    documents.change(requirements, text.replace("hosting.regoin in", "hosting.region in"))
    documents.change(
        schema, documents.texts[schema].replace("region: Region", "zone: Region")
    )
    found = await diagnostics_where(
        client, requirements, lambda ds: [d.code for d in ds] == ["E0201"], "E0201 from the schema"
    )
    assert found[0].range.start == position_of(documents.texts[requirements], "region in")

    documents.change(schema, documents.texts[schema].replace("zone: Region", "region: Region"))
    await no_diagnostics(client, [requirements, schema])


async def test_a_stale_change_is_ignored(client: LanguageClient, pack: pathlib.Path):
    documents = Documents(client)
    requirements = documents.open(pack / "exigences.clause")
    await no_diagnostics(client, [requirements])
    valid = documents.texts[requirements]
    broken = valid.replace("<= max_price", "<= max_prix")

    documents.change(requirements, broken, version=5)
    await diagnostics_where(
        client, requirements, lambda ds: [d.code for d in ds] == ["E0203"], "E0203 at version 5"
    )
    published_before = client.received.count(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)

    # Version 4 arrives late, with the valid text: it must change nothing.
    documents.change(requirements, valid, version=4)
    symbols = await client.text_document_document_symbol_async(
        t.DocumentSymbolParams(text_document=t.TextDocumentIdentifier(uri=requirements))
    )
    assert [s.name for s in symbols] == ["HEB-01", "PRX-01", "ACC-01"]
    hover = await client.text_document_hover_async(
        t.HoverParams(
            text_document=t.TextDocumentIdentifier(uri=requirements),
            position=position_of(broken, "max_prix"),
        )
    )
    # Still the text of version 5: `max_prix` is there, and names nothing.
    assert hover is None or "max_price" not in hover.contents.value
    assert [d.code for d in client.diagnostics[requirements]] == ["E0203"]

    # A newer version is taken, and its diagnostics replace the old ones.
    documents.change(requirements, valid, version=6)
    await no_diagnostics(client, [requirements])
    assert client.received.count(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS) > published_before


async def test_shutdown_then_exit_ends_the_server_with_0(bare_client: LanguageClient, pack):
    await start(bare_client)
    documents = Documents(bare_client)
    documents.open(pack / "exigences.clause")
    await wait_until(lambda: bare_client.diagnostics, "diagnostics")
    await bare_client.shutdown_session()
    assert bare_client._server.returncode == 0


async def test_an_unsaved_buffer_is_a_pack_of_its_own(client: LanguageClient):
    untitled = "untitled:Untitled-1"
    text = 'requirement R-01 "Sans fichier" {\n  require prix_max > 3\n}\n'
    client.text_document_did_open(
        t.DidOpenTextDocumentParams(
            text_document=t.TextDocumentItem(
                uri=untitled, language_id="clausier", version=1, text=text
            )
        )
    )
    found = await diagnostics_where(
        client, untitled, lambda ds: [d.code for d in ds] == ["E0203"], "E0203 in the buffer"
    )
    assert found[0].range.start == position_of(text, "prix_max")
    client.text_document_did_close(
        t.DidCloseTextDocumentParams(text_document=t.TextDocumentIdentifier(uri=untitled))
    )
    await diagnostics_where(client, untitled, lambda ds: ds == [], "the buffer's diagnostics cleared")
