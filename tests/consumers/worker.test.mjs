// chartlint/worker in Chromium (a module worker, plain ESM): an editor mounts with no long
// task over 50 ms on the main thread; superseded checks are dropped; the worker answers the
// same as the package in Node. Prints the cold time to the first report, main thread vs
// worker (measured, never asserted).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { serve } from "./lib/serve.mjs";
import { launch } from "./lib/browser.mjs";
import { EXPECTED } from "./lib/expected.mjs";
import { rules, version } from "chartlint";

const ROOT = fileURLToPath(new URL(".", import.meta.url));
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; object-src 'none'";
let server, browser;
before(async () => {
  server = await serve(ROOT, { csp: CSP });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function mount(path) {
  const page = await browser.context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => m.type() === "error" && !m.text().startsWith("Failed to load resource") && problems.push(m.text()));
  page.on("response", (r) => r.status() >= 400 && !r.url().endsWith("/favicon.ico") && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  await page.goto(`${server.url}worker/${path}`);
  await page.waitForFunction(() => window.__firstReport !== undefined, null, { timeout: 60_000 });
  await page.waitForTimeout(300); // let the observer deliver the last entries
  const r = await page.evaluate(() => ({
    first: window.__firstReport, longTasks: window.__longTasks, maxGap: window.__maxGap,
    state: document.getElementById("report").dataset.state, data: document.getElementById("report").dataset.report,
  }));
  return { page, problems, ...r };
}

test("mounting the worker-based editor: the report renders and no main-thread task exceeds 50 ms", async () => {
  // Up to three mounts, each in a fresh page: on a shared machine the OS can stretch a short
  // task past 50 ms now and then, which is not the page's work; a Checker built on the main
  // thread makes every mount long (see the benchmark below), so one clean mount shows the
  // engine stayed off the main thread.
  const seen = [];
  for (let i = 0; i < 3; i++) {
    const { page, problems, longTasks, state, data } = await mount("index.html");
    assert.equal(state, "ok");
    assert.deepEqual(JSON.parse(data), EXPECTED);
    assert.deepEqual(problems, []);
    await page.close();
    seen.push(longTasks);
    if (longTasks.length === 0) break;
  }
  assert.ok(seen.at(-1).length === 0, `every mount had a long task on the main thread (ms): ${JSON.stringify(seen)}`);
});

test("typing: superseded checks are dropped, the last one answers, the same client keeps working", async () => {
  const { page } = await mount("index.html");
  const r = await page.evaluate(async () => {
    const c = window.__checker;
    const note = { discipline: "PT", noteType: "daily", dateOfService: "2025-03-10", payer: { kind: "medicare" }, provider: { role: "PT" }, lines: [], text: "" };
    // Twenty keystrokes in one go: the first runs, the next eighteen are superseded while
    // it runs, the last runs after it.
    const calls = Array.from({ length: 20 }, (_, i) => c.check({ ...note, id: `k${i}` }, { lane: "typing" }));
    const settled = await Promise.allSettled(calls);
    const other = await c.check({ ...note, id: "other-lane" }); // no lane: always runs
    const invalid = await c.check({ ...note, lines: "97110" }).catch((e) => e.message);
    const aborted = new AbortController();
    const pending = c.check(note, { signal: aborted.signal });
    aborted.abort();
    return {
      outcome: settled.map((s) => (s.status === "fulfilled" ? s.value.noteId : s.reason.name)),
      other: other.noteId, invalid, cancelled: await pending.catch((e) => e.name),
      version: await c.version(), rules: (await c.rules()).length,
      generic: (await c.call("checkJson", [JSON.stringify({ ...note, id: "json" })])).includes('"noteId":"json"'),
      unknown: await c.call("nope", []).catch((e) => e.message),
    };
  });
  assert.deepEqual(r.outcome, ["k0", ...Array(18).fill("AbortError"), "k19"]);
  assert.equal(r.other, "other-lane");
  assert.equal(r.invalid, "lines: expected an array, got a string of 5 characters", "the Error crosses the worker with its message");
  assert.equal(r.cancelled, "AbortError");
  assert.equal(r.version, version());
  assert.equal(r.rules, rules().length);
  assert.equal(r.generic, true, "call(method, args) reaches Checker's methods by name");
  assert.match(r.unknown, /unknown method "nope"/);
  await page.close();
});

test("your own worker (importing chartlint/worker-script) and a WebAssembly.Module compiled once on the page", async () => {
  const { page } = await mount("index.html");
  const r = await page.evaluate(async () => {
    const module = await WebAssembly.compileStreaming(fetch("/node_modules/chartlint/chartlint_bg.wasm"));
    const worker = new Worker("/worker/own-worker.js", { type: "module" });
    const c = new window.__WorkerChecker({ disabledRules: ["units/over-billed"] }, { worker, wasm: module });
    const version = await c.ready;
    const report = await c.check({ discipline: "PT", noteType: "daily", dateOfService: "2025-03-10", payer: { kind: "medicare" }, provider: { role: "PT" }, lines: [{ code: "97110", minutes: 8, units: 2, modifiers: ["GP"] }], text: "" });
    const bad = new window.__WorkerChecker({ disabledRule: [] }, { wasm: module });
    const invalid = await bad.ready.catch((e) => e.message);
    const afterInvalid = await bad.version().catch((e) => e.message);
    c.terminate();
    const terminated = await c.version().catch((e) => e.name);
    return { version, overBilled: report.findings.some((f) => f.rule === "units/over-billed"), invalid, afterInvalid, terminated };
  });
  assert.equal(r.version, version());
  assert.equal(r.overBilled, false, "the config reached the worker's Checker");
  assert.equal(r.invalid, 'config.disabledRule: unknown key; did you mean "disabledRules"?');
  assert.equal(r.afterInvalid, r.invalid, "calls after a failed start say why");
  assert.equal(r.terminated, "AbortError");
  await page.close();
});

test("benchmark: cold time to the first report, main thread vs worker (printed, not asserted)", async () => {
  const rows = [];
  for (const [label, path] of [["main thread (new Checker())", "main-thread.html"], ["chartlint/worker", "index.html"]]) {
    const firsts = [];
    const longest = [];
    const gaps = [];
    for (let i = 0; i < 3; i++) {
      const { page, first, longTasks, maxGap } = await mount(path);
      firsts.push(first);
      longest.push(Math.max(0, ...longTasks));
      gaps.push(maxGap);
      await page.close();
    }
    const median = (a) => [...a].sort((x, y) => x - y)[1];
    rows.push(`${label}: first report at ${median(firsts).toFixed(0)} ms after navigation; longest main-thread long task ${median(longest)} ms, longest timer gap ${median(gaps)} ms (medians of 3)`);
  }
  for (const row of rows) console.log(`# cold start: ${row}`);
});
