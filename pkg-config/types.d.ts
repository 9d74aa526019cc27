/** A PT, OT or SLP plan of care's discipline. */
export type Discipline = "PT" | "OT" | "SLP";
export type NoteType = "evaluation" | "reevaluation" | "daily" | "progress" | "recertification" | "discharge";
export type PayerKind = "medicare" | "medicareAdvantage" | "medicaid" | "commercial" | "workersComp" | "selfPay";
/** `cms8`: Medicare's total-time method (CMS Pub. 100-04 ch. 5 §20.2). `ruleOf8s`: each code on its own. */
export type UnitRule = "cms8" | "ruleOf8s";
export type Role = "PT" | "PTA" | "OT" | "OTA" | "SLP" | "SLPA" | "student";
export type Severity = "error" | "warning" | "info";
/** A calendar date written `YYYY-MM-DD`. */
export type DateString = string;
/** A dollar amount as a decimal string, e.g. `"1234.56"`. */
export type Money = string;

/** One billed service line. */
export interface Line {
  /** CPT or HCPCS code, e.g. `"97110"`. */
  code: string;
  /** One-on-one minutes (whole number). */
  minutes?: number | null;
  /** Units billed; 0 for a service performed and documented but not billed. */
  units: number;
  /** e.g. `["GP", "59"]`. */
  modifiers?: string[] | null;
  /** Minutes an assistant furnished independently (CQ/CO de minimis test). */
  assistantMinutes?: number | null;
}

export interface Episode {
  visitNumber?: number | null;
  /** This visit's treatment day in the current progress-report period (day 1 = eval or last progress report). */
  reportingPeriodDay?: number | null;
  planOfCareStart?: DateString | null;
  planOfCareEnd?: DateString | null;
  /** `null` when not certified. */
  certifiedOn?: DateString | null;
  authorizedVisits?: number | null;
  authorizationEnd?: DateString | null;
  /** Allowed amount this calendar year before this visit, in this discipline's KX bucket. */
  thresholdSpentBefore?: Money | number | null;
  /** The EMR has closed the episode (the patient is no longer seen under this plan). */
  closed?: boolean | null;
  /** The plan of care's frequency: the most visits a week it allows (3 for "2-3x/week"). */
  frequencyPerWeek?: number | null;
  /** The plan of care's duration in weeks. */
  durationWeeks?: number | null;
  /** The number of visits the plan of care calls for, when it states one. */
  plannedVisits?: number | null;
}

export interface EvaluationComponents {
  /** PT: personal factors and comorbidities affecting the plan (count). */
  historyFactors?: number | null;
  /** PT: body structures/functions, activity limitations, participation restrictions addressed (count). */
  examElements?: number | null;
  clinicalPresentation?: "stable" | "evolving" | "unstable" | null;
  /** OT occupational profile and history review. */
  profileReview?: "brief" | "expanded" | "extensive" | null;
  /** OT performance deficits (count). */
  performanceDeficits?: number | null;
  comorbiditiesAffectOccupation?: boolean | null;
  taskModification?: "none" | "minimalToModerate" | "significant" | null;
  decisionMaking?: "low" | "moderate" | "high" | null;
  /** Face-to-face minutes (descriptive; does not decide the level). */
  minutes?: number | null;
  reevaluationReason?: string | null;
}

/** A therapy note, as the EMR holds it. */
export interface Note {
  /** Echoed in the report. */
  id?: string | null;
  /** The EMR's patient id: echoed in reports, never in messages. */
  patientId?: string | null;
  /** The EMR's episode-of-care id: echoed in reports, never in messages. */
  episodeId?: string | null;
  discipline: Discipline;
  noteType: NoteType;
  dateOfService: DateString;
  payer: { kind: PayerKind; unitRule?: UnitRule | null };
  provider: { role: Role; name?: string | null; credentials?: string | null };
  lines: Line[];
  /** ICD-10-CM codes, primary first. */
  diagnoses?: string[] | null;
  totalTimedMinutes?: number | null;
  totalTreatmentMinutes?: number | null;
  episode?: Episode | null;
  evaluation?: EvaluationComponents | null;
  /** The narrative, as the editor holds it. */
  text: string;
}

