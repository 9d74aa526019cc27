// chartlint/textarea: underlines for a plain <textarea> (still common in EMRs), drawn in an
// overlay that mirrors the field's box and text: the field itself is not changed, moved or
// restyled; and for a `contenteditable` element (attachContentEditable), with CSS Custom
// Highlights over its own text, so its DOM is never changed. Clicking or moving the caret into flagged words opens a popover with the reason,
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

/** The popover listing findings with their reason, fix, money and edits (shared by both fields). */
function createPopover(doc, { onFieldEdit, apply }) {
  const element = doc.createElement("div");
  element.className = "chartlint-popover";
  element.setAttribute("role", "dialog");
  element.hidden = true;
  Object.assign(element.style, {
    position: "absolute", zIndex: "1000", maxWidth: "22rem", background: "#fff", color: "#222",
    border: "1px solid #bbb", borderRadius: "6px", padding: "0.5rem 0.75rem", boxShadow: "0 2px 10px rgba(0,0,0,.15)",
    font: "13px/1.4 system-ui, sans-serif",
  });
  const para = (text) => {
    const p = doc.createElement("p");
    p.textContent = text;
    return p;
  };
  const hide = () => {
    element.hidden = true;
    element.textContent = "";
  };
  const show = (findings, anchor) => {
    element.textContent = "";
    if (findings.length === 0) return hide();
    for (const f of findings) {
      const item = doc.createElement("div");
      item.className = "chartlint-popover-finding";
      item.dataset.rule = f.rule;
      const head = doc.createElement("strong");
      head.textContent = `${f.severity}: ${f.rule}`;
      item.append(head, para(f.message));
      if (f.fix) item.append(para(`Fix: ${f.fix}`));
      if (f.amountAtRisk) item.append(para(`At risk: $${f.amountAtRisk}`));
      for (const edit of f.edits ?? []) {
        if (fieldChanges(edit).length && !onFieldEdit) continue;
        const button = doc.createElement("button");
        button.type = "button";
        button.className = `chartlint-edit chartlint-${edit.applicability}`;
        button.textContent = edit.applicability === "safe" ? edit.title : `${edit.title}…`;
        button.addEventListener("mousedown", (e) => e.preventDefault()); // keep the caret
        button.addEventListener("click", () => void apply(edit, f));
        item.append(button);
      }
      element.append(item);
    }
    element.style.left = `${anchor.offsetLeft}px`;
    element.style.top = `${anchor.offsetTop + anchor.offsetHeight + 4}px`;
    element.hidden = false;
  };
  return { element, show, hide };
}

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
  const pop = createPopover(doc, { onFieldEdit, apply: (edit, f) => controller.applyEdit(edit, f) });
  const popover = pop.element;
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

  const hide = () => pop.hide();
  const show = (findings) => pop.show(findings, textarea);

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

// ---- contenteditable --------------------------------------------------------------------

const BLOCKS = new Set(["ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "DD", "DIV", "DL", "DT", "FIELDSET", "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION", "TABLE", "TR", "UL"]);

/**
 * The plain text of a contenteditable element (blocks start a line, `<br>` is a line break,
 * as a browser's own editing writes them) and the DOM point of each UTF-16 offset of it.
 */
export function editableText(root) {
  let text = "";
  const segments = []; // { from, node, length } for text nodes; { from, before, after } for breaks
  const walk = (node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        segments.push({ from: text.length, node: child, length: child.data.length });
        text += child.data;
      } else if (child.nodeType === 1) {
        if (child.nodeName === "BR") {
          segments.push({ from: text.length, br: child });
          text += "\n";
        } else {
          const block = BLOCKS.has(child.nodeName);
          if (block && text.length > 0 && !text.endsWith("\n")) {
            segments.push({ from: text.length, br: null, before: child });
            text += "\n";
          }
          walk(child);
        }
      }
    }
  };
  walk(root);
  /** The DOM point `{ node, offset }` of a text offset. */
  const pointAt = (offset) => {
    const o = Math.min(Math.max(0, offset), text.length);
    let last = { node: root, offset: 0 };
    for (const s of segments) {
      if (s.from > o) break;
      if (s.node) {
        if (o <= s.from + s.length) return { node: s.node, offset: o - s.from };
        last = { node: s.node, offset: s.length };
      } else {
        const el = s.br ?? s.before;
        const parent = el.parentNode;
        const index = Array.prototype.indexOf.call(parent.childNodes, el);
        if (o === s.from) return { node: parent, offset: index };
        last = { node: parent, offset: s.br ? index + 1 : index };
      }
    }
    return last;
  };
  /** The text offset of a DOM point inside the element (`null` outside it). */
  const offsetOf = (node, offset) => {
    for (const s of segments) if (s.node === node) return s.from + Math.min(offset, s.length);
    if (node.nodeType === 1 && root.contains(node)) {
      const child = node.childNodes[offset] ?? null;
      for (const s of segments) {
        const el = s.node ?? s.br ?? s.before;
        if (child && (el === child || child.contains?.(el))) return s.from;
      }
      return text.length;
    }
    return null;
  };
  return { text, pointAt, offsetOf };
}

const styled = new WeakSet(); // documents given the ::highlight() styles
/** The ::highlight() styles, once per document (a constructed sheet: no inline <style>). */
function ensureHighlightStyles(doc) {
  if (styled.has(doc) || typeof doc.defaultView?.CSSStyleSheet !== "function") return;
  styled.add(doc);
  const sheet = new doc.defaultView.CSSStyleSheet();
  sheet.replaceSync(Object.entries(COLOURS)
    .map(([sev, colour]) => `::highlight(chartlint-${sev}) { text-decoration: underline wavy ${colour}; text-decoration-skip-ink: none; }`)
    .join("\n"));
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}

