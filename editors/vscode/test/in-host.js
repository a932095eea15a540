// Runs the packaged extension in a real VS Code host: code-server (installed by
// scripts/vscode-host) serves VS Code's workbench on 127.0.0.1, headless Chromium
// (driven by playwright-core) opens it on a copy of a workspace, opens a `.clause` file
// with Quick Open, and checks what a person would see:
//
//   node test/in-host.js CODE_SERVER EXTENSIONS_DIR WORKSPACE FILE SCREENSHOT
//
// EXTENSIONS_DIR already holds the installed extension (`code-server --install-extension`);
// WORKSPACE is a folder the test may change, with a pack whose descriptors fail one of the
// requirements of FILE, the `.clause` file to open (relative to WORKSPACE). The checks:
// - the status bar's language mode reads « Clausier » (the extension's language is known);
// - the bundled `clausier lsp` answered: a code lens with the counts of a requirement
//   (`✓ 0 pass · ✗ 1 fail · ? 0 missing`) shows above a requirement of FILE;
// - the Problems count of the status bar shows the server's diagnostics of the workspace;
// - a click on the lens of a failing requirement opens the references view on the
//   descriptors that fail it (the extension's `clausier.showFailingVendors`, answered by
//   the server's `clausier.failingVendors`).
// The window is saved to SCREENSHOT, with the references view open.
//
// Needs CLAUSIER_TEST_NODE_VALIDATORS (scripts/node-validators: playwright-core) and
// CLAUSIER_TEST_CHROMIUM (scripts/chromium). The host's data, logs, caches and the
// browser's profile stay in a temporary folder (kept, and named, when a check fails); the
// browser may only reach 127.0.0.1; every wait is bounded; code-server runs in its own
// process group, which is killed however this script ends. Exits non-zero, saying why,
// when a check fails.
"use strict";
const childProcess = require("node:child_process");
const fs = require("node:fs");
const net = require("node:net");
const os = require("node:os");
const path = require("node:path");

const [codeServer, extensionsDir, workspace, file, screenshot] = process.argv.slice(2);
if (!codeServer || !extensionsDir || !workspace || !file || !screenshot) {
  console.error("usage: node test/in-host.js CODE_SERVER EXTENSIONS_DIR WORKSPACE FILE SCREENSHOT");
  process.exit(2);
}

function need(variable, script) {
  const value = process.env[variable];
  if (!value) {
    console.error(`  in-host: ${variable} is not set; run \`export ${variable}="$(${script})"\` first`);
    process.exit(2);
  }
  return value;
}
const validators = need("CLAUSIER_TEST_NODE_VALIDATORS", "scripts/node-validators");
const chromiumBinary = need("CLAUSIER_TEST_CHROMIUM", "scripts/chromium");
const { chromium } = require(path.join(validators, "node_modules", "playwright-core"));

// How long each stage may take on a busy two-core machine.
const SERVER_START_MS = 30_000;
const WORKBENCH_MS = 60_000;
const EXTENSION_MS = 45_000;

class CheckFailed extends Error {}

