// Small DOM and formatting helpers (no framework: the demo stays a few small modules).

/** Creates an element: attrs (class, data-*, aria-*, on* handlers) and children (nodes, strings, arrays, null). */
export function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2).toLowerCase(), v);
    else if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k in node && !k.includes("-") && k !== "list" && k !== "form") node[k] = v;
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  append(node, children);
  return node;
}

/** Appends children like `el` does: nodes, strings, arrays; null/false are skipped. */
export function add(node, ...children) {
  append(node, children);
  return node;
}

function append(node, children) {
  if (children === null || children === undefined || children === false) return;
  if (Array.isArray(children)) for (const c of children) append(node, c);
  else node.append(children instanceof Node ? children : document.createTextNode(String(children)));
}

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
/** Formats a decimal-string amount for display (the engine keeps the exact string). */
export function formatMoney(s) {
  if (s === undefined || s === null || s === "") return "—";
  const n = Number(s);
  return Number.isFinite(n) ? usd.format(n) : String(s);
}

/** Adds decimal-string amounts exactly, in cents (display totals only). */
export function sumMoney(values) {
  let cents = 0n;
  for (const v of values) {
    if (v === undefined || v === null || v === "") continue;
    const m = /^(-)?(\d+)(?:\.(\d{1,2}))?/.exec(String(v));
    if (!m) continue;
    const c = BigInt(m[2]) * 100n + BigInt((m[3] || "0").padEnd(2, "0"));
    cents += m[1] ? -c : c;
  }
  const neg = cents < 0n;
  const a = neg ? -cents : cents;
  return `${neg ? "-" : ""}${a / 100n}.${String(a % 100n).padStart(2, "0")}`;
}

export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

/** Reads a path like `lines[1].units` or `episode.visitNumber` from an object. */
export function getPath(obj, path) {
  let cur = obj;
  for (const key of parsePath(path)) {
    if (cur === null || cur === undefined) return undefined;
    cur = cur[key];
  }
  return cur;
}

/** Sets a path, creating objects on the way; `undefined` deletes the key. */
export function setPath(obj, path, value) {
  const keys = parsePath(path);
  let cur = obj;
  for (let i = 0; i < keys.length - 1; i++) {
    if (cur[keys[i]] === null || cur[keys[i]] === undefined) cur[keys[i]] = typeof keys[i + 1] === "number" ? [] : {};
    cur = cur[keys[i]];
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete cur[last];
  else cur[last] = value;
}

export function parsePath(path) {
  const keys = [];
  for (const part of String(path).split(".")) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) { keys.push(part); continue; }
    if (m[1]) keys.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) keys.push(Number(idx[1]));
  }
  return keys;
}

export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el("a", { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };

export function plural(n, one, many = one + "s") {
  return `${n} ${n === 1 ? one : many}`;
}
