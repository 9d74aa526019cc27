// The batch audit's worker: a module worker that imports chartlint like the page does. It
// is given the page's compiled WebAssembly.Module (so nothing is fetched), then checks the
// notes it is sent (episodes with checkEpisode), reporting progress and stopping when told to
// cancel.
import init, { Checker } from "chartlint";
import { rowFromEpisode } from "./episode-audit.js";

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
      await run(msg.job, msg.items, msg.groups);
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

function checkOne(it) {
  if (it.error) return { row: it.row, kind: "malformed", error: it.error };
  try {
    return { row: it.row, report: checker.check(it.note) };
  } catch (err) {
    return { row: it.row, kind: "invalid", error: String(err?.message || err) };
  }
}

// `groups`: the episodes among the items ({ key, items: indexes }), each checked with
// checkEpisode; every other item is checked on its own. An episode that cannot be checked
// as a whole (two disciplines, two notes with one id…) is reported as such and its notes
// are checked one by one.
async function run(job, items, groups = []) {
  const t0 = performance.now();
  const results = new Array(items.length);
  const episodes = [];
  const grouped = new Set(groups.flatMap((g) => g.items));
  // The work: each episode at once, then every other row on its own. An episode that cannot
  // be checked as a whole puts its rows back in the queue, one by one.
  const queue = [
    ...groups.map((g) => ({ group: g })),
    ...items.map((_, i) => i).filter((i) => !grouped.has(i)).map((i) => ({ item: i })),
  ];
  let done = 0;
  let lastYield = performance.now();
  for (let q = 0; q < queue.length; q++) {
    const u = queue[q];
    if (u.group) {
      const g = u.group;
      try {
        const report = checker.checkEpisode(g.items.map((i) => items[i].note));
        g.items.forEach((i, k) => { results[i] = rowFromEpisode(items[i].row, report, k, g.key); });
        // The rows carry the notes' reports; the episode keeps the rest.
        for (const n of report.notes) delete n.report;
        episodes.push({ key: g.key, report });
        done += g.items.length;
      } catch (err) {
        episodes.push({ key: g.key, error: String(err?.message || err) });
        queue.push(...g.items.map((i) => ({ item: i, episode: g.key })));
      }
    } else {
      results[u.item] = u.episode ? { ...checkOne(items[u.item]), episode: u.episode } : checkOne(items[u.item]);
      done++;
    }
    if (performance.now() - lastYield > 25 || q === queue.length - 1) {
      self.postMessage({ type: "progress", job, done, total: items.length });
      await yieldToMessages();
      lastYield = performance.now();
      if (cancelled.has(job)) {
        self.postMessage({ type: "cancelled", job, done, total: items.length });
        return;
      }
    }
  }
  self.postMessage({ type: "done", job, results, episodes, ms: performance.now() - t0 });
}
