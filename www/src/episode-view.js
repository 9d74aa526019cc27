// The episode view of the batch audit: one episode of care as a reviewer reads it. A
// calendar timeline (one row per week: each note on its day with its treatment day, the
// visits against the plan's frequency, progress-report periods, plans of care, discharge),
// the episode's findings beside the notes they name, and the goal table (each goal and the
// status each later report gives it). The words shown come from the notes the user loaded;
// the engine's messages never repeat them.
import { el, clear, formatMoney } from "./util.js";

const TYPE = {
  evaluation: ["EV", "Evaluation"], reevaluation: ["RE", "Re-evaluation"], daily: ["D", "Daily note"],
  progress: ["PR", "Progress report"], recertification: ["RC", "Recertification"], discharge: ["DC", "Discharge"],
};
const STATUS = {
  met: ["met", "good"], partlyMet: ["partly met", "meh"], notMet: ["not met", "meh"], ongoing: ["ongoing", "meh"],
  discontinued: ["discontinued", "neutral"], revised: ["revised", "neutral"], measured: ["measured", "meh"],
  restated: ["no status", "bad"], missing: ["missing", "bad"],
};
const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

function addDays(iso, n) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
const short = (iso) => (iso ? `${iso.slice(5, 7)}/${iso.slice(8, 10)}` : "");
const slice16 = (text, span) => (span && typeof text === "string" ? text.slice(span.start, span.end) : "");

/**
 * Renders `episode` ({ summary, report }) into `root`. `notes` are the episode's notes in
 * the order given to checkEpisode (the report's indexes point into it); `onOpenNote(i)`
 * opens one in the editor; `onClose()` closes the view.
 */
