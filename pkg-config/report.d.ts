// Generated from chartlint's Rust types by `cargo test` (src/contract.rs): do not edit.
// The output half of the contract; the input types are in types.d.ts.

/** Every rule id, `family/name`. */
export type RuleId =
  | "units/over-billed"
  | "units/under-billed"
  | "units/below-minimum"
  | "units/missing-minutes"
  | "units/total-minutes-mismatch"
  | "units/missing-total-treatment-time"
  | "units/untimed-multiple-units"
  | "units/split-code-lines"
  | "units/text-mismatch"
  | "codes/unknown-code"
  | "codes/add-on-without-primary"
  | "codes/missing-diagnosis"
  | "codes/invalid-diagnosis"
  | "elements/missing-goals"
  | "elements/goals-not-measurable"
  | "elements/missing-progress"
  | "elements/missing-medical-necessity"
  | "elements/missing-skilled-intervention"
  | "elements/missing-patient-response"
  | "elements/missing-plan"
  | "elements/missing-signature"
  | "elements/missing-outcome-measure"
  | "elements/red-flag-phrase"
  | "elements/template-placeholder"
  | "eval/components-missing"
  | "eval/complexity-overcoded"
  | "eval/complexity-undercoded"
  | "eval/code-discipline-mismatch"
  | "eval/code-note-type-mismatch"
  | "eval/reevaluation-unsupported"
  | "eval/multiple-evaluation-codes"
  | "modifiers/missing-discipline"
  | "modifiers/wrong-discipline"
  | "modifiers/assistant-required"
  | "modifiers/assistant-wrong-discipline"
  | "modifiers/ncci-pair"
  | "modifiers/unknown"
  | "modifiers/kx-required"
  | "modifiers/kx-unneeded"
  | "modifiers/review-threshold"
  | "episode/progress-report-due"
  | "episode/plan-of-care-uncertified"
  | "episode/plan-of-care-expired"
  | "episode/authorization-exceeded"
  | "episode/authorization-ending"
  | "episode/progress-report-missed"
  | "episode/goal-without-status"
  | "episode/goals-changed-without-recertification"
  | "episode/visits-exceed-plan-frequency"
  | "episode/visit-outside-plan-of-care"
  | "episode/cloned-documentation"
  | "episode/outcome-measure-not-repeated"
  | "episode/discharge-missing";

/** A dollar amount as a decimal string with two places, e.g. `"1234.50"`. */
export type Money = string;

/** The new value of a field an edit sets: a number (units, minutes), a string (a code, a role, a note type), a list of modifiers, or a whole billed line. */
export type EditValue = number | string | string[] | Line | null;

/**
 * How much a finding matters.
 */
export type Severity = "error" | "warning" | "info";

/**
 * A PT, OT or SLP plan of care's discipline.
 */
export type Discipline = "PT" | "OT" | "SLP";

/**
 * The kind of note.
 */
export type NoteType = "evaluation" | "reevaluation" | "daily" | "progress" | "recertification" | "discharge";

/**
 * Who pays: picks the payer rule pack.
 */
export type PayerKind = "medicare" | "medicareAdvantage" | "medicaid" | "commercial" | "workersComp" | "selfPay";

/**
 * How timed minutes become units.
 */
export type UnitRule = "cms8" | "ruleOf8s";

/**
 * The provider's role.
 */
export type Role = "PT" | "PTA" | "OT" | "OTA" | "SLP" | "SLPA" | "student";

/**
 * An evaluation's complexity level (and the level of decision making).
 */
export type ComplexityLevel = "low" | "moderate" | "high";

/**
 * PT clinical presentation (`evaluation.clinicalPresentation`).
 */
export type ClinicalPresentation = "stable" | "evolving" | "unstable";

/**
 * OT review of the occupational profile and history (`evaluation.profileReview`).
 */
export type ProfileReview = "brief" | "expanded" | "extensive";

/**
 * OT modification of tasks or assistance needed (`evaluation.taskModification`).
 */
export type TaskModification = "none" | "minimalToModerate" | "significant";

/**
 * A documentation element a note may be required to contain, named as in
 * `config.requirements` (and the Report's `elements`).
 */
