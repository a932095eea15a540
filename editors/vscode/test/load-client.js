// Loads the bundled client outside VS Code, as the extension host would: it must load
// with nothing beside it but the `vscode` module (answered here by the stand-in of
// vscode-stand-in.js, since it only exists inside VS Code), and export `activate` and
// `deactivate`. test/packaged-extension.js goes further and runs the packaged extension.
//
//   node test/load-client.js   (after `npm run compile`)
"use strict";
const path = require("node:path");
require("./vscode-stand-in").install();

const client = path.join(__dirname, "..", "out", "extension.js");
const extension = require(client);
for (const name of ["activate", "deactivate"]) {
  if (typeof extension[name] !== "function") {
    console.error(`${client} exports no ${name} function`);
    process.exit(1);
  }
}
console.log(`  out/extension.js loads and exports activate and deactivate`);
