// Sample notes for the editor's picker: PT, OT and SLP, every note type, clean and flawed.
// The notes live in samples.json, which the engine's snapshot tests (tests/snapshots.rs) read
// too, so a reviewer sees every change of the reports they produce. Each `expect` line says
// what a reviewer would notice; the findings themselves always come from the engine (nothing
// here is hard-coded into the report).
import samples from "./samples.json" with { type: "json" };

export const SAMPLES = samples;