/** A range of `note.text` in UTF-16 code units: `text.slice(start, end)` is the flagged words. */
export interface Span {
  start: number;
  end: number;
}

export interface Finding {
  /** Stable rule id, `family/name`. */
  rule: string;
  severity: Severity;
  /** What is wrong, in a therapist's words (never repeats the note's text). */
  message: string;
  span?: Span;
  /** Path of the structured field involved, e.g. `lines[1].units`. */
  field?: string;
  /** What to do. */
  fix?: string;
  /** Dollars at risk, decimal string. */
  amountAtRisk?: Money;
  /** The policy cited, e.g. `CMS Pub. 100-04, ch. 5, §20.2`. */
  source: string;
}

export interface BillingLine {
  code: string;
  timed: boolean;
  minutes: number | null;
  unitsBilled: number;
  /** `null` when it cannot be told per line (only the visit's total timed minutes documented) or the code is unknown. */
  unitsSupported: number | null;
  /** Equal leftover minutes with another code: the extra unit may go to either. */
  tie?: boolean;
  /** Modifiers the payer's rules call for (chartlint never adds them itself). */
  modifiersRequired: string[];
  expectedPayment?: Money;
}

export interface Billing {
  unitRule: UnitRule;
  totalTimedMinutes: number;
  timedUnitsAllowed: number;
  timedUnitsBilled: number;
  lines: BillingLine[];
  /** The same minutes under the other method, for comparison. */
  otherMethod: { unitRule: UnitRule; timedUnitsAllowed: number; unitsSupported: (number | null)[] };
  kxRequired: boolean;
  /** The year's KX threshold for this discipline's bucket (Medicare-rule packs). */
  kxThreshold?: Money;
  /** Spending against the thresholds, when `episode.thresholdSpentBefore` is given. */
  threshold?: {
    bucket: "ptSlp" | "ot";
    spentBefore: Money;
    visit: Money;
    spentAfter: Money;
    kxThreshold: Money;
    /** Negative when spending is over the threshold. */
    leftBeforeKx: Money;
    reviewThreshold: Money;
  };
  /** Allowed amount for the visit as billed (payer and patient shares together). */
  expectedPayment?: Money;
  payerShare?: Money;
  patientShare?: Money;
  [extra: string]: unknown;
}

export type ComplexityLevel = "low" | "moderate" | "high";

/** One component of an evaluation's complexity, as chartlint found it. */
export interface EvaluationComponent {
  name:
    | "history" | "examination" | "clinicalPresentation" | "decisionMaking"
    | "occupationalProfile" | "performanceDeficits" | "comorbidities" | "taskModification"
    | "reevaluationReason";
  /** The value found: a count, a word (`"evolving"`, `"moderate"`…) or yes/no. */
  value: number | string | boolean | null;
  /** The highest level the value meets (`null` when missing or meeting none). */
  level: ComplexityLevel | null;
  /** `field`: the evaluation form; `text`: read from the note (see `spans`); `missing`. */
  source: "field" | "text" | "missing";
  inferred: boolean;
  /** The form field for this component, e.g. `evaluation.historyFactors`. */
  field: string;
  /** Where in `note.text` the value was read (UTF-16 code units). */
  spans: Span[];
  /** What the component supports and why, in a therapist's words. */
  explanation: string;
}

/** `Report.evaluation`: the billed and supported evaluation codes and why. */
export interface EvaluationReport {
  discipline: Discipline;
  billedCode: string | null;
  /** The code the documentation supports; `null` when it cannot be determined. */
  supportedCode: string | null;
  /** The level every component meets (the lowest component decides). */
  supportedLevel: ComplexityLevel | null;
  components: EvaluationComponent[];
  /** The billed code's typical face-to-face minutes: descriptive, never a threshold. */
  typicalMinutes: number | null;
  /** `evaluation.minutes` as documented. */
  documentedMinutes: number | null;
  summary: string;
  [extra: string]: unknown;
}

/** `Report.elements`: for each documentation element, found or not, and where. */
export interface ElementsReport {
  [element: string]: unknown;
}

