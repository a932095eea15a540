// Runs the extension as a .vsix unpacks it, outside VS Code: loads its bundled
// `extension/out/extension.js` with the stand-in `vscode` module (vscode-stand-in.js),
// calls `activate`, and checks which program it started and that the program answered
// `initialize`, then `deactivate`.
//
//   node test/packaged-extension.js bundled UNPACKED/extension
//       the program packaged in bin/ starts (PATH holds no clausier) and stops;
//   node test/packaged-extension.js setting UNPACKED/extension PROGRAM
//       with `clausier.server.path` set to PROGRAM, PROGRAM starts instead;
//   node test/packaged-extension.js untrusted UNPACKED/extension PROGRAM
//       in an untrusted workspace whose settings name PROGRAM, the packaged program
//       starts all the same;
//   node test/packaged-extension.js missing UNPACKED/extension LANGUAGE
//       with no bin/ and no clausier on PATH, nothing starts and one message (in LANGUAGE,
//       `fr` or `en`) says what was tried and what to set;
//   node test/packaged-extension.js options UNPACKED/extension
//       `clausier.evaluationDate` and `clausier.language` reach the server as the
//       `initializationOptions` of `initialize`;
//   node test/packaged-extension.js refused-date UNPACKED/extension
//       an evaluation date that is no YYYY-MM-DD date is said once and not sent;
//   node test/packaged-extension.js commands UNPACKED/extension SERVER
//       with SERVER a stand-in server (test/fake-server.js), the lens command shows the
//       failing vendors' locations in the references view, and the preview shows the
//       rendered tender beside the editor, renders again once after a burst of typing,
//       and shows a broken pack's errors above the last rendering.
//
// Exits non-zero, saying why, when a check fails.
"use strict";
const childProcess = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const standIn = require("./vscode-stand-in");

const [scenario, extensionDir, extra] = process.argv.slice(2);
if (!scenario || !extensionDir) {
  console.error("usage: node test/packaged-extension.js bundled|setting|missing EXTENSION_DIR [PROGRAM|LANGUAGE]");
  process.exit(2);
}

function fail(message) {
  console.error(`  ${scenario}: ${message}`);
  process.exit(1);
}

// No program of the machine's PATH may answer in the extension's place.
const emptyFolder = fs.mkdtempSync(path.join(os.tmpdir(), "clausier-empty-path-"));
process.env.PATH = emptyFolder;

// Every process the extension starts, with what became of it.
const spawned = [];
const spawn = childProcess.spawn;
childProcess.spawn = function (command, args, options) {
  const child = spawn.call(this, command, args, options);
  const record = { command, args, exited: false, sent: "" };
  // What the client writes to the server: its `initialize` request among others.
  const write = child.stdin.write;
  child.stdin.write = function (chunk, ...rest) {
    record.sent += Buffer.isBuffer(chunk) ? chunk.toString("utf8") : String(chunk);
    return write.call(this, chunk, ...rest);
  };
  child.on("exit", () => {
    record.exited = true;
  });
  record.child = child;
  spawned.push(record);
  return child;
};

const settings = {
  setting: { "clausier.server.path": extra },
  commands: { "clausier.server.path": extra },
  options: { "clausier.evaluationDate": "2027-01-15", "clausier.language": "fr" },
  "refused-date": { "clausier.evaluationDate": "15/01/2027", "clausier.language": "auto" },
}[scenario] ?? {};
const language = scenario === "missing" ? extra : "en";
const untrusted = scenario === "untrusted";
const host = standIn.install({
  settings,
  workspaceSettings: untrusted ? { "clausier.server.path": extra } : {},
  trusted: !untrusted,
  language,
  workspaceFolders: [extensionDir],
});

const watchdog = setTimeout(() => fail("no answer within 30 s"), 30_000);

function waitForExit(record) {
  return new Promise((resolve) => {
    if (record.exited) return resolve();
    record.child.on("exit", resolve);
    setTimeout(resolve, 5_000);
  });
}