export type ElementName = "goals" | "progress" | "medicalNecessity" | "skilledIntervention" | "patientResponse" | "plan" | "signature" | "outcomeMeasure";

/**
 * A range of `note.text` in UTF-16 code units, as the Report carries it: `text.slice(start,
 * end)` in JavaScript is exactly the flagged words.
 */
export type Span = { 
/**
 * First UTF-16 code unit.
 */
start: number, 
/**
 * One past the last UTF-16 code unit.
 */
end: number, };

/**
 * What a rule reports, which decides what it does while the note is being drafted
 * (`check(note, { stage: "draft" })`).
 */
export type RuleKind = "defect" | "missing" | "both";

/**
 * What a reviewer's dismissal (`config.dismissed`, `options.dismissed`) does to a
 * finding of the rule.
 */
export type DismissalEffect = "clears" | "stillBlocks";

/**
 * Where the note is in its life: being written, or about to be signed.
 */
export type Stage = "draft" | "sign";

/**
 * How far an edit can be trusted.
 */
export type Applicability = "safe" | "suggested" | "template";

/**
 * Sets `field` (a path into the note) to `value`. An array index one past the end appends.
 */
export type SetField = { 
/**
 * Path into the note, e.g. `lines[0].units`, `lines[1].modifiers`, `lines[3]`.
 */
field: string, 
/**
 * The field's new JSON value (a whole array for `modifiers`).
 */
value: EditValue, };

/**
 * Removes `field`: an array item (`lines[2]`) or an object key.
 */
export type RemoveField = { 
/**
 * Path into the note, e.g. `lines[2]`.
 */
field: string, 
/**
 * Always `true`.
 */
remove: true, };

/**
 * Replaces `span` of `note.text` (UTF-16 code units) with `replacement`; an empty span
 * inserts.
 */
export type TextChange = { 
/**
 * The range replaced, in UTF-16 code units of `note.text`.
 */
span: Span, 
/**
 * The new text.
 */
replacement: string, };

/**
 * One change of an `Edit`.
 */
export type Change = SetField | RemoveField | TextChange;

/**
 * One action offered by a finding: its changes are applied together, in order.
 */
export type Edit = { 
/**
 * How far it can be trusted: `safe` (one click), `suggested` (confirm), `template`
 * (text with placeholders to complete).
 */
applicability: Applicability, 
/**
 * What it does, imperatively, for a button or a code action: "Bill 2 units of 97110".
 */
title: string, 
/**
 * The changes, applied in this order (removals come last, highest index first; text
 * ranges from the end of the text backwards), so each applies to the result of the one
 * before without shifting the others.
 */
changes: Array<Change>, };

/**
 * One thing wrong (or worth knowing) about the note, as the Report carries it.
 */
export type Finding = { 
/**
 * Stable rule id, `family/name`.
 */
rule: RuleId, 
/**
 * How much it matters (the rule's default, or the config's override).
 */
severity: Severity, 
/**
 * What is wrong, in a therapist's words. Never repeats the note's text.
 */
message: string, 
/**
 * The flagged words, in UTF-16 code units of `note.text`.
 */
span?: Span, 
/**
 * Path of the structured field involved, e.g. `lines[1].units`.
 */
field?: string, 
/**
 * What to do, imperatively.
 */
fix?: string, 
/**
 * Dollars this finding puts at risk, as a decimal string.
 */
amountAtRisk?: Money, 
/**
 * The policy the rule enforces, e.g. `CMS Pub. 100-04, ch. 5, §20.2`.
 */
source: string, 
/**
 * Identifies this finding across edits of the note: the rule, the field (lines named
 * by their code, diagnoses by theirs) and the flagged words, normalised, with an
 * occurrence index among identical ones. Unchanged when other text is edited; changed
 * when the flagged words change. What `config.dismissed` and `options.dismissed` name.
 */
fingerprint: string, 
/**
 * Structured fixes: exact changes the EMR may apply when the user asks, each with its
 * applicability. Empty when no edit can be offered honestly (chartlint never invents
 * clinical content).
 */
edits: Array<Edit>, };

/**
 * The KX threshold bucket.
 */
export type Bucket = "ptSlp" | "ot";

