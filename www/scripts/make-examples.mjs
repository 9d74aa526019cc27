// Writes the example batch files shipped in public/examples/ from the sample notes and a
// few generated ones, plus rows that show how unreadable input is reported.
// Usage: node scripts/make-examples.mjs
import { writeFileSync } from "node:fs";
import { SAMPLES } from "../src/samples.js";
import { generateBatch } from "../src/generator.js";
import { generateEpisodes, episodeNotes } from "../src/episodes.js";
import { CSV_COLUMNS, noteToCells, toCsv, notesToJsonl } from "../src/batch-format.js";

// The sample notes, generated single notes, and two whole episodes of care (their notes
// carry patientId and episodeId, so the audit checks them together).
const episodes = generateEpisodes(2, 11);
const notes = [...SAMPLES.map((s) => s.note), ...generateBatch(24, 7).filter((n) => /^\d{4}-\d{2}-\d{2}$/.test(n.dateOfService)), ...episodeNotes(episodes)];
const dir = new URL("../public/examples/", import.meta.url);

// CSV: one note per row; then a row with a missing cell and a note with negative minutes.
const rows = [CSV_COLUMNS, ...notes.map(noteToCells)];
const short = noteToCells(notes[0]).slice(0, 10);
const negative = noteToCells({ ...notes[0], id: "bad-minutes", lines: [{ code: "97110", minutes: -5, units: 1, modifiers: ["GP"] }] });
rows.splice(6, 0, short);
rows.push(negative);
writeFileSync(new URL("notes.csv", dir), toCsv(rows));

// JSONL: one note per line; then a truncated line and a line that is not a note.
const lines = notesToJsonl(notes).trimEnd().split("\n");
lines.splice(5, 0, '{"id": "truncated-line", "discipline": "PT", "noteType": "daily"');
lines.push('["not", "a", "note"]');
writeFileSync(new URL("notes.jsonl", dir), lines.join("\n") + "\n");
console.log(`examples: ${notes.length} notes (${episodes.length} episodes: ${episodes.map((e) => `${e.episodeId}, ${e.notes.length} notes`).join("; ")}) + 2 unreadable rows in each of notes.csv and notes.jsonl`);
