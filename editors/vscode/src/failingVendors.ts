// The command of a requirement's code lens, `clausier.showFailingVendors(uri, position,
// clauseId)`: the client's half of the lens. It asks the server where the descriptors that
// fail (or lack data for) the requirement are (`workspace/executeCommand
// clausier.failingVendors [uri, clauseId]` → `Location[]`) and shows them in VS Code's
// references view, under the lens.

import * as vscode from "vscode";
import { ExecuteCommandRequest, type LanguageClient, type Location } from "vscode-languageclient/node";
import { currentLanguage, failingVendorsFailed, noneFails, notRunning } from "./words";

/** The lens's command (the server names it, the client handles it). */
export const SHOW_FAILING_VENDORS = "clausier.showFailingVendors";
/** The server's command that answers with the locations. */
export const FAILING_VENDORS = "clausier.failingVendors";

export function registerFailingVendors(client: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.commands.registerCommand(
    SHOW_FAILING_VENDORS,
    (uri: string, position: { line: number; character: number }, clauseId: string) =>
      showFailingVendors(client(), uri, position, clauseId),
  );
}

async function showFailingVendors(
  client: LanguageClient | undefined,
  uri: string,
  position: { line: number; character: number },
  clauseId: string,
): Promise<void> {
  const language = currentLanguage();
  if (client === undefined) {
    void vscode.window.showErrorMessage(notRunning(language));
    return;
  }
  let answer: Location[] | null;
  try {
    answer = (await client.sendRequest(ExecuteCommandRequest.type, {
      command: FAILING_VENDORS,
      arguments: [uri, clauseId],
    })) as Location[] | null;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(failingVendorsFailed(language, clauseId, reason));
    return;
  }
  const locations = (answer ?? []).map((location) => client.protocol2CodeConverter.asLocation(location));
  if (locations.length === 0) {
    void vscode.window.showInformationMessage(noneFails(language, clauseId));
    return;
  }
  await vscode.commands.executeCommand(
    "editor.action.showReferences",
    vscode.Uri.parse(uri),
    new vscode.Position(position.line, position.character),
    locations,
  );
}
