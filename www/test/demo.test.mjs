// The demo in real Chromium (Debian's /usr/bin/chromium through playwright-core), against
// the built page served by `vite preview`. Expected numbers are computed with the same npm
// package in Node, so the page is checked against the engine, not against constants.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Checker, rules } from "chartlint";
import { startPreview, launchBrowser, openApp, RESULTS, WWW } from "./harness.mjs";
import { generateBatch, DEFAULT_SIZE, DEFAULT_SEED } from "../src/generator.js";
import { generateEpisodes, episodeNotes, EPISODE_COUNT, EPISODE_SEED } from "../src/episodes.js";
import { groupEpisodes } from "../src/episode-audit.js";
import { parseBatch, splitCsv } from "../src/batch-format.js";
import { SAMPLES } from "../src/samples.js";

const LINT_DELAY_MS = 120; // src/editor.js
const T = { timeout: 120_000 };

let server, browser;
const RULE_IDS = new Set(rules().map((r) => r.id));
const RED_FLAG = "elements/red-flag-phrase";

before(async () => {
  server = await startPreview();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** What the audit summary must show for `items`, computed with the package in Node: notes
 * with an episode id (or a patient id) checked in their episode with checkEpisode, their
 * episode findings counted beside their own; every other note checked on its own. */
function expectedSummary(items) {
  const checker = new Checker();
  const out = { checked: 0, ready: 0, unreadable: 0, bySeverity: { error: 0, warning: 0, info: 0 }, byRule: {} };
  const count = (ready, findings) => {
    out.checked++;
    if (ready) out.ready++;
    for (const f of findings) {
      out.bySeverity[f.severity]++;
      out.byRule[f.rule] = (out.byRule[f.rule] || 0) + 1;
    }
  };
  const single = (it) => {
    if (it.error) { out.unreadable++; return; }
    let report;
    try {
      report = checker.check(it.note);
    } catch {
      out.unreadable++;
      return;
    }
    count(report.readyToSign, report.findings);
  };
  const { groups, singles } = groupEpisodes(items);
  for (const g of groups) {
    let report;
    try {
      report = checker.checkEpisode(g.items.map((i) => items[i].note));
    } catch {
      for (const i of g.items) single(items[i]);
      continue;
    }
    report.notes.forEach((n, k) => {
      if (!n.report) { out.unreadable++; return; }
      count(n.readyToSign, [...n.report.findings, ...report.findings.filter((f) => f.noteIndex === k)]);
    });
  }
  for (const i of singles) single(items[i]);
  return out;
}

async function shownSummary(page) {
  return page.evaluate(() => {
    const t = (id) => document.querySelector(`[data-testid="${id}"]`)?.textContent.trim();
    const byRule = {};
    for (const tr of document.querySelectorAll("[data-testid=by-rule] tbody tr[data-rule]")) {
      byRule[tr.dataset.rule] = Number(tr.querySelector("[data-testid=rule-count]").textContent);
    }
    return {
      checked: Number(t("kpi-checked")), ready: Number(t("kpi-ready")), unreadable: Number(t("kpi-unreadable")),
      bySeverity: { error: parseInt(t("kpi-error")), warning: parseInt(t("kpi-warning")), info: parseInt(t("kpi-info")) },
      byRule,
    };
  });
}

async function waitAuditDone(page) {
  await page.waitForSelector("[data-testid=audit-message][data-state=done]", { timeout: 120_000 });
  const p = await page.$eval("[data-testid=progress]", (el) => ({ value: el.value, max: el.max }));
  assert.equal(p.value, p.max, "the progress bar finishes");
}

/** Puts the editor's cursor right after `marker` (the end of a sentence), as a click would. */
async function placeCursorAfter(page, marker) {
  await page.evaluate((m) => {
    const { view } = window.__chartlint.editor;
    const at = view.state.doc.toString().indexOf(m);
    if (at < 0) throw new Error(`marker not in the note: ${m}`);
    view.dispatch({ selection: { anchor: at + m.length } });
    view.focus();
  }, marker);
}

async function pickSample(page, key) {
  await page.goto(server.url + "#editor");
  await page.selectOption("#sample-picker", key);
  await page.waitForFunction((id) => window.__chartlint?.editor.report?.noteId === id, key);
}

test("editor: a red-flag phrase is underlined while typing and the underline goes when it is rewritten", T, async (t) => {
  if (!RULE_IDS.has(RED_FLAG)) {
    t.skip(`${RED_FLAG} is not in this build of the package yet`);
    return;
  }
  const { page, problems } = await openApp(browser.context, server.url);
  await pickSample(page, "pt-daily-clean");
  const marks = () => page.locator(".cm-lintRange-warning, .cm-lintRange-error");
  const flagged = () => page.evaluate((rule) => window.__chartlint.editor.report.findings.filter((f) => f.rule === rule).length, RED_FLAG);
  assert.equal(await flagged(), 0, "the clean sample has no red-flag phrase");
  // Type at the end of the assessment line.
  await placeCursorAfter(page, "dynamic valgus.");
  const phrase = " Patient tolerated treatment well.";
  await page.keyboard.type(phrase, { delay: 15 });
  await page.waitForFunction((rule) => window.__chartlint.editor.report.findings.some((f) => f.rule === rule), RED_FLAG);
  const span = await page.evaluate((rule) => window.__chartlint.editor.report.findings.find((f) => f.rule === rule).span, RED_FLAG);
  const text = await page.evaluate(() => window.__chartlint.editor.note.text);
  assert.match(text.slice(span.start, span.end).toLowerCase(), /tolerated/, "the span covers the phrase");
  await page.waitForFunction(() => [...document.querySelectorAll(".cm-lintRange-warning, .cm-lintRange-error")].some((m) => /tolerated/i.test(m.textContent)));
  // Hovering shows the tooltip with the fix and the source.
  await marks().filter({ hasText: /tolerated/i }).first().hover();
  const tip = page.locator(".cm-tooltip-lint .finding-tip").first();
  await tip.waitFor();
  assert.match(await tip.textContent(), new RegExp(RED_FLAG.replace("/", "\\/")));
  // Fix it: delete the phrase again.
  await placeCursorAfter(page, phrase);
  for (let i = 0; i < phrase.length; i++) await page.keyboard.press("Backspace");
  await page.waitForFunction((rule) => !window.__chartlint.editor.report.findings.some((f) => f.rule === rule), RED_FLAG);
  await page.waitForFunction(() => ![...document.querySelectorAll(".cm-lintRange-warning, .cm-lintRange-error")].some((m) => /tolerated/i.test(m.textContent)));
  assert.deepEqual(problems, []);
  await page.close();
});

test("editor: changing a line's minutes changes the units table", T, async () => {
  const { page, problems } = await openApp(browser.context, server.url);
  await pickSample(page, "pt-daily-clean");
  const cell = (id) => page.locator(`[data-testid="${id}"]`).textContent();
  assert.equal(await cell("supported-0"), "2");
  assert.equal(await cell("units-allowed"), "3");
  assert.equal(await page.locator("[data-testid=sign-state]").textContent(), "Ready to sign");
  // 97110 from 25 to 40 minutes: 55 timed minutes allow 4 units, 97110 supports 3.
  await page.fill('[data-field="lines[0].minutes"]', "40");
  await page.waitForFunction(() => document.querySelector('[data-testid="supported-0"]').textContent === "3");
  assert.equal(await cell("units-allowed"), "4");
  assert.equal(await cell("total-minutes"), "55");
  // Under the Rule of Eights, 40 minutes on their own are 3 units as well; 15 minutes 1.
  assert.equal(await cell("other-0"), "3");
  const rulesNow = await page.evaluate(() => window.__chartlint.editor.report.findings.map((f) => f.rule));
  assert.ok(rulesNow.includes("units/under-billed"), "2 units billed on 40 minutes is under-billed");
  // Over-bill instead: 97110 × 4 on 25 minutes.
  await page.fill('[data-field="lines[0].minutes"]', "25");
  await page.fill('[data-field="lines[0].units"]', "4");
  await page.waitForFunction(() => document.querySelector("[data-testid=sign-state]").textContent === "Not ready to sign");
  assert.equal(await cell("supported-0"), "2");
  await page.screenshot({ path: join(RESULTS, "editor-fields.png") });
  // Invalid input: the engine's error names the field and the page says so.
  await page.fill('[data-field="lines[0].minutes"]', "-5");
  await page.waitForSelector("[data-testid=input-error]");
  assert.match(await page.locator("[data-testid=input-error]").textContent(), /^lines\[0\]\.minutes: /);
  assert.match(await page.locator("[data-testid=sign-state]").textContent(), /^Not ready/);
  await page.fill('[data-field="lines[0].minutes"]', "25");
  await page.waitForFunction(() => !document.querySelector("[data-testid=input-error]"));
  assert.deepEqual(problems, []);
  await page.close();
});

test("editor: the findings panel is keyboard navigable and Enter jumps to the words or the field", T, async () => {
  const { page, problems } = await openApp(browser.context, server.url);
  await pickSample(page, "pt-daily-overbilled");
  const items = page.locator("[data-testid=findings] > li");
  const n = await items.count();
  assert.ok(n >= 2, `the flawed sample has several findings (got ${n})`);
  const active = () => page.evaluate(() => {
    const a = document.activeElement;
    return { rule: a?.dataset?.rule ?? null, index: a?.dataset?.index ?? null, field: a?.getAttribute?.("data-field") ?? null, editor: Boolean(a?.closest?.(".cm-content")) };
  });
  await items.first().focus();
  assert.equal((await active()).index, "0");
  await page.keyboard.press("ArrowDown");
  assert.equal((await active()).index, "1");
  await page.keyboard.press("End");
  assert.equal((await active()).index, String(n - 1));
  await page.keyboard.press("Home");
  assert.equal((await active()).index, "0");
  await page.keyboard.press("ArrowUp");
  assert.equal((await active()).index, "0", "ArrowUp at the top stays on the first finding");

  // Enter on each finding: a field finding focuses its input, a text finding selects its words.
  const findings = await page.evaluate(() => [...document.querySelectorAll("[data-testid=findings] > li")].map((li) => ({
    rule: li.dataset.rule, field: li.dataset.targetField ?? null, span: li.dataset.span ?? null,
  })));
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    await items.nth(i).focus();
    await page.keyboard.press("Enter");
    const a = await active();
    if (f.span) {
      assert.ok(a.editor, `${f.rule}: Enter moves the focus to the editor`);
      const sel = await page.evaluate(() => {
        const s = window.__chartlint.editor.view.state.selection.main;
        return `${s.from}-${s.to}`;
      });
      assert.equal(sel, f.span, `${f.rule}: the flagged words are selected`);
    } else if (f.field) {
      assert.ok(a.field && (a.field === f.field || f.field.startsWith(a.field) || a.field.startsWith(f.field)), `${f.rule}: Enter focuses ${f.field} (got ${a.field})`);
    }
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test("audit: the bundled sample batch finishes and its counts match the engine's", T, async () => {
  const notes = generateBatch(DEFAULT_SIZE, DEFAULT_SEED);
  const expected = expectedSummary(notes.map((note, i) => ({ row: i + 1, note })));
  const { page, problems } = await openApp(browser.context, server.url, "#audit");
  await page.click("[data-action=run-sample]");
  await waitAuditDone(page);
  const shown = await shownSummary(page);
  assert.deepEqual(shown, expected);
  const ms = await page.evaluate(() => window.__chartlint.audit.state.ms);
  console.log(`timing: audit of the ${DEFAULT_SIZE}-note sample batch in Chromium: ${ms.toFixed(0)} ms (worker, end to end incl. transfer)`);
  await page.screenshot({ path: join(RESULTS, "audit-summary.png") });
  await page.screenshot({ path: join(RESULTS, "audit-summary-full.png"), fullPage: true });
  // Sort by dollars at risk and filter by a rule.
  const someRule = Object.keys(expected.byRule)[0];
  if (someRule) {
    await page.selectOption("[data-testid=filter-rule]", someRule);
    const checker = new Checker();
    const notesWithRule = notes.filter((n) => { try { return checker.check(n).findings.some((f) => f.rule === someRule); } catch { return false; } }).length;
    assert.equal(Number(await page.locator("[data-testid=notes-shown]").textContent()), notesWithRule);
    await page.click("[data-sort=errors]");
    const errs = await page.$$eval("[data-testid=notes-table] tbody tr td:nth-child(7)", (tds) => tds.map((td) => (td.textContent === "—" ? 0 : Number(td.textContent))));
    assert.deepEqual(errs, [...errs].sort((a, b) => b - a), "sorted by errors, descending");
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test("audit: a CSV file with malformed rows is checked, a false alarm is marked, and both exports carry rule, source, policy year and the mark", T, async () => {
  const path = join(WWW, "public", "examples", "notes.csv");
  const text = readFileSync(path, "utf8");
  const items = parseBatch(text, "notes.csv").items;
  const expected = expectedSummary(items);
  assert.ok(expected.unreadable >= 2, "the example holds unreadable rows");
  const { page, problems } = await openApp(browser.context, server.url, "#audit");
  await page.setInputFiles("#batch-file", path);
  await waitAuditDone(page);
  assert.deepEqual(await shownSummary(page), expected);
  assert.equal(await page.locator("[data-testid=unreadable] li").count(), expected.unreadable);
  assert.match(await page.locator("[data-testid=unreadable]").textContent(), /malformed row/);

  // Open a note with findings in the editor and mark its first finding as a false alarm.
  await page.selectOption("[data-testid=filter-status]", "not ready");
  const row = page.locator("[data-testid=notes-table] tbody tr").first();
  const rowNumber = Number(await row.getAttribute("data-row"));
  await row.click();
  await page.waitForSelector("#view-editor:not([hidden]) .context-bar:not([hidden])");
  const first = page.locator("[data-testid=findings] > li").first();
  const markedRule = await first.getAttribute("data-rule");
  await first.locator("[data-action=false-alarm]").click();
  // A reason that a spreadsheet would run as a formula: the exports must neutralise it.
  const reason = "=2+3 minutes were on the paper flow sheet";
  await first.locator("input.fa-input").fill(reason);
  await first.locator("[data-action=save-false-alarm]").click();
  await page.click(".context-bar button");
  await page.waitForSelector("#view-audit:not([hidden])");

  const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.click("[data-action=export-csv]")]);
  const csv = readFileSync(await csvDownload.path(), "utf8");
  const rows = splitCsv(csv).map((r) => r.cells);
  const head = rows[0];
  for (const col of ["rule", "source", "policyYear", "falseAlarm", "falseAlarmReason"]) assert.ok(head.includes(col), `CSV has ${col}`);
  const col = (r, name) => r[head.indexOf(name)];
  const findingRows = rows.slice(1).filter((r) => col(r, "rule"));
  assert.equal(findingRows.length, Object.values(expected.byRule).reduce((a, b) => a + b, 0), "one CSV row per finding");
  for (const r of findingRows) {
    assert.ok(col(r, "source"), "every finding row names its source");
    assert.match(col(r, "policyYear"), /^20\d\d$/, "every finding row names its policy year");
  }
  const marked = findingRows.filter((r) => col(r, "falseAlarm") === "true");
  assert.equal(marked.length, 1);
  assert.equal(Number(col(marked[0], "row")), rowNumber);
  assert.equal(col(marked[0], "rule"), markedRule);
  assert.equal(col(marked[0], "falseAlarmReason"), `'${reason}`, "the formula-leading reason is exported as inert text");
  assert.equal(rows.slice(1).filter((r) => col(r, "error")).length, expected.unreadable, "unreadable rows are exported with their error");

  const [jsonDownload] = await Promise.all([page.waitForEvent("download"), page.click("[data-action=export-json]")]);
  const doc = JSON.parse(readFileSync(await jsonDownload.path(), "utf8"));
  assert.equal(doc.notesChecked, expected.checked);
  assert.equal(doc.readyToSign, expected.ready);
  const jsonMarked = doc.notes.flatMap((n) => (n.findings || []).filter((f) => f.falseAlarm).map((f) => ({ row: n.row, ...f })));
  assert.equal(jsonMarked.length, 1);
  assert.equal(jsonMarked[0].falseAlarm.reason, `'${reason}`);
  for (const n of doc.notes.filter((x) => x.findings)) {
    assert.ok(n.provenance.policyYear);
    for (const f of n.findings) assert.ok(f.rule && f.source && f.policyYear);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test("audit: Cancel stops a running audit", T, async () => {
  const { page, problems } = await openApp(browser.context, server.url, "#audit");
  // A batch large enough to take seconds: 200 × the example file (8,400 lines).
  const text = readFileSync(join(WWW, "public", "examples", "notes.jsonl"), "utf8");
  const big = Array.from({ length: 200 }, () => text).join("");
  await page.setInputFiles("#batch-file", { name: "big.jsonl", mimeType: "application/x-ndjson", buffer: Buffer.from(big) });
  await page.click("[data-action=cancel]");
  await page.waitForFunction(() => {
    const s = document.querySelector("[data-testid=audit-message]").dataset.state;
    return s === "cancelled" || s === "done";
  });
  assert.equal(await page.getAttribute("[data-testid=audit-message]", "data-state"), "cancelled");
  const [, done, total] = /Cancelled after (\d+) of (\d+)/.exec(await page.textContent("[data-testid=audit-message]"));
  assert.ok(Number(done) < Number(total), `stopped early (${done} of ${total})`);
  assert.ok(await page.locator("[data-testid=audit-summary]").isHidden(), "nothing is summarised");
  // Either way the page keeps working: a new audit (the bundled JSONL example, with its
  // truncated line and non-note line) runs to the end and matches the engine.
  await page.click("[data-action=example-jsonl]");
  await waitAuditDone(page);
  const expected = expectedSummary(parseBatch(text, "notes.jsonl").items);
  assert.ok(expected.unreadable >= 2);
  assert.deepEqual(await shownSummary(page), expected);
  assert.deepEqual(problems, []);
  await page.close();
});

test("audit: the 200 sample episodes, episode findings beside note findings, and the episode view", T, async () => {
  const episodes = generateEpisodes(EPISODE_COUNT, EPISODE_SEED);
  const notes = episodeNotes(episodes);
  const expected = expectedSummary(notes.map((note, i) => ({ row: i + 1, note })));
  for (const rule of ["episode/progress-report-missed", "episode/goal-without-status", "episode/cloned-documentation", "episode/visits-exceed-plan-frequency"]) {
    assert.ok(expected.byRule[rule] > 0, `the sample holds ${rule}`);
  }
  const { page, problems } = await openApp(browser.context, server.url, "#audit");
  await page.click("[data-action=run-episodes]");
  await waitAuditDone(page);
  assert.deepEqual(await shownSummary(page), expected);
  assert.equal(Number(await page.textContent("[data-testid=episodes-count]")), EPISODE_COUNT);
  const ms = await page.evaluate(() => window.__chartlint.audit.state.ms);
  console.log(`timing: audit of the ${EPISODE_COUNT} sample episodes (${notes.length} notes) in Chromium: ${ms.toFixed(0)} ms`);

  // Each episode's count of episode findings, as the engine gives it.
  const checker = new Checker();
  const reports = new Map(episodes.map((e) => [e.episodeId, checker.checkEpisode(e.notes)]));
  const shownCounts = await page.$$eval("[data-testid=episodes-table] tbody tr", (trs) => trs.map((tr) => [tr.dataset.episode, Number(tr.querySelector("[data-testid=episode-findings-count]").textContent)]));
  assert.deepEqual(shownCounts, episodes.map((e) => [`episode:${e.episodeId}`, reports.get(e.episodeId).findings.length]));

  // Open an episode with a lost goal, a missed report or a copied note: its view shows the
  // timeline, the findings and the goal table as the engine has them.
  const ep = episodes.find((e) => e.flaws.includes("lostGoal") && e.flaws.includes("cloned")) ?? episodes.find((e) => e.flaws.includes("lostGoal"));
  const report = reports.get(ep.episodeId);
  await page.click(`[data-testid=episodes-table] tbody tr[data-episode="episode:${ep.episodeId}"]`);
  const view = page.locator("[data-testid=episode-view]");
  await view.waitFor({ state: "visible" });
  assert.match(await view.locator("[data-testid=episode-title]").textContent(), new RegExp(ep.episodeId));
  assert.equal(await view.locator("[data-testid=ep-note]").count(), ep.notes.length, "every note is on the timeline");
  const shownRules = await view.locator("[data-testid=episode-finding]").evaluateAll((lis) => lis.map((li) => li.dataset.rule));
  assert.deepEqual(shownRules, report.findings.map((f) => f.rule));
  assert.ok(shownRules.includes("episode/goal-without-status"));
  const goalRows = await view.locator("[data-testid=goal-table] tbody tr").count();
  assert.equal(goalRows, report.goals.length);
  const missing = await view.locator('[data-testid=goal-table] [data-status="missing"]').count();
  assert.equal(missing, report.goals.flatMap((g) => g.statuses).filter((st) => st.status === "missing").length);
  assert.ok(missing > 0, "the lost goal shows as missing");
  // The weeks over the plan's frequency are marked, as the engine counts them.
  const overWeeks = new Set(report.timeline.entries.filter((e) => e.frequencyPerWeek && e.visitsInWeek > e.frequencyPerWeek).map((e) => e.week));
  assert.equal(await view.locator("td.ep-over").count(), overWeeks.size);
  await view.screenshot({ path: join(RESULTS, "episode-view.png") });

  // A note of the episode opens in the editor from the timeline.
  await view.locator("[data-testid=ep-note]").nth(1).click();
  await page.waitForSelector("#view-editor:not([hidden]) .context-bar:not([hidden])");
  await page.click(".context-bar button");
  await page.waitForSelector("#view-audit:not([hidden])");
  assert.ok(await page.locator("[data-testid=episode-view]").isVisible(), "the episode stays open on return");
  await page.click("[data-action=close-episode]");
  assert.ok(await page.locator("[data-testid=episode-view]").isHidden());

  // The CSV export carries the episode findings with their scope and the notes they name.
  const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.click("[data-action=export-csv]")]);
  const rows = splitCsv(readFileSync(await csvDownload.path(), "utf8")).map((r) => r.cells);
  const head = rows[0];
  const col = (r, name) => r[head.indexOf(name)];
  const episodeRows = rows.slice(1).filter((r) => col(r, "scope") === "episode");
  assert.equal(episodeRows.length, [...reports.values()].reduce((n, r) => n + r.findings.length, 0));
  assert.ok(episodeRows.every((r) => col(r, "episode") && col(r, "notesConcerned") && col(r, "rule").startsWith("episode/")));
  assert.deepEqual(problems, []);
  await page.close();
});

test("rule reference: one card per rule from rules(), with its docs", T, async () => {
  const { page, problems } = await openApp(browser.context, server.url, "#rules");
  const ids = await page.$$eval(".rule-card", (cards) => cards.map((c) => c.dataset.rule));
  assert.deepEqual(ids, rules().map((r) => r.id));
  const first = rules()[0];
  const card = page.locator(`.rule-card[data-rule="${first.id}"]`);
  assert.match(await card.textContent(), new RegExp(first.source.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  assert.ok(await card.locator(".example pre").count() > 0, "the example is shown");
  assert.deepEqual(problems, []);
  await page.close();
});

test("privacy: no network request after load, works offline, CSP allows WASM without unsafe-eval", T, async () => {
  const res = await fetch(server.url);
  const csp = res.headers.get("content-security-policy") || "";
  assert.match(csp, /'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /'unsafe-eval'/);
  const html = await res.text();
  assert.match(html, /http-equiv="Content-Security-Policy"/, "the built page carries the CSP meta tag too");

  const { page, problems } = await openApp(browser.context, server.url);
  const requests = [];
  const record = (r) => {
    if (/^(https?|wss?):/.test(r.url())) requests.push(r.url());
  };
  browser.context.on("request", record);
  try {
    await browser.context.setOffline(true);
    // Use everything: samples, typing, fields, the audit (worker), the example files, rules, export.
    for (const s of SAMPLES.slice(0, 6)) await page.selectOption("#sample-picker", s.key);
    await page.locator(".cm-content").click();
    await page.keyboard.type(" Pt tolerated treatment well.");
    await page.fill('[data-field="lines[0].minutes"]', "12");
    await page.click('.tabs a[data-view="audit"]');
    await page.click("[data-action=run-sample]");
    await waitAuditDone(page);
    await page.click("[data-action=example-csv]");
    await waitAuditDone(page);
    const [dl] = await Promise.all([page.waitForEvent("download"), page.click("[data-action=export-json]")]);
    await dl.path();
    await page.click('.tabs a[data-view="rules"]');
    await page.waitForSelector("#view-rules:not([hidden]) .rule-card");
    assert.deepEqual(requests, [], "no request left the page after load");
  } finally {
    browser.context.off("request", record);
    await browser.context.setOffline(false);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test("measure: keystroke-to-underline round trip on a 3 KB note (printed, not asserted)", T, async () => {
  const { page } = await openApp(browser.context, server.url);
  await pickSample(page, "pt-progress-clean");
  // Grow the note to about 3 KB with more treatment detail.
  const base = SAMPLES.find((s) => s.key === "pt-progress-clean").note.text;
  let text = base;
  let k = 1;
  while (text.length < 3072) text = text.replace(/\nP: /, `\nAdditional note ${k++}: reviewed HEP technique for step-downs with tactile cues at the hip; pt demonstrated 10 reps with correct alignment.\nP: `);
  await page.evaluate((t) => window.__chartlint.editor.editor.setText(t), text);
  await page.waitForFunction((n) => window.__chartlint.editor.note.text.length === n, text.length);
  const size = Buffer.byteLength(text, "utf8");
  const textRule = RULE_IDS.has(RED_FLAG);
  // Type a phrase that creates a finding; time the last keystroke to the underline (or,
  // without a text rule in this build, to the findings panel's update).
  const runs = [];
  const checks = [];
  for (let i = 0; i < 7; i++) {
    await placeCursorAfter(page, "to progress loading and gait.");
    await page.keyboard.type(" Patient tolerated treatment wel", { delay: 5 });
    await page.waitForTimeout(300);
    const before = await page.evaluate(() => document.querySelectorAll(".cm-lintRange-warning, .cm-lintRange-error").length);
    await page.evaluate(({ textRule, before }) => {
      window.__rt = new Promise((resolve) => {
        let t0 = 0;
        const stat = document.querySelector("[data-testid=check-time]");
        const startPass = stat.dataset.pass;
        document.addEventListener("keydown", () => { t0 = performance.now(); }, { once: true, capture: true });
        const done = () => resolve(performance.now() - t0);
        setTimeout(() => { obs.disconnect(); resolve(NaN); }, 5000);
        const obs = new MutationObserver(() => {
          if (!t0) return;
          if (textRule ? document.querySelectorAll(".cm-lintRange-warning, .cm-lintRange-error").length > before : stat.dataset.pass !== startPass) {
            obs.disconnect();
            done();
          }
        });
        obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      });
    }, { textRule, before });
    await page.keyboard.type("l");
    runs.push(await page.evaluate(() => window.__rt));
    checks.push(await page.evaluate(() => Number(document.querySelector("[data-testid=check-time]").dataset.ms)));
    // Undo the phrase for the next run.
    await page.evaluate((t) => window.__chartlint.editor.editor.setText(t), text);
    await page.waitForTimeout(200);
  }
  const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  assert.ok(runs.every(Number.isFinite), `every keystroke produced the ${textRule ? "underline" : "lint pass"} (${runs.join(", ")})`);
  console.log(`timing: keystroke-to-${textRule ? "underline" : "lint-pass"} round trip on a ${size}-byte note: median ${median(runs).toFixed(0)} ms over ${runs.length} runs (includes the lint source's ${LINT_DELAY_MS} ms debounce); checker.check itself: median ${median(checks).toFixed(2)} ms`);
  await page.close();
});

test("screenshot: the editor with a flawed note and its tooltip", T, async () => {
  const { page } = await openApp(browser.context, server.url);
  await pickSample(page, "pt-daily-overbilled");
  const mark = page.locator(".cm-lintRange-warning, .cm-lintRange-error").first();
  if (await mark.count()) {
    await mark.hover();
    await page.waitForSelector(".cm-tooltip-lint", { timeout: 3000 }).catch(() => {});
  }
  await page.screenshot({ path: join(RESULTS, "editor.png") });
  await pickSample(page, "pt-eval-overcoded");
  await page.screenshot({ path: join(RESULTS, "editor-evaluation.png") });
  await page.close();
});
