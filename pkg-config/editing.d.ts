import type { CheckOptions, Edit, Finding, Note, Report } from "./chartlint.js";

/** Anything that checks a note: a `Checker` (synchronous) or a `WorkerChecker` (promises, lanes). */
export interface CheckerLike {
  check(note: Note, options?: CheckOptions): Report | Promise<Report>;
}

/** The hooks every adapter takes. */
export interface AdapterOptions {
  /** A `Checker`, or a `WorkerChecker` from `chartlint/worker` (checks run off the main thread and supersede each other on one lane). */
  checker: CheckerLike;
  /** The structured note; its `text` is replaced by the editor's text. */
  getNote: () => Note;
  /** The check options at each check (`stage`, `dismissed`). */
  options?: () => CheckOptions;
  /** Every report shown (draw a panel, a checklist, gate a Sign button). */
  onReport?: (report: Report, note: Note) => void;
  /** A note that could not be read (the message names the field). */
  onError?: (error: Error) => void;
  /** Applies an edit of structured fields (`lines[0].units`, …), which are not in the editor: e.g. `note = applyEdit(note, edit)`, then re-check. Edits with field changes are offered only when given. */
  onFieldEdit?: (edit: Edit, finding: Finding) => void | Promise<void>;
  /** Asked before applying an edit that is not `safe`; resolve `false` to decline. */
  confirm?: (edit: Edit, finding: Finding) => boolean | Promise<boolean>;
  /** The worker lane the adapter's checks share. */
  lane?: string;
}

/** Parses a field path (`lines[0].units`) into its keys and indices; `null` if malformed. */
export declare function parseField(path: string): (string | number)[] | null;
/** Applies a structured edit to a note and returns the new note (the one given is unchanged). */
export declare function applyEdit(note: Note, edit: Edit): Note;
/** The text changes of an edit, in the order they apply. */
export declare function textChanges(edit: Edit): { span: { start: number; end: number }; replacement: string }[];
/** The field changes of an edit. */
export declare function fieldChanges(edit: Edit): ({ field: string; value: unknown } | { field: string; remove: true })[];
/** A span clamped to a text of `length` UTF-16 code units. */
export declare function clampSpan(span: { start: number; end: number }, length: number): { start: number; end: number };
/** One underline per finding with a span, clamped to the text, sorted by start. */
export declare function underlines(report: Report, length: number): { start: number; end: number; finding: Finding }[];
/** The text cut into runs, each with the findings covering it. */
export declare function runs(text: string, marks: { start: number; end: number; finding: Finding }[]): { start: number; end: number; text: string; findings: Finding[] }[];

export interface Scheduler {
  /** Checks after `delay` ms without another call (call it on every keystroke). */
  schedule(): void;
  /** Checks now; resolves once the report is delivered or superseded. */
  flush(): Promise<void>;
  /** Drops a pending check and any answer on its way. */
  cancel(): void;
}
/** Debounced, superseding checks: only the newest check's report is delivered. */
export declare function createScheduler(options: {
  checker: CheckerLike;
  getNote: () => Note;
  onReport?: (report: Report, note: Note) => void;
  onError?: (error: Error) => void;
  /** ms of quiet before checking (default 150). */
  delay?: number;
  lane?: string;
  options?: () => CheckOptions;
}): Scheduler;
