// The side panel: the sign-off state, every finding (keyboard navigable), the billing table
// and the evaluation complexity breakdown, all drawn from the Report.
import { el, add, clear, formatMoney, sumMoney, SEVERITY_ORDER, plural } from "./util.js";

const RULE_LABEL = { cms8: "CMS 8-minute rule (total timed minutes)", ruleOf8s: "Rule of Eights (each code on its own)" };
const SHORT = { cms8: "CMS 8-min", ruleOf8s: "Rule of 8s" };

export function sortFindings(findings) {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]
    || (a.span?.start ?? 1e12) - (b.span?.start ?? 1e12));
}

/** The sign-off banner. */
export function renderStatus(root, report, error) {
  clear(root);
  root.className = "status";
  if (error) {
    root.classList.add("status-invalid");
    add(root, 
      el("div", { class: "status-icon", "aria-hidden": "true" }, "!"),
      el("div", {}, [
        el("div", { class: "status-title", "data-testid": "sign-state" }, "Not ready — the note cannot be read"),
        el("div", { class: "status-sub", "data-testid": "input-error" }, error.message),
      ]),
    );
    return;
  }
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) counts[f.severity]++;
  const ready = report.readyToSign;
  root.classList.add(ready ? "status-ready" : "status-blocked");
  root.setAttribute("data-ready", String(ready));
  const sub = ready
    ? counts.warning + counts.info === 0 ? "No findings: the note meets every rule checked."
      : `No blocking errors. Review ${plural(counts.warning, "warning")}${counts.info ? ` and ${counts.info} info` : ""} before signing.`
    : `${plural(counts.error, "error")} must be fixed before signing${counts.warning ? ` · ${plural(counts.warning, "warning")}` : ""}.`;
  const atRisk = sumMoney(report.findings.map((f) => f.amountAtRisk));
  add(root, 
    el("div", { class: "status-icon", "aria-hidden": "true" }, ready ? "✓" : "✕"),
    el("div", { class: "status-text" }, [
      el("div", { class: "status-title", "data-testid": "sign-state", role: "status" }, ready ? "Ready to sign" : "Not ready to sign"),
      el("div", { class: "status-sub" }, sub),
    ]),
    atRisk !== "0.00" ? el("div", { class: "status-money", title: "Dollars at risk (sum of the findings' amounts)" }, [
      el("span", {}, "at risk"), el("strong", {}, formatMoney(atRisk)),
    ]) : null,
  );
}

/**
 * The findings list. `onActivate(finding)` jumps to the words or the field.
 * Arrow keys move between findings, Enter or Space activates, Home/End go to the ends.
 */
export function renderFindings(root, findings, onActivate, extra = {}) {
  clear(root);
  const sorted = sortFindings(findings);
  if (sorted.length === 0) {
    add(root, el("p", { class: "empty" }, "No findings."));
    return;
  }
  const list = el("ul", { class: "findings", role: "listbox", "aria-label": "Findings", "data-testid": "findings" });
  sorted.forEach((f, i) => {
    const where = f.span ? "in the text" : f.field ? f.field : "the note";
    const item = el("li", {
      class: `finding sev-${f.severity}`, role: "option", tabindex: i === 0 ? "0" : "-1",
      "aria-selected": "false", "data-rule": f.rule, "data-index": String(i),
      "data-target-field": f.field, "data-span": f.span ? `${f.span.start}-${f.span.end}` : null,
    }, [
      el("div", { class: "finding-head" }, [
        el("span", { class: `sev sev-${f.severity}` }, f.severity),
        el("code", { class: "rule-id" }, f.rule),
        f.amountAtRisk ? el("span", { class: "money" }, formatMoney(f.amountAtRisk)) : null,
      ]),
      el("div", { class: "finding-message" }, f.message),
      f.fix ? el("div", { class: "finding-fix" }, [el("strong", {}, "Fix: "), f.fix]) : null,
      el("div", { class: "finding-foot" }, [
        el("span", { class: "where" }, `↳ ${where}`),
        el("span", { class: "source" }, f.source),
      ]),
      extra.renderExtra ? extra.renderExtra(f, i) : null,
    ]);
    item.addEventListener("click", (e) => {
      if (e.target.closest("button,input,textarea")) return;
      select(i);
      onActivate(f);
    });
    list.append(item);
  });
  const items = [...list.children];
  const select = (i) => {
    items.forEach((it, j) => {
      it.tabIndex = j === i ? 0 : -1;
      it.setAttribute("aria-selected", String(j === i));
    });
  };
  list.addEventListener("keydown", (e) => {
    if (e.target.closest("button,input,textarea")) return;
    const i = items.indexOf(e.target.closest("li"));
    if (i < 0) return;
    let next = null;
    if (e.key === "ArrowDown") next = Math.min(i + 1, items.length - 1);
    else if (e.key === "ArrowUp") next = Math.max(i - 1, 0);
    else if (e.key === "Home") next = 0;
    else if (e.key === "End") next = items.length - 1;
    else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      select(i);
      onActivate(sorted[i]);
      return;
    }
    if (next !== null) {
      e.preventDefault();
      select(next);
      items[next].focus();
    }
  });
  add(root, list);
}

