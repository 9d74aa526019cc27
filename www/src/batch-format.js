// Batch files: JSONL (one Note per line, the contract's JSON) and CSV (one note per row,
// columns named by the note's field paths). Parsing never throws: a row that cannot be
// read becomes `{ row, error }` and the rest of the batch is still checked. Values are not
// validated here (the engine does that and names the field); this only reads the file.
// Pure JavaScript, no DOM: the tests import it in Node.

/** Columns of the CSV format, in the order the examples use. */
export const CSV_COLUMNS = [
  "id", "patientId", "episodeId", "discipline", "noteType", "dateOfService", "payer", "unitRule",
  "providerRole", "providerName", "providerCredentials",
  "lines", "diagnoses", "totalTimedMinutes", "totalTreatmentMinutes",
  "episode.visitNumber", "episode.reportingPeriodDay", "episode.planOfCareStart", "episode.planOfCareEnd",
  "episode.certifiedOn", "episode.authorizedVisits", "episode.authorizationEnd", "episode.thresholdSpentBefore",
  "episode.frequencyPerWeek", "episode.durationWeeks", "episode.plannedVisits", "episode.closed",
  "evaluation.historyFactors", "evaluation.examElements", "evaluation.clinicalPresentation",
  "evaluation.profileReview", "evaluation.performanceDeficits", "evaluation.comorbiditiesAffectOccupation",
  "evaluation.taskModification", "evaluation.decisionMaking", "evaluation.minutes", "evaluation.reevaluationReason",
  "text",
];

// Accepted spellings of the column names (lower-cased, without spaces/underscores).
const ALIASES = {
  "payer.kind": "payer", payerkind: "payer", "payer.unitrule": "unitRule",
  "provider.role": "providerRole", role: "providerRole", "provider.name": "providerName",
  "provider.credentials": "providerCredentials", credentials: "providerCredentials",
  date: "dateOfService", notetext: "text", narrative: "text",
  patient: "patientId", patientid: "patientId", mrn: "patientId", episode: "episodeId", episodeid: "episodeId", caseid: "episodeId",
};
const NUMERIC = new Set([
  "totalTimedMinutes", "totalTreatmentMinutes", "episode.visitNumber", "episode.reportingPeriodDay",
  "episode.authorizedVisits", "episode.frequencyPerWeek", "episode.durationWeeks", "episode.plannedVisits", "evaluation.historyFactors", "evaluation.examElements",
  "evaluation.performanceDeficits", "evaluation.minutes",
]);
const canonical = new Map(CSV_COLUMNS.map((c) => [key(c), c]));
function key(s) {
  return String(s).trim().toLowerCase().replace(/[\s_-]+/g, "");
}
function columnName(header) {
  const k = key(header);
  return canonical.get(k) || ALIASES[k] || null;
}

/** Reads a batch file. `name` (the file name) picks the format; else the content does. */
export function parseBatch(text, name = "") {
  text = String(text).replace(/^\uFEFF/, "");
  const lower = name.toLowerCase();
  const jsonl = lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")
    || (!lower.endsWith(".csv") && /^\s*[{[]/.test(text));
  return jsonl ? parseJsonl(text) : parseCsv(text);
}

export function parseJsonl(text) {
  const items = [];
  const trimmed = text.trim();
  // A JSON array of notes is accepted too.
  if (trimmed.startsWith("[")) {
    try {
      const arr = JSON.parse(trimmed);
      arr.forEach((note, i) => items.push(asNote(note, i + 1, "item")));
      return { format: "json", items };
    } catch {
      // fall through: read it line by line and report the bad lines
    }
  }
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    let value;
    try {
      value = JSON.parse(line);
    } catch (e) {
      items.push({ row: i + 1, error: `line ${i + 1}: not valid JSON (${e.message.replace(/^JSON\.parse: /, "")})` });
      return;
    }
    items.push(asNote(value, i + 1, "line"));
  });
  return { format: "jsonl", items };
}

