// The bundled sample batch: realistic PT/OT/SLP notes generated deterministically from a
// seed (mulberry32), so the same seed gives the same 500 notes in every browser and in Node.
// Most notes are written the way a careful clinic writes them; a realistic share carry the
// mistakes auditors find (units over minutes, missing modifiers, vague goals, red-flag
// phrases, missing signature or plan, over-coded evaluations, lapsed plans of care…).
// The findings always come from the engine: the generator never decides them.

export const DEFAULT_SEED = 20250310;
export const DEFAULT_SIZE = 500;

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DISC = {
  PT: {
    mod: "GP", asstMod: "CQ", roles: ["PT", "PTA"], evalCodes: ["97161", "97162", "97163"], reeval: "97164",
    therapists: [["Dana Lee", "PT, DPT"], ["Marcus Hill", "PT, DPT, OCS"], ["Priya Raman", "PT, DPT"], ["Tom Becker", "PT"]],
    assistants: [["Luis Ortega", "PTA"], ["Kelly Nguyen", "PTA"]],
    dx: [["M17.11", "Z96.651"], ["M54.16"], ["M75.101"], ["S83.511D"], ["I63.9", "R26.89"], ["M48.062"], ["R26.2", "M62.81"], ["S72.001D"]],
    codes: [
      ["97110", "Therapeutic exercise", ["quad sets, SAQ and step-ups 3x10 with verbal cues for knee alignment; progressed box height", "hip abductor and core strengthening in standing with tactile cues for trunk position; added band resistance", "eccentric heel raises 3x12 with cues for controlled lowering; progressed to single leg"]],
      ["97140", "Manual therapy", ["grade III tibiofemoral mobilization to improve flexion ROM, remeasured after", "soft tissue mobilization to lumbar paraspinals and PA glides L4-5 to reduce guarding", "posterior capsule mobilization, grade III, to improve IR"]],
      ["97112", "Neuromuscular re-education", ["tandem and single-leg stance on foam with perturbations, cues for ankle strategy", "weight shifts and reactive stepping with tactile cues for hip strategy"]],
      ["97116", "Gait training", ["gait with SPC on level surfaces and curbs, cueing for heel strike and step length", "stair training 12 steps reciprocal with 1 rail, cues for sequencing"]],
      ["97530", "Therapeutic activities", ["floor-to-stand transfer training with step-by-step cues; progressed to half-kneel", "lifting mechanics 10 lb box floor to waist with cues for hip hinge"]],
    ],
    measures: [["LEFS", "/80", 1, 25, 70], ["Oswestry", "%", -1, 14, 52], ["TUG", " s", -1, 9, 22], ["Berg", "/56", 1, 30, 54], ["6MWT", " m", 1, 180, 460]],
  },
  OT: {
    mod: "GO", asstMod: "CO", roles: ["OT", "OTA"], evalCodes: ["97165", "97166", "97167"], reeval: "97168",
    therapists: [["Sofia Alvarez", "OTR/L"], ["Hannah Osei", "OTR/L"], ["Ben Carter", "OTR/L, CHT"]],
    assistants: [["Jamal Brooks", "COTA/L"], ["Mia Rossi", "COTA/L"]],
    dx: [["S52.501D"], ["G20.A1", "R27.8"], ["I69.351"], ["M19.041"], ["G56.01"]],
    codes: [
      ["97535", "Self-care training", ["upper body dressing with fasteners graded from large to medium buttons, cues for thumb opposition", "shower transfer and bathing with long-handled sponge; cues for energy conservation"]],
      ["97530", "Therapeutic activities", ["simulated meal preparation lifting a 1 qt pot with wrist neutral, cues for pacing", "graded reach-and-release tasks with rhythmic cues to increase amplitude"]],
      ["97110", "Therapeutic exercise", ["wrist and digit AROM and putty grip strengthening with cues for tendon glides", "shoulder flexion with dowel and band rows with cues for scapular setting"]],
      ["97112", "Neuromuscular re-education", ["fine motor coordination with pegboard and coin manipulation, graded resistance", "weight bearing through affected UE during functional reach, facilitation at the elbow"]],
    ],
    measures: [["QuickDASH", "", -1, 9, 61], ["COPM performance", "/10", 1, 3, 8], ["9-hole peg R", " s", -1, 22, 52], ["Box and Block R", "", 1, 28, 55]],
  },
  SLP: {
    mod: "GN", asstMod: null, roles: ["SLP"], evalCodes: ["92523", "92610", "92522"], reeval: null,
    therapists: [["Grace Kim", "MS, CCC-SLP"], ["Omar Haddad", "MA, CCC-SLP"]],
    assistants: [],
    dx: [["I69.320", "R47.01"], ["R13.12"], ["R48.2"], ["F80.0"], ["G12.21", "R13.13"]],
    untimed: [
      ["92507", "Speech/language treatment", ["naming of functional items with a phonemic cueing hierarchy", "script training for ordering at a cafe with fading cues", "sentence formulation 4-5 words with semantic feature analysis"]],
      ["92526", "Dysphagia treatment", ["effortful swallow and chin tuck with thin liquids by cup across 12 trials", "Shaker exercise and Masako maneuver with visual feedback"]],
    ],
    measures: [["WAB-R AQ", "", 1, 40, 85], ["FOIS", "", 1, 3, 7], ["EAT-10", "", -1, 2, 24], ["Boston Naming Test", "/60", 1, 18, 48]],
  },
};