/**
 * One billed line in the report.
 */
export type BillingLine = { 
/**
 * The line's code.
 */
code: string, 
/**
 * A 15-minute or block-timed code (false for untimed and unknown codes).
 */
timed: boolean, 
/**
 * The line's minutes, as documented.
 */
minutes: number | null, 
/**
 * Units billed.
 */
unitsBilled: number, 
/**
 * The units the minutes support; `null` when they cannot be told apart per line (only
 * the visit's total timed minutes are documented) or the code is unknown.
 */
unitsSupported: number | null, 
/**
 * Equal leftover minutes with another code: the extra unit may go to either.
 */
tie?: boolean, 
/**
 * Modifiers the payer's rules call for on this line (chartlint never adds them itself).
 */
modifiersRequired: Array<string>, 
/**
 * Expected allowed amount for this line as billed.
 */
expectedPayment?: Money, };

/**
 * The same minutes counted under the other unit method, for comparison.
 */
export type OtherMethod = { 
/**
 * The other method.
 */
unitRule: UnitRule, 
/**
 * Timed units the visit's minutes allow under it.
 */
timedUnitsAllowed: number, 
/**
 * Per billed line, in order.
 */
unitsSupported: Array<number | null>, };

/**
 * The beneficiary's spending against the year's thresholds.
 */
export type ThresholdReport = { 
/**
 * PT and SLP combined, or OT.
 */
bucket: Bucket, 
/**
 * `episode.thresholdSpentBefore`.
 */
spentBefore: Money, 
/**
 * This visit's allowed amount (a lower bound when a line has no price).
 */
visit: Money, 
/**
 * Spending after this visit.
 */
spentAfter: Money, 
/**
 * The year's KX threshold.
 */
kxThreshold: Money, 
/**
 * Dollars left before the KX threshold after this visit (negative when over).
 */
leftBeforeKx: Money, 
/**
 * The targeted medical review threshold.
 */
reviewThreshold: Money, };

/**
 * Minutes, units and money for the visit.
 */
export type Billing = { 
/**
 * The method the units were counted with.
 */
unitRule: UnitRule, 
/**
 * The visit's total timed minutes.
 */
totalTimedMinutes: number, 
/**
 * Timed units those minutes allow.
 */
timedUnitsAllowed: number, 
/**
 * Timed units billed.
 */
timedUnitsBilled: number, 
/**
 * Each billed line.
 */
lines: Array<BillingLine>, 
/**
 * The same minutes under the other method.
 */
otherMethod: OtherMethod, 
/**
 * The visit is over the year's KX threshold: every therapy line needs KX.
 */
kxRequired: boolean, 
/**
 * The year's KX threshold for this discipline's bucket (Medicare-rule packs).
 */
kxThreshold?: Money, 
/**
 * Spending in the bucket before and after this visit, when `episode.thresholdSpentBefore`
 * is given (Medicare-rule packs).
 */
threshold?: ThresholdReport, 
/**
 * Allowed amount for the visit as billed (payer and patient shares together).
 */
expectedPayment?: Money, 
/**
 * Original Medicare's share.
 */
payerShare?: Money, 
/**
 * The patient's 20% coinsurance (Original Medicare).
 */
patientShare?: Money, };

/**
 * Where a component's value came from.
 */
export type ComponentSource = "field" | "text" | "missing";

/**
 * A component's value as found.
 */
export type ComponentValue = number | string | boolean;

/**
 * One component of `Report.evaluation`.
 */
export type EvaluationComponent = { 
/**
 * `history`, `examination`, `clinicalPresentation`, `decisionMaking`,
 * `occupationalProfile`, `performanceDeficits`, `comorbidities`, `taskModification`,
 * `reevaluationReason`.
 */
name: "history" | "examination" | "clinicalPresentation" | "decisionMaking" | "occupationalProfile" | "performanceDeficits" | "comorbidities" | "taskModification" | "reevaluationReason", 
/**
 * The value found: a count, a word, or yes/no.
 */
value: ComponentValue | null, 
/**
 * The highest level the value meets.
 */
level: ComplexityLevel | null, 
/**
 * `field` (the evaluation form), `text` (inferred from the note) or `missing`.
 */
source: ComponentSource, 
/**
 * True when read from the text: check the spans.
 */
inferred: boolean, 
/**
 * True when read from the narrative (the history, the medication list, the exam
 * headings, how the course is described) rather than stated outright.
 */
fromNarrative?: boolean, 
/**
 * The form's field for this component.
 */
field: string, 
/**
 * Where in `note.text` the value was read, in UTF-16 code units.
 */
spans: Array<Span>, 
/**
 * What the component supports and why, in a therapist's words.
 */
explanation: string, };