function asNote(value, row, what) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { row, error: `${what} ${row}: expected a note object` };
  }
  return { row, id: typeof value.id === "string" ? value.id : undefined, note: value };
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines. */
export function splitCsv(text) {
  const rows = [];
  let row = [], field = "", i = 0, quoted = false, line = 1, rowLine = 1, broken = null;
  const endField = () => { row.push(field); field = ""; };
  const endRow = () => { endField(); rows.push({ line: rowLine, cells: row, broken }); row = []; broken = null; rowLine = line; };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false; i++;
        if (i < text.length && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") broken ??= "text after a closing quote";
        continue;
      }
      if (c === "\n") line++;
      field += c; i++;
      continue;
    }
    if (c === '"') {
      if (field === "") { quoted = true; i++; continue; }
      broken ??= "a quote inside an unquoted field";
      field += c; i++;
      continue;
    }
    if (c === ",") { endField(); i++; continue; }
    if (c === "\r" && text[i + 1] === "\n") { i++; continue; }
    if (c === "\n") { line++; endRow(); i++; continue; }
    field += c; i++;
  }
  if (quoted) broken ??= "a quoted field is never closed";
  if (field !== "" || row.length) endRow();
  return rows.filter((r) => !(r.cells.length === 1 && r.cells[0].trim() === "" && !r.broken));
}

export function parseCsv(text) {
  const rows = splitCsv(text);
  const items = [];
  if (rows.length === 0) return { format: "csv", items, error: "the file is empty" };
  const header = rows[0].cells.map(columnName);
  const unknown = rows[0].cells.filter((h, i) => !header[i] && h.trim() !== "");
  if (!header.includes("text") || !header.includes("discipline")) {
    return { format: "csv", items, error: "the header row must name at least the columns discipline and text (see the format in the README)" };
  }
  for (const r of rows.slice(1)) {
    const row = r.line;
    if (r.broken) { items.push({ row, error: `row at line ${row}: ${r.broken}` }); continue; }
    if (r.cells.length !== header.length) {
      items.push({ row, error: `row at line ${row}: ${r.cells.length} cells, the header has ${header.length}` });
      continue;
    }
    try {
      const note = rowToNote(header, r.cells);
      items.push({ row, id: note.id, note });
    } catch (e) {
      items.push({ row, error: `row at line ${row}: ${e.message}` });
    }
  }
  return { format: "csv", items, unknownColumns: unknown };
}

function rowToNote(header, cells) {
  const note = {};
  const payer = {}, provider = {}, episode = {}, evaluation = {};
  header.forEach((col, i) => {
    if (!col) return;
    const raw = cells[i];
    if (raw === undefined || raw.trim() === "") return;
    const v = col === "text" ? raw : raw.trim();
    if (v === "null" && col !== "text") {
      // An explicit null (e.g. episode.certifiedOn: not certified).
      if (col.startsWith("episode.")) episode[col.slice(8)] = null;
      else if (col.startsWith("evaluation.")) evaluation[col.slice(11)] = null;
      else note[col] = null;
      return;
    }
    switch (col) {
      case "payer": payer.kind = v; break;
      case "unitRule": payer.unitRule = v; break;
      case "providerRole": provider.role = v; break;
      case "providerName": provider.name = v; break;
      case "providerCredentials": provider.credentials = v; break;
      case "lines": note.lines = parseLines(v); break;
      case "diagnoses": note.diagnoses = v.split(/[;\s]+/).filter(Boolean); break;
      default:
        if (col.startsWith("episode.")) episode[col.slice(8)] = NUMERIC.has(col) ? num(v) : col === "episode.closed" ? bool(v) : v;
        else if (col.startsWith("evaluation.")) {
          const k = col.slice(11);
          evaluation[k] = NUMERIC.has(col) ? num(v) : k === "comorbiditiesAffectOccupation" ? bool(v) : v;
        } else note[col] = NUMERIC.has(col) ? num(v) : v;
    }
  });
  if (Object.keys(payer).length) note.payer = payer;
  if (Object.keys(provider).length) note.provider = provider;
  if (Object.keys(episode).length) note.episode = episode;
  if (Object.keys(evaluation).length) note.evaluation = evaluation;
  note.lines ??= [];
  note.text ??= "";
  return note;
}

// Numbers stay as written when they are not numbers: the engine then names the field.
function num(v) {
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
}
function bool(v) {
  const k = v.toLowerCase();
  return ["true", "yes", "y", "1"].includes(k) ? true : ["false", "no", "n", "0"].includes(k) ? false : v;
}

