"""A pack with a dependency, and the features that read the whole workspace: workspace
symbols, semantic tokens, inlay hints, selection ranges and quick fixes."""

from __future__ import annotations

import pathlib

from lsprotocol import types as t
from pytest_lsp import LanguageClient

from conftest import (
    Documents,
    apply_edits,
    diagnostics_where,
    no_diagnostics,
    position_of,
    uri,
)


def document(document_uri: str) -> t.TextDocumentIdentifier:
    return t.TextDocumentIdentifier(uri=document_uri)


async def test_a_pack_is_checked_with_its_dependencies(
    client: LanguageClient, pack: pathlib.Path, region: pathlib.Path
):
    documents = Documents(client)
    consultation = documents.open(region / "consultation.clause")
    # `hosting.country` and the `use`d clauses come from the dependency.
    await no_diagnostics(client, [consultation])
    text = documents.texts[consultation]
    definition = await client.text_document_definition_async(
        t.DefinitionParams(
            text_document=document(consultation), position=position_of(text, "country")
        )
    )
    definition = definition if isinstance(definition, t.Location) else definition[0]
    assert definition.uri == uri(pack / "schema.clause")

    # The region's override shows where the dependency reads the parameter.
    requirements = documents.open(pack / "exigences.clause")
    hints = await client.text_document_inlay_hint_async(
        t.InlayHintParams(
            text_document=document(requirements),
            range=t.Range(start=t.Position(line=0, character=0), end=t.Position(line=99, character=0)),
        )
    )
    labels = [hint.label for hint in hints]
    assert any("6.00 €" in label for label in labels), labels

    # An error in the region's own file is the region's.
    documents.change(consultation, text.replace("hosting.country", "hosting.contry"))
    found = await diagnostics_where(
        client, consultation, lambda ds: [d.code for d in ds] == ["E0201"], "E0201 in the region"
    )
    assert found[0].range.start == position_of(documents.texts[consultation], "contry")


async def test_workspace_symbols_find_declarations_in_every_file(
    client: LanguageClient, pack: pathlib.Path
):
    documents = Documents(client)
    documents.open(pack / "exigences.clause")
    symbols = await client.workspace_symbol_async(t.WorkspaceSymbolParams(query="max_pri"))
    found = {(s.name, s.location.uri) for s in symbols}
    assert ("max_price", uri(pack / "parametres.clause")) in found
    symbols = await client.workspace_symbol_async(t.WorkspaceSymbolParams(query="HEB"))
    assert any(s.name.startswith("HEB-01") for s in symbols)


async def test_semantic_tokens_use_the_servers_legend(client: LanguageClient, pack: pathlib.Path):
    documents = Documents(client)
    requirements = documents.open(pack / "exigences.clause")
    text = documents.texts[requirements]
    tokens = await client.text_document_semantic_tokens_full_async(
        t.SemanticTokensParams(text_document=document(requirements))
    )
    data = tokens.data
    assert len(data) % 5 == 0 and data
    # Decode and find the keyword `requirement` at the start of the file's second item.
    provider = client.initialize_result.capabilities.semantic_tokens_provider
    legend = list(provider.legend.token_types)
    line = column = 0
    decoded = []
    for i in range(0, len(data), 5):
        delta_line, delta_start, length, kind, _ = data[i : i + 5]
        line += delta_line
        column = delta_start if delta_line else column + delta_start
        source = text.split("\n")[line]
        decoded.append((source[column : column + length], legend[kind]))
    assert ("requirement", "keyword") in decoded
    assert ("max_price", "parameter") in decoded
    assert ("HEB-01", "clause") in decoded


async def test_selection_grows_outwards(client: LanguageClient, pack: pathlib.Path):
    documents = Documents(client)
    requirements = documents.open(pack / "exigences.clause")
    text = documents.texts[requirements]
    (selection,) = await client.text_document_selection_range_async(
        t.SelectionRangeParams(
            text_document=document(requirements), positions=[position_of(text, "max_price")]
        )
    )
    ranges = []
    while selection is not None:
        ranges.append(selection.range)
        selection = selection.parent
    assert len(ranges) >= 3
    assert ranges[0].start == position_of(text, "max_price")
    assert ranges[-1].start == t.Position(line=0, character=0)


async def test_a_quick_fix_repairs_its_diagnostic(client: LanguageClient, pack: pathlib.Path):
    documents = Documents(client)
    requirements = documents.open(pack / "exigences.clause")
    text = documents.texts[requirements].replace("hosting.region in", "hosting.regoin in")
    documents.change(requirements, text)
    found = await diagnostics_where(
        client, requirements, lambda ds: [d.code for d in ds] == ["E0201"], "E0201"
    )
    actions = await client.text_document_code_action_async(
        t.CodeActionParams(
            text_document=document(requirements),
            range=found[0].range,
            context=t.CodeActionContext(diagnostics=found, only=[t.CodeActionKind.QuickFix]),
        )
    )
    fixes = [a for a in actions if a.diagnostics and a.diagnostics[0].code == "E0201"]
    assert all(fix.kind == t.CodeActionKind.QuickFix for fix in fixes)
    (fix,) = [fix for fix in fixes if "`region`" in fix.title]
    documents.change(requirements, apply_edits(text, fix.edit.changes[requirements]))
    assert "hosting.region in" in documents.texts[requirements]
    await no_diagnostics(client, [requirements])
