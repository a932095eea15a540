// A language server that answers the protocol's two commands the way `clausier lsp`
// is to answer them, with fixed data, for the client's half of the preview and of the lens
// (test/packaged-extension.js, scenario `commands`):
//
//   clausier.preview [uri]                → { title, html, markdown, errors }: a pack whose
//       URI holds `broken` does not compile (one error, and the last rendering); every
//       answer's title counts the renderings asked for (`Rendu 1`, `Rendu 2`…);
//   clausier.failingVendors [uri, id]     → two locations for HEB-01, none otherwise.
//
//   node test/fake-server.js lsp
"use strict";

let buffer = Buffer.alloc(0);
let renderings = 0;

function send(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...message }), "utf8");
  process.stdout.write(`Content-Length: ${body.length}\r\n\r\n`);
  process.stdout.write(body);
}

const PAGE =
  '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Cahier</title>' +
  "<style>h1 { color: #000091 }</style></head><body><h1>Cahier des charges</h1></body></html>";

function executeCommand({ command, arguments: args }) {
  if (command === "clausier.preview") {
    renderings += 1;
    const broken = String(args[0]).includes("broken");
    return {
      title: `Rendu ${renderings}`,
      html: PAGE,
      markdown: "# Cahier des charges\n",
      errors: broken ? ["E0101 attendu `must` ou `should`, trouvé <shoud>"] : [],
    };
  }
  if (command === "clausier.failingVendors") {
    if (args[1] !== "HEB-01") return [];
    const range = (line) => ({ start: { line, character: 2 }, end: { line, character: 20 } });
    return [
      { uri: "file:///offres/alpha.json", range: range(4) },
      { uri: "file:///offres/beta.yaml", range: range(0) },
    ];
  }
  throw new Error(`unknown command ${command}`);
}

function handle(message) {
  switch (message.method) {
    case "initialize":
      return send({
        id: message.id,
        result: {
          capabilities: {
            textDocumentSync: 1,
            hoverProvider: true,
            codeLensProvider: { resolveProvider: false },
            executeCommandProvider: { commands: ["clausier.preview", "clausier.failingVendors"] },
          },
        },
      });
    case "workspace/executeCommand":
      try {
        return send({ id: message.id, result: executeCommand(message.params) });
      } catch (error) {
        return send({ id: message.id, error: { code: -32602, message: error.message } });
      }
    case "shutdown":
      return send({ id: message.id, result: null });
    case "exit":
      return process.exit(0);
    default:
      if (message.id !== undefined && message.method !== undefined) {
        send({ id: message.id, error: { code: -32601, message: `unhandled ${message.method}` } });
      }
  }
}

process.stdin.on("data", (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const end = buffer.indexOf("\r\n\r\n");
    if (end < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString())?.[1]);
    if (buffer.length < end + 4 + length) return;
    const body = buffer.subarray(end + 4, end + 4 + length).toString("utf8");
    buffer = buffer.subarray(end + 4 + length);
    handle(JSON.parse(body));
  }
});
