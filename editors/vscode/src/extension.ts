// The VS Code client of the Clausier language server, `clausier lsp`.
//
// The server does the work (diagnostics, hover, definitions, references, completion,
// rename, symbols, folding, formatting, check-result code lenses); this client only
// starts it over stdio, tells it which documents to follow, and restarts it when its
// settings change.

import * as path from "node:path";
import * as vscode from "vscode";
import {
  type DocumentSelector,
  type Executable,
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

const CLIENT_ID = "clausier";
const CLIENT_NAME = "Clausier Language Server";

/** The formats of vendor descriptors, in which the server reports data errors and
 * shows each descriptor's check result. */
const DESCRIPTOR_GLOB = "**/*.{json,yaml,yml,toml,csv,tsv,tab,ndjson,jsonl}";
/** The files whose changes on disk the server hears of: clause files, `pack.toml`,
 * `pack.lock` and descriptors. */
const WATCHED_GLOB =
  "**/{*.clause,pack.lock,*.json,*.yaml,*.yml,*.toml,*.csv,*.tsv,*.tab,*.ndjson,*.jsonl}";

let client: LanguageClient | undefined;
let watcher: vscode.FileSystemWatcher | undefined;
let output: vscode.LogOutputChannel | undefined;
/** Starts and stops run one after the other, never interleaved. */
let queue: Promise<void> = Promise.resolve();

export function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  watcher = vscode.workspace.createFileSystemWatcher(WATCHED_GLOB);
  context.subscriptions.push(output, watcher);

  context.subscriptions.push(
    vscode.commands.registerCommand("clausier.restartServer", () => enqueue(restart)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      // `clausier.trace.server` is applied by the client itself, without a restart.
      if (event.affectsConfiguration("clausier.server")) {
        void enqueue(restart);
      }
    }),
    // The descriptor selector names each workspace folder.
    vscode.workspace.onDidChangeWorkspaceFolders(() => enqueue(restart)),
    // Once trusted, the workspace's own `clausier.server.*` settings apply.
    vscode.workspace.onDidGrantWorkspaceTrust(() => enqueue(restart)),
  );

  return enqueue(start);
}

export function deactivate(): Promise<void> {
  return enqueue(stop);
}

function enqueue(step: () => Promise<void>): Promise<void> {
  queue = queue.then(step, step);
  return queue;
}

async function restart(): Promise<void> {
  await stop();
  await start();
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running === undefined) {
    return;
  }
  try {
    // Asks the server to shut down and exit, then kills it if it has not within 2 s.
    await running.dispose();
  } catch (error) {
    output?.error(`Stopping the language server failed: ${String(error)}`);
  }
}

async function start(): Promise<void> {
  const config = vscode.workspace.getConfiguration("clausier");
  const command = resolveCommand(config.get<string>("server.path", "clausier"));
  const extraArgs = config.get<string[]>("server.extraArgs", []);
  const executable: Executable = {
    command,
    args: ["lsp", ...extraArgs],
    transport: TransportKind.stdio,
  };
  const serverOptions: ServerOptions = { run: executable, debug: executable };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    outputChannel: output,
    // Changes on disk to packs, their locks and descriptors, edited here or not.
    synchronize: { fileEvents: watcher },
  };

  const created = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  try {
    await created.start();
    client = created;
  } catch (error) {
    await created.dispose().catch(() => undefined);
    output?.error(`Starting \`${command} lsp\` failed: ${String(error)}`);
    // Not awaited: the message stays up without holding back a later restart.
    void showStartError(command, error);
  }
}

async function showStartError(command: string, error: unknown): Promise<void> {
  const openSettings = "Open Settings";
  const choice = await vscode.window.showErrorMessage(
    `Clausier: could not start \`${command} lsp\` (${String(error)}). ` +
      "Install the `clausier` command or set `clausier.server.path`.",
    openSettings,
  );
  if (choice === openSettings) {
    await vscode.commands.executeCommand("workbench.action.openSettings", "clausier.server");
  }
}

/** `.clause` files anywhere, and descriptor files inside the open workspace folders. */
function documentSelector(): DocumentSelector {
  const selector: DocumentSelector = [
    { scheme: "file", language: "clausier" },
    { scheme: "untitled", language: "clausier" },
  ];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    selector.push({
      scheme: folder.uri.scheme,
      pattern: { baseUri: folder.uri.toString(), pattern: DESCRIPTOR_GLOB },
    });
  }
  return selector;
}

/** A bare name is looked up on PATH by the system; a relative path with a directory in
 * it (`target/release/clausier`) is taken from the first workspace folder, if that
 * workspace is trusted. */
function resolveCommand(configured: string): string {
  const command = configured.trim() === "" ? "clausier" : configured.trim();
  const home = process.env.HOME ?? process.env.USERPROFILE;
  if (home !== undefined && (command === "~" || command.startsWith("~/"))) {
    return path.join(home, command.slice(1));
  }
  const hasDirectory = command.includes("/") || command.includes("\\");
  const folder = vscode.workspace.workspaceFolders?.[0];
  const relative = hasDirectory && !path.isAbsolute(command);
  if (relative && folder !== undefined && vscode.workspace.isTrusted) {
    return path.join(folder.uri.fsPath, command);
  }
  return command;
}
