// An episode of care every consumer checks with checkEpisode, in the team's own words: a
// Medicare PT evaluation planning 2 visits a week, then five daily notes. The week of
// 2025-03-10 holds three visits, one more than the plan allows, so
// episode/visits-exceed-plan-frequency fires on the third (n6). BAD_EPISODE is the same
// episode with an impossible date in notes[3]: that note is reported with an error naming
// the field, and the others are still checked.
const PAYER = { kind: "medicare" };
const PROVIDER = { role: "PT", name: "Sam Ortiz", credentials: "PT, DPT" };
const EVAL_TEXT = [
  "Initial evaluation. Right shoulder pain after a fall, 4 weeks ago.",
  "O: QuickDASH 52/100. Shoulder flexion AROM 110 deg.",
  "Goals:",
  "STG 1 (3 wks): reach a kitchen shelf at shoulder height without pain above 3/10.",
  "LTG 1 (8 wks): lift a 5 lb grocery bag to an overhead shelf.",
  "Plan: 2x/week for 8 weeks: therapeutic exercise, manual therapy, home program.",
].join("\n");
const DAILY = [
  "S: Sore after sleeping on the right side.\nO: Flexion AROM 114 deg. Therapeutic exercise 23 min: pendulums, table slides, isometric external rotation.\nA: Tolerated well, pain 4/10 after.\nP: Add band rows next visit.",
  "S: Reached a cup from the cupboard with less pain.\nO: Flexion AROM 119 deg. Therapeutic exercise 23 min: band rows, wall slides with cues to keep the shoulder blade down.\nA: Shrugging less when reaching.\nP: Progress band resistance.",
  "S: Hung laundry for ten minutes yesterday.\nO: Flexion AROM 124 deg. Therapeutic exercise 23 min: green band external rotation, prone Y raises, 1 lb shelf reaches.\nA: Fatigues after 8 reaches overhead.\nP: Build overhead endurance.",
  "S: Pain 2/10, woke once at night.\nO: Flexion AROM 128 deg. Therapeutic exercise 23 min: 2 lb shelf lifts to shoulder height, serratus wall push-ups.\nA: Lifting form steady below shoulder height.\nP: Try lifts above shoulder height.",
  "S: Carried groceries in from the car.\nO: Flexion AROM 133 deg. Therapeutic exercise 23 min: 3 lb lifts to an overhead shelf x8, eccentric lowering.\nA: Near the long-term goal; slight hitch at the top of the lift.\nP: Reassess goals at the progress report.",
];
const note = (id, noteType, dateOfService, lines, text) => ({
  id, patientId: "consumer-patient", episodeId: "consumer-episode", discipline: "PT", noteType, dateOfService,
  payer: PAYER, provider: PROVIDER, lines, diagnoses: ["S46.011A"], text,
});
const ex = [{ code: "97110", minutes: 23, units: 2, modifiers: ["GP"] }];

export const EPISODE = [
  note("eval", "evaluation", "2025-03-03", [{ code: "97162", units: 1, modifiers: ["GP"] }], EVAL_TEXT),
  note("n2", "daily", "2025-03-05", ex, DAILY[0]),
  note("n3", "daily", "2025-03-07", ex, DAILY[1]),
  note("n4", "daily", "2025-03-10", ex, DAILY[2]),
  note("n5", "daily", "2025-03-12", ex, DAILY[3]),
  note("n6", "daily", "2025-03-14", ex, DAILY[4]),
];

export const BAD_EPISODE = EPISODE.map((n, i) => (i === 3 ? { ...n, dateOfService: "2025-02-30" } : n));

/** The part of an EpisodeReport the tests compare: each note's id and readiness (its own
 * findings and the episode's) or its error, and the episode's findings (rule and note). */
export function episodeSummary(report) {
  return {
    patientId: report.patientId,
    notes: report.notes.map((n) => (n.error ? { noteId: n.noteId, error: n.error } : { noteId: n.noteId, readyToSign: n.readyToSign })),
    findings: report.findings.map((f) => [f.rule, f.noteId]),
  };
}

/** A notes array the episode cannot be checked as: notes[2] is another discipline. */
export const MIXED_EPISODE = EPISODE.map((n, i) => (i === 2 ? { ...n, discipline: "OT" } : n));
/** A config that turns the frequency rule off (it must reach checkEpisode). */
export const QUIET = { disabledRules: ["episode/visits-exceed-plan-frequency"] };
const message = (e) => `${e?.name}: ${e?.message}`;

/** What each consumer runs with the package's synchronous API ({ Checker, checkEpisode }):
 * the episode, the one with a bad date, one that throws, the same Checker again, the
 * one-shot function with a config, and JSON text in and out. */
export function exercise({ Checker, checkEpisode }) {
  const checker = new Checker();
  const out = { episode: episodeSummary(checker.checkEpisode(EPISODE)), bad: episodeSummary(checker.checkEpisode(BAD_EPISODE)) };
  try {
    checker.checkEpisode(MIXED_EPISODE);
    out.thrown = null;
  } catch (e) {
    out.thrown = message(e);
  }
  out.after = episodeSummary(checker.checkEpisode(EPISODE));
  out.configured = episodeSummary(checkEpisode(EPISODE, QUIET));
  out.json = episodeSummary(JSON.parse(checker.checkEpisodeJson(JSON.stringify(EPISODE))));
  return out;
}

/** The same through chartlint/worker's WorkerChecker (a class, promise-returning). */
export async function exerciseWorker(WorkerChecker) {
  const checker = new WorkerChecker();
  const out = {
    episode: episodeSummary(await checker.checkEpisode(EPISODE, { lane: "episode" })),
    bad: episodeSummary(await checker.checkEpisode(BAD_EPISODE)),
    thrown: await checker.checkEpisode(MIXED_EPISODE).then(() => null, message),
    after: episodeSummary(await checker.checkEpisode(EPISODE)),
  };
  const configured = new WorkerChecker(QUIET);
  out.configured = episodeSummary(await configured.checkEpisode(EPISODE));
  out.json = episodeSummary(JSON.parse(await checker.checkEpisodeJson(JSON.stringify(EPISODE))));
  configured.terminate();
  checker.terminate();
  return out;
}
