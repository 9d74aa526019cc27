// Next.js 16 (App Router): `next dev`, and `next build` with Turbopack and with --webpack,
// each started with `next start`: the server-rendered page answers 200, the client component and the
// chartlint/worker page render the report in Chromium, and the route handler checks a note
// on the server (and answers an invalid one with the field's error).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { launch, openReport } from "./lib/browser.mjs";
import { EXPECTED } from "./lib/expected.mjs";
import { NOTE } from "./lib/report.js";

const APP = fileURLToPath(new URL("next/", import.meta.url));
const NEXT = fileURLToPath(new URL("node_modules/next/dist/bin/next", import.meta.url));
const env = (dist) => ({ ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: dist });
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const freePort = () => new Promise((resolve) => {
  const s = createServer();
  s.listen(0, "127.0.0.1", () => {
    const { port } = s.address();
    s.close(() => resolve(port));
  });
});

async function start(dist, command = "start") {
  const port = await freePort();
  // Its own process group, so that stopping it stops the server processes it starts.
  const proc = spawn(process.execPath, [NEXT, command, "-H", "127.0.0.1", "-p", String(port)], { cwd: APP, env: env(dist), stdio: ["ignore", "pipe", "pipe"], detached: true });
  let out = "";
  proc.stdout.on("data", (d) => (out += d));
  proc.stderr.on("data", (d) => (out += d));
  const url = `http://127.0.0.1:${port}/`;
  for (const deadline = Date.now() + 120_000; ;) {
    if (proc.exitCode !== null) throw new Error(`next start exited: ${out}`);
    try {
      await fetch(url);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`next start did not answer: ${out}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const stop = () => new Promise((resolve) => {
    if (proc.exitCode !== null) return resolve();
    proc.once("exit", resolve);
    process.kill(-proc.pid, "SIGTERM");
  });
  return { url, output: () => out, stop };
}

for (const [bundler, flags, dist] of [["Turbopack", [], ".next-turbopack"], ["webpack", ["--webpack"], ".next-webpack"]]) {
  test(`next build (${bundler}) and next start: page, worker page and route handler`, { timeout: 600_000 }, async () => {
    execFileSync(process.execPath, [NEXT, "build", ...flags], { cwd: APP, env: env(dist), stdio: ["ignore", "pipe", "pipe"] });
    const server = await start(dist);
    try {
      const html = await fetch(server.url);
      assert.equal(html.status, 200, "server rendering imports chartlint without touching the .wasm");
      for (const path of ["", "worker"]) {
        const r = await openReport(browser.context, `${server.url}${path}`);
        assert.equal(r.state, "ok", `/${path}: ${r.text}`);
        assert.deepEqual(JSON.parse(r.data), EXPECTED);
        assert.deepEqual(r.problems, []);
      }
      const res = await fetch(`${server.url}api/check`, { method: "POST", body: JSON.stringify(NOTE) });
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), EXPECTED);
      const bad = await fetch(`${server.url}api/check`, { method: "POST", body: JSON.stringify({ ...NOTE, discipline: "PTX" }) });
      assert.equal(bad.status, 400);
      assert.match((await bad.json()).error, /^discipline: expected one of/);
    } finally {
      await server.stop();
    }
  });
}

test("next dev (Turbopack): the page answers 200 and renders the report", { timeout: 600_000 }, async () => {
  const server = await start(".next-dev", "dev");
  try {
    const html = await fetch(server.url);
    assert.equal(html.status, 200, server.output());
    const r = await openReport(browser.context, server.url, { timeout: 180_000 });
    assert.equal(r.state, "ok", r.text);
    assert.deepEqual(JSON.parse(r.data), EXPECTED);
  } finally {
    await server.stop();
  }
});