async function main() {
  const extension = require(path.resolve(extensionDir, "out", "extension.js"));
  for (const name of ["activate", "deactivate"]) {
    if (typeof extension[name] !== "function") fail(`out/extension.js exports no ${name} function`);
  }
  await extension.activate(host.context(path.resolve(extensionDir)));

  if (scenario === "missing") {
    if (spawned.length > 0) fail(`started ${spawned[0].command}, though there is none to start`);
    const errors = host.shown.filter((message) => message.kind === "error");
    if (errors.length !== 1) fail(`${errors.length} error messages instead of one: ${JSON.stringify(host.shown)}`);
    const text = errors[0].text;
    const bundled = path.join(path.resolve(extensionDir), "bin", "clausier");
    const expected =
      language === "fr"
        ? ["le serveur de langage n'a pas pu démarrer", bundled, "`clausier` dans le PATH", "`clausier.server.path`"]
        : ["the language server could not start", bundled, "`clausier` on PATH", "`clausier.server.path`"];
    for (const words of expected) {
      if (!text.includes(words)) fail(`the message does not say ${JSON.stringify(words)}: ${text}`);
    }
    await extension.deactivate();
    console.log(`  no program to start: one message (${language}): ${text}`);
    return;
  }

  if (scenario === "commands") {
    await commands();
    await extension.deactivate();
    return;
  }

  const bundled = scenario !== "setting";
  const wanted = bundled ? path.join(path.resolve(extensionDir), "bin", "clausier") : path.resolve(extra);
  if (spawned.length !== 1) fail(`${spawned.length} processes started instead of one: ${JSON.stringify(spawned.map((s) => s.command))}`);
  const [server] = spawned;
  if (fs.realpathSync(server.command) !== fs.realpathSync(wanted)) {
    fail(`started ${server.command}, not ${wanted}`);
  }
  if (server.args[0] !== "lsp") fail(`started ${server.command} with ${JSON.stringify(server.args)}, not \`lsp\``);
  // The client registers a provider for each feature the server announced in its answer
  // to `initialize`: a hover provider means the answer came.
  const providers = host.registered.map((call) => call.name).filter((name) => name.startsWith("register"));
  if (!providers.includes("registerHoverProvider")) {
    fail(`the server's capabilities never reached the client (registered: ${providers.join(", ") || "nothing"}); output:\n${host.channels.flatMap((c) => c.lines).join("\n")}`);
  }
  const initialize = JSON.parse(/\{[^\n]*"method":"initialize".*?(?=Content-Length|$)/s.exec(server.sent)?.[0] ?? "null");
  if (initialize === null) fail(`no initialize request in what the client sent: ${server.sent.slice(0, 300)}`);
  const options = initialize.params.initializationOptions;
  if (scenario === "options") {
    if (JSON.stringify(options) !== JSON.stringify({ date: "2027-01-15", language: "fr" })) {
      fail(`initializationOptions ${JSON.stringify(options)}, not the settings' date and language`);
    }
    console.log(`  the settings reached the server: initializationOptions ${JSON.stringify(options)}`);
  }
  if (scenario === "refused-date") {
    const warnings = host.shown.filter((message) => message.kind === "warning");
    if (warnings.length !== 1 || !warnings[0].text.includes("15/01/2027")) {
      fail(`not one warning about the date: ${JSON.stringify(host.shown)}`);
    }
    if (JSON.stringify(options) !== "{}") fail(`initializationOptions ${JSON.stringify(options)} hold the refused date`);
    console.log(`  a date that is no date is said and not sent: ${warnings[0].text}`);
    host.shown.length = 0;
  }
  if (host.shown.length > 0) fail(`messages shown: ${JSON.stringify(host.shown)}`);

  await extension.deactivate();
  await waitForExit(server);
  if (!server.exited) fail(`${server.command} still runs after deactivate()`);
  console.log(
    `  ${bundled ? "the packaged bin/clausier" : "clausier.server.path"} started, ` +
      `answered initialize (${providers.length} features registered) and stopped`,
  );
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what, check) {
  for (let waited = 0; waited < 5_000; waited += 20) {
    if (check()) return;
    await sleep(20);
  }
  fail(`waited 5 s for ${what}`);
}

/** The client's half of the lens command and of the preview, against test/fake-server.js. */
async function commands() {
  const { vscode } = host;
  const clauseFile = vscode.Uri.file("/packs/edtech/hebergement.clause");

  await vscode.commands.executeCommand("clausier.showFailingVendors", clauseFile.toString(), { line: 3, character: 0 }, "HEB-01");
  const references = host.executed.find((call) => call.name === "editor.action.showReferences");
  if (references === undefined) fail(`the lens did not open the references view: ${JSON.stringify(host.executed)}`);
  const [uri, position, locations] = references.args;
  if (uri.fsPath !== clauseFile.fsPath || position.line !== 3) fail(`references shown at ${uri}:${position.line}`);
  const places = locations.map((location) => `${location.uri.fsPath}:${location.range.start.line}`);
  if (JSON.stringify(places) !== JSON.stringify(["/offres/alpha.json:4", "/offres/beta.yaml:0"])) {
    fail(`the references view got ${JSON.stringify(places)}`);
  }
  await vscode.commands.executeCommand("clausier.showFailingVendors", clauseFile.toString(), { line: 9, character: 0 }, "HEB-02");
  const none = host.shown.find((message) => message.kind === "information");
  if (none === undefined || !none.text.includes("HEB-02")) fail(`no message for a requirement nobody fails: ${JSON.stringify(host.shown)}`);
  console.log(`  the lens command shows ${places.join(", ")} for HEB-01, and says "${none.text}" for HEB-02`);

  const document = (uri) => ({ uri, languageId: "clausier", fileName: uri.fsPath, version: 1 });
  vscode.window.activeTextEditor = { document: document(clauseFile) };
  await vscode.commands.executeCommand("clausier.showPreview");
  if (host.panels.length !== 1) fail(`${host.panels.length} preview panels`);
  const [{ panel, showOptions, options }] = host.panels;
  if (showOptions.viewColumn !== vscode.ViewColumn.Beside) fail("the preview does not open beside the editor");
  if (options.enableScripts !== false) fail("the preview's webview allows scripts");
  await until("the first rendering", () => panel.webview.html.includes("Cahier des charges"));
  const html = panel.webview.html;
  const policy = /<head[^>]*><meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  if (policy === undefined || !policy.includes("default-src 'none'") || !policy.includes("style-src 'unsafe-inline'") || policy.includes("script-src")) {
    fail(`the preview's page has no strict Content-Security-Policy first in its head: ${html.slice(0, 300)}`);
  }
  if (!panel.title.includes("Rendu 1")) fail(`panel title ${panel.title}`);

  // A burst of typing renders once, after the pause.
  for (let key = 0; key < 5; key++) {
    host.events.didChangeTextDocument.fire({ document: document(clauseFile), contentChanges: [] });
    await sleep(30);
  }
  await sleep(150);
  if (!panel.title.includes("Rendu 1")) fail(`rendered again while typing: ${panel.title}`);
  await until("the rendering after typing", () => panel.title.includes("Rendu 2"));
  await sleep(400);
  if (!panel.title.includes("Rendu 2")) fail(`a burst of typing rendered more than once: ${panel.title}`);

  // The preview follows the active editor into a pack that does not compile.
  const broken = vscode.Uri.file("/packs/broken/main.clause");
  host.events.didChangeActiveTextEditor.fire({ document: document(broken) });
  await until("the broken pack's errors", () => panel.webview.html.includes("role=\"alert\""));
  const page = panel.webview.html;
  const banner = page.indexOf("E0101 attendu `must` ou `should`, trouvé &lt;shoud&gt;");
  if (banner < 0) fail(`the errors are not shown, escaped: ${page}`);
  if (page.indexOf("<h1>Cahier des charges</h1>") < banner) fail("the errors are not above the last rendering");
  console.log(`  the preview opens beside the editor under "${policy}", renders once after a burst of typing, and shows a broken pack's errors above the last rendering`);
}

main()
  .then(() => {
    clearTimeout(watchdog);
    fs.rmSync(emptyFolder, { recursive: true, force: true });
  })
  .catch((error) => fail(error?.stack ?? String(error)));
