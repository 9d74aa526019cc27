// Records the page's long tasks (over 50 ms on the main thread) from its first script on,
// and, as a cross-check that sees any block of the main thread (whatever ran it), the longest
// gap between timer ticks. Loaded first, as a classic script.
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    window.__longTasks.push(Math.round(e.duration));
    (window.__longTaskAt ??= []).push([Math.round(e.startTime), Math.round(e.duration)]);
  }
}).observe({ type: "longtask", buffered: true });
window.__maxGap = 0;
let last = performance.now();
(function tick() {
  const now = performance.now();
  window.__maxGap = Math.max(window.__maxGap, Math.round(now - last));
  last = now;
  if (window.__firstReport === undefined) setTimeout(tick, 0);
})();