/** Minutes → units per code under the chosen rule and the other method; money; KX. */
export function renderBilling(root, report, note) {
  clear(root);
  const b = report.billing;
  const other = b.otherMethod;
  const head = ["Code", "Min", "Billed", SHORT[b.unitRule] || b.unitRule, SHORT[other?.unitRule] || "Other", "Needs", "Expected"];
  const rows = b.lines.map((l, i) => {
    const sup = l.unitsSupported;
    const otherSup = other?.unitsSupported?.[i];
    const over = sup !== null && sup !== undefined && l.unitsBilled > sup;
    const under = sup !== null && sup !== undefined && l.unitsBilled < sup;
    const mods = note?.lines?.[i]?.modifiers || [];
    const missing = (l.modifiersRequired || []).filter((m) => !mods.includes(m));
    return el("tr", { "data-line": String(i) }, [
      el("td", {}, [el("code", {}, l.code), l.timed ? null : el("span", { class: "tag", title: "Service-based (untimed) code" }, "untimed")]),
      el("td", { class: "num" }, l.minutes ?? "—"),
      el("td", { class: `num ${over ? "bad" : under ? "warn" : ""}`, "data-testid": `billed-${i}` }, String(l.unitsBilled)),
      el("td", { class: "num strong", "data-testid": `supported-${i}` }, sup === null || sup === undefined ? "—" : String(sup) + (l.tie ? "*" : "")),
      el("td", { class: "num", "data-testid": `other-${i}` }, otherSup === null || otherSup === undefined ? "—" : String(otherSup)),
      el("td", {}, (l.modifiersRequired || []).map((m) => el("span", { class: `tag ${missing.includes(m) ? "tag-bad" : "tag-ok"}`, title: missing.includes(m) ? "Required, not on the line" : "Required, present" }, m))),
      el("td", { class: "num" }, l.expectedPayment ? formatMoney(l.expectedPayment) : "—"),
    ]);
  });
  const totals = el("tr", { class: "totals" }, [
    el("td", {}, "Timed total"),
    el("td", { class: "num", "data-testid": "total-minutes" }, String(b.totalTimedMinutes)),
    el("td", { class: `num ${b.timedUnitsBilled > b.timedUnitsAllowed ? "bad" : ""}` }, String(b.timedUnitsBilled ?? "")),
    el("td", { class: "num strong", "data-testid": "units-allowed" }, String(b.timedUnitsAllowed)),
    el("td", { class: "num", "data-testid": "other-units-allowed" }, other ? String(other.timedUnitsAllowed) : "—"),
    el("td", {}, ""),
    el("td", { class: "num strong" }, b.expectedPayment ? formatMoney(b.expectedPayment) : "—"),
  ]);
  add(root, 
    el("table", { class: "billing", "data-testid": "billing-table" }, [
      el("thead", {}, el("tr", {}, head.map((h, i) => el("th", { title: i === 3 ? `Units supported under the payer's method: ${RULE_LABEL[b.unitRule]}` : i === 4 ? `The same minutes under the other method: ${RULE_LABEL[other?.unitRule]}` : null, class: i >= 1 && i <= 4 || i === 6 ? "num" : null }, h)))),
      el("tbody", {}, rows),
      el("tfoot", {}, totals),
    ]),
    b.lines.some((l) => l.tie) ? el("p", { class: "note" }, "* equal leftover minutes: the extra unit may go to either code.") : null,
  );

  // Money and KX: the engine reports the year's threshold and what is left after this visit.
  const year = report.provenance?.policyYear;
  const medicareLike = b.kxThreshold !== undefined;
  const left = b.threshold ? b.threshold.leftBeforeKx : null;
  const kxText = b.kxRequired ? "KX required on this visit" : medicareLike ? "KX not required" : "No KX threshold for this payer";
  add(root, el("div", { class: "money-grid" }, [
    kv("Expected payment", b.expectedPayment ? formatMoney(b.expectedPayment) : "—", "expected-payment"),
    kv("Payer share", b.payerShare ? formatMoney(b.payerShare) : "—"),
    kv("Patient share", b.patientShare ? formatMoney(b.patientShare) : "—"),
    kv("KX status", kxText, "kx-status", b.kxRequired ? "warn" : ""),
    medicareLike ? kv(`Left before the ${year} KX threshold, after this visit`, left === null ? "—" : Number(left) < 0 ? `over by ${formatMoney(left.replace(/^-/, ""))}` : formatMoney(left), "kx-left",
      left !== null && Number(left) < 0 ? "warn" : "") : null,
  ]));
}

