// The editor adapters in real Chromium, on the demo's adapters page (built by Vite from the
// package like an EMR's bundle): chartlint/textarea and chartlint/prosemirror with one
// WorkerChecker. Typing, underlines on the flagged words, applying fixes (text and field
// edits), dismissing. Expected reports come from the package in Node.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Checker } from "chartlint";
import { applyEdit } from "chartlint/editing";
import { startPreview, launchBrowser } from "./harness.mjs";
import { SAMPLES } from "../src/samples.js";

const T = { timeout: 120_000 };
const checker = new Checker();
const SAMPLE = SAMPLES.find((s) => s.key === "pt-daily-overbilled");
let server, browser;

before(async () => {
  server = await startPreview();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function open() {
  const page = await browser.context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  await page.goto(server.url + "adapters.html");
  await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  return { page, problems };
}
const passOf = (page, which) => page.$eval(`[data-testid=${which}-findings]`, (e) => Number(e.dataset.pass ?? 0));
async function nextPass(page, which, pass) {
  await page.waitForFunction(([w, p]) => Number(document.querySelector(`[data-testid=${w}-findings]`).dataset.pass ?? 0) > p, [which, pass]);
}

test("textarea: underlines over the field (left untouched), typing re-checks, fixes apply, a popover at the caret, dismiss", T, async () => {
  const { page, problems } = await open();
  await page.waitForFunction(() => window.__adapters.reports.textarea);
  const styleBefore = await page.$eval("#plain", (t) => t.getAttribute("style"));
  assert.equal(styleBefore, null, "the field's own attributes are not changed");
  let report = await page.evaluate(() => window.__adapters.reports.textarea);
  assert.deepEqual(report, checker.check(SAMPLE.note));

  // Each finding with a span is underlined over exactly its words.
  const marks = await page.$$eval(".chartlint-overlay mark", (ms) => ms.map((m) => ({ start: Number(m.dataset.start), text: m.textContent, rule: m.dataset.rule })));
  for (const f of report.findings.filter((x) => x.span && x.span.end > x.span.start)) {
    const covering = marks.filter((m) => m.start >= f.span.start && m.start < f.span.end).map((m) => m.text).join("");
    assert.equal(covering, SAMPLE.note.text.slice(f.span.start, f.span.end), f.rule);
  }
  const overlayText = await page.$eval(".chartlint-overlay", (o) => o.textContent.replace(/\u200b$/, ""));
  assert.equal(overlayText, SAMPLE.note.text, "the overlay mirrors the text");

  // Typing: one more red-flag sentence; the report is the engine's for the new text.
  let pass = await passOf(page, "textarea");
  await page.focus("#plain");
  await page.evaluate(() => document.getElementById("plain").setSelectionRange(0, 0));
  await page.keyboard.type("Pt tolerated treatment well today. ", { delay: 5 });
  await nextPass(page, "textarea", pass);
  await page.waitForFunction(() => window.__adapters.reports.textarea && document.getElementById("plain").value.startsWith("Pt tolerated treatment well today. "));
  await page.waitForTimeout(300);
  const typed = await page.$eval("#plain", (t) => t.value);
  report = await page.evaluate(() => window.__adapters.reports.textarea);
  assert.deepEqual(report, checker.check({ ...SAMPLE.note, text: typed }));
  const flag = report.findings.find((f) => f.rule === "elements/red-flag-phrase" && f.span.start < 20);
  assert.ok(flag, "the typed phrase is flagged");
  await page.waitForFunction((s) => [...document.querySelectorAll(".chartlint-overlay mark")].some((m) => Number(m.dataset.start) === s), flag.span.start);

  // The caret in the flagged words opens the popover with the reason and the fixes.
  await page.evaluate((at) => document.getElementById("plain").setSelectionRange(at, at), flag.span.start + 2);
  await page.keyboard.press("ArrowRight");
  await page.waitForSelector(".chartlint-popover:not([hidden]) [data-rule='elements/red-flag-phrase']");
  assert.match(await page.textContent(".chartlint-popover"), new RegExp(flag.message.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));

  // Its text edit, from the popover: the field's value is exactly the edited text.
  pass = await passOf(page, "textarea");
  await page.click(".chartlint-popover [data-rule='elements/red-flag-phrase'] .chartlint-edit");
  await nextPass(page, "textarea", pass);
  assert.equal(await page.$eval("#plain", (t) => t.value), applyEdit({ ...SAMPLE.note, text: typed }, flag.edits[0]).text);

  // A field edit (units over-billed) goes to the page's structured note.
  report = await page.evaluate(() => window.__adapters.reports.textarea);
  const over = report.findings.find((f) => f.rule === "units/over-billed");
  pass = await passOf(page, "textarea");
  await page.click("[data-testid=textarea-findings] li[data-rule='units/over-billed'] [data-action=apply-edit][data-applicability=safe]");
  await nextPass(page, "textarea", pass);
  const after = await page.evaluate(() => ({ note: window.__adapters.notes.textarea, report: window.__adapters.reports.textarea }));
  assert.deepEqual(after.note.lines, applyEdit(SAMPLE.note, over.edits[0]).lines);
  assert.ok(!after.report.findings.some((f) => f.rule === "units/over-billed"));

  // Dismiss: the finding leaves the list and is counted.
  const target = after.report.findings[0];
  pass = await passOf(page, "textarea");
  await page.locator(`[data-testid=textarea-findings] li[data-rule="${target.rule}"] [data-action=dismiss]`).first().click();
  await nextPass(page, "textarea", pass);
  const dismissedReport = await page.evaluate(() => window.__adapters.reports.textarea);
  assert.ok(!dismissedReport.findings.some((f) => f.fingerprint === target.fingerprint));
  assert.equal(dismissedReport.dismissed[0].finding.fingerprint, target.fingerprint);
  assert.equal(await page.textContent("[data-testid=textarea-findings] [data-testid=dismissed-count]"), "1 dismissed");
  assert.deepEqual(problems, []);
  await page.close();
});

test("prosemirror: decorations on the flagged words, typing re-checks, a template becomes paragraphs, dismiss", T, async () => {
  const { page, problems } = await open();
  await page.waitForFunction(() => window.__adapters.reports.prosemirror);
  let report = await page.evaluate(() => window.__adapters.reports.prosemirror);
  assert.deepEqual(report, checker.check(SAMPLE.note), "the document's plain text is the note's text");
  const decorated = await page.$$eval("#rich .cl-mark", (ms) => ms.map((m) => ({ rule: m.dataset.rule, text: m.textContent })));
  const flags = report.findings.filter((f) => f.rule === "elements/red-flag-phrase");
  assert.ok(flags.length > 0);
  for (const f of flags) {
    assert.ok(decorated.some((d) => d.rule === f.rule && d.text === SAMPLE.note.text.slice(f.span.start, f.span.end)), `decorated: ${f.span.start}`);
  }

  // Typing at the end of the first paragraph.
  let pass = await passOf(page, "prosemirror");
  await page.click("#rich .ProseMirror p >> nth=0");
  await page.keyboard.press("End");
  await page.keyboard.type(" Pt tolerated treatment well.", { delay: 5 });
  await nextPass(page, "prosemirror", pass);
  await page.waitForTimeout(400);
  const state = await page.evaluate(() => ({ text: window.__adapters.plainText(window.__adapters.view.state.doc).text, report: window.__adapters.reports.prosemirror }));
  assert.ok(state.text.split("\n")[0].endsWith("Pt tolerated treatment well."));
  assert.deepEqual(state.report, checker.check({ ...SAMPLE.note, text: state.text }));
  const typedFlag = state.report.findings.find((f) => f.rule === "elements/red-flag-phrase" && f.span.start < state.text.indexOf("\n"));
  assert.ok(typedFlag);
  await page.waitForFunction((words) => [...document.querySelectorAll("#rich .cl-mark")].some((m) => m.textContent === words), state.text.slice(typedFlag.span.start, typedFlag.span.end));

  // A template edit with line breaks, applied from the list.
  const withTemplate = state.report.findings.find((f) => f.edits.some((e) => e.applicability === "template" && e.changes.some((c) => c.replacement?.includes("\n"))));
  assert.ok(withTemplate, "the sample offers a template with a line break");
  {
    pass = await passOf(page, "prosemirror");
    await page.locator(`[data-testid=prosemirror-findings] li[data-rule="${withTemplate.rule}"] [data-action=apply-edit]`).first().click();
    await nextPass(page, "prosemirror", pass);
    const text = await page.evaluate(() => window.__adapters.plainText(window.__adapters.view.state.doc).text);
    assert.equal(text, applyEdit({ ...SAMPLE.note, text: state.text }, withTemplate.edits[0]).text);
    assert.equal(await page.$$eval("#rich .ProseMirror p", (ps) => ps.length), text.split("\n").length, "each line a paragraph");
  }

  // Dismiss the typed red flag.
  await page.waitForTimeout(400);
  report = await page.evaluate(() => window.__adapters.reports.prosemirror);
  const target = report.findings.find((f) => f.rule === "elements/red-flag-phrase");
  pass = await passOf(page, "prosemirror");
  await page.locator(`[data-testid=prosemirror-findings] li[data-rule="elements/red-flag-phrase"] [data-action=dismiss]`).first().click();
  await nextPass(page, "prosemirror", pass);
  const after = await page.evaluate(() => window.__adapters.reports.prosemirror);
  assert.ok(!after.findings.some((f) => f.fingerprint === target.fingerprint));
  assert.equal(after.dismissed.length, 1);
  assert.deepEqual(problems, []);
  await page.close();
});

test("contenteditable: highlights over exactly the flagged words (the DOM untouched), typing re-checks, a popover, a text fix", T, async () => {
  const { page, problems } = await open();
  await page.waitForFunction(() => window.__adapters.reports.contenteditable);
  let report = await page.evaluate(() => window.__adapters.reports.contenteditable);
  assert.deepEqual(report, checker.check(SAMPLE.note), "the field's text is the note's text");
  const html = await page.$eval("#editable", (e) => e.innerHTML);
  // Each finding with a span is a highlight range over its words, in its severity's highlight.
  const ranges = await page.evaluate(() => Object.fromEntries(["error", "warning", "info"].map((s) => [s, [...(CSS.highlights.get(`chartlint-${s}`) ?? [])].map((r) => r.toString())])));
  for (const f of report.findings.filter((x) => x.span && x.span.end > x.span.start)) {
    assert.ok(ranges[f.severity].includes(SAMPLE.note.text.slice(f.span.start, f.span.end)), `${f.rule} highlighted`);
  }
  assert.equal(await page.$eval("#editable", (e) => e.innerHTML), html, "highlighting changed nothing in the field");

  // Typing at the start of the first line.
  let pass = await passOf(page, "contenteditable");
  await page.click("#editable");
  await page.evaluate(() => {
    const first = document.querySelector("#editable div").firstChild;
    getSelection().setBaseAndExtent(first, 0, first, 0);
  });
  await page.keyboard.type("Pt tolerated treatment well today. ", { delay: 5 });
  await nextPass(page, "contenteditable", pass);
  await page.waitForTimeout(400);
  const state = await page.evaluate(() => ({ text: window.__adapters.editableText(document.getElementById("editable")).text, report: window.__adapters.reports.contenteditable }));
  assert.ok(state.text.startsWith("Pt tolerated treatment well today. "));
  assert.deepEqual(state.report, checker.check({ ...SAMPLE.note, text: state.text }));
  const flag = state.report.findings.find((f) => f.rule === "elements/red-flag-phrase" && f.span.start < 20);
  assert.ok(flag);

  // The caret in the flagged words: the popover; its template edit applies to the field's text.
  await page.evaluate((at) => {
    const first = document.querySelector("#editable div").firstChild;
    getSelection().setBaseAndExtent(first, at, first, at);
  }, flag.span.start + 2);
  await page.keyboard.press("ArrowRight");
  await page.waitForSelector(".chartlint-popover:not([hidden]) [data-rule='elements/red-flag-phrase']");
  pass = await passOf(page, "contenteditable");
  await page.click(".chartlint-popover:not([hidden]) [data-rule='elements/red-flag-phrase'] .chartlint-edit");
  await nextPass(page, "contenteditable", pass);
  const text = await page.evaluate(() => window.__adapters.editableText(document.getElementById("editable")).text);
  assert.equal(text, applyEdit({ ...SAMPLE.note, text: state.text }, flag.edits[0]).text);

  // A template with a line break, from the list: the field gains a line.
  report = await page.evaluate(() => window.__adapters.reports.contenteditable);
  const withBreak = report.findings.find((f) => f.edits.some((e) => e.changes.some((c) => c.replacement?.includes("\n"))));
  assert.ok(withBreak);
  pass = await passOf(page, "contenteditable");
  await page.locator(`[data-testid=contenteditable-findings] li[data-rule="${withBreak.rule}"] [data-action=apply-edit]`).first().click();
  await nextPass(page, "contenteditable", pass);
  const broken = await page.evaluate(() => window.__adapters.editableText(document.getElementById("editable")).text);
  assert.equal(broken, applyEdit({ ...SAMPLE.note, text }, withBreak.edits[0]).text);
  assert.deepEqual(problems, []);
  await page.close();
});
