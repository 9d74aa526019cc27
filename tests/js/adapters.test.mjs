// The editor adapters' logic in Node, with the real engine: chartlint/editing (edits, spans,
// debounced superseding checks), chartlint/codemirror against a stand-in view, and
// chartlint/prosemirror with the real ProseMirror (model, state, decorations; no DOM).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Checker } from "chartlint";
import { applyEdit, parseField, underlines, runs, createScheduler, clampSpan } from "chartlint/editing";
import { chartlintSource, toDiagnostics } from "chartlint/codemirror";
import { chartlintPlugin, plainText } from "chartlint/prosemirror";
import { EditorState, Plugin, PluginKey } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import { schema } from "prosemirror-schema-basic";

const base = JSON.parse(readFileSync(new URL("../fixtures/base-note.json", import.meta.url), "utf8"));
const checker = new Checker();
const overBilled = { ...structuredClone(base), lines: [{ code: "97110", minutes: 33, units: 3, modifiers: ["GP"] }, { code: "97140", minutes: 7, units: 0, modifiers: ["GP"] }] };
const redFlag = { ...structuredClone(base), text: base.text.replace("dynamic valgus.", "dynamic valgus. Pt tolerated treatment well.") };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test("applyEdit: field and text edits give a new note; the original is unchanged", () => {
  const over = checker.check(overBilled).findings.find((f) => f.rule === "units/over-billed");
  const fixed = applyEdit(overBilled, over.edits[0]);
  assert.equal(fixed.lines[0].units, 2);
  assert.equal(overBilled.lines[0].units, 3);
  assert.ok(!checker.check(fixed).findings.some((f) => f.rule === "units/over-billed"));

  const flag = checker.check(redFlag).findings.find((f) => f.rule === "elements/red-flag-phrase");
  const edited = applyEdit(redFlag, flag.edits[0]);
  const c = flag.edits[0].changes[0];
  assert.equal(edited.text, redFlag.text.slice(0, c.span.start) + c.replacement + redFlag.text.slice(c.span.end));

  const draft = checker.check({ ...base, text: "S: knee pain." }, { stage: "draft" });
  const plan = draft.checklist.find((i) => i.item === "plan");
  const withPlan = applyEdit({ ...base, text: "S: knee pain." }, plan.edits[0]);
  const after = checker.check(withPlan, { stage: "draft" });
  assert.ok(withPlan.text.startsWith("S: knee pain."));
  assert.ok(after.findings.some((f) => f.rule === "elements/template-placeholder"), "a template's placeholders are flagged until completed");

  assert.deepEqual(parseField("lines[0].units"), ["lines", 0, "units"]);
  assert.deepEqual(parseField("diagnoses"), ["diagnoses"]);
  for (const bad of ["", "lines[", "lines..units", "[0]", "lines[0]units", ".x"]) assert.equal(parseField(bad), null, bad);
  assert.throws(() => applyEdit(base, { applicability: "safe", title: "", changes: [{ field: "lines[9]", value: 1 }] }), /past the end/);
  assert.deepEqual(applyEdit(base, { applicability: "safe", title: "", changes: [{ field: "lines[2]", value: { code: "97530", units: 1 } }] }).lines[2], { code: "97530", units: 1 });
  assert.equal(applyEdit(base, { applicability: "safe", title: "", changes: [{ field: "lines[1]", remove: true }] }).lines.length, 1);
});

test("underlines and runs cover the text exactly, clamped to it", () => {
  const report = checker.check(redFlag);
  const marks = underlines(report, redFlag.text.length);
  assert.ok(marks.length > 0);
  const parts = runs(redFlag.text, marks);
  assert.equal(parts.map((p) => p.text).join(""), redFlag.text);
  const flagged = parts.filter((p) => p.findings.some((f) => f.rule === "elements/red-flag-phrase"));
  assert.match(flagged.map((p) => p.text).join(""), /tolerated/i);
  assert.deepEqual(clampSpan({ start: 5, end: 99 }, 10), { start: 5, end: 10 });
  assert.deepEqual(clampSpan({ start: 12, end: 3 }, 10), { start: 10, end: 10 });
});