/**
 * The `lines` cell: `CODE:MINUTES:UNITS:MODIFIERS[:ASSISTANT_MINUTES]` entries separated by
 * `;`, modifiers separated by spaces or `+` (e.g. `97110:25:2:GP; 97140:15:1:GP 59`);
 * MINUTES may be empty (`97162::1:GP`). A JSON array of lines is accepted too.
 */
export function parseLines(cell) {
  if (cell.trim().startsWith("[")) {
    try {
      const v = JSON.parse(cell);
      if (!Array.isArray(v)) throw new Error();
      return v;
    } catch {
      throw new Error("lines: the cell starts with [ but is not a JSON array");
    }
  }
  return cell.split(";").map((s) => s.trim()).filter(Boolean).map((entry, i) => {
    const parts = entry.split(":").map((p) => p.trim());
    if (parts.length < 3 || parts.length > 5 || !parts[0]) {
      throw new Error(`lines: entry ${i + 1} should be CODE:MINUTES:UNITS:MODIFIERS, got ${parts.length} parts`);
    }
    const line = { code: parts[0], units: parts[2] === "" ? 0 : num(parts[2]) };
    if (parts[1] !== "") line.minutes = num(parts[1]);
    if (parts[3]) line.modifiers = parts[3].split(/[\s+]+/).filter(Boolean);
    if (parts[4]) line.assistantMinutes = num(parts[4]);
    return line;
  });
}

/** The `lines` cell for a note (inverse of parseLines). */
export function formatLines(lines) {
  return (lines || []).map((l) => {
    const parts = [l.code, l.minutes ?? "", l.units ?? 0, (l.modifiers || []).join(" ")];
    if (l.assistantMinutes !== undefined && l.assistantMinutes !== null) parts.push(l.assistantMinutes);
    return parts.join(":");
  }).join("; ");
}

/** One CSV row (cells in CSV_COLUMNS order) for a note. */
export function noteToCells(note) {
  const get = (col) => {
    switch (col) {
      case "payer": return note.payer?.kind;
      case "unitRule": return note.payer?.unitRule;
      case "providerRole": return note.provider?.role;
      case "providerName": return note.provider?.name;
      case "providerCredentials": return note.provider?.credentials;
      case "lines": return formatLines(note.lines);
      case "diagnoses": return (note.diagnoses || []).join(";");
      default: {
        if (col.startsWith("episode.")) return note.episode?.[col.slice(8)];
        if (col.startsWith("evaluation.")) return note.evaluation?.[col.slice(11)];
        return note[col];
      }
    }
  };
  return CSV_COLUMNS.map((c) => {
    const v = get(c);
    if (v === null && (c.startsWith("episode.") || c.startsWith("evaluation."))) return "null";
    return v === undefined || v === null ? "" : String(v);
  });
}

export function csvCell(v) {
  const s = v === undefined || v === null ? "" : String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows) {
  return rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

// Exports are opened in spreadsheets. A cell that begins with =, +, -, @, a tab or a carriage
// return can run there as a formula (OWASP "CSV injection"): a reviewer's typed reason such
// as `=HYPERLINK(...)` must come out as text. Such cells get a leading apostrophe, which
// spreadsheets read as "this is text" (and hide). A cell that is just a number (`-12.50`)
// is left alone: it cannot be a formula and stays a number.
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** The cell's text, made inert for spreadsheets (see above). */
export function neutraliseCell(v) {
  const s = v === undefined || v === null ? "" : String(v);
  return FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

/** CSV for an export (opened in spreadsheets): every cell neutralised, then quoted as needed. */
export function toExportCsv(rows) {
  return toCsv(rows.map((r) => r.map(neutraliseCell)));
}

/** A copy of a JSON value for an export, with every string neutralised like a CSV cell. */
export function neutraliseStrings(value) {
  if (typeof value === "string") return neutraliseCell(value);
  if (Array.isArray(value)) return value.map(neutraliseStrings);
  if (value && typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = neutraliseStrings(v);
    return out;
  }
  return value;
}

export function notesToCsv(notes) {
  return toCsv([CSV_COLUMNS, ...notes.map(noteToCells)]);
}

export function notesToJsonl(notes) {
  return notes.map((n) => JSON.stringify(n)).join("\n") + "\n";
}
