// The charting editor page: sample picker and structured fields | CodeMirror note | side
// panel (sign-off state, findings, billing, evaluation, elements).
import { el, add, clear, plural } from "./util.js";
import { createEditor } from "./editor.js";
import { renderFields, focusField } from "./fields.js";
import { renderStatus, renderFindings, renderBilling, renderEvaluation, renderElements } from "./panel.js";
import { stageSwitch, renderChecklist, findingControls, renderDismissed, renderSignOutcome } from "./drafting.js";
import { applyEdit } from "chartlint/editing";
import { SAMPLES } from "./samples.js";

export function mountEditorView(root, app) {
  let note = structuredClone(SAMPLES[0].note);
  let context = null; // { row, label } when the note came from the batch audit
  let noteKey = `sample:${SAMPLES[0].key}`; // whose dismissals apply
  let stage = "sign"; // finished samples are checked as at signing; a blank note starts as a draft
  let signRequested = false;

  const picker = el("select", { id: "sample-picker", "aria-label": "Sample note" }, [
    ...groupedOptions(),
  ]);
  const expect = el("p", { class: "expect" });
  const fieldsRoot = el("form", { class: "fields", "aria-label": "Structured fields", onsubmit: (e) => e.preventDefault() });
  const cmHost = el("div", { class: "cm-host" });
  const contextBar = el("div", { class: "context-bar", hidden: true });
  const stats = el("span", { class: "stats", "data-testid": "check-time" });
  const statusRoot = el("div", { class: "status" });
  const findingsCount = el("span", { class: "count" });
  const findingsRoot = el("div", { class: "findings-root" });
  const billingRoot = el("div", { class: "billing-root" });
  const evalRoot = el("section", { class: "panel-section eval", hidden: true });
  const elementsRoot = el("section", { class: "panel-section elements-root", hidden: true });
  const checklistRoot = el("section", { class: "panel-section checklist-root", hidden: true });
  const dismissedRoot = el("section", { class: "panel-section dismissed-root", hidden: true });
  const signOutcome = el("div", { class: "sign-outcome", "data-testid": "sign-outcome", hidden: true });
  const signButton = el("button", { type: "button", class: "btn primary", "data-testid": "sign" }, "Sign");
  const setStage = (s) => {
    if (s === stage) return;
    stage = s;
    stages.sync();
    signOutcome.hidden = true;
    editor.refresh();
  };
  const stages = stageSwitch(() => stage, setStage);
  signButton.addEventListener("click", () => {
    // Signing is judged on a signing check: switch to it (or re-check) and show the outcome.
    signRequested = true;
    if (stage !== "sign") setStage("sign");
    else editor.refresh();
  });
  const dismissalsOfNote = () => {
    if (!app.dismissals.has(noteKey)) app.dismissals.set(noteKey, new Map());
    return app.dismissals.get(noteKey);
  };
  const onDismiss = (f, reason) => {
    dismissalsOfNote().set(f.fingerprint, { reason, rule: f.rule });
    editor.refresh();
  };
  const onRestore = (f) => {
    dismissalsOfNote().delete(f.fingerprint);
    editor.refresh();
  };
  // Field edits apply to the structured note (the fields form is redrawn); text edits go
  // through the editor.
  const onFieldEdit = (edit) => {
    const next = applyEdit(note, edit);
    for (const k of Object.keys(note)) delete note[k];
    Object.assign(note, next);
    renderFields(fieldsRoot, note, onFieldsChange);
    editor.refresh(); // also when applied from the editor's tooltip: fields are not its text
  };
  const confirmEdit = (edit) => edit.applicability === "template" || window.confirm(`${edit.title}?`);

  const activate = (f) => {
    if (f.span) editor.select(f.span);
    else if (f.field) focusField(fieldsRoot, f.field);
  };

  let lastReport = null;
  let passes = 0;
  const onReport = (report, error, ms) => {
    lastReport = report;
    stats.dataset.pass = String(++passes);
    stats.dataset.ms = String(ms);
    stats.textContent = `checked in ${ms < 1 ? ms.toFixed(2) : ms.toFixed(1)} ms`;
    renderStatus(statusRoot, report, error);
    if (error) {
      findingsCount.textContent = "";
      clear(findingsRoot).append(el("p", { class: "empty" }, "Fix the field named above to see the findings."));
      const path = /^([\w.[\]]+):/.exec(error.message)?.[1];
      if (path) findingsRoot.append(el("button", { type: "button", class: "btn small", onclick: () => focusField(fieldsRoot, path) }, `Go to ${path}`));
      return;
    }
    findingsCount.textContent = String(report.findings.length);
    renderFindings(findingsRoot, report.findings, activate, {
      renderExtra: (f) => [
        findingControls(f, { onApply: (edit) => editor.applyEdit(edit, f), onDismiss }),
        context ? app.audit.falseAlarmControl(context.row, f) : null,
      ],
    });
    renderChecklist(checklistRoot, report, (edit) => editor.applyEdit(edit, null), (field) => focusField(fieldsRoot, field));
    renderDismissed(dismissedRoot, report, onRestore);
    stats.dataset.stage = report.stage;
    if (signRequested && report.stage === "sign") {
      signRequested = false;
      renderSignOutcome(signOutcome, report);
    }
    renderBilling(billingRoot, report, note);
    renderEvaluation(evalRoot, report, (s) => editor.select(s));
    renderElements(elementsRoot, report, (s) => editor.select(s));
  };

  const editor = createEditor(cmHost, {
    checker: app.checker,
    getNote: () => note,
    getOptions: () => ({ stage, dismissed: app.dismissedFor(noteKey) }),
    onReport,
    onFieldEdit,
    confirm: confirmEdit,
  });

  const onFieldsChange = () => editor.refresh();
  const load = (n, ctx = null, key = ctx ? `audit:${ctx.row}` : "blank", startStage = "sign") => {
    note = structuredClone(n);
    note.text ??= "";
    context = ctx;
    noteKey = key;
    stage = startStage;
    stages.sync();
    signOutcome.hidden = true;
    signRequested = false;
    if (ctx) {
      add(clear(contextBar), 
        el("span", {}, [el("strong", {}, "Audit: "), ctx.label]),
        el("span", { class: "muted" }, "Mark false alarms in the findings panel; the marks go with the export."),
        el("button", { type: "button", class: "btn small", onclick: () => app.show("audit") }, "← Back to the audit"),
      );
      contextBar.hidden = false;
    } else contextBar.hidden = true;
    renderFields(fieldsRoot, note, onFieldsChange);
    editor.setText(note.text);
  };
  // Note type or discipline changes the evaluation fields shown: re-render on those.
  fieldsRoot.addEventListener("change", (e) => {
    const f = e.target.getAttribute?.("data-field");
    if (f === "noteType" || f === "discipline") {
      renderFields(fieldsRoot, note, onFieldsChange);
      fieldsRoot.querySelector(`[data-field="${f}"]`)?.focus();
    }
  });

  picker.addEventListener("change", () => {
    const s = SAMPLES.find((x) => x.key === picker.value);
    if (s) {
      expect.textContent = s.expect;
      load(s.note, null, `sample:${s.key}`);
    } else if (picker.value === "blank") {
      expect.textContent = "Start from an empty note: while drafting, what is not written yet is a checklist, not an error.";
      load(blankNote(), null, "blank", "draft");
    }
  });

  root.append(el("div", { class: "editor-layout" }, [
    el("aside", { class: "fields-col" }, [
      el("div", { class: "picker" }, [el("label", { for: "sample-picker" }, "Sample note"), picker, expect]),
      fieldsRoot,
    ]),
    el("div", { class: "editor-col" }, [
      contextBar,
      el("div", { class: "editor-head" }, [
        el("h2", {}, "Note"),
        el("span", { class: "hint" }, "Findings are underlined as you type; hover for the reason, the fix and the money."),
        stages.root,
        stats,
      ]),
      cmHost,
    ]),
    el("aside", { class: "panel-col", "aria-label": "Findings and billing" }, [
      statusRoot,
      el("div", { class: "sign-row" }, [signButton, signOutcome]),
      checklistRoot,
      el("section", { class: "panel-section" }, [el("h3", {}, ["Findings ", findingsCount]), findingsRoot]),
      dismissedRoot,
      el("section", { class: "panel-section" }, [el("h3", {}, "Billing"), billingRoot]),
      evalRoot,
      elementsRoot,
    ]),
  ]));

  picker.value = SAMPLES[0].key;
  expect.textContent = SAMPLES[0].expect;
  load(SAMPLES[0].note, null, `sample:${SAMPLES[0].key}`);

  return {
    view: editor.view,
    editor,
    load,
    get note() { return note; },
    get report() { return lastReport; },
    get stage() { return stage; },
    setStage,
    openFromAudit(n, ctx) {
      picker.value = "";
      expect.textContent = `${ctx.label} (${plural(ctx.findings ?? 0, "finding")} in the audit)`;
      load(n, ctx);
      app.show("editor");
    },
  };
}

function groupedOptions() {
  const groups = { PT: [], OT: [], SLP: [] };
  for (const s of SAMPLES) groups[s.note.discipline].push(el("option", { value: s.key }, s.title));
  return [
    ...Object.entries(groups).map(([d, opts]) => el("optgroup", { label: { PT: "Physical therapy", OT: "Occupational therapy", SLP: "Speech-language pathology" }[d] }, opts)),
    el("optgroup", { label: "Other" }, [el("option", { value: "blank" }, "Blank note")]),
  ];
}

function blankNote() {
  return {
    discipline: "PT", noteType: "daily", dateOfService: new Date().toISOString().slice(0, 10),
    payer: { kind: "medicare" }, provider: { role: "PT", name: "", credentials: "" },
    lines: [{ code: "97110", minutes: null, units: 1, modifiers: ["GP"] }],
    text: "",
  };
}