/**
 * `Report.evaluation`: the billed and supported evaluation codes and why.
 */
export type EvaluationReport = { 
/**
 * The plan of care's discipline.
 */
discipline: Discipline, 
/**
 * The evaluation code billed (the note's own complexity code first).
 */
billedCode: string | null, 
/**
 * The code the documentation supports (`None` when it cannot be determined).
 */
supportedCode: string | null, 
/**
 * The complexity level the documentation supports (PT/OT initial evaluations).
 */
supportedLevel: ComplexityLevel | null, 
/**
 * Each component: the value found, the level it supports, where it came from.
 */
components: Array<EvaluationComponent>, 
/**
 * The billed code's typical face-to-face minutes: descriptive, never a threshold.
 */
typicalMinutes: number | null, 
/**
 * Face-to-face minutes the evaluation form records (`evaluation.minutes`).
 */
documentedMinutes: number | null, 
/**
 * The level, and why, in a sentence or two.
 */
summary: string, };

/**
 * One piece of evidence that decided an element: the words (UTF-16), what they are, the
 * section they are in and their context.
 */
export type ElementEvidence = { 
/**
 * Start of the deciding words, in UTF-16 code units of `note.text`.
 */
start: number, 
/**
 * End of the deciding words, in UTF-16 code units of `note.text`.
 */
end: number, 
/**
 * What the words are: "goal status", "comparison", "cueing", "frequency", "deficit",
 * "measurable goal with a timeframe", …
 */
concept: string, 
/**
 * The section they are in ("plan", "assessment", …), when the note has headings.
 */
section?: string, 
/**
 * "negated", "hypothetical", "historical", "experiencer" or "reported", when the
 * context matters ("goals not met" is a goal status, negated).
 */
context?: string, };

/**
 * One documentation element in the Report.
 */
export type ElementFound = { 
/**
 * The note type requires it (`config.requirements` or the built-in table).
 */
required: boolean, 
/**
 * The note documents it.
 */
found: boolean, 
/**
 * Where, in UTF-16 code units of `note.text`.
 */
spans: Array<Span>, 
/**
 * The words that decided it (at most five), with what they are and where.
 */
because: Array<ElementEvidence>, };

/**
 * The `elements` section of the Report: for each documentation element, found or not, and where.
 */
export type ElementsReport = { 
/**
 * Goals.
 */
goals: ElementFound, 
/**
 * Progress toward the goals or since an earlier measure.
 */
progress: ElementFound, 
/**
 * Why the patient needs skilled therapy.
 */
medicalNecessity: ElementFound, 
/**
 * What required a therapist's skill.
 */
skilledIntervention: ElementFound, 
/**
 * The patient's response to treatment.
 */
patientResponse: ElementFound, 
/**
 * The plan for the next visits.
 */
plan: ElementFound, 
/**
 * The signature with credentials (or `provider.name` and `provider.credentials`).
 */
signature: ElementFound, 
/**
 * A standardized outcome measure with a score.
 */
outcomeMeasure: ElementFound, 
/**
 * Objective measurements (ROM degrees, MMT grades, distances, assist levels, ratings).
 */
objectiveMeasures: ElementFound, };

/**
 * Which rules and policy data produced the report, so an audit can be reproduced.
 */
export type Provenance = { 
/**
 * The payer rule pack's name.
 */
rulePack: string, 
/**
 * The note's payer kind.
 */
payerKind: PayerKind, 
/**
 * Calendar year of the policy data used (from `dateOfService`).
 */
policyYear: number, 
/**
 * chartlint's version.
 */
engineVersion: string, };

