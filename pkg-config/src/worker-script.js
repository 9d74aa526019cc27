// chartlint's module worker: `chartlint/worker` starts it, or import it from a worker of your
// own (`import "chartlint/worker-script"`). It owns one Checker and answers the client's
// requests in order, with plain objects only (structured clone, nothing transferred).
//
// Protocol (every message is a plain object):
//   client → worker  { id, op: "init", config?, wasm? }      wasm: URL string or WebAssembly.Module
//                    { id, op: "call", method, args }
//   worker → client  { id, ok: true, value } | { id, ok: false, error: { name, message } }
//
// `method` is any method of Checker (check, checkJson, checkEpisode, checkEpisodeJson, and
// those added later) or any function the package exports (rules, version, limits, checkNote).
// A name both have (checkEpisode) runs the worker's Checker, built with the client's config.
import init, * as chartlint from "./chartlint.js";

const NOT_CALLABLE = new Set(["constructor", "free"]);
let checker = null;
let ready = null;

function callable(method) {
  if (typeof method !== "string" || method.startsWith("_") || NOT_CALLABLE.has(method)) return null;
  if (checker && typeof checker[method] === "function") return (args) => checker[method](...args);
  const fn = chartlint[method];
  if (typeof fn === "function" && fn !== chartlint.Checker && !["default", "init", "initSync", "createChecker"].includes(method)) {
    return (args) => fn(...args);
  }
  return null;
}

function reply(id, run) {
  try {
    self.postMessage({ id, ok: true, value: run() });
  } catch (e) {
    self.postMessage({ id, ok: false, error: { name: e?.name || "Error", message: String(e?.message ?? e) } });
  }
}

self.addEventListener("message", (event) => {
  const msg = event.data;
  if (!msg || typeof msg !== "object" || typeof msg.id !== "number") return;
  if (msg.op === "init") {
    ready = (async () => {
      await init(msg.wasm ?? undefined);
      checker = new chartlint.Checker(msg.config ?? undefined);
    })();
    ready.then(
      () => self.postMessage({ id: msg.id, ok: true, value: chartlint.version() }),
      (e) => self.postMessage({ id: msg.id, ok: false, error: { name: e?.name || "Error", message: String(e?.message ?? e) } }),
    );
  } else if (msg.op === "call") {
    const run = () => {
      const fn = callable(msg.method);
      if (!fn) throw new TypeError(`chartlint worker: unknown method ${JSON.stringify(msg.method)}`);
      return fn(Array.isArray(msg.args) ? msg.args : []);
    };
    if (ready) ready.then(() => reply(msg.id, run), (e) => reply(msg.id, () => { throw e; }));
    else reply(msg.id, () => { throw new Error("chartlint worker: not initialised (no init message)"); });
  }
});
