// Benchmark of the built package (pkg/) in Node: the same corpus and figures as the native
// benchmark (examples/bench.rs), through `Checker.check` (JS object in, JS object out) and
// `checkJson` (JSON text in and out), and an episode of 40 notes (`checkEpisode` against
// `check` on each note). Prints one JSON object. Reports, never asserts.
// Run: node tests/bench/node.mjs   (after scripts/build-pkg.sh)
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

const budget = Number(process.env.BENCH_SECONDS ?? 1);
const names = ["short", "typical", "long"];
const texts = names.map((n) => readFileSync(new URL(`./${n}.json`, import.meta.url), "utf8"));
const notes = texts.map((t) => JSON.parse(t));

// Cold start: the module's import, then the first Checker (reading and compiling the .wasm)
// to the first report. The entry is the one Node resolves `import "chartlint"` to (the
// package's `node` condition, `default` branch), read from pkg/package.json so the benchmark
// follows the package if the entry changes.
const exportsDot = JSON.parse(readFileSync(new URL("../../pkg/package.json", import.meta.url), "utf8")).exports["."];
const nodeEntry = exportsDot.node.default ?? exportsDot.node;
const t0 = performance.now();
const { Checker } = await import(new URL(`../../pkg/${nodeEntry}`, import.meta.url).href);
const checker = new Checker();
checker.check(notes[1]);
const coldMs = performance.now() - t0;

// The baselines the figures are compared with, in the same run: compiling the .wasm alone
// (`WebAssembly.compile`, median of 5), and handing a note over (`JSON.stringify` of the
// note object + UTF-8 encoding of the text, what any call into WebAssembly costs at least).
// V8 caches compiled modules by their bytes (the cold start above already compiled these), so
// each timing compiles a copy with its own custom section appended: a real compile, not a
// cache hit.
const wasmBytes = readFileSync(new URL("../../pkg/chartlint_bg.wasm", import.meta.url));
function freshCopy(bytes, i) {
  const name = Buffer.from(`bench-${i}-${Math.random()}`);
  return Buffer.concat([bytes, Buffer.from([0, name.length + 1, name.length]), name]);
}
const compiles = [];
for (let i = 0; i < 5; i++) {
  const copy = freshCopy(wasmBytes, i);
  const t = performance.now();
  await WebAssembly.compile(copy);
  compiles.push(performance.now() - t);
}
compiles.sort((a, b) => a - b);
const compileMs = compiles[2];
const encoder = new TextEncoder();

// Median of runs, each the mean of a batch sized to about 5 ms (timers are coarse in
// browsers), after a warm-up.
function medianUs(fn) {
  let t = performance.now();
  let k = 0;
  while (performance.now() - t < 50 || k < 3) { fn(); k++; }
  const one = (performance.now() - t) / k;
  const batch = Math.max(1, Math.ceil(5 / one));
  const runs = Math.min(501, Math.max(11, Math.floor((budget * 1000) / 3 / (one * batch))));
  const times = [];
  for (let r = 0; r < runs; r++) {
    t = performance.now();
    for (let i = 0; i < batch; i++) fn();
    times.push((performance.now() - t) / batch);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1] * 1000;
}

const out = { env: "node " + process.versions.node, entry: nodeEntry };
names.forEach((name, i) => {
  out[name] = {
    bytes: Buffer.byteLength(texts[i]),
    median_us: +medianUs(() => checker.check(notes[i])).toFixed(2),
    json_us: +medianUs(() => checker.checkJson(texts[i])).toFixed(2),
    handover_us: +medianUs(() => encoder.encode(JSON.stringify(notes[i]))).toFixed(2),
  };
});
const t = performance.now();
let n = 0;
while (performance.now() - t < (budget * 1000) / 3) {
  for (const note of notes) {
    checker.check(note);
    n++;
  }
}
out.batch_notes_per_s = Math.round(n / ((performance.now() - t) / 1000));
out.cold_start_ms = +coldMs.toFixed(3);
out.compile_ms = +compileMs.toFixed(3);

// An episode of 40 notes: checkEpisode on all of them, against check on each in turn.
// Timed in alternation (one of each per round), so a busy machine slows both alike.
const episode = JSON.parse(readFileSync(new URL("./episode-40.json", import.meta.url), "utf8"));
out.episode = pairedMedians(() => checker.checkEpisode(episode), () => { for (const note of episode) checker.check(note); });
out.episode.notes = episode.length;

function pairedMedians(a, b) {
  a(); b();
  const ta = [], tb = [];
  const end = performance.now() + (budget * 1000) / 2;
  while (performance.now() < end || ta.length < 11) {
    let t = performance.now(); a(); ta.push(performance.now() - t);
    t = performance.now(); b(); tb.push(performance.now() - t);
  }
  const med = (x) => x.sort((p, q) => p - q)[x.length >> 1] * 1000;
  return { episode_us: +med(ta).toFixed(1), one_by_one_us: +med(tb).toFixed(1) };
}
console.log(JSON.stringify(out));