/**
 * What a checklist item asks for: a documentation element (named as in
 * `report.elements` and `config.requirements`) or a field or part of the note.
 */
export type ChecklistItemKind = "goals" | "progress" | "medicalNecessity" | "skilledIntervention" | "patientResponse" | "plan" | "signature" | "outcomeMeasure" | "diagnoses" | "minutes" | "totalTreatmentMinutes" | "evaluationCode" | "evaluationComponent" | "reevaluationReason" | "progressReport";

/**
 * One thing the note needs written or entered.
 */
export type ChecklistItem = { 
/**
 * What it asks for: a documentation element (as in `elements`) or a field or part of
 * the note.
 */
item: ChecklistItemKind, 
/**
 * What a therapist reads: "Plan", "Minutes of 97110".
 */
label: string, 
/**
 * The rule that reports it as a finding at signing when it is not done.
 */
rule: RuleId, 
/**
 * This note needs it (its type, payer and billed codes). Documentation elements the
 * note type does not need are listed with `false`.
 */
required: boolean, 
/**
 * Written or entered already.
 */
done: boolean, 
/**
 * Where it is written, in UTF-16 code units of `note.text`.
 */
spans: Array<Span>, 
/**
 * The field to fill, when it is one (e.g. `lines[0].minutes`, `diagnoses`).
 */
field?: string, 
/**
 * What to write or enter, imperatively (when not done).
 */
fix?: string, 
/**
 * Template edits that insert the item's heading with placeholders (when not done).
 */
edits: Array<Edit>, };

/**
 * A finding a reviewer dismissed, with the reason given.
 */
export type DismissedFinding = { 
/**
 * The finding, as it would be in `findings`.
 */
finding: Finding, 
/**
 * Why it was dismissed.
 */
reason: string, 
/**
 * The finding is an error of a rule whose dismissed errors still block signing
 * (`rules()[].dismissal` is `stillBlocks`: units, codes, modifiers, dates): the
 * dismissal is recorded, and `readyToSign` stays false until the billed fields are
 * corrected.
 */
blocksSigning: boolean, };

/**
 * chartlint's verdict on one note.
 */
export type Report = { 
/**
 * Version of the JSON contract.
 */
schemaVersion: string, 
/**
 * The note's `id`, echoed.
 */
noteId: string | null, 
/**
 * The note's `patientId`, echoed (never shown in messages).
 */
patientId?: string, 
/**
 * The note's `episodeId`, echoed (never shown in messages).
 */
episodeId?: string, 
/**
 * True when the note could be signed as it is: no finding of severity `error` at
 * signing (whatever the stage of this check, so an EMR can gate its Sign button on a
 * draft's report) and no dismissed error that still blocks signing.
 */
readyToSign: boolean, 
/**
 * What is wrong or worth knowing: by severity, then position in the text, then field.
 * While drafting, what is simply not written yet is in `checklist` instead.
 */
findings: Array<Finding>, 
/**
 * Minutes, units, modifiers and money.
 */
billing: Billing, 
/**
 * The billed and supported evaluation codes, for notes that bill or document one.
 */
evaluation?: EvaluationReport, 
/**
 * Each documentation element: required, found, where.
 */
elements: ElementsReport, 
/**
 * Which rule pack and policy year produced the report.
 */
provenance: Provenance, 
/**
 * The stage this check was asked for (`options.stage`; `sign` by default).
 */
stage: Stage, 
/**
 * What the note needs written or entered, done or not: each documentation element
 * (required for this note type or not) and the fields its billing needs.
 */
checklist: Array<ChecklistItem>, 
/**
 * Findings dismissed by `config.dismissed` or `options.dismissed`, with their reasons;
 * they are not in `findings`.
 */
dismissed: Array<DismissedFinding>, };

/**
 * A note the episode's findings or tables point at.
 */
export type NoteRef = { 
/**
 * Position of the note in the array given to `checkEpisode`.
 */
index: number, 
/**
 * The note's `id`.
 */
noteId: string | null, 
/**
 * Its date of service.
 */
date: string, 
/**
 * Words in that note's text, in UTF-16 code units of that note's `text`.
 */
span?: Span, };

