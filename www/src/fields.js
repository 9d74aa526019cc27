// The note's structured fields, beside the editor. Every input carries `data-field` (the
// note path the engine names in `finding.field`), so a finding can focus its field.
import { el, clear, getPath, setPath } from "./util.js";

const DISCIPLINES = ["PT", "OT", "SLP"];
const NOTE_TYPES = [
  ["daily", "Daily note"], ["evaluation", "Evaluation"], ["reevaluation", "Re-evaluation"],
  ["progress", "Progress report"], ["recertification", "Recertification"], ["discharge", "Discharge summary"],
];
const PAYERS = [
  ["medicare", "Medicare Part B"], ["medicareAdvantage", "Medicare Advantage"], ["medicaid", "Medicaid"],
  ["commercial", "Commercial"], ["workersComp", "Workers' comp"], ["selfPay", "Self-pay"],
];
const UNIT_RULES = [["", "Payer default"], ["cms8", "CMS 8-minute rule (total time)"], ["ruleOf8s", "Rule of Eights (per code)"]];
const ROLES = ["PT", "PTA", "OT", "OTA", "SLP", "SLPA", "student"];
// Suggestions for the code inputs (the engine decides what a code is; this is only a datalist).
const CODE_HINTS = [
  ["97110", "Therapeutic exercise"], ["97112", "Neuromuscular re-education"], ["97116", "Gait training"],
  ["97140", "Manual therapy"], ["97530", "Therapeutic activities"], ["97535", "Self-care/home management"],
  ["97542", "Wheelchair management"], ["97750", "Physical performance test"], ["97760", "Orthotic management"],
  ["97763", "Orthotic/prosthetic check-out"], ["97150", "Group therapy"], ["97010", "Hot/cold packs"],
  ["G0283", "Electrical stimulation, unattended"], ["97035", "Ultrasound"],
  ["97161", "PT eval, low"], ["97162", "PT eval, moderate"], ["97163", "PT eval, high"], ["97164", "PT re-eval"],
  ["97165", "OT eval, low"], ["97166", "OT eval, moderate"], ["97167", "OT eval, high"], ["97168", "OT re-eval"],
  ["92507", "Speech/language treatment"], ["92526", "Dysphagia treatment"], ["92521", "Fluency eval"],
  ["92522", "Speech sound eval"], ["92523", "Speech sound + language eval"], ["92524", "Voice eval"],
  ["92610", "Swallowing eval"], ["97129", "Cognitive function, first 15 min"], ["97130", "Cognitive function, each add'l 15 min"],
];

const int = (v) => (v === "" ? null : Number.isInteger(Number(v)) ? Number(v) : v);
const str = (v) => (v === "" ? null : v);

/**
 * Renders the form for `note` into `root`. `onChange()` is called after every edit
 * (the note object is updated in place).
 */
