// Reads the benchmark runners' JSON lines on stdin and prints one Markdown table.
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { execSync } from "node:child_process";

const rows = readFileSync(0, "utf8").split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l));
const names = ["short", "typical", "long"];
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const us = (v) => (v === undefined ? "–" : v >= 1000 ? `${(v / 1000).toFixed(2)} ms` : `${v.toFixed(1)} µs`);
const first = rows[0];
const head = `| environment, call | ${names.map((n) => `${n} (${kb(first[n].bytes)})`).join(" | ")} | batch audit | cold start |`;
const out = [head, `|${"---|".repeat(names.length + 3)}`];
for (const r of rows) {
  const native = r.env === "native";
  const variants = native
    ? [["`check_json` (JSON text → Report)", "median_us"], ["`check` (parsed Note → Report)", "check_only_us"]]
    : [["`check(note)` (object → object)", "median_us"], ["`checkJson(text)` (text → text)", "json_us"]];
  variants.forEach(([label, key], i) => {
    out.push(`| ${r.env}: ${label} | ${names.map((n) => us(r[n][key])).join(" | ")} | ${i === 0 ? `${r.batch_notes_per_s.toLocaleString("en-US")} notes/s` : ""} | ${i === 0 ? `${r.cold_start_ms.toFixed(2)} ms` : ""} |`);
  });
}
// Targets as ratios to the baselines measured in the same run: a typical note checked in at
// most 10x the time it takes to hand it over (JSON.stringify + UTF-8 encoding); the cold start
// (load + new Checker() + first check) in at most 5x the time WebAssembly.compile takes.
const ratios = [];
for (const r of rows.filter((r) => r.env !== "native")) {
  const h = r.typical?.handover_us;
  if (h) ratios.push(`| ${r.env} | ${us(h)} | ${(r.typical.median_us / h).toFixed(1)}x | ${r.compile_ms?.toFixed(2) ?? "–"} ms | ${r.compile_ms ? (r.cold_start_ms / r.compile_ms).toFixed(1) + "x" : "–"} |`);
}
if (ratios.length) {
  out.push("", "| environment | typical note handed over | `check(note)` / handed over (target ≤ 10x) | `WebAssembly.compile` | cold start / compile (target ≤ 5x) |", "|---|---|---|---|---|", ...ratios);
}
// The episode of 40 notes: all at once against one by one.
const eps = rows.filter((r) => r.episode);
if (eps.length) {
  out.push("", "| environment | episode of 40 notes (`checkEpisode`) | its 40 notes one by one (`check`) | ratio |", "|---|---|---|---|");
  for (const r of eps) {
    const e = r.episode;
    out.push(`| ${r.env} | ${us(e.episode_us)} | ${us(e.one_by_one_us)} | ${(e.episode_us / e.one_by_one_us).toFixed(2)}× |`);
  }
}
let rev = "";
try { rev = execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim(); } catch {}
const cpu = cpus();
console.log(out.join("\n"));
console.log(`\nMedians per note (one check: validate + rules + report). Machine: ${cpu[0]?.model ?? "?"}, ${cpu.length} cores, load ${loadavg().map((x) => x.toFixed(2)).join(" ")}; commit ${rev}; ${new Date().toISOString().slice(0, 16)}Z.`);
