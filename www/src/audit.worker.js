// The batch audit's worker: a module worker that imports chartlint like the page does. It
// is given the page's compiled WebAssembly.Module (so nothing is fetched), then checks the
// notes it is sent, reporting progress and stopping when told to cancel.
import init, { Checker } from "chartlint";

let checker = null;
const cancelled = new Set();

self.onmessage = async (e) => {
  const msg = e.data;
  try {
    if (msg.type === "init") {
      await init({ module_or_path: msg.module });
      checker = new Checker(msg.config ?? undefined);
      self.postMessage({ type: "ready" });
    } else if (msg.type === "cancel") {
      cancelled.add(msg.job);
    } else if (msg.type === "run") {
      await run(msg.job, msg.items);
    }
  } catch (err) {
    self.postMessage({ type: "failed", job: msg.job, message: String(err?.message || err) });
  }
};

const yieldToMessages = () => new Promise((resolve) => {
  const ch = new MessageChannel();
  ch.port1.onmessage = () => resolve();
  ch.port2.postMessage(null);
});

async function run(job, items) {
  const t0 = performance.now();
  const results = new Array(items.length);
  let lastYield = performance.now();
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (it.error) {
      results[i] = { row: it.row, kind: "malformed", error: it.error };
    } else {
      try {
        results[i] = { row: it.row, report: checker.check(it.note) };
      } catch (err) {
        results[i] = { row: it.row, kind: "invalid", error: String(err?.message || err) };
      }
    }
    if (performance.now() - lastYield > 25 || i === items.length - 1) {
      self.postMessage({ type: "progress", job, done: i + 1, total: items.length });
      await yieldToMessages();
      lastYield = performance.now();
      if (cancelled.has(job)) {
        self.postMessage({ type: "cancelled", job, done: i + 1, total: items.length });
        return;
      }
    }
  }
  self.postMessage({ type: "done", job, results, ms: performance.now() - t0 });
}
