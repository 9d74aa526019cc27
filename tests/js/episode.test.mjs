// checkEpisode through the built package (pkg/), imported by name as an EMR would: each
// episode rule in both directions (its documented examples, and the boundaries: the 10th and
// 11th treatment day, a week with one visit too many, a goal renumbered but unchanged, a
// template shared by every note with different content), bad input, UTF-16 spans, and the
// demo's 200 generated episodes, where every episode rule must fire on exactly the episodes
// given the flaw it looks for.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Checker, checkEpisode, rules, limits } from "chartlint";
import { generateEpisodes, EPISODE_COUNT, EPISODE_SEED } from "../../www/src/episodes.js";

const base = JSON.parse(readFileSync(new URL("../fixtures/base-note.json", import.meta.url), "utf8"));
const clone = (o) => JSON.parse(JSON.stringify(o));

/** An episode from patches over the base note without its episode fields; a patch whose
 * dateOfService is an array gives one note per date (as tests/common.rs does). */
function episode(patches) {
  const out = [];
  for (const p of patches) {
    const dates = Array.isArray(p.dateOfService) ? p.dateOfService : [p.dateOfService ?? base.dateOfService];
    for (const d of dates) {
      const n = clone(base);
      delete n.episode;
      for (const [k, v] of Object.entries(p)) {
        if (v === null) delete n[k];
        else n[k] = clone(v);
      }
      n.dateOfService = d;
      if (!p.id) n.id = `n${out.length + 1}`;
      out.push(n);
    }
  }
  return out;
}
const fired = (r, rule) => r.findings.filter((f) => f.rule === rule).map((f) => f.noteId);

const EPISODE_RULES = [
  "episode/progress-report-missed", "episode/goal-without-status", "episode/goals-changed-without-recertification",
  "episode/visits-exceed-plan-frequency", "episode/visit-outside-plan-of-care", "episode/cloned-documentation",
  "episode/outcome-measure-not-repeated", "episode/discharge-missing",
];

