// The batch audit: load a CSV/JSONL file (or generate the sample batch), check every note in
// its episode of care when the notes carry `episodeId` or `patientId` (checkEpisode: episode
// findings beside the notes' own, an episode view with the timeline and the goal table), else
// one by one, in a Web Worker (chartlint/worker's WorkerChecker: a few checks in flight at a
// time, so Cancel stops it at once) with progress and Cancel, then summarise: share ready to
// sign, findings by rule and severity, dollars at risk by rule (Chart.js), a sortable,
// filterable table of
// notes (click one to open it in the editor), false-alarm marks, CSV/JSON export.
import {
  Chart, BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Tooltip, Legend,
} from "chart.js";
import { el, add, clear, formatMoney, sumMoney, download, plural } from "./util.js";
import { parseBatch, toExportCsv, neutraliseStrings } from "./batch-format.js";
import { generateBatch, DEFAULT_SEED, DEFAULT_SIZE } from "./generator.js";
import { generateEpisodes, episodeNotes, EPISODE_COUNT, EPISODE_SEED } from "./episodes.js";
import { groupEpisodes, episodeSummary, rowFromEpisode } from "./episode-audit.js";
import { renderEpisodeView } from "./episode-view.js";
import exampleCsv from "../public/examples/notes.csv?raw";
import exampleJsonl from "../public/examples/notes.jsonl?raw";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Tooltip, Legend);
Chart.defaults.font.family = getComputedStyle(document.documentElement).getPropertyValue("--font-ui") || "system-ui, sans-serif";
Chart.defaults.color = "#334155";
Chart.defaults.animation = false;

const SEV_COLOR = { error: "#dc2626", warning: "#d97706", info: "#2563eb" };

/** Checks in flight at once: enough to keep the worker busy, few enough to stop at once. */
const IN_FLIGHT = 8;

