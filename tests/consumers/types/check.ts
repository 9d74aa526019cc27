// The package's types under many tsconfigs (see types.test.mjs): the API, the loading API,
// the worker client, and config typos rejected.
import init, { Checker, checkNote, createChecker, rules, type Config, type Note, type Report } from "chartlint";
import { WorkerChecker } from "chartlint/worker";

export async function main(note: Note): Promise<Report> {
  await init();
  await init(new Uint8Array(0));
  const checker = new Checker({ disabledRules: ["units/under-billed"] });
  const report: Report = checker.check(note);
  checker.free();
  const again: Report = (await createChecker()).check(note);
  const viaWorker = new WorkerChecker({ payers: { commercial: { unitRule: "ruleOf8s" } } });
  const fromWorker: Report = await viaWorker.check(note, { lane: "editor" });
  const json: string = await viaWorker.call("checkJson", [JSON.stringify(note)]);
  viaWorker.terminate();
  // @ts-expect-error a misspelled config key
  const typo: Config = { disabledRule: [] };
  // @ts-expect-error a misspelled payer-pack key
  const packTypo: Config = { payers: { medicare: { unitRulee: "ruleOf8s" } } };
  void [typo, packTypo, again, fromWorker, json, rules().length, checkNote(note).readyToSign];
  return report;
}