test("the scheduler debounces typing and never delivers a superseded report", async () => {
  let note = { ...base, text: "" };
  const seen = [];
  const s = createScheduler({ checker, getNote: () => note, onReport: (r, n) => seen.push(n.text), delay: 20, options: () => ({ stage: "draft" }) });
  for (const t of ["S", "S:", "S: k", "S: knee"]) {
    note = { ...note, text: t };
    s.schedule();
  }
  await sleep(80);
  assert.deepEqual(seen, ["S: knee"], "one check, of the last text");

  // An asynchronous checker answering out of order: the older answer is dropped.
  const answers = [];
  const slow = { check: (n) => new Promise((resolve) => setTimeout(() => resolve(checker.check(n)), n.text === "old" ? 60 : 5)) };
  const s2 = createScheduler({ checker: slow, getNote: () => note, onReport: (r, n) => answers.push(n.text), delay: 0 });
  note = { ...base, text: "old" };
  s2.schedule();
  await sleep(15); // "old" is being checked
  note = { ...base, text: "new" };
  s2.schedule();
  await sleep(120);
  assert.deepEqual(answers, ["new"]);

  // With a WorkerChecker (anything with `call`) the checks carry the lane.
  const calls = [];
  const workerLike = { call() {}, check: async (n, o) => (calls.push(o), checker.check(n, { stage: o.stage })) };
  await createScheduler({ checker: workerLike, getNote: () => base, lane: "notes", options: () => ({ stage: "draft" }) }).flush();
  assert.deepEqual(calls, [{ stage: "draft", lane: "notes" }]);
});

/** A stand-in for CodeMirror's EditorView: a text and `dispatch` applying the changes. */
function cmView(text) {
  const view = {
    text,
    dispatched: [],
    get state() {
      return { doc: { length: view.text.length, toString: () => view.text } };
    },
    dispatch(spec) {
      view.dispatched.push(spec);
      const changes = [...spec.changes].sort((a, b) => b.from - a.from);
      for (const c of changes) view.text = view.text.slice(0, c.from) + c.insert + view.text.slice(c.to);
    },
  };
  return view;
}

test("codemirror: diagnostics at the spans, the edits as actions (text in a transaction, fields to the EMR)", async () => {
  const note = structuredClone(redFlag);
  const fieldEdits = [];
  const reports = [];
  const source = chartlintSource({
    checker,
    getNote: () => note,
    options: () => ({ stage: "draft" }),
    onReport: (r) => reports.push(r),
    onFieldEdit: (edit) => fieldEdits.push(edit.title),
  });
  const view = cmView(note.text);
  const diagnostics = await source(view);
  assert.equal(reports[0].stage, "draft");
  const flag = diagnostics.find((d) => d.source === "elements/red-flag-phrase");
  assert.match(view.text.slice(flag.from, flag.to), /tolerated/i);
  assert.equal(flag.severity, reports[0].findings.find((f) => f.rule === flag.source).severity);
  assert.equal(diagnostics.length, reports[0].findings.filter((f) => f.span).length);
  // The action applies where the diagnostic is now: type 3 characters before it first.
  view.text = `abc${view.text}`;
  flag.actions[0].apply(view, flag.from + 3, flag.to + 3);
  await sleep(0);
  const finding = reports[0].findings.find((f) => f.rule === "elements/red-flag-phrase");
  assert.equal(view.text, `abc${applyEdit(redFlag, finding.edits[0]).text}`);
  assert.equal(view.dispatched[0].userEvent, "input.chartlint");

  // Field edits are actions only when the EMR says how to apply them.
  const over = checker.check(overBilled);
  const withSpan = { ...over, findings: over.findings.map((f) => ({ ...f, span: f.span ?? { start: 0, end: 1 } })) };
  const withHook = toDiagnostics(withSpan, 10, { onFieldEdit: (e) => fieldEdits.push(e.title) });
  const without = toDiagnostics(withSpan, 10);
  const d = withHook.find((x) => x.source === "units/over-billed");
  assert.deepEqual(d.actions.map((a) => a.name), ["Bill 2 units of 97110"]);
  assert.deepEqual(without.find((x) => x.source === "units/over-billed").actions, []);
  d.actions[0].apply(cmView("0123456789"), 0, 1);
  await sleep(0);
  assert.deepEqual(fieldEdits, ["Bill 2 units of 97110"]);

  // A non-safe edit asks first; declining changes nothing.
  const suggested = { rule: "x/y", severity: "warning", message: "m", source: "s", fingerprint: "f", span: { start: 0, end: 1 }, edits: [{ applicability: "suggested", title: "Say more", changes: [{ span: { start: 1, end: 1 }, replacement: "!" }] }] };
  const asked = [];
  const [sd] = toDiagnostics({ findings: [suggested] }, 3, { confirm: (e) => (asked.push(e.title), false) });
  assert.equal(sd.actions[0].name, "Say more…");
  const v = cmView("abc");
  sd.actions[0].apply(v, 0, 1);
  await sleep(0);
  assert.deepEqual([asked, v.text], [["Say more"], "abc"]);
});

