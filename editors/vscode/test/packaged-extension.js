// Runs the extension as a .vsix unpacks it, outside VS Code: loads its bundled
// `extension/out/extension.js` with the stand-in `vscode` module (vscode-stand-in.js),
// calls `activate`, and checks which program it started and that the program answered
// `initialize`, then `deactivate`.
//
//   node test/packaged-extension.js bundled UNPACKED/extension
//       the program packaged in bin/ starts (PATH holds no clausier) and stops;
//   node test/packaged-extension.js setting UNPACKED/extension PROGRAM
//       with `clausier.server.path` set to PROGRAM, PROGRAM starts instead;
//   node test/packaged-extension.js missing UNPACKED/extension LANGUAGE
//       with no bin/ and no clausier on PATH, nothing starts and one message (in LANGUAGE,
//       `fr` or `en`) says what was tried and what to set.
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
  const record = { command, args, exited: false };
  child.on("exit", () => {
    record.exited = true;
  });
  record.child = child;
  spawned.push(record);
  return child;
};

const settings = scenario === "setting" ? { "clausier.server.path": extra } : {};
const language = scenario === "missing" ? extra : "en";
const host = standIn.install({ settings, language, workspaceFolders: [extensionDir] });

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

  const wanted = scenario === "bundled" ? path.join(path.resolve(extensionDir), "bin", "clausier") : path.resolve(extra);
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
  if (host.shown.length > 0) fail(`messages shown: ${JSON.stringify(host.shown)}`);

  await extension.deactivate();
  await waitForExit(server);
  if (!server.exited) fail(`${server.command} still runs after deactivate()`);
  console.log(
    `  ${scenario === "bundled" ? "the packaged bin/clausier" : "clausier.server.path"} started, ` +
      `answered initialize (${providers.length} features registered) and stopped`,
  );
}

main()
  .then(() => {
    clearTimeout(watchdog);
    fs.rmSync(emptyFolder, { recursive: true, force: true });
  })
  .catch((error) => fail(error?.stack ?? String(error)));
