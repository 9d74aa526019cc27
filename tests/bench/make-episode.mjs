// Writes tests/bench/episode-40.json: the first 40 notes (in date order) of a long PT episode
// from the demo's generator (fixed seed; 3 visits a week for 12 weeks), for the episode
// benchmark. Run: node tests/bench/make-episode.mjs
import { writeFileSync } from "node:fs";
import { mulberry32 } from "../../www/src/generator.js";
import { generateEpisode } from "../../www/src/episodes.js";

const rnd = mulberry32(314159);
let ep;
for (let i = 0; !ep || ep.notes.length < 40; i++) {
  ep = generateEpisode(rnd, i, { discipline: "PT", style: "template", flaws: [], perWeek: 3, weeks: 12 });
}
const notes = ep.notes.slice(0, 40);
writeFileSync(new URL("./episode-40.json", import.meta.url), JSON.stringify(notes, null, 1) + "\n");
const types = {};
for (const n of notes) types[n.noteType] = (types[n.noteType] || 0) + 1;
console.log(`episode-40.json: ${notes.length} notes of ${ep.episodeId} (${ep.condition}), ${JSON.stringify(types)}, ${Math.round(JSON.stringify(notes).length / 1024)} KB`);
