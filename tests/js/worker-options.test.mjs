// chartlint/worker's client splits one options object: the check's options (stage, dismissed)
// go to the worker's Checker, the call's (lane, signal) stay in the client. Driven here by a
// stand-in worker that answers like worker-script.js, with the real engine.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Checker } from "chartlint";
import { WorkerChecker } from "chartlint/worker";

const base = JSON.parse(readFileSync(new URL("../fixtures/base-note.json", import.meta.url), "utf8"));

function standIn() {
  const listeners = [];
  const posted = [];
  let checker = null;
  return {
    posted,
    addEventListener(type, fn) {
      if (type === "message") listeners.push(fn);
    },
    postMessage(msg) {
      posted.push(structuredClone(msg));
      queueMicrotask(() => {
        let reply;
        try {
          if (msg.op === "init") {
            checker = new Checker(msg.config);
            reply = { id: msg.id, ok: true, value: "stand-in" };
          } else reply = { id: msg.id, ok: true, value: checker[msg.method](...msg.args) };
        } catch (e) {
          reply = { id: msg.id, ok: false, error: { name: "Error", message: e.message } };
        }
        for (const fn of listeners) fn({ data: reply });
      });
    },
    terminate() {},
  };
}

test("check(note, { stage, dismissed, lane }) sends stage and dismissed to the worker, not the lane", async () => {
  const worker = standIn();
  const c = new WorkerChecker(null, { worker });
  await c.ready;
  const draft = await c.check({ ...base, text: "" }, { stage: "draft", lane: "editor" });
  assert.equal(draft.stage, "draft");
  assert.ok(draft.checklist.some((i) => !i.done));
  const sent = worker.posted.find((m) => m.op === "call");
  assert.deepEqual(sent.args[1], { stage: "draft" });
  const signed = await c.check({ ...base, text: "" }, { lane: "editor" });
  assert.equal(signed.stage, "sign");
  assert.equal(worker.posted.at(-1).args.length, 1, "only call options: the check gets none");
  const json = JSON.parse(await c.checkJson(JSON.stringify(base), { stage: "draft" }));
  assert.equal(json.stage, "draft");
  await assert.rejects(c.check(base, { stage: "final", lane: "editor" }), /options\.stage: expected one of "draft", "sign"/);
  assert.equal((await c.check(base, null)).stage, "sign");
});
