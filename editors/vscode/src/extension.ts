// The VS Code client of the Clausier language server, `clausier lsp`.
//
// The server does the work (diagnostics, hover, definitions, references, completion,
// rename, symbols, folding, formatting, check-result code lenses, the rendered tender);
// this client picks the program that runs it (`serverBinary.ts`), starts it over stdio,
// tells it which documents to follow, and restarts it when its settings change.

import * as vscode from "vscode";
import {
  type DocumentSelector,
  type Executable,
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
} from "vscode-languageclient/node";
import { registerFailingVendors } from "./failingVendors";
import { registerPreview } from "./preview";
import { type Candidate, ensureExecutable, serverCandidates } from "./serverBinary";
import { type InitializationOptions, initializationOptions } from "./settings";
import {
  type Attempt,
  currentLanguage,
  noServerMessage,
  openSettings,
  refusedSetting,
} from "./words";

const CLIENT_ID = "clausier";
const CLIENT_NAME = "Clausier Language Server";

/** The text formats of vendor descriptors. The server follows those that a pack's
 * `[workspace] descriptors` cover and ignores the others, so every such file of the
 * disk is sent. (Workbooks are not text documents: the server reads them from disk.) */
const DESCRIPTOR_GLOB = "**/*.{json,yaml,yml,toml,csv,tsv,tab,ndjson,jsonl}";

/** The settings whose change starts the server again: they choose the program or are
 * given to it once, at `initialize`. */
const RESTARTING_SETTINGS = ["clausier.server", "clausier.evaluationDate", "clausier.language"];

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;
let extensionPath = "";
/** Starts and stops run one after the other, never interleaved. */
let queue: Promise<void> = Promise.resolve();

export function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionPath = context.extensionPath;
  output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(output);

  context.subscriptions.push(
    vscode.commands.registerCommand("clausier.restartServer", () => enqueue(restart)),
    registerFailingVendors(() => client),
    registerPreview(() => client),
    vscode.workspace.onDidChangeConfiguration((event) => {
      // `clausier.trace.server` is applied by the client itself, without a restart.
      if (RESTARTING_SETTINGS.some((setting) => event.affectsConfiguration(setting))) {
        void enqueue(restart);
      }
    }),
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

/** Tries the candidates in order until one answers `initialize`; when none does, says
 * once what was tried and what to set. */
async function start(): Promise<void> {
  const options = readSettings();
  const attempts: Attempt[] = [];
  for (const candidate of candidates()) {
    if (candidate.found === undefined) {
      attempts.push({ candidate, problem: undefined });
      continue;
    }
    ensureExecutable(candidate, process.platform);
    const created = createClient(candidate.found, options);
    try {
      output?.info(`Starting \`${candidate.found} lsp\``);
      await created.start();
      client = created;
      return;
    } catch (error) {
      await created.dispose().catch(() => undefined);
      output?.error(`Starting \`${candidate.found} lsp\` failed: ${String(error)}`);
      attempts.push({ candidate, problem: errorText(error) });
    }
  }
  // Not awaited: the message stays up without holding back a later restart.
  void showNoServer(attempts);
}

function candidates(): Candidate[] {
  const setting = vscode.workspace.getConfiguration("clausier").inspect<string>("server.path");
  return serverCandidates({
    userPath: setting?.globalValue,
    workspacePath: setting?.workspaceFolderValue ?? setting?.workspaceValue,
    trusted: vscode.workspace.isTrusted,
    extensionPath,
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    platform: process.platform,
    env: process.env,
  });
}

/** The settings given at `initialize`; a value that cannot be used is said, once per
 * start, and left out. */
function readSettings(): InitializationOptions {
  const config = vscode.workspace.getConfiguration("clausier");
  const { options, refused } = initializationOptions(
    config.get("evaluationDate"),
    config.get("language"),
  );
  const language = currentLanguage();
  for (const { setting, value } of refused) {
    void vscode.window.showWarningMessage(refusedSetting(language, setting, value));
  }
  return options;
}

function createClient(command: string, options: InitializationOptions): LanguageClient {
  const config = vscode.workspace.getConfiguration("clausier");
  const extraArgs = config.get<string[]>("server.extraArgs", []);
  // No `transport`: with `TransportKind.stdio` the client would add `--stdio` to the
  // arguments, which `clausier lsp` refuses; without one it talks over stdio all the same.
  const executable: Executable = { command, args: ["lsp", ...extraArgs] };
  const serverOptions: ServerOptions = { run: executable, debug: executable };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    outputChannel: output,
    initializationOptions: options,
    // No `synchronize.fileEvents`: the server registers its own watchers of clause files,
    // manifests, locks and descriptors (`workspace/didChangeWatchedFiles`, dynamically);
    // a second watcher here would send every change twice.
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function showNoServer(attempts: readonly Attempt[]): Promise<void> {
  const language = currentLanguage();
  const settings = openSettings(language);
  const choice = await vscode.window.showErrorMessage(
    noServerMessage(language, attempts),
    settings,
  );
  if (choice === settings) {
    await vscode.commands.executeCommand("workbench.action.openSettings", "clausier.server");
  }
}

/** `.clause` files anywhere, and descriptor files on disk. */
function documentSelector(): DocumentSelector {
  return [
    { scheme: "file", language: "clausier" },
    { scheme: "untitled", language: "clausier" },
    { scheme: "file", pattern: DESCRIPTOR_GLOB },
  ];
}
