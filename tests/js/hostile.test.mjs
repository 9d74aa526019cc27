// Hostile input through the built package (pkg/), the way an editor would send it: wrong
// types in every field, null/undefined everywhere, huge and negative numbers, invalid dates,
// a 5 MB note, 10,000 lines, deeply nested junk, lone surrogates and invalid UTF-16. Each
// gets an Error naming the field, or a bounded report; the checker keeps working; and memory
// (the wasm heap and the process's RSS) does not grow across a million checks.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import v8 from "node:v8";
import vm from "node:vm";
import { Checker, checkNote, limits } from "chartlint";
// wasm-bindgen's glue (internal): its initSync returns the instance's exports, memory included.
import { initSync } from "../../pkg/glue.js";

const base = JSON.parse(readFileSync(new URL("../fixtures/base-note.json", import.meta.url), "utf8"));
const clone = (o) => structuredClone(o);
const checker = new Checker();

/** Sets `path` ("lines.0.minutes") in a clone of the base note; `undefined` deletes. */
function withPath(path, value) {
  const note = clone(base);
  const keys = path.split(".");
  let o = note;
  for (const k of keys.slice(0, -1)) {
    if (o[k] === undefined || o[k] === null) o[k] = /^\d+$/.test(k) ? [] : {};
    o = o[k];
  }
  o[keys.at(-1)] = value;
  return note;
}
/** "lines.0.minutes" → "lines[0].minutes", as the engine names fields. */
const fieldName = (path) => path.replace(/\.(\d+)/g, "[$1]");

/** A report that is well-formed and bounded. */
function assertReport(r, note) {
  assert.equal(typeof r.readyToSign, "boolean");
  assert.ok(Array.isArray(r.findings) && r.findings.length < 1000);
  const len = typeof note?.text === "string" ? note.text.length : 0;
  for (const f of r.findings) {
    assert.equal(typeof f.rule, "string");
    assert.ok(typeof f.message === "string" && f.message.length > 0 && f.message.length < 2000);
    if (f.span) assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= len, JSON.stringify(f.span));
  }
}

/** Either a clean Error whose message starts with the field's name, or a bounded report. */
function errorOrReport(note, field) {
  try {
    const r = checker.check(note);
    assertReport(r, note);
    return r;
  } catch (e) {
    assert.ok(e instanceof Error, `threw a non-Error: ${e}`);
    assert.ok(e.message.startsWith(`${field}:`) || e.message.startsWith(`${field}[`), `${field}: got "${e.message}"`);
    assert.ok(e.message.length < 500);
    return e;
  }
}

// Every field of the contract, with the kind of value it takes.
const FIELDS = {
  id: "string", discipline: "enum", noteType: "enum", dateOfService: "date", payer: "object", "payer.kind": "enum",
  "payer.unitRule": "enum", provider: "object", "provider.role": "enum", "provider.name": "string",
  "provider.credentials": "string", lines: "array", "lines.0": "object", "lines.0.code": "string",
  "lines.0.minutes": "count", "lines.0.units": "count", "lines.0.modifiers": "array", "lines.0.modifiers.0": "string",
  "lines.0.assistantMinutes": "count", diagnoses: "array", "diagnoses.0": "string", totalTimedMinutes: "count",
  totalTreatmentMinutes: "count", episode: "object", "episode.visitNumber": "count", "episode.reportingPeriodDay": "count",
  "episode.planOfCareStart": "date", "episode.planOfCareEnd": "date", "episode.certifiedOn": "date",
  "episode.authorizedVisits": "count", "episode.authorizationEnd": "date", "episode.thresholdSpentBefore": "money",
  "episode.closed": "bool", "episode.frequencyPerWeek": "count", "episode.durationWeeks": "count",
  "episode.plannedVisits": "count", patientId: "string", episodeId: "string",
  evaluation: "object", "evaluation.historyFactors": "count", "evaluation.examElements": "count",
  "evaluation.clinicalPresentation": "enum", "evaluation.profileReview": "enum", "evaluation.performanceDeficits": "count",
  "evaluation.comorbiditiesAffectOccupation": "bool", "evaluation.taskModification": "enum",
  "evaluation.decisionMaking": "enum", "evaluation.minutes": "count", "evaluation.reevaluationReason": "string",
  text: "string",
};
const REQUIRED = new Set(["discipline", "noteType", "dateOfService", "payer", "payer.kind", "provider", "provider.role",
  "lines", "lines.0.code", "lines.0.units", "text"]);
