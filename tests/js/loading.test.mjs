// How the package loads, each case in a fresh Node process (module state is per process):
// nothing is read at import, init() is idempotent and optional where the entry has its bytes,
// the browser entry says plainly when init() was skipped, and CommonJS works without
// require(esm).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const here = new URL(".", import.meta.url);
const NOTE = readFileSync(new URL("../fixtures/base-note.json", import.meta.url), "utf8");

/** Runs `code` in a fresh Node (ESM, or CommonJS with `cjs`) from tests/js; returns stdout. */
function run(code, { cjs = false, flags = [] } = {}) {
  return execFileSync(process.execPath, [...flags, `--input-type=${cjs ? "commonjs" : "module"}`, "-e", code], {
    cwd: here, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"],
  }).trim();
}

test("Node ESM: importing reads nothing; the first synchronous call initialises; init() is optional", () => {
  const out = run(`
    import { isInitialised, checkNote, Checker } from "chartlint";
    const before = isInitialised();
    const report = checkNote(${NOTE});
    console.log(JSON.stringify({ before, after: isInitialised(), ready: report.readyToSign, ok: new Checker().check(${NOTE}).noteId }));
  `);
  assert.deepEqual(JSON.parse(out), { before: false, after: true, ready: true, ok: "base-note" });
});

test("the browser entry without init(): a clear error, then init() makes it work", () => {
  const out = run(`
    import { readFileSync } from "node:fs";
    import init, { Checker, checkNote, rules, version, isInitialised } from "../../pkg/chartlint.js";
    const errors = [];
    for (const f of [() => new Checker(), () => checkNote({}), () => rules(), () => version()]) {
      try { f(); errors.push("no error"); } catch (e) { errors.push(e instanceof Error ? e.message : String(e)); }
    }
    const bytes = readFileSync(new URL("../../pkg/chartlint_bg.wasm", import.meta.url));
    const a = init(bytes), b = init(bytes);
    await Promise.all([a, b]);
    await init(); // idempotent: no second load (this argument-less call would need fetch)
    console.log(JSON.stringify({ errors, same: a === b, ready: isInitialised(), report: new Checker().check(${NOTE}).readyToSign }));
  `);
  const r = JSON.parse(out);
  assert.deepEqual(r.errors, Array(4).fill("chartlint is not initialised: await init() first"));
  assert.equal(r.same, true, "concurrent init() calls share one promise");
  assert.equal(r.ready, true);
  assert.equal(r.report, true);
});

test("a failed init() can be retried; wasm-bindgen's { module_or_path } form is accepted", () => {
  const out = run(`
    import { readFileSync } from "node:fs";
    import init, { version } from "../../pkg/chartlint.js";
    let failed = "";
    try { await init(new Uint8Array([0, 1, 2, 3])); } catch (e) { failed = e.name; }
    const module = await WebAssembly.compile(readFileSync(new URL("../../pkg/chartlint_bg.wasm", import.meta.url)));
    await init({ module_or_path: module });
    console.log(JSON.stringify({ failed, version: version() }));
  `);
  const r = JSON.parse(out);
  assert.equal(r.failed, "CompileError");
  assert.match(r.version, /^\d+\.\d+\.\d+/);
});

test("createChecker(): the async way in, no init() to remember", () => {
  const out = run(`
    import { createChecker } from "chartlint";
    const c = await createChecker({ disabledRules: ["units/under-billed"] });
    console.log(c.check(${NOTE}).noteId);
  `);
  assert.equal(out, "base-note");
});

test("CommonJS: require() works without require(esm) (as on Node 20.0-20.18), init optional", () => {
  const code = `
    const chartlint = require("chartlint");
    const { checkNote, Checker, rules } = chartlint;
    const report = checkNote(${NOTE});
    console.log(JSON.stringify({
      ready: report.readyToSign, rules: rules().length > 10, init: typeof chartlint.default,
      file: require.resolve("chartlint").split("/").pop(), cls: new Checker() instanceof Checker,
    }));
  `;
  const r = JSON.parse(run(code, { cjs: true, flags: ["--no-experimental-require-module"] }));
  assert.deepEqual(r, { ready: true, rules: true, init: "function", file: "node.cjs", cls: true });
});

test("Node ESM resolves to node.js, which reads chartlint_bg.wasm beside it (no base64, no fetch)", () => {
  const out = run(`
    import init, { checkNote } from "chartlint";
    const entry = import.meta.resolve("chartlint").split("/").pop();
    globalThis.fetch = () => { throw new Error("fetch called"); };
    await init();
    console.log(JSON.stringify({ entry, ready: checkNote(${NOTE}).readyToSign }));
  `);
  assert.deepEqual(JSON.parse(out), { entry: "node.js", ready: true });
});

test("the inlined entry needs no .wasm file and no fetch", () => {
  const out = run(`
    import init, { checkNote } from "chartlint/inline";
    const t = typeof fetch;
    globalThis.fetch = () => { throw new Error("fetch called"); };
    await init();
    console.log(JSON.stringify({ ready: checkNote(${NOTE}).readyToSign, t }));
  `);
  assert.deepEqual(JSON.parse(out), { ready: true, t: "function" });
});