export function mountAuditView(root, app) {
  const checker = app.auditChecker;
  let running = null; // the AbortController of the audit under way

  const state = {
    job: 0,
    source: null, // { label, name }
    items: [], // what was sent: { row, id?, note?, error? }
    results: null, // per item: { row, report?, kind?, error?, episode?, episodeFindings?, readyToSign? }
    episodes: [], // per episode: { key, label, items, report?, error?, summary }
    ms: 0,
    falseAlarms: new Map(), // key -> reason
    sort: { key: "row", dir: 1 },
    filter: { rule: "", status: "", q: "" },
  };
  const charts = [];

  // ---- Controls -------------------------------------------------------------------------
  const fileInput = el("input", { type: "file", accept: ".csv,.jsonl,.ndjson,.json,text/csv,application/json", id: "batch-file", class: "visually-hidden" });
  const sampleBtn = el("button", { type: "button", class: "btn primary", "data-action": "run-sample" }, `Audit the sample batch (${DEFAULT_SIZE} notes)`);
  const episodesBtn = el("button", { type: "button", class: "btn primary", "data-action": "run-episodes" }, `Audit the sample episodes (${EPISODE_COUNT} episodes)`);
  const progressBar = el("progress", { max: 1, value: 0, "data-testid": "progress" });
  const progressText = el("span", { class: "progress-text", "data-testid": "progress-text" });
  const cancelBtn = el("button", { type: "button", class: "btn", "data-action": "cancel" }, "Cancel");
  const progressCard = el("div", { class: "card progress-card", hidden: true, role: "status", "aria-live": "polite" }, [
    el("div", { class: "progress-row" }, [progressBar, progressText, cancelBtn]),
  ]);
  const message = el("p", { class: "audit-message", "data-testid": "audit-message", role: "status" });
  const summary = el("div", { class: "summary", hidden: true, "data-testid": "audit-summary" });

  root.append(
    el("div", { class: "audit" }, [
      el("div", { class: "audit-head" }, [
        el("div", {}, [
          el("h2", {}, "Batch audit"),
          el("p", { class: "lede" }, "Check a batch of notes the way a payer's reviewer would: which rules fail, how often, and what it costs. Everything runs in this page; the file never leaves your computer."),
        ]),
      ]),
      el("div", { class: "card sources" }, [
        sampleBtn,
        episodesBtn,
        el("label", { class: "btn", for: "batch-file", tabindex: "0", onkeydown: (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); fileInput.click(); } } }, "Load a CSV or JSONL file…"),
        fileInput,
        el("span", { class: "sep" }, "or try"),
        el("button", { type: "button", class: "btn subtle", "data-action": "example-csv", onclick: () => runText(exampleCsv, "notes.csv", "example CSV (notes.csv)") }, "example CSV"),
        el("button", { type: "button", class: "btn subtle", "data-action": "example-jsonl", onclick: () => runText(exampleJsonl, "notes.jsonl", "example JSONL (notes.jsonl)") }, "example JSONL"),
        el("span", { class: "muted small" }, [
          "Formats: ",
          el("a", { href: "examples/notes.csv", download: "notes.csv" }, "notes.csv"), ", ",
          el("a", { href: "examples/notes.jsonl", download: "notes.jsonl" }, "notes.jsonl"),
          " (one note per row or line; see the README).",
        ]),
      ]),
      progressCard,
      message,
      summary,
    ]),
  );

  sampleBtn.addEventListener("click", () => {
    const notes = generateBatch(DEFAULT_SIZE, DEFAULT_SEED);
    start(notes.map((note, i) => ({ row: i + 1, id: note.id, note })), { label: `sample batch (${DEFAULT_SIZE} notes, seed ${DEFAULT_SEED})`, name: "sample-batch" });
  });
  episodesBtn.addEventListener("click", () => {
    const notes = episodeNotes(generateEpisodes(EPISODE_COUNT, EPISODE_SEED));
    start(notes.map((note, i) => ({ row: i + 1, id: note.id, note })), { label: `sample episodes (${EPISODE_COUNT} episodes, ${notes.length} notes, seed ${EPISODE_SEED})`, name: "sample-episodes" });
  });
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    runText(await file.text(), file.name, file.name);
    fileInput.value = "";
  });
  cancelBtn.addEventListener("click", () => {
    running?.abort();
    cancelBtn.disabled = true;
  });

  function runText(text, name, label) {
    const parsed = parseBatch(text, name);
    if (parsed.error) {
      message.textContent = `Could not read ${name}: ${parsed.error}.`;
      message.className = "audit-message bad";
      return;
    }
    start(parsed.items, { label, name: name.replace(/\.[^.]+$/, ""), unknownColumns: parsed.unknownColumns });
  }

  function start(items, source) {
    const job = ++state.job;
    state.items = items;
    state.source = source;
    state.results = null;
    state.episodes = [];
    state.episodeOpen = null;
    state.falseAlarms.clear();
    state.filter = { rule: "", status: "", q: "" };
    summary.hidden = true;
    message.textContent = "";
    message.className = "audit-message";
    delete message.dataset.state;
    progressCard.hidden = false;
    progressBar.max = Math.max(1, items.length);
    progressBar.value = 0;
    progressText.textContent = `0 / ${items.length} notes`;
    cancelBtn.disabled = false;
    sampleBtn.disabled = true;
    episodesBtn.disabled = true;
    const grouping = groupEpisodes(items);
    running?.abort();
    const controller = new AbortController();
    running = controller;
    const t0 = performance.now();
    checkAll(items, grouping.groups, controller.signal, (done) => {
      progressBar.value = done;
      progressText.textContent = `${done} / ${items.length} notes`;
    }).then(({ results, episodes, done }) => {
      if (job !== state.job) return;
      running = null;
      sampleBtn.disabled = false;
      episodesBtn.disabled = false;
      if (!results) {
        progressCard.hidden = true;
        message.textContent = `Cancelled after ${done} of ${items.length} notes. Nothing was kept.`;
        message.dataset.state = "cancelled";
        return;
      }
      state.results = results;
      state.episodes = grouping.groups.map((g, k) => {
        const e = episodes[k];
        return { ...g, report: e.report, error: e.error, summary: episodeSummary(g, e.report, e.error) };
      });
      state.ms = performance.now() - t0;
      progressBar.value = progressBar.max;
      progressText.textContent = `${items.length} / ${items.length} notes · done in ${(state.ms / 1000).toFixed(2)} s`;
      cancelBtn.disabled = true;
      message.dataset.state = "done";
      message.textContent = `Checked ${source.label} in ${(state.ms / 1000).toFixed(2)} s.`;
      renderSummary();
    }, (e) => {
      if (job !== state.job) return;
      running = null;
      progressCard.hidden = true;
      sampleBtn.disabled = false;
      episodesBtn.disabled = false;
      message.textContent = `The audit stopped: ${e?.message ?? e}`;
      message.className = "audit-message bad";
    });
  }

  /** One row checked on its own (an unreadable row is kept as such). */
  async function checkOne(it, signal) {
    if (it.error) return { row: it.row, kind: "malformed", error: it.error };
    try {
      return { row: it.row, report: await checker.check(it.note, { signal, dismissed: app.dismissedFor(`audit:${it.row}`) }) };
    } catch (e) {
      if (e?.name === "AbortError") throw e;
      return { row: it.row, kind: "invalid", error: String(e?.message ?? e) };
    }
  }

  /**
   * Checks every item in the worker: each episode (`groups`: { key, items: indexes }) with
   * checkEpisode, every other row on its own. An episode that cannot be checked as a whole
   * (two disciplines, two notes with one id…) is recorded with its error and its rows are
   * checked one by one. Returns the results (null when cancelled), per group { report } or
   * { error }, and how many notes were done.
   */
  async function checkAll(items, groups, signal, onProgress) {
    const results = new Array(items.length);
    const episodes = new Array(groups.length);
    const grouped = new Set(groups.flatMap((g) => g.items));
    const queue = [
      ...groups.map((g, k) => ({ group: k })),
      ...items.map((_, i) => i).filter((i) => !grouped.has(i)).map((i) => ({ item: i })),
    ];
    let next = 0;
    let done = 0;
    let shown = 0;
    const progress = (n) => {
      done += n;
      const now = performance.now();
      if (now - shown > 50 || done === items.length) {
        shown = now;
        onProgress(done);
      }
    };
    const lane = async () => {
      while (next < queue.length && !signal.aborted) {
        const u = queue[next++];
        try {
          if (u.group !== undefined) {
            const g = groups[u.group];
            try {
              const report = await checker.checkEpisode(g.items.map((i) => items[i].note), { signal });
              g.items.forEach((i, k) => { results[i] = rowFromEpisode(items[i].row, report, k, g.key); });
              // The rows carry the notes' reports; the episode keeps the rest.
              for (const n of report.notes) delete n.report;
              episodes[u.group] = { report };
              progress(g.items.length);
            } catch (e) {
              if (e?.name === "AbortError") throw e;
              episodes[u.group] = { error: String(e?.message ?? e) };
              queue.push(...g.items.map((i) => ({ item: i, episode: g.key })));
            }
          } else {
            const r = await checkOne(items[u.item], signal);
            results[u.item] = u.episode ? { ...r, episode: u.episode } : r;
            progress(1);
          }
        } catch (e) {
          if (e?.name === "AbortError") return;
          throw e;
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
    return { results: signal.aborted ? null : results, episodes, done };
  }

  // ---- Aggregates ----------------------------------------------------------------------
  const faKey = (row, f) => `${row}|${f.rule}|${f.field ?? ""}|${f.span ? `${f.span.start}-${f.span.end}` : ""}`;
  /** A row's findings: the note's own, then the episode findings about it. */
  const allFindings = (r) => [...(r.report?.findings || []), ...(r.episodeFindings || [])];
  /** Ready to sign: its own report and, in an episode, the episode findings about it. */
  const isReady = (r) => r.readyToSign ?? r.report?.readyToSign;

  function aggregate() {
    const byRule = new Map();
    const bySeverity = { error: 0, warning: 0, info: 0 };
    let checked = 0, ready = 0, findings = 0, falseAlarms = 0;
    const unreadable = [];
    const money = [];
    for (const r of state.results) {
      if (!r.report) { unreadable.push(r); continue; }
      checked++;
      if (isReady(r)) ready++;
      const seen = new Set();
      for (const f of allFindings(r)) {
        findings++;
        bySeverity[f.severity]++;
        const fa = state.falseAlarms.has(faKey(r.row, f));
        if (fa) falseAlarms++;
        let e = byRule.get(f.rule);
        if (!e) byRule.set(f.rule, (e = { rule: f.rule, severity: f.severity, source: f.source, count: 0, notes: 0, money: [], falseAlarms: 0 }));
        e.count++;
        if (fa) e.falseAlarms++;
        if (!seen.has(f.rule)) { e.notes++; seen.add(f.rule); }
        if (f.amountAtRisk) { e.money.push(f.amountAtRisk); money.push(f.amountAtRisk); }
      }
    }
    const rules = [...byRule.values()].map((e) => ({ ...e, amount: sumMoney(e.money) }))
      .sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule));
    return { checked, ready, findings, bySeverity, rules, unreadable, falseAlarms, money: sumMoney(money), total: state.results.length };
  }

  // ---- Summary -------------------------------------------------------------------------
  function renderSummary() {
    for (const c of charts.splice(0)) c.destroy();
    clear(summary);
    summary.hidden = false;
    const agg = aggregate();
    const share = agg.checked ? (100 * agg.ready) / agg.checked : 0;
    const kpi = (label, value, testid, sub, cls = "") => el("div", { class: `kpi ${cls}` }, [
      el("div", { class: "kpi-label" }, label),
      el("div", { class: "kpi-value", "data-testid": testid }, value),
      sub ? el("div", { class: "kpi-sub" }, sub) : null,
    ]);
    add(summary, el("div", { class: "kpis" }, [
      kpi("Notes checked", String(agg.checked), "kpi-checked", `of ${plural(agg.total, "row")} in ${state.source.label}`),
      kpi("Ready to sign", `${share.toFixed(1)}%`, "kpi-ready-share", el("span", {}, [el("span", { "data-testid": "kpi-ready" }, String(agg.ready)), ` of ${agg.checked} notes`]), share >= 80 ? "good" : share >= 50 ? "meh" : "bad"),
      kpi("Findings", String(agg.findings), "kpi-findings", el("span", { class: "sev-counts" }, ["error", "warning", "info"].map((s) =>
        el("span", { class: `sev sev-${s}`, "data-testid": `kpi-${s}` }, `${agg.bySeverity[s]} ${s}`)))),
      kpi("Dollars at risk", formatMoney(agg.money), "kpi-money", "sum of the findings' amounts"),
      kpi("Unreadable rows", String(agg.unreadable.length), "kpi-unreadable", agg.unreadable.length ? "reported below; the rest was checked" : "every row was read", agg.unreadable.length ? "bad" : ""),
    ]));

    // Charts.
    const chartCard = (title, canvas, wide = false) => el("div", { class: `card chart-card ${wide ? "wide" : ""}` }, [el("h3", {}, title), el("div", { class: "chart-box" }, canvas)]);
    const c1 = el("canvas", { "aria-label": "Findings by rule", role: "img" });
    const c2 = el("canvas", { "aria-label": "Findings by severity", role: "img" });
    const c3 = el("canvas", { "aria-label": "Dollars at risk by rule", role: "img" });
    const moneyRules = agg.rules.filter((r) => Number(r.amount) > 0).sort((a, b) => Number(b.amount) - Number(a.amount));
    add(summary, el("div", { class: "charts" }, [
      chartCard("Findings by rule", c1, true),
      chartCard("By severity", c2),
      moneyRules.length ? chartCard("Dollars at risk by rule", c3, true)
        : el("div", { class: "card chart-card wide" }, [el("h3", {}, "Dollars at risk by rule"),
          el("p", { class: "chart-empty" }, "No finding in this batch carries an amount at risk.")]),
    ]));
    const barOpts = (money) => ({
      indexAxis: "y", responsive: true, maintainAspectRatio: false,
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (ctx) => (money ? formatMoney(ctx.raw) : `${ctx.raw} findings`) } } },
      scales: { x: { beginAtZero: true, ticks: money ? { callback: (v) => formatMoney(v) } : { precision: 0 } }, y: { ticks: { font: { family: "ui-monospace, SFMono-Regular, Menlo, monospace", size: 11 } } } },
    });
    charts.push(new Chart(c1, {
      type: "bar",
      data: { labels: agg.rules.map((r) => r.rule), datasets: [{ data: agg.rules.map((r) => r.count), backgroundColor: agg.rules.map((r) => SEV_COLOR[r.severity]), borderRadius: 3 }] },
      options: barOpts(false),
    }));
    charts.push(new Chart(c2, {
      type: "doughnut",
      data: { labels: ["error", "warning", "info"], datasets: [{ data: ["error", "warning", "info"].map((s) => agg.bySeverity[s]), backgroundColor: ["error", "warning", "info"].map((s) => SEV_COLOR[s]) }] },
      options: { responsive: true, maintainAspectRatio: false, plugins: { legend: { position: "bottom" } } },
    }));
    if (moneyRules.length) charts.push(new Chart(c3, {
      type: "bar",
      data: { labels: moneyRules.map((r) => r.rule), datasets: [{ data: moneyRules.map((r) => Number(r.amount)), backgroundColor: moneyRules.map((r) => SEV_COLOR[r.severity]), borderRadius: 3 }] },
      options: barOpts(true),
    }));
    for (const [canvas, rules] of [[c1, agg.rules], [c3, moneyRules]]) {
      canvas.parentElement.style.height = `${Math.max(140, 26 * rules.length + 40)}px`;
    }

    // By-rule table (the charts' numbers, readable and clickable to filter).
    const ruleRows = agg.rules.map((r) => el("tr", { "data-rule": r.rule }, [
      el("td", {}, el("button", { type: "button", class: "linkish mono", onclick: () => setFilter({ rule: r.rule }) }, r.rule)),
      el("td", {}, el("span", { class: `sev sev-${r.severity}` }, r.severity)),
      el("td", { class: "num", "data-testid": "rule-count" }, String(r.count)),
      el("td", { class: "num" }, String(r.notes)),
      el("td", { class: "num" }, Number(r.amount) ? formatMoney(r.amount) : "—"),
      el("td", { class: "num" }, r.falseAlarms ? String(r.falseAlarms) : "—"),
      el("td", { class: "muted small" }, r.source),
    ]));
    add(summary, el("div", { class: "card" }, [
      el("h3", {}, "Findings by rule"),
      el("table", { class: "data by-rule", "data-testid": "by-rule" }, [
        el("thead", {}, el("tr", {}, ["Rule", "Severity", "Findings", "Notes", "At risk", "False alarms", "Source"].map((h) => el("th", {}, h)))),
        el("tbody", {}, ruleRows.length ? ruleRows : el("tr", {}, el("td", { colspan: 7, class: "empty" }, "No findings in this batch."))),
      ]),
    ]));

    if (agg.unreadable.length) {
      add(summary, el("div", { class: "card unreadable" }, [
        el("h3", {}, `Unreadable rows (${agg.unreadable.length})`),
        el("p", { class: "muted small" }, "These rows could not be checked; every other row was."),
        el("ul", { "data-testid": "unreadable" }, agg.unreadable.map((r) => el("li", {}, [
          el("span", { class: `tag ${r.kind === "malformed" ? "tag-bad" : "tag-warn"}` }, r.kind === "malformed" ? "malformed row" : "invalid note"),
          ` row ${r.row}: `, el("code", {}, r.error),
        ]))),
      ]));
    }

    if (state.episodes.length) add(summary, renderEpisodesTable());
    add(summary, episodePanel);
    if (state.episodeOpen) showEpisode(state.episodeOpen);
    add(summary, renderNotesTable(agg));
  }

  // ---- Episodes ------------------------------------------------------------------------
  const episodePanel = el("section", { class: "card episode-view", hidden: true, "data-testid": "episode-view", "aria-label": "Episode of care" });

  function renderEpisodesTable() {
    const eps = state.episodes;
    const withFindings = eps.filter((e) => e.summary.episodeFindings > 0).length;
    const byRule = new Map();
    for (const e of eps) for (const r of e.summary.rules || []) byRule.set(r, (byRule.get(r) || 0) + 1);
    const rows = eps.map((e) => {
      const sm = e.summary;
      const tr = el("tr", { tabindex: "0", "data-episode": e.key, title: "Open the episode" }, [
        el("td", { class: "mono" }, e.label),
        el("td", {}, sm.discipline ?? "—"),
        el("td", { class: "num" }, String(sm.notes)),
        el("td", { class: "small" }, sm.start ? `${sm.start} → ${sm.end}` : "—"),
        el("td", { class: "num" }, sm.treatmentDays ?? "—"),
        el("td", { class: "num", "data-testid": "episode-findings-count" }, sm.error ? "—" : String(sm.episodeFindings)),
        el("td", {}, sm.error ? el("span", { class: "tag tag-bad", title: sm.error }, "not checked as an episode") : (sm.rules || []).map((x) => el("code", { class: "chip" }, x.replace("episode/", "")))),
        el("td", { class: "num" }, sm.goals === undefined ? "—" : `${sm.goalsOpen} / ${sm.goals}`),
      ]);
      const open = () => openEpisode(e.key);
      tr.addEventListener("click", open);
      tr.addEventListener("keydown", (ev) => { if (ev.key === "Enter") open(); });
      return tr;
    });
    return el("div", { class: "card" }, [
      el("h3", {}, ["Episodes ", el("span", { class: "count", "data-testid": "episodes-count" }, String(eps.length))]),
      el("p", { class: "muted small" }, [
        `${withFindings} of ${eps.length} episodes have episode findings. `,
        [...byRule.entries()].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r.replace("episode/", "")}: ${n}`).join(" · "),
      ]),
      el("div", { class: "table-scroll episodes-scroll" }, el("table", { class: "data episodes", "data-testid": "episodes-table" }, [
        el("thead", {}, el("tr", {}, ["Episode", "Disc.", "Notes", "Dates", "Treatment days", "Episode findings", "Rules", "Goals open"].map((h) => el("th", {}, h)))),
        el("tbody", {}, rows),
      ])),
    ]);
  }

  function showEpisode(key) {
    const e = state.episodes.find((x) => x.key === key);
    if (!e) return;
    state.episodeOpen = key;
    episodePanel.hidden = false;
    if (!e.report) {
      clear(episodePanel);
      add(episodePanel, el("h3", {}, `Episode ${e.label}`), el("p", { class: "audit-message bad" }, `Not checked as an episode: ${e.error}. Its notes were checked one by one.`),
        el("button", { type: "button", class: "btn", "data-action": "close-episode", onclick: closeEpisode }, "Close"));
      return;
    }
    renderEpisodeView(episodePanel, {
      summary: e.summary, report: e.report,
      notes: e.items.map((i) => state.items[i].note),
      rows: e.items.map((i) => state.results[i]),
      onOpenNote: (k) => openNote(e.items[k]),
      onClose: closeEpisode,
    });
  }
  function openEpisode(key) {
    showEpisode(key);
    episodePanel.scrollIntoView({ block: "start", behavior: "instant" });
  }
  function closeEpisode() {
    state.episodeOpen = null;
    episodePanel.hidden = true;
    clear(episodePanel);
  }

  // ---- Notes table ---------------------------------------------------------------------
  let tableCard = null;
  function setFilter(f) {
    Object.assign(state.filter, f);
    const agg = aggregate();
    const old = tableCard;
    const fresh = renderNotesTable(agg);
    old.replaceWith(fresh);
    fresh.scrollIntoView({ block: "start", behavior: "instant" });
  }

  function noteRows() {
    return state.results.map((r, i) => {
      const item = state.items[i];
      const note = item?.note;
      const rep = r.report;
      const counts = { error: 0, warning: 0, info: 0 };
      let fa = 0;
      const fs = allFindings(r);
      for (const f of fs) {
        counts[f.severity]++;
        if (state.falseAlarms.has(faKey(r.row, f))) fa++;
      }
      const ep = r.episode ? state.episodes.find((e) => e.key === r.episode) : null;
      return {
        i, row: r.row, id: rep?.noteId ?? item?.id ?? note?.id ?? "", episode: ep?.label ?? "", episodeKey: r.episode ?? "",
        discipline: note?.discipline ?? "", noteType: note?.noteType ?? "",
        payer: note?.payer?.kind ?? "", status: !rep ? "unreadable" : isReady(r) ? "ready" : "not ready",
        errors: counts.error, warnings: counts.warning, infos: counts.info, falseAlarms: fa,
        money: sumMoney(fs.map((f) => f.amountAtRisk)),
        rules: [...new Set(fs.map((f) => f.rule))],
        error: r.error,
      };
    });
  }

  function renderNotesTable(agg) {
    const cols = [
      ["row", "Row", "num"], ["id", "Note", ""], ...(state.episodes.length ? [["episode", "Episode", ""]] : []), ["discipline", "Disc.", ""], ["noteType", "Type", ""], ["payer", "Payer", ""],
      ["status", "Status", ""], ["errors", "Errors", "num"], ["warnings", "Warnings", "num"], ["money", "At risk", "num"], ["rules", "Rules", ""],
    ];
    let rows = noteRows();
    const f = state.filter;
    if (f.rule) rows = rows.filter((r) => r.rules.includes(f.rule));
    if (f.status) rows = rows.filter((r) => r.status === f.status);
    if (f.q) {
      const q = f.q.toLowerCase();
      rows = rows.filter((r) => String(r.id).toLowerCase().includes(q) || String(r.episode).toLowerCase().includes(q) || String(r.row) === q);
    }
    const { key, dir } = state.sort;
    const val = (r) => (key === "money" ? Number(r.money) : key === "rules" ? r.rules.length : r[key]);
    rows.sort((a, b) => {
      const x = val(a), y = val(b);
      return (typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y))) * dir || a.row - b.row;
    });

    const ruleSelect = el("select", { "aria-label": "Filter by rule", "data-testid": "filter-rule" }, [
      el("option", { value: "" }, "All rules"),
      ...agg.rules.map((r) => el("option", { value: r.rule, selected: f.rule === r.rule }, `${r.rule} (${r.notes})`)),
    ]);
    ruleSelect.addEventListener("change", () => setFilter({ rule: ruleSelect.value }));
    const statusSelect = el("select", { "aria-label": "Filter by status", "data-testid": "filter-status" }, [
      ["", "Any status"], ["not ready", "Not ready"], ["ready", "Ready to sign"], ["unreadable", "Unreadable"],
    ].map(([v, t]) => el("option", { value: v, selected: f.status === v }, t)));
    statusSelect.addEventListener("change", () => setFilter({ status: statusSelect.value }));
    const search = el("input", { type: "search", placeholder: "Note id or row", value: f.q, "aria-label": "Find a note" });
    search.addEventListener("change", () => setFilter({ q: search.value.trim() }));

    const th = (k, label, cls) => {
      const sorted = state.sort.key === k;
      return el("th", { class: cls, "aria-sort": sorted ? (state.sort.dir > 0 ? "ascending" : "descending") : "none" },
        el("button", {
          type: "button", class: "sort", "data-sort": k,
          onclick: () => {
            state.sort = { key: k, dir: sorted ? -state.sort.dir : k === "row" || k === "id" ? 1 : -1 };
            setFilter({});
          },
        }, [label, el("span", { class: "arrow", "aria-hidden": "true" }, sorted ? (state.sort.dir > 0 ? " ▲" : " ▼") : "")]));
    };
    const body = el("tbody", {}, rows.map((r) => {
      const tr = el("tr", { class: `st-${r.status.replace(" ", "-")}`, tabindex: "0", "data-row": String(r.row), title: r.error ? r.error : "Open in the editor" }, [
        el("td", { class: "num" }, String(r.row)),
        el("td", { class: "mono" }, r.id || "—"),
        state.episodes.length ? el("td", { class: "mono" }, r.episodeKey ? el("button", { type: "button", class: "linkish mono", "data-episode": r.episodeKey, onclick: (e) => { e.stopPropagation(); openEpisode(r.episodeKey); } }, r.episode) : "—") : null,
        el("td", {}, r.discipline),
        el("td", {}, r.noteType),
        el("td", {}, r.payer),
        el("td", {}, el("span", { class: `pill pill-${r.status.replace(" ", "-")}` }, r.status)),
        el("td", { class: "num" }, r.errors ? String(r.errors) : "—"),
        el("td", { class: "num" }, r.warnings ? String(r.warnings) : "—"),
        el("td", { class: "num" }, Number(r.money) ? formatMoney(r.money) : "—"),
        el("td", { class: "rules-cell" }, r.error ? el("span", { class: "muted small" }, r.error) : [
          ...r.rules.slice(0, 3).map((x) => el("code", { class: "chip" }, x)),
          r.rules.length > 3 ? el("span", { class: "muted small" }, ` +${r.rules.length - 3}`) : null,
          r.falseAlarms ? el("span", { class: "tag tag-fa" }, `${r.falseAlarms} false alarm${r.falseAlarms > 1 ? "s" : ""}`) : null,
        ]),
      ]);
      const open = () => openNote(r.i);
      tr.addEventListener("click", open);
      tr.addEventListener("keydown", (e) => {
        if (e.key === "Enter") open();
        else if (e.key === "ArrowDown") { e.preventDefault(); tr.nextElementSibling?.focus(); }
        else if (e.key === "ArrowUp") { e.preventDefault(); tr.previousElementSibling?.focus(); }
      });
      return tr;
    }));

    tableCard = el("div", { class: "card notes-card" }, [
      el("div", { class: "table-head" }, [
        el("h3", {}, ["Notes ", el("span", { class: "count", "data-testid": "notes-shown" }, String(rows.length))]),
        el("div", { class: "filters" }, [ruleSelect, statusSelect, search]),
        el("div", { class: "exports" }, [
          el("button", { type: "button", class: "btn", "data-action": "export-csv", onclick: exportCsv }, "Export CSV"),
          el("button", { type: "button", class: "btn", "data-action": "export-json", onclick: exportJson }, "Export JSON"),
        ]),
      ]),
      el("div", { class: "table-scroll" }, el("table", { class: "data notes", "data-testid": "notes-table" }, [
        el("thead", {}, el("tr", {}, cols.map(([k, label, cls]) => th(k, label, cls)))),
        body,
      ])),
    ]);
    return tableCard;
  }

  function openNote(i) {
    const item = state.items[i];
    const r = state.results[i];
    if (!item?.note) return;
    app.editor.openFromAudit(item.note, {
      row: r.row,
      label: `row ${r.row}${r.report?.noteId ? ` · ${r.report.noteId}` : ""}`,
      findings: r.report?.findings.length ?? 0,
    });
  }

  // ---- False alarms --------------------------------------------------------------------
  function falseAlarmControl(row, f) {
    const key = faKey(row, f);
    const box = el("div", { class: "fa" });
    const render = () => {
      clear(box);
      if (state.falseAlarms.has(key)) {
        add(box, 
          el("span", { class: "tag tag-fa" }, "False alarm"),
          el("span", { class: "fa-reason" }, state.falseAlarms.get(key)),
          el("button", { type: "button", class: "linkish", onclick: () => { state.falseAlarms.delete(key); render(); renderSummaryIfShown(); } }, "undo"),
        );
      } else {
        const btn = el("button", { type: "button", class: "linkish", "data-action": "false-alarm" }, "Mark as false alarm…");
        btn.addEventListener("click", () => {
          clear(box);
          const reason = el("input", { type: "text", placeholder: "Why is this a false alarm?", "aria-label": "Reason", class: "fa-input" });
          const save = el("button", { type: "button", class: "btn small", "data-action": "save-false-alarm" }, "Save");
          const commit = () => {
            if (!reason.value.trim()) { reason.focus(); return; }
            state.falseAlarms.set(key, reason.value.trim());
            render();
            renderSummaryIfShown();
          };
          save.addEventListener("click", commit);
          reason.addEventListener("keydown", (e) => { if (e.key === "Enter") commit(); if (e.key === "Escape") render(); });
          add(box, reason, save);
          reason.focus();
        });
        add(box, btn);
      }
    };
    render();
    return box;
  }
  let summaryDirty = false;
  function renderSummaryIfShown() {
    summaryDirty = true;
  }

  // ---- Export --------------------------------------------------------------------------
  const EXPORT_COLUMNS = ["row", "noteId", "discipline", "noteType", "payerKind", "readyToSign", "rule", "severity", "message",
    "field", "spanStart", "spanEnd", "fix", "amountAtRisk", "source", "policyYear", "rulePack", "engineVersion", "falseAlarm", "falseAlarmReason", "error",
    "episode", "scope", "notesConcerned", "fingerprint", "dismissed", "dismissedReason", "blocksSigning"];

  // Dismissals (made in the editor, kept per note): a finding of the audit's report is
  // exported as dismissed while its fingerprint is dismissed for that note, with the reason.
  const ruleDismissal = new Map(app.rules.map((r) => [r.id, r.dismissal]));
  function withDismissals(r) {
    const live = app.dismissals.get(`audit:${r.row}`) ?? new Map();
    return [...allFindings(r), ...(r.report?.dismissed ?? []).map((d) => d.finding)].map((f) => {
      const d = f.fingerprint === undefined ? undefined : live.get(f.fingerprint);
      return { f, dismissal: d ? { reason: d.reason, blocksSigning: f.severity === "error" && ruleDismissal.get(f.rule) === "stillBlocks" } : null };
    });
  }

  function exportRows() {
    const out = [];
    state.results.forEach((r, i) => {
      const note = state.items[i]?.note;
      if (!r.report) {
        out.push({ row: r.row, noteId: state.items[i]?.id ?? "", discipline: note?.discipline ?? "", noteType: note?.noteType ?? "", payerKind: note?.payer?.kind ?? "", readyToSign: "", error: `${r.kind}: ${r.error}` });
        return;
      }
      const p = r.report.provenance;
      const episode = r.episode ? state.episodes.find((e) => e.key === r.episode)?.label ?? "" : "";
      for (const { f, dismissal } of withDismissals(r)) {
        const key = faKey(r.row, f);
        const isEpisode = f.noteIndex !== undefined;
        out.push({
          row: r.row, noteId: r.report.noteId ?? "", discipline: note?.discipline, noteType: note?.noteType, payerKind: p.payerKind,
          readyToSign: isReady(r), rule: f.rule, severity: f.severity, message: f.message, field: f.field ?? "",
          spanStart: f.span?.start ?? "", spanEnd: f.span?.end ?? "", fix: f.fix ?? "", amountAtRisk: f.amountAtRisk ?? "",
          source: f.source, policyYear: p.policyYear, rulePack: p.rulePack, engineVersion: p.engineVersion,
          falseAlarm: state.falseAlarms.has(key), falseAlarmReason: state.falseAlarms.get(key) ?? "", error: "",
          episode, scope: isEpisode ? "episode" : "note",
          notesConcerned: isEpisode ? f.notes.map((n) => n.noteId ?? `#${n.index}`).join(" ") : "",
          fingerprint: f.fingerprint ?? "", dismissed: Boolean(dismissal), dismissedReason: dismissal?.reason ?? "",
          blocksSigning: dismissal ? dismissal.blocksSigning : "",
        });
      }
    });
    return out;
  }
  function exportName(ext) {
    return `chartlint-audit-${state.source?.name || "batch"}.${ext}`;
  }
  function exportCsv() {
    const rows = exportRows();
    download(exportName("csv"), toExportCsv([EXPORT_COLUMNS, ...rows.map((r) => EXPORT_COLUMNS.map((c) => r[c] ?? ""))]), "text/csv;charset=utf-8");
  }
  function exportJson() {
    const agg = aggregate();
    const doc = {
      tool: "chartlint", engineVersion: state.results.find((r) => r.report)?.report.provenance.engineVersion ?? null,
      source: state.source?.label, notesChecked: agg.checked, readyToSign: agg.ready, unreadable: agg.unreadable.length,
      findings: agg.findings, dollarsAtRisk: agg.money,
      notes: state.results.map((r, i) => r.report
        ? {
          row: r.row, noteId: r.report.noteId, readyToSign: isReady(r), provenance: r.report.provenance,
          ...(r.episode ? { episode: state.episodes.find((e) => e.key === r.episode)?.label } : {}),
          findings: withDismissals(r).filter((x) => !x.dismissal).map(({ f }) => {
            const key = faKey(r.row, f);
            return { ...f, policyYear: r.report.provenance.policyYear, ...(state.falseAlarms.has(key) ? { falseAlarm: { reason: state.falseAlarms.get(key) } } : {}) };
          }),
          dismissed: withDismissals(r).filter((x) => x.dismissal).map(({ f, dismissal }) => ({
            finding: { ...f, policyYear: r.report.provenance.policyYear }, reason: dismissal.reason, blocksSigning: dismissal.blocksSigning,
          })),
          billing: r.report.billing,
        }
        : { row: r.row, noteId: state.items[i]?.id ?? null, unreadable: { kind: r.kind, error: r.error } }),
      ...(state.episodes.length ? {
        episodes: state.episodes.map((e) => ({
          episode: e.label, notes: e.items.length, error: e.error,
          ...(e.report ? { timeline: e.report.timeline, goals: e.report.goals, findings: e.report.findings.length } : {}),
        })),
      } : {}),
    };
    download(exportName("json"), JSON.stringify(neutraliseStrings(doc), null, 2) + "\n", "application/json");
  }

  return {
    falseAlarmControl,
    get state() { return state; },
    resize() {
      if (summaryDirty && state.results) {
        summaryDirty = false;
        renderSummary();
      }
      for (const c of charts) c.resize();
    },
  };
}
