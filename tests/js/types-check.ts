// Compiled with `tsc --noEmit` against the built package: the types must be precise enough
// that this compiles, and the @ts-expect-error lines must really be errors.
import init, { Checker, checkNote, checkEpisode, rules, version } from "chartlint";
import type { Note, Report, Finding, Config, RuleDoc, RuleId, Money, EpisodeReport, EpisodeFinding, GoalRow } from "chartlint";

async function main(): Promise<void> {
  await init();
  const note: Note = {
    discipline: "PT",
    noteType: "daily",
    dateOfService: "2025-03-10",
    payer: { kind: "medicare", unitRule: "cms8" },
    provider: { role: "PTA", credentials: "PTA" },
    lines: [{ code: "97110", minutes: 25, units: 2, modifiers: ["GP", "CQ"] }],
    totalTimedMinutes: 25,
    episode: { reportingPeriodDay: 4, certifiedOn: null, thresholdSpentBefore: "1200.00" },
    text: "…",
  };
  const config: Config = { disabledRules: ["elements/red-flag-phrase"], severity: { "units/under-billed": "info" }, feeSchedule: { kind: "allowed", amounts: { "97110": "31.20" } } };
  const checker = new Checker(config);
  const report: Report = checker.check(note);
  const first: Finding | undefined = report.findings[0];
  const n: number | undefined = first?.span?.start;
  const ready: boolean = report.readyToSign;
  const units: number | null = report.billing.lines[0].unitsSupported;
  const again: Report = checkNote(note);
  const docs: RuleDoc[] = rules();
  const v: string = version();
  const supported: string | null | undefined = report.evaluation?.supportedCode;
  const why: string | undefined = report.evaluation?.components[0]?.explanation;
  const rule: RuleId | undefined = first?.rule;
  const goalsFound: boolean = report.elements.goals.found;
  const spentAfter: Money | undefined = report.billing.threshold?.spentAfter;
  const url: string | undefined = docs[0]?.references[0]?.url;
  void [n, ready, units, again, docs, v, supported, why, rule, goalsFound, spentAfter, url];

  const episode: EpisodeReport = checker.checkEpisode([{ ...note, patientId: "P1", episodeId: "E1", episode: { closed: true, frequencyPerWeek: 2 } }]);
  const ef: EpisodeFinding | undefined = episode.findings[0];
  const about: number | undefined = ef?.notes[0]?.span?.start;
  const efRule: RuleId | undefined = ef?.rule;
  const row: GoalRow | undefined = episode.goals[0];
  const status: string | undefined = row?.statuses[0]?.status;
  const score: number | undefined = episode.timeline.entries[0]?.similarity?.score;
  const oneShot: EpisodeReport = checkEpisode([note], { cloning: { threshold: 0.9, template: ["Patient seen per plan of care."] } });
  const json: string = checker.checkEpisodeJson("[]");
  void [about, efRule, status, score, oneShot, json];
  // @ts-expect-error checkEpisode() needs an array of notes
  checker.checkEpisode(note);
  // @ts-expect-error a goal status is a closed set
  const badStatus: GoalRow["statuses"][number]["status"] = "done";
  void badStatus;
  // @ts-expect-error a rule id is one of the catalogue's
  const noSuchRule: RuleId = "units/no-such-rule";
  // @ts-expect-error the elements are named: no catch-all
  const noSuchElement = report.elements.noSuchElement;
  // @ts-expect-error config keys are known: no catch-all
  const unknownKey: Config = { disabledRule: [] };
  void [noSuchRule, noSuchElement, unknownKey];

  // @ts-expect-error discipline is a closed set
  const wrong: Note = { ...note, discipline: "PTX" };
  // @ts-expect-error severity is a closed set
  const badConfig: Config = { severity: { "units/over-billed": "fatal" } };
  // @ts-expect-error check() needs a Note
  checker.check(42);
  // @ts-expect-error a misspelled config key (at runtime: `config.disabledRule: unknown key; did you mean "disabledRules"?`)
  const typo: Config = { disabledRule: ["units/under-billed"] };
  // @ts-expect-error a misspelled payer-pack key
  const packTypo: Config = { payers: { medicare: { unitRulee: "ruleOf8s" } } };
  // @ts-expect-error payer kinds are a closed set
  const kindTypo: Config = { payers: { medicar: { visitLimit: 20 } } };
  // @ts-expect-error note types in requirements are a closed set
  const reqTypo: Config = { requirements: { dailly: ["plan"] } };
  const full: Config = {
    payers: { commercial: { name: "Acme PPO", unitRule: "ruleOf8s", extraPairs: [["97140", "97530", 0]] } },
    feeSchedule: { kind: "rvu", gpci: { work: "1.000" } },
    requirements: { daily: ["plan", "signature"] },
    ncci: { ptpFile: "" },
  };
  void [wrong, badConfig, typo, packTypo, kindTypo, reqTypo, full];
}
void main;
