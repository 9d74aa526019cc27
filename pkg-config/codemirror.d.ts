import type { Edit, Finding, Report } from "./chartlint.js";
import type { AdapterOptions } from "./editing.js";

type GlobalInstance<K extends string> = typeof globalThis extends { [P in K]: { prototype: infer T } } ? T : never;

// Structural types: chartlint/codemirror imports nothing from CodeMirror, and these match
// @codemirror/lint's `Diagnostic` and @codemirror/view's `EditorView` where they are used.

/** The part of an `EditorView` the adapter uses. */
export interface CodeMirrorViewLike {
  state: { doc: { length: number; toString(): string } };
  dispatch(spec: { changes: { from: number; to: number; insert: string }[]; userEvent?: string }): void;
}

/** A diagnostic of @codemirror/lint. */
export interface ChartlintDiagnostic {
  from: number;
  to: number;
  severity: "error" | "warning" | "info";
  source: string;
  message: string;
  markClass: string;
  actions: { name: string; apply(view: CodeMirrorViewLike, from: number, to: number): void }[];
  renderMessage?: () => GlobalInstance<"Node">;
}

export interface CodeMirrorOptions extends AdapterOptions {
  /** The tooltip body for a finding (default: the message and fix as text). */
  renderMessage?: (finding: Finding) => GlobalInstance<"Node">;
}

/** A lint source for `linter(source, { delay })` of @codemirror/lint. */
export declare function chartlintSource(options: CodeMirrorOptions): (view: CodeMirrorViewLike) => Promise<readonly ChartlintDiagnostic[]>;
/** The diagnostics of a report for a document of `length` characters. */
export declare function toDiagnostics(report: Report, length: number, hooks?: Pick<CodeMirrorOptions, "onFieldEdit" | "confirm" | "renderMessage">): ChartlintDiagnostic[];
/** Applies one edit in a view (text changes as one transaction, field changes through `onFieldEdit`); false when declined. */
export declare function applyEditToView(view: CodeMirrorViewLike, edit: Edit, finding: Finding, hooks?: Pick<CodeMirrorOptions, "onFieldEdit" | "confirm"> & { shift?: number }): Promise<boolean>;
