// Benchmark of the built package (pkg/) in headless Chromium (Debian's /usr/bin/chromium):
// serves pkg/ and tests/bench/ on 127.0.0.1, opens a page that imports the package as plain
// ESM, runs the same figures as node.mjs, and POSTs them back. No browser driver needed.
// Prints one JSON object, or nothing (and exits 0) when Chromium is not installed.
// Run: node tests/bench/chromium.mjs   (after scripts/build-pkg.sh)
import { createServer } from "node:http";
import { readFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { join, normalize } from "node:path";

const chromium = process.env.CHROMIUM ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(`chromium bench: skipped (no ${chromium})`);
  process.exit(0);
}
const budget = Number(process.env.BENCH_SECONDS ?? 1);
const root = new URL("../../", import.meta.url).pathname;
const types = { ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".json": "application/json", ".html": "text/html" };

const page = `<!doctype html><meta charset="utf-8"><title>chartlint bench</title><script type="module">
const budget = ${budget};
const names = ["short", "typical", "long"];
const texts = await Promise.all(names.map((n) => fetch("/tests/bench/" + n + ".json").then((r) => r.text())));
const notes = texts.map((t) => JSON.parse(t));
// Cold start: load (import, fetch, compile and instantiate the .wasm) + new Checker() + first check.
const t0 = performance.now();
const mod = await import("/pkg/chartlint.js");
await mod.default();
const tCold = performance.now();
const checker = new mod.Checker();
checker.check(notes[1]);
const coldCheck = performance.now() - tCold;
const coldMs = performance.now() - t0;
// Baselines in the same run: compiling the .wasm alone (median of 5) and handing a note over
// (JSON.stringify + UTF-8 encoding). The engine caches compiled modules by their bytes, so
// each timing compiles a copy with its own custom section appended: a real compile, as on a
// first page load, not a cache hit.
const wasmBytes = new Uint8Array(await fetch("/pkg/chartlint_bg.wasm").then((r) => r.arrayBuffer()));
function freshCopy(bytes, i) {
  const name = new TextEncoder().encode("bench-" + i + "-" + Math.random());
  const out = new Uint8Array(bytes.length + 3 + name.length);
  out.set(bytes);
  out.set([0, name.length + 1, name.length], bytes.length);
  out.set(name, bytes.length + 3);
  return out;
}
const compiles = [];
for (let i = 0; i < 5; i++) { const copy = freshCopy(wasmBytes, i); const t = performance.now(); await WebAssembly.compile(copy); compiles.push(performance.now() - t); }
compiles.sort((a, b) => a - b);
const encoder = new TextEncoder();
function medianUs(fn) {
  let t = performance.now(); let k = 0;
  while (performance.now() - t < 50 || k < 3) { fn(); k++; }
  const one = (performance.now() - t) / k;
  const batch = Math.max(1, Math.ceil(5 / one));
  const runs = Math.min(501, Math.max(11, Math.floor(budget * 1000 / 3 / (one * batch))));
  const times = [];
  for (let r = 0; r < runs; r++) { t = performance.now(); for (let i = 0; i < batch; i++) fn(); times.push((performance.now() - t) / batch); }
  times.sort((a, b) => a - b);
  return times[times.length >> 1] * 1000;
}
const out = { env: "chromium " + (navigator.userAgent.match(/Chrome\\/([\\d.]+)/) || [])[1] };
names.forEach((name, i) => {
  out[name] = { bytes: texts[i].length, median_us: +medianUs(() => checker.check(notes[i])).toFixed(2), json_us: +medianUs(() => checker.checkJson(texts[i])).toFixed(2), handover_us: +medianUs(() => encoder.encode(JSON.stringify(notes[i]))).toFixed(2) };
});
const t = performance.now(); let n = 0;
while (performance.now() - t < budget * 1000 / 3) { for (const note of notes) { checker.check(note); n++; } }
out.batch_notes_per_s = Math.round(n / ((performance.now() - t) / 1000));
out.cold_start_ms = +coldMs.toFixed(3);
out.compile_ms = +compiles[2].toFixed(3);
const episode = await fetch("/tests/bench/episode-40.json").then((r) => r.json());
{
  // Timed in alternation (one of each per round), so a busy machine slows both alike.
  const a = () => checker.checkEpisode(episode), b = () => { for (const n of episode) checker.check(n); };
  a(); b();
  const ta = [], tb = [];
  const end = performance.now() + budget * 1000 / 2;
  while (performance.now() < end || ta.length < 11) { let t = performance.now(); a(); ta.push(performance.now() - t); t = performance.now(); b(); tb.push(performance.now() - t); }
  const med = (x) => x.sort((p, q) => p - q)[x.length >> 1] * 1000;
  out.episode = { notes: episode.length, episode_us: +med(ta).toFixed(1), one_by_one_us: +med(tb).toFixed(1) };
}
out.cold_note = "import + compile + instantiate + new Checker() + first check; new Checker() and first check alone " + coldCheck.toFixed(2) + " ms";
await fetch("/result", { method: "POST", body: JSON.stringify(out) });
</script>`;

let browser;
const done = new Promise((resolve, reject) => {
  const server = createServer((req, res) => {
    if (req.method === "POST" && req.url === "/result") {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => { res.end("ok"); server.close(); resolve(body); });
      return;
    }
    if (req.url === "/" || req.url === "/index.html") {
      res.writeHead(200, { "content-type": "text/html" });
      return res.end(page);
    }
    const path = normalize(join(root, decodeURIComponent(req.url.split("?")[0])));
    if (!path.startsWith(root) || !existsSync(path)) { res.writeHead(404); return res.end(); }
    res.writeHead(200, { "content-type": types[path.slice(path.lastIndexOf("."))] ?? "application/octet-stream" });
    res.end(readFileSync(path));
  });
  server.listen(0, "127.0.0.1", () => {
    const profile = mkdtempSync(join(tmpdir(), "chartlint-bench-"));
    browser = spawn(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--no-first-run", "--disable-extensions", `--user-data-dir=${profile}`,
      `http://127.0.0.1:${server.address().port}/`], { stdio: "ignore" });
    browser.on("exit", () => rmSync(profile, { recursive: true, force: true }));
  });
  setTimeout(() => reject(new Error("chromium bench: no result within 120 s")), 120_000).unref();
});
try {
  console.log(await done);
} finally {
  browser?.kill();
}