export interface Report {
  schemaVersion: string;
  noteId: string | null;
  /** `note.patientId`, echoed. */
  patientId?: string;
  /** `note.episodeId`, echoed. */
  episodeId?: string;
  /** True when no finding has severity `error`. */
  readyToSign: boolean;
  findings: Finding[];
  billing: Billing;
  evaluation?: EvaluationReport;
  elements: ElementsReport;
  /** Which rule pack and policy year produced the report. */
  provenance: { rulePack: string; payerKind: PayerKind; policyYear: number; engineVersion: string };
}

/** A payer's rules, laid over the built-in pack for its kind. */
export interface PayerRules {
  /** Shown in every report as `provenance.rulePack`. */
  name?: string;
  unitRule?: UnitRule;
  /** Switch for Medicare's progress-report (10), certification (90) and window (30) figures. */
  medicareRules?: boolean;
  /** Every billed therapy line needs GP/GO/GN. */
  requireDisciplineModifiers?: boolean;
  /** PTA/OTA services need CQ/CO. */
  requireAssistantModifiers?: boolean;
  /** The NCCI procedure-to-procedure edits apply. */
  ncciEdits?: boolean;
  requireTotalTreatmentTime?: boolean;
  /** Which distinct-service modifier the payer wants: 59, or the X modifiers (XE/XS/XP/XU). */
  distinctModifier?: "59" | "X";
  /** Treatment days between progress reports; 0 turns the rule off. */
  progressReportInterval?: number;
  /** Longest certification interval in calendar days; 0 turns the rule off. */
  certificationDays?: number;
  /** Days after the first treatment to certify the plan; 0 turns the rule off. */
  certificationWindowDays?: number;
  /** Visits allowed (against `episode.visitNumber`); 0 means no limit. */
  visitLimit?: number;
  /** Changing a certified plan's long-term goals needs a recertification (`episode/goals-changed-without-recertification`). */
  goalChangesNeedRecertification?: boolean;
  /** The payer's own pair edits, checked before NCCI: `[column1, column2, modifierIndicator]`. */
  extraPairs?: [string, string, 0 | 1][];
  [extra: string]: unknown;
}

export interface Config {
  disabledRules?: string[];
  severity?: { [ruleId: string]: Severity };
  payers?: { [kind in PayerKind]?: PayerRules };
  feeSchedule?:
    | {
        kind: "rvu";
        rvus?: { [code: string]: { work: string; pe: string; mp: string } };
        /** Text of the CMS PPRRVU CSV, as published. */
        pprrvuFile?: string;
        conversionFactor?: string;
        gpci?: { work: string; pe: string; mp: string };
        /** Use the qualifying-APM-participant conversion factor where CMS sets one (2026+). */
        qualifyingApm?: boolean;
      }
    | { kind: "allowed"; amounts: { [code: string]: Money } };
  /** `ptpFile`: text of the CMS practitioner PTP edit file, as published. */
  ncci?: { ptpFile?: string };
  /** Text of the CMS ICD-10-CM order file or code-descriptions file, as published. */
  icd10File?: string;
  /** How `episode/cloned-documentation` judges a note. */
  cloning?: {
    /** Share of a note's own narrative found in one earlier note at which it is flagged (0 < t ≤ 1; default 0.85). */
    threshold?: number;
    /** The clinic's template lines: left out of the comparison in every note. */
    template?: string[];
  };
  [extra: string]: unknown;
}

/** One entry of `rules()`. */
export interface RuleDoc {
  id: string;
  family: string;
  severity: Severity;
  summary: string;
  whatItChecks: string;
  why: string;
  /** Markdown with a JSON patch over a clean note that triggers the rule. */
  example: string;
  /** Markdown with a JSON patch that passes. */
  passes: string;
  source: string;
  /** The rule's whole doc, Markdown. */
  docs: string;
}

export interface Limits {
  maxTextBytes: number;
  maxTextLines: number;
  maxBilledLines: number;
  /** Most notes `checkEpisode` checks as one episode. */
  maxEpisodeNotes: number;
}

/** A note an episode finding or table points at. */
export interface NoteRef {
  /** Position of the note in the array given to `checkEpisode`. */
  index: number;
  noteId: string | null;
  date: DateString;
  /** Words in that note's text (UTF-16 code units of that note's `text`). */
  span?: Span;
}

