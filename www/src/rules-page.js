// The rule reference: generated from `rules()` (the rules' own doc comments), never written
// twice. A tiny Markdown reader turns the docs into DOM nodes (no innerHTML).
import { el, clear } from "./util.js";

const FAMILY_TITLE = {
  units: "Minutes and units", codes: "Codes and diagnoses", elements: "Documentation elements",
  eval: "Evaluation complexity", modifiers: "Modifiers and payment", episode: "Episode of care",
};

export function mountRulesView(root, app) {
  const all = app.rules; // rules(), asked of the worker at boot
  const families = [...new Set(all.map((r) => r.family))];
  const search = el("input", { type: "search", placeholder: "Filter rules (id, words, source)…", "aria-label": "Filter rules", class: "rule-search" });
  const list = el("div", { class: "rule-list" });
  const toc = el("nav", { class: "rule-toc", "aria-label": "Rule families" });

  const render = () => {
    const q = search.value.trim().toLowerCase();
    clear(list);
    clear(toc);
    for (const fam of families) {
      const items = all.filter((r) => r.family === fam && (!q || `${r.id} ${r.docs} ${r.source}`.toLowerCase().includes(q)));
      if (!items.length) continue;
      toc.append(el("div", { class: "toc-family" }, [
        el("a", { href: `#rules/${fam}`, onclick: (e) => { e.preventDefault(); document.getElementById(`family-${fam}`)?.scrollIntoView({ block: "start" }); } }, `${FAMILY_TITLE[fam] || fam} (${items.length})`),
        el("ul", {}, items.map((r) => el("li", {}, el("a", {
          href: `#rules/${r.id}`, class: "mono",
          onclick: (e) => { e.preventDefault(); document.getElementById(ruleAnchor(r.id))?.scrollIntoView({ block: "start" }); },
        }, r.id.split("/")[1])))),
      ]));
      list.append(el("section", { class: "rule-family", id: `family-${fam}` }, [
        el("h2", {}, [FAMILY_TITLE[fam] || fam, el("span", { class: "muted" }, ` · ${fam}/`)]),
        ...items.map(ruleCard),
      ]));
    }
    if (!list.firstChild) list.append(el("p", { class: "empty" }, "No rule matches."));
  };
  search.addEventListener("input", render);

  root.append(el("div", { class: "rules-page" }, [
    el("div", { class: "rules-head" }, [
      el("h2", {}, "Rule reference"),
      el("p", { class: "lede" }, [
        `${all.length} rules, generated from the engine's own rule docs (`, el("code", {}, "rules()"),
        "): what each checks, why payers deny it, an example that triggers it (a JSON patch over a clean Medicare PT daily note), one that passes, and the policy it enforces.",
      ]),
      search,
    ]),
    el("div", { class: "rules-body" }, [toc, list]),
  ]));
  render();
}

function ruleAnchor(id) {
  return `rule-${id.replace(/[^a-z0-9]+/gi, "-")}`;
}

function ruleCard(r) {
  return el("article", { class: "rule-card", id: ruleAnchor(r.id), "data-rule": r.id }, [
    el("header", {}, [
      el("h3", { class: "mono" }, r.id),
      el("span", { class: `sev sev-${r.severity}` }, r.severity),
    ]),
    el("p", { class: "rule-summary" }, inline(r.summary)),
    section("What it checks", r.whatItChecks),
    section("Why payers deny it", r.why),
    r.example ? section("Example (triggers)", r.example, "example") : null,
    r.passes ? section("Passes", r.passes, "passes") : null,
    el("p", { class: "rule-source" }, [el("strong", {}, "Source: "), r.source]),
  ]);
}

function section(title, md, cls = "") {
  if (!md) return null;
  return el("div", { class: `rule-section ${cls}` }, [el("h4", {}, title), ...markdown(md)]);
}

/** Paragraphs, bullet lists and fenced code blocks; inline `code`, **bold**, *em*. */
export function markdown(md) {
  const out = [];
  const lines = md.split("\n");
  let para = [], list = null, code = null;
  const flushPara = () => {
    if (para.length) out.push(el("p", {}, inline(para.join(" "))));
    para = [];
  };
  const flushList = () => {
    if (list) out.push(list);
    list = null;
  };
  for (const raw of lines) {
    const line = raw.replace(/\s+$/, "");
    if (code) {
      if (line.trim().startsWith("```")) {
        out.push(el("pre", { class: `code ${code.lang}` }, el("code", {}, pretty(code.lang, code.lines.join("\n")))));
        code = null;
      } else code.lines.push(raw);
      continue;
    }
    const fence = /^\s*```(\w*)/.exec(line);
    if (fence) { flushPara(); flushList(); code = { lang: fence[1] || "text", lines: [] }; continue; }
    const item = /^\s*[-*]\s+(.*)$/.exec(line);
    if (item) {
      flushPara();
      list ??= el("ul", {});
      list.append(el("li", {}, inline(item[1])));
      continue;
    }
    if (line.trim() === "") { flushPara(); flushList(); continue; }
    if (list && /^\s{2,}\S/.test(raw)) { list.lastChild.append(" ", ...inline(line.trim())); continue; }
    flushList();
    para.push(line.trim().replace(/^#+\s*/, ""));
  }
  flushPara();
  flushList();
  if (code) out.push(el("pre", { class: "code" }, el("code", {}, code.lines.join("\n"))));
  return out;
}

// JSON examples are one line in the docs: indent them for reading (display only).
function pretty(lang, text) {
  if (lang !== "json") return text;
  try {
    const v = JSON.parse(text);
    if (!v || typeof v !== "object" || Array.isArray(v)) return JSON.stringify(v);
    // One top-level key a line; arrays of objects (the billed lines) one item a line.
    const val = (x) => (Array.isArray(x) && x.some((i) => i && typeof i === "object")
      ? `[\n${x.map((i) => `    ${JSON.stringify(i)}`).join(",\n")}\n  ]`
      : JSON.stringify(x));
    return `{\n${Object.entries(v).map(([k, x]) => `  ${JSON.stringify(k)}: ${val(x)}`).join(",\n")}\n}`;
  } catch {
    return text;
  }
}

function inline(text) {
  const nodes = [];
  const re = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*]+)\*|\[([^\]]+)\]\(([^)]+)\)/g;
  let last = 0, m;
  while ((m = re.exec(text))) {
    if (m.index > last) nodes.push(text.slice(last, m.index));
    if (m[1] !== undefined) nodes.push(el("code", {}, m[1]));
    else if (m[2] !== undefined) nodes.push(el("strong", {}, m[2]));
    else if (m[3] !== undefined) nodes.push(el("em", {}, m[3]));
    else nodes.push(m[4]); // links: the text only (the page makes no requests)
    last = re.lastIndex;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}
