// TypeScript, `module: node16`, in a CommonJS package: compiles to require("chartlint").
import init, { checkNote, Checker, type Note, type Report } from "chartlint";

async function main(): Promise<void> {
  await init();
  const note: Note = JSON.parse(process.argv[2] ?? "{}");
  const report: Report = checkNote(note);
  const again: Report = new Checker().check(note);
  console.log(JSON.stringify({ noteId: report.noteId, readyToSign: again.readyToSign, rules: report.findings.map((f) => f.rule) }));
}
void main();
