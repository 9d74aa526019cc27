// Sample notes for the editor's picker: PT, OT and SLP, every note type, clean and flawed.
// Each `expect` line says what a reviewer would notice; the findings themselves always come
// from the engine (nothing here is hard-coded into the report).

const medicare = { kind: "medicare" };

const episode = (o = {}) => ({
  visitNumber: 5,
  reportingPeriodDay: 5,
  planOfCareStart: "2025-02-24",
  planOfCareEnd: "2025-05-19",
  certifiedOn: "2025-02-27",
  authorizedVisits: 24,
  authorizationEnd: "2025-05-19",
  thresholdSpentBefore: "640.00",
  ...o,
});

export const SAMPLES = [
  {
    key: "pt-daily-clean",
    title: "PT daily note — knee OA, Medicare (clean)",
    expect: "Ready to sign: minutes support 2 + 1 units, skilled cueing, response and plan documented.",
    note: {
      id: "pt-daily-clean",
      discipline: "PT", noteType: "daily", dateOfService: "2025-03-10",
      payer: medicare,
      provider: { role: "PT", name: "Dana Lee", credentials: "PT, DPT" },
      lines: [
        { code: "97110", minutes: 25, units: 2, modifiers: ["GP"] },
        { code: "97140", minutes: 15, units: 1, modifiers: ["GP"] },
      ],
      diagnoses: ["M17.11", "Z96.651"],
      totalTimedMinutes: 40, totalTreatmentMinutes: 40,
      episode: episode(),
      text:
        "S: Pt reports R knee pain 3/10 after stairs this morning, down from 5/10 last week. Able to walk to mailbox without stopping.\n" +
        "O: R knee flexion AROM 105 deg (was 95 deg on 2/24). Quad strength 4-/5. Ascended 8 stairs with 1 rail, step-to pattern, CGA.\n" +
        "Therapeutic exercise 25 min: quad sets, SAQ, step-ups 4 in box 3x10 with verbal and tactile cues to keep knee over 2nd toe; progressed step height from 2 in after correct form x10.\n" +
        "Manual therapy 15 min: grade III tibiofemoral mobilization to improve flexion ROM, followed by remeasure 108 deg.\n" +
        "A: Pt progressing toward LTG of reciprocal stair negotiation; flexion ROM improved 13 deg since eval. Continued deficits in quad control limit safe community stair use, placing pt at fall risk. Skilled cueing required to correct dynamic valgus.\n" +
        "Response: HR 96 after step-ups, pain 3/10 unchanged after session, no adverse reaction.\n" +
        "P: Next visit progress step-ups to 6 in box and begin reciprocal stair training with 1 rail; update HEP with eccentric step-downs.\n" +
        "Total timed minutes: 40. Total treatment time: 40 min.\n" +
        "Dana Lee, PT, DPT 03/10/2025",
    },
  },
  {
    key: "pt-daily-overbilled",
    title: "PT daily note — over-billed 97110, vague narrative",
    expect: "97110 × 3 on 33 minutes (CMS §20.2 example 3 supports 2 + 1 with 97140 at 7 min), red-flag phrases, no plan.",
    note: {
      id: "pt-daily-overbilled",
      discipline: "PT", noteType: "daily", dateOfService: "2025-03-12",
      payer: medicare,
      provider: { role: "PT", name: "Dana Lee", credentials: "PT, DPT" },
      lines: [
        { code: "97110", minutes: 33, units: 3, modifiers: ["GP"] },
        { code: "97140", minutes: 7, units: 0, modifiers: ["GP"] },
      ],
      diagnoses: ["M17.11"],
      totalTimedMinutes: 40, totalTreatmentMinutes: 40,
      episode: episode({ visitNumber: 6, reportingPeriodDay: 6 }),
      text:
        "S: Pt states knee is about the same.\n" +
        "O: Ther ex 33 min: bike, quad sets, SAQ, bridges, heel slides. Manual 7 min.\n" +
        "A: Patient tolerated treatment well. Continue per POC.\n" +
        "Total timed minutes 40.\n" +
        "Dana Lee, PT, DPT",
    },
  },
  {
    key: "pt-eval-moderate",
    title: "PT evaluation 97162 — lumbar radiculopathy (clean)",
    expect: "Moderate complexity supported: 2 personal factors, 4 exam elements, evolving presentation.",
    note: {
      id: "pt-eval-moderate",
      discipline: "PT", noteType: "evaluation", dateOfService: "2025-04-02",
      payer: medicare,
      provider: { role: "PT", name: "Marcus Hill", credentials: "PT, DPT, OCS" },
      lines: [
        { code: "97162", units: 1, modifiers: ["GP"] },
        { code: "97110", minutes: 10, units: 1, modifiers: ["GP"] },
      ],
      diagnoses: ["M54.16", "M51.26"],
      totalTimedMinutes: 10, totalTreatmentMinutes: 55,
      episode: { visitNumber: 1, reportingPeriodDay: 1, planOfCareStart: "2025-04-02", planOfCareEnd: "2025-06-25", certifiedOn: null, thresholdSpentBefore: "0.00" },
      evaluation: { historyFactors: 2, examElements: 4, clinicalPresentation: "evolving", decisionMaking: "moderate", minutes: 45 },
      text:
        "Reason for referral: L lumbar radiculopathy, onset 6 weeks ago lifting a grandchild.\n" +
        "History: 68 y/o retired teacher. Personal factors and comorbidities affecting the plan: type 2 diabetes with peripheral neuropathy; lives alone, 2-story home with bedroom upstairs.\n" +
        "Examination: lumbar AROM flexion 40% limited with peripheralization to L calf; SLR + on L at 45 deg; L EHL 4/5, L ankle DF 4/5; sensation diminished L L5 dermatome. Gait: antalgic, reduced L stance, 10MWT 0.82 m/s. Oswestry 48%. Stair negotiation step-to with 2 rails.\n" +
        "Clinical presentation: evolving; symptoms changing week to week with variable leg pain.\n" +
        "Assessment: Pt presents with L L5 radiculopathy limiting walking tolerance to 10 min and stair use, placing pt at risk of falls at home. Pt will benefit from skilled PT for directional preference testing, neural mobility, progressive strengthening and gait training. Rehab potential good.\n" +
        "Goals: STG (3 wks): walk 15 min on level ground with leg pain ≤ 3/10. LTG (8 wks): walk 30 min in the community without leg pain > 2/10; Oswestry < 25%; ascend 14 stairs reciprocally with 1 rail, independent.\n" +
        "Plan: 2x/week for 8 weeks: therapeutic exercise, neuromuscular re-education, manual therapy, gait training, HEP. Plan of care sent to Dr. Patel for certification.\n" +
        "Treatment: therapeutic exercise 10 min, prone press-ups 2x10 with verbal and tactile cues for pelvic position; progressed to standing extension after correct form; pt centralized to L thigh.\n" +
        "Response: leg pain 4/10 after, from 6/10; pt demonstrated HEP independently.\n" +
        "Total timed minutes: 10. Total treatment time: 55 min.\n" +
        "Marcus Hill, PT, DPT, OCS 04/02/2025",
    },
  },
  {
    key: "pt-eval-overcoded",
    title: "PT evaluation billed 97163 — documentation supports low",
    expect: "High complexity billed, but no personal factors, 2 exam elements and a stable presentation support 97161.",
    note: {
      id: "pt-eval-overcoded",
      discipline: "PT", noteType: "evaluation", dateOfService: "2025-05-06",
      payer: medicare,
      provider: { role: "PT", name: "Marcus Hill", credentials: "PT, DPT" },
      lines: [{ code: "97163", units: 1, modifiers: ["GP"] }],
      diagnoses: ["S93.401A"],
      totalTreatmentMinutes: 45,
      episode: { visitNumber: 1, reportingPeriodDay: 1, planOfCareStart: "2025-05-06", planOfCareEnd: "2025-06-17", certifiedOn: null, thresholdSpentBefore: "0.00" },
      evaluation: { historyFactors: 0, examElements: 2, clinicalPresentation: "stable", decisionMaking: "low", minutes: 40 },
      text:
        "Reason for referral: R ankle inversion sprain 2 weeks ago playing tennis.\n" +
        "History: 34 y/o healthy accountant, no relevant comorbidities, no personal factors affecting the plan.\n" +
        "Examination: R ankle DF AROM 8 deg (L 18 deg), mild lateral swelling; SL balance 6 s R vs 30 s L. LEFS 58/80.\n" +
        "Clinical presentation: stable and uncomplicated.\n" +
        "Assessment: Impaired ankle mobility and balance limit return to running and sport; skilled PT needed for progressive loading and proprioceptive training to prevent re-injury.\n" +
        "Goals: LTG (6 wks): SL balance 30 s R on firm surface; LEFS ≥ 72/80; return to jogging 20 min pain free.\n" +
        "Plan: 1-2x/week for 6 weeks: therapeutic exercise, neuromuscular re-education, HEP.\n" +
        "Total treatment time: 45 min.\n" +
        "Marcus Hill, PT, DPT 05/06/2025",
    },
  },
  {
    key: "pt-progress-clean",
    title: "PT progress report — visit 10, Medicare (clean)",
    expect: "Progress report due at visit 10 is written, with objective comparison to the evaluation and updated goals.",
    note: {
      id: "pt-progress-clean",
      discipline: "PT", noteType: "progress", dateOfService: "2025-03-31",
      payer: medicare,
      provider: { role: "PT", name: "Dana Lee", credentials: "PT, DPT" },
      lines: [
        { code: "97110", minutes: 23, units: 2, modifiers: ["GP"] },
        { code: "97116", minutes: 15, units: 1, modifiers: ["GP"] },
      ],
      diagnoses: ["M17.11"],
      totalTimedMinutes: 38, totalTreatmentMinutes: 38,
      episode: episode({ visitNumber: 10, reportingPeriodDay: 10, thresholdSpentBefore: "1180.00" }),
      text:
        "Progress report, visits 1-10 (2/24 - 3/31).\n" +
        "S: Pt reports walking to church (2 blocks) with a cane; knee pain 2/10 at worst, 6/10 at eval.\n" +
        "O: R knee flexion AROM 118 deg (eval 95 deg); extension -2 deg (eval -8 deg). Quad 4/5 (eval 3+/5). TUG 11.2 s (eval 16.8 s). LEFS 52/80 (eval 31/80). Stairs: 12 steps reciprocal with 1 rail, SBA (eval step-to, 2 rails, min A).\n" +
        "Therapeutic exercise 23 min: eccentric step-downs 6 in box 3x8 with tactile cues for hip alignment, progressed from 4 in. Gait training 15 min: cane on level surfaces and curbs, cueing for heel strike and step length.\n" +
        "A: Goals: STG 1 (flexion ≥ 110 deg) met. STG 2 (TUG < 13.5 s) met. LTG (reciprocal stairs, 12 steps, 1 rail, independent) progressing, SBA now. Remaining quad weakness and reduced eccentric control limit safe descent of curbs; skilled PT required to progress loading and gait.\n" +
        "Response: no increase in pain after session; HR 98 after step-downs.\n" +
        "P: Continue 2x/week for 4 weeks. New STG (2 wks): descend 12 stairs reciprocally with 1 rail, modified independent. Update HEP with step-downs.\n" +
        "Total timed minutes: 38. Total treatment time: 38 min.\n" +
        "Dana Lee, PT, DPT 03/31/2025",
    },
  },
  {
    key: "pt-recert-expired",
    title: "PT recertification — plan of care expired, not certified",
    expect: "The plan of care ended before this visit and the new one is not signed: services are not covered until certified.",
    note: {
      id: "pt-recert-expired",
      discipline: "PT", noteType: "recertification", dateOfService: "2025-06-03",
      payer: medicare,
      provider: { role: "PT", name: "Priya Raman", credentials: "PT, DPT" },
      lines: [
        { code: "97110", minutes: 20, units: 1, modifiers: ["GP"] },
        { code: "97530", minutes: 18, units: 1, modifiers: ["GP"] },
      ],
      diagnoses: ["I63.9", "R26.89"],
      totalTimedMinutes: 38, totalTreatmentMinutes: 38,
      episode: { visitNumber: 19, reportingPeriodDay: 9, planOfCareStart: "2025-03-03", planOfCareEnd: "2025-05-26", certifiedOn: null, authorizedVisits: 24, authorizationEnd: "2025-06-30", thresholdSpentBefore: "2210.00" },
      text:
        "Recertification, visits 1-19.\n" +
        "S: Pt reports walking in her apartment without the walker; still uses it outdoors.\n" +
        "O: Berg 44/56 (eval 31/56). 10MWT 0.74 m/s (eval 0.41 m/s). Sit to stand x5 14.2 s without UE support (eval unable without UE).\n" +
        "Therapeutic exercise 20 min: hip abductor strengthening in standing with tactile cues for trunk alignment. Therapeutic activities 18 min: floor transfer training with step-by-step verbal cues; progressed to half-kneel without UE support.\n" +
        "A: Progressing toward LTG of community ambulation with SPC; Berg improved 13 points but remains < 45, fall risk persists. Skilled PT needed for balance progression and fall recovery training.\n" +
        "Goals: LTG (6 wks): Berg ≥ 48/56; 10MWT ≥ 0.9 m/s with SPC; floor transfer independent.\n" +
        "P: Continue 2x/week for 6 weeks; recertification sent to physician.\n" +
        "Total timed minutes: 38.\n" +
        "Priya Raman, PT, DPT 06/03/2025",
    },
  },
  {
    key: "pt-discharge-commercial",
    title: "PT discharge — commercial payer, Rule of Eights (clean)",
    expect: "Each code on its own (Rule of Eights): 97110 9 min → 1 unit, 97140 8 min → 1 unit.",
    note: {
      id: "pt-discharge-commercial",
      discipline: "PT", noteType: "discharge", dateOfService: "2026-01-20",
      payer: { kind: "commercial", unitRule: "ruleOf8s" },
      provider: { role: "PT", name: "Marcus Hill", credentials: "PT, DPT" },
      lines: [
        { code: "97110", minutes: 9, units: 1, modifiers: ["GP"] },
        { code: "97140", minutes: 8, units: 1, modifiers: ["GP"] },
      ],
      diagnoses: ["M75.101"],
      totalTimedMinutes: 17, totalTreatmentMinutes: 17,
      episode: { visitNumber: 14, reportingPeriodDay: 4, planOfCareStart: "2025-11-10", planOfCareEnd: "2026-02-02", certifiedOn: "2025-11-12", authorizedVisits: 20, authorizationEnd: "2026-02-02" },
      text:
        "Discharge summary, visits 1-14.\n" +
        "S: Pt reports reaching overhead cabinets and sleeping on the R side without pain.\n" +
        "O: R shoulder flexion AROM 165 deg (eval 110 deg); ER 80 deg (eval 45 deg). QuickDASH 9 (eval 52). Strength ER 5-/5.\n" +
        "Therapeutic exercise 9 min: review of final HEP with cues for scapular setting; progressed band resistance. Manual therapy 8 min: posterior capsule mobilization, grade III.\n" +
        "A: All goals met: overhead reach pain free, QuickDASH < 15, independent with HEP. No further skilled PT needed.\n" +
        "Response: no pain after session.\n" +
        "P: Discharge to independent HEP; return if symptoms recur.\n" +
        "Total timed minutes: 17. Total treatment time: 17 min.\n" +
        "Marcus Hill, PT, DPT 01/20/2026",
    },
  },
  {
    key: "ot-eval-moderate",
    title: "OT evaluation 97166 — distal radius fracture (clean)",
    expect: "Moderate complexity: expanded profile review, 4 performance deficits, minimal-to-moderate task modification.",
    note: {
      id: "ot-eval-moderate",
      discipline: "OT", noteType: "evaluation", dateOfService: "2025-02-11",
      payer: medicare,
      provider: { role: "OT", name: "Sofia Alvarez", credentials: "OTR/L" },
      lines: [{ code: "97166", units: 1, modifiers: ["GO"] }],
      diagnoses: ["S52.501D"],
      totalTreatmentMinutes: 50,
      episode: { visitNumber: 1, reportingPeriodDay: 1, planOfCareStart: "2025-02-11", planOfCareEnd: "2025-04-08", certifiedOn: null, thresholdSpentBefore: "0.00" },
      evaluation: { profileReview: "expanded", performanceDeficits: 4, comorbiditiesAffectOccupation: true, taskModification: "minimalToModerate", decisionMaking: "moderate", minutes: 45 },
      text:
        "Occupational profile: 72 y/o R-hand-dominant woman, lives with spouse, cooks daily and volunteers at the library; R distal radius fracture 7 weeks ago, ORIF, cast removed last week. Expanded review of medical and therapy history: osteoporosis, mild OA both hands.\n" +
        "Performance deficits: grooming (unable to manage hair), meal preparation (cannot lift a pot), dressing (fasteners), writing. Comorbidities (osteoporosis, hand OA) affect occupational performance.\n" +
        "Assessment tools: QuickDASH 61. Grip R 8 kg, L 22 kg. Wrist ext AROM 30 deg, flexion 35 deg. 9-hole peg R 41 s.\n" +
        "Task modification: minimal to moderate; pt needs a built-up pen and a jar opener to complete tasks.\n" +
        "Assessment: Deficits in wrist mobility, grip and fine motor coordination limit self-care and IADLs; skilled OT needed for graded activity, splinting review and adaptive strategies. Prognosis good.\n" +
        "Goals: STG (3 wks): fasten buttons on a blouse independently in < 2 min. LTG (8 wks): lift and pour from a full 2 qt pot with R hand; QuickDASH < 25; grip R ≥ 16 kg.\n" +
        "Plan: 2x/week for 8 weeks: therapeutic exercise, therapeutic activities, self-care training, HEP. Plan of care to Dr. Chen for certification.\n" +
        "Total treatment time: 50 min.\n" +
        "Sofia Alvarez, OTR/L 02/11/2025",
    },
  },
  {
    key: "ota-daily-no-co",
    title: "OT daily note by an OTA — missing CO modifier",
    expect: "An OTA furnished all the minutes: Medicare requires the CO modifier (payment at 88%).",
    note: {
      id: "ota-daily-no-co",
      discipline: "OT", noteType: "daily", dateOfService: "2025-03-04",
      payer: medicare,
      provider: { role: "OTA", name: "Jamal Brooks", credentials: "COTA/L" },
      lines: [
        { code: "97535", minutes: 25, units: 2, modifiers: ["GO"], assistantMinutes: 25 },
        { code: "97530", minutes: 15, units: 1, modifiers: ["GO"], assistantMinutes: 15 },
      ],
      diagnoses: ["S52.501D"],
      totalTimedMinutes: 40, totalTreatmentMinutes: 40,
      episode: { visitNumber: 6, reportingPeriodDay: 6, planOfCareStart: "2025-02-11", planOfCareEnd: "2025-04-08", certifiedOn: "2025-02-13", thresholdSpentBefore: "520.00" },
      text:
        "S: Pt reports she made toast and coffee this morning using the built-up utensils.\n" +
        "O: Self-care training 25 min: upper body dressing with fasteners, graded from large to medium buttons with verbal cues for thumb opposition; completed blouse in 3 min 10 s (last visit 4 min 40 s). Therapeutic activities 15 min: simulated meal prep, lifting 1 qt pot R hand with wrist in neutral, cues for pacing.\n" +
        "A: Improving fine motor speed and grip for IADLs; still unable to lift a full pot, limiting safe meal preparation. Skilled instruction required to grade tasks and prevent compensatory patterns.\n" +
        "Response: wrist pain 2/10, unchanged; no edema increase.\n" +
        "P: Next visit progress to 2 qt pot and jar opening with adaptive device.\n" +
        "Total timed minutes: 40. Total treatment time: 40 min.\n" +
        "Jamal Brooks, COTA/L 03/04/2025",
    },
  },
  {
    key: "ot-reeval-unsupported",
    title: "OT re-evaluation 97168 — no reason documented",
    expect: "Routine re-evaluations are not covered: a new clinical finding or a significant change must be documented.",
    note: {
      id: "ot-reeval-unsupported",
      discipline: "OT", noteType: "reevaluation", dateOfService: "2025-03-25",
      payer: medicare,
      provider: { role: "OT", name: "Sofia Alvarez", credentials: "OTR/L" },
      lines: [
        { code: "97168", units: 1, modifiers: ["GO"] },
        { code: "97535", minutes: 15, units: 1, modifiers: ["GO"] },
      ],
      diagnoses: ["S52.501D"],
      totalTimedMinutes: 15, totalTreatmentMinutes: 45,
      episode: { visitNumber: 12, reportingPeriodDay: 12, planOfCareStart: "2025-02-11", planOfCareEnd: "2025-04-08", certifiedOn: "2025-02-13", thresholdSpentBefore: "1340.00" },
      evaluation: { decisionMaking: "low", minutes: 30 },
      text:
        "Re-evaluation per schedule.\n" +
        "O: Grip R 14 kg. QuickDASH 34. Wrist ext 55 deg.\n" +
        "Self-care training 15 min: jar opening with adaptive device, cues for wrist neutral.\n" +
        "A: Patient doing well.\n" +
        "P: Continue per POC.\n" +
        "Sofia Alvarez, OTR/L 03/25/2025",
    },
  },
  {
    key: "ot-progress-kx",
    title: "OT progress report — over the KX threshold, no KX",
    expect: "This visit takes the year's OT spending past the threshold: KX (and medical necessity) required.",
    note: {
      id: "ot-progress-kx",
      discipline: "OT", noteType: "progress", dateOfService: "2025-09-16",
      payer: medicare,
      provider: { role: "OT", name: "Hannah Osei", credentials: "OTR/L" },
      lines: [
        { code: "97530", minutes: 30, units: 2, modifiers: ["GO"] },
        { code: "97112", minutes: 15, units: 1, modifiers: ["GO"] },
      ],
      diagnoses: ["G20.A1", "R27.8"],
      totalTimedMinutes: 45, totalTreatmentMinutes: 45,
      episode: { visitNumber: 20, reportingPeriodDay: 10, planOfCareStart: "2025-07-21", planOfCareEnd: "2025-10-13", certifiedOn: "2025-07-23", thresholdSpentBefore: "2395.00" },
      text:
        "Progress report, visits 11-20.\n" +
        "S: Pt reports fewer drops while dressing; spouse still helps with socks.\n" +
        "O: 9-hole peg R 38 s, improved from 52 s at the last progress report. Box and Block R 41 (was 33). LB dressing with sock aid, supervision (was min A). COPM performance 5.8 (was 3.9).\n" +
        "Therapeutic activities 30 min: LB dressing with sock aid and reacher, large-amplitude cueing; sequencing of shirt donning with visual checklist. Neuromuscular re-education 15 min: graded reach-and-release tasks with rhythmic auditory cues.\n" +
        "A: Progress toward goals: STG 1 (LB dressing with supervision in 4 wks) met. LTG 1 (independent dressing in < 10 min in 8 wks) progressing. Bradykinesia and reduced dexterity continue to limit self-care; skilled OT needed to progress amplitude training and compensatory strategies, and to train the spouse.\n" +
        "Goals: New STG (4 wks): don socks with sock aid independently in < 3 min.\n" +
        "Response: fatigue 4/10 after session, no freezing episodes.\n" +
        "P: Continue 2x/week for 4 weeks; spouse training next visit.\n" +
        "Total timed minutes: 45. Total treatment time: 45 min.\n" +
        "Hannah Osei, OTR/L 09/16/2025",
    },
  },
  {
    key: "slp-eval-clean",
    title: "SLP evaluation 92523 — aphasia after stroke (clean)",
    expect: "Untimed evaluation code with GN; standardized testing, goals and plan documented.",
    note: {
      id: "slp-eval-clean",
      discipline: "SLP", noteType: "evaluation", dateOfService: "2025-01-28",
      payer: medicare,
      provider: { role: "SLP", name: "Grace Kim", credentials: "MS, CCC-SLP" },
      lines: [{ code: "92523", units: 1, modifiers: ["GN"] }],
      diagnoses: ["I69.320", "R47.01"],
      totalTreatmentMinutes: 60,
      episode: { visitNumber: 1, reportingPeriodDay: 1, planOfCareStart: "2025-01-28", planOfCareEnd: "2025-04-22", certifiedOn: null, thresholdSpentBefore: "0.00" },
      text:
        "Reason for referral: aphasia after L MCA stroke 5 weeks ago.\n" +
        "History: 61 y/o bank manager, lives with wife, goal to return to part-time work.\n" +
        "Assessment: Western Aphasia Battery-R AQ 62.4 (moderate Broca's aphasia). Boston Naming Test 28/60. Repetition of 3-word phrases 60%. Speech sound production: no apraxia on diadochokinetic tasks. Auditory comprehension of 2-step commands 80%.\n" +
        "Impression: moderate non-fluent aphasia limits functional communication with family and return to work; skilled SLP needed for language treatment and compensatory strategy training.\n" +
        "Goals: STG (4 wks): name 20 functional household items with 80% accuracy given phonemic cues. LTG (12 wks): produce 4-5 word sentences to express needs in conversation with 90% accuracy; use a communication notebook independently to repair breakdowns.\n" +
        "Plan: 2x/week for 12 weeks: treatment of speech, language and communication (92507), caregiver training, home program.\n" +
        "Total treatment time: 60 min.\n" +
        "Grace Kim, MS, CCC-SLP 01/28/2025",
    },
  },
  {
    key: "slp-daily-flawed",
    title: "SLP daily note — 92507 × 2, no GN",
    expect: "92507 is a per-session code (one unit a day) and every Medicare therapy line needs its discipline modifier.",
    note: {
      id: "slp-daily-flawed",
      discipline: "SLP", noteType: "daily", dateOfService: "2025-02-13",
      payer: medicare,
      provider: { role: "SLP", name: "Grace Kim", credentials: "MS, CCC-SLP" },
      lines: [
        { code: "92507", units: 2, modifiers: [] },
        { code: "92526", units: 1, modifiers: ["GN"] },
      ],
      diagnoses: ["I69.320", "R13.12"],
      totalTreatmentMinutes: 50,
      episode: { visitNumber: 5, reportingPeriodDay: 5, planOfCareStart: "2025-01-28", planOfCareEnd: "2025-04-22", certifiedOn: "2025-01-30", thresholdSpentBefore: "560.00" },
      text:
        "S: Pt's wife reports he is using the communication notebook at dinner.\n" +
        "O: Naming of household items 14/20 (70%) with phonemic cues, up from 9/20 last week; sentence completion 3-4 words 65%. Dysphagia treatment: effortful swallow and chin tuck with thin liquids by cup, no overt signs of aspiration across 12 trials after verbal cueing.\n" +
        "A: Improving word retrieval with cues; remains unable to express needs in sentences, limiting participation at home. Skilled SLP required to fade cueing hierarchy.\n" +
        "Response: pt fatigued after 40 min; no coughing on liquids.\n" +
        "P: Next session: script training for ordering coffee; continue swallow strategies.\n" +
        "Total treatment time: 50 min.\n" +
        "Grace Kim, MS, CCC-SLP 02/13/2025",
    },
  },
  {
    key: "slp-discharge-clean",
    title: "SLP discharge — dysphagia resolved (clean)",
    expect: "Goals met with objective comparison; discharge plan and home program documented.",
    note: {
      id: "slp-discharge-clean",
      discipline: "SLP", noteType: "discharge", dateOfService: "2025-04-17",
      payer: medicare,
      provider: { role: "SLP", name: "Grace Kim", credentials: "MS, CCC-SLP" },
      lines: [{ code: "92526", units: 1, modifiers: ["GN"] }],
      diagnoses: ["R13.12"],
      totalTreatmentMinutes: 30,
      episode: { visitNumber: 22, reportingPeriodDay: 2, planOfCareStart: "2025-01-28", planOfCareEnd: "2025-04-22", certifiedOn: "2025-01-30", thresholdSpentBefore: "2050.00" },
      text:
        "Discharge summary.\n" +
        "S: Pt eating a regular diet with thin liquids at home without coughing.\n" +
        "O: Modified barium swallow 4/10: no penetration or aspiration with thin liquids (initial MBS: penetration on 4/6 thin trials). FOIS 7 (eval 4). EAT-10 score 2 (eval 19).\n" +
        "Dysphagia treatment: final review of safe swallow strategies with pt and wife, teach-back correct.\n" +
        "A: All swallowing goals met; pt safe on regular diet and thin liquids. No further skilled SLP needed for dysphagia.\n" +
        "Response: pt and wife demonstrated the strategies with correct teach-back; no coughing across 10 thin-liquid trials.\n" +
        "P: Discharge with written home program; re-refer if coughing with meals or weight loss.\n" +
        "Total treatment time: 30 min.\n" +
        "Grace Kim, MS, CCC-SLP 04/17/2025",
    },
  },
  {
    key: "pt-daily-below-minimum",
    title: "PT daily note — Medicaid, 97140 for 5 minutes",
    expect: "A 15-minute code billed on minutes that cannot earn a unit, and a timed code with no minutes.",
    note: {
      id: "pt-daily-below-minimum",
      discipline: "PT", noteType: "daily", dateOfService: "2025-08-19",
      payer: { kind: "medicaid" },
      provider: { role: "PTA", name: "Luis Ortega", credentials: "PTA" },
      lines: [
        { code: "97110", minutes: 23, units: 2, modifiers: ["GP", "CQ"], assistantMinutes: 23 },
        { code: "97140", minutes: 5, units: 1, modifiers: ["GP", "CQ"], assistantMinutes: 5 },
        { code: "97112", units: 1, modifiers: ["GP", "CQ"] },
      ],
      diagnoses: ["M48.062"],
      totalTimedMinutes: 28, totalTreatmentMinutes: 35,
      episode: { visitNumber: 7, reportingPeriodDay: 7, planOfCareStart: "2025-07-28", planOfCareEnd: "2025-10-20", certifiedOn: "2025-07-30", authorizedVisits: 12, authorizationEnd: "2025-09-30" },
      text:
        "S: Pt reports standing at the sink for 10 min before back pain, up from 5 min.\n" +
        "O: Therapeutic exercise 23 min: flexion-based core progression, cues for posterior pelvic tilt. Manual therapy 5 min: soft tissue mobilization lumbar paraspinals. Balance training with narrow base, reaching outside BOS.\n" +
        "A: Standing tolerance improving; neurogenic claudication still limits community walking to 1 block.\n" +
        "Response: back pain 3/10 after, unchanged.\n" +
        "P: Progress walking program on treadmill with incline next visit.\n" +
        "Total treatment time: 35 min.\n" +
        "Luis Ortega, PTA 08/19/2025",
    },
  },
  {
    key: "pt-daily-unknown-code",
    title: "PT daily note — unknown code, no total treatment time",
    expect: "A code the engine does not know (typo) and no total treatment time for a Medicare visit.",
    note: {
      id: "pt-daily-unknown-code",
      discipline: "PT", noteType: "daily", dateOfService: "2026-02-09",
      payer: { kind: "medicareAdvantage" },
      provider: { role: "PT", name: "Priya Raman", credentials: "PT, DPT" },
      lines: [
        { code: "97116", minutes: 24, units: 2, modifiers: ["GP"] },
        { code: "97511", minutes: 10, units: 1, modifiers: ["GP"] },
      ],
      diagnoses: ["M62.81", "R26.2"],
      episode: { visitNumber: 3, reportingPeriodDay: 3, planOfCareStart: "2026-01-26", planOfCareEnd: "2026-04-20", certifiedOn: "2026-01-28", authorizedVisits: 12, authorizationEnd: "2026-03-31", thresholdSpentBefore: "260.00" },
      text:
        "S: Pt reports 1 near-fall at home this week turning in the kitchen.\n" +
        "O: Gait training 24 min with rollator: turns and obstacle negotiation with verbal cues for wide base and step length; 4-stage balance test tandem 4 s. Neuromuscular re-ed 10 min: weight shifts with tactile cues.\n" +
        "A: High fall risk persists (near-fall, tandem < 10 s); skilled gait training needed to reduce fall risk at home.\n" +
        "Response: no dizziness; SpO2 97% after gait.\n" +
        "P: Next visit: dual-task gait and turning drills; review home safety checklist.\n" +
        "Priya Raman, PT, DPT 02/09/2026",
    },
  },
];
