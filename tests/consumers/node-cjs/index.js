// Node CommonJS: require(), no init() needed.
const { checkNote } = require("chartlint");

const note = JSON.parse(process.argv[2]);
const report = checkNote(note);
console.log(JSON.stringify({ noteId: report.noteId, readyToSign: report.readyToSign, rules: report.findings.map((f) => f.rule) }));