test("codemirror: a superseded check never sets diagnostics; an invalid note goes to onError", async () => {
  let release;
  const gate = new Promise((r) => (release = r));
  let n = 0;
  const gated = { check: async (note) => (n++ === 0 ? (await gate, checker.check(note)) : checker.check(note)) };
  const errors = [];
  const source = chartlintSource({ checker: gated, getNote: () => base, onError: (e) => errors.push(e.message) });
  const first = source(cmView("old text"));
  const second = await source(cmView(base.text));
  release();
  const outcome = await Promise.race([first.then(() => "resolved"), sleep(30).then(() => "pending")]);
  assert.equal(outcome, "pending", "the older run leaves the diagnostics to the newer one");
  assert.ok(Array.isArray(second));
  const bad = chartlintSource({ checker, getNote: () => ({ ...base, lines: "97110" }), onError: (e) => errors.push(e.message) });
  assert.deepEqual(await bad(cmView("x")), []);
  assert.deepEqual(errors, ["lines: expected an array, got a string of 5 characters"]);
});

const pm = { Plugin, PluginKey, Decoration, DecorationSet };
const para = (...content) => schema.node("paragraph", null, content);
const txt = (s) => schema.text(s);

test("prosemirror: the plain text of a document and the position of every offset", () => {
  const doc = schema.node("doc", null, [
    para(txt("S: knee 😀 pain"), schema.node("hard_break"), txt("worse on stairs")),
    para(),
    schema.node("heading", { level: 2 }, [txt("Plan")]),
    para(txt("Pt tolerated treatment well.")),
  ]);
  const { text, posAt } = plainText(doc);
  assert.equal(text, "S: knee 😀 pain\nworse on stairs\n\nPlan\nPt tolerated treatment well.");
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\n") continue;
    // A surrogate pair is two offsets and two positions, as in ProseMirror.
    assert.equal(doc.textBetween(posAt(i), posAt(i + 1)), text.slice(i, i + 1), `offset ${i}`);
  }
  assert.equal(doc.textBetween(posAt(text.indexOf("tolerated")), posAt(text.indexOf(" treatment"))), "tolerated");
  assert.equal(posAt(0), 1);
  assert.equal(posAt(text.length), doc.content.size - 1);
  assert.equal(plainText(schema.node("doc", null, [para()])).text, "");
  assert.equal(plainText(schema.node("doc", null, [para()])).posAt(0), 1);
});

/** A view as far as the plugin's helpers need: a state and dispatch. */
function pmView(state) {
  const view = { state, dispatch: (tr) => (view.state = view.state.apply(tr)) };
  return view;
}

test("prosemirror: decorations on the flagged words, edits mapped to the document", async () => {
  const lines = redFlag.text.split("\n");
  const doc = schema.node("doc", null, lines.map((l) => (l ? para(txt(l)) : para())));
  const lint = chartlintPlugin({ pm, checker, getNote: () => redFlag });
  const view = pmView(EditorState.create({ doc, plugins: [lint.plugin] }));
  assert.equal(plainText(doc).text, redFlag.text);
  const report = checker.check({ ...redFlag, text: plainText(doc).text });
  view.dispatch(view.state.tr.setMeta(lint.key, { report, doc: view.state.doc }));
  assert.equal(lint.report(view.state), report);
  const decos = lint.plugin.props.decorations(view.state).find();
  const flagged = decos.filter((d) => d.spec.finding.rule === "elements/red-flag-phrase");
  assert.equal(flagged.length, 1);
  const f = flagged[0].spec.finding;
  assert.equal(view.state.doc.textBetween(flagged[0].from, flagged[0].to), redFlag.text.slice(f.span.start, f.span.end));
  assert.equal(decos.length, report.findings.filter((x) => x.span && x.span.end > x.span.start).length);

  // Typing maps the decorations; the edit is refused until the next report.
  const typed = pmView(view.state);
  typed.dispatch(typed.state.tr.insertText("x", 1));
  assert.equal(await lint.applyEdit(typed, f.edits[0], f), false);

  assert.equal(await lint.applyEdit(view, f.edits[0], f), true);
  assert.equal(plainText(view.state.doc).text, applyEdit(redFlag, f.edits[0]).text);
});

test("prosemirror: a template with line breaks becomes paragraphs, and the text is what applyEdit gives", async () => {
  const note = { ...base, text: "S: knee pain after stairs." };
  const doc = schema.node("doc", null, [para(txt(note.text))]);
  const lint = chartlintPlugin({ pm, checker, getNote: () => note });
  const view = pmView(EditorState.create({ doc, plugins: [lint.plugin] }));
  const report = checker.check(note, { stage: "draft" });
  view.dispatch(view.state.tr.setMeta(lint.key, { report, doc: view.state.doc }));
  const plan = report.checklist.find((i) => i.item === "plan");
  assert.ok(plan.edits[0].changes[0].replacement.includes("\n"));
  assert.equal(await lint.applyEdit(view, plan.edits[0]), true);
  assert.equal(plainText(view.state.doc).text, applyEdit(note, plan.edits[0]).text);
  assert.ok(view.state.doc.childCount > 1);
  view.state.doc.forEach((n) => assert.ok(!n.textContent.includes("\n")));
});
