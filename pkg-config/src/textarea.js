// chartlint/textarea: underlines for a plain <textarea> (still common in EMRs), drawn in an
// overlay that mirrors the field's box and text: the field itself is not changed, moved or
// restyled. Clicking or moving the caret into flagged words opens a popover with the reason,
// the fix, the money at stake and the finding's structured edits as buttons.
//
//   import { attachTextarea } from "chartlint/textarea";
//   const lint = attachTextarea(textarea, { checker, getNote: () => note, options: () => ({ stage }) });
//   lint.report; lint.refresh(); lint.detach();
//
// Checks are debounced and superseded (through chartlint/worker's lanes with a WorkerChecker);
// the text never leaves the page.
import { createScheduler, underlines, runs, textChanges, fieldChanges, clampSpan } from "./editing.js";

const MIRRORED = [
  "boxSizing", "width", "height", "paddingTop", "paddingRight", "paddingBottom", "paddingLeft",
  "borderTopWidth", "borderRightWidth", "borderBottomWidth", "borderLeftWidth", "borderTopStyle",
  "borderRightStyle", "borderBottomStyle", "borderLeftStyle", "fontFamily", "fontSize", "fontWeight",
  "fontStyle", "lineHeight", "letterSpacing", "wordSpacing", "textIndent", "textTransform",
  "tabSize", "direction",
];
const COLOURS = { error: "#d93025", warning: "#e8a200", info: "#1a73e8" };

/**
 * Attaches chartlint to a textarea. `getNote()` gives the structured note (its `text` is the
 * field's value); `options()` the check options; `onReport(report, note)` sees each report;
 * `onFieldEdit(edit, finding)` applies edits of structured fields; `confirm(edit, finding)` is
 * asked before a non-safe edit; `delay`: ms of quiet before checking (default 150).
 */
