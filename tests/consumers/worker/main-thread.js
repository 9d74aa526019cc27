// The same editor with `new Checker()` on the main thread: the benchmark's comparison.
import init, { Checker } from "/node_modules/chartlint/chartlint.js";
import { NOTE, show } from "/lib/report.js";

const editor = document.getElementById("editor");
editor.value = NOTE.text;
await init();
// As an editor would, on its next task (the continuation of `await init()` itself runs in a
// task the Long Tasks API does not see).
await new Promise((resolve) => setTimeout(resolve, 0));
const checker = new Checker();
show("main thread", checker.check({ ...NOTE, text: editor.value }));
window.__firstReport = performance.now();