function kv(label, value, testid, cls = "") {
  return el("div", { class: `kv ${cls}` }, [el("span", { class: "k" }, label), el("span", { class: "v", "data-testid": testid }, value)]);
}

const LEVEL_CLASS = { low: "lvl-low", moderate: "lvl-mod", high: "lvl-high" };

/** The evaluation complexity breakdown (Report.evaluation). */
export function renderEvaluation(root, report, onSpan) {
  clear(root);
  const ev = report.evaluation;
  if (!ev) {
    root.hidden = true;
    return;
  }
  root.hidden = false;
  const match = ev.billedCode && ev.supportedCode && ev.billedCode === ev.supportedCode;
  add(root, 
    el("h3", {}, "Evaluation complexity"),
    el("div", { class: "eval-codes" }, [
      kv("Billed", ev.billedCode || "none", "eval-billed"),
      kv("Supported", ev.supportedCode || "undetermined", "eval-supported", match ? "ok" : ev.supportedCode ? "warn" : ""),
      ev.supportedLevel ? kv("Level", String(ev.supportedLevel)) : null,
      ev.typicalMinutes ? kv("Typical minutes", `${ev.typicalMinutes}${ev.documentedMinutes ? ` (documented ${ev.documentedMinutes})` : ""}`) : null,
    ]),
    ev.summary ? el("p", { class: "eval-summary" }, ev.summary) : null,
  );
  if (Array.isArray(ev.components) && ev.components.length) {
    add(root, el("table", { class: "eval-table" }, [
      el("thead", {}, el("tr", {}, ["Component", "Value", "Supports", "From"].map((h) => el("th", {}, h)))),
      el("tbody", {}, ev.components.map((c) => el("tr", {}, [
        el("td", {}, [el("div", {}, humanize(c.name)), c.explanation ? el("div", { class: "explain" }, c.explanation) : null]),
        el("td", {}, c.value === null || c.value === undefined ? "—" : typeof c.value === "object" ? JSON.stringify(c.value) : String(c.value)),
        el("td", {}, c.level ? el("span", { class: `lvl ${LEVEL_CLASS[c.level] || ""}` }, String(c.level)) : "—"),
        el("td", {}, c.spans?.length
          ? el("button", { type: "button", class: "linkish", onclick: () => onSpan(c.spans[0]) }, "text ↗")
          : String(c.source ?? "")),
      ]))),
    ]));
  }
}

/** Documentation elements (Report.elements): found or not; spans jump to the words. */
export function renderElements(root, report, onSpan) {
  clear(root);
  const entries = Object.entries(report.elements || {});
  if (entries.length === 0) {
    root.hidden = true;
    return;
  }
  root.hidden = false;
  add(root, el("h3", {}, "Documentation elements"), el("ul", { class: "elements" }, entries.map(([name, v]) => {
    const found = typeof v === "boolean" ? v : Boolean(v && (v.found ?? (v.spans && v.spans.length)));
    const required = v && typeof v === "object" && "required" in v ? Boolean(v.required) : true;
    const spans = (v && Array.isArray(v.spans) ? v.spans : []).filter((s) => s && typeof s.start === "number");
    const state = found ? "found" : required ? "missing" : "optional";
    return el("li", {
      class: state,
      title: found ? "Found in the note" : required ? "Required for this note type and not found" : "Not required for this note type",
    }, [
      el("span", { class: "mark", "aria-hidden": "true" }, found ? "✓" : required ? "✕" : "–"),
      el("span", {}, humanize(name)),
      spans.length ? el("button", { type: "button", class: "linkish", onclick: () => onSpan(spans[0]) }, "show") : null,
    ]);
  })));
}

export function humanize(s) {
  return String(s).replace(/([a-z])([A-Z])/g, "$1 $2").replace(/^./, (c) => c.toUpperCase());
}
