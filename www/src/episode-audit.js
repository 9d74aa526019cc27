// Episodes in a batch audit: which rows form an episode (same `episodeId`, or same
// `patientId` and discipline when there is no episode id), and how each episode's report is
// spread back over its rows. Pure JavaScript, no DOM: the tests import it in Node.

/** The episode a note belongs to, or null: `episodeId`, else `patientId` + discipline. */
export function episodeKey(note) {
  if (!note || typeof note !== "object") return null;
  if (typeof note.episodeId === "string" && note.episodeId.trim()) return `episode:${note.episodeId.trim()}`;
  if (typeof note.patientId === "string" && note.patientId.trim()) return `patient:${note.patientId.trim()}|${note.discipline ?? ""}`;
  return null;
}

/**
 * Groups the batch's readable rows into episodes. Returns `{ groups, singles }`: each group
 * `{ key, label, items }` (indexes into `items`, in file order), and the indexes of rows
 * checked on their own (no ids, or unreadable).
 */
export function groupEpisodes(items) {
  const groups = new Map();
  const singles = [];
  items.forEach((it, i) => {
    const key = it.note && !it.error ? episodeKey(it.note) : null;
    if (!key) { singles.push(i); return; }
    let g = groups.get(key);
    if (!g) {
      const n = it.note;
      g = { key, label: n.episodeId?.trim() || `${n.patientId.trim()} · ${n.discipline ?? "?"}`, items: [] };
      groups.set(key, g);
    }
    g.items.push(i);
  });
  return { groups: [...groups.values()], singles };
}

/**
 * One row's result from its episode's report: the note's own report (or its error), the
 * episode findings about it, and the episode's key. `i` is the row's index in the episode.
 */
export function rowFromEpisode(row, report, i, key) {
  const n = report.notes[i];
  const episodeFindings = report.findings.filter((f) => f.noteIndex === i);
  if (!n?.report) return { row, kind: "invalid", error: n?.error ?? "not checked", episode: key, episodeFindings };
  return { row, report: n.report, episode: key, episodeFindings, readyToSign: n.readyToSign };
}

/** A short summary of one episode's report for the episodes table. */
export function episodeSummary(group, report, error) {
  if (!report) return { key: group.key, label: group.label, notes: group.items.length, error };
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) counts[f.severity]++;
  const t = report.timeline;
  return {
    key: group.key, label: group.label, notes: group.items.length,
    patientId: report.patientId, episodeId: report.episodeId, discipline: report.discipline,
    start: t.start, end: t.end, treatmentDays: t.treatmentDays,
    episodeFindings: report.findings.length, counts,
    rules: [...new Set(report.findings.map((f) => f.rule))],
    goals: report.goals.length, goalsOpen: report.goals.filter((g) => g.state === "open").length,
    notReady: report.notes.filter((n) => !n.readyToSign).length,
  };
}
