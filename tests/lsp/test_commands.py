"""The server's commands: the preview of the tender (`clausier.preview`), the descriptors
that fail a requirement (`clausier.failingVendors`), the command each check lens carries,
and the rule a requirement checks, in its hover, as the tender words it."""

from __future__ import annotations

import asyncio
import pathlib

from lsprotocol import types as t
from pytest_lsp import LanguageClient

from conftest import (
    DATE,
    TIMEOUT,
    Documents,
    finish,
    position_of,
    uri,
    vscode_capabilities,
)

PREVIEW = "clausier.preview"
FAILING_VENDORS = "clausier.failingVendors"


async def run(client: LanguageClient, command: str, *arguments):
    return await client.workspace_execute_command_async(
        t.ExecuteCommandParams(command=command, arguments=list(arguments))
    )


async def hover_text(client: LanguageClient, document: str, position: t.Position) -> str:
    hover = await client.text_document_hover_async(
        t.HoverParams(text_document=t.TextDocumentIdentifier(uri=document), position=position)
    )
    assert hover is not None, f"no hover at {position}"
    return hover.contents.value


def the_commands(client: LanguageClient) -> list[str]:
    provider = client.initialize_result.capabilities.execute_command_provider
    return list(provider.commands)


async def test_the_server_runs_the_preview_and_failing_vendors_commands(client: LanguageClient):
    # The lens's own command is the client's: the server does not claim it.
    assert the_commands(client) == [PREVIEW, FAILING_VENDORS]


async def test_the_preview_is_the_tender_render_writes_in_french(
    french_client: LanguageClient, pack: pathlib.Path
):
    documents = Documents(french_client)
    requirements = documents.open(pack / "exigences.clause")

    preview = await run(french_client, PREVIEW, requirements)
    assert preview["errors"] == []
    assert preview["title"] == "lsp-exemple"
    html = preview["html"]
    assert "<h1>Cahier des charges</h1>" in html, html
    assert (
        "Le candidat héberge l&#39;ensemble des données dans l&#39;Union européenne" in html
    ), html
    assert "Le candidat héberge l'ensemble des données" in preview["markdown"]

    # The same document from the pack's manifest.
    from_manifest = await run(french_client, PREVIEW, uri(pack / "pack.toml"))
    assert from_manifest["html"] == html


async def test_the_preview_follows_the_buffer_and_keeps_the_last_tender_while_broken(
    french_client: LanguageClient, pack: pathlib.Path
):
    documents = Documents(french_client)
    requirements = documents.open(pack / "exigences.clause")
    text = documents.texts[requirements]

    edited = text.replace("héberge l'ensemble des données", "héberge toutes les données")
    documents.change(requirements, edited)
    preview = await run(french_client, PREVIEW, requirements)
    assert "héberge toutes les données" in preview["html"], preview["html"]
    assert "héberge toutes les données" in preview["markdown"]
    html, markdown = preview["html"], preview["markdown"]

    documents.change(requirements, edited.replace("level must", "level shoud", 1))
    broken = await run(french_client, PREVIEW, requirements)
    assert broken["html"] == html
    assert broken["markdown"] == markdown
    # In words, where they are.
    assert broken["errors"] == [
        "exigences.clause:3: on attendait `must`, `should`, `info` ou `execution`, et non `shoud`"
    ]


async def test_a_broken_pack_never_previewed_has_no_tender(
    client: LanguageClient, pack: pathlib.Path
):
    documents = Documents(client)
    requirements = documents.open(pack / "exigences.clause")
    documents.change(
        requirements, documents.texts[requirements].replace("level must", "level shoud", 1)
    )
    broken = await run(client, PREVIEW, requirements)
    assert broken["html"] is None and broken["markdown"] is None
    assert broken["errors"] == [
        "exigences.clause:3: expected `must`, `should`, `info` or `execution`, found `shoud`"
    ]


def place(location) -> tuple[str, int, int]:
    if isinstance(location, dict):
        start = location["range"]["start"]
        return (location["uri"], start["line"], start["character"])
    return (location.uri, location.range.start.line, location.range.start.character)


