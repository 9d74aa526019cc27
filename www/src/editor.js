// The note editor: CodeMirror 6 with @codemirror/lint and the package's own adapter
// (chartlint/codemirror), as an EMR would wire it. The lint source puts the editor's text into
// the note, asks the checker (a `WorkerChecker` from chartlint/worker: the engine runs off the
// main thread) with the current stage and dismissals, and turns findings with a span into
// diagnostics whose actions are the findings' structured edits. Checks share one lane, so a
// check superseded by newer typing is dropped before it runs; a stale answer is never shown.
// Structured-field edits re-run it through `refresh()`.
import { EditorState, StateEffect } from "@codemirror/state";
import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection, placeholder } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { linter, lintGutter, forceLinting, lintKeymap } from "@codemirror/lint";
import { chartlintSource, applyEditToView } from "chartlint/codemirror";
import { formatMoney, el } from "./util.js";

const fieldsChanged = StateEffect.define();
export const LINT_DELAY_MS = 120;

/** Tooltip body for one finding: message, fix, source, money at risk. */
export function findingDetails(f) {
  return el("div", { class: "finding-tip" }, [
    el("div", { class: "tip-head" }, [
      el("span", { class: `sev sev-${f.severity}` }, f.severity),
      el("code", { class: "rule-id" }, f.rule),
    ]),
    el("p", { class: "tip-message" }, f.message),
    f.fix ? el("p", { class: "tip-fix" }, [el("strong", {}, "Fix: "), f.fix]) : null,
    f.amountAtRisk ? el("p", { class: "tip-money" }, [el("strong", {}, "At risk: "), formatMoney(f.amountAtRisk)]) : null,
    el("p", { class: "tip-source" }, f.source),
  ]);
}

/**
 * @param {HTMLElement} parent
 * @param {{ checker: any, getNote: () => any, getOptions: () => any, onReport: (report: any|null, error: Error|null, ms: number) => void, onFieldEdit: (edit: any, finding: any) => void, confirm: (edit: any, finding: any) => boolean }} opts
 */
export function createEditor(parent, { checker, getNote, getOptions, onReport, onFieldEdit, confirm }) {
  let t0 = 0;
  // The checker, timed: the panel shows how long each check took.
  const timed = {
    call: (...args) => checker.call(...args),
    check(note, options) {
      t0 = performance.now();
      return checker.check(note, options);
    },
  };
  const source = chartlintSource({
    checker: timed,
    getNote,
    options: getOptions,
    lane: "editor",
    onReport: (report, checked) => {
      getNote().text = checked.text; // the note keeps the text its report is about
      onReport(report, null, performance.now() - t0);
    },
    onError: (e) => onReport(null, e, performance.now() - t0),
    onFieldEdit,
    confirm,
    renderMessage: findingDetails,
  });

  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: "",
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        EditorView.lineWrapping,
        placeholder("Write the note here: S/O/A/P, goals, interventions and minutes, response, plan, signature…"),
        keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap]),
        linter(source, {
          delay: LINT_DELAY_MS,
          needsRefresh: (u) => u.transactions.some((tr) => tr.effects.some((e) => e.is(fieldsChanged))),
        }),
        lintGutter(),
        EditorView.contentAttributes.of({ "aria-label": "Note text", spellcheck: "true" }),
      ],
    }),
  });

  return {
    view,
    /** Replaces the whole text (loading a note) and checks at once. */
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, effects: fieldsChanged.of(null) });
      forceLinting(view);
    },
    /** Re-checks now (after a structured field changed). */
    refresh() {
      view.dispatch({ effects: fieldsChanged.of(null) });
      forceLinting(view);
    },
    /**
     * Applies a finding's structured edit (from the panel's buttons): text changes in the
     * editor as one transaction, field changes through `onFieldEdit`; then checks again.
     */
    async applyEdit(edit, finding) {
      const applied = await applyEditToView(view, edit, finding, { onFieldEdit, confirm });
      if (applied) this.refresh();
      return applied;
    },
    /** Selects a span and scrolls it into view. */
    select(span) {
      const len = view.state.doc.length;
      const from = Math.min(span.start, len), to = Math.min(span.end, len);
      view.dispatch({ selection: { anchor: from, head: to }, effects: EditorView.scrollIntoView(from, { y: "center" }) });
      view.focus();
    },
  };
}