test("the episode rules are in the catalogue with their docs and public sources", () => {
  const cat = new Map(rules().map((r) => [r.id, r]));
  for (const id of EPISODE_RULES) {
    const r = cat.get(id);
    assert.ok(r, id);
    assert.ok(r.whatItChecks && r.why && r.example.includes("```json") && r.passes.includes("```json"), id);
    assert.match(r.source, /CMS Pub\. 100-02|42 CFR|NGS/, id);
    assert.doesNotMatch(r.docs, /shared\//, id);
  }
  assert.equal(limits().maxEpisodeNotes, 500);
});

test("each episode rule's documented example fires and its passing example does not", () => {
  const block = (md) => JSON.parse(md.slice(md.indexOf("```json") + 7, md.lastIndexOf("```")));
  const checker = new Checker();
  for (const r of rules().filter((x) => EPISODE_RULES.includes(x.id))) {
    const bad = checker.checkEpisode(episode(block(r.example)));
    assert.ok(bad.findings.some((f) => f.rule === r.id), `${r.id}: ${JSON.stringify(bad.findings.map((f) => f.rule))}`);
    const good = checker.checkEpisode(episode(block(r.passes)));
    assert.ok(!good.findings.some((f) => f.rule === r.id), `${r.id} passes: ${JSON.stringify(good.findings.map((f) => f.rule))}`);
  }
});

const EVAL_TEXT = "Initial evaluation.\nO: LEFS 31/80. TUG 16.4 s.\nGoals:\nSTG 1 (3 wks): ascend 12 stairs with 1 rail, modified independent.\nLTG 1 (8 wks): walk 30 minutes in the community with pain < 2/10.\nLTG 2 (8 wks): return to gardening on knees with a kneeling pad.\nPlan: 2x/week for 8 weeks.";
const evalNote = { id: "eval", noteType: "evaluation", dateOfService: "2025-03-03", lines: [{ code: "97162", units: 1, modifiers: ["GP"] }], text: EVAL_TEXT };
const DAYS = ["2025-03-05", "2025-03-07", "2025-03-10", "2025-03-12", "2025-03-14", "2025-03-17", "2025-03-19", "2025-03-21", "2025-03-24", "2025-03-26", "2025-03-28"];
const PR = "Progress report.\nO: LEFS 44/80. TUG 12.1 s.\nGoal status:\nSTG 1: ascend 12 stairs with 1 rail, modified independent – met.\nLTG 1: walk 30 minutes in the community with pain < 2/10 – partially met, now 20 min.\nLTG 2: return to gardening on knees with a kneeling pad – ongoing.";

test("progress reports: the 10th treatment day is on time, the 11th is late", () => {
  const onTime = checkEpisode(episode([evalNote, { dateOfService: DAYS.slice(0, 9) }, { id: "pr", noteType: "progress", dateOfService: DAYS[8], text: PR }]));
  assert.deepEqual(fired(onTime, "episode/progress-report-missed"), []);
  const late = checkEpisode(episode([evalNote, { dateOfService: DAYS.slice(0, 10) }, { id: "pr", noteType: "progress", dateOfService: DAYS[9], text: PR }]));
  assert.deepEqual(fired(late, "episode/progress-report-missed"), ["pr"]);
  const f = late.findings.find((x) => x.rule === "episode/progress-report-missed");
  assert.deepEqual(f.notes.map((n) => n.noteId), ["eval", "n10", "pr"]);
  assert.equal(late.timeline.progressPeriods[0].treatmentDays, 11);
  // The live case: the 10th treatment day being charted, no report yet.
  const live = checkEpisode(episode([evalNote, { dateOfService: DAYS.slice(0, 9) }]));
  const current = live.notes[9];
  assert.equal(current.derived.reportingPeriodDay, 10);
  assert.ok(current.report.findings.some((x) => x.rule === "episode/progress-report-due"));
  assert.equal(current.readyToSign, false);
});

test("a week with one visit too many", () => {
  const over = checkEpisode(episode([evalNote, { dateOfService: ["2025-03-05", "2025-03-07", "2025-03-10", "2025-03-12", "2025-03-14"] }]));
  assert.deepEqual(fired(over, "episode/visits-exceed-plan-frequency"), ["n6"]);
  const ok = checkEpisode(episode([evalNote, { dateOfService: ["2025-03-05", "2025-03-07", "2025-03-10", "2025-03-12"] }]));
  assert.deepEqual(fired(ok, "episode/visits-exceed-plan-frequency"), []);
});

test("a goal renumbered but unchanged keeps its status; a dropped goal is flagged", () => {
  const renumbered = "Progress report.\nO: LEFS 44/80. TUG 12.1 s.\nSTG 1: ascend 12 stairs with 1 rail, mod I – met.\nLTG 1: return to gardening on knees with a kneeling pad – ongoing.\nLTG 2: walk 30 min in the community with pain < 2/10 – partially met, now 20 min.";
  const r = checkEpisode(episode([evalNote, { dateOfService: DAYS.slice(0, 4) }, { id: "pr", noteType: "progress", dateOfService: DAYS[4], text: renumbered }]));
  assert.deepEqual(fired(r, "episode/goal-without-status"), []);
  assert.deepEqual(fired(r, "episode/goals-changed-without-recertification"), []);
  assert.deepEqual(r.goals.map((g) => g.statuses[0].status), ["met", "partlyMet", "ongoing"]);
  const lost = PR.replace("LTG 2: return to gardening on knees with a kneeling pad – ongoing.", "");
  const r2 = checkEpisode(episode([evalNote, { dateOfService: DAYS.slice(0, 4) }, { id: "pr", noteType: "progress", dateOfService: DAYS[4], text: lost }]));
  assert.deepEqual(fired(r2, "episode/goal-without-status"), ["pr"]);
  // The goal's words, by UTF-16 span, in the evaluation.
  const row = r2.goals.find((g) => g.statuses[0].status === "missing");
  assert.ok(EVAL_TEXT.slice(row.setIn.span.start, row.setIn.span.end).includes("gardening"));
  const changed = PR.replace("walk 30 minutes", "walk 45 minutes");
  const r3 = checkEpisode(episode([evalNote, { dateOfService: DAYS.slice(0, 4) }, { id: "pr", noteType: "progress", dateOfService: DAYS[4], text: changed }]));
  assert.deepEqual(fired(r3, "episode/goals-changed-without-recertification"), ["pr"]);
});

const DAILY_A = "S: Pt reports knee pain 3/10 after climbing the stairs at church; slept through the night.\nO: Flexion 104 deg. Mild effusion, less than last week.\nTherapeutic exercise 25 min: step-ups 4 in box 3x10 with cues to keep the knee over the second toe; progressed from 2 in after correct form.\nManual therapy 15 min: grade III tibiofemoral glides for flexion, remeasured 107 deg after.\nA: Quad control improving; eccentric control on the step-down still needs tactile cueing to avoid valgus.\nP: Add lateral step-downs and update the home program.";
const DAILY_B = "S: Knee stiff in the morning, loosened after ten minutes of walking; went grocery shopping with her daughter.\nO: Gait with the cane indoors, step-through pattern, shortened stance on the right at speed.\nGait training 20 min: curb and ramp practice outdoors with the cane; cues to load the right leg fully, faded to none over the last laps.\nTherapeutic activities 15 min: car transfer practice with the seat reclined; rehearsed the sequence until done without cues.\nA: Community walking limited more by endurance than pain now; needs a graded walking program.\nP: Start a timed walk next visit and set a weekly walking target.";

test("cloning: a note copied forward with new numbers is flagged; a shared template with different content is not", () => {
  const copy = DAILY_A.replace("3/10", "2/10").replace("104", "109").replace("25 min", "30 min").replace("3x10", "3x12").replace("107", "112");
  const r = checkEpisode(episode([evalNote, { id: "a", dateOfService: "2025-03-05", text: DAILY_A }, { id: "b", dateOfService: "2025-03-07", text: DAILY_B }, { id: "copy", dateOfService: "2025-03-10", text: copy }]));
  assert.deepEqual(fired(r, "episode/cloned-documentation"), ["copy"]);
  const f = r.findings.find((x) => x.rule === "episode/cloned-documentation");
  assert.ok(copy.slice(f.span.start, f.span.end).length > 60);
  const earlier = f.notes.find((n) => n.noteId === "a");
  assert.ok(DAILY_A.slice(earlier.span.start, earlier.span.end).includes("step-ups"));
  const header = "Patient seen for a skilled physical therapy visit under the current plan of care. Identity confirmed with name and date of birth; consent to treat obtained.\n";
  const t = checkEpisode(episode([
    { ...evalNote, text: header + EVAL_TEXT },
    { id: "a", dateOfService: "2025-03-05", text: header + DAILY_A },
    { id: "b", dateOfService: "2025-03-07", text: header + DAILY_B },
  ]));
  assert.deepEqual(fired(t, "episode/cloned-documentation"), []);
  // The clinic tunes it.
  const half = [...DAILY_A.split("\n").slice(0, 3), ...DAILY_B.split("\n").slice(3)].join("\n");
  const partial = episode([{ id: "a", dateOfService: "2025-03-05", text: DAILY_A }, { id: "half", dateOfService: "2025-03-07", text: half }]);
  assert.deepEqual(fired(checkEpisode(partial), "episode/cloned-documentation"), []);
  assert.deepEqual(fired(new Checker({ cloning: { threshold: 0.3 } }).checkEpisode(partial), "episode/cloned-documentation"), ["half"]);
  assert.deepEqual(fired(new Checker({ disabledRules: ["episode/cloned-documentation"] }).checkEpisode(episode([{ id: "a", dateOfService: "2025-03-05", text: DAILY_A }, { id: "copy", dateOfService: "2025-03-07", text: copy }])), "episode/cloned-documentation"), []);
  assert.throws(() => new Checker({ cloning: { threshold: 2 } }), /^Error: config\.cloning\.threshold: /);
});

test("bad input: the episode or the note and field are named; the checker keeps working", () => {
  const checker = new Checker();
  const notes = episode([evalNote, { dateOfService: DAYS.slice(0, 3) }]);
  assert.throws(() => checker.checkEpisode(notes.map((n, i) => (i === 2 ? { ...n, discipline: "OT" } : n))), /^Error: notes\[2\]\.discipline: is "OT" but notes\[0\] is "PT"/);
  assert.throws(() => checker.checkEpisode(notes.map((n, i) => ({ ...n, patientId: i ? "P-2" : "P-1" }))), /^Error: notes\[1\]\.patientId: differs from notes\[0\]\.patientId/);
  assert.throws(() => checker.checkEpisode(notes.map((n) => ({ ...n, id: "same" }))), /^Error: notes\[1\]\.id: /);
  assert.throws(() => checker.checkEpisode(Array.from({ length: 501 }, () => base)), /^Error: notes: has 501 notes; at most 500/);
  assert.throws(() => checker.checkEpisode(base), /^Error: notes: expected an array/);
  assert.throws(() => checker.checkEpisode(null), /^Error: notes: expected an object, got null/);
  const bad = clone(notes);
  bad[3].lines[0].units = -1;
  const r = checker.checkEpisode(bad);
  assert.match(r.notes[3].error, /^notes\[3\]\.lines\[0\]\.units: /);
  assert.equal(r.notes[3].report, undefined);
  assert.ok(r.notes.slice(0, 3).every((n) => n.report));
  assert.equal(checker.checkEpisode(notes).notes.length, 4);
  assert.deepEqual(JSON.parse(checker.checkEpisodeJson(JSON.stringify(notes))), checker.checkEpisode(notes));
  const withIds = notes.map((n) => ({ ...n, patientId: "MRN-55", episodeId: "EP-9" }));
  const echoed = checker.checkEpisode(withIds);
  assert.equal(echoed.patientId, "MRN-55");
  assert.equal(echoed.notes[0].report.episodeId, "EP-9");
  assert.ok(!JSON.stringify(echoed.findings.map((f) => f.message)).includes("MRN"));
});

test("the demo's 200 episodes: each episode rule fires on exactly the episodes given its flaw", () => {
  const episodes = generateEpisodes(EPISODE_COUNT, EPISODE_SEED);
  const expect = {
    "episode/progress-report-missed": [["lateReport", "noReport"], true],
    "episode/goal-without-status": [["lostGoal"]],
    "episode/goals-changed-without-recertification": [["changedGoal"], true],
    "episode/visits-exceed-plan-frequency": [["overFrequency"]],
    "episode/visit-outside-plan-of-care": [["afterPlan"]],
    "episode/cloned-documentation": [["cloned"]],
    "episode/outcome-measure-not-repeated": [["measureDropped"]],
    "episode/discharge-missing": [["closedNoDischarge"]],
  };
  const checker = new Checker();
  const wrong = [];
  const seen = Object.fromEntries(EPISODE_RULES.map((r) => [r, 0]));
  for (const ep of episodes) {
    const r = checker.checkEpisode(ep.notes);
    assert.ok(r.notes.every((n) => n.report), `${ep.episodeId}: every note is valid`);
    const medicare = ep.notes[0].payer.kind === "medicare";
    for (const [rule, [flaws, medicareOnly]] of Object.entries(expect)) {
      const want = flaws.some((f) => ep.flaws.includes(f)) && (!medicareOnly || medicare);
      const got = r.findings.some((f) => f.rule === rule);
      if (got) seen[rule]++;
      if (want !== got) wrong.push(`${ep.episodeId} ${rule}: expected ${want ? "a finding" : "none"} (flaws ${ep.flaws.join(",") || "none"})`);
    }
    // Copied notes are the ones flagged.
    const cloned = fired(r, "episode/cloned-documentation");
    assert.deepEqual(cloned.sort(), [...ep.copied].sort(), ep.episodeId);
  }
  assert.deepEqual(wrong, []);
  for (const rule of EPISODE_RULES) assert.ok(seen[rule] > 0, `${rule} fires somewhere in the sample`);
});
