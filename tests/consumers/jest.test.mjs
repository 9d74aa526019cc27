// Jest 30 with its default CommonJS setup runs a test that requires chartlint.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { EXPECTED } from "./lib/expected.mjs";
import { NOTE } from "./lib/report.js";

test("jest (default CommonJS setup): require('chartlint') passes", () => {
  const jest = fileURLToPath(new URL("node_modules/jest/bin/jest.js", import.meta.url));
  const r = spawnSync(process.execPath, [jest, "--ci", "--colors=false"], {
    cwd: fileURLToPath(new URL("jest/", import.meta.url)), encoding: "utf8",
    env: { ...process.env, CHARTLINT_NOTE: JSON.stringify(NOTE), CHARTLINT_EXPECTED: JSON.stringify(EXPECTED) },
  });
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  assert.match(r.stderr, /Tests:\s+2 passed, 2 total/);
});
