// Plain ESM in Chromium, no bundler, under a strict Content-Security-Policy: the package's
// files served as they are, the .wasm as application/wasm, compressed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { serve } from "./lib/serve.mjs";
import { launch, openReport } from "./lib/browser.mjs";
import { EXPECTED } from "./lib/expected.mjs";

const ROOT = fileURLToPath(new URL(".", import.meta.url));
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; object-src 'none'; base-uri 'none'";
let server, browser;
before(async () => {
  server = await serve(ROOT, { csp: CSP });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("plain ESM under script-src 'self' 'wasm-unsafe-eval': the report renders; the .wasm is served compressed as application/wasm", async () => {
  const r = await openReport(browser.context, `${server.url}esm/index.html`);
  assert.equal(r.state, "ok", r.text);
  assert.deepEqual(JSON.parse(r.data), EXPECTED);
  assert.deepEqual(r.problems, []);
  const wasm = server.requests.find((q) => q.path.endsWith("/chartlint_bg.wasm"));
  assert.equal(wasm?.type, "application/wasm");
  assert.match(String(wasm?.encoding), /^(br|gzip)$/);
});

test("without 'wasm-unsafe-eval' the CSP blocks the WebAssembly (why the README says to add it)", async () => {
  const strict = await serve(ROOT, { csp: "default-src 'self'; script-src 'self'" });
  try {
    const r = await openReport(browser.context, `${strict.url}esm/index.html`);
    assert.equal(r.state, "error");
    assert.match(r.text, /WebAssembly|wasm-unsafe-eval|Content Security Policy/i);
  } finally {
    await strict.close();
  }
});

test("chartlint/inline: renders with no .wasm request", async () => {
  const from = server.requests.length;
  const r = await openReport(browser.context, `${server.url}esm/inline.html`);
  assert.equal(r.state, "ok", r.text);
  assert.deepEqual(JSON.parse(r.data), EXPECTED);
  assert.ok(!server.requests.slice(from).some((q) => q.path.endsWith(".wasm")), "no .wasm fetched");
});

test("the synchronous API before init(): the error says what to do", async () => {
  const r = await openReport(browser.context, `${server.url}esm/uninitialised.html`);
  assert.equal(r.state, "error");
  assert.equal(r.text, "no init: chartlint is not initialised: await init() first");
});