const REDFLAGS = ["Patient tolerated treatment well.", "Continue per POC.", "Pt doing well.", "Continue with current plan as tolerated."];

function weighted(rnd, pairs) {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  let x = rnd() * total;
  for (const [v, w] of pairs) if ((x -= w) < 0) return v;
  return pairs[pairs.length - 1][0];
}
const pick = (rnd, arr) => arr[Math.floor(rnd() * arr.length)];
const int = (rnd, lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));

function addDays(iso, n) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
function usDate(iso) {
  const [y, m, d] = iso.split("-");
  return `${m}/${d}/${y}`;
}

/** Units the way a careful biller counts them: CMS total time, or each code on its own. */
function correctUnits(minutes, rule) {
  if (rule === "ruleOf8s") return minutes.map((m) => (m < 8 ? 0 : Math.floor((m - 8) / 15) + 1));
  const total = minutes.reduce((a, b) => a + b, 0);
  let allowed = total < 8 ? 0 : Math.floor((total - 8) / 15) + 1;
  const units = minutes.map((m) => Math.floor(m / 15));
  allowed -= units.reduce((a, b) => a + b, 0);
  const rest = minutes.map((m, i) => [m % 15, i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of rest) {
    if (allowed <= 0) break;
    units[i]++;
    allowed--;
  }
  return units;
}

/** `n` notes from `seed`: the same input always gives the same notes. */
export function generateBatch(n = DEFAULT_SIZE, seed = DEFAULT_SEED) {
  const rnd = mulberry32(seed);
  const notes = [];
  for (let i = 0; i < n; i++) notes.push(generateNote(rnd, i));
  return notes;
}

function generateNote(rnd, i) {
  const discipline = weighted(rnd, [["PT", 55], ["OT", 30], ["SLP", 15]]);
  const d = DISC[discipline];
  const noteType = weighted(rnd, [["daily", 62], ["progress", 10], ["evaluation", 12], ["reevaluation", discipline === "SLP" ? 0 : 4], ["recertification", 5], ["discharge", 7]]);
  const payerKind = weighted(rnd, [["medicare", 45], ["medicareAdvantage", 20], ["commercial", 20], ["medicaid", 10], ["workersComp", 5]]);
  const payer = { kind: payerKind };
  if (payerKind === "commercial" && rnd() < 0.5) payer.unitRule = "ruleOf8s";
  const rule = payer.unitRule || "cms8";
  const medicare = payerKind === "medicare" || payerKind === "medicareAdvantage";
  const flaw = (p) => rnd() < p;

  // Date: a weekday between Jan 2025 and Jun 2026.
  let date = addDays("2025-01-06", int(rnd, 0, 540));
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (wd === 0) date = addDays(date, 1);
  if (wd === 6) date = addDays(date, 2);

  const assistant = noteType === "daily" && d.assistants.length > 0 && rnd() < 0.3;
  const [name, credentials] = assistant ? pick(rnd, d.assistants) : pick(rnd, d.therapists);
  const role = assistant ? d.roles[1] : d.roles[0];
  const provider = { role, name, credentials };

  const visit = noteType === "evaluation" ? 1 : noteType === "daily" ? int(rnd, 2, 18) : noteType === "progress" ? pick(rnd, [10, 20]) : int(rnd, 8, 24);
  const day = noteType === "evaluation" ? 1 : noteType === "progress" ? 10 : noteType === "daily" ? (flaw(0.04) ? int(rnd, 11, 13) : int(rnd, 2, 9)) : int(rnd, 2, 9);
  const pocStart = addDays(date, -Math.round((visit - 1) * 3.5));
  let pocEnd = addDays(pocStart, pick(rnd, [56, 84, 90]));
  if (noteType !== "evaluation" && flaw(0.03)) pocEnd = addDays(date, -int(rnd, 3, 20));
  const certified = noteType === "evaluation" || (medicare && flaw(0.05)) ? null : addDays(pocStart, int(rnd, 1, 6));
  const episode = { visitNumber: visit, reportingPeriodDay: day, planOfCareStart: pocStart, planOfCareEnd: pocEnd, certifiedOn: certified };
  if (!medicare && payerKind !== "selfPay") {
    // Authorizations come in blocks of 4 visits; most notes are well inside theirs.
    episode.authorizedVisits = Math.max(12, Math.ceil((visit + int(rnd, 1, 8)) / 4) * 4);
    episode.authorizationEnd = addDays(pocEnd, int(rnd, 0, 14));
    if (flaw(0.03)) episode.authorizedVisits = Math.max(1, visit - int(rnd, 1, 3));
  }
  let spent = 0;
  if (payerKind === "medicare") {
    spent = Math.max(0, Math.round((visit - 1) * (95 + rnd() * 40) + (rnd() < 0.15 ? 1600 : 0)));
    episode.thresholdSpentBefore = `${spent}.00`;
  }

  // Billed lines and the minutes behind them.
  const lines = [];
  const interventions = [];
  let untimedMinutes = 0;
  let level = 1;
  if (noteType === "evaluation" || noteType === "reevaluation") {
    level = int(rnd, 0, 2);
    let code = noteType === "reevaluation" ? d.reeval : discipline === "SLP" ? pick(rnd, d.evalCodes) : d.evalCodes[level];
    if (noteType === "evaluation" && discipline !== "SLP" && level < 2 && flaw(0.15)) code = d.evalCodes[level + 1];
    lines.push({ code, units: 1, modifiers: [d.mod] });
    untimedMinutes += int(rnd, 30, 50);
  }
  if (discipline === "SLP") {
    if (noteType !== "evaluation") {
      const chosen = rnd() < 0.35 ? d.untimed : [pick(rnd, d.untimed)];
      for (const [code, label, acts] of chosen) {
        const m = int(rnd, 20, 40);
        untimedMinutes += m;
        lines.push({ code, units: flaw(0.05) ? 2 : 1, modifiers: [d.mod] });
        interventions.push(`${label}: ${pick(rnd, acts)}.`);
      }
    }
  } else if (noteType !== "evaluation" || rnd() < 0.4) {
    const count = noteType === "evaluation" || noteType === "reevaluation" ? 1 : weighted(rnd, [[1, 2], [2, 5], [3, 3]]);
    const pool = [...d.codes];
    const chosen = [];
    for (let k = 0; k < count && pool.length; k++) chosen.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0]);
    const minutes = chosen.map(() => (count === 1 ? int(rnd, 10, 40) : int(rnd, 8, 30)));
    const units = correctUnits(minutes, rule);
    chosen.forEach(([code, label, acts], k) => {
      const line = { code, minutes: minutes[k], units: units[k], modifiers: [d.mod] };
      if (assistant && d.asstMod) {
        line.assistantMinutes = minutes[k];
        if (!(medicare && flaw(0.08))) line.modifiers.push(d.asstMod);
      }
      lines.push(line);
      interventions.push(`${label} ${minutes[k]} min: ${pick(rnd, acts)}.`);
    });
    // NCCI pairs billed together: a careful biller marks the distinct service.
    const codes = lines.map((l) => l.code);
    for (const [col1, col2] of [["97530", "97116"], ["97140", "97530"]]) {
      if (codes.includes(col1) && codes.includes(col2) && !flaw(0.1)) {
        lines.find((l) => l.code === col2).modifiers.push(medicare ? "XU" : "59");
      }
    }
    // The biller's mistakes.
    const timed = lines.filter((l) => l.minutes !== undefined);
    if (timed.length && flaw(0.07)) timed[0].units += 1;
    else if (timed.length && flaw(0.03)) timed[timed.length - 1].units = Math.max(0, timed[timed.length - 1].units - 1);
    if (timed.length && flaw(0.02)) delete timed[0].minutes;
  }
  if (medicare && spent > 2300 && lines.length && rnd() < 0.7) for (const l of lines) l.modifiers.push("KX");
  if (lines.length && flaw(0.04)) lines[lines.length - 1].modifiers = lines[lines.length - 1].modifiers.filter((m) => m !== d.mod);
  if (lines.length && flaw(0.01)) lines[0].code = pick(rnd, ["97511", "97113X", "9711"]);

  const timedSum = lines.reduce((s, l) => s + (l.minutes ?? 0), 0);
  const note = {
    id: `N-${String(i + 1).padStart(4, "0")}`,
    discipline, noteType, dateOfService: date, payer, provider, lines,
    diagnoses: flaw(0.03) ? [] : pick(rnd, d.dx),
    episode,
  };
  if (timedSum > 0) note.totalTimedMinutes = flaw(0.03) ? timedSum + pick(rnd, [-5, 5, 10]) : timedSum;
  if (!flaw(0.05)) note.totalTreatmentMinutes = timedSum + untimedMinutes;

  if (noteType === "evaluation" && discipline !== "SLP") {
    note.evaluation = discipline === "PT"
      ? { historyFactors: [0, int(rnd, 1, 2), int(rnd, 3, 4)][level], examElements: [int(rnd, 1, 2), 3, int(rnd, 4, 5)][level], clinicalPresentation: ["stable", "evolving", "unstable"][level], decisionMaking: ["low", "moderate", "high"][level], minutes: [20, 30, 45][level] + int(rnd, 0, 15) }
      : { profileReview: ["brief", "expanded", "extensive"][level], performanceDeficits: [int(rnd, 1, 3), int(rnd, 3, 5), int(rnd, 5, 7)][level], comorbiditiesAffectOccupation: level > 0, taskModification: ["none", "minimalToModerate", "significant"][level], decisionMaking: ["low", "moderate", "high"][level], minutes: [30, 45, 60][level] + int(rnd, 0, 15) };
    if (flaw(0.05)) delete note.evaluation.decisionMaking;
  }
  if (noteType === "reevaluation") {
    note.evaluation = { decisionMaking: "moderate", minutes: int(rnd, 20, 35) };
    if (!flaw(0.2)) note.evaluation.reevaluationReason = pick(rnd, ["new fall at home with change in gait", "significant decline after hospitalization", "new clinical finding: loss of ROM after cast removal"]);
  }

  note.text = writeText(rnd, note, d, interventions, flaw);
  if (flaw(0.01)) note.dateOfService = pick(rnd, ["2025-02-30", "03/15/2025"]); // unreadable date
  return note;
}

