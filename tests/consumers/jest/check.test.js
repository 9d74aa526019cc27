// Jest 30, default CommonJS setup (no config, no transform settings, no ESM flags).
const chartlint = require("chartlint");

const NOTE = JSON.parse(process.env.CHARTLINT_NOTE);
const EXPECTED = JSON.parse(process.env.CHARTLINT_EXPECTED);

test("require('chartlint') checks a note without init()", () => {
  const report = chartlint.checkNote(NOTE);
  expect({ noteId: report.noteId, readyToSign: report.readyToSign, rules: report.findings.map((f) => f.rule) }).toEqual(EXPECTED);
});

test("await init() is harmless, and the Checker keeps working after an error", async () => {
  await chartlint.init();
  await chartlint.default();
  const checker = new chartlint.Checker();
  expect(() => checker.check({ ...NOTE, discipline: "PTX" })).toThrow(/^discipline: expected one of/);
  expect(checker.check(NOTE).noteId).toBe(NOTE.id);
});