async def test_failing_vendors_are_the_descriptors_that_fail_a_requirement(
    client: LanguageClient, pack: pathlib.Path
):
    documents = Documents(client)
    requirements = documents.open(pack / "exigences.clause")

    locations = await run(client, FAILING_VENDORS, requirements, "HEB-01")
    offer = pack / "descriptors" / "b-hors-ue.json"
    # On the line and at the column of the value that fails.
    value = position_of(offer.read_text("utf-8"), '"OTHER"')
    assert [place(location) for location in locations] == [
        (uri(offer), value.line, value.character)
    ]

    # One that lacks the data the requirement reads is listed on its first line.
    locations = await run(client, FAILING_VENDORS, requirements, "PRX-01")
    places = [place(location) for location in locations]
    incomplete = uri(pack / "descriptors" / "c-incomplet.yaml")
    assert (incomplete, 0, 0) in places, places

    assert await run(client, FAILING_VENDORS, requirements, "NONE-01") == []


async def test_each_lens_carries_the_command_that_shows_the_failing_vendors(
    client: LanguageClient, pack: pathlib.Path
):
    documents = Documents(client)
    requirements = documents.open(pack / "exigences.clause")
    text = documents.texts[requirements]

    lenses = await client.text_document_code_lens_async(
        t.CodeLensParams(text_document=t.TextDocumentIdentifier(uri=requirements))
    )
    by_clause = {}
    for lens in lenses:
        line = text.split("\n")[lens.range.start.line]
        by_clause[line[lens.range.start.character : lens.range.end.character]] = lens
    heb = by_clause["HEB-01"]
    assert heb.command.title == "✓ 2 pass · ✗ 1 fail · ? 0 missing"
    assert heb.command.command == "clausier.showFailingVendors"
    at = position_of(text, "HEB-01")
    assert list(heb.command.arguments) == [
        requirements,
        {"line": at.line, "character": at.character},
        "HEB-01",
    ]
    assert by_clause["ACC-01"].command.command == "clausier.showFailingVendors"


async def test_the_hover_links_the_failing_descriptors(client: LanguageClient, pack: pathlib.Path):
    documents = Documents(client)
    requirements = documents.open(pack / "exigences.clause")
    text = documents.texts[requirements]

    hover = await hover_text(client, requirements, position_of(text, "HEB-01"))
    offer = pack / "descriptors" / "b-hors-ue.json"
    line = position_of(offer.read_text("utf-8"), '"OTHER"').line + 1
    link = f"[descriptors/b-hors-ue.json:{line}]({uri(offer)}#L{line})"
    assert link in hover, hover
    assert f"({offer})" not in hover, hover


async def test_the_hover_says_the_rule_a_requirement_checks(
    french_client: LanguageClient, pack: pathlib.Path
):
    documents = Documents(french_client)
    requirements = documents.open(pack / "exigences.clause")
    text = documents.texts[requirements]

    on_id = await hover_text(french_client, requirements, position_of(text, "HEB-01"))
    rule = "Règle vérifiée : `hosting.region` est l'une des valeurs `EU`, `EEA`"
    assert rule in on_id, on_id
    on_condition = await hover_text(french_client, requirements, position_of(text, " EEA]"))
    assert on_condition == rule


async def test_the_language_option_overrides_the_locale(bare_client: LanguageClient, pack):
    params = t.InitializeParams(
        capabilities=vscode_capabilities(),
        initialization_options={"date": DATE, "language": "en"},
        locale="fr",
    )
    bare_client.initialize_result = await asyncio.wait_for(
        bare_client.initialize_session(params), TIMEOUT
    )
    documents = Documents(bare_client)
    requirements = documents.open(pack / "exigences.clause")
    text = documents.texts[requirements]

    hover = await hover_text(bare_client, requirements, position_of(text, "HEB-01"))
    assert "Rule checked: `hosting.region` is one of `EU`, `EEA`" in hover, hover
    preview = await run(bare_client, PREVIEW, requirements)
    assert "<h1>Tender specifications</h1>" in preview["html"], preview["html"]
    await finish(bare_client)
