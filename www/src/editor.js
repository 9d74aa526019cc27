// The note editor: CodeMirror 6 with @codemirror/lint. The lint source is the one place the
// editor calls the engine: it puts the editor's text into the note, asks the checker (a
// `WorkerChecker` from chartlint/worker: the engine runs off the main thread) and turns
// findings with a span into diagnostics (spans are UTF-16 offsets, which are CodeMirror
// positions). Checks share one lane, so a check superseded by newer typing is dropped before
// it runs; a stale answer is never shown. Structured-field edits re-run it through `refresh()`.
import { EditorState, StateEffect } from "@codemirror/state";
import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection, placeholder } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { linter, lintGutter, forceLinting, lintKeymap } from "@codemirror/lint";
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
 * @param {{ getChecker: () => { check(note: any, options?: any): Promise<any> }, getNote: () => any, onReport: (report: any|null, error: Error|null, ms: number) => void }} opts
 */
export function createEditor(parent, { getChecker, getNote, onReport }) {
  let latest = 0;
  const never = new Promise(() => {}); // a superseded run: the newer run sets the diagnostics
  const source = async (view) => {
    const run = ++latest;
    const note = getNote();
    note.text = view.state.doc.toString();
    const t0 = performance.now();
    let report = null;
    try {
      report = await getChecker().check(note, { lane: "editor" });
    } catch (e) {
      if (e?.name === "AbortError" || run !== latest) return never;
      onReport(null, e, performance.now() - t0);
      return [];
    }
    if (run !== latest) return never;
    const ms = performance.now() - t0;
    onReport(report, null, ms);
    const len = view.state.doc.length;
    const diagnostics = [];
    for (const f of report.findings) {
      if (!f.span) continue;
      const from = Math.min(Math.max(0, f.span.start), len);
      const to = Math.min(Math.max(from, f.span.end), len);
      diagnostics.push({
        from, to,
        severity: f.severity,
        source: f.rule,
        message: f.message,
        markClass: `cl-mark cl-${f.rule.replace(/[^a-z0-9]+/gi, "-")}`,
        renderMessage: () => findingDetails(f),
      });
    }
    return diagnostics;
  };

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
    /** Selects a span and scrolls it into view. */
    select(span) {
      const len = view.state.doc.length;
      const from = Math.min(span.start, len), to = Math.min(span.end, len);
      view.dispatch({ selection: { anchor: from, head: to }, effects: EditorView.scrollIntoView(from, { y: "center" }) });
      view.focus();
    },
  };
}
