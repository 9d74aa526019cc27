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
  /** The payer's own pair edits, checked before NCCI: `[column1, column2, modifierIndicator]`. */
  extraPairs?: [string, string, 0 | 1][];
}

/**
 * The Config. Unknown keys are errors at runtime (`config.disabledRule: unknown key; did you
 * mean "disabledRules"?`) and, in object literals, in TypeScript.
 */
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
        /** Geographic indices; a part left out is 1.000. */
        gpci?: { work?: string; pe?: string; mp?: string };
        /** Use the qualifying-APM-participant conversion factor where CMS sets one (2026+). */
        qualifyingApm?: boolean;
      }
    | { kind: "allowed"; amounts: { [code: string]: Money } };
  /** `ptpFile`: text of the CMS practitioner PTP edit file, as published. */
  ncci?: { ptpFile?: string };
  /** Text of the CMS ICD-10-CM order file or code-descriptions file, as published. */
  icd10File?: string;
  /** Which documentation elements each note type must contain, laid over the built-in table. */
  requirements?: { [type in NoteType]?: DocumentationElement[] };
}

/** A documentation element, as named in `config.requirements` and the Report's `elements`. */
export type DocumentationElement =
  | "goals" | "progress" | "medicalNecessity" | "skilledIntervention"
  | "patientResponse" | "plan" | "signature" | "outcomeMeasure";

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
}