/**
 * A finding about the episode: the same shape as a note's finding (its `span` and `field`
 * are in the note it is about), plus that note and every note it concerns.
 */
export type EpisodeFinding = { 
/**
 * The note the finding is about: its position in the array given.
 */
noteIndex: number, 
/**
 * That note's `id`.
 */
noteId: string | null, 
/**
 * Every note the finding concerns (the one it is about included), in date order, with
 * the words involved in each.
 */
notes: Array<NoteRef>, 
/**
 * Stable rule id, `family/name`.
 */
rule: RuleId, 
/**
 * How much it matters (the rule's default, or the config's override).
 */
severity: Severity, 
/**
 * What is wrong, in a therapist's words. Never repeats the note's text.
 */
message: string, 
/**
 * The flagged words, in UTF-16 code units of `note.text`.
 */
span?: Span, 
/**
 * Path of the structured field involved, e.g. `lines[1].units`.
 */
field?: string, 
/**
 * What to do, imperatively.
 */
fix?: string, 
/**
 * Dollars this finding puts at risk, as a decimal string.
 */
amountAtRisk?: Money, 
/**
 * The policy the rule enforces, e.g. `CMS Pub. 100-04, ch. 5, §20.2`.
 */
source: string, 
/**
 * Identifies this finding across edits of the note: the rule, the field (lines named
 * by their code, diagnoses by theirs) and the flagged words, normalised, with an
 * occurrence index among identical ones. Unchanged when other text is edited; changed
 * when the flagged words change. What `config.dismissed` and `options.dismissed` name.
 */
fingerprint: string, 
/**
 * Structured fixes: exact changes the EMR may apply when the user asks, each with its
 * applicability. Empty when no edit can be offered honestly (chartlint never invents
 * clinical content).
 */
edits: Array<Edit>, };

/**
 * Fields the episode supplied to a note's own check because the EMR did not send them.
 */
export type Derived = { 
/**
 * Its treatment day in the episode (`episode.visitNumber`).
 */
visitNumber?: number, 
/**
 * Its treatment day in the progress-report period (`episode.reportingPeriodDay`).
 */
reportingPeriodDay?: number, 
/**
 * The authorization an earlier note gave.
 */
authorizedVisits?: number, 
/**
 * The authorization's end an earlier note gave.
 */
authorizationEnd?: string, 
/**
 * The year's spending before the visit, from the earlier visits' expected payments.
 */
thresholdSpentBefore?: Money, };

/**
 * One note of the episode: its own report (or why it could not be checked).
 */
export type EpisodeNote = { 
/**
 * Position in the array given to `checkEpisode`.
 */
index: number, 
/**
 * The note's `id` (also when the note failed validation, if its `id` is a string).
 */
noteId: string | null, 
/**
 * The note's own report, checked with the derived fields.
 */
report?: Report, 
/**
 * Why the note could not be checked (`notes[3].lines[0].units: …`); the rest of the
 * episode is checked without it.
 */
error?: string, 
/**
 * The fields the episode supplied, when it supplied any.
 */
derived?: Derived, 
/**
 * No error among its own findings and the episode findings about it.
 */
readyToSign: boolean, };

/**
 * Similarity of a note's own narrative to its closest earlier note.
 */
export type Similarity = { 
/**
 * The earlier note's position in the array given.
 */
index: number, 
/**
 * Its `id`.
 */
noteId: string | null, 
/**
 * Share of the note's own narrative found in that note, 0 to 1 (three decimals).
 */
score: number, };

/**
 * One note on the timeline.
 */
