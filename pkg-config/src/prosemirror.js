// chartlint/prosemirror: a ProseMirror plugin (works under TipTap) that checks the document's
// plain text, decorates the flagged words and applies the findings' structured edits. It
// imports nothing: pass the classes of the ProseMirror you already have (from
// "prosemirror-state"/"prosemirror-view", or "@tiptap/pm/state"/"@tiptap/pm/view"), so there
// is never a second copy of ProseMirror in the bundle.
//
//   import { Plugin, PluginKey } from "prosemirror-state";
//   import { Decoration, DecorationSet } from "prosemirror-view";
//   import { chartlintPlugin } from "chartlint/prosemirror";
//   const lint = chartlintPlugin({ pm: { Plugin, PluginKey, Decoration, DecorationSet }, checker, getNote });
//   EditorState.create({ doc, plugins: [lint.plugin] });
//   lint.findings(view.state); lint.applyEdit(view, finding.edits[0]);
//
// The note's text is the document's plain text: text blocks joined by "\n", a hard break is
// "\n". Spans of the report (UTF-16 offsets of that text) map to document positions.
import { createScheduler, textChanges, fieldChanges, clampSpan } from "./editing.js";

/**
 * The plain text of a ProseMirror node (text blocks joined by "\n"; inline leaves such as hard
 * breaks are "\n") and `posAt(offset)`: the document position of a UTF-16 offset of that text.
 */
export function plainText(doc) {
  let text = "";
  // Text nodes: text[from, from + length) is at doc[pos, pos + length). Separators ("\n"
  // between text blocks, inline leaves): offset `from` is at `before`, `from + 1` at `after`.
  const segments = [];
  let blocks = 0;
  let lastBlockEnd = 0;
  let firstBlockStart = null;
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      if (blocks++ > 0) {
        segments.push({ from: text.length, separator: true, before: lastBlockEnd, after: pos + 1 });
        text += "\n";
      } else firstBlockStart = pos + 1;
      lastBlockEnd = pos + node.nodeSize - 1;
      return true;
    }
    if (node.isText) {
      segments.push({ from: text.length, pos, length: node.text.length });
      text += node.text;
      return false;
    }
    if (node.isInline && node.isLeaf) {
      segments.push({ from: text.length, separator: true, before: pos, after: pos + node.nodeSize });
      text += "\n";
      return false;
    }
    return true;
  });
  const posAt = (offset) => {
    const o = Math.min(Math.max(0, offset), text.length);
    let after = null;
    for (const s of segments) {
      if (s.from > o) break;
      if (s.separator) {
        if (s.from === o) return s.before;
        if (s.from + 1 === o) after = s.after;
      } else if (o <= s.from + s.length) {
        return s.pos + (o - s.from);
      }
    }
    return after ?? firstBlockStart ?? 0;
  };
  return { text, posAt };
}

/**
 * The plugin and its helpers. `pm`: `{ Plugin, PluginKey, Decoration, DecorationSet }`.
 * `getNote()` gives the structured note (its `text` is replaced by the document's);
 * `options()` the check options (`stage`, `dismissed`); `onReport(report, note)` sees every
 * report applied; `onFieldEdit(edit, finding)` applies edits of structured fields; `delay`:
 * ms of quiet before checking (default 150).
 */
export function chartlintPlugin({ pm, checker, getNote, options, onReport, onError, onFieldEdit, delay = 150, lane = "chartlint-prosemirror", className = "cl-mark" }) {
  const { Plugin, PluginKey, Decoration, DecorationSet } = pm;
  const key = new PluginKey("chartlint");

  const decorate = (doc, report) => {
    const { text, posAt } = plainText(doc);
    const decos = [];
    for (const f of report?.findings ?? []) {
      if (!f.span) continue;
      const { start, end } = clampSpan(f.span, text.length);
      const from = posAt(start);
      const to = posAt(end);
      if (to > from) {
        decos.push(Decoration.inline(from, to, { class: `${className} ${className}-${f.severity}`, "data-rule": f.rule, title: f.message }, { finding: f }));
      }
    }
    return DecorationSet.create(doc, decos);
  };

  const plugin = new Plugin({
    key,
    state: {
      init: (_, state) => ({ report: null, doc: state.doc, decorations: DecorationSet.empty }),
      apply(tr, value, _old, state) {
        const meta = tr.getMeta(key);
        if (meta && meta.doc === state.doc) return { report: meta.report, doc: state.doc, decorations: decorate(state.doc, meta.report) };
        if (tr.docChanged) return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) };
        return value;
      },
    },
    props: {
      decorations: (state) => key.getState(state)?.decorations,
    },
    view(view) {
      let checked = null; // the doc the running check reads
      const scheduler = createScheduler({
        checker,
        delay,
        lane,
        options,
        getNote: () => {
          checked = view.state.doc;
          return { ...getNote(), text: plainText(checked).text };
        },
        onReport: (report, note) => {
          if (view.state.doc !== checked) return; // the text moved on: a newer check is due
          view.dispatch(view.state.tr.setMeta(key, { report, doc: checked }));
          onReport?.(report, note);
        },
        onError,
      });
      scheduler.schedule();
      controller.view = view;
      controller.scheduler = scheduler;
      return {
        update(v, prev) {
          if (v.state.doc !== prev.doc) scheduler.schedule();
        },
        destroy() {
          scheduler.cancel();
          controller.view = null;
        },
      };
    },
  });

  const controller = { view: null, scheduler: null };

  return {
    plugin,
    key,
    /** The findings of the last report applied to this state. */
    findings: (state) => key.getState(state)?.report?.findings ?? [],
    /** The last report applied to this state (`null` before the first check). */
    report: (state) => key.getState(state)?.report ?? null,
    /** Checks now (after the structured fields or the options changed). */
    refresh: () => controller.scheduler?.flush(),
    /**
     * Applies a structured edit in the view: text changes as one transaction (mapped from
     * the checked text to document positions), field changes through `onFieldEdit`.
     * Returns false when the document changed since the report (re-check first).
     */
    async applyEdit(view, edit, finding) {
      const state = key.getState(view.state);
      const changes = textChanges(edit);
      if (changes.length) {
        if (!state || state.doc !== view.state.doc) return false;
        const { posAt } = plainText(view.state.doc);
        let tr = view.state.tr;
        for (const c of changes) {
          // The engine orders text changes from the end backwards: positions do not shift.
          const from = posAt(c.span.start);
          const to = posAt(c.span.end);
          if (c.replacement.includes("\n")) {
            const parts = c.replacement.split("\n");
            tr = tr.insertText(parts[parts.length - 1], from, to);
            for (let i = parts.length - 2; i >= 0; i--) {
              tr = tr.split(from);
              if (parts[i]) tr = tr.insertText(parts[i], from);
            }
          } else {
            tr = tr.insertText(c.replacement, from, to);
          }
        }
        view.dispatch(tr);
      }
      if (fieldChanges(edit).length) await onFieldEdit?.(edit, finding);
      return true;
    },
  };
}
