// Checks what a .vsix holds, reading the zip as VS Code does when it installs it:
//
//   node test/check-vsix.js PACKAGE.vsix --binary bin/clausier    (platform-specific)
//   node test/check-vsix.js PACKAGE.vsix --no-binary              (universal)
//
// It must hold the manifest, the bundled client (one file that requires nothing but
// `vscode` and Node's own modules), the grammar, the language configuration, the icon and
// the documents the Marketplace shows; no node_modules, sources, tests or source maps; and
// the program, when one is wanted, with mode 0755 once unpacked.
"use strict";
const fs = require("node:fs");
const { builtinModules } = require("node:module");
const zlib = require("node:zlib");

const [vsix, flag, binary] = process.argv.slice(2);
if (!vsix || (flag !== "--no-binary" && !(flag === "--binary" && binary))) {
  console.error("usage: node test/check-vsix.js PACKAGE.vsix --binary bin/NAME | --no-binary");
  process.exit(2);
}
const data = fs.readFileSync(vsix);

/** The entries of the zip's central directory: name, external attributes, and where the
 * local header is. */
function zipEntries(buffer) {
  let end = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error(`${vsix} is not a zip file: no end of central directory`);
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const entries = new Map();
  for (let n = 0; n < count; n++) {
    if (buffer.readUInt32LE(at) !== 0x02014b50) throw new Error(`${vsix}: corrupt central directory`);
    const method = buffer.readUInt16LE(at + 10);
    const compressedSize = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const externalAttributes = buffer.readUInt32LE(at + 38);
    const localHeader = buffer.readUInt32LE(at + 42);
    const name = buffer.toString("utf8", at + 46, at + 46 + nameLength);
    entries.set(name, { method, compressedSize, externalAttributes, localHeader });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function contents(entry) {
  const at = entry.localHeader;
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  const raw = data.subarray(start, start + entry.compressedSize);
  return entry.method === 8 ? zlib.inflateRawSync(raw) : raw;
}

/** The mode VS Code gives an unpacked file (`modeFromEntry` of src/vs/base/node/zip.ts):
 * the permission bits of the entry's Unix mode, 0644 when the zip gives none. */
function vscodeMode(entry) {
  const attributes = entry.externalAttributes >>> 16 || 0o100644;
  return attributes & 0o777;
}

const entries = zipEntries(data);
const names = [...entries.keys()];
const problems = [];
const required = [
  "extension.vsixmanifest",
  "extension/package.json",
  "extension/package.nls.json",
  "extension/package.nls.fr.json",
  "extension/icon.png",
  "extension/out/extension.js",
  "extension/syntaxes/clausier.tmLanguage.json",
  "extension/language-configuration.json",
  "extension/readme.md",
  "extension/changelog.md",
  "extension/LICENSE.txt",
];
for (const name of required) {
  if (!entries.has(name)) problems.push(`missing ${name}`);
}

for (const name of names) {
  const inside = name.replace(/^extension\//, "");
  if (inside.startsWith("node_modules/")) {
    problems.push(`unexpected ${name}: the client is bundled, no package goes beside it`);
  } else if (
    /^(src|test|\.vscode)\//.test(inside) ||
    /\.(ts|map|vsix|svg)$/.test(name) ||
    /^(tsconfig\.json|package-lock\.json|\.gitignore|\.vscodeignore)$/.test(inside)
  ) {
    problems.push(`unexpected ${name} (development file)`);
  } else if (inside.startsWith("bin/") && inside !== binary) {
    problems.push(`unexpected ${name}${binary ? "" : " in a package without a program"}`);
  }
}

const client = entries.get("extension/out/extension.js");
if (client !== undefined) {
  const text = contents(client).toString("utf8");
  const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
  const required = [...text.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1]);
  const outside = [...new Set(required.filter((name) => name !== "vscode" && !builtins.has(name)))];
  if (outside.length > 0) problems.push(`out/extension.js is not bundled: it requires ${outside.join(", ")}`);
  if (!text.includes("vscode-languageclient") && !text.includes("LanguageClient")) {
    problems.push("out/extension.js holds no language client");
  }
}

if (binary) {
  const entry = entries.get(`extension/${binary}`);
  if (entry === undefined) {
    problems.push(`missing extension/${binary}`);
  } else if (!binary.endsWith(".exe") && vscodeMode(entry) !== 0o755) {
    problems.push(`extension/${binary} unpacks with mode ${vscodeMode(entry).toString(8)}, not 755`);
  }
}

if (problems.length > 0) {
  for (const problem of problems) console.error(`  ${vsix}: ${problem}`);
  process.exit(1);
}
const manifest = JSON.parse(contents(entries.get("extension/package.json")).toString("utf8"));
console.log(
  `  ${vsix.replace(/^.*\//, "")}: ${names.length} files, ${manifest.name} ${manifest.version}, ` +
    `the bundled client, grammar, language configuration, translations, icon, README, CHANGELOG, LICENSE` +
    (binary ? ` and ${binary} (mode 755)` : ", no program"),
);
