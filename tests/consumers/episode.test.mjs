// checkEpisode in every way a consumer reaches it: Node ESM (import), Node CommonJS
// (require, without require(esm)), and chartlint/worker in Chromium (a module worker under a
// strict CSP). Each runs the same exercise (lib/episode.js): an episode with one visit too
// many in a week, a note with an impossible date (an error naming notes[3].dateOfService
// while the rest is checked), an episode that cannot be checked (a thrown Error naming the
// field; the checker keeps working), a config, JSON text in and out. The expected result is
// the installed package's own, in this process; the test also pins what it must contain.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import * as chartlint from "chartlint";
import { exercise } from "./lib/episode.js";
import { serve } from "./lib/serve.mjs";
import { launch } from "./lib/browser.mjs";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const node = (args) => JSON.parse(execFileSync(process.execPath, args, { encoding: "utf8" }));
const EXPECTED = exercise(chartlint);

test("the expected result: the episode finding, the bad note's error, the thrown error, the config", () => {
  assert.deepEqual(EXPECTED.episode.findings, [["episode/visits-exceed-plan-frequency", "n6"]]);
  assert.equal(EXPECTED.episode.notes.length, 6);
  assert.deepEqual(EXPECTED.bad.notes[3], { noteId: "n4", error: "notes[3].dateOfService: expected a real calendar date written YYYY-MM-DD" });
  assert.ok(EXPECTED.bad.notes.every((n, i) => i === 3 || "readyToSign" in n), "the other notes are checked");
  assert.match(EXPECTED.thrown, /^Error: notes\[2\]\.discipline: /);
  assert.deepEqual(EXPECTED.after, EXPECTED.episode, "the checker keeps working after an error");
  assert.deepEqual(EXPECTED.configured.findings, [], "the config reaches checkEpisode");
  assert.deepEqual(EXPECTED.json, EXPECTED.episode);
});

test("Node ESM: import { Checker, checkEpisode } from 'chartlint'", () => {
  assert.deepEqual(node([here("node-esm/episode.mjs")]), EXPECTED);
});

test("Node CommonJS: require('chartlint') without require(esm)", () => {
  assert.deepEqual(node(["--no-experimental-require-module", here("node-cjs/episode.js")]), EXPECTED);
});

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; object-src 'none'";
let server, browser;
before(async () => {
  server = await serve(here("."), { csp: CSP });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("chartlint/worker: WorkerChecker.checkEpisode answers as the package does in Node; lanes supersede", async () => {
  const page = await browser.context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => m.type() === "error" && !m.text().startsWith("Failed to load resource") && problems.push(m.text()));
  await page.goto(`${server.url}worker/episode.html`);
  const r = await page.evaluate(async () => {
    const { WorkerChecker } = await import("/node_modules/chartlint/worker.js");
    const { exerciseWorker, EPISODE } = await import("/lib/episode.js");
    const same = await exerciseWorker(WorkerChecker);
    // An episode re-checked as the therapist types: the first runs, the ones queued while it
    // runs are superseded, the last answers.
    const c = new WorkerChecker();
    const calls = Array.from({ length: 5 }, (_, k) => c.checkEpisode(EPISODE.map((n) => ({ ...n, patientId: `p${k}` })), { lane: "episode" }));
    const outcome = (await Promise.allSettled(calls)).map((s) => (s.status === "fulfilled" ? s.value.patientId : s.reason.name));
    const byName = await c.call("checkEpisode", [EPISODE]);
    const notAnArray = await c.checkEpisode("n1").catch((e) => e.message);
    c.terminate();
    return { same, outcome, byName: byName.findings.map((f) => [f.rule, f.noteId]), notAnArray };
  });
  assert.deepEqual(r.same, EXPECTED);
  assert.deepEqual(r.outcome, ["p0", "AbortError", "AbortError", "AbortError", "p4"]);
  assert.deepEqual(r.byName, EXPECTED.episode.findings);
  assert.match(r.notAnArray, /^notes: expected an array/);
  assert.deepEqual(problems, []);
  await page.close();
});
