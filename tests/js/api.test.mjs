// The built npm package (pkg/), imported by name the way an EMR would, in Node 20.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import init, { Checker, checkNote, rules, version, limits } from "chartlint";

const base = JSON.parse(readFileSync(new URL("../fixtures/base-note.json", import.meta.url), "utf8"));
const clone = (o) => JSON.parse(JSON.stringify(o));
const withPatch = (patch) => Object.assign(clone(base), patch);

await init(); // a no-op in Node, kept so browser code runs unchanged

test("version and limits", () => {
  assert.match(version(), /^\d+\.\d+\.\d+/);
  const l = limits();
  assert.ok(l.maxTextBytes >= 100_000 && l.maxTextLines >= 1000 && l.maxBilledLines >= 10);
});

test("rules() is the catalogue with docs and sources", () => {
  const cat = rules();
  const ids = cat.map((r) => r.id);
  for (const id of ["units/over-billed", "units/under-billed", "units/below-minimum", "units/missing-minutes",
    "units/total-minutes-mismatch", "units/missing-total-treatment-time", "units/untimed-multiple-units", "codes/unknown-code"]) {
    assert.ok(ids.includes(id), `missing ${id}`);
  }
  assert.equal(new Set(ids).size, ids.length);
  for (const r of cat) {
    assert.ok(r.source.length > 0 && r.whatItChecks.length > 0 && r.why.length > 0, r.id);
    assert.ok(["error", "warning", "info"].includes(r.severity), r.id);
  }
});

test("a clean note is ready to sign; the report is a plain object", () => {
  const report = new Checker().check(base);
  assert.equal(report.readyToSign, true, JSON.stringify(report.findings));
  assert.deepEqual(report.findings, []);
  assert.equal(report.noteId, "base-note");
  assert.equal(report.billing.unitRule, "cms8");
  assert.equal(report.billing.timedUnitsAllowed, 3);
  assert.deepEqual(report.billing.lines.map((l) => [l.code, l.unitsBilled, l.unitsSupported]), [["97110", 2, 2], ["97140", 1, 1]]);
  assert.equal(Object.getPrototypeOf(report), Object.prototype);
  assert.equal(report.provenance.payerKind, "medicare");
  assert.equal(report.provenance.policyYear, 2025);
});

test("CMS example 3 through the package: 97110 x3 with 33 + 7 minutes is over-billed", () => {
  const note = withPatch({
    lines: [
      { code: "97110", minutes: 33, units: 3, modifiers: ["GP"] },
      { code: "97140", minutes: 7, units: 0, modifiers: ["GP"] },
    ],
  });
  const report = checkNote(note);
  const over = report.findings.find((f) => f.rule === "units/over-billed");
  assert.ok(over, JSON.stringify(report.findings));
  assert.equal(over.severity, "error");
  assert.equal(over.field, "lines[0].units");
  assert.equal(over.source, "CMS Pub. 100-04, ch. 5, §20.2");
  assert.ok(over.fix.includes("2 units"));
  assert.equal(report.readyToSign, false);
  assert.ok(report.findings.some((f) => f.rule === "units/under-billed" && f.field === "lines[1].units"));
  // The same minutes under the Rule of Eights, side by side.
  assert.equal(report.billing.otherMethod.unitRule, "ruleOf8s");
  assert.deepEqual(report.billing.otherMethod.unitsSupported, [2, 0]);
});

