// A minimal note editor on chartlint/worker: the engine loads and checks in a module worker,
// each keystroke checks on one lane (superseded checks are dropped), the report is shown.
import { WorkerChecker } from "/node_modules/chartlint/worker.js";
import { NOTE, show } from "/lib/report.js";

const editor = document.getElementById("editor");
editor.value = NOTE.text;
const checker = new WorkerChecker();
let latest = 0;
async function check() {
  const run = ++latest;
  try {
    const report = await checker.check({ ...NOTE, text: editor.value }, { lane: "editor" });
    if (run === latest) {
      show("worker", report);
      window.__firstReport ??= performance.now();
    }
  } catch (e) {
    if (e.name !== "AbortError") show("worker", null, e);
  }
}
editor.addEventListener("input", check);
check();
window.__checker = checker;
window.__WorkerChecker = WorkerChecker;
