// Vite 7: `vite build` of a page on the main thread and one on chartlint/worker, loaded in
// Chromium; and the dev server with the README's optimizeDeps setting.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { build, createServer } from "vite";
import { serve } from "./lib/serve.mjs";
import { launch, openReport } from "./lib/browser.mjs";
import { EXPECTED } from "./lib/expected.mjs";

const configFile = fileURLToPath(new URL("vite/vite.config.js", import.meta.url));
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("vite build: main thread and worker pages render the report", async () => {
  await build({ configFile, mode: "production" });
  const server = await serve(fileURLToPath(new URL("vite/dist/", import.meta.url)));
  try {
    for (const page of ["index.html", "worker.html"]) {
      const r = await openReport(browser.context, `${server.url}${page}`);
      assert.equal(r.state, "ok", `${page}: ${r.text}`);
      assert.deepEqual(JSON.parse(r.data), EXPECTED);
      assert.deepEqual(r.problems, []);
    }
  } finally {
    await server.close();
  }
});

test("vite dev server: the page renders the report", async () => {
  const dev = await createServer({ configFile, server: { host: "127.0.0.1", port: 0 } });
  await dev.listen();
  try {
    const { port } = dev.httpServer.address();
    for (const page of ["index.html", "worker.html"]) {
      const r = await openReport(browser.context, `http://127.0.0.1:${port}/${page}`);
      assert.equal(r.state, "ok", `${page}: ${r.text}`);
      assert.deepEqual(JSON.parse(r.data), EXPECTED);
    }
  } finally {
    await dev.close();
  }
});