// A port of 127.0.0.1 that nobody listens on, as the system hands one out.
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// Starts code-server in its own process group, and resolves once it listens.
function startCodeServer(port, home) {
  const userData = path.join(home, "user-data");
  fs.mkdirSync(path.join(userData, "User"), { recursive: true });
  // Nothing but the file under test in the window: no welcome page, no tips, no trust
  // prompt, no telemetry, no update checks.
  fs.writeFileSync(
    path.join(userData, "User", "settings.json"),
    JSON.stringify(
      {
        "workbench.startupEditor": "none",
        "workbench.tips.enabled": false,
        "workbench.enableExperiments": false,
        "security.workspace.trust.enabled": false,
        "telemetry.telemetryLevel": "off",
        "update.mode": "none",
        "extensions.autoCheckUpdates": false,
        "extensions.autoUpdate": false,
        "editor.codeLens": true,
        "chat.disableAIFeatures": true,
        "workbench.secondarySideBar.defaultVisibility": "hidden",
      },
      null,
      2,
    ),
  );
  const log = path.join(home, "code-server.log");
  const out = fs.openSync(log, "w");
  const child = childProcess.spawn(
    codeServer,
    [
      "--config",
      path.join(home, "config.yaml"),
      "--bind-addr",
      `127.0.0.1:${port}`,
      "--auth",
      "none",
      "--user-data-dir",
      userData,
      "--extensions-dir",
      extensionsDir,
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-workspace-trust",
      "--disable-getting-started-override",
      workspace,
    ],
    {
      detached: true,
      stdio: ["ignore", out, out],
      // No extension gallery, so that the host never reaches outside this machine; its logs
      // and caches go to the test's folder, not the user's home.
      env: {
        ...process.env,
        EXTENSIONS_GALLERY: "{}",
        XDG_DATA_HOME: path.join(home, "data"),
        XDG_CACHE_HOME: path.join(home, "cache"),
      },
    },
  );
  const ready = new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      const text = fs.readFileSync(log, "utf8");
      if (/HTTP server listening on/.test(text)) {
        clearInterval(timer);
        resolve();
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new CheckFailed(`code-server exited (${child.exitCode}) before listening:\n${text}`));
      } else if (Date.now() - started > SERVER_START_MS) {
        clearInterval(timer);
        reject(new CheckFailed(`code-server did not listen within ${SERVER_START_MS / 1000} s:\n${text}`));
      }
    }, 200);
  });
  return { child, log, ready };
}

function stopGroup(child) {
  if (child && child.exitCode === null) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
}

// The text of the status bar entry `id`, or "" when it is not shown.
async function statusText(page, id) {
  const entry = page.locator(`[id="${id}"]`);
  if ((await entry.count()) === 0) return "";
  return ((await entry.first().innerText()) || "").trim();
}

