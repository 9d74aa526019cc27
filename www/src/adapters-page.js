// The adapters page: one WorkerChecker, three editors, each wired only through the package's
// adapters, the way an EMR would: a plain <textarea> and a contenteditable field
// (chartlint/textarea) and ProseMirror (chartlint/prosemirror). Each lists its findings with their fixes and a Dismiss button
// (dismissals go in the check options); the Chromium tests drive both.
import { WorkerChecker } from "chartlint/worker";
import { attachTextarea, attachContentEditable, editableText } from "chartlint/textarea";
import { chartlintPlugin, plainText } from "chartlint/prosemirror";
import { applyEdit } from "chartlint/editing";
import wasmUrl from "chartlint/chartlint_bg.wasm?url";
import { EditorState, Plugin, PluginKey } from "prosemirror-state";
import { EditorView, Decoration, DecorationSet } from "prosemirror-view";
import { schema } from "prosemirror-schema-basic";
import { keymap } from "prosemirror-keymap";
import { baseKeymap } from "prosemirror-commands";
import "prosemirror-view/style/prosemirror.css";
import "./style.css";
import { el, add, clear } from "./util.js";
import { SAMPLES } from "./samples.js";

const SAMPLE = SAMPLES.find((s) => s.key === "pt-daily-overbilled");

/** A findings list with the edits as buttons and a Dismiss button per finding. */
function renderList(root, report, { onApply, onDismiss }) {
  clear(root);
  if (!report) return;
  add(root, el("ul", { class: "findings" }, report.findings.map((f) => el("li", { class: `finding sev-${f.severity}`, "data-rule": f.rule }, [
    el("div", { class: "finding-head" }, [el("span", { class: `sev sev-${f.severity}` }, f.severity), el("code", { class: "rule-id" }, f.rule)]),
    el("div", { class: "finding-message" }, f.message),
    el("div", { class: "finding-controls" }, [
      ...f.edits.map((e) => el("button", { type: "button", class: "btn small", "data-action": "apply-edit", "data-applicability": e.applicability, onclick: () => onApply(e, f) }, e.title)),
      el("button", { type: "button", class: "linkish", "data-action": "dismiss", onclick: () => onDismiss(f) }, "Dismiss"),
    ]),
  ]))));
  if (report.dismissed.length) add(root, el("p", { class: "muted", "data-testid": "dismissed-count" }, `${report.dismissed.length} dismissed`));
}

async function boot() {
  const module = await WebAssembly.compileStreaming(fetch(wasmUrl));
  const checker = new WorkerChecker(undefined, { wasm: module });
  await checker.ready;
  // The structured part of the note is shared; each editor holds its own text.
  const notes = { textarea: structuredClone(SAMPLE.note), contenteditable: structuredClone(SAMPLE.note), prosemirror: structuredClone(SAMPLE.note) };
  const dismissed = { textarea: [], contenteditable: [], prosemirror: [] };
  const reports = { textarea: null, contenteditable: null, prosemirror: null };
  const fieldEdit = (which) => (edit) => {
    notes[which] = { ...applyEdit(notes[which], edit), text: notes[which].text };
  };

  // 1. The plain textarea.
  const textarea = document.getElementById("plain");
  textarea.value = SAMPLE.note.text;
  const plainList = document.querySelector("[data-testid=textarea-findings]");
  const plain = attachTextarea(textarea, {
    checker,
    getNote: () => notes.textarea,
    options: () => ({ stage: "sign", dismissed: dismissed.textarea }),
    onReport: (report) => {
      reports.textarea = report;
      renderList(plainList, report, {
        onApply: (edit, f) => plain.applyEdit(edit, f),
        onDismiss: (f) => {
          dismissed.textarea.push({ fingerprint: f.fingerprint, reason: "Reviewed on the adapters page." });
          plain.refresh();
        },
      });
      plainList.dataset.pass = String(Number(plainList.dataset.pass ?? 0) + 1);
    },
    onFieldEdit: fieldEdit("textarea"),
    confirm: (edit) => edit.applicability !== "suggested" || window.confirm(`${edit.title}?`),
  });

  // 2. A contenteditable field: the note's lines as <div>s, as a browser's editing writes them.
  const editable = document.getElementById("editable");
  editable.replaceChildren(...SAMPLE.note.text.split("\n").map((line) => el("div", {}, line || el("br"))));
  const editableList = document.querySelector("[data-testid=contenteditable-findings]");
  const rich2 = attachContentEditable(editable, {
    checker,
    getNote: () => notes.contenteditable,
    options: () => ({ stage: "sign", dismissed: dismissed.contenteditable }),
    onReport: (report) => {
      reports.contenteditable = report;
      renderList(editableList, report, {
        onApply: (edit, f) => rich2.applyEdit(edit, f),
        onDismiss: (f) => {
          dismissed.contenteditable.push({ fingerprint: f.fingerprint, reason: "Reviewed on the adapters page." });
          rich2.refresh();
        },
      });
      editableList.dataset.pass = String(Number(editableList.dataset.pass ?? 0) + 1);
    },
    onFieldEdit: fieldEdit("contenteditable"),
    confirm: (edit) => edit.applicability !== "suggested" || window.confirm(`${edit.title}?`),
  });

  // 3. ProseMirror: the note's lines as paragraphs.
  const richList = document.querySelector("[data-testid=prosemirror-findings]");
  const lint = chartlintPlugin({
    pm: { Plugin, PluginKey, Decoration, DecorationSet },
    checker,
    getNote: () => notes.prosemirror,
    options: () => ({ stage: "sign", dismissed: dismissed.prosemirror }),
    onReport: (report) => {
      reports.prosemirror = report;
      renderList(richList, report, {
        onApply: (edit, f) => lint.applyEdit(view, edit, f).then(() => lint.refresh()),
        onDismiss: (f) => {
          dismissed.prosemirror.push({ fingerprint: f.fingerprint, reason: "Reviewed on the adapters page." });
          lint.refresh();
        },
      });
      richList.dataset.pass = String(Number(richList.dataset.pass ?? 0) + 1);
    },
    onFieldEdit: fieldEdit("prosemirror"),
  });
  const doc = schema.node("doc", null, SAMPLE.note.text.split("\n").map((line) => schema.node("paragraph", null, line ? [schema.text(line)] : [])));
  const view = new EditorView(document.getElementById("rich"), {
    state: EditorState.create({ doc, plugins: [keymap(baseKeymap), lint.plugin] }),
    attributes: { "aria-label": "Note text (rich text)", spellcheck: "true" },
  });

  window.__adapters = { checker, plain, editable: rich2, lint, view, notes, reports, dismissed, plainText, editableText };
  document.body.dataset.ready = "true";
}

boot().catch((e) => {
  document.body.dataset.error = String(e?.message ?? e);
  console.error(e);
});
