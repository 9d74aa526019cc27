// chartlint/codemirror: a lint source for CodeMirror 6's @codemirror/lint. It imports nothing
// from CodeMirror (the diagnostics and transactions are plain objects), so it works with the
// CodeMirror the EMR already bundles:
//
//   import { linter } from "@codemirror/lint";
//   import { chartlintSource } from "chartlint/codemirror";
//   const source = chartlintSource({ checker, getNote: () => note, options: () => ({ stage }) });
//   new EditorView({ extensions: [linter(source, { delay: 150 })], … });
//
// CodeMirror positions are UTF-16 offsets, as the report's spans are. The lint extension
// debounces typing (`delay`); with a WorkerChecker the checks share one lane, so a check
// superseded by newer typing is dropped before it runs, and a stale report is never shown.
// Each structured edit of a finding is an action: text edits apply as one transaction; edits of
// structured fields go to `onFieldEdit` (the EMR's fields are not in the editor).
import { textChanges, fieldChanges, clampSpan } from "./editing.js";

const isAbort = (e) => e?.name === "AbortError";

/**
 * The diagnostics of a report for a document of `length` characters (findings with a span),
 * each with its structured edits as actions. `hooks`: `onFieldEdit`, `confirm`, `renderMessage`.
 */
export function toDiagnostics(report, length, hooks = {}) {
  const out = [];
  for (const finding of report?.findings ?? []) {
    if (!finding.span) continue;
    const { start: from, end: to } = clampSpan(finding.span, length);
    const actions = [];
    for (const edit of finding.edits ?? []) {
      if (fieldChanges(edit).length && !hooks.onFieldEdit) continue; // nowhere to apply it
      actions.push({
        name: edit.applicability === "safe" ? edit.title : `${edit.title}…`,
        apply(view, mappedFrom) {
          void applyEditToView(view, edit, finding, { ...hooks, shift: mappedFrom - from });
        },
      });
    }
    out.push({
      from,
      to,
      severity: finding.severity,
      source: finding.rule,
      message: finding.fix ? `${finding.message} Fix: ${finding.fix}` : finding.message,
      markClass: `cl-mark cl-${finding.severity}`,
      actions,
      ...(hooks.renderMessage ? { renderMessage: () => hooks.renderMessage(finding) } : {}),
    });
  }
  return out;
}

/**
 * Applies one edit of `finding` in a CodeMirror view: text changes as one transaction (shifted by
 * `shift` when the text moved since the check), field changes through `onFieldEdit(edit,
 * finding)`. Edits that are not `safe` ask `confirm(edit, finding)` first, when given.
 */
export async function applyEditToView(view, edit, finding, { onFieldEdit, confirm, shift = 0 } = {}) {
  if (edit.applicability !== "safe" && confirm && !(await confirm(edit, finding))) return false;
  const length = view.state.doc.length;
  const changes = textChanges(edit).map((c) => {
    const { start, end } = clampSpan({ start: c.span.start + shift, end: c.span.end + shift }, length);
    return { from: start, to: end, insert: c.replacement };
  });
  if (changes.length) view.dispatch({ changes, userEvent: "input.chartlint" });
  if (fieldChanges(edit).length) await onFieldEdit?.(edit, finding);
  return true;
}

/**
 * A lint source for `linter(source, { delay })`. `getNote()` gives the structured note; the
 * editor's text becomes `note.text`. `options()` gives the check options (`stage`, `dismissed`).
 * `onReport(report, note)` sees every report shown (to draw a panel, a checklist, a Sign
 * button). `onFieldEdit(edit, finding)` applies edits of structured fields (then call
 * `forceLinting(view)`). `confirm(edit, finding)` is asked before a non-safe edit.
 */
export function chartlintSource({ checker, getNote, options, onReport, onError, onFieldEdit, confirm, renderMessage, lane = "chartlint-codemirror" }) {
  let latest = 0;
  const isWorker = typeof checker?.call === "function";
  const never = new Promise(() => {}); // a superseded run: the newer one sets the diagnostics
  return async (view) => {
    const run = ++latest;
    const note = { ...getNote(), text: view.state.doc.toString() };
    const opts = { ...(options?.() ?? {}) };
    if (isWorker) opts.lane = lane;
    let report;
    try {
      report = await checker.check(note, Object.keys(opts).length ? opts : undefined);
    } catch (e) {
      if (isAbort(e) || run !== latest) return never;
      onError?.(e);
      return [];
    }
    if (run !== latest) return never;
    onReport?.(report, note);
    return toDiagnostics(report, view.state.doc.length, { onFieldEdit, confirm, renderMessage });
  };
}
