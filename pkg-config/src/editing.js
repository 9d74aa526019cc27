// chartlint/editing: what every editor adapter needs, with no editor in sight. Applying a
// finding's structured edit to a note, clamping UTF-16 spans to a text, and a scheduler that
// debounces typing and supersedes stale checks (through chartlint/worker's lanes when the
// checker is a WorkerChecker). The CodeMirror, ProseMirror and textarea adapters are built on
// it; an EMR with its own editor can use it directly.

/** Parses `lines[0].units` into `["lines", 0, "units"]`; `null` when the path is malformed. */
export function parseField(path) {
  if (typeof path !== "string" || path === "") return null;
  const parts = [];
  const re = /([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|(\.)/gy;
  let expectName = true;
  let m;
  while (re.lastIndex < path.length) {
    m = re.exec(path);
    if (!m) return null;
    if (m[1] !== undefined) {
      if (!expectName) return null;
      parts.push(m[1]);
      expectName = false;
    } else if (m[2] !== undefined) {
      if (expectName) return null;
      parts.push(Number(m[2]));
    } else {
      if (expectName) return null;
      expectName = true;
    }
  }
  return expectName ? null : parts;
}

const clone = (v) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));

function applyChange(note, change) {
  if (change && typeof change.replacement === "string" && change.span) {
    const text = typeof note.text === "string" ? note.text : "";
    const { start, end } = clampSpan(change.span, text.length);
    note.text = text.slice(0, start) + change.replacement + text.slice(end);
    return;
  }
  const parts = parseField(change?.field);
  if (!parts) throw new Error(`chartlint: cannot apply an edit to field ${JSON.stringify(change?.field)}`);
  let parent = note;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = parts[i];
    if (parent[key] === undefined || parent[key] === null) {
      if (change.remove) return; // nothing to remove
      parent[key] = typeof parts[i + 1] === "number" ? [] : {};
    }
    parent = parent[key];
    if (typeof parent !== "object") throw new Error(`chartlint: ${change.field} does not lead to an object`);
  }
  const last = parts[parts.length - 1];
  if (change.remove) {
    if (Array.isArray(parent) && typeof last === "number") parent.splice(last, 1);
    else delete parent[last];
  } else if (Array.isArray(parent) && typeof last === "number" && last > parent.length) {
    throw new Error(`chartlint: ${change.field} is past the end of its list`);
  } else {
    parent[last] = clone(change.value);
  }
}

/**
 * Applies one structured edit (`finding.edits[i]` or `checklistItem.edits[i]`) to a note and
 * returns the new note; the note given is not changed. Changes apply in order, as the engine
 * orders them (removals last, text ranges from the end backwards).
 */
export function applyEdit(note, edit) {
  const next = clone(note);
  for (const change of edit?.changes ?? []) applyChange(next, change);
  return next;
}

/** The text changes of an edit (`{ span, replacement }`), in the order they apply. */
export function textChanges(edit) {
  return (edit?.changes ?? []).filter((c) => c && c.span && typeof c.replacement === "string");
}

/** The field changes of an edit (`{ field, value }` or `{ field, remove: true }`). */
export function fieldChanges(edit) {
  return (edit?.changes ?? []).filter((c) => c && typeof c.field === "string");
}

/** A span clamped to a text of `length` UTF-16 code units (the text may have moved on). */
export function clampSpan(span, length) {
  const start = Math.min(Math.max(0, span?.start ?? 0), length);
  const end = Math.min(Math.max(start, span?.end ?? start), length);
  return { start, end };
}

/**
 * The underlines of a report, for a text of `length` code units: one entry per finding with a
 * span, clamped, with its finding. Sorted by start.
 */
export function underlines(report, length) {
  const out = [];
  for (const finding of report?.findings ?? []) {
    if (!finding.span) continue;
    out.push({ ...clampSpan(finding.span, length), finding });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Splits `text` into runs, each marked with the findings that cover it (for overlays). */
export function runs(text, marks) {
  const cuts = new Set([0, text.length]);
  for (const m of marks) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    const findings = marks.filter((m) => m.start < end && m.end > start).map((m) => m.finding);
    out.push({ start, end, text: text.slice(start, end), findings });
  }
  return out;
}

const isAbort = (e) => e?.name === "AbortError";

/**
 * Debounced, superseding checks. `schedule()` on every keystroke; after `delay` ms of quiet
 * the note `getNote()` returns is checked, and `onReport(report, note)` gets the answer, only
 * if no newer check was scheduled meanwhile (a stale report is never delivered). With a
 * `WorkerChecker` the checks share one `lane`, so a check superseded before it starts never
 * runs. `options()` gives the check options (`stage`, `dismissed`) at each check.
 */
export function createScheduler({ checker, getNote, onReport, onError, delay = 150, lane = "chartlint-editor", options }) {
  let timer = null;
  let seq = 0;
  const isWorker = typeof checker?.call === "function";
  const run = async () => {
    timer = null;
    const mine = ++seq;
    const note = getNote();
    const opts = { ...(options?.() ?? {}) };
    if (isWorker) opts.lane = lane;
    try {
      const report = await checker.check(note, Object.keys(opts).length ? opts : undefined);
      if (mine === seq) onReport?.(report, note);
    } catch (e) {
      if (mine === seq && !isAbort(e)) {
        if (onError) onError(e);
        else throw e;
      }
    }
  };
  return {
    /** Checks after `delay` ms without another call. */
    schedule() {
      if (timer !== null) clearTimeout(timer);
      seq++; // a check already running is now stale
      timer = setTimeout(run, delay);
    },
    /** Checks now; resolves when the report was delivered (or superseded). */
    flush() {
      if (timer !== null) clearTimeout(timer);
      return run();
    },
    /** Drops a pending check and any answer still on its way. */
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      seq++;
    },
  };
}