export function attachTextarea(textarea, { checker, getNote, options, onReport, onError, onFieldEdit, confirm, delay = 150, lane = "chartlint-textarea" }) {
  const doc = textarea.ownerDocument;
  const win = doc.defaultView;
  const overlay = doc.createElement("div");
  overlay.className = "chartlint-overlay";
  overlay.setAttribute("aria-hidden", "true");
  const popover = doc.createElement("div");
  popover.className = "chartlint-popover";
  popover.setAttribute("role", "dialog");
  popover.hidden = true;
  Object.assign(popover.style, {
    position: "absolute", zIndex: "1000", maxWidth: "22rem", background: "#fff", color: "#222",
    border: "1px solid #bbb", borderRadius: "6px", padding: "0.5rem 0.75rem", boxShadow: "0 2px 10px rgba(0,0,0,.15)",
    font: "13px/1.4 system-ui, sans-serif",
  });
  textarea.insertAdjacentElement("afterend", overlay);
  overlay.insertAdjacentElement("afterend", popover);

  let report = null;
  let checkedText = null;

  const place = () => {
    const cs = win.getComputedStyle(textarea);
    for (const p of MIRRORED) overlay.style[p] = cs[p];
    Object.assign(overlay.style, {
      position: "absolute", pointerEvents: "none", overflow: "hidden", whiteSpace: "pre-wrap",
      overflowWrap: "break-word", color: "transparent", background: "transparent", borderColor: "transparent",
      margin: "0", left: `${textarea.offsetLeft}px`, top: `${textarea.offsetTop}px`,
      width: `${textarea.offsetWidth}px`, height: `${textarea.offsetHeight}px`,
    });
    // The field's scrollbar narrows its text box: match it.
    const scrollbar = textarea.offsetWidth - textarea.clientWidth - parseFloat(cs.borderLeftWidth) - parseFloat(cs.borderRightWidth);
    overlay.style.paddingRight = `${parseFloat(cs.paddingRight) + Math.max(0, scrollbar)}px`;
    overlay.scrollTop = textarea.scrollTop;
    overlay.scrollLeft = textarea.scrollLeft;
  };

  const draw = () => {
    place();
    overlay.textContent = "";
    const text = textarea.value;
    if (!report || text !== checkedText) return; // stale: the next report redraws
    for (const run of runs(text, underlines(report, text.length))) {
      if (run.findings.length === 0) {
        overlay.append(doc.createTextNode(run.text));
        continue;
      }
      const worst = run.findings.find((f) => f.severity === "error") ?? run.findings.find((f) => f.severity === "warning") ?? run.findings[0];
      const mark = doc.createElement("mark");
      mark.className = `chartlint-mark chartlint-${worst.severity}`;
      mark.dataset.rule = worst.rule;
      mark.dataset.start = String(run.start);
      mark.textContent = run.text;
      Object.assign(mark.style, {
        color: "transparent", background: "transparent",
        textDecoration: `underline wavy ${COLOURS[worst.severity] ?? COLOURS.info}`, textDecorationSkipInk: "none",
        textUnderlineOffset: "3px",
      });
      overlay.append(mark);
    }
    // A trailing newline needs a character after it to take its line in the mirror.
    overlay.append(doc.createTextNode("\u200b"));
    overlay.scrollTop = textarea.scrollTop;
  };

  const scheduler = createScheduler({
    checker,
    delay,
    lane,
    options,
    getNote: () => ({ ...getNote(), text: textarea.value }),
    onReport: (r, note) => {
      report = r;
      checkedText = note.text;
      draw();
      onReport?.(r, note);
    },
    onError,
  });

  const findingsAt = (offset) =>
    (report?.findings ?? []).filter((f) => f.span && f.span.start <= offset && offset <= f.span.end && checkedText === textarea.value);

  const hide = () => {
    popover.hidden = true;
    popover.textContent = "";
  };

  const show = (findings) => {
    popover.textContent = "";
    if (findings.length === 0) return hide();
    for (const f of findings) {
      const item = doc.createElement("div");
      item.className = "chartlint-popover-finding";
      item.dataset.rule = f.rule;
      const head = doc.createElement("strong");
      head.textContent = `${f.severity}: ${f.rule}`;
      const msg = doc.createElement("p");
      msg.textContent = f.message;
      item.append(head, msg);
      if (f.fix) {
        const fix = doc.createElement("p");
        fix.textContent = `Fix: ${f.fix}`;
        item.append(fix);
      }
      if (f.amountAtRisk) {
        const money = doc.createElement("p");
        money.textContent = `At risk: $${f.amountAtRisk}`;
        item.append(money);
      }
      for (const edit of f.edits ?? []) {
        if (fieldChanges(edit).length && !onFieldEdit) continue;
        const button = doc.createElement("button");
        button.type = "button";
        button.className = `chartlint-edit chartlint-${edit.applicability}`;
        button.textContent = edit.applicability === "safe" ? edit.title : `${edit.title}…`;
        button.addEventListener("mousedown", (e) => e.preventDefault()); // keep the caret
        button.addEventListener("click", () => void controller.applyEdit(edit, f));
        item.append(button);
      }
      popover.append(item);
    }
    popover.style.left = `${textarea.offsetLeft}px`;
    popover.style.top = `${textarea.offsetTop + textarea.offsetHeight + 4}px`;
    popover.hidden = false;
  };

  const onCaret = () => {
    if (textarea.selectionStart !== textarea.selectionEnd) return hide();
    show(findingsAt(textarea.selectionStart));
  };
  const onInput = () => {
    hide();
    draw(); // clears stale underlines at once
    scheduler.schedule();
  };
  const onScroll = () => {
    overlay.scrollTop = textarea.scrollTop;
    overlay.scrollLeft = textarea.scrollLeft;
  };
  const onKey = (e) => {
    if (e.key === "Escape") hide();
    else if (e.key.startsWith("Arrow") || e.key === "Home" || e.key === "End") queueMicrotask(onCaret);
  };
  const onBlur = (e) => {
    if (!popover.contains(e.relatedTarget)) hide();
  };
  textarea.addEventListener("input", onInput);
  textarea.addEventListener("scroll", onScroll);
  textarea.addEventListener("click", onCaret);
  textarea.addEventListener("keyup", onKey);
  textarea.addEventListener("blur", onBlur);
  const resize = typeof win.ResizeObserver === "function" ? new win.ResizeObserver(() => draw()) : null;
  resize?.observe(textarea);
  scheduler.schedule();

  const controller = {
    overlay,
    popover,
    /** The last report (`null` before the first check). */
    get report() {
      return report;
    },
    /** Checks now (after the structured fields or the options changed). */
    refresh: () => scheduler.flush(),
    /**
     * Applies a structured edit: text changes to the field (one input event, so the EMR's
     * own listeners see it), field changes through `onFieldEdit`; then checks again.
     * Returns false when not applied (declined, or the text moved since the report).
     */
    async applyEdit(edit, finding) {
      if (edit.applicability !== "safe" && confirm && !(await confirm(edit, finding))) return false;
      const changes = textChanges(edit);
      if (changes.length) {
        if (textarea.value !== checkedText) return false;
        let text = textarea.value;
        for (const c of changes) {
          const { start, end } = clampSpan(c.span, text.length);
          text = text.slice(0, start) + c.replacement + text.slice(end);
        }
        textarea.value = text;
        textarea.dispatchEvent(new win.Event("input", { bubbles: true }));
      }
      if (fieldChanges(edit).length) await onFieldEdit?.(edit, finding);
      hide();
      await scheduler.flush();
      return true;
    },
    /** Removes the overlay and the listeners; the field is as it was. */
    detach() {
      scheduler.cancel();
      resize?.disconnect();
      textarea.removeEventListener("input", onInput);
      textarea.removeEventListener("scroll", onScroll);
      textarea.removeEventListener("click", onCaret);
      textarea.removeEventListener("keyup", onKey);
      textarea.removeEventListener("blur", onBlur);
      overlay.remove();
      popover.remove();
    },
  };
  return controller;
}