// The highlight registry is one per document: every attached element's ranges, by severity,
// are published together so two fields never erase each other's underlines.
const published = new Map(); // element -> { error: Range[], … }
function publish(win) {
  for (const sev of Object.keys(COLOURS)) {
    const ranges = [...published.values()].flatMap((by) => by[sev] ?? []);
    if (ranges.length) win.CSS.highlights.set(`chartlint-${sev}`, new win.Highlight(...ranges));
    else win.CSS.highlights.delete(`chartlint-${sev}`);
  }
}

/**
 * Attaches chartlint to a `contenteditable` element. The underlines are CSS Custom Highlights
 * (`::highlight(chartlint-error)`, `-warning`, `-info`): ranges over the element's own text,
 * so its DOM is never changed; where the browser has no Highlight API the popover still
 * works. Options as for `attachTextarea`.
 */
export function attachContentEditable(element, { checker, getNote, options, onReport, onError, onFieldEdit, confirm, delay = 150, lane = "chartlint-contenteditable" }) {
  const doc = element.ownerDocument;
  const win = doc.defaultView;
  const highlights = typeof win.Highlight === "function" && win.CSS?.highlights ? win.CSS.highlights : null;
  if (highlights) ensureHighlightStyles(doc);
  const pop = createPopover(doc, { onFieldEdit, apply: (edit, f) => controller.applyEdit(edit, f) });
  element.insertAdjacentElement("afterend", pop.element);
  let report = null;
  let checkedText = null;

  const clearHighlights = () => {
    if (highlights && published.delete(element)) publish(win);
  };
  const draw = () => {
    clearHighlights();
    if (!highlights || !report) return;
    const { text, pointAt } = editableText(element);
    if (text !== checkedText) return;
    const bySeverity = {};
    for (const m of underlines(report, text.length)) {
      if (m.end <= m.start) continue;
      const range = doc.createRange();
      const a = pointAt(m.start);
      const b = pointAt(m.end);
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
      (bySeverity[m.finding.severity] ??= []).push(range);
    }
    published.set(element, bySeverity);
    publish(win);
  };

  const scheduler = createScheduler({
    checker,
    delay,
    lane,
    options,
    getNote: () => ({ ...getNote(), text: editableText(element).text }),
    onReport: (r, note) => {
      report = r;
      checkedText = note.text;
      draw();
      onReport?.(r, note);
    },
    onError,
  });

  const caretOffset = () => {
    const sel = doc.getSelection();
    if (!sel || sel.rangeCount === 0 || !sel.isCollapsed || !element.contains(sel.anchorNode)) return null;
    return editableText(element).offsetOf(sel.anchorNode, sel.anchorOffset);
  };
  const onCaret = () => {
    const at = caretOffset();
    if (at === null || editableText(element).text !== checkedText) return pop.hide();
    pop.show((report?.findings ?? []).filter((f) => f.span && f.span.start <= at && at <= f.span.end), element);
  };
  const onInput = () => {
    pop.hide();
    clearHighlights();
    scheduler.schedule();
  };
  const onKey = (e) => {
    if (e.key === "Escape") pop.hide();
    else if (e.key.startsWith("Arrow") || e.key === "Home" || e.key === "End") queueMicrotask(onCaret);
  };
  const onBlur = (e) => {
    if (!pop.element.contains(e.relatedTarget)) pop.hide();
  };
  element.addEventListener("input", onInput);
  element.addEventListener("click", onCaret);
  element.addEventListener("keyup", onKey);
  element.addEventListener("blur", onBlur);
  scheduler.schedule();

  const controller = {
    popover: pop.element,
    get report() {
      return report;
    },
    refresh: () => scheduler.flush(),
    /**
     * Applies a structured edit: each text change is selected and replaced with the browser's
     * own editing command (so undo and the page's input listeners see it), field changes go
     * through `onFieldEdit`; then checks again. False when declined or stale.
     */
    async applyEdit(edit, finding) {
      if (edit.applicability !== "safe" && confirm && !(await confirm(edit, finding))) return false;
      const changes = textChanges(edit);
      if (changes.length) {
        if (editableText(element).text !== checkedText) return false;
        element.focus();
        for (const c of changes) {
          // From the end backwards (the engine's order): earlier offsets stay valid.
          const { pointAt } = editableText(element);
          const a = pointAt(c.span.start);
          const b = pointAt(c.span.end);
          const range = doc.createRange();
          range.setStart(a.node, a.offset);
          range.setEnd(b.node, b.offset);
          const sel = doc.getSelection();
          sel.removeAllRanges();
          sel.addRange(range);
          const lines = c.replacement.split("\n");
          lines.forEach((line, i) => {
            if (i > 0) doc.execCommand("insertLineBreak");
            if (line) doc.execCommand("insertText", false, line);
            else if (i === 0 && !range.collapsed) doc.execCommand("delete");
          });
        }
      }
      if (fieldChanges(edit).length) await onFieldEdit?.(edit, finding);
      pop.hide();
      await scheduler.flush();
      return true;
    },
    detach() {
      scheduler.cancel();
      clearHighlights();
      element.removeEventListener("input", onInput);
      element.removeEventListener("click", onCaret);
      element.removeEventListener("keyup", onKey);
      element.removeEventListener("blur", onBlur);
      pop.element.remove();
    },
  };
  return controller;
}
