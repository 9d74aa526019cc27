// chartlint demo: boots the package the way an EMR would, then wires the three views.
import init, { Checker, version } from "chartlint";
import wasmUrl from "chartlint/chartlint_bg.wasm?url";
import "./style.css";
import { mountEditorView } from "./editor-view.js";
import { mountAuditView } from "./audit.js";
import { mountRulesView } from "./rules-page.js";

async function boot() {
  // Compile the module once: the page instantiates it, and the audit worker gets the same
  // compiled module by postMessage, so nothing is fetched after load.
  const module = await WebAssembly.compileStreaming(fetch(wasmUrl));
  await init({ module_or_path: module });
  const checker = new Checker();
  document.getElementById("version").textContent = `v${version()}`;

  const app = {
    checker,
    module,
    editor: null,
    audit: null,
    show(view) {
      location.hash = `#${view}`;
    },
  };
  app.editor = mountEditorView(document.getElementById("view-editor"), app);
  app.audit = await mountAuditView(document.getElementById("view-audit"), app);
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
