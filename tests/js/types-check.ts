// Compiled with `tsc --noEmit` against the built package: the types must be precise enough
// that this compiles, and the @ts-expect-error lines must really be errors.
import init, { Checker, checkNote, checkEpisode, rules, version } from "chartlint";
import { WorkerChecker } from "chartlint/worker";
import type { Note, Report, Finding, Config, RuleDoc, RuleId, Money, CheckOptions, Edit, Change, ChecklistItem, Stage, EpisodeReport, EpisodeFinding, GoalRow } from "chartlint";

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

  // Drafting: options, the checklist, edits, dismissals.
  const options: CheckOptions = { stage: "draft", dismissed: [{ fingerprint: "0123456789abcdef", reason: "Reviewed." }] };
  const draft: Report = checker.check(note, options);
  const stage: Stage = draft.stage;
  const todo: ChecklistItem[] = draft.checklist.filter((i) => i.required && !i.done);
  const edit: Edit | undefined = draft.findings[0]?.edits[0];
  const change: Change | undefined = edit?.changes[0];
  const where: number | undefined = change && "span" in change ? change.span.start : undefined;
  const value = change && "value" in change ? change.value : undefined;
  const reason: string | undefined = draft.dismissed[0]?.reason;
  const blocks: boolean | undefined = draft.dismissed[0]?.blocksSigning;
  const kind: "defect" | "missing" | "both" | undefined = docs[0]?.kind;
  const fromJson: string = checker.checkJson("{}", { stage: "sign" });
  const oneShotDraft: Report = checkNote(note, null, { stage: "draft" });
  void [stage, todo, where, value, reason, blocks, kind, fromJson, oneShotDraft];
  // @ts-expect-error the stage is "draft" or "sign"
  checker.check(note, { stage: "final" });
  // @ts-expect-error a dismissal needs its reason
  const noReason: CheckOptions = { dismissed: [{ fingerprint: "x" }] };
  // @ts-expect-error an edit's applicability is a closed set
  const badEdit: Edit = { applicability: "unsafe", title: "", changes: [] };
  void [noReason, badEdit];
  // The worker takes the check's options and the call's together.
  const inWorker = (w: WorkerChecker): Promise<Report> => w.check(note, { stage: "draft", dismissed: [], lane: "editor" });
  // @ts-expect-error the worker validates the same options
  const badWorker = (w: WorkerChecker) => w.check(note, { stage: "final" });
  void [inWorker, badWorker];

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

// The editor adapters, against the editors' own types.
import { linter } from "@codemirror/lint";
import { EditorView } from "@codemirror/view";
import { EditorState as PMState, Plugin, PluginKey } from "prosemirror-state";
import { Decoration, DecorationSet, EditorView as PMView } from "prosemirror-view";
import { schema } from "prosemirror-schema-basic";
import { chartlintSource } from "chartlint/codemirror";
import { chartlintPlugin, plainText } from "chartlint/prosemirror";
import { attachTextarea, attachContentEditable, editableText } from "chartlint/textarea";
import { applyEdit, createScheduler, type Scheduler } from "chartlint/editing";

async function adapters(note: Note, w: WorkerChecker): Promise<void> {
  await init();
  const checker = new Checker();
  const source = chartlintSource({ checker: w, getNote: () => note, options: () => ({ stage: "draft" }), onFieldEdit: (edit) => void applyEdit(note, edit) });
  new EditorView({ extensions: [linter(source, { delay: 150 })] });
  const lint = chartlintPlugin({ pm: { Plugin, PluginKey, Decoration, DecorationSet }, checker, getNote: () => note });
  const plugin: Plugin = lint.plugin;
  const state = PMState.create({ schema, plugins: [plugin] });
  const pmView = new PMView(null, { state });
  const first = lint.findings(pmView.state)[0];
  if (first) await lint.applyEdit(pmView, first.edits[0]!, first);
  const text: string = plainText(state.doc).text;
  const area = attachTextarea(document.createElement("textarea"), { checker, getNote: () => note, confirm: (edit) => edit.applicability !== "template" });
  const last: Report | null = area.report;
  const rich = attachContentEditable(document.createElement("div"), { checker: w, getNote: () => note, options: () => ({ stage: "draft" }) });
  const at: number | null = editableText(document.body).offsetOf(document.body, 0);
  void [rich.report, at];
  const s: Scheduler = createScheduler({ checker, getNote: () => note, onReport: (r) => void r.checklist });
  // @ts-expect-error the adapters need a checker
  attachTextarea(document.createElement("textarea"), { getNote: () => note });
  // @ts-expect-error applyEdit takes an Edit
  applyEdit(note, { title: "x" });
  void [text, last, s];
}
void adapters;