export type TimelineEntry = { 
/**
 * Position in the array given.
 */
index: number, 
/**
 * The note's `id`.
 */
noteId: string | null, 
/**
 * Its date of service.
 */
date: string, 
/**
 * Its type.
 */
noteType: NoteType, 
/**
 * A visit (evaluation, re-evaluation, daily note, or a note billing a service).
 */
visit: boolean, 
/**
 * The episode's treatment-day number of its date (visits).
 */
treatmentDay?: number, 
/**
 * Its treatment day in the progress-report period (visits).
 */
periodDay?: number, 
/**
 * A clinician's report that ends a progress-report period.
 */
progressReport: boolean, 
/**
 * Monday of its calendar week.
 */
week: string, 
/**
 * Treatment days in that week, the evaluation's day left out (as
 * `episode/visits-exceed-plan-frequency` counts them).
 */
visitsInWeek: number, 
/**
 * The most visits a week the plan in force allows.
 */
frequencyPerWeek?: number, 
/**
 * Index into `timeline.plans`: the plan of care in force.
 */
plan?: number, 
/**
 * Its closest earlier note (when it has enough narrative of its own to compare).
 */
similarity?: Similarity, 
/**
 * Allowed amount spent this year in its KX bucket before the visit (given or derived).
 */
spentBefore?: Money, 
/**
 * The visit's expected allowed amount.
 */
expectedPayment?: Money, };

/**
 * A progress-report period.
 */
export type PeriodEntry = { 
/**
 * The date of its first note.
 */
start: string, 
/**
 * The report's date (or the last note's, while the period is open).
 */
end: string, 
/**
 * Treatment days in it.
 */
treatmentDays: number, 
/**
 * The clinician's report that ends it; `null` while it is open.
 */
report: NoteRef | null, 
/**
 * Treatment days allowed between reports (the payer pack's interval), if any.
 */
interval?: number, 
/**
 * The date of the treatment day by which the report was due, when reached.
 */
dueOn?: string, 
/**
 * More treatment days than the interval allows.
 */
late: boolean, };

/**
 * A plan of care.
 */
export type PlanEntry = { 
/**
 * The note that establishes it; its span is the frequency words.
 */
note: NoteRef, 
/**
 * Its first day.
 */
start: string, 
/**
 * Its last day.
 */
end?: string, 
/**
 * `field` (`episode.planOfCareEnd`) or `duration` (start + weeks).
 */
endFrom?: "field" | "duration", 
/**
 * The most visits a week it allows.
 */
frequencyPerWeek?: number, 
/**
 * Its duration in weeks.
 */
durationWeeks?: number, 
/**
 * The visits it calls for in all.
 */
plannedVisits?: number, 
/**
 * Visits (treatment days) under it so far.
 */
visits: number, 
/**
 * Set by a recertification.
 */
recertification: boolean, 
/**
 * The latest certification date the notes give for it.
 */
certifiedOn?: string, };

/**
 * The payer's authorization and its use.
 */
export type AuthorizationEntry = { 
/**
 * Visits authorized (the latest figure the notes give).
 */
authorizedVisits?: number, 
/**
 * Treatment days so far.
 */
visitsUsed: number, 
/**
 * The authorization's last day.
 */
authorizationEnd?: string, };

/**
 * The episode in time.
 */
export type Timeline = { 
/**
 * The first note's date.
 */
start?: string, 
/**
 * The last note's date.
 */
end?: string, 
/**
 * Notes that are visits.
 */
visits: number, 
/**
 * Dates with a visit (with those before the first note when the episode is given
 * without its start).
 */
treatmentDays: number, 
/**
 * Every checked note, in date order.
 */
entries: Array<TimelineEntry>, 
/**
 * The progress-report periods.
 */
progressPeriods: Array<PeriodEntry>, 
/**
 * The plans of care.
 */
plans: Array<PlanEntry>, 
/**
 * The first evaluation.
 */
evaluation?: NoteRef, 
/**
 * The first discharge note.
 */
discharge?: NoteRef, 
/**
 * A note marks the episode closed (`episode.closed`).
 */
closed: boolean, 
/**
 * The payer's authorization, when the notes give one.
 */
authorization?: AuthorizationEntry, };

/**
 * A status a report gives a goal.
 */
export type GoalStatusEntry = { 
/**
 * The report's position in the array given.
 */
index: number, 
/**
 * Its `id`.
 */
noteId: string | null, 
/**
 * Its date.
 */
date: string, 
/**
 * Its type.
 */
noteType: NoteType, 
/**
 * `met`, `partlyMet`, `notMet`, `ongoing`, `discontinued`, `revised`, `measured` (a
 * measured comparison without a status word), `restated` (the goal is restated without
 * a status) or `missing` (the report does not mention it).
 */
status: "met" | "partlyMet" | "notMet" | "ongoing" | "discontinued" | "revised" | "measured" | "restated" | "missing", 
/**
 * The status words, or the restated goal when there are none.
 */
span?: Span, 
/**
 * The report restates the goal with other words or numbers.
 */
changed: boolean, };

