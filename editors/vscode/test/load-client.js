// Loads the compiled client outside VS Code, as the extension host would: every module
// it needs must resolve (vscode-languageclient/node through its package exports), and it
// must export `activate` and `deactivate`. The `vscode` module only exists inside VS Code,
// so a stand-in answers for it here.
//
//   node test/load-client.js   (after `npm run compile`)
"use strict";
const Module = require("node:module");
const path = require("node:path");

const standIn = new Proxy(function () {}, {
  get: (_target, key) => (key === "__esModule" ? true : standIn),
  apply: () => standIn,
  construct: () => standIn,
});
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === "vscode" ? "vscode" : resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: "vscode", filename: "vscode", loaded: true, exports: standIn };

const client = path.join(__dirname, "..", "out", "extension.js");
const extension = require(client);
for (const name of ["activate", "deactivate"]) {
  if (typeof extension[name] !== "function") {
    console.error(`${client} exports no ${name} function`);
    process.exit(1);
  }
}
console.log(`  out/extension.js loads and exports activate and deactivate`);
