// chartlint demo: boots the package the way an EMR would, then wires the three views. The
// engine runs in module workers (chartlint/worker): one for the editor, one for the batch
// audit, so a long audit never delays the underlines. The main thread only compiles the
// WebAssembly (asynchronously, off the main thread in browsers) and shares the compiled
// module with both workers, so nothing is fetched after load.
import { WorkerChecker } from "chartlint/worker";
import wasmUrl from "chartlint/chartlint_bg.wasm?url";
import "./style.css";
import { mountEditorView } from "./editor-view.js";
import { mountAuditView } from "./audit.js";
import { mountRulesView } from "./rules-page.js";

async function boot() {
  const module = await WebAssembly.compileStreaming(fetch(wasmUrl));
  const checker = new WorkerChecker(undefined, { wasm: module });
  const auditChecker = new WorkerChecker(undefined, { wasm: module });
  const [version, rules] = await Promise.all([checker.ready, checker.rules(), auditChecker.ready]);
  document.getElementById("version").textContent = `v${version}`;

  const app = {
    checker,
    auditChecker,
    rules,
    module,
    /** Dismissals with reasons, per note (`sample:<key>`, `blank`, `audit:<row>`): fingerprint -> { reason, rule }. */
    dismissals: new Map(),
    /** The dismissals of one note, as the check options take them. */
    dismissedFor(noteKey) {
      return [...(this.dismissals.get(noteKey) ?? new Map())].map(([fingerprint, d]) => ({ fingerprint, reason: d.reason }));
    },
    editor: null,
    audit: null,
    show(view) {
      location.hash = `#${view}`;
    },
  };
  app.editor = mountEditorView(document.getElementById("view-editor"), app);
  app.audit = mountAuditView(document.getElementById("view-audit"), app);
  mountRulesView(document.getElementById("view-rules"), app);

  const route = () => {
    const view = (location.hash || "#editor").slice(1).split("/")[0];
    const known = ["editor", "audit", "rules"].includes(view) ? view : "editor";
    for (const v of ["editor", "audit", "rules"]) {
      document.getElementById(`view-${v}`).hidden = v !== known;
      document.querySelector(`.tabs a[data-view="${v}"]`).setAttribute("aria-current", v === known ? "page" : "false");
    }
    if (known === "editor") app.editor.view.requestMeasure();
    if (known === "audit") app.audit.resize();
  };
  window.addEventListener("hashchange", route);
  route();
  document.getElementById("boot").remove();
  document.body.dataset.ready = "true";
  window.__chartlint = app; // for the Chromium tests and the curious
}

boot().catch((e) => {
  const boot = document.getElementById("boot");
  boot.classList.add("boot-error");
  boot.textContent = `chartlint could not start: ${e.message}`;
  console.error(e);
});