/**
 * A goal of the episode and its statuses.
 */
export type GoalRow = { 
/**
 * `G1`, `G2`… in the order the goals were set.
 */
key: string, 
/**
 * `short` or `long`; absent when the note does not say.
 */
term?: "short" | "long", 
/**
 * The goal's label as first written (`STG 1`, `LTG 2`), when it has one.
 */
label?: string, 
/**
 * The note that set it; the span is the goal.
 */
setIn: NoteRef, 
/**
 * One entry per later clinician's report (progress, re-evaluation, recertification,
 * discharge), until the goal is met or discontinued.
 */
statuses: Array<GoalStatusEntry>, 
/**
 * `open`, `met` or `discontinued`.
 */
state: "open" | "met" | "discontinued", };

/**
 * chartlint's verdict on an episode of care.
 */
export type EpisodeReport = { 
/**
 * Version of the JSON contract.
 */
schemaVersion: string, 
/**
 * The notes' `patientId` (echoed, never shown in messages).
 */
patientId: string | null, 
/**
 * The notes' `episodeId` (echoed, never shown in messages).
 */
episodeId: string | null, 
/**
 * The episode's discipline.
 */
discipline: Discipline | null, 
/**
 * Every note given, in the order given.
 */
notes: Array<EpisodeNote>, 
/**
 * The episode's findings, in date order of the note each is about.
 */
findings: Array<EpisodeFinding>, 
/**
 * The episode in time.
 */
timeline: Timeline, 
/**
 * The goals and their statuses.
 */
goals: Array<GoalRow>, 
/**
 * chartlint's version.
 */
engineVersion: string, };

/**
 * One citation of a rule's metadata: the document, where in it, the year of the edition or
 * rule, and where to read it.
 */
export type Citation = { 
/**
 * The document's name.
 */
document: string, 
/**
 * Chapter and section (or page, table, descriptor) within it.
 */
section?: string, 
/**
 * The year of the edition, rule or figures cited.
 */
year?: number, 
/**
 * Where it is published.
 */
url?: string, };

/**
 * One entry of the rule catalogue returned by `rules()`.
 */
export type RuleDoc = { 
/**
 * Stable rule id, `family/name`.
 */
id: RuleId, 
/**
 * The id's family (`units`, `codes`, `elements`, `eval`, `modifiers`, `episode`).
 */
family: string, 
/**
 * Default severity.
 */
severity: Severity, 
/**
 * What the rule reports: `defect` (a finding at both stages), `missing` (a checklist
 * item while drafting, a finding at signing) or `both`.
 */
kind: RuleKind, 
/**
 * Whether a reviewer's dismissal clears an error of this rule (`clears`) or the error
 * still blocks signing (`stillBlocks`).
 */
dismissal: DismissalEffect, 
/**
 * The first paragraph of the docs.
 */
summary: string, 
/**
 * What the rule checks, prose.
 */
whatItChecks: string, 
/**
 * Why payers deny it (or why chartlint flags it), prose.
 */
why: string, 
/**
 * Markdown with a JSON patch over a clean note that triggers the rule.
 */
example: string, 
/**
 * Markdown with a JSON patch that passes.
 */
passes: string, 
/**
 * The citation findings carry.
 */
source: string, 
/**
 * The public documents the rule enforces.
 */
references: Array<Citation>, 
/**
 * The whole doc comment, Markdown.
 */
docs: string, };

/**
 * Bounds on untrusted input. A note over any of them is rejected with a clear error
 * rather than checked slowly.
 */
export type Limits = { 
/**
 * Largest `text`, in UTF-8 bytes (1 MiB; a long note is about 30 KB).
 */
maxTextBytes: number, 
/**
 * Most lines of `text` (a long note has a few hundred).
 */
maxTextLines: number, 
/**
 * Most billed lines in `lines`.
 */
maxBilledLines: number, 
/**
 * Most notes checked as one episode (`checkEpisode`).
 */
maxEpisodeNotes: number, };
