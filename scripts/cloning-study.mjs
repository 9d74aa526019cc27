// The study behind `episode/cloned-documentation`'s threshold (docs/episode-review.md).
//
// Generates realistic episodes with the demo's generator (www/src/episodes.js) in four kinds
// of notes: daily notes written for their own visit in a clinic with no template (A), with a
// template whose lines are in every note (B), with extra template lines in every daily note
// only (C); and daily notes copied forward from an earlier one with only the dates, numbers
// and sometimes the subjective line changed (D). Each episode is checked with
// checkEpisode; each note's score is the share of its own narrative found in its closest
// earlier note (`timeline.entries[].similarity.score`). Prints the distributions and, for
// each candidate threshold, the share of A/B/C notes flagged (false alarms) and of D notes
// flagged (clones caught).
//
// Usage: node scripts/cloning-study.mjs [--episodes 120] [--seed 4242]
//        (uses the built package in pkg/; `--native` uses target/release/examples/episodes)
import { mulberry32 } from "../www/src/generator.js";
import { generateEpisode } from "../www/src/episodes.js";
import { execFileSync } from "node:child_process";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const PER_KIND = arg("episodes", 120);
const SEED = arg("seed", 4242);
const native = process.argv.includes("--native");

const rnd = mulberry32(SEED);
const episodes = [];
let n = 0;
for (const style of ["plain", "template", "daily-template"]) {
  for (let i = 0; i < PER_KIND; i++) episodes.push({ kind: style, ep: generateEpisode(rnd, n++, { style, flaws: [] }) });
  for (let i = 0; i < PER_KIND / 3; i++) episodes.push({ kind: "program", ep: generateEpisode(rnd, n++, { style, flaws: [], sameProgram: true }) });
  for (let i = 0; i < PER_KIND / 3; i++) episodes.push({ kind: "copied", ep: generateEpisode(rnd, n++, { style, flaws: ["cloned"] }) });
  for (let i = 0; i < PER_KIND / 3; i++) episodes.push({ kind: "edited", ep: generateEpisode(rnd, n++, { style, flaws: ["cloned"], editedCopies: true }) });
}

async function reports() {
  if (native) {
    const dir = mkdtempSync(join(tmpdir(), "cloning-study-"));
    const file = join(dir, "notes.json");
    writeFileSync(file, JSON.stringify(episodes.flatMap((e) => e.ep.notes)));
    const out = execFileSync("target/release/examples/episodes", [file, "--full"], { maxBuffer: 1 << 30 }).toString();
    const byId = new Map(out.trim().split("\n").map((l) => JSON.parse(l)).map((r) => [r.episodeId, r]));
    return episodes.map((e) => byId.get(e.ep.episodeId));
  }
  const { Checker } = await import("../pkg/inline.js");
  const checker = new Checker();
  return episodes.map((e) => checker.checkEpisode(e.ep.notes));
}

const scores = { A: [], B: [], C: [], E: [], D: [], F: [] };
let unscored = { written: 0, copied: 0 };
const rs = await reports();
rs.forEach((r, i) => {
  const { kind, ep } = episodes[i];
  const copied = new Set(ep.copied);
  for (const e of r.timeline.entries) {
    if (e.noteType !== "daily") continue;
    const isCopy = copied.has(e.noteId);
    // Written notes come from the clean episodes only (a copied episode's early notes are
    // written too, but the clean episodes are the fair sample of them).
    if (!isCopy && (kind === "copied" || kind === "edited")) continue;
    const s = e.similarity?.score;
    if (s === undefined) { unscored[isCopy ? "copied" : "written"]++; continue; }
    const cls = isCopy ? (kind === "edited" ? "F" : "D") : { plain: "A", template: "B", "daily-template": "C", program: "E" }[kind];
    scores[cls].push(s);
  }
});

const q = (arr, p) => {
  const a = [...arr].sort((x, y) => x - y);
  return a.length ? a[Math.min(a.length - 1, Math.floor(p * (a.length - 1) + 0.5))] : NaN;
};
const f = (x) => (Number.isNaN(x) ? "–" : x.toFixed(3));
const LABEL = {
  A: "A written for the visit, no template",
  B: "B written, template lines in every note",
  C: "C written, template lines in every daily",
  E: "E written, same exercise lines every visit",
  D: "D copied forward (numbers/dates changed)",
  F: "F copied forward, one more line rewritten",
};
console.log(`episodes: ${episodes.length} (seed ${SEED}); unscored daily notes (too little own narrative): written ${unscored.written}, copied ${unscored.copied}\n`);
console.log("| notes | n | min | p5 | p50 | p95 | p99 | max |");
console.log("|---|---|---|---|---|---|---|---|");
for (const k of ["A", "B", "C", "E", "D", "F"]) {
  const a = scores[k];
  console.log(`| ${LABEL[k]} | ${a.length} | ${f(Math.min(...a))} | ${f(q(a, 0.05))} | ${f(q(a, 0.5))} | ${f(q(a, 0.95))} | ${f(q(a, 0.99))} | ${f(Math.max(...a))} |`);
}
const written = [...scores.A, ...scores.B, ...scores.C, ...scores.E];
const pct = (k, arr) => `${k} of ${arr.length} (${((100 * k) / arr.length).toFixed(arr === written ? 2 : 1)}%)`;
console.log("\n| threshold | written notes flagged (A+B+C+E) | copied notes caught (D) | edited copies caught (F) |");
console.log("|---|---|---|---|");
for (let t = 0.5; t <= 0.951; t += 0.05) {
  const c = (arr) => arr.filter((s) => s >= t - 1e-9).length;
  console.log(`| ${t.toFixed(2)} | ${pct(c(written), written)} | ${pct(c(scores.D), scores.D)} | ${pct(c(scores.F), scores.F)} |`);
}
console.log(`\nhighest written: ${f(Math.max(...written))}; lowest copied: ${f(Math.min(...scores.D))}`);