const WRONG = {
  string: [42, true, [], {}, ["a"], 1e300],
  enum: [42, true, [], {}, "nope", "", "pt", " PT"],
  date: [20250101, true, [], {}, "2025-02-29", "2025-13-01", "2025-04-31", "03/10/2025", "2025-3-10", "", "2025-03-10T00:00:00Z", "0000-01-01", "99999-01-01"],
  count: ["5", true, [], {}, -1, -0.5, 1.5, 1e12, 1e300, Number.MAX_SAFE_INTEGER, 2 ** 64, -1e300, Number.MIN_VALUE],
  array: ["x", 42, {}, true],
  object: ["x", 42, [], true],
  bool: ["true", 1, 0, [], {}],
  money: ["abc", true, [], {}, -1, "-5.00", "1e400", "1".repeat(40), 1e300],
};

test("wrong types in every field: an Error naming the field", () => {
  let n = 0;
  for (const [path, kind] of Object.entries(FIELDS)) {
    for (const v of WRONG[kind]) {
      const out = errorOrReport(withPath(path, v), fieldName(path));
      assert.ok(out instanceof Error, `${path} = ${JSON.stringify(v)} was accepted`);
      n++;
    }
  }
  assert.ok(n > 300, `${n} cases`);
  assert.equal(checker.check(base).readyToSign, true);
});

test("null and undefined in every field: absent, or 'is required' for required fields", () => {
  for (const path of Object.keys(FIELDS)) {
    for (const v of [null, undefined]) {
      const out = errorOrReport(withPath(path, v), fieldName(path));
      const isArrayItem = /\.\d+$/.test(path);
      if (REQUIRED.has(path) || isArrayItem) {
        assert.ok(out instanceof Error, `${path} = ${v} was accepted`);
      } else {
        assert.ok(!(out instanceof Error), `${path} = ${v}: ${out.message}`);
      }
    }
  }
  // The note and the config themselves.
  for (const v of [null, undefined, 0, "", "{}", [], true, () => 1, Symbol("s")]) {
    assert.throws(() => checker.check(v), (e) => e instanceof Error && e.message.startsWith("note"));
  }
  for (const v of [null, undefined]) assert.equal(new Checker(v).check(base).readyToSign, true);
  assert.equal(checkNote(base, null).readyToSign, true);
  assert.equal(checkNote(base, undefined).readyToSign, true);
  for (const v of [0, "x", [], true]) assert.throws(() => new Checker(v), /^Error: config/);
  assert.throws(() => checkNote(undefined, undefined), /^Error: note: expected an object, got undefined/);
});

