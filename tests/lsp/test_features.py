"""The features an editor asks for, on a pack of several files."""

from __future__ import annotations

import pathlib

from lsprotocol import types as t
from pytest_lsp import LanguageClient

from conftest import (
    Documents,
    apply_edits,
    clausier,
    diagnostics_where,
    no_diagnostics,
    position_of,
    uri,
)


def at(document: str, position: t.Position) -> dict:
    return {"text_document": t.TextDocumentIdentifier(uri=document), "position": position}


async def hover_text(client: LanguageClient, document: str, position: t.Position) -> str:
    hover = await client.text_document_hover_async(t.HoverParams(**at(document, position)))
    assert hover is not None, f"no hover at {position}"
    assert hover.contents.kind == t.MarkupKind.Markdown
    return hover.contents.value


async def test_hover_a_field_a_param_and_a_clause(client: LanguageClient, pack: pathlib.Path):
    documents = Documents(client)
    requirements = documents.open(pack / "exigences.clause")
    text = documents.texts[requirements]

    field = await hover_text(client, requirements, position_of(text, "region in"))
    assert "region" in field and "Region" in field

    param = await hover_text(client, requirements, position_of(text, "max_price"))
    assert "max_price" in param and "6.00 €" in param
    assert "Prix maximal par élève" in param

    clause = await hover_text(client, requirements, position_of(text, "HEB-01"))
    assert "Hébergement des données dans l'UE" in clause


async def test_complete_the_fields_after_a_dot(client: LanguageClient, pack: pathlib.Path):
    documents = Documents(client)
    requirements = documents.open(pack / "exigences.clause")
    text = documents.texts[requirements] + '\nrequirement NEW-01 "Nouvelle" {\n  require hosting.\n}\n'
    documents.change(requirements, text)
    end = position_of(text, "hosting.\n")
    cursor = t.Position(line=end.line, character=end.character + len("hosting."))
    result = await client.text_document_completion_async(
        t.CompletionParams(
            **at(requirements, cursor),
            context=t.CompletionContext(
                trigger_kind=t.CompletionTriggerKind.TriggerCharacter, trigger_character="."
            ),
        )
    )
    items = result.items if isinstance(result, t.CompletionList) else result
    labels = [item.label for item in items]
    assert sorted(labels) == ["country", "region"]
    region = next(item for item in items if item.label == "region")
    assert region.kind == t.CompletionItemKind.Field
    assert region.text_edit.range.start == cursor and region.text_edit.new_text == "region"


async def test_complete_a_name_by_a_word_inside_it(client: LanguageClient, pack: pathlib.Path):
    documents = Documents(client)
    requirements = documents.open(pack / "exigences.clause")
    text = documents.texts[requirements] + '\nrequirement NEW-01 "Nouvelle" {\n  require price\n}\n'
    documents.change(requirements, text)
    end = position_of(text, "require price\n")
    cursor = t.Position(line=end.line, character=end.character + len("require price"))
    result = await client.text_document_completion_async(
        t.CompletionParams(**at(requirements, cursor))
    )
    items = result.items if isinstance(result, t.CompletionList) else result
    max_price = next((item for item in items if item.label == "max_price"), None)
    assert max_price is not None, [item.label for item in items]
    # An editor that filters by prefix keeps it: its filter text starts with the word.
    assert max_price.filter_text.startswith("price")
    assert max_price.text_edit.new_text == "max_price"
    assert max_price.text_edit.range.end == cursor


async def test_definition_and_references_cross_files(client: LanguageClient, pack: pathlib.Path):
    documents = Documents(client)
    requirements = documents.open(pack / "exigences.clause")
    text = documents.texts[requirements]
    position = position_of(text, "max_price")

    definition = await client.text_document_definition_async(
        t.DefinitionParams(**at(requirements, position))
    )
    definition = definition if isinstance(definition, t.Location) else definition[0]
    params_file = pack / "parametres.clause"
    assert definition.uri == uri(params_file)
    assert definition.range.start == position_of(params_file.read_text("utf-8"), "max_price")

    references = await client.text_document_references_async(
        t.ReferenceParams(
            **at(requirements, position), context=t.ReferenceContext(include_declaration=True)
        )
    )
    assert sorted({r.uri for r in references}) == sorted({uri(params_file), requirements})


