// Drafting and signing in the editor's panel: the stage switch, the checklist, the fix and
// dismiss controls on each finding, the dismissed findings with their reasons, and the Sign
// action with what blocks it. Everything is drawn from the Report; the edits are the
// findings' own structured edits (chartlint never changes the note by itself).
import { el, add, clear, plural } from "./util.js";

/** Drafting | Signing, as two toggle buttons. */
export function stageSwitch(getStage, setStage) {
  const box = el("div", { class: "stage-switch", role: "group", "aria-label": "Stage" });
  const buttons = ["draft", "sign"].map((stage) => el("button", {
    type: "button", class: "btn small", "data-testid": `stage-${stage}`,
    title: stage === "draft"
      ? "Drafting: what is not written yet is a checklist item, not a finding"
      : "Signing: every finding, as the claim will be judged",
    onclick: () => setStage(stage),
  }, stage === "draft" ? "Drafting" : "Signing"));
  const sync = () => {
    for (const b of buttons) b.setAttribute("aria-pressed", String(b.dataset.testid === `stage-${getStage()}`));
  };
  add(box, ...buttons);
  sync();
  return { root: box, sync };
}

/** The checklist: what this note needs, done or not; template items can be inserted. */
export function renderChecklist(root, report, onInsert, onGo) {
  clear(root);
  const items = (report?.checklist ?? []).filter((i) => i.required);
  if (items.length === 0) {
    root.hidden = true;
    return;
  }
  root.hidden = false;
  const done = items.filter((i) => i.done).length;
  add(root,
    el("h3", {}, ["Checklist ", el("span", { class: "count", "data-testid": "checklist-count" }, `${done}/${items.length}`)]),
    el("ul", { class: "checklist", "data-testid": "checklist" }, items.map((i) => el("li", {
      class: i.done ? "done" : "todo", "data-item": i.item, "data-done": String(i.done),
      title: i.done ? "Written" : i.fix ?? "Not written yet",
    }, [
      el("span", { class: "mark", "aria-hidden": "true" }, i.done ? "✓" : "○"),
      el("span", { class: "label" }, i.label),
      !i.done && i.field ? el("button", { type: "button", class: "linkish", onclick: () => onGo(i.field) }, "fill") : null,
      !i.done ? (i.edits ?? []).map((e) => el("button", {
        type: "button", class: "btn small", "data-action": "insert-template", title: e.title, onclick: () => onInsert(e),
      }, "Insert")) : null,
    ].flat()))),
  );
}

/** The fix buttons and the dismiss control of one finding. */
export function findingControls(f, { onApply, onDismiss }) {
  const box = el("div", { class: "finding-controls" });
  for (const edit of f.edits ?? []) {
    add(box, el("button", {
      type: "button", class: `btn small edit-${edit.applicability}`, "data-action": "apply-edit",
      "data-applicability": edit.applicability,
      title: edit.applicability === "safe" ? "Applies this exact change"
        : edit.applicability === "suggested" ? "A choice to confirm" : "Inserts text with placeholders to complete",
      onclick: () => onApply(edit, f),
    }, edit.applicability === "safe" ? `Fix: ${edit.title}` : `${edit.title}…`));
  }
  const dismiss = el("button", { type: "button", class: "linkish", "data-action": "dismiss" }, "Dismiss…");
  dismiss.addEventListener("click", () => {
    clear(box);
    const reason = el("input", { type: "text", class: "dismiss-input", placeholder: "Why is this dismissed?", "aria-label": "Reason for dismissing" });
    const save = el("button", { type: "button", class: "btn small", "data-action": "save-dismissal" }, "Dismiss");
    const commit = () => {
      if (!reason.value.trim()) {
        reason.focus();
        return;
      }
      onDismiss(f, reason.value.trim());
    };
    save.addEventListener("click", commit);
    reason.addEventListener("keydown", (e) => {
      if (e.key === "Enter") commit();
    });
    add(box, reason, save);
    reason.focus();
  });
  add(box, dismiss);
  return box;
}

/** Findings dismissed, with their reasons, and a way back. */
export function renderDismissed(root, report, onRestore) {
  clear(root);
  const list = report?.dismissed ?? [];
  if (list.length === 0) {
    root.hidden = true;
    return;
  }
  root.hidden = false;
  add(root,
    el("h3", {}, ["Dismissed ", el("span", { class: "count" }, String(list.length))]),
    el("ul", { class: "dismissed", "data-testid": "dismissed" }, list.map((d) => el("li", { "data-rule": d.finding.rule }, [
      el("code", { class: "rule-id" }, d.finding.rule),
      el("span", { class: "reason" }, ` — ${d.reason}`),
      d.blocksSigning ? el("span", { class: "tag tag-bad", title: "A dismissed error of this rule still blocks signing until the billed fields are corrected" }, "still blocks signing") : null,
      el("button", { type: "button", class: "linkish", "data-action": "restore", onclick: () => onRestore(d.finding) }, "restore"),
    ]))),
  );
}

/** What blocks signing in a signing report: errors, and dismissed errors that still block. */
export function blockers(report) {
  return [
    ...report.findings.filter((f) => f.severity === "error").map((f) => ({ rule: f.rule, message: f.message, dismissed: false })),
    ...report.dismissed.filter((d) => d.blocksSigning).map((d) => ({ rule: d.finding.rule, message: d.finding.message, dismissed: true })),
  ];
}

/** The Sign action's outcome: signed, or the list of what blocks it. */
export function renderSignOutcome(root, report) {
  clear(root);
  root.hidden = false;
  if (report.readyToSign) {
    add(root, el("p", { class: "signed", "data-testid": "signed", role: "status" }, "Signed. Nothing blocks the claim."));
    return;
  }
  const list = blockers(report);
  add(root,
    el("p", { class: "blocked", role: "alert" }, `Cannot sign: ${plural(list.length, "finding")} block${list.length === 1 ? "s" : ""} the claim.`),
    el("ul", { class: "blockers", "data-testid": "sign-blockers" }, list.map((b) => el("li", { "data-rule": b.rule }, [
      el("code", { class: "rule-id" }, b.rule), ` ${b.message}`, b.dismissed ? " (dismissed, still blocks)" : "",
    ]))),
  );
}