/** A finding about an episode: a Finding about one note (its `span` and `field` are in that note), naming every note it concerns. */
export interface EpisodeFinding extends Finding {
  noteIndex: number;
  noteId: string | null;
  /** Every note the finding concerns, in date order, with the words involved in each. */
  notes: NoteRef[];
}

/** Fields the episode supplied to a note's own check because the EMR did not send them. */
export interface DerivedFields {
  visitNumber?: number;
  reportingPeriodDay?: number;
  authorizedVisits?: number;
  authorizationEnd?: DateString;
  thresholdSpentBefore?: Money;
}

export interface EpisodeNote {
  /** Position in the array given. */
  index: number;
  noteId: string | null;
  /** The note's own report, checked with the derived fields. */
  report?: Report;
  /** Why the note could not be checked, e.g. `notes[3].lines[0].units: …`; the rest of the episode is checked without it. */
  error?: string;
  derived?: DerivedFields;
  /** No error among its own findings and the episode findings about it. */
  readyToSign: boolean;
}

export interface TimelineEntry {
  index: number;
  noteId: string | null;
  date: DateString;
  noteType: NoteType;
  /** An evaluation, re-evaluation or daily note, or a note that bills a service. */
  visit: boolean;
  /** The episode's treatment-day number of its date. */
  treatmentDay?: number;
  /** Its treatment day in the progress-report period. */
  periodDay?: number;
  /** A clinician's report that ends a progress-report period. */
  progressReport: boolean;
  /** Monday of its calendar week. */
  week: DateString;
  /** Treatment days in that week, the evaluation's day left out (as the frequency rule counts them). */
  visitsInWeek: number;
  frequencyPerWeek?: number;
  /** Index into `timeline.plans`. */
  plan?: number;
  /** Its closest earlier note: share (0 to 1) of its own narrative found there. */
  similarity?: { index: number; noteId: string | null; score: number };
  spentBefore?: Money;
  expectedPayment?: Money;
}

export interface PeriodEntry {
  start: DateString;
  end: DateString;
  treatmentDays: number;
  /** The clinician's report that ends the period; `null` while it is open. */
  report: NoteRef | null;
  interval?: number;
  dueOn?: DateString;
  late: boolean;
}

export interface PlanEntry {
  /** The note that sets the plan; its span is the frequency words. */
  note: NoteRef;
  start: DateString;
  end?: DateString;
  endFrom?: "field" | "duration";
  frequencyPerWeek?: number;
  durationWeeks?: number;
  plannedVisits?: number;
  /** Visits (treatment days) under the plan so far. */
  visits: number;
  recertification: boolean;
  certifiedOn?: DateString;
}

export interface Timeline {
  start?: DateString;
  end?: DateString;
  visits: number;
  treatmentDays: number;
  /** Every checked note, in date order. */
  entries: TimelineEntry[];
  progressPeriods: PeriodEntry[];
  plans: PlanEntry[];
  evaluation?: NoteRef;
  discharge?: NoteRef;
  closed: boolean;
  authorization?: { authorizedVisits?: number; visitsUsed: number; authorizationEnd?: DateString };
}

export type GoalStatus = "met" | "partlyMet" | "notMet" | "ongoing" | "discontinued" | "revised" | "measured" | "restated" | "missing";

export interface GoalRow {
  /** `G1`, `G2`… in the order the goals were set. */
  key: string;
  term?: "short" | "long";
  /** The goal's label as first written, e.g. `STG 1`. */
  label?: string;
  /** The note that set it; the span is the goal. */
  setIn: NoteRef;
  /** One entry per later clinician's report, until the goal is met or discontinued. */
  statuses: {
    index: number;
    noteId: string | null;
    date: DateString;
    noteType: NoteType;
    status: GoalStatus;
    span?: Span;
    /** The report restates the goal with other words or numbers. */
    changed: boolean;
  }[];
  state: "open" | "met" | "discontinued";
}

/** What `checkEpisode` returns. */
export interface EpisodeReport {
  schemaVersion: string;
  patientId: string | null;
  episodeId: string | null;
  discipline: Discipline | null;
  /** Every note given, in the order given. */
  notes: EpisodeNote[];
  /** The episode's findings, in date order of the note each is about. */
  findings: EpisodeFinding[];
  timeline: Timeline;
  goals: GoalRow[];
  engineVersion: string;
}