async def test_rename_a_field_across_files(client: LanguageClient, pack: pathlib.Path):
    documents = Documents(client)
    names = ["schema.clause", "exigences.clause", "parametres.clause"]
    opened = {name: documents.open(pack / name) for name in names}
    await no_diagnostics(client, list(opened.values()))
    schema = opened["schema.clause"]
    position = position_of(documents.texts[schema], "region: Region")

    prepared = await client.text_document_prepare_rename_async(
        t.PrepareRenameParams(**at(schema, position))
    )
    assert prepared.start == position

    edit = await client.text_document_rename_async(
        t.RenameParams(**at(schema, position), new_name="zone")
    )
    touched = set(edit.changes)
    assert {schema, opened["exigences.clause"]} <= touched and len(touched) >= 2
    for document, edits in edit.changes.items():
        documents.change(document, apply_edits(documents.texts[document], edits))
    assert "hosting.zone in [EU, EEA]" in documents.texts[opened["exigences.clause"]]
    assert "zone: Region" in documents.texts[schema]
    await no_diagnostics(client, list(opened.values()))


async def test_rename_refused_with_the_reason(client: LanguageClient, pack: pathlib.Path):
    documents = Documents(client)
    schema = documents.open(pack / "schema.clause")
    position = position_of(documents.texts[schema], "region: Region")
    try:
        await client.text_document_rename_async(
            t.RenameParams(**at(schema, position), new_name="country")
        )
    except Exception as error:  # noqa: BLE001 - pygls raises its own exception types
        assert "`country` is already used" in str(error)
    else:
        raise AssertionError("renaming to a taken name must fail")


async def test_format_gives_what_clausier_fmt_gives(client: LanguageClient, pack: pathlib.Path):
    documents = Documents(client)
    params = documents.open(pack / "parametres.clause")
    messy = "param   max_price :money=6.00 €\n\n\n\n/// Taux de conformité RGAA minimal.\nparam min_rgaa: percent=75%"
    documents.change(params, messy)
    edits = await client.text_document_formatting_async(
        t.DocumentFormattingParams(
            text_document=t.TextDocumentIdentifier(uri=params),
            options=t.FormattingOptions(tab_size=2, insert_spaces=True),
        )
    )
    expected = clausier("fmt", "-", stdin=messy)
    assert expected.returncode == 0, expected.stderr
    assert edits, "a messy file gets edits"
    assert apply_edits(messy, edits) == expected.stdout

    # A file that does not parse is never rewritten, and the editor is told why.
    documents.change(params, "param max_price: money = \nrequirement {")
    try:
        await client.text_document_formatting_async(
            t.DocumentFormattingParams(
                text_document=t.TextDocumentIdentifier(uri=params),
                options=t.FormattingOptions(tab_size=2, insert_spaces=True),
            )
        )
    except Exception as error:  # noqa: BLE001 - pygls raises its own exception types
        assert "cannot format this file: it has a syntax error at line 1" in str(error)
    else:
        raise AssertionError("formatting a file with a syntax error must say why it fails")
    await diagnostics_where(client, params, lambda ds: ds, "syntax errors")


async def test_outline_and_folding(client: LanguageClient, pack: pathlib.Path):
    documents = Documents(client)
    schema = documents.open(pack / "schema.clause")
    symbols = await client.text_document_document_symbol_async(
        t.DocumentSymbolParams(text_document=t.TextDocumentIdentifier(uri=schema))
    )
    assert [s.name for s in symbols][:1] == ["Region"]
    region = symbols[0]
    assert region.kind == t.SymbolKind.Enum
    assert [c.name for c in region.children] == ["EU", "EEA", "ADEQUATE", "OTHER"]
    folds = await client.text_document_folding_range_async(
        t.FoldingRangeParams(text_document=t.TextDocumentIdentifier(uri=schema))
    )
    assert any(f.kind == t.FoldingRangeKind.Region and f.end_line > f.start_line for f in folds)


async def test_links_open_a_test_file_and_a_web_page(client: LanguageClient, pack: pathlib.Path):
    offer = sorted((pack / "descriptors").glob("*.json"))[0]
    tests = pack / "essais.clause"
    tests.write_text(
        "/// Source : https://example.test/cahier.\n"
        'test "une offre" {\n'
        f'  given "descriptors/{offer.name}"\n'
        "}\n"
        'test "une offre absente" {\n'
        '  given "descriptors/absente.json"\n'
        "}\n",
        encoding="utf-8",
    )
    documents = Documents(client)
    document = documents.open(tests)
    text = documents.texts[document]
    links = await client.text_document_document_link_async(
        t.DocumentLinkParams(text_document=t.TextDocumentIdentifier(uri=document))
    )
    found = sorted((link.range.start.line, link.target) for link in links)
    assert found == [
        (0, "https://example.test/cahier"),
        (2, uri(offer)),
    ], found
    path_link = next(link for link in links if link.target == uri(offer))
    start = position_of(text, f"descriptors/{offer.name}")
    assert path_link.range.start == start
    assert path_link.range.end.character == start.character + len(f"descriptors/{offer.name}")