async function waitFor(what, timeoutMs, probe) {
  const started = Date.now();
  let last;
  while (Date.now() - started < timeoutMs) {
    last = await probe();
    if (last.ok) return last.value;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new CheckFailed(`expected ${what} within ${timeoutMs / 1000} s; last seen: ${JSON.stringify(last && last.seen)}`);
}

async function run(home) {
  const port = await freePort();
  const server = startCodeServer(port, home);
  // Stopped even when this script is stopped before its own `finally` runs.
  process.on("exit", () => stopGroup(server.child));
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => process.exit(130));
  }
  let context;
  try {
    await server.ready;
    // A profile of its own, in the test's folder: nothing of the user's Chromium is read
    // or written.
    context = await chromium.launchPersistentContext(path.join(home, "chromium"), {
      executablePath: chromiumBinary,
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    });
    // The page may only talk to the host on this machine.
    const origin = `http://127.0.0.1:${port}`;
    const blocked = [];
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith("ws://127.0.0.1:") || url.startsWith("data:") || url.startsWith("blob:")) {
        return route.continue();
      }
      blocked.push(url);
      return route.abort();
    });
    const page = context.pages()[0] || (await context.newPage());

    await page.goto(`${origin}/?folder=${encodeURIComponent(workspace)}`, { timeout: WORKBENCH_MS });
    await page.locator(".monaco-workbench").waitFor({ timeout: WORKBENCH_MS });
    await page.locator(".explorer-folders-view, .explorer-viewlet").first().waitFor({ timeout: WORKBENCH_MS });

    // Quick Open, as a person would: Ctrl+P, the file's name, Enter.
    const name = path.basename(file);
    await waitFor(`an editor of ${file} (Quick Open)`, WORKBENCH_MS, async () => {
      const tab = page.locator(`.tabs-container .tab[aria-label*="${name}"]`);
      if ((await tab.count()) > 0) return { ok: true };
      await page.locator(".monaco-workbench").click({ position: { x: 700, y: 450 } });
      await page.keyboard.press("Control+P");
      const input = page.locator(".quick-input-widget input");
      try {
        await input.waitFor({ state: "visible", timeout: 5_000 });
        await input.fill(file);
        await page.locator(".quick-input-list .monaco-list-row").first().waitFor({ timeout: 5_000 });
        await page.keyboard.press("Enter");
      } catch {
        await page.keyboard.press("Escape");
      }
      return { ok: false, seen: await page.locator(".tabs-container").innerText().catch(() => "") };
    });

    const mode = await waitFor("the language mode « Clausier » in the status bar", EXTENSION_MS, async () => {
      const text = await statusText(page, "status.editor.mode");
      return { ok: text === "Clausier", value: text, seen: text };
    });

    const lens = await waitFor("a code lens with a requirement's counts", EXTENSION_MS, async () => {
      const texts = await page.locator(".monaco-editor .codelens-decoration").allInnerTexts();
      const counts = texts.find((text) => /✓ \d+ .*✗ \d+ .*\? \d+/.test(text));
      return { ok: Boolean(counts), value: counts, seen: texts };
    });

    const problems = await waitFor("a Problems count above zero in the status bar", EXTENSION_MS, async () => {
      // The entry shows two numbers, errors then warnings; its label says which is which.
      const entry = page.locator('[id="status.problems"]');
      const text = await statusText(page, "status.problems");
      const label = (await entry.count()) > 0 ? await entry.first().getAttribute("aria-label") : "";
      const numbers = (text.match(/\d+/g) || []).map(Number);
      return { ok: numbers.some((n) => n > 0), value: label || text.replace(/\s+/g, " "), seen: text };
    });

    // A click on the lens of a requirement that some descriptor fails lists them in the
    // references view (the extension's `clausier.showFailingVendors` asks the server).
    const failing = page
      .locator(".monaco-editor .codelens-decoration a")
      .filter({ hasText: /✗ [1-9]/ })
      .first();
    await failing.waitFor({ timeout: EXTENSION_MS }).catch(() => {
      throw new CheckFailed(`expected a lens that counts failing descriptors (✗ 1 or more) within ${EXTENSION_MS / 1000} s`);
    });
    await failing.click();
    const references = await waitFor("the references view on the failing descriptors", EXTENSION_MS, async () => {
      const view = page.locator(".peekview-widget .ref-tree .monaco-list-row");
      const rows = await view.evaluateAll((elements) => elements.map((element) => element.getAttribute("aria-label")));
      // Each row reads `…the value's line… in offres/y.json on line 4 at column 26`.
      const located = rows.filter((row) => /\bin \S+\.(json|ya?ml|toml|csv|ndjson) on line \d+/.test(row || ""));
      return { ok: located.length > 0, value: located, seen: rows };
    });

    await page.screenshot({ path: screenshot });
    if (blocked.length > 0) {
      console.log(`  in-host: the page asked for ${blocked.length} address(es) off this machine, refused (first: ${blocked[0]})`);
    }
    return { mode, lens, references, problems };
  } catch (error) {
    const page = context && context.pages()[0];
    if (page) await page.screenshot({ path: screenshot }).catch(() => {});
    throw error;
  } finally {
    if (context) await context.close().catch(() => {});
    stopGroup(server.child);
  }
}

const home = fs.mkdtempSync(path.join(os.tmpdir(), "clausier-in-host-"));
run(home)
  .then((seen) => {
    console.log(`  in-host: language mode « ${seen.mode} »; lens « ${seen.lens} »; problems « ${seen.problems} »`);
    console.log(`  in-host: a click on the lens lists ${seen.references.join(", ")}`);
    console.log(`  in-host: screenshot in ${screenshot}`);
    fs.rmSync(home, { recursive: true, force: true });
  })
  .catch((error) => {
    console.error(`  in-host: ${error instanceof CheckFailed ? "" : "unexpected error: "}${error.message}`);
    console.error(`  in-host: screenshot in ${screenshot}; code-server's log in ${path.join(home, "code-server.log")}`);
    process.exit(1);
  });
