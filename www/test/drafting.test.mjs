// Drafting and signing in the demo, in real Chromium: a blank note typed from the first
// sentence shows a checklist and no error; Sign shows what blocks the claim; every safe fix of
// the flawed samples, clicked, removes its finding and adds no error; a suggested fix asks
// first; a dismissal with its reason leaves the findings, can be restored, and is exported
// by the audit (neutralised like every exported cell). Expectations come from the package
// in Node, never from constants.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Checker } from "chartlint";
import { applyEdit } from "chartlint/editing";
import { startPreview, launchBrowser, openApp } from "./harness.mjs";
import { splitCsv } from "../src/batch-format.js";
import { SAMPLES } from "../src/samples.js";

const T = { timeout: 180_000 };
const checker = new Checker();
let server, browser;

before(async () => {
  server = await startPreview();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Waits for a report newer than `pass` (the panel counts its passes) and returns it. */
async function nextReport(page, pass) {
  await page.waitForFunction((p) => Number(document.querySelector("[data-testid=check-time]").dataset.pass) > p, pass);
  return page.evaluate(() => window.__chartlint.editor.report);
}
const passOf = (page) => page.$eval("[data-testid=check-time]", (e) => Number(e.dataset.pass ?? 0));

/** Waits until the editor's report is of the editor's current text and stage. */
async function settled(page) {
  await page.waitForFunction(() => {
    const e = window.__chartlint.editor;
    return e.report && e.report.stage === e.stage && e.note.text === e.view.state.doc.toString();
  });
  await page.waitForTimeout(300); // the linter's delay: no check left pending
  await page.waitForFunction(() => {
    const e = window.__chartlint.editor;
    return e.report && e.report.stage === e.stage && e.note.text === e.view.state.doc.toString();
  });
  return page.evaluate(() => ({ report: window.__chartlint.editor.report, note: window.__chartlint.editor.note }));
}

test("drafting: a blank daily note typed sentence by sentence shows a checklist and no error; Sign shows what blocks it", T, async () => {
  const { page, problems } = await openApp(browser.context, server.url, "#editor");
  await page.selectOption("#sample-picker", "blank");
  await page.waitForFunction(() => window.__chartlint.editor.stage === "draft" && window.__chartlint.editor.report?.stage === "draft");
  assert.equal(await page.getAttribute("[data-testid=stage-draft]", "aria-pressed"), "true");
  await page.click(".cm-content");
  const sentences = ["S: Pt reports knee pain 4/10 after stairs. ", "O: Therapeutic exercise 25 min: step-ups with cues for knee alignment. "];
  for (const [n, sentence] of sentences.entries()) {
    await page.keyboard.type(sentence, { delay: 5 });
    const { report, note } = await settled(page);
    const expected = checker.check(note, { stage: "draft" });
    assert.deepEqual(report, expected, "the page shows the engine's draft report");
    assert.deepEqual(report.findings.filter((f) => f.severity === "error").map((f) => f.rule), [], "no error while nothing written is wrong");
    assert.equal(report.readyToSign, false, "an unfinished note is not ready to sign, even while drafting");
    const shown = await page.$$eval("[data-testid=checklist] li", (lis) => lis.map((li) => ({ item: li.dataset.item, done: li.dataset.done === "true" })));
    assert.deepEqual(shown, report.checklist.filter((i) => i.required).map((i) => ({ item: i.item, done: i.done })));
    assert.ok(shown.some((i) => !i.done), "items to do");
    if (n === 1) assert.ok(shown.find((i) => i.item === "skilledIntervention").done, "the skilled intervention written is done");
  }

  // Sign: the signing check runs and lists every error that blocks the claim.
  await page.click("[data-testid=sign]");
  await page.waitForSelector("[data-testid=sign-blockers] li");
  assert.equal(await page.getAttribute("[data-testid=stage-sign]", "aria-pressed"), "true");
  const { report: signed, note } = await settled(page);
  const expected = checker.check(note);
  assert.equal(signed.stage, "sign");
  const errors = expected.findings.filter((f) => f.severity === "error").map((f) => f.rule);
  assert.ok(errors.length > 0);
  assert.deepEqual(await page.$$eval("[data-testid=sign-blockers] li", (lis) => lis.map((li) => li.dataset.rule)), errors);
  assert.equal(await page.locator("[data-testid=signed]").count(), 0);

  // A template from the checklist inserts its heading with placeholders, which are then flagged.
  await page.click("[data-testid=stage-draft]");
  await settled(page);
  const pass = await passOf(page);
  await page.locator("[data-testid=checklist] li[data-item=plan] [data-action=insert-template]").click();
  await nextReport(page, pass);
  const after = await settled(page);
  assert.match(after.note.text, /\[\[/);
  assert.deepEqual(after.report, checker.check(after.note, { stage: "draft" }));
  assert.ok(after.report.findings.some((f) => f.rule === "elements/template-placeholder"));
  assert.deepEqual(problems, []);
  await page.close();
});

test("fixes: every safe fix of the flawed samples, clicked, removes its finding and adds no error; a clean sample signs", T, async () => {
  const { page, problems } = await openApp(browser.context, server.url, "#editor");
  let applied = 0;
  for (const sample of SAMPLES) {
    if (!checker.check(sample.note).findings.some((f) => f.edits.some((e) => e.applicability === "safe"))) continue;
    await page.selectOption("#sample-picker", sample.key);
    await page.waitForFunction((id) => window.__chartlint.editor.report?.noteId === id, sample.note.id ?? sample.key);
    for (let guard = 0; guard < 10; guard++) {
      const { report, note } = await settled(page);
      const i = report.findings.findIndex((f) => f.edits.some((e) => e.applicability === "safe"));
      if (i < 0) break;
      const target = report.findings[i];
      const edit = target.edits.find((e) => e.applicability === "safe");
      const errorsBefore = new Set(report.findings.filter((f) => f.severity === "error").map((f) => f.fingerprint));
      const pass = await passOf(page);
      await page.locator(`[data-testid=findings] > li[data-rule="${target.rule}"] [data-action=apply-edit][data-applicability=safe]`).first().click();
      await nextReport(page, pass);
      const after = await settled(page);
      assert.deepEqual(after.note, applyEdit(note, edit), `${sample.key}: the page applied exactly the edit`);
      assert.ok(!after.report.findings.some((f) => f.fingerprint === target.fingerprint), `${sample.key}: ${target.rule} is gone`);
      const newErrors = after.report.findings.filter((f) => f.severity === "error" && !errorsBefore.has(f.fingerprint));
      assert.deepEqual(newErrors.map((f) => f.rule), [], `${sample.key}: no new error`);
      applied++;
    }
  }
  assert.ok(applied >= 4, `safe fixes applied in Chromium: ${applied}`);

  // A suggested fix asks first: declined, nothing changes; accepted, it applies.
  await page.selectOption("#sample-picker", "ot-progress-kx");
  const { report, note } = await settled(page);
  const kx = report.findings.find((f) => f.rule === "modifiers/kx-required");
  const button = page.locator('[data-testid=findings] > li[data-rule="modifiers/kx-required"] [data-action=apply-edit]').first();
  page.once("dialog", (d) => d.dismiss());
  await button.click();
  await page.waitForTimeout(400);
  assert.deepEqual((await settled(page)).note, note, "declined: the note is unchanged");
  page.once("dialog", (d) => d.accept());
  const pass = await passOf(page);
  await button.click();
  await nextReport(page, pass);
  const accepted = await settled(page);
  assert.deepEqual(accepted.note, applyEdit(note, kx.edits[0]));
  assert.ok(!accepted.report.findings.some((f) => f.rule === "modifiers/kx-required"));

  // A clean sample signs.
  await page.selectOption("#sample-picker", "pt-daily-clean");
  await settled(page);
  await page.click("[data-testid=sign]");
  await page.waitForSelector("[data-testid=signed]");
  assert.deepEqual(problems, []);
  await page.close();
});

test("dismissals: with a reason, out of the findings, restorable, and in the audit's exports as inert text", T, async () => {
  const { page, problems } = await openApp(browser.context, server.url, "#editor");
  await page.selectOption("#sample-picker", "pt-daily-overbilled");
  const { report } = await settled(page);
  const flag = report.findings.find((f) => f.rule === "elements/red-flag-phrase");
  const item = page.locator(`[data-testid=findings] > li[data-rule="elements/red-flag-phrase"]`).first();
  await item.locator("[data-action=dismiss]").click();
  await item.locator("[data-action=save-dismissal]").click(); // no reason: nothing happens
  assert.equal(await page.locator("[data-testid=dismissed]").count(), 0);
  const pass = await passOf(page);
  await page.locator("input.dismiss-input").fill("Response is documented on the flow sheet.");
  await page.locator("[data-action=save-dismissal]").click();
  await nextReport(page, pass);
  const after = await settled(page);
  assert.ok(!after.report.findings.some((f) => f.fingerprint === flag.fingerprint));
  assert.equal(after.report.dismissed.length, 1);
  assert.deepEqual(after.report.dismissed[0], { finding: flag, reason: "Response is documented on the flow sheet.", blocksSigning: false });
  assert.match(await page.locator("[data-testid=dismissed]").textContent(), /flow sheet/);
  const restorePass = await passOf(page);
  await page.click("[data-testid=dismissed] [data-action=restore]");
  await nextReport(page, restorePass);
  assert.ok((await settled(page)).report.findings.some((f) => f.fingerprint === flag.fingerprint), "restored");

  // In the audit: open a note from the example batch, dismiss its first finding with a reason a
  // spreadsheet would run as a formula, export.
  await page.goto(server.url + "#audit");
  await page.click("[data-action=example-csv]");
  await page.waitForSelector("[data-testid=audit-message][data-state=done]", { timeout: 120_000 });
  await page.selectOption("[data-testid=filter-status]", "not ready");
  const row = page.locator("[data-testid=notes-table] tbody tr").first();
  const rowNumber = Number(await row.getAttribute("data-row"));
  await row.click();
  await page.waitForSelector("#view-editor:not([hidden]) .context-bar:not([hidden])");
  const opened = await settled(page);
  const first = page.locator("[data-testid=findings] > li").first();
  const rule = await first.getAttribute("data-rule");
  const dismissedFinding = opened.report.findings.find((f) => f.rule === rule);
  const reason = "=1+2 agreed with the payer";
  const before = await passOf(page);
  await first.locator("[data-action=dismiss]").click();
  await page.locator("input.dismiss-input").fill(reason);
  await page.locator("[data-action=save-dismissal]").click();
  await nextReport(page, before);
  await page.click(".context-bar button");
  await page.waitForSelector("#view-audit:not([hidden])");

  const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.click("[data-action=export-csv]")]);
  const rows = splitCsv(readFileSync(await csvDownload.path(), "utf8")).map((r) => r.cells);
  const head = rows[0];
  const col = (r, name) => r[head.indexOf(name)];
  for (const c of ["fingerprint", "dismissed", "dismissedReason", "blocksSigning"]) assert.ok(head.includes(c), `CSV has ${c}`);
  const dismissedRows = rows.slice(1).filter((r) => col(r, "dismissed") === "true");
  assert.equal(dismissedRows.length, 1);
  assert.equal(Number(col(dismissedRows[0], "row")), rowNumber);
  assert.equal(col(dismissedRows[0], "fingerprint"), dismissedFinding.fingerprint);
  assert.equal(col(dismissedRows[0], "dismissedReason"), `'${reason}`, "the formula-leading reason is inert text");
  const blocks = dismissedFinding.severity === "error" && (await page.evaluate((id) => window.__chartlint.rules.find((r) => r.id === id).dismissal, rule)) === "stillBlocks";
  assert.equal(col(dismissedRows[0], "blocksSigning"), String(blocks));

  const [jsonDownload] = await Promise.all([page.waitForEvent("download"), page.click("[data-action=export-json]")]);
  const doc = JSON.parse(readFileSync(await jsonDownload.path(), "utf8"));
  const n = doc.notes.find((x) => x.row === rowNumber);
  assert.equal(n.dismissed.length, 1);
  assert.equal(n.dismissed[0].reason, `'${reason}`);
  assert.equal(n.dismissed[0].finding.fingerprint, dismissedFinding.fingerprint);
  assert.ok(!n.findings.some((f) => f.fingerprint === dismissedFinding.fingerprint));
  assert.deepEqual(problems, []);
  await page.close();
});