test("invalid input throws an Error naming the field; the checker keeps working", () => {
  const checker = new Checker();
  const bad = withPatch({ lines: [base.lines[0], base.lines[1], { code: "97112", minutes: -5, units: 1 }] });
  assert.throws(() => checker.check(bad), (e) => e instanceof Error && e.message === "lines[2].minutes: expected a whole number of minutes ≥ 0, got -5");
  assert.throws(() => checker.check(withPatch({ discipline: "PTX" })), /^Error: discipline: expected one of "PT", "OT", "SLP", got "PTX"$/);
  assert.throws(() => checker.check(withPatch({ dateOfService: "2025-02-29" })), /dateOfService: expected a real calendar date/);
  assert.throws(() => checker.check(withPatch({ lines: "97110" })), /lines: expected an array/);
  assert.throws(() => checker.check(withPatch({ episode: { certifiedOn: 20250101 } })), /episode\.certifiedOn: expected a string/);
  assert.throws(() => checker.check(null), /note: expected an object, got null/);
  assert.throws(() => checker.check(undefined), /note: expected an object, got undefined/);
  assert.throws(() => checker.check(withPatch({ text: 42 })), /^Error: text: expected a string, got 42$/);
  const cyclic = clone(base);
  cyclic.self = cyclic;
  assert.throws(() => checker.check(cyclic), /note: cannot be read as JSON data/);
  assert.throws(() => checker.check(withPatch({ id: 10n })), /note: cannot be read as JSON data/);
  // Still works.
  assert.equal(checker.check(base).readyToSign, true);
});

test("invalid config throws naming the field", () => {
  assert.throws(() => new Checker({ disabledRules: ["units/nope"] }), /config\.disabledRules\[0\]: is not a rule id/);
  assert.throws(() => new Checker({ severity: { "units/over-billed": "fatal" } }), /config\.severity\.units\/over-billed: expected "error", "warning" or "info"/);
  assert.throws(() => new Checker({ payers: { medicare: { unitRule: "eights" } } }), /config\.payers\.medicare\.unitRule: expected one of "cms8", "ruleOf8s"/);
  assert.throws(() => new Checker(42), /config: expected an object, got 42/);
});

test("config: disabled rules, severity overrides and payer packs", () => {
  const flawed = withPatch({ lines: [{ code: "97110", minutes: 20, units: 2, modifiers: ["GP"] }], totalTimedMinutes: 20, totalTreatmentMinutes: 20 });
  assert.ok(checkNote(flawed).findings.some((f) => f.rule === "units/over-billed"));
  assert.ok(!checkNote(flawed, { disabledRules: ["units/over-billed"] }).findings.some((f) => f.rule === "units/over-billed"));
  const softened = checkNote(flawed, { severity: { "units/over-billed": "warning" } });
  assert.equal(softened.findings.find((f) => f.rule === "units/over-billed").severity, "warning");
  const eights = checkNote(base, { payers: { medicare: { name: "Clinic test pack", unitRule: "ruleOf8s" } } });
  assert.equal(eights.billing.unitRule, "ruleOf8s");
  assert.equal(eights.provenance.rulePack, "Clinic test pack");
});

test("hostile values get bounded results or clear errors", () => {
  const checker = new Checker();
  // NaN and Infinity become null (absent) through JSON.
  const r = checker.check(withPatch({ totalTimedMinutes: NaN, totalTreatmentMinutes: Infinity }));
  assert.equal(typeof r.readyToSign, "boolean");
  // A lone surrogate (half an emoji) is read as U+FFFD, one UTF-16 unit for one.
  const lone = checker.check(withPatch({ text: base.text + " \ud83d" }));
  assert.equal(typeof lone.readyToSign, "boolean");
  // Too-large text is refused with the limit in the message.
  const big = "x".repeat(limits().maxTextBytes + 1);
  assert.throws(() => checker.check(withPatch({ text: big })), /text: is \d+ bytes; at most \d+ bytes are checked/);
  assert.equal(checker.check(base).readyToSign, true);
});

test("checkJson takes and returns JSON text", () => {
  const out = JSON.parse(new Checker().checkJson(JSON.stringify(base)));
  assert.equal(out.readyToSign, true);
  assert.throws(() => new Checker().checkJson("{"), /note is not valid JSON/);
});

test("a misspelled config key is an error with the nearest known key, not a silent default", () => {
  assert.throws(() => new Checker({ disabledRule: ["units/under-billed"] }),
    (e) => e instanceof Error && e.message === 'config.disabledRule: unknown key; did you mean "disabledRules"?');
  assert.throws(() => checkNote(base, { payers: { medicare: { unitRulee: "ruleOf8s" } } }),
    /^Error: config\.payers\.medicare\.unitRulee: unknown key; did you mean "unitRule"\?$/);
  assert.equal(new Checker({ disabledRules: ["units/under-billed"] }).check(base).readyToSign, true);
});
