"""The check lens and descriptor files: the descriptors declared for a pack, checked
against it as it is written, with the counts `clausier check` reports."""

from __future__ import annotations

import json
import pathlib
import shutil

import pytest
from lsprotocol import types as t
from pytest_lsp import LanguageClient

from conftest import (
    DATE,
    Documents,
    clausier,
    diagnostics_where,
    position_of,
    wait_until,
)


def declare_with_globs(pack: pathlib.Path) -> pathlib.Path:
    """Moves the descriptors out of `descriptors/` and declares them in pack.toml."""
    offers = pack / "offres"
    shutil.move(pack / "descriptors", offers)
    with (pack / "pack.toml").open("a", encoding="utf-8") as manifest:
        manifest.write('\n[workspace]\ndescriptors = ["offres/*.json", "offres/*.yaml"]\n')
    return offers


def expected_titles(pack: pathlib.Path, descriptors: pathlib.Path) -> dict[str, str]:
    """The lens title of each requirement, from `clausier check --format json`."""
    run = clausier("check", str(pack), str(descriptors), "--format", "json", "--date", DATE)
    assert run.returncode in (0, 1), run.stderr
    report = json.loads(run.stdout)
    counts: dict[str, dict[str, int]] = {}
    for descriptor in report["descriptors"]:
        for result in descriptor["results"]:
            if result["kind"] != "requirement":
                continue
            by_status = counts.setdefault(result["clause"], {})
            by_status[result["status"]] = by_status.get(result["status"], 0) + 1
    titles = {}
    for clause, by_status in counts.items():
        title = "✓ {} pass · ✗ {} fail · ? {} missing".format(
            by_status.get("pass", 0), by_status.get("fail", 0), by_status.get("missing", 0)
        )
        if by_status.get("not_applicable"):
            title += f" · {by_status['not_applicable']} not applicable"
        titles[clause] = title
    return titles


async def lens_titles(client: LanguageClient, document: str, text: str) -> dict[str, str]:
    lenses = await client.text_document_code_lens_async(
        t.CodeLensParams(text_document=t.TextDocumentIdentifier(uri=document))
    )
    titles = {}
    for lens in lenses:
        line = text.split("\n")[lens.range.start.line]
        clause = line[lens.range.start.character : lens.range.end.character]
        titles[clause] = lens.command.title
    return titles


@pytest.mark.parametrize("declared", ["folder", "globs"])
async def test_the_check_lens_counts_as_clausier_check(
    client: LanguageClient, pack: pathlib.Path, declared: str
):
    descriptors = pack / "descriptors" if declared == "folder" else declare_with_globs(pack)
    documents = Documents(client)
    requirements = documents.open(pack / "exigences.clause")
    text = documents.texts[requirements]

    titles = await lens_titles(client, requirements, text)
    assert titles == expected_titles(pack, descriptors)
    assert titles["HEB-01"] == "✓ 2 pass · ✗ 1 fail · ? 0 missing"

    hover = await client.text_document_hover_async(
        t.HoverParams(
            text_document=t.TextDocumentIdentifier(uri=requirements),
            position=position_of(text, "HEB-01"),
        )
    )
    assert "`b-hors-ue`" in hover.contents.value and "OTHER" in hover.contents.value


async def test_editing_a_descriptor_refreshes_the_lenses(client: LanguageClient, pack: pathlib.Path):
    documents = Documents(client)
    requirements = documents.open(pack / "exigences.clause")
    text = documents.texts[requirements]
    before = await lens_titles(client, requirements, text)
    assert before["HEB-01"] == "✓ 2 pass · ✗ 1 fail · ? 0 missing"

    offer = documents.open(pack / "descriptors" / "b-hors-ue.json", language="json")
    await diagnostics_where(client, offer, lambda ds: ds == [], "the descriptor's diagnostics")
    documents.change(offer, documents.texts[offer].replace('"OTHER"', '"EU"'))
    await wait_until(lambda: client.lens_refreshes > 0, "workspace/codeLens/refresh")

    after = await lens_titles(client, requirements, text)
    assert after["HEB-01"] == "✓ 3 pass · ✗ 0 fail · ? 0 missing"
    (pack / "descriptors" / "b-hors-ue.json").write_text(documents.texts[offer], "utf-8")
    assert after == expected_titles(pack, pack / "descriptors")


async def test_a_descriptor_file_gets_its_own_diagnostics(client: LanguageClient, pack: pathlib.Path):
    path = pack / "descriptors" / "d-invalide.json"
    path.write_text(
        '{\n  "id": "d-invalide",\n  "hosting": { "region": "EUROPE", "country": "FR" }\n}\n',
        "utf-8",
    )
    documents = Documents(client)
    offer = documents.open(path, language="json")
    found = await diagnostics_where(
        client, offer, lambda ds: any(d.code == "D0603" for d in ds), "D0603 on the enum value"
    )
    (wrong,) = [d for d in found if d.code == "D0603"]
    assert wrong.severity == t.DiagnosticSeverity.Error
    assert "EUROPE" in wrong.message
    value = position_of(documents.texts[offer], '"EUROPE"')
    assert wrong.range.start.line == value.line
    assert value.character <= wrong.range.start.character <= value.character + 1

    # Fixed as it is typed, before it is saved.
    documents.change(offer, documents.texts[offer].replace('"EUROPE"', '"EU"'))
    await diagnostics_where(client, offer, lambda ds: ds == [], "no more diagnostics")
