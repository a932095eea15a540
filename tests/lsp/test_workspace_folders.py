"""One server for a workspace of many packs: the server finds the packs under the
editor's workspace folders itself, and checks a vendor's file opened alone against the
packs whose `[workspace] descriptors` declare it, wherever it is."""

from __future__ import annotations

import asyncio
import pathlib
import shutil

import pytest
import pytest_lsp
from lsprotocol import types as t
from pytest_lsp import LanguageClient

from test_descriptors import lens_titles
from conftest import (
    DATE,
    FIXTURES,
    SERVER,
    TIMEOUT,
    Documents,
    apply_edits,
    diagnostics_where,
    finish,
    position_of,
    wait_until,
    stop,
    uri,
    vscode_capabilities,
)


@pytest.fixture
def workspace(tmp_path: pathlib.Path) -> pathlib.Path:
    """Two packs, `rules/a` and `rules/b` (which depends on `a`), and vendors' offers in
    `offres/`, outside both, declared by `rules/a` only; `autres/` is declared by none."""
    target = tmp_path / "workspace"
    shutil.copytree(FIXTURES / "workspace", target)
    # A pack depends only on packs of its own repository.
    (target / ".git").mkdir()
    return target.resolve()


async def start_in(client: LanguageClient, folder: pathlib.Path) -> None:
    params = t.InitializeParams(
        capabilities=vscode_capabilities(),
        initialization_options={"date": DATE},
        locale="en",
        workspace_folders=[t.WorkspaceFolder(uri=uri(folder), name=folder.name)],
    )
    client.initialize_result = await asyncio.wait_for(client.initialize_session(params), TIMEOUT)


@pytest_lsp.fixture(config=SERVER)
async def workspace_client(lsp_client: LanguageClient, workspace: pathlib.Path):
    """A server started on the workspace folder."""
    await start_in(lsp_client, workspace)
    try:
        yield
        await finish(lsp_client)
    finally:
        await stop(lsp_client)


async def test_the_server_takes_workspace_folders(workspace_client: LanguageClient):
    folders = workspace_client.initialize_result.capabilities.workspace.workspace_folders
    assert folders.supported is True
    assert folders.change_notifications is True


async def test_a_vendor_file_opened_alone_is_checked_by_the_pack_that_declares_it(
    workspace_client: LanguageClient, workspace: pathlib.Path
):
    documents = Documents(workspace_client)
    offer = documents.open(workspace / "offres" / "x.json", language="json")
    found = await diagnostics_where(
        workspace_client, offer, lambda ds: any(d.code == "D0603" for d in ds), "D0603"
    )
    (wrong,) = [d for d in found if d.code == "D0603"]
    assert "EUROPE" in wrong.message
    assert wrong.range.start.line == 3

    # A file no pack declares costs nothing and says nothing.
    unrelated = documents.open(workspace / "autres" / "z.json", language="json")
    documents.change(offer, documents.texts[offer].replace('"EUROPE"', '"EU"'))
    await diagnostics_where(workspace_client, offer, lambda ds: ds == [], "the offer fixed")
    await asyncio.sleep(0.3)
    assert unrelated not in workspace_client.diagnostics


async def test_a_folder_added_later_is_searched_for_packs(
    bare_client: LanguageClient, workspace: pathlib.Path
):
    elsewhere = workspace / "autres"
    await start_in(bare_client, elsewhere)
    try:
        documents = Documents(bare_client)
        offer = documents.open(workspace / "offres" / "x.json", language="json")
        await asyncio.sleep(0.3)
        assert offer not in bare_client.diagnostics

        bare_client.workspace_did_change_workspace_folders(
            t.DidChangeWorkspaceFoldersParams(
                event=t.WorkspaceFoldersChangeEvent(
                    added=[t.WorkspaceFolder(uri=uri(workspace), name="workspace")],
                    removed=[t.WorkspaceFolder(uri=uri(elsewhere), name="autres")],
                )
            )
        )
        await diagnostics_where(
            bare_client, offer, lambda ds: any(d.code == "D0603" for d in ds), "D0603"
        )
        await finish(bare_client)
    finally:
        await stop(bare_client)


def without_watched_files_registration() -> t.ClientCapabilities:
    """VS Code's capabilities less the dynamic registration of watched files, as Neovim
    on Linux has them."""
    capabilities = vscode_capabilities()
    capabilities.workspace.did_change_watched_files = t.DidChangeWatchedFilesClientCapabilities(
        dynamic_registration=False
    )
    return capabilities


