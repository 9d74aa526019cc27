// The package's types under many tsconfigs (see types.test.mjs): the API, the loading API,
// the worker client, and config typos rejected.
import init, { Checker, checkEpisode, checkNote, createChecker, rules, type Config, type EpisodeReport, type Note, type Report } from "chartlint";
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
  const episode: EpisodeReport = checker.checkEpisode([note, { ...note, patientId: "P1", episodeId: "E1" }]);
  const oneShot: EpisodeReport = checkEpisode([note], { cloning: { threshold: 0.9 } });
  const episodeInWorker: EpisodeReport = await viaWorker.checkEpisode([note], { lane: "episode" });
  const episodeByName: EpisodeReport = await viaWorker.call("checkEpisode", [[note]]);
  const episodeJson: string = await viaWorker.checkEpisodeJson("[]");
  // @ts-expect-error checkEpisode takes the episode's notes as an array, not one note
  void viaWorker.checkEpisode(note);
  // @ts-expect-error by name too
  void viaWorker.call("checkEpisode", [note]);
  // @ts-expect-error a misspelled cloning key
  checkEpisode([note], { cloning: { treshold: 0.9 } });
  void [episode.findings[0]?.rule, oneShot.goals.length, episodeInWorker.timeline, episodeByName.notes[0]?.readyToSign, episodeJson];
  viaWorker.terminate();
  // @ts-expect-error a misspelled config key
  const typo: Config = { disabledRule: [] };
  // @ts-expect-error a misspelled payer-pack key
  const packTypo: Config = { payers: { medicare: { unitRulee: "ruleOf8s" } } };
  void [typo, packTypo, again, fromWorker, json, rules().length, checkNote(note).readyToSign];
  return report;
}
