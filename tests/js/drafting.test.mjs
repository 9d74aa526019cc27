// Drafting and signing through the built package: check options, the checklist, the
// structured edits and the dismissals, as an EMR's code sees them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Checker, checkNote, rules } from "chartlint";

const base = JSON.parse(readFileSync(new URL("../fixtures/base-note.json", import.meta.url), "utf8"));
const clone = (o) => JSON.parse(JSON.stringify(o));
const withPatch = (patch) => Object.assign(clone(base), patch);
const checker = new Checker();

test("check(note) is signing; check(note, { stage: 'draft' }) moves what is not written to the checklist", () => {
  const note = withPatch({ diagnoses: [], text: "Ther ex 25 min with verbal cues for knee alignment." });
  const signed = checker.check(note);
  assert.equal(signed.stage, "sign");
  assert.deepEqual(checker.check(note, { stage: "sign" }), signed);
  assert.ok(signed.findings.some((f) => f.rule === "codes/missing-diagnosis"));
  const draft = checker.check(note, { stage: "draft" });
  assert.equal(draft.stage, "draft");
  assert.ok(!draft.findings.some((f) => f.rule === "codes/missing-diagnosis" || f.rule.startsWith("elements/missing")));
  assert.equal(draft.readyToSign, signed.readyToSign);
  const dx = draft.checklist.find((i) => i.item === "diagnoses");
  assert.deepEqual([dx.done, dx.required, dx.field, dx.rule], [false, true, "diagnoses", "codes/missing-diagnosis"]);
  const plan = draft.checklist.find((i) => i.item === "plan");
  assert.equal(plan.done, false);
  assert.equal(plan.edits[0].applicability, "template");
  const insert = plan.edits[0].changes[0];
  assert.ok(insert.replacement.includes("[[") && insert.span.start === insert.span.end);
  // checkJson and checkNote take the same options.
  const viaJson = JSON.parse(checker.checkJson(JSON.stringify(note), { stage: "draft" }));
  assert.deepEqual(viaJson, draft);
  assert.deepEqual(checkNote(note, null, { stage: "draft" }), draft);
});

test("options are validated with their path, and the checker keeps working", () => {
  assert.throws(() => checker.check(base, { stage: "final" }), /^Error: options\.stage: expected one of "draft", "sign"/);
  assert.throws(() => checker.check(base, { dismissed: [{ fingerprint: "ab" }] }), /options\.dismissed\[0\]\.reason: is required/);
  assert.throws(() => checker.check(base, { stages: "draft" }), /options\.stages: is not a check option/);
  assert.equal(checker.check(base, undefined).readyToSign, true);
  assert.equal(checker.check(base, null).readyToSign, true);
});

test("a safe edit is exact, and applying it clears its finding", () => {
  const note = withPatch({ lines: [{ code: "97110", minutes: 33, units: 3, modifiers: ["GP"] }, { code: "97140", minutes: 7, units: 0, modifiers: ["GP"] }] });
  const over = checker.check(note).findings.find((f) => f.rule === "units/over-billed");
  assert.deepEqual(over.edits, [{ applicability: "safe", title: "Bill 2 units of 97110", changes: [{ field: "lines[0].units", value: 2 }] }]);
  assert.match(over.fingerprint, /^[0-9a-f]{16}$/);
  note.lines[0].units = over.edits[0].changes[0].value;
  assert.ok(!checker.check(note).findings.some((f) => f.rule === "units/over-billed"));
});

test("text edits are UTF-16 ranges of note.text", () => {
  const text = base.text.replace("dynamic valgus.", "dynamic valgus. 😀 Pt tolerated treatment well.");
  const report = checker.check(withPatch({ text }));
  const flag = report.findings.find((f) => f.rule === "elements/red-flag-phrase");
  assert.equal(text.slice(flag.span.start, flag.span.end).toLowerCase().includes("tolerated"), true);
  const change = flag.edits[0].changes[0];
  assert.equal(change.span.start, flag.span.end, "the specifics go right after the phrase");
  const edited = text.slice(0, change.span.start) + change.replacement + text.slice(change.span.end);
  assert.ok(edited.includes("well ([["), edited.slice(change.span.start - 10, change.span.start + 20));
});

test("dismissals: config and options, reasons kept, the rule's policy decides readyToSign", () => {
  const text = base.text.replace("dynamic valgus.", "dynamic valgus. Pt tolerated treatment well.");
  const note = withPatch({ text });
  const flag = checker.check(note).findings.find((f) => f.rule === "elements/red-flag-phrase");
  const viaConfig = new Checker({ dismissed: [{ fingerprint: flag.fingerprint, reason: "Response on the next line." }] }).check(note);
  assert.ok(!viaConfig.findings.some((f) => f.rule === flag.rule));
  assert.deepEqual(viaConfig.dismissed, [{ finding: flag, reason: "Response on the next line.", blocksSigning: false }]);
  const over = withPatch({ lines: [{ code: "97110", minutes: 33, units: 3, modifiers: ["GP"] }, { code: "97140", minutes: 7, units: 0, modifiers: ["GP"] }] });
  const err = checker.check(over).findings.find((f) => f.rule === "units/over-billed");
  const d = checker.check(over, { dismissed: [{ fingerprint: err.fingerprint, reason: "Contract." }] });
  assert.equal(d.dismissed[0].blocksSigning, true);
  assert.equal(d.readyToSign, false);
  assert.throws(() => new Checker({ dismissed: [{ fingerprint: "x", reason: "" }] }), /config\.dismissed\[0\]\.reason/);
});

test("rules() says what each rule does while drafting and when dismissed", () => {
  const byId = Object.fromEntries(rules().map((r) => [r.id, r]));
  assert.equal(byId["elements/missing-plan"].kind, "missing");
  assert.equal(byId["units/over-billed"].kind, "defect");
  assert.equal(byId["elements/missing-signature"].kind, "both");
  assert.equal(byId["units/over-billed"].dismissal, "stillBlocks");
  assert.equal(byId["elements/red-flag-phrase"].dismissal, "clears");
  assert.ok(byId["elements/template-placeholder"]);
});