export function renderFields(root, note, onChange) {
  clear(root);
  const changed = () => onChange();

  const input = (path, label, opts = {}) => {
    const id = `f-${path.replace(/[^a-z0-9]+/gi, "-")}`;
    const value = getPath(note, path);
    const parse = opts.parse || str;
    let control;
    if (opts.options) {
      control = el("select", { id, "data-field": path },
        opts.options.map(([v, t]) => el("option", { value: v, selected: String(value ?? "") === v }, t)));
    } else {
      control = el("input", {
        id, "data-field": path, type: opts.type || "text",
        value: value === null || value === undefined ? "" : Array.isArray(value) ? value.join(", ") : String(value),
        placeholder: opts.placeholder || "", inputmode: opts.inputmode, min: opts.min,
        autocomplete: "off", list: opts.list,
      });
      if (opts.list) control.setAttribute("list", opts.list);
    }
    control.addEventListener(opts.options ? "change" : "input", () => {
      const v = parse(control.value);
      setPath(note, path, v === null && opts.omitEmpty ? undefined : v);
      changed();
    });
    return el("label", { class: `field ${opts.wide ? "wide" : ""}`, for: id }, [el("span", {}, label), control]);
  };
  const num = (path, label, o = {}) => input(path, label, { type: "number", min: 0, inputmode: "numeric", parse: int, ...o });
  const date = (path, label) => input(path, label, { type: "date" });
  const choice = (path, label, options) => input(path, label, { options: options.map((o) => (Array.isArray(o) ? o : [o, o])) });
  const section = (title, body, open = true, key = title) =>
    el("details", { class: "fieldset", open, "data-section": key }, [el("summary", {}, title), el("div", { class: "grid" }, body)]);

  note.payer ??= { kind: "medicare" };
  note.provider ??= { role: note.discipline || "PT" };
  note.lines ??= [];

  root.append(
    section("Visit", [
      choice("discipline", "Discipline", DISCIPLINES),
      choice("noteType", "Note type", NOTE_TYPES),
      date("dateOfService", "Date of service"),
      input("diagnoses", "Diagnoses (ICD-10-CM)", {
        placeholder: "M17.11, Z96.651",
        parse: (v) => (v.trim() === "" ? null : v.split(/[\s,;]+/).filter(Boolean)),
      }),
    ], true, "visit"),
    section("Payer", [
      choice("payer.kind", "Payer", PAYERS),
      input("payer.unitRule", "Unit rule", { options: UNIT_RULES, omitEmpty: true }),
    ], true, "payer"),
    section("Provider", [
      choice("provider.role", "Role", ROLES),
      input("provider.name", "Name"),
      input("provider.credentials", "Credentials", { placeholder: "PT, DPT" }),
    ], true, "provider"),
  );

  // Billed lines grid.
  const rows = el("tbody");
  const renderRows = () => {
    clear(rows);
    note.lines.forEach((line, i) => {
      const cell = (path, attrs) => {
        const c = el("input", { "data-field": `lines[${i}].${path}`, autocomplete: "off", ...attrs });
        return el("td", {}, c);
      };
      const code = cell("code", { value: line.code ?? "", list: "code-hints", "aria-label": `Line ${i + 1} code`, class: "code" });
      const minutes = cell("minutes", { type: "number", min: 0, value: line.minutes ?? "", "aria-label": `Line ${i + 1} minutes` });
      const units = cell("units", { type: "number", min: 0, value: line.units ?? "", "aria-label": `Line ${i + 1} units` });
      const mods = cell("modifiers", { value: (line.modifiers || []).join(" "), "aria-label": `Line ${i + 1} modifiers`, placeholder: "GP", class: "mods" });
      const asst = cell("assistantMinutes", { type: "number", min: 0, value: line.assistantMinutes ?? "", "aria-label": `Line ${i + 1} assistant minutes` });
      code.firstChild.setAttribute("list", "code-hints");
      code.firstChild.addEventListener("input", (e) => { line.code = e.target.value.trim().toUpperCase(); changed(); });
      minutes.firstChild.addEventListener("input", (e) => { line.minutes = int(e.target.value); changed(); });
      units.firstChild.addEventListener("input", (e) => { line.units = e.target.value === "" ? 0 : int(e.target.value); changed(); });
      mods.firstChild.addEventListener("input", (e) => {
        line.modifiers = e.target.value.toUpperCase().split(/[\s,;]+/).filter(Boolean);
        changed();
      });
      asst.firstChild.addEventListener("input", (e) => { line.assistantMinutes = int(e.target.value); changed(); });
      const remove = el("button", {
        type: "button", class: "icon-btn", title: `Remove line ${i + 1}`, "aria-label": `Remove line ${i + 1}`,
        onclick: () => { note.lines.splice(i, 1); renderRows(); changed(); },
      }, "×");
      rows.append(el("tr", { "data-field": `lines[${i}]` }, [code, minutes, units, mods, asst, el("td", {}, remove)]));
    });
  };
  renderRows();
  const addLine = el("button", {
    type: "button", class: "btn small", "data-action": "add-line",
    onclick: () => {
      note.lines.push({ code: "", minutes: null, units: 1, modifiers: [] });
      renderRows();
      changed();
      rows.lastElementChild?.querySelector("input")?.focus();
    },
  }, "+ Add line");
  root.append(
    el("details", { class: "fieldset", open: true, "data-section": "lines" }, [
      el("summary", {}, "Billed lines"),
      el("table", { class: "lines-grid" }, [
        el("thead", {}, el("tr", {}, ["Code", "Min", "Units", "Modifiers", "Asst min", ""].map((h) => el("th", {}, h)))),
        rows,
      ]),
      el("datalist", { id: "code-hints" }, CODE_HINTS.map(([c, t]) => el("option", { value: c }, t))),
      el("div", { class: "grid" }, [
        addLine,
        num("totalTimedMinutes", "Total timed minutes"),
        num("totalTreatmentMinutes", "Total treatment minutes"),
      ]),
    ]),
  );

  root.append(section("Episode of care", [
    num("episode.visitNumber", "Visit #"),
    num("episode.reportingPeriodDay", "Day in report period"),
    date("episode.planOfCareStart", "Plan of care start"),
    date("episode.planOfCareEnd", "Plan of care end"),
    date("episode.certifiedOn", "Certified on"),
    num("episode.authorizedVisits", "Authorized visits"),
    date("episode.authorizationEnd", "Authorization ends"),
    input("episode.thresholdSpentBefore", "Spent this year before visit ($)", { inputmode: "decimal", placeholder: "0.00" }),
  ], false, "episode"));

  const isEval = note.noteType === "evaluation" || note.noteType === "reevaluation" || note.evaluation;
  const evalFields = [];
  if (note.discipline !== "OT") {
    evalFields.push(
      num("evaluation.historyFactors", "PT history factors"),
      num("evaluation.examElements", "PT exam elements"),
      input("evaluation.clinicalPresentation", "PT clinical presentation", { options: [["", "—"], ["stable", "Stable"], ["evolving", "Evolving"], ["unstable", "Unstable"]] }),
    );
  }
  if (note.discipline !== "PT") {
    evalFields.push(
      input("evaluation.profileReview", "OT profile review", { options: [["", "—"], ["brief", "Brief"], ["expanded", "Expanded"], ["extensive", "Extensive"]] }),
      num("evaluation.performanceDeficits", "OT performance deficits"),
      input("evaluation.comorbiditiesAffectOccupation", "OT comorbidities affect", {
        options: [["", "—"], ["true", "Yes"], ["false", "No"]],
        parse: (v) => (v === "" ? null : v === "true"),
      }),
      input("evaluation.taskModification", "OT task modification", { options: [["", "—"], ["none", "None"], ["minimalToModerate", "Minimal to moderate"], ["significant", "Significant"]] }),
    );
  }
  evalFields.push(
    input("evaluation.decisionMaking", "Decision making", { options: [["", "—"], ["low", "Low"], ["moderate", "Moderate"], ["high", "High"]] }),
    num("evaluation.minutes", "Face-to-face minutes"),
    input("evaluation.reevaluationReason", "Re-evaluation reason", { wide: true }),
  );
  root.append(section("Evaluation components", evalFields, Boolean(isEval), "evaluation"));
}

/** Focuses the input for a finding's field (or its closest parent), opening its section. */
export function focusField(root, path) {
  if (!path) return false;
  let target = null;
  let p = path;
  while (p && !target) {
    target = root.querySelector(`[data-field="${CSS.escape(p)}"]`);
    if (!target) {
      const cut = Math.max(p.lastIndexOf("."), p.lastIndexOf("["));
      p = cut > 0 ? p.slice(0, cut) : "";
    }
  }
  if (!target) {
    const section = root.querySelector(`[data-section="${CSS.escape(path.split(/[.[]/)[0])}"]`);
    target = section;
  }
  if (!target) return false;
  const details = target.closest("details");
  if (details) details.open = true;
  const focusable = target.matches("input,select,textarea") ? target : target.querySelector("input,select,textarea") || target;
  focusable.scrollIntoView({ block: "center", behavior: "instant" });
  focusable.focus();
  const flash = focusable.closest("label,td,tr") || focusable;
  flash.classList.remove("flash");
  void flash.offsetWidth;
  flash.classList.add("flash");
  return true;
}
