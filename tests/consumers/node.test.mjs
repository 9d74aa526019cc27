// Node: ESM import, CommonJS require() (with require(esm) turned off, as on Node 20.0–20.18),
// and TypeScript `module: node16` from a CommonJS package (tsc, then run).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { EXPECTED } from "./lib/expected.mjs";
import { NOTE } from "./lib/report.js";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const node = (args, cwd) => JSON.parse(execFileSync(process.execPath, args, { cwd, encoding: "utf8" }));

test("Node ESM: import { checkNote } from 'chartlint'", () => {
  assert.deepEqual(node([here("node-esm/index.mjs")]), EXPECTED);
});

test("Node CommonJS: require('chartlint') without require(esm)", () => {
  assert.deepEqual(node(["--no-experimental-require-module", here("node-cjs/index.js"), JSON.stringify(NOTE)]), EXPECTED);
});

for (const [name, bin] of [["TypeScript 5.9", "typescript"], ["TypeScript 7", "typescript-7"]]) {
  test(`${name}, module node16, CommonJS package: tsc compiles (skipLibCheck false) and the output runs`, () => {
    const tsc = here(`node_modules/${bin}/bin/tsc`);
    execFileSync(process.execPath, [tsc, "-p", here("node-cjs/tsconfig.json")], { encoding: "utf8" });
    assert.deepEqual(node(["--no-experimental-require-module", here("node-cjs/dist/index.js"), JSON.stringify(NOTE)]), EXPECTED);
  });
}
