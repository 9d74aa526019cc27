// What every consumer page checks and how it shows the result: CMS Pub. 100-04 ch. 5 §20.2's
// example 3 (97110 × 3 units on 33 minutes, 97140 on 7) is over-billed. The page renders the
// report into #report; the tests compare it with the same note checked by the package in Node.
export const NOTE = {
  id: "consumer-note",
  discipline: "PT",
  noteType: "daily",
  dateOfService: "2025-03-10",
  payer: { kind: "medicare" },
  provider: { role: "PT", name: "Dana Lee", credentials: "PT, DPT" },
  lines: [
    { code: "97110", minutes: 33, units: 3, modifiers: ["GP"] },
    { code: "97140", minutes: 7, units: 0, modifiers: ["GP"] },
  ],
  totalTimedMinutes: 40,
  totalTreatmentMinutes: 40,
  text: "S: Knee stiff after stairs. O: Ther ex 33 min, manual therapy 7 min. A: Tolerating progression. P: Continue plan. Signed Dana Lee, PT, DPT",
};

/** The part of a report the tests compare: readiness and the rule ids, in order. */
export function summary(report) {
  return { noteId: report.noteId, readyToSign: report.readyToSign, rules: report.findings.map((f) => f.rule) };
}

/** Renders the report (or the error) into #report, for the tests to read. */
export function show(how, report, error) {
  const el = document.getElementById("report");
  if (error) {
    el.dataset.state = "error";
    el.textContent = `${how}: ${error?.message ?? error}`;
    return;
  }
  const s = summary(report);
  el.dataset.report = JSON.stringify(s);
  el.textContent = `${how}: ${s.readyToSign ? "ready to sign" : "not ready to sign"} (${s.rules.join(", ")})`;
  el.dataset.state = "ok";
}