export function renderEpisodeView(root, { summary, report, notes, rows, onOpenNote, onClose }) {
  clear(root);
  const t = report.timeline;
  const findingsByNote = new Map();
  for (const f of report.findings) {
    if (!findingsByNote.has(f.noteIndex)) findingsByNote.set(f.noteIndex, []);
    findingsByNote.get(f.noteIndex).push(f);
  }
  const noteLabel = (i) => {
    const n = notes[i];
    return `${TYPE[n?.noteType]?.[1] ?? "Note"} ${short(n?.dateOfService)}${n?.id ? ` (${n.id})` : ""}`;
  };
  const openBtn = (i, label) => el("button", { type: "button", class: "linkish", "data-note": String(i), onclick: () => onOpenNote(i) }, label ?? noteLabel(i));

  // ---- Head ------------------------------------------------------------------------
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) counts[f.severity]++;
  root.append(
    el("div", { class: "ep-head" }, [
      el("div", {}, [
        el("h3", {}, "Episode of care"),
        el("div", { class: "ep-title", "data-testid": "episode-title" }, [
          el("span", { class: "mono" }, summary.label),
          report.discipline ? el("span", { class: "tag" }, report.discipline) : null,
          t.closed ? el("span", { class: "tag" }, "closed") : el("span", { class: "tag tag-ok" }, "open"),
        ]),
        el("div", { class: "muted small" }, `${short(t.start)}–${short(t.end)} ${t.start?.slice(0, 4) ?? ""} · ${t.treatmentDays} treatment days · ${t.visits} visits · ${report.notes.length} notes · ${report.goals.length} goals`),
      ]),
      el("div", { class: "ep-counts" }, ["error", "warning", "info"].map((s) => el("span", { class: `sev sev-${s}` }, `${counts[s]} ${s}`))),
      el("button", { type: "button", class: "btn", "data-action": "close-episode", onclick: onClose }, "Close"),
    ]),
  );

  // ---- Plans, periods, authorization ----------------------------------------------
  const facts = el("div", { class: "ep-facts" });
  for (const [i, p] of t.plans.entries()) {
    facts.append(el("div", { class: "ep-fact", "data-testid": "ep-plan" }, [
      el("strong", {}, `${p.recertification ? "Recertified plan" : "Plan of care"} ${i + 1}: `),
      `${short(p.start)}–${p.end ? short(p.end) : "?"}`,
      p.frequencyPerWeek ? ` · up to ${p.frequencyPerWeek}/week` : "",
      p.durationWeeks ? ` for ${p.durationWeeks} weeks` : "",
      p.plannedVisits ? ` · ${p.plannedVisits} visits planned` : "",
      ` · ${p.visits} used`,
      p.certifiedOn ? ` · certified ${short(p.certifiedOn)}` : el("span", { class: "tag tag-warn" }, "not certified"),
    ]));
  }
  for (const [i, p] of t.progressPeriods.entries()) {
    facts.append(el("div", { class: `ep-fact ${p.late ? "ep-late" : ""}`, "data-testid": "ep-period" }, [
      el("strong", {}, `Reporting period ${i + 1}: `),
      `${short(p.start)}–${short(p.end)} · ${p.treatmentDays} treatment days`,
      p.interval ? ` (report due by day ${p.interval}${p.dueOn ? `, ${short(p.dueOn)}` : ""})` : "",
      p.report ? [" · report ", openBtn(p.report.index)] : el("span", { class: "tag" }, "open"),
      p.late ? el("span", { class: "tag tag-bad" }, "late") : null,
    ]));
  }
  if (t.authorization) {
    const a = t.authorization;
    facts.append(el("div", { class: "ep-fact" }, [el("strong", {}, "Authorization: "), `${a.visitsUsed} visits used${a.authorizedVisits ? ` of ${a.authorizedVisits}` : ""}${a.authorizationEnd ? `, ends ${short(a.authorizationEnd)}` : ""}`]));
  }
  root.append(facts);

  // ---- Calendar timeline ------------------------------------------------------------
  const byDate = new Map();
  for (const e of t.entries) {
    if (!byDate.has(e.date)) byDate.set(e.date, []);
    byDate.get(e.date).push(e);
  }
  const weeks = [...new Set(t.entries.map((e) => e.week))].sort();
  const planEnds = new Set(t.plans.map((p) => p.end).filter(Boolean));
  const rowsEl = [];
  let prev = null;
  for (const w of weeks) {
    if (prev && addDays(prev, 7) !== w) {
      rowsEl.push(el("tr", { class: "ep-gap" }, el("td", { colspan: 10, class: "muted small" }, `no notes for ${Math.round((Date.parse(w) - Date.parse(prev)) / 604800000) - 1} week(s)`)));
    }
    prev = w;
    const weekEntries = t.entries.filter((e) => e.week === w);
    const visits = weekEntries[0]?.visitsInWeek ?? 0;
    const allowed = weekEntries.find((e) => e.frequencyPerWeek)?.frequencyPerWeek;
    const cells = DAYS.map((_, d) => {
      const date = addDays(w, d);
      const items = byDate.get(date) || [];
      return el("td", { class: `ep-day ${planEnds.has(date) ? "ep-plan-end" : ""}`, title: planEnds.has(date) ? "last day of a plan of care" : null },
        items.map((e) => {
          const fs = findingsByNote.get(e.index) || [];
          const worst = fs.some((f) => f.severity === "error") ? "error" : fs.some((f) => f.severity === "warning") ? "warning" : fs.length ? "info" : "";
          const ownNotReady = rows?.[e.index]?.readyToSign === false;
          return el("button", {
            type: "button", class: `ep-note ep-${e.noteType} ${worst ? `ep-flag-${worst}` : ""}`,
            "data-testid": "ep-note", "data-index": String(e.index),
            title: `${noteLabel(e.index)}${e.treatmentDay ? ` · treatment day ${e.treatmentDay}` : ""}${e.periodDay ? `, day ${e.periodDay} of its reporting period` : ""}${e.similarity ? ` · ${Math.round(e.similarity.score * 100)}% like ${e.similarity.noteId ?? `note ${e.similarity.index}`}` : ""}${fs.length ? ` · ${fs.length} episode finding${fs.length > 1 ? "s" : ""}` : ""}${ownNotReady ? " · not ready to sign" : ""}`,
            onclick: () => onOpenNote(e.index),
          }, [el("span", { class: "ep-type" }, TYPE[e.noteType]?.[0] ?? "?"), e.treatmentDay ? el("span", { class: "ep-td" }, String(e.treatmentDay)) : null]);
        }));
    });
    const over = allowed && visits > allowed;
    rowsEl.push(el("tr", { "data-week": w }, [
      el("th", { scope: "row", class: "mono" }, short(w)),
      ...cells,
      el("td", { class: `num ${over ? "ep-over" : ""}`, "data-testid": "ep-week-visits" }, allowed ? `${visits} / ${allowed}` : String(visits)),
      el("td", { class: "small" }, weekEntries.filter((e) => e.similarity && e.similarity.score >= 0.85).length ? el("span", { class: "tag tag-warn" }, "similar to an earlier note") : ""),
    ]));
  }
  root.append(el("div", { class: "card ep-timeline" }, [
    el("h4", {}, "Timeline"),
    el("div", { class: "ep-legend small muted" }, [
      ...Object.entries(TYPE).map(([k, [a, label]]) => el("span", { class: `ep-note ep-${k}` }, [el("span", { class: "ep-type" }, a), ` ${label}`])),
      " · the number is the treatment day; the border colour is the worst episode finding about the note",
    ]),
    el("div", { class: "table-scroll" }, el("table", { class: "data ep-calendar", "data-testid": "episode-timeline" }, [
      el("thead", {}, el("tr", {}, [el("th", {}, "Week of"), ...DAYS.map((d) => el("th", {}, d)), el("th", { class: "num" }, "Visits / plan"), el("th", {}, "")])),
      el("tbody", {}, rowsEl),
    ])),
  ]));

  // ---- Episode findings ---------------------------------------------------------------
  const fl = report.findings.map((f, k) => {
    const other = f.notes.filter((n) => n.index !== f.noteIndex);
    const own = slice16(notes[f.noteIndex]?.text, f.span);
    return el("li", { class: `ep-finding sev-line-${f.severity}`, "data-testid": "episode-finding", "data-rule": f.rule }, [
      el("div", {}, [el("span", { class: `sev sev-${f.severity}` }, f.severity), " ", el("code", {}, f.rule), " · ", openBtn(f.noteIndex), f.amountAtRisk ? el("span", { class: "tag" }, formatMoney(f.amountAtRisk)) : null]),
      el("div", { class: "ep-msg" }, f.message),
      own ? el("blockquote", { class: "ep-quote", title: "the words in this note" }, own.length > 240 ? `${own.slice(0, 240)}…` : own) : null,
      other.length ? el("div", { class: "small muted" }, ["Concerns also: ", ...other.flatMap((n, j) => [j ? ", " : "", openBtn(n.index)])]) : null,
      f.fix ? el("div", { class: "small" }, [el("strong", {}, "Fix: "), f.fix]) : null,
      el("div", { class: "small muted" }, f.source),
    ]);
  });
  root.append(el("div", { class: "card" }, [
    el("h4", {}, `Episode findings (${report.findings.length})`),
    report.findings.length ? el("ol", { class: "ep-findings", "data-testid": "episode-findings" }, fl) : el("p", { class: "muted", "data-testid": "episode-findings" }, "No episode finding: the notes hold together."),
  ]));

  // ---- Goal table -----------------------------------------------------------------------
  const reports = [...new Set(report.goals.flatMap((g) => g.statuses.map((s) => s.index)))]
    .map((i) => ({ i, e: t.entries.find((x) => x.index === i) }))
    .sort((a, b) => (a.e?.date ?? "").localeCompare(b.e?.date ?? ""));
  const goalRows = report.goals.map((g) => {
    const text = slice16(notes[g.setIn.index]?.text, g.setIn.span);
    return el("tr", { "data-goal": g.key, class: `goal-${g.state}` }, [
      el("th", { scope: "row", class: "mono" }, g.key),
      el("td", {}, [g.label ? el("strong", {}, `${g.label} `) : null, el("span", { class: "goal-text" }, text.replace(/^(?:STG|LTG|Goal)\s*#?\s*\w{0,2}\s*(?:\([^)]*\))?\s*[:.)\-–]\s*/i, ""))]),
      el("td", { class: "small" }, [openBtn(g.setIn.index, `${TYPE[notes[g.setIn.index]?.noteType]?.[0] ?? ""} ${short(g.setIn.date)}`)]),
      ...reports.map(({ i }) => {
        const s = g.statuses.find((x) => x.index === i);
        if (!s) return el("td", { class: "muted small" }, "");
        const [label, tone] = STATUS[s.status] ?? [s.status, "neutral"];
        return el("td", { title: slice16(notes[i]?.text, s.span) || null }, [el("span", { class: `gs gs-${tone}`, "data-status": s.status }, label), s.changed ? el("span", { class: "tag tag-warn", title: "restated with other words or numbers" }, "changed") : null]);
      }),
      el("td", {}, el("span", { class: `pill ${g.state === "met" ? "pill-ready" : g.state === "open" ? "" : "pill-unreadable"}` }, g.state)),
    ]);
  });
  root.append(el("div", { class: "card" }, [
    el("h4", {}, `Goals (${report.goals.length})`),
    report.goals.length
      ? el("div", { class: "table-scroll" }, el("table", { class: "data goal-table", "data-testid": "goal-table" }, [
        el("thead", {}, el("tr", {}, [el("th", {}, ""), el("th", {}, "Goal"), el("th", {}, "Set in"), ...reports.map(({ i, e }) => el("th", { class: "small" }, openBtn(i, `${TYPE[e?.noteType]?.[0] ?? ""} ${short(e?.date)}`))), el("th", {}, "State")])),
        el("tbody", {}, goalRows),
      ]))
      : el("p", { class: "muted" }, "No goals were found in the evaluation or the reports."),
  ]));
  return root;
}
