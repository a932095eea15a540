// Validates SARIF files with the SARIF multitool (`Sarif.Multitool validate`, the
// validator of the SARIF SDK: the SARIF 2.1.0 JSON schema and the SARIF rules), and
// prints what it found as JSON:
//
//   node tests/validators/sarif-validate.mjs FILE.sarif…
//   {"exitCode":0,"findings":[{"file":"/abs/FILE.sarif","ruleId":"SARIF1009",
//     "level":"error","message":"…","line":637,"column":9}],"notifications":[…]}
//
// The multitool reports its findings as a SARIF log of its own (--output), whatever its
// exit code; a finding's level is its own or its rule's default. The multitool's binary
// is run directly, without a shell (its npm wrapper passes the arguments through one).

import { spawnSync } from "node:child_process";
import { accessSync, chmodSync, constants, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node sarif-validate.mjs FILE.sarif…");
  process.exit(2);
}

// The platform package's binary (@microsoft/sarif-multitool-linux on Linux).
const binary = require("@microsoft/sarif-multitool");
try {
  accessSync(binary, constants.X_OK);
} catch {
  // The package's postinstall script, which npm may not run, only does this.
  chmodSync(binary, 0o755);
}

const scratch = mkdtempSync(join(tmpdir(), "sarif-validate-"));
const output = join(scratch, "validation.sarif");
try {
  const run = spawnSync(
    binary,
    [
      "validate",
      ...files,
      "--config",
      join(here, "sarif-validation.xml"),
      "--output",
      output,
      "--log",
      "ForceOverwrite",
      "--level",
      "Error;Warning;Note",
      "--quiet",
    ],
    { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
  if (run.error) {
    throw run.error;
  }
  let log;
  try {
    log = JSON.parse(readFileSync(output, "utf8"));
  } catch (error) {
    console.error(`the multitool wrote no log (exit code ${run.status}): ${error}`);
    console.error(run.stdout);
    console.error(run.stderr);
    process.exit(1);
  }
  const findings = [];
  const notifications = [];
  for (const sarifRun of log.runs ?? []) {
    const rules = sarifRun.tool?.driver?.rules ?? [];
    const ruleOf = (result) =>
      (Number.isInteger(result.ruleIndex) ? rules[result.ruleIndex] : undefined) ??
      rules.find((rule) => rule.id === result.ruleId);
    for (const result of sarifRun.results ?? []) {
      const rule = ruleOf(result);
      const physical = result.locations?.[0]?.physicalLocation ?? {};
      const region = physical.region ?? {};
      const uri = physical.artifactLocation?.uri;
      findings.push({
        file: uri?.startsWith("file:") ? fileURLToPath(uri) : (uri ?? null),
        ruleId: result.ruleId,
        level: result.level ?? rule?.defaultConfiguration?.level ?? "warning",
        message: text(result.message, rule),
        line: region.startLine ?? null,
        column: region.startColumn ?? null,
      });
    }
    for (const invocation of sarifRun.invocations ?? []) {
      for (const key of ["toolExecutionNotifications", "toolConfigurationNotifications"]) {
        for (const notification of invocation[key] ?? []) {
          notifications.push({
            id: notification.descriptor?.id ?? null,
            level: notification.level ?? "warning",
            message: notification.message?.text ?? "",
          });
        }
      }
    }
  }
  console.log(JSON.stringify({ exitCode: run.status, findings, notifications }));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/** A result's message: its text, or its rule's message string with the arguments. */
function text(message, rule) {
  if (message?.text) {
    return message.text;
  }
  const template = rule?.messageStrings?.[message?.id]?.text ?? message?.id ?? "";
  const args = message?.arguments ?? [];
  return template.replace(/\{(\d+)\}/g, (whole, index) => args[Number(index)] ?? whole);
}