test("an episode: a wrong value in any field of notes[3] is named there; the other notes are checked", () => {
  const DATES = ["2025-03-03", "2025-03-05", "2025-03-07", "2025-03-10", "2025-03-12"];
  const episode = DATES.map((d, i) => ({ ...clone(base), id: `n${i}`, dateOfService: d, noteType: i ? "daily" : "evaluation" }));
  const clean = checker.checkEpisode(episode);
  assert.ok(clean.notes.every((n) => n.report && !n.error));
  let n = 0;
  for (const [path, kind] of Object.entries(FIELDS)) {
    for (const v of [...WRONG[kind], ...(REQUIRED.has(path) || /\.\d+$/.test(path) ? [null, undefined] : [])]) {
      const notes = episode.map((note, i) => (i === 3 ? withPath(path, v) : note));
      notes[3].id = "n3";
      notes[3].dateOfService = path === "dateOfService" ? v : DATES[3];
      if (path === "id") notes[3].id = v;
      const field = `notes[3].${fieldName(path)}`;
      let message;
      try {
        const r = checker.checkEpisode(notes);
        message = r.notes[3].error;
        assert.equal(r.notes[3].report, undefined, `${field} = ${JSON.stringify(v)}`);
        assert.ok(r.notes.every((x, i) => i === 3 || x.report), `${field}: the other notes are checked`);
      } catch (e) {
        assert.ok(e instanceof Error, `threw a non-Error: ${e}`);
        message = e.message; // a field the whole episode depends on (patientId, episodeId)
      }
      assert.ok(typeof message === "string", `${field} = ${JSON.stringify(v)} was accepted`);
      assert.ok(message.startsWith(`${field}:`) || message.startsWith(`${field}[`), `${field}: got "${message}"`);
      assert.ok(message.length < 500);
      n++;
    }
  }
  assert.ok(n > 350, `${n} cases`);
  // Not notes at all, junk nested deep, too many notes: errors that say so.
  assert.deepEqual(checker.checkEpisode([1, "x", null]).notes.map((x) => x.error), [
    "notes[0]: expected an object, got 1", "notes[1]: expected an object, got a string of 1 characters", "notes[2]: expected an object, got null",
  ]);
  let deep = [];
  for (let i = 0; i < 1_000; i++) deep = [deep];
  assert.throws(() => checker.checkEpisode(episode.map((x, i) => (i === 3 ? { ...x, junk: deep } : x))), /^Error: the episode is not valid JSON \(recursion limit exceeded/);
  assert.throws(() => checker.checkEpisodeJson("[".repeat(100_000)), /^Error: the episode is not valid JSON/);
  assert.throws(() => checker.checkEpisode(Array.from({ length: limits().maxEpisodeNotes + 1 }, () => base)), /^Error: notes: has 501 notes; at most 500/);
  assert.deepEqual(checker.checkEpisode(episode), clean, "the checker keeps working");
});

test("huge numbers, negative minutes and invalid dates name the field", () => {
  const cases = [
    ["lines.0.minutes", -5, /^Error: lines\[0\]\.minutes: expected a whole number of minutes ≥ 0, got -5$/],
    ["lines.0.minutes", 1e300, /^Error: lines\[0\]\.minutes: expected a whole number of minutes no larger than 1440/],
    ["lines.0.minutes", 2 ** 64, /^Error: lines\[0\]\.minutes: /],
    ["lines.0.units", 1e6, /^Error: lines\[0\]\.units: expected a whole number of units no larger than 999/],
    ["totalTimedMinutes", -0.0001, /^Error: totalTimedMinutes: /],
    ["episode.thresholdSpentBefore", "-1", /^Error: episode\.thresholdSpentBefore: expected a dollar amount/],
    ["episode.thresholdSpentBefore", "1e9999", /^Error: episode\.thresholdSpentBefore: /],
    ["dateOfService", "2025-02-29", /^Error: dateOfService: expected a real calendar date written YYYY-MM-DD$/],
    ["dateOfService", "2024-02-30", /^Error: dateOfService: /],
    ["episode.certifiedOn", "2025-00-10", /^Error: episode\.certifiedOn: /],
  ];
  for (const [path, v, re] of cases) assert.throws(() => checker.check(withPath(path, v)), re, path);
  // NaN, Infinity and -0 are what JSON makes of them: absent, absent, 0.
  for (const v of [NaN, Infinity, -Infinity]) assertReport(checker.check(withPath("totalTreatmentMinutes", v)), base);
  assertReport(checker.check(withPath("lines.0.minutes", -0)), base);
  // 2024-02-29 is real.
  assertReport(checker.check(withPath("dateOfService", "2024-02-29")), base);
});

test("a 5 MB note is refused naming the text; 10,000 lines are checked; the checker keeps working", () => {
  const big = withPath("text", "Pt tolerated therapeutic exercise well. ".repeat(130_000));
  assert.ok(big.text.length > 5_000_000);
  assert.throws(() => checker.check(big), /^Error: text: the note is \d+ bytes of JSON \(text alone is \d+ bytes of JSON\); at most 2097152 are accepted$/);
  assert.throws(() => checker.checkJson(JSON.stringify(big)), /^Error: text: /);
  const justOver = withPath("text", "x".repeat(limits().maxTextBytes + 1));
  assert.throws(() => checker.check(justOver), /^Error: text: is \d+ bytes; at most \d+ bytes are checked/);

  const tenK = withPath("text", Array.from({ length: 10_000 }, (_, i) => `${i}. Pt performed step-ups 3x10 with CGA.`).join("\n"));
  const t0 = performance.now();
  assertReport(checker.check(tenK), tenK);
  const ms = performance.now() - t0;
  console.log(`# 10,000-line note (${tenK.text.length} chars) checked in ${ms.toFixed(1)} ms`);
  assert.throws(() => checker.check(withPath("text", "\n".repeat(limits().maxTextLines + 1))), /^Error: text: has \d+ lines; at most/);
  const manyLines = withPath("lines", Array.from({ length: 10_000 }, () => ({ code: "97110", minutes: 15, units: 1 })));
  assert.throws(() => checker.check(manyLines), /^Error: lines: has 10000 items; at most 100 are accepted$/);
  assert.equal(checker.check(base).readyToSign, true);
});

test("deeply nested junk is an error, never a crash", () => {
  let deep = [];
  for (let i = 0; i < 1_000; i++) deep = [deep];
  assert.throws(() => checker.check({ ...base, junk: deep }), /^Error: the note is not valid JSON \(recursion limit exceeded/);
  let deeper = {};
  for (let i = 0; i < 1_000_000; i++) deeper = { a: deeper };
  assert.throws(() => checker.check({ ...base, junk: deeper }), /^Error: note: cannot be read as JSON data/);
  assert.throws(() => checker.checkJson("[".repeat(1_000_000)), /not valid JSON/);
  // Junk in known places names the place.
  assert.throws(() => checker.check(withPath("lines.0", [[[[1]]]])), /^Error: lines\[0\]: expected an object, got an array of 1 items$/);
  assert.throws(() => checker.check(withPath("lines.0", deep)), /^Error: the note is not valid JSON \(recursion limit exceeded/);
  assert.throws(() => checker.check(withPath("payer", { kind: { kind: { kind: "medicare" } } })), /^Error: payer\.kind: expected one of/);
  // A getter that throws, a Proxy, a Map: read as JSON would.
  const trap = clone(base);
  Object.defineProperty(trap, "text", { enumerable: true, get() { throw new Error("boom"); } });
  assert.throws(() => checker.check(trap), /^Error: note: cannot be read as JSON data \(boom\)$/);
  assert.throws(() => checker.check(new Map(Object.entries(base))), /^Error: text: is required/);
  assertReport(checker.check(new Proxy(clone(base), {})), base);
  assert.equal(checker.check(base).readyToSign, true);
});

test("lone surrogates and invalid UTF-16 from JavaScript", () => {
  const texts = [
    "\ud800", "\udfff", "pain \ud83d 3/10", "\ude00\ud83d reversed", "\ud83d\ude00 valid pair", "a\ud800\ud800b",
    "\\ud800 escaped backslash", "\\\ud800", "x".repeat(1000) + "\udbff", "\u0000 nul \u0001\u001f controls", "\ufffe\uffff",
  ];
  for (const t of texts) {
    const note = withPath("text", base.text + " " + t);
    assertReport(checker.check(note), note);
    assertReport(JSON.parse(checker.checkJson(JSON.stringify(note))), note);
  }
  // In keys, codes, modifiers and names too.
  assertReport(checker.check({ ...base, ["\ud800key"]: "\udc00" }), base);
  assert.throws(() => checker.check(withPath("lines.0.modifiers.0", "G\ud800")), /^Error: lines\[0\]\.modifiers\[0\]: expected a two-character modifier/);
  const r = checker.check(withPath("lines.0.code", "97110\ud800"));
  assert.ok(r.findings.some((f) => f.rule === "codes/unknown-code"));
  assertReport(checker.check(withPath("provider.name", "\udead Lee")), base);
  assert.equal(checker.check(base).readyToSign, true);
});

function memorySampler() {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc");
  const wasm = initSync({ module: readFileSync(new URL("../../pkg/chartlint_bg.wasm", import.meta.url)) });
  assert.ok(wasm.memory instanceof WebAssembly.Memory, "the package's wasm memory is reachable");
  return () => {
    gc();
    return { heap: wasm.memory.buffer.byteLength, rss: process.memoryUsage().rss };
  };
}

test("memory does not grow across a million checks", { timeout: 600_000 }, () => {
  const total = Number(process.env.CHARTLINT_SOAK_CHECKS ?? 1_000_000);
  const sample = memorySampler();
  const small = { discipline: "PT", noteType: "daily", dateOfService: "2025-03-10", payer: { kind: "medicare" },
    provider: { role: "PT" }, lines: [{ code: "97110", minutes: 33, units: 3, modifiers: ["GP"] }, { code: "97140", minutes: 7, units: 0, modifiers: ["GP"] }],
    totalTimedMinutes: 40, text: "" };
  // Every tenth check reads a text (with a lone surrogate); the rest are the smallest note,
  // so that a million checks fit in CI's time.
  const texty = { ...small, text: "Ther ex 33 min: step-ups with verbal cues. Manual 7 min. Tolerated well. \ud83d" };
  const bad = { ...small, lines: [{ code: "97110", minutes: -5, units: 1 }] };
  const json = JSON.stringify(small);
  const c = new Checker();
  const warmup = Math.min(50_000, total / 10);
  const every = Math.max(1, Math.floor(total / 20));
  const samples = [];
  const t0 = performance.now();
  for (let i = 1; i <= total; i++) {
    // Live checks (objects and JSON text), invalid notes, one-shot checks, new checkers.
    if (i % 1000 === 5) {
      checkNote(small);
      const k = new Checker({ disabledRules: ["units/under-billed"] });
      k.check(small);
      k.free();
    } else if (i % 10 === 0) {
      try { c.check(bad); assert.fail("bad note accepted"); } catch (e) { if (!(e instanceof Error)) throw e; }
    } else if (i % 10 === 1) {
      c.check(texty);
    } else if (i % 10 <= 5) {
      c.checkJson(json);
    } else {
      c.check(small);
    }
    if (i === warmup || (i > warmup && i % every === 0)) samples.push({ i, ...sample() });
  }
  const secs = (performance.now() - t0) / 1000;
  const first = samples[0];
  const last = samples.at(-1);
  const mib = (b) => (b / 1048576).toFixed(1);
  console.log(`# ${total} checks in ${secs.toFixed(1)} s; wasm heap ${mib(first.heap)} → ${mib(last.heap)} MiB; RSS ${mib(first.rss)} → ${mib(last.rss)} MiB`);
  console.log(`# samples (checks: wasm MiB / RSS MiB): ${samples.map((s) => `${s.i}: ${mib(s.heap)}/${mib(s.rss)}`).join(", ")}`);
  // The wasm heap never shrinks, so a leak of even a few bytes per check shows as growth.
  assert.ok(last.heap - first.heap <= 1 << 20, `wasm heap grew ${last.heap - first.heap} B after warm-up`);
  // RSS moves with the JS garbage collector: compare the later half's low to the first samples' high.
  const half = samples.slice(Math.floor(samples.length / 2));
  const early = Math.max(...samples.slice(0, 3).map((s) => s.rss));
  const late = Math.min(...half.map((s) => s.rss));
  assert.ok(late - early <= 64 << 20, `RSS grew ${mib(late - early)} MiB after warm-up`);
  c.free();
});