async def test_a_change_on_disk_is_seen_by_the_servers_own_watcher(
    bare_client: LanguageClient, workspace: pathlib.Path
):
    params = t.InitializeParams(
        capabilities=without_watched_files_registration(),
        initialization_options={"date": DATE},
        locale="en",
        workspace_folders=[t.WorkspaceFolder(uri=uri(workspace), name="workspace")],
    )
    await asyncio.wait_for(bare_client.initialize_session(params), TIMEOUT)
    try:
        documents = Documents(bare_client)
        requirements = documents.open(workspace / "rules" / "a" / "exigences.clause")
        text = documents.texts[requirements]
        await diagnostics_where(bare_client, requirements, lambda ds: ds == [], "the pack read")
        before = await lens_titles(bare_client, requirements, text)
        assert before["HEB-01"] == "✓ 0 pass · ✗ 1 fail · ? 0 missing"
        assert bare_client.registrations == []

        # Neither opened nor saved in the editor: changed on disk only.
        offer = workspace / "offres" / "y.json"
        offer.write_text(offer.read_text("utf-8").replace('"OTHER"', '"EU"'), "utf-8")
        await wait_until(lambda: bare_client.lens_refreshes > 0, "workspace/codeLens/refresh")
        after = await lens_titles(bare_client, requirements, text)
        assert after["HEB-01"] == "✓ 1 pass · ✗ 0 fail · ? 0 missing"

        # A new offer in the declared folder counts too.
        refreshes = bare_client.lens_refreshes
        new_offer = (workspace / "offres" / "y.json").read_text("utf-8").replace('"y"', '"w"')
        (workspace / "offres" / "w.json").write_text(new_offer, "utf-8")
        await wait_until(lambda: bare_client.lens_refreshes > refreshes, "another refresh")
        again = await lens_titles(bare_client, requirements, text)
        assert again["HEB-01"] == "✓ 2 pass · ✗ 0 fail · ? 0 missing"
        await finish(bare_client)
    finally:
        await stop(bare_client)


async def test_renaming_a_requirement_renames_it_in_the_packs_that_use_it(
    workspace_client: LanguageClient, workspace: pathlib.Path
):
    documents = Documents(workspace_client)
    national = documents.open(workspace / "rules" / "a" / "exigences.clause")
    regional = documents.open(workspace / "rules" / "b" / "consultation.clause")
    # The dependant's buffer, not yet saved, is what its edits must fit.
    edited = "// Brouillon.\n\n" + documents.texts[regional]
    documents.change(regional, edited)
    await diagnostics_where(workspace_client, regional, lambda ds: ds == [], "pack b read")

    text = documents.texts[national]
    edit = await workspace_client.text_document_rename_async(
        t.RenameParams(
            text_document=t.TextDocumentIdentifier(uri=national),
            position=position_of(text, "HEB-01"),
            new_name="HEB-99",
        )
    )
    assert set(edit.changes) == {national, regional}
    assert "requirement HEB-99 " in apply_edits(text, edit.changes[national])
    renamed = apply_edits(edited, edit.changes[regional])
    assert renamed == edited.replace("use a::{HEB-01, PRX-01}", "use a::{HEB-99, PRX-01}")


async def test_a_rename_to_a_name_a_dependant_holds_is_refused(
    workspace_client: LanguageClient, workspace: pathlib.Path
):
    documents = Documents(workspace_client)
    national = documents.open(workspace / "rules" / "a" / "exigences.clause")
    try:
        await workspace_client.text_document_rename_async(
            t.RenameParams(
                text_document=t.TextDocumentIdentifier(uri=national),
                position=position_of(documents.texts[national], "HEB-01"),
                new_name="REG-01",
            )
        )
    except Exception as error:  # noqa: BLE001 - pygls raises its own exception types
        assert "`REG-01` is already used" in str(error)
    else:
        raise AssertionError("renaming to a name pack b holds must fail")


async def test_a_client_that_watches_files_itself_is_not_doubled_by_the_server(
    workspace_client: LanguageClient, workspace: pathlib.Path
):
    await wait_until(lambda: workspace_client.registrations, "VS Code's watcher registered")
    documents = Documents(workspace_client)
    requirements = documents.open(workspace / "rules" / "a" / "exigences.clause")
    await diagnostics_where(workspace_client, requirements, lambda ds: ds == [], "pack a read")
    await lens_titles(workspace_client, requirements, documents.texts[requirements])

    # The client would say it (`didChangeWatchedFiles`); the server does not watch too.
    offer = workspace / "offres" / "y.json"
    offer.write_text(offer.read_text("utf-8").replace('"OTHER"', '"EU"'), "utf-8")
    await asyncio.sleep(1.0)
    assert workspace_client.lens_refreshes == 0
