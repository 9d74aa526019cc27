// webpack 5: a production build with no warning and no error (the README's `performance`
// setting keeps the .wasm out of the size hints), main-thread and worker pages in Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import webpack from "webpack";
import config from "./webpack/webpack.config.js";
import { serve } from "./lib/serve.mjs";
import { launch, openReport } from "./lib/browser.mjs";
import { EXPECTED } from "./lib/expected.mjs";

const compile = (cfg) => new Promise((resolve, reject) => webpack(cfg, (err, stats) => (err ? reject(err) : resolve(stats))));
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("webpack build: no warnings, no errors; the .wasm is an emitted asset", async () => {
  const stats = await compile(config);
  const info = stats.toJson({ all: false, warnings: true, errors: true, assets: true, cachedAssets: true });
  assert.deepEqual(info.errors.map((e) => e.message), []);
  assert.deepEqual(info.warnings.map((w) => w.message), []);
  const wasm = info.assets.find((a) => /\.wasm$/.test(a.name ?? ""));
  assert.ok(wasm && wasm.size > 244 * 1024, "the .wasm is emitted, and larger than webpack's default hint (so the setting matters)");
});

test("without the README's performance setting webpack warns about the .wasm (the documented fix is needed)", async () => {
  const stats = await compile({ ...config, performance: undefined, output: { ...config.output, path: fileURLToPath(new URL("webpack/dist-default/", import.meta.url)) } });
  const warnings = stats.toJson({ all: false, warnings: true }).warnings.map((w) => w.message);
  assert.ok(warnings.some((m) => /asset size limit/.test(m) && /\.wasm/.test(m)), warnings.join("\n"));
});

test("webpack pages render the report (main thread and chartlint/worker)", async () => {
  const dist = fileURLToPath(new URL("webpack/dist/", import.meta.url));
  for (const p of ["main", "worker"]) copyFileSync(fileURLToPath(new URL(`webpack/${p}.html`, import.meta.url)), `${dist}${p}.html`);
  const server = await serve(dist);
  try {
    for (const page of ["main.html", "worker.html"]) {
      const r = await openReport(browser.context, `${server.url}${page}`);
      assert.equal(r.state, "ok", `${page}: ${r.text}`);
      assert.deepEqual(JSON.parse(r.data), EXPECTED);
      assert.deepEqual(r.problems, []);
    }
  } finally {
    await server.close();
  }
});