function writeText(rnd, note, d, interventions, flaw) {
  const t = [];
  const [m, unit, dir, lo, hi] = pick(rnd, d.measures);
  const a = int(rnd, lo, hi), b = int(rnd, lo, hi);
  // now: the better of the two values; initial: the worse one (progress since the eval).
  const now = `${dir > 0 ? Math.max(a, b) : Math.min(a, b)}${unit}`;
  const initial = `${dir > 0 ? Math.min(a, b) : Math.max(a, b)}${unit}`;
  const heading = { evaluation: "Initial evaluation.", reevaluation: "Re-evaluation.", progress: `Progress report, visits ${Math.max(1, note.episode.visitNumber - 9)}-${note.episode.visitNumber}.`, recertification: "Recertification.", discharge: "Discharge summary.", daily: null }[note.noteType];
  if (heading) t.push(heading);
  const subj = {
    PT: ["Pt reports walking to the mailbox without stopping; knee pain 3/10.", "Pt reports back pain 4/10 after sitting 30 min, down from 7/10.", "Pt reports 1 near-fall this week turning in the kitchen."],
    OT: ["Pt reports making coffee with the built-up utensils this morning.", "Pt reports fewer drops while dressing; spouse still helps with socks.", "Pt reports numbness at night is less frequent."],
    SLP: ["Pt's wife reports he is using the communication notebook at dinner.", "Pt reports coughing less with thin liquids at meals.", "Pt reports word-finding is harder when tired."],
  }[note.discipline];
  t.push(`S: ${pick(rnd, subj)}`);
  if (note.noteType === "evaluation") {
    t.push(note.discipline === "PT"
      ? `History: ${pick(rnd, ["lives alone in a 2-story home", "retired, lives with spouse", "works as a warehouse lead"])}; ${note.evaluation?.historyFactors ? `${note.evaluation.historyFactors} personal factors/comorbidities affect the plan (diabetes, prior falls).` : "no comorbidities affecting the plan."}`
      : note.discipline === "OT" ? "Occupational profile: lives with spouse, independent in IADLs before onset; goals to cook and dress independently."
        : "History: referred after onset of communication/swallowing difficulty; lives with family.");
  }
  const objective = `O: ${m} ${now}${note.noteType === "daily" || note.noteType === "evaluation" ? "" : ` (initial ${initial})`}. ${pick(rnd, {
    PT: ["R knee flexion AROM 112 deg.", "Gait speed 0.82 m/s.", "Sit to stand x5 13.8 s.", "Hip abduction 4-/5."],
    OT: ["Grip R 14 kg.", "Wrist ext AROM 45 deg.", "LB dressing with sock aid, supervision."],
    SLP: ["Naming 14/20 with phonemic cues.", "No overt signs of aspiration across 12 thin-liquid trials.", "Sentence completion 65%."],
  }[note.discipline])}`;
  if (!(["evaluation", "progress", "discharge"].includes(note.noteType) && flaw(0.08))) t.push(objective);
  else t.push(`O: ${pick(rnd, ["ROM improving.", "Strength improving.", "Speech improving."])}`);
  t.push(...interventions);
  const skilled = pick(rnd, [
    "Skilled cueing required to correct compensatory patterns and progress loading safely.",
    "Skilled instruction needed to grade tasks and fade cues.",
    "Requires skilled facilitation and analysis of movement to progress.",
  ]);
  const need = pick(rnd, {
    PT: ["Deficits limit safe community mobility and place pt at risk of falls.", "Weakness and pain limit stair use and walking tolerance at home."],
    OT: ["Deficits limit independence in self-care and IADLs at home.", "Reduced grip and dexterity limit safe meal preparation and dressing."],
    SLP: ["Deficits limit functional communication with family.", "Dysphagia limits safe oral intake of thin liquids."],
  }[note.discipline]);
  if (flaw(0.1)) t.push(`A: ${pick(rnd, REDFLAGS)}`);
  else t.push(`A: ${["progress", "recertification", "discharge", "reevaluation"].includes(note.noteType) ? `${m} improved from ${initial} to ${now}. ` : "Progressing toward goals. "}${need} ${flaw(0.06) ? "" : skilled}`);
  if (["evaluation", "progress", "recertification", "reevaluation"].includes(note.noteType)) {
    t.push(flaw(0.08)
      ? "Goals: improve strength and function."
      : `Goals: STG (3 wks): ${pick(rnd, ["ascend 12 stairs reciprocally with 1 rail, modified independent", "fasten buttons independently in < 2 min", "name 20 household items with 80% accuracy given cues"])}. LTG (8 wks): ${pick(rnd, ["walk 30 min in the community with pain < 2/10", "prepare a simple meal independently", "express needs in 4-5 word sentences with 90% accuracy"])}.`);
  }
  if (note.noteType === "discharge") t.push("Discharge status: independent with the home program; no further skilled therapy needed.");
  if (!flaw(0.08)) t.push(`Response: ${pick(rnd, ["pain unchanged after session, no adverse reaction", "HR 98 after exercise, recovered in 2 min", "fatigue 4/10 after session, no coughing"])}.`);
  if (!flaw(0.06)) t.push(`P: ${note.noteType === "discharge" ? "Discharge to home program; return if symptoms recur." : pick(rnd, ["Next visit progress resistance and begin reciprocal stair training.", "Continue 2x/week for 4 weeks; progress task difficulty.", "Next session fade cueing and update the home program."])}`);
  if (note.totalTimedMinutes) t.push(`Total timed minutes: ${note.totalTimedMinutes}.${note.totalTreatmentMinutes ? ` Total treatment time: ${note.totalTreatmentMinutes} min.` : ""}`);
  else if (note.totalTreatmentMinutes) t.push(`Total treatment time: ${note.totalTreatmentMinutes} min.`);
  if (!flaw(0.04)) t.push(`${note.provider.name}, ${note.provider.credentials} ${usDate(note.dateOfService)}`);
  return t.join("\n");
}
