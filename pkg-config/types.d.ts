// The input half of the contract (Note, Config), written by hand. The output half (Report,
// Finding, RuleDoc, the wire enums, RuleId) is generated from the Rust types into
// report.d.ts; both ship in the package's chartlint.d.ts.

/** A calendar date written `YYYY-MM-DD`. */
export type DateString = string;
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
  clinicalPresentation?: ClinicalPresentation | null;
  /** OT occupational profile and history review. */
  profileReview?: ProfileReview | null;
  /** OT performance deficits (count). */
  performanceDeficits?: number | null;
  comorbiditiesAffectOccupation?: boolean | null;
  taskModification?: TaskModification | null;
  decisionMaking?: ComplexityLevel | null;
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
}

/** A reviewer's dismissal of one finding: its `fingerprint` and why. */
export interface Dismissal {
  /** The finding's `fingerprint`, as the report gives it. */
  fingerprint: string;
  /** Why it was dismissed (kept in `report.dismissed` and in exports); required. */
  reason: string;
}

/** The options of one check: `checker.check(note, options)`. */
export interface CheckOptions {
  /** `"sign"` (the default: every finding) or `"draft"` (what is simply not written yet is in `report.checklist`, not in `findings`). */
  stage?: Stage;
  /** Findings dismissed for this check, in addition to `config.dismissed`. */
  dismissed?: Dismissal[];
}

/**
 * The Config. Unknown keys are errors at runtime (`config.disabledRule: unknown key; did you
 * mean "disabledRules"?`) and, in object literals, in TypeScript.
 */
export interface Config {
  disabledRules?: RuleId[];
  severity?: { [ruleId in RuleId]?: Severity };
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
  /** Which documentation elements each note type must contain, replacing the built-in list. */
  requirements?: { [noteType in NoteType]?: ElementName[] };
  /** Findings dismissed on every check of this Checker (a reviewer's decisions), with reasons. */
  dismissed?: Dismissal[];
  /** How `episode/cloned-documentation` judges a note. */
  cloning?: {
    /** Share of a note's own narrative found in one earlier note at which it is flagged (0 < t ≤ 1; default 0.85). */
    threshold?: number;
    /** The clinic's template lines: left out of the comparison in every note. */
    template?: string[];
  };
}
