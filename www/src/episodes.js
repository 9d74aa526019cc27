// Realistic episodes of care, generated deterministically from a seed (mulberry32): an
// evaluation with goals and a plan, daily notes on the plan's schedule, a progress report by
// the 10th treatment day, sometimes a recertification, and a discharge. Each daily note is
// written for its own visit: what the patient reported, what was measured, which exercises
// were done and how they were changed, the response and the next step, with measures that
// move over the episode. A realistic share of episodes carry what auditors find: a late or
// missing progress report, a goal that disappears from the reports, notes copied forward,
// a week with one visit too many, a long-term goal changed without recertification, a
// measure never repeated, a visit outside the plan, an episode closed without a discharge.
// The findings always come from the engine: the generator only records which flaws it put
// in (`episode.flaws`), for the demo's legend and the tests.
//
// Clinics write in three styles: plain SOAP notes; a template whose header and footer lines
// are in every note (evaluation, daily, report); and a template with extra lines in every
// daily note only. The cloning study (docs/episode-review.md) uses `generateEpisode` with
// a forced style and flaw set.

import { mulberry32 } from "./generator.js";

export const EPISODE_SEED = 20250601;
export const EPISODE_COUNT = 200;

const pick = (rnd, arr) => arr[Math.floor(rnd() * arr.length)];
const int = (rnd, lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const chance = (rnd, p) => rnd() < p;
function shuffle(rnd, arr) {
  const a = [...arr];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
function sample(rnd, arr, n) {
  return shuffle(rnd, arr).slice(0, Math.min(n, arr.length));
}
function addDays(iso, n) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
function weekday(iso) {
  return new Date(`${iso}T00:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
}
function usDate(iso) {
  const [y, m, d] = iso.split("-");
  return `${m}/${d}/${y}`;
}
const round1 = (x) => Math.round(x * 10) / 10;
/** Fills `{name}` slots from `vars`; a slot holding an array picks one. */
function fill(rnd, template, vars) {
  return template.replace(/\{(\w+)\}/g, (_, k) => {
    const v = vars[k];
    return Array.isArray(v) ? pick(rnd, v) : String(v ?? "");
  });
}

// ---- What each condition's notes talk about ---------------------------------------------
// Measures: [name, unit written after the value, worst, best, decimals]. Values move from
// near `worst` toward `best` over the episode, with noise.

const CONDITIONS = [
  {
    key: "tka", discipline: "PT", dx: ["Z96.651", "M17.11"], evalCodes: ["97161", "97162", "97163"],
    problem: ["right total knee replacement", "a right total knee arthroplasty"],
    history: ["Right TKA {weeks} weeks ago after years of arthritis pain; home health therapy ended last week.", "Elective right knee replacement {weeks} weeks ago; lives with her husband in a two-story home with 12 steps to the bedroom."],
    plof: ["Before surgery walked a mile daily and gardened on weekends.", "Independent in the community before surgery, limited by knee pain on stairs."],
    measures: [["LEFS", "/80", 24, 66, 0], ["TUG", " s", 18.5, 9.4, 1], ["Knee flexion AROM", " deg", 84, 118, 0]],
    stg: ["ascend and descend 12 stairs with one rail, reciprocal pattern, modified independent", "knee flexion AROM of 110 deg or more for normal stair and chair use", "stand from a standard chair 5 times without using the arms"],
    ltg: ["walk 30 minutes in the community with knee pain 2/10 or less", "score 60/80 or better on the LEFS", "return to gardening, kneeling on a pad for 10 minutes"],
    codes: [
      ["97110", "Therapeutic exercise", ["quad sets and short-arc quads with a 2 lb weight", "heel slides with a strap, holding end range 10 s", "step-ups onto a {box} in box", "mini squats to 45 deg at the counter", "terminal knee extension with a green band", "stationary bike, full revolutions forward and back", "straight leg raises with a 1 lb weight", "prone knee flexion with a towel assist"]],
      ["97140", "Manual therapy", ["grade III tibiofemoral glides into flexion", "patellar mobilization in all directions", "soft tissue work to the distal quadriceps and the incision area", "contract-relax stretching into flexion"]],
      ["97116", "Gait training", ["walking with the cane outdoors on uneven ground", "stair training with one rail, reciprocal pattern", "curb practice with the cane", "walking at a faster pace in the hallway with cues for heel strike"]],
      ["97530", "Therapeutic activities", ["car transfer practice with a high seat", "floor-to-stand practice using a sturdy chair", "carrying a laundry basket up four steps", "getting into and out of a low armchair"]],
    ],
    complaints: ["knee pain {pain}/10 after {activity}", "stiffness first thing in the morning that eases in about {mins} minutes", "swelling by the evening after {activity}", "trouble getting comfortable at night", "less pain on the stairs at home"],
    activities: ["a trip to the pharmacy", "walking the dog around the block", "standing to cook dinner", "climbing the stairs at church", "an afternoon with the grandchildren", "a grocery run", "sitting through a long movie"],
    findings: ["Incision well healed, no redness.", "Mild effusion above the kneecap.", "Quad lag of about {small} deg on straight leg raise.", "Gait with the cane: shortened stance on the right at speed.", "Step-to pattern on stairs without cues."],
    limits: ["Limited knee bend and quad weakness still make stairs and low chairs hard.", "Endurance and quad strength limit community walking.", "Pain on descending stairs limits her trips to the basement laundry."],
    gains: ["climbs the stairs at home one foot per step with the rail", "walks to the corner store and back without resting", "gets into the car without lifting the leg with the hands", "stands at the stove long enough to cook a full dinner", "sleeps through the night without waking from knee pain", "kneels on a cushion to reach the lower cabinets"],
  },
  {
    key: "lbp", discipline: "PT", dx: ["M54.16"], evalCodes: ["97161", "97162", "97163"],
    problem: ["low back pain with right leg symptoms", "lumbar radiculopathy"],
    history: ["Low back pain for {weeks} weeks after lifting boxes at work, with pain into the right buttock.", "Recurrent low back pain, worse for {weeks} weeks; works at a desk and sits most of the day."],
    plof: ["Worked full days and played recreational volleyball before this episode.", "Independent and working full time; walked for exercise three times a week."],
    measures: [["Oswestry", "%", 46, 12, 0], ["Sitting tolerance", " min", 15, 75, 0], ["Lumbar flexion fingertips to floor", " cm", 38, 8, 0]],
    stg: ["sit for 45 minutes at work with pain 3/10 or less", "lift a 10 lb box from floor to waist with correct mechanics", "sleep through the night without waking from back pain"],
    ltg: ["Oswestry score of 20% or less", "lift 25 lb from floor to waist 10 times with pain 2/10 or less", "return to full work duties and recreational volleyball"],
    codes: [
      ["97110", "Therapeutic exercise", ["dead bugs and bird dogs with cues to keep the pelvis level", "hip hinge drills with a dowel on the back", "side planks from the knees", "glute bridges with a band around the knees", "prone press-ups", "hamstring and hip flexor stretching"]],
      ["97140", "Manual therapy", ["central PA glides at L4 and L5", "soft tissue work to the right lumbar paraspinals", "side-lying lumbar rotation mobilization", "sciatic nerve glides"]],
      ["97530", "Therapeutic activities", ["lifting a box from the floor with a hip hinge", "reaching to a low shelf with a golfer's lift", "carrying groceries in both hands", "getting in and out of a car without twisting"]],
      ["97112", "Neuromuscular re-education", ["abdominal bracing during arm and leg movements", "balance on one leg while keeping the trunk still", "pelvic tilt control in sitting"]],
    ],
    complaints: ["back pain {pain}/10 after {activity}", "tingling in the right leg only once this week", "stiffness after sitting through {activity}", "pain waking him at night {mins} times this week", "less pain bending to tie his shoes"],
    activities: ["a long day at the desk", "a drive to see family", "mowing the lawn", "unloading groceries", "a meeting that ran two hours", "sleeping on the couch"],
    findings: ["Lumbar flexion limited with a painful arc on return.", "Straight leg raise negative today.", "Hip hinge performed with a neutral spine after two cues.", "Tender over the right lumbar paraspinals.", "Repeated extension reduced the leg symptoms."],
    limits: ["Pain with sitting and lifting still limits full work duties.", "Fear of bending limits lifting at home.", "Limited core control lets pain return with repeated lifting."],
    gains: ["sits through a full workday with two short breaks", "lifts the laundry basket from the floor with a hip hinge", "drives forty minutes before the back stiffens", "slept through the night four times this week", "played a half game of volleyball with friends", "ties his shoes standing on one leg without pain"],
  },
  {
    key: "balance", discipline: "PT", dx: ["R26.81", "R29.6"], evalCodes: ["97161", "97162", "97163"],
    problem: ["falls and unsteady walking", "balance impairment with recent falls"],
    history: ["Two falls at home in the last {weeks} weeks, one while turning in the kitchen.", "Fell in the driveway {weeks} weeks ago; uses a cane since and is afraid of falling again."],
    plof: ["Walked without a device and drove to church before the falls.", "Independent at home and in the community, did her own shopping."],
    measures: [["Berg", "/56", 36, 52, 0], ["TUG", " s", 17.8, 10.2, 1], ["Gait speed", " m/s", 0.62, 1.05, 2]],
    stg: ["stand with feet together and eyes closed for 30 seconds without losing balance", "walk 300 feet with the cane and no loss of balance", "get up from the floor using a chair, with supervision"],
    ltg: ["Berg score of 48/56 or better", "walk in the community 500 feet with the cane and no falls", "TUG under 12 seconds"],
    codes: [
      ["97112", "Neuromuscular re-education", ["tandem stance on foam with the eyes open", "single-leg stance at the counter", "reactive stepping to small pushes", "weight shifts in a step stance", "turning 360 deg in both directions"]],
      ["97116", "Gait training", ["walking with head turns in the hallway", "walking outdoors on grass and a ramp", "walking and stepping over small obstacles", "walking with the cane at a faster pace"]],
      ["97110", "Therapeutic exercise", ["sit-to-stand from a low chair", "standing hip abduction with ankle weights", "heel and toe raises at the counter", "step-ups onto a {box} in step"]],
      ["97530", "Therapeutic activities", ["getting down to and up from the floor", "carrying a light bag while walking", "reaching into low kitchen cabinets", "getting in and out of the shower with the grab bar"]],
    ],
    complaints: ["no falls since the last visit", "one near-fall turning to answer the phone", "feeling steadier walking to the mailbox", "dizziness when getting out of bed in the morning", "more confidence on the stairs at her daughter's house"],
    activities: ["a walk to the mailbox", "a church service", "a visit to her daughter", "a trip to the grocery store"],
    findings: ["Wide base of support when walking without cues.", "Loses balance stepping backward.", "Needs the counter for single-leg stance beyond {small} seconds.", "Slows down for turns and takes several small steps.", "Uses the arms to stand from a standard chair."],
    limits: ["Slow reactions to loss of balance keep her at risk of falls at home.", "Weak hips and ankles limit her steadiness in the community.", "Fear of falling keeps her from walking outdoors alone."],
    gains: ["walks to the mailbox and back with the cane and no loss of balance", "turns in the kitchen without reaching for the counter", "gets up from the floor using a chair, as practiced", "stands at the sink for ten minutes without support", "walked through the grocery store with a cart", "climbs the three porch steps with one rail"],
  },
  {
    key: "shoulder", discipline: "PT", dx: ["M75.121"], evalCodes: ["97161", "97162", "97163"],
    problem: ["right rotator cuff repair", "right shoulder pain after rotator cuff repair"],
    history: ["Right rotator cuff repair {weeks} weeks ago; out of the sling since last week.", "Arthroscopic repair of the right supraspinatus {weeks} weeks ago after a fall on the arm."],
    plof: ["Right-handed; worked as a mechanic and played golf.", "Independent with all self-care and housework before the injury."],
    measures: [["QuickDASH", "", 58, 18, 0], ["Shoulder flexion AROM", " deg", 92, 158, 0], ["Pain at worst", "/10", 7, 2, 0]],
    stg: ["shoulder flexion AROM of 130 deg to reach a kitchen shelf", "put on a jacket without help", "sleep on the right side for half the night"],
    ltg: ["lift a 5 lb bag to an overhead shelf", "QuickDASH score of 20 or less", "return to work as a mechanic with overhead tasks"],
    codes: [
      ["97110", "Therapeutic exercise", ["table slides and pulleys for flexion", "isometric rotation against the wall", "side-lying external rotation with a 1 lb weight", "rows and extensions with a yellow band", "scapular retraction with the arms at the side"]],
      ["97140", "Manual therapy", ["grade II to III glenohumeral glides", "soft tissue work to the upper trapezius and the deltoid", "passive range of motion into flexion and external rotation", "scapular mobilization"]],
      ["97530", "Therapeutic activities", ["reaching to shelves at chest and eye level", "putting dishes away overhead with a light plate", "tucking in a shirt behind the back", "carrying a bag in the right hand"]],
    ],
    complaints: ["shoulder pain {pain}/10 after {activity}", "a pinch at the top of the arm when reaching", "sleeping better with a pillow under the arm", "less aching at night", "soreness the morning after exercises"],
    activities: ["doing the dishes", "dressing for work", "driving an hour", "carrying the mail", "reaching into the back seat"],
    findings: ["Shrugs the shoulder on active elevation.", "Painful arc between 90 and 120 deg.", "Strength of external rotation 4-/5.", "Scapular control improved with cues.", "Full passive range except the last {small} deg of flexion."],
    limits: ["Limited overhead reach still keeps him from work tasks.", "Pain at night limits sleep and recovery.", "Weak rotator cuff limits lifting away from the body."],
    gains: ["reaches the second kitchen shelf with a plate", "puts on a jacket without help", "sleeps on the right side for part of the night", "carries a grocery bag in the right hand", "washes his hair with both hands", "drove an hour without shoulder pain"],
  },
  {
    key: "wrist", discipline: "OT", dx: ["S52.501D"], evalCodes: ["97165", "97166", "97167"],
    problem: ["right distal radius fracture", "a healed right wrist fracture with stiffness"],
    history: ["Fell on the outstretched right hand {weeks} weeks ago; cast removed last week.", "Right distal radius fracture {weeks} weeks ago, treated with a plate; dominant hand."],
    plof: ["Independent in all self-care, cooking and typing at work.", "Cared for her grandchildren and did all the cooking at home."],
    measures: [["QuickDASH", "", 64, 16, 0], ["Grip R", " kg", 7, 24, 0], ["Wrist extension AROM", " deg", 28, 62, 0]],
    stg: ["fasten buttons on a blouse independently in under 2 minutes", "open a new jar with the right hand using a grip aid", "wrist extension AROM of 45 deg or more"],
    ltg: ["prepare a simple meal, lifting a pot with both hands, independently", "type for 30 minutes without wrist pain", "QuickDASH score of 25 or less"],
    codes: [
      ["97110", "Therapeutic exercise", ["tendon glides and wrist curls with a 1 lb weight", "putty squeezes and pinches with soft putty", "forearm rotation with a hammer held short", "wrist extension stretches with the fingers relaxed"]],
      ["97535", "Self-care training", ["buttoning and zipping practice with a dressing board", "cutting food with a built-up knife", "opening containers with a jar opener", "washing and drying hair with the right hand"]],
      ["97530", "Therapeutic activities", ["lifting a 1 quart pot with the wrist in neutral", "stirring and pouring at the kitchen counter", "folding towels and carrying a light basket", "typing practice with a wrist rest"]],
      ["97112", "Neuromuscular re-education", ["picking up coins and small pegs", "in-hand manipulation of buttons", "graded pinch with clothespins"]],
    ],
    complaints: ["wrist pain {pain}/10 after {activity}", "stiffness in the morning for about {mins} minutes", "dropping a cup once this week", "more ease holding a toothbrush", "aching when the weather changes"],
    activities: ["cooking dinner", "a day at the office", "carrying groceries", "writing cards", "washing dishes"],
    findings: ["Mild swelling over the back of the wrist.", "Scar mobile, not tender.", "Grip weakest with the wrist extended.", "Guards the wrist when lifting.", "Finger motion full; wrist stiff at end range."],
    limits: ["Weak grip and limited wrist motion keep her from cooking safely.", "Pain with lifting limits housework.", "Limited endurance of the wrist limits typing at work."],
    gains: ["opens a new jar with a grip aid", "buttons her blouse in about two minutes", "carries a full pot from the stove with both hands", "typed a full page of letters without stopping", "cuts meat with a regular knife", "holds a coffee cup steady in the right hand"],
  },
  {
    key: "cva", discipline: "OT", dx: ["I69.351"], evalCodes: ["97165", "97166", "97167"],
    problem: ["left-sided weakness after a stroke", "right hemisphere stroke with left arm weakness"],
    history: ["Stroke {weeks} weeks ago with left arm and leg weakness; home from inpatient rehabilitation.", "Right hemisphere stroke {weeks} weeks ago; lives with his wife, who helps with dressing."],
    plof: ["Independent in all self-care and drove before the stroke.", "Retired, independent at home, cooked breakfast every day."],
    measures: [["Box and Block L", "", 12, 38, 0], ["COPM performance", "/10", 3.2, 7.4, 1], ["9-hole peg L", " s", 88, 41, 0]],
    stg: ["put on a pullover shirt independently with the left arm first", "bring a cup to the mouth with the left hand without spilling", "get in and out of the tub with a bench and supervision"],
    ltg: ["dress the upper body independently in under 10 minutes", "prepare a cold meal in the kitchen with supervision", "shower with a bench and grab bar, modified independent"],
    codes: [
      ["97530", "Therapeutic activities", ["reaching for cups on a shelf with the left arm", "stacking cones with weight through the left forearm", "wiping the table with the left hand", "placing groceries in the refrigerator"]],
      ["97535", "Self-care training", ["putting on a shirt over the left arm first", "buttoning with a button hook", "tub bench transfer with the grab bar", "brushing teeth with the left hand assisting"]],
      ["97112", "Neuromuscular re-education", ["weight bearing through the left arm during reach", "tapping and vibration to wake up the wrist extensors", "graded grasp and release of foam blocks", "mirror exercises for the left hand"]],
      ["97110", "Therapeutic exercise", ["shoulder flexion with a dowel", "grip strengthening with soft putty", "elbow extension with a light band"]],
    ],
    complaints: ["using the left hand to hold the plate at meals", "fatigue by the afternoon after {activity}", "his wife still helps with socks", "the left hand feels heavy at the end of the day", "putting on the shirt alone twice this week"],
    activities: ["a family dinner", "a doctor's appointment", "a walk outside with his wife", "sorting the mail"],
    findings: ["Left shoulder flexion to about {small}0 deg actively.", "Mild tone in the left fingers after effort.", "Neglects the left side of the table without cues.", "Drops small objects from the left hand.", "Sits balanced on the edge of the bed."],
    limits: ["Weak left arm control keeps him dependent for dressing.", "Limited grasp and release limit meal preparation.", "Fatigue limits how long he can do tasks standing."],
    gains: ["puts on a pullover shirt with setup only", "holds the plate with the left hand while eating", "wipes the table with the left hand", "gets on the tub bench with his wife standing by", "brushes his teeth with the left hand helping", "carries a cup from the counter to the table"],
  },
  {
    key: "aphasia", discipline: "SLP", dx: ["I69.320", "R47.01"], evalCodes: ["92523"],
    problem: ["aphasia after a left hemisphere stroke", "expressive aphasia after a stroke"],
    history: ["Left hemisphere stroke {weeks} weeks ago with trouble finding words; understands most conversation.", "Stroke {weeks} weeks ago; speaks in short phrases and gets frustrated on the phone."],
    plof: ["Retired teacher; talked on the phone with friends daily.", "Ran a small business and managed all the bills."],
    measures: [["WAB-R AQ", "", 48, 78, 1], ["Confrontation naming", "%", 35, 85, 0]],
    stg: ["name 20 household items with 80% accuracy given a first-sound cue", "say his name, address and phone number without cues", "answer yes/no questions about daily plans with 90% accuracy"],
    ltg: ["express needs at home in 4-5 word sentences with 90% accuracy", "order a meal at a restaurant using a practiced script", "make a short phone call to a family member"],
    codes: [["92507", "Speech/language treatment", ["naming household items with a first-sound cue hierarchy", "semantic feature analysis for food words", "script practice for ordering at a cafe", "sentence completion with picture support", "describing a picture in full sentences", "phone call rehearsal with his wife"]]],
    complaints: ["using more words at dinner with the family", "frustration when the phone rings", "practicing the naming app daily", "his wife reports fewer long pauses", "trouble with names of people"],
    activities: ["a family birthday", "a visit from friends", "a church service"],
    findings: ["Word-finding pauses of several seconds in conversation.", "Uses gestures to help when stuck.", "Self-corrects sound errors about half the time.", "Follows two-step commands reliably.", "Reads short sentences aloud with few errors."],
    limits: ["Word-finding trouble limits telling family what he needs.", "Short, effortful sentences limit phone use.", "Naming errors keep him from managing appointments alone."],
    gains: ["orders his own coffee at the cafe with the practiced script", "tells his wife what he needs in short sentences", "answered the phone and said who was calling", "names most family members without cues", "wrote a short grocery list", "told a friend about his weekend in a few sentences"],
  },
  {
    key: "dysphagia", discipline: "SLP", dx: ["R13.12"], evalCodes: ["92610"],
    problem: ["oropharyngeal dysphagia", "swallowing difficulty after a stroke"],
    history: ["Coughing with thin liquids for {weeks} weeks after a stroke; on a soft diet.", "Dysphagia after a brainstem stroke {weeks} weeks ago; modified barium swallow showed delayed swallow start."],
    plof: ["Ate a regular diet and drank thin liquids before the stroke.", "Independent with meals; enjoyed eating out with friends."],
    measures: [["FOIS", "", 3, 6, 0], ["EAT-10", "", 24, 6, 0]],
    stg: ["drink thin liquids by cup with a chin tuck and no cough in 10 of 10 trials", "complete swallow exercises independently twice a day", "eat soft solids with no pocketing"],
    ltg: ["eat a regular diet with thin liquids and no signs of aspiration", "FOIS level 6 or better", "eat a full meal in 30 minutes without fatigue"],
    codes: [["92526", "Dysphagia treatment", ["effortful swallow with a small sip of water", "chin tuck against resistance", "Shaker exercise in lying", "Masako maneuver with a cue card", "controlled sips by cup with a chin tuck", "trials of soft solids with a pacing cue"]]],
    complaints: ["coughing less with water at meals", "one coughing spell with soup this week", "doing the exercises after breakfast and dinner", "meals taking less time", "food sticking in the throat with bread"],
    activities: ["a family dinner", "lunch out with a friend", "a holiday meal"],
    findings: ["No cough or wet voice across the liquid trials.", "Delayed cough after the third sip.", "Mild pocketing on the left with soft solids.", "Swallow starts promptly with a chin tuck.", "Voice clear after each trial."],
    limits: ["Risk of aspiration with thin liquids limits his diet.", "Fatigue during meals limits how much he eats.", "Weak tongue base limits safe swallowing of solids."],
    gains: ["drinks water by cup with a chin tuck and no cough", "eats soft meals in about 30 minutes", "finished a holiday meal with family without coughing", "takes pills in applesauce without trouble", "does the swallow exercises twice a day on his own", "ate a sandwich cut in small pieces without pocketing"],
  },
];

const CLINICS = [
  { name: "Riverside Rehab", style: "plain" },
  { name: "Maple Street Therapy", style: "template", header: ["Patient seen for a skilled {disc} visit under the current plan of care.", "Identity confirmed with name and date of birth; consent to treat obtained."], footer: ["Home program reviewed and updated as indicated; patient verbalizes understanding.", "Plan of care reviewed with the patient, who agrees with it."] },
  { name: "Lakeside Outpatient", style: "daily-template", header: ["Patient seen for a skilled {disc} visit under the current plan of care."], footer: ["Patient agrees with the plan of care."], daily: ["Arrived on time; no change in medical history or medications since the last visit.", "Precautions reviewed; no new concerns reported.", "Treatment provided as documented below, with skilled cues and progression.", "Patient tolerated the session without adverse reaction."] },
];

const THERAPISTS = {
  PT: [["Dana Lee", "PT, DPT"], ["Marcus Hill", "PT, DPT, OCS"], ["Priya Raman", "PT, DPT"]],
  OT: [["Sofia Alvarez", "OTR/L"], ["Ben Carter", "OTR/L, CHT"]],
  SLP: [["Grace Kim", "MS, CCC-SLP"], ["Omar Haddad", "MA, CCC-SLP"]],
};
const ASSISTANTS = { PT: [["Luis Ortega", "PTA"], ["Kelly Nguyen", "PTA"]], OT: [["Jamal Brooks", "COTA/L"]], SLP: [] };
const MOD = { PT: "GP", OT: "GO", SLP: "GN" };
const ASST_MOD = { PT: "CQ", OT: "CO" };
const DISC_WORDS = { PT: "physical therapy", OT: "occupational therapy", SLP: "speech therapy" };
const DOCTORS = ["Dr. Patel", "Dr. Nguyen", "Dr. Okafor", "Dr. Brennan", "Dr. Silva"];

// ---- Flaws -----------------------------------------------------------------------------

/** The flaws an episode may carry, and how often the sample batch puts each in. */
export const FLAWS = {
  lateReport: 0.1,
  noReport: 0.04,
  lostGoal: 0.12,
  cloned: 0.12,
  overFrequency: 0.1,
  changedGoal: 0.06,
  measureDropped: 0.08,
  afterPlan: 0.05,
  closedNoDischarge: 0.05,
};

/** Units the way a careful biller counts them under Medicare's total-time method. */
function cms8Units(minutes) {
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
function ruleOf8sUnits(minutes) {
  return minutes.map((m) => (m < 8 ? 0 : Math.floor((m - 8) / 15) + 1));
}

/** `n` episodes from `seed`; the same input always gives the same episodes. */
export function generateEpisodes(n = EPISODE_COUNT, seed = EPISODE_SEED, options = {}) {
  const rnd = mulberry32(seed);
  const out = [];
  for (let i = 0; i < n; i++) out.push(generateEpisode(rnd, i, options));
  return out;
}

/** Every note of `episodes`, in episode order (what a batch file of episodes holds). */
export function episodeNotes(episodes) {
  return episodes.flatMap((e) => e.notes);
}

/**
 * One episode. `options.style` forces the clinic's style (`plain`, `template`,
 * `daily-template`); `options.flaws` forces the flaw set (an array of FLAWS keys; `[]` for a
 * clean episode); `options.discipline` forces the discipline. For the cloning study:
 * `options.sameProgram` writes the same exercise lines at every visit (the rest of each note
 * written for the visit); `options.editedCopies` rewrites one more line of each copied note.
 * `options.perWeek` and `options.weeks` force the plan's frequency and duration.
 */
export function generateEpisode(rnd, i, options = {}) {
  const pool = options.discipline ? CONDITIONS.filter((c) => c.discipline === options.discipline) : CONDITIONS;
  const cond = pick(rnd, pool);
  const disc = cond.discipline;
  const clinic = options.style ? CLINICS.find((c) => c.style === options.style) : pick(rnd, CLINICS);
  const flaws = options.flaws ?? Object.entries(FLAWS).filter(([, p]) => chance(rnd, p)).map(([k]) => k);
  const has = (f) => flaws.includes(f);
  const episodeId = `E-${String(i + 1).padStart(4, "0")}`;
  const patientId = `P-${String(1000 + i * 7).padStart(5, "0")}`;
  const payerKind = pick(rnd, ["medicare", "medicare", "medicare", "medicare", "medicareAdvantage", "commercial", "commercial", "medicaid"]);
  const payer = { kind: payerKind };
  if (payerKind === "commercial" && chance(rnd, 0.5)) payer.unitRule = "ruleOf8s";
  const rule = payer.unitRule || "cms8";
  const [tName, tCred] = pick(rnd, THERAPISTS[disc]);
  const assistant = ASSISTANTS[disc].length && chance(rnd, 0.4) ? pick(rnd, ASSISTANTS[disc]) : null;
  const goalStyle = pick(rnd, ["labels", "headed", "labels"]);
  const doctor = pick(rnd, DOCTORS);

  // The schedule: frequency, duration, weekdays.
  const perWeek = options.perWeek ?? (disc === "SLP" ? pick(rnd, [1, 2, 2]) : pick(rnd, [2, 2, 2, 3]));
  const freqWords = perWeek === 3 ? pick(rnd, ["3x/week", "3 times a week", "2-3x/week"]) : perWeek === 2 ? pick(rnd, ["2x/week", "twice a week", "2x/wk"]) : pick(rnd, ["1x/week", "once a week"]);
  const allowedPerWeek = freqWords.startsWith("2-3") ? 3 : perWeek;
  const weeks = options.weeks ?? pick(rnd, [4, 6, 6, 8, 8]);
  const days = perWeek === 3 ? [1, 3, 5] : perWeek === 2 ? pick(rnd, [[1, 4], [2, 5], [1, 3], [2, 4]]) : [pick(rnd, [2, 3, 4])];
  let evalDate = addDays("2025-01-06", int(rnd, 0, 420));
  while (weekday(evalDate) === 0 || weekday(evalDate) === 6) evalDate = addDays(evalDate, 1);
  const planEnd = addDays(evalDate, 7 * weeks);
  const recert = weeks <= 6 && chance(rnd, 0.3) && !has("afterPlan");
  const recertWeeks = 4;
  const lastDay = recert ? addDays(planEnd, 7 * recertWeeks) : planEnd;

  // Visit dates after the evaluation on the schedule's weekdays; a few cancellations.
  const visitDates = [];
  for (let d = addDays(evalDate, 1); d <= lastDay; d = addDays(d, 1)) {
    if (days.includes(weekday(d)) && !chance(rnd, 0.07)) visitDates.push(d);
  }
  // Patients are discharged when goals are met: a little before the plan ends, or at its end.
  const keep = Math.max(4, visitDates.length - int(rnd, 0, 3));
  visitDates.length = Math.min(visitDates.length, keep);
  // The flaws actually put in (an episode too short for a flaw does not carry it).
  const applied = new Set(flaws.filter((f) => f === "closedNoDischarge"));
  if (has("overFrequency") && visitDates.length > 4) {
    // One week with one visit more than the plan allows.
    const at = visitDates[int(rnd, 2, Math.min(visitDates.length - 2, 8))];
    const monday = addDays(at, -((weekday(at) + 6) % 7));
    const week = [0, 1, 2, 3, 4].map((d) => addDays(monday, d));
    const free = shuffle(rnd, week.filter((d) => !visitDates.includes(d)));
    while (week.filter((d) => visitDates.includes(d)).length <= allowedPerWeek && free.length) visitDates.push(free.pop());
    visitDates.sort();
    if (week.filter((d) => visitDates.includes(d)).length > allowedPerWeek) applied.add("overFrequency");
  }
  // A visit after the plan's end, or (written after the loop) after the discharge.
  const afterDischarge = has("afterPlan") && !has("closedNoDischarge") && chance(rnd, 0.5);
  if (has("afterPlan") && !afterDischarge) {
    visitDates.push(addDays(planEnd, int(rnd, 2, 6)));
    visitDates.sort();
    applied.add("afterPlan");
  }
  if ((has("lateReport") || has("noReport")) && visitDates.length + 1 >= 11) {
    applied.add(has("noReport") ? "noReport" : "lateReport");
  }

  // Progress-report days: the 10th treatment day (the evaluation is day 1), then every 10
  // treatment days; late episodes write the first one on day 11 to 13. Index k of
  // visitDates is treatment day k + 2.
  const reportAt = new Set();
  if (!has("noReport")) {
    for (let td = has("lateReport") ? int(rnd, 11, 13) : 10; td - 2 < visitDates.length - 1; td += 10) reportAt.add(td - 2);
  }
  // The recertification is written at the last visit on or before the plan's end.
  const recertIndex = recert ? visitDates.findLastIndex((d) => d <= planEnd) : -1;

  const ctx = {
    rnd, cond, disc, clinic, flaws, has, episodeId, patientId, payer, rule, tName, tCred, assistant, goalStyle, doctor,
    perWeek, freqWords, allowedPerWeek, weeks, evalDate, planEnd, recert, recertWeeks,
    nVisits: visitDates.length + 1, medicare: payerKind === "medicare",
    weeksPost: int(rnd, 2, 8),
    baseline: cond.measures.map(([, , worst, best, dec]) => round(worst + (best - worst) * (rnd() * 0.08), dec)),
    // The first measure of each condition is a standardized one (the engine knows its name).
    dropMeasure: has("measureDropped") ? 0 : -1,
  };
  ctx.goals = makeGoals(ctx);
  const notes = [];
  let seq = 0;
  const id = () => `${episodeId}-${String(++seq).padStart(2, "0")}`;
  const common = (noteType, date) => ({ id: id(), patientId, episodeId, discipline: disc, noteType, dateOfService: date, payer, diagnoses: cond.dx });

  // Episode fields the EMR sends: the plan's dates and the certification; authorizations for
  // commercial plans; last year's spending on the first Medicare note only.
  const certDate = addDays(evalDate, int(rnd, 3, 12));
  const episodeFields = (date, isEval) => {
    const ep = { planOfCareStart: evalDate, planOfCareEnd: recert && date > planEnd ? lastDay : planEnd, certifiedOn: isEval || date < certDate ? null : certDate };
    if (payerKind === "commercial") {
      ep.authorizedVisits = Math.ceil(ctx.nVisits / 4) * 4;
      ep.authorizationEnd = addDays(lastDay, 14);
    }
    return ep;
  };

  // The evaluation.
  const evalNote = { ...common("evaluation", evalDate), provider: { role: disc, name: tName, credentials: tCred } };
  const evalMinutes = int(rnd, 40, 60);
  evalNote.lines = [{ code: pick(rnd, cond.evalCodes.slice(0, disc === "SLP" ? 1 : 2)), units: 1, modifiers: [MOD[disc]] }];
  evalNote.totalTreatmentMinutes = evalMinutes;
  evalNote.episode = episodeFields(evalDate, true);
  if (ctx.medicare) evalNote.episode.thresholdSpentBefore = `${int(rnd, 0, 6) * 100}.00`;
  if (disc === "PT") evalNote.evaluation = { historyFactors: 1, examElements: 3, clinicalPresentation: "evolving", decisionMaking: "moderate", minutes: evalMinutes };
  if (disc === "OT") evalNote.evaluation = { profileReview: "expanded", performanceDeficits: 4, comorbiditiesAffectOccupation: true, taskModification: "minimalToModerate", decisionMaking: "moderate", minutes: evalMinutes };
  evalNote.text = evaluationText(ctx, evalNote);
  notes.push(evalNote);

  // Visits, reports, recertification.
  let previous = null; // the last daily note's text, for copy-forward
  const clones = new Set();
  const cloneFrom = has("cloned") ? int(rnd, 2, 4) : Infinity;
  let reportNo = 0;
  visitDates.forEach((date, k) => {
    const progress = (k + 1) / Math.max(1, visitDates.length);
    const values = ctx.baseline.map((b, m) => {
      const [, , worst, best, dec] = cond.measures[m];
      return round(b + (best - b) * Math.min(1, progress * (0.85 + rnd() * 0.3)) + (rnd() - 0.5) * Math.abs(best - worst) * 0.04, dec);
    });
    const byAssistant = ctx.assistant && chance(rnd, 0.35) && !reportAt.has(k) && k !== recertIndex;
    const provider = byAssistant ? { role: `${disc}A`, name: ctx.assistant[0], credentials: ctx.assistant[1] } : { role: disc, name: tName, credentials: tCred };
    const daily = { ...common("daily", date), provider };
    const { lines, minutes, untimed, acts } = billLines(ctx, byAssistant);
    daily.lines = lines;
    if (minutes) daily.totalTimedMinutes = minutes;
    daily.totalTreatmentMinutes = minutes + untimed;
    daily.episode = episodeFields(date, false);
    const last = k === visitDates.length - 1;
    if (last && has("closedNoDischarge")) daily.episode.closed = true;
    if (k >= cloneFrom && previous) {
      daily.text = copyForward(ctx, previous, date, daily, options.editedCopies);
      clones.add(daily);
    } else {
      daily.text = dailyText(ctx, daily, values, options.sameProgram ? (ctx.program ??= acts) : acts, k);
      previous = daily.text;
    }
    notes.push(daily);

    if (reportAt.has(k) && !last) {
      reportNo++;
      const r = { ...common("progress", date), provider: { role: disc, name: tName, credentials: tCred }, lines: [] };
      r.episode = episodeFields(date, false);
      r.text = progressText(ctx, r, values, reportNo, evalDate, k + 2);
      notes.push(r);
    }
    if (k === recertIndex) {
      const r = { ...common("recertification", date), provider: { role: disc, name: tName, credentials: tCred }, lines: [] };
      r.episode = { ...episodeFields(date, false), planOfCareStart: date, planOfCareEnd: lastDay };
      r.text = recertText(ctx, r, values);
      notes.push(r);
    }
    if (last && !has("closedNoDischarge")) {
      const dcDate = date;
      const dc = { ...common("discharge", dcDate), provider: { role: disc, name: tName, credentials: tCred }, lines: [] };
      dc.episode = { ...episodeFields(dcDate, false), closed: true };
      dc.text = dischargeText(ctx, dc, values);
      notes.push(dc);
      if (afterDischarge) {
        // The patient seen again after the discharge, without a new evaluation.
        const again = { ...daily, id: id(), dateOfService: addDays(date, int(rnd, 3, 8)) };
        again.text = dailyText(ctx, again, values, billLines(ctx, false).acts, k + 1).replace(usDate(date), usDate(again.dateOfService));
        notes.push(again);
        applied.add("afterPlan");
      }
    }
    if ((reportAt.has(k) && !last) || k === recertIndex || (last && !has("closedNoDischarge"))) {
      for (const f of ["measureDropped", "lostGoal"]) if (has(f)) applied.add(f);
    }
  });
  if (clones.size) applied.add("cloned");
  if (ctx.goals.changedIn) applied.add("changedGoal");
  notes.sort((a, b) => a.dateOfService.localeCompare(b.dateOfService));
  // Ids in date order.
  notes.forEach((n, j) => { n.id = `${episodeId}-${String(j + 1).padStart(2, "0")}`; });
  const copied = notes.filter((n) => clones.has(n)).map((n) => n.id);
  return { episodeId, patientId, discipline: disc, condition: cond.key, clinic: clinic.name, style: clinic.style, flaws: flaws.filter((f) => applied.has(f)), copied, notes };
}

function round(x, dec) {
  const f = 10 ** dec;
  return Math.round(x * f) / f;
}

function fmt(cond, m, v) {
  const [name, unit] = cond.measures[m];
  return `${name} ${v}${unit}`;
}

// ---- Goals -------------------------------------------------------------------------------

function makeGoals(ctx) {
  const { rnd, cond } = ctx;
  const stg = sample(rnd, cond.stg, 2).map((text, i) => ({ term: "STG", n: i + 1, text, weeks: Math.min(3, ctx.weeks - 1) }));
  const ltg = sample(rnd, cond.ltg, 2).map((text, i) => ({ term: "LTG", n: i + 1, text, weeks: ctx.weeks }));
  return { stg, ltg, lost: ctx.has("lostGoal") ? pick(rnd, [...stg, ...ltg]) : null, changed: ctx.has("changedGoal") ? ltg[0] : null };
}

function goalLines(ctx, list, withWeeks = true) {
  const { goalStyle } = ctx;
  if (goalStyle === "headed") {
    const stg = list.filter((g) => g.term === "STG");
    const ltg = list.filter((g) => g.term === "LTG");
    const out = [];
    if (stg.length) out.push(`Short-term goals${withWeeks ? ` (${stg[0].weeks} weeks)` : ""}:`, ...stg.map((g) => `${g.n}. ${cap(g.text)}.`));
    if (ltg.length) out.push(`Long-term goals${withWeeks ? ` (${ltg[0].weeks} weeks)` : ""}:`, ...ltg.map((g) => `${g.n}. ${cap(g.text)}.`));
    return out;
  }
  return ["Goals:", ...list.map((g) => `${g.term} ${g.n}${withWeeks ? ` (${g.weeks} wks)` : ""}: ${g.text}.`)];
}
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

// ---- Text of each note -------------------------------------------------------------------

function header(ctx) {
  return (ctx.clinic.header || []).map((l) => l.replace("{disc}", DISC_WORDS[ctx.disc]));
}
function footer(ctx) {
  return ctx.clinic.footer || [];
}
function signature(ctx, note) {
  return `${note.provider.name}, ${note.provider.credentials} ${usDate(note.dateOfService)}`;
}
function vars(ctx) {
  const { rnd, cond } = ctx;
  return {
    pain: int(rnd, 1, 6), mins: int(rnd, 10, 45), small: int(rnd, 3, 9), box: pick(rnd, [4, 6, 8]),
    activity: cond.activities, weeks: ctx.weeksPost,
  };
}

function evaluationText(ctx, note) {
  const { rnd, cond } = ctx;
  const v = vars(ctx);
  const t = [...header(ctx)];
  t.push(`Initial evaluation: ${pick(rnd, cond.problem)}, referred by ${ctx.doctor}.`);
  t.push(`History: ${fill(rnd, pick(rnd, cond.history), v)} ${pick(rnd, cond.plof)}`);
  t.push(`S: Reports ${fill(rnd, pick(rnd, cond.complaints), v)}. Main concern: ${pick(rnd, cond.limits).toLowerCase()}`);
  t.push(`O: ${cond.measures.map((_, m) => fmt(cond, m, ctx.baseline[m])).join(". ")}. ${fill(rnd, pick(rnd, cond.findings), v)}`);
  t.push(`A: ${pick(rnd, ["Presents with", "Patient presents with"])} ${pick(rnd, cond.problem)}. ${pick(rnd, cond.limits)} Good potential to reach the goals below with skilled ${DISC_WORDS[ctx.disc]}: ${pick(rnd, ["prognosis good", "prognosis good given motivation and support at home", "prognosis fair to good"])}.`);
  t.push(...goalLines(ctx, [...ctx.goals.stg, ...ctx.goals.ltg]));
  const planned = sample(rnd, cond.codes, Math.min(3, cond.codes.length)).map((c) => c[1].toLowerCase()).join(", ");
  t.push(`Plan: ${ctx.freqWords} for ${ctx.weeks} weeks: ${planned}, and a home program. ${pick(rnd, ["Plan of care sent to", "Plan faxed to"])} ${ctx.doctor} for signature.`);
  t.push(`Evaluation time: ${note.totalTreatmentMinutes} min.`);
  t.push(...footer(ctx));
  t.push(signature(ctx, note));
  return t.join("\n");
}

function billLines(ctx, byAssistant) {
  const { rnd, cond, disc, rule } = ctx;
  if (disc === "SLP") {
    const [code, label, acts] = cond.codes[0];
    return { lines: [{ code, units: 1, modifiers: [MOD[disc]] }], minutes: 0, untimed: int(rnd, 30, 45), acts: [[label, int(rnd, 30, 45), sample(rnd, acts, 3)]] };
  }
  const count = pick(rnd, [2, 2, 3]);
  const chosen = sample(rnd, cond.codes, count);
  const mins = chosen.map(() => int(rnd, 10, 25));
  const units = rule === "ruleOf8s" ? ruleOf8sUnits(mins) : cms8Units(mins);
  const lines = chosen.map(([code], k) => {
    const l = { code, minutes: mins[k], units: units[k], modifiers: [MOD[disc]] };
    if (byAssistant) {
      l.assistantMinutes = mins[k];
      l.modifiers.push(ASST_MOD[disc]);
    }
    return l;
  });
  // Pairs billed together: mark the distinct service, as a careful biller does.
  const codes = lines.map((l) => l.code);
  for (const [c1, c2] of [["97530", "97116"], ["97140", "97530"]]) {
    if (codes.includes(c1) && codes.includes(c2)) lines.find((l) => l.code === c2).modifiers.push(ctx.medicare ? "XU" : "59");
  }
  const acts = chosen.map(([, label, pool], k) => [label, mins[k], sample(rnd, pool, pick(rnd, [2, 2, 3]))]);
  return { lines, minutes: mins.reduce((a, b) => a + b, 0), untimed: 0, acts };
}

const CUES = ["with verbal cues for {focus}", "with tactile cues at the {part}", "with cues faded to none by the last set", "with a mirror for feedback on {focus}", "after a demonstration, then done alone", "with rest breaks as needed for fatigue"];
const FOCUS = { PT: ["alignment", "pacing", "posture", "knee position", "trunk control", "weight shift"], OT: ["wrist position", "pacing", "joint protection", "sequencing", "grip force"], SLP: ["rate", "breath support", "the first sound", "chin position"] };
const PARTS = { PT: ["knee", "hip", "trunk", "pelvis", "ankle"], OT: ["wrist", "elbow", "shoulder blade", "thumb"], SLP: ["jaw", "lips"] };
const PROGRESSIONS = ["progressed from {a} to {b} repetitions", "added resistance after correct form", "moved to a harder version after two good sets", "kept at the same level because of {reason}", "reduced support from two hands to one", "increased the time from {a} to {b} seconds"];
const REASONS = ["soreness from the last visit", "fatigue at the end of the session", "a flare of pain this morning", "a new ache to watch"];

function activityLine(ctx, [label, minutes, acts]) {
  const { rnd, disc } = ctx;
  const v = { focus: FOCUS[disc], part: PARTS[disc], a: int(rnd, 5, 10), b: int(rnd, 11, 20), reason: REASONS, box: pick(rnd, [4, 6, 8]) };
  const parts = acts.map((a, i) => {
    let s = fill(rnd, a, v);
    if (i === 0 || chance(rnd, 0.5)) s += ` ${fill(rnd, pick(rnd, CUES), v)}`;
    return s;
  });
  let line = `${label} ${minutes} min: ${parts.join("; ")}`;
  if (chance(rnd, 0.7)) line += `; ${fill(rnd, pick(rnd, PROGRESSIONS), v)}`;
  return `${line}.`;
}

function dailyText(ctx, note, values, acts, k) {
  const { rnd, cond, disc } = ctx;
  const v = vars(ctx);
  const t = [...header(ctx), ...(ctx.clinic.daily || [])];
  const complaints = sample(rnd, cond.complaints, pick(rnd, [1, 2])).map((c) => fill(rnd, c, v));
  t.push(`S: ${pick(rnd, ["Reports", "Pt reports", "States"])} ${complaints.join(" and ")}.${chance(rnd, 0.4) ? ` ${pick(rnd, ["Did the home exercises most days.", "Missed the home exercises twice this week.", "Home program done daily."])}` : ""}`);
  const shown = sample(rnd, cond.measures.map((_, m) => m).filter((m) => m !== ctx.dropMeasure), pick(rnd, [1, 2]));
  t.push(`O: ${shown.map((m) => fmt(cond, m, values[m])).join(". ")}. ${fill(rnd, pick(rnd, cond.findings), v)}`);
  for (const a of acts) t.push(activityLine(ctx, a));
  const m = shown[0];
  const change = values[m] === ctx.baseline[m] ? "unchanged since the evaluation" : `from ${ctx.baseline[m]}${cond.measures[m][1]} at the evaluation`;
  t.push(`A: ${cond.measures[m][0]} ${change}. ${pick(rnd, cond.limits)} ${pick(rnd, ["Skilled cueing needed to correct compensations and progress safely.", "Needs skilled grading of the tasks and feedback on form.", "Skilled analysis of the movement guides each progression."])}`);
  if (chance(rnd, 0.8)) t.push(`Response: ${pick(rnd, ["pain unchanged after the session", `pain ${int(rnd, 1, 4)}/10 after the session, down from ${int(rnd, 4, 6)}/10`, "tired but no increase in symptoms", "no adverse reaction", "mild soreness that eased with rest"])}.`);
  const next = pick(rnd, acts)[2][0];
  t.push(`P: ${pick(rnd, ["Next visit", "Next session"])} ${pick(rnd, ["progress", "add to", "repeat and grade"])} ${fill(rnd, next, { box: 6 }).split(" with ")[0]}${chance(rnd, 0.5) ? ` and ${pick(rnd, ["recheck the measures", "update the home program", "try it without support", "add a timed trial"])}` : ""}.`);
  if (note.totalTimedMinutes) t.push(`Total timed minutes: ${note.totalTimedMinutes}. Total treatment time: ${note.totalTreatmentMinutes} min.`);
  else t.push(`Total treatment time: ${note.totalTreatmentMinutes} min.`);
  t.push(...footer(ctx));
  t.push(signature(ctx, note));
  return t.join("\n");
}

/** A note carried forward: the earlier text with the dates, minutes and measures changed. */
function copyForward(ctx, previous, date, note, edited = false) {
  const { rnd } = ctx;
  let text = previous
    .replace(/\d{2}\/\d{2}\/\d{4}/g, usDate(date))
    .replace(/(\d+(?:\.\d+)?)/g, (d) => (chance(rnd, 0.5) ? d : String(Math.max(0, Number(d) + pick(rnd, [-1, 1, 2])))));
  // Minutes and totals as billed this time; the signer as written this time.
  text = text.replace(/Total timed minutes: \d+\. Total treatment time: \d+ min\./, `Total timed minutes: ${note.totalTimedMinutes ?? 0}. Total treatment time: ${note.totalTreatmentMinutes} min.`);
  const lines = text.split("\n");
  lines[lines.length - 1] = signature(ctx, note);
  // Sometimes the subjective line is rewritten; the rest is carried forward.
  if (chance(rnd, 0.4)) {
    const s = lines.findIndex((l) => l.startsWith("S:"));
    if (s >= 0) lines[s] = `S: Reports ${fill(rnd, pick(rnd, ctx.cond.complaints), vars(ctx))}.`;
  }
  if (edited) {
    // One more line rewritten: the assessment or one of the exercise lines.
    const a = lines.findIndex((l) => l.startsWith("A:"));
    const ex = lines.findIndex((l) => / \d+ min: /.test(l));
    const at = chance(rnd, 0.5) && a >= 0 ? a : ex;
    if (at >= 0) {
      lines[at] = at === a
        ? `A: ${pick(rnd, ctx.cond.limits)} ${pick(rnd, ["Progress continues with skilled cueing.", "Needs further skilled progression of the program."])}`
        : activityLine(ctx, [pick(rnd, ctx.cond.codes)[1], int(rnd, 10, 25), sample(rnd, pick(rnd, ctx.cond.codes)[2], 2)]);
    }
  }
  return lines.join("\n");
}

function goalStatus(ctx, g, values, final) {
  const { rnd, cond } = ctx;
  const met = g.term === "STG" ? chance(rnd, final ? 0.9 : 0.6) : chance(rnd, final ? 0.6 : 0.1);
  const status = met ? "met" : pick(rnd, ["partially met", "progressing", "not yet met"]);
  // The measure the goal names, when it names one; else how far along the task is.
  const m = cond.measures.findIndex(([name], i) => i !== ctx.dropMeasure && g.text.toLowerCase().includes(name.split(" ")[0].toLowerCase()));
  const measure = met ? "" : m >= 0 ? `; now ${fmt(cond, m, values[m])}` : `; now about ${int(rnd, 4, 8) * 10}% of the target`;
  return { met, line: `${g.term} ${g.n}: ${g.text} – ${status}${measure}.` };
}

function progressText(ctx, note, values, reportNo, evalDate, treatmentDay) {
  const { rnd, cond } = ctx;
  const t = [...header(ctx)];
  t.push(`Progress report ${reportNo}, reporting period ${usDate(evalDate)} to ${usDate(note.dateOfService)} (treatment day ${treatmentDay}).`);
  t.push(`S: ${pick(rnd, ["Reports", "Pt reports", "Since the last report, reports"])} ${fill(rnd, pick(rnd, cond.complaints), vars(ctx))}; ${pick(rnd, ["now", "this period", "at home"])} ${sample(rnd, cond.gains, 2).join(" and ")}.`);
  const measures = cond.measures.map((_, m) => m).filter((m) => m !== ctx.dropMeasure);
  t.push(`O: ${measures.map((m) => `${fmt(cond, m, values[m])} (${ctx.baseline[m]}${cond.measures[m][1]} at the evaluation)`).join(". ")}.`);
  t.push("Goal status:");
  for (const g of [...ctx.goals.stg, ...ctx.goals.ltg]) {
    if (g.done) continue;
    if (ctx.goals.lost === g) continue;
    let goal = g;
    if (ctx.goals.changed === g && reportNo === 1) {
      ctx.goals.changedIn = note;
      // The long-term goal's target raised in the report, without a new certification.
      goal = { ...g, text: g.text.replace(/\d+/, (d) => String(Number(d) + pick(rnd, [10, 15, 20]))) };
      if (goal.text === g.text) goal = { ...g, text: `${g.text} and back to full activity` };
      g.text = goal.text;
    }
    const st = goalStatus(ctx, goal, values, false);
    if (st.met) g.done = true;
    t.push(st.line);
  }
  const best = cond.measures.map((_, m) => m).filter((m) => m !== ctx.dropMeasure)[int(rnd, 0, cond.measures.length - 2)] ?? 0;
  t.push(`A: ${pick(rnd, ["Steady progress toward the goals", "Good progress this period", "Progress slower than expected but continuing", "Clear gains in function"])}: ${cond.measures[best][0]} changed from ${ctx.baseline[best]}${cond.measures[best][1]} to ${values[best]}${cond.measures[best][1]}, and ${pick(rnd, cond.gains)}. ${pick(rnd, cond.limits)} ${pick(rnd, ["Continued skilled therapy is needed to reach the long-term goals.", "Skilled progression of the program is still required.", "Needs skilled grading of the program and education to reach the remaining goals."])}`);
  t.push(`P: Continue ${ctx.freqWords}; ${pick(rnd, ["update the home program", "progress the loading", "add community tasks", "begin fading supervision", "add a timed functional test next period"])}${chance(rnd, 0.5) ? ` and ${pick(rnd, ["recheck the measures in two weeks", "plan the discharge around the long-term goals", "review the home program with the family"])}` : ""}.`);
  t.push(...footer(ctx));
  t.push(signature(ctx, note));
  return t.join("\n");
}

function recertText(ctx, note, values) {
  const { rnd, cond } = ctx;
  const t = [...header(ctx)];
  t.push(`Recertification of the plan of care: ${pick(rnd, ["progress continues but the long-term goals are not yet met", "more time is needed to reach the long-term goals"])}.`);
  t.push(`O: ${cond.measures.map((_, m) => m).filter((m) => m !== ctx.dropMeasure).map((m) => fmt(cond, m, values[m])).join(". ")}.`);
  t.push("Goal status:");
  for (const g of [...ctx.goals.stg, ...ctx.goals.ltg]) {
    if (g.done || ctx.goals.lost === g) continue;
    const st = goalStatus(ctx, g, values, false);
    if (st.met) g.done = true;
    t.push(st.line);
  }
  const open = ctx.goals.ltg.filter((g) => !g.done && ctx.goals.lost !== g);
  if (open.length) {
    t.push(`Long-term goals (next ${ctx.recertWeeks} weeks):`);
    t.push(...open.map((g) => `${g.n}. ${cap(g.text)}.`));
  }
  t.push(`Plan: ${ctx.freqWords} for ${ctx.recertWeeks} weeks. Updated plan sent to ${ctx.doctor} for signature.`);
  t.push(...footer(ctx));
  t.push(signature(ctx, note));
  return t.join("\n");
}

function dischargeText(ctx, note, values) {
  const { rnd, cond } = ctx;
  const t = [...header(ctx)];
  t.push(`Discharge summary: ${pick(rnd, ["goals met, discharged to the home program", "plateau reached; discharged with a home program", "patient returning to full activity"])}. Now ${sample(rnd, cond.gains, 2).join(" and ")}.`);
  t.push(`O: ${cond.measures.map((_, m) => m).filter((m) => m !== ctx.dropMeasure).map((m) => `${fmt(cond, m, values[m])} (${ctx.baseline[m]}${cond.measures[m][1]} at the evaluation)`).join(". ")}.`);
  t.push("Goal status:");
  for (const g of [...ctx.goals.stg, ...ctx.goals.ltg]) {
    if (g.done || ctx.goals.lost === g) continue;
    t.push(goalStatus(ctx, g, values, true).line);
  }
  t.push(`Plan: ${pick(rnd, ["continue the home program daily; return if symptoms come back", "home program given in writing; follow up with the physician as scheduled"])}.`);
  t.push(...footer(ctx));
  t.push(signature(ctx, note));
  return t.join("\n");
}
