// The preview of the tender beside the editor: the command `clausier.showPreview` opens a
// webview panel (ViewColumn.Beside) showing the server's rendering of the pack of the
// active file (`workspace/executeCommand clausier.preview [uri]`), and renders again
// ~300 ms after the drafter stops typing in a clause file or a manifest. It follows the
// active editor to another pack, as VS Code's Markdown preview does.

import * as path from "node:path";
import * as vscode from "vscode";
import { ExecuteCommandRequest, type LanguageClient } from "vscode-languageclient/node";
import { type PreviewAnswer, previewPage, type Trouble } from "./previewHtml";
import { currentLanguage, noPackFile, notRunning, previewTitle } from "./words";

export const SHOW_PREVIEW = "clausier.showPreview";
/** The server's command that renders a pack. */
export const PREVIEW = "clausier.preview";
/** Typing pauses shorter than this render once, at the end. */
const REFRESH_DELAY_MS = 300;

export function registerPreview(client: () => LanguageClient | undefined): vscode.Disposable {
  let preview: Preview | undefined;
  return vscode.Disposable.from(
    // From the editor's title button the file comes as an argument; from the palette, the
    // active editor's.
    vscode.commands.registerCommand(SHOW_PREVIEW, (resource?: vscode.Uri) => {
      const uri = resource ?? vscode.window.activeTextEditor?.document.uri;
      if (uri === undefined) {
        void vscode.window.showInformationMessage(noPackFile(currentLanguage()));
        return;
      }
      if (preview === undefined) {
        preview = new Preview(client, uri, () => {
          preview = undefined;
        });
      } else {
        preview.follow(uri);
        preview.panel.reveal(vscode.ViewColumn.Beside, true);
      }
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (preview !== undefined && isPackText(event.document)) {
        preview.schedule();
      }
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (preview !== undefined && editor !== undefined && isPackText(editor.document)) {
        preview.follow(editor.document.uri);
      }
    }),
    { dispose: () => preview?.panel.dispose() },
  );
}

/** A document whose text changes the rendering: a clause file, of this pack or of one it
 * depends on, or a manifest. */
function isPackText(document: vscode.TextDocument): boolean {
  return document.languageId === "clausier" || path.posix.basename(document.uri.path) === "pack.toml";
}

class Preview {
  readonly panel: vscode.WebviewPanel;
  private uri: vscode.Uri;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Answers to older requests than the last one are dropped. */
  private sequence = 0;
  private lastHtml: string | null = null;
  /** A closed panel's webview throws when written to; an answer may come after. */
  private closed = false;

  constructor(
    private readonly client: () => LanguageClient | undefined,
    uri: vscode.Uri,
    onClose: () => void,
  ) {
    this.uri = uri;
    const language = currentLanguage();
    this.panel = vscode.window.createWebviewPanel(
      "clausier.preview",
      previewTitle(language, path.posix.basename(uri.path)),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      // The rendered tender is a document, not an application: no scripts, no files.
      { enableScripts: false, enableForms: false, localResourceRoots: [] },
    );
    this.panel.onDidDispose(() => {
      this.closed = true;
      clearTimeout(this.timer);
      onClose();
    });
    void this.refresh();
  }

  follow(uri: vscode.Uri): void {
    if (uri.toString() !== this.uri.toString()) {
      this.uri = uri;
      void this.refresh();
    }
  }

  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  private async refresh(): Promise<void> {
    const sequence = ++this.sequence;
    const language = currentLanguage();
    const client = this.client();
    let trouble: Trouble | undefined;
    if (client === undefined) {
      trouble = { kind: "failure", reason: notRunning(language) };
    } else {
      try {
        const answer = (await client.sendRequest(ExecuteCommandRequest.type, {
          command: PREVIEW,
          arguments: [this.uri.toString()],
        })) as PreviewAnswer | null;
        if (sequence !== this.sequence || this.closed) {
          return;
        }
        if (answer === null || typeof answer !== "object") {
          trouble = { kind: "failure", reason: String(answer) };
        } else {
          // The server keeps each pack's last rendering that succeeded: a pack that does
          // not compile comes with it, or with null.
          this.lastHtml = typeof answer.html === "string" ? answer.html : null;
          this.panel.title = previewTitle(language, String(answer.title));
          const errors = Array.isArray(answer.errors) ? answer.errors.map(String) : [];
          trouble = errors.length > 0 ? { kind: "errors", errors } : undefined;
        }
      } catch (error) {
        if (sequence !== this.sequence || this.closed) {
          return;
        }
        trouble = { kind: "failure", reason: error instanceof Error ? error.message : String(error) };
      }
    }
    this.panel.webview.html = previewPage(language, this.lastHtml, trouble);
  }
}
