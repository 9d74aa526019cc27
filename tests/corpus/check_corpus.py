#!/usr/bin/env python3
"""Sanity check for the labelled corpus.

- `tests/corpus/NNN-*.json` (the original 100 notes; `dev-*.json` are only counted): JSON parses, required keys present,
  labels coherent, and every rule is expected on at least MIN_FIRE notes.
- `tests/corpus/real-style/` (development set) and `tests/corpus/heldout/` (held-out set),
  notes written in the styles of real clinics and labelled under the reviewer's conventions:
  the same checks, plus the reviewer-style labels: allowed keys and styles, file names in
  the discipline's number range, every `goalsNotMeasurable` / `redFlags` / `textTimes[].quote`
  / `closeCalls[].quote` an exact substring of `note.text`, `expectCount` equal to the
  length of those lists, `evaluationComplexity` on every PT/OT evaluation with a code of the
  discipline's complexity levels that matches the billed evaluation line, and no
  `note.evaluation` form on transcribed evaluations (the level is read from the narrative).

Prints counts per rule, element, discipline x note type and style for each set.
Run: python3 tests/corpus/check_corpus.py"""
import collections, glob, json, os, re, sys

RULES = ["elements/missing-goals", "elements/goals-not-measurable", "elements/missing-progress",
         "elements/missing-medical-necessity", "elements/missing-skilled-intervention",
         "elements/missing-patient-response", "elements/missing-plan", "elements/missing-signature",
         "elements/missing-outcome-measure", "elements/red-flag-phrase", "units/text-mismatch"]
GNM, RF = "elements/goals-not-measurable", "elements/red-flag-phrase"
COUNTED = {GNM, RF}
NOTE_KEYS = ["discipline", "noteType", "dateOfService", "payer", "provider", "lines",
             "totalTimedMinutes", "totalTreatmentMinutes", "diagnoses", "text"]
ELEMENTS = ["goals", "progress", "medicalNecessity", "skilledIntervention", "patientResponse",
            "plan", "signature", "outcomeMeasure"]
TYPES = ["evaluation", "reevaluation", "daily", "progress", "recertification", "discharge"]
UNTIMED_97 = {"97161", "97162", "97163", "97164", "97165", "97166", "97167", "97168",
              "97010", "97012", "97014", "97150"}
MIN_FIRE = 8

# Reviewer-style sets (see tests/corpus/README.md and the shared format).
NEW_SETS = ["real-style", "heldout"]
NEW_KEYS = {"description", "style", "fragment", "note", "expect", "expectCount", "elements",
            "goalsNotMeasurable", "redFlags", "evaluationComplexity", "textTimes", "closeCalls"}
NEW_STYLES = {"transcribed", "discharge-prose", "swallow-study", "student", "unusual-headings",
              "fragment", "soap", "narrative", "checkbox", "abbreviated", "typos"}
EVAL_LEVELS = {"PT": {"97161", "97162", "97163"}, "OT": {"97165", "97166", "97167"}}
# File-name number ranges per discipline: PT 101-199, OT and SLP 201-399.
RANGES = {"PT": range(101, 200), "OT": range(201, 400), "SLP": range(201, 400)}
NAME = re.compile(r"^(H?)(\d{3})-([a-z]+)-[a-z0-9-]+\.json$")
NAME_DISC = {"pt": "PT", "pta": "PT", "ot": "OT", "ota": "OT", "slp": "SLP", "slpa": "SLP"}
# A written total in textTimes uses one of these instead of a CPT code.
TOTALS = {"totalTimed", "totalTreatment"}
CODE = re.compile(r"^[0-9A-Z]\d{3}[0-9A-Z]$")


def load(path, errors):
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except Exception as e:  # noqa: BLE001
        errors.append(f"{path}: not JSON: {e}")
        return None


def common_checks(name, c, errors):
    """The checks every corpus file shares (old and new sets)."""
    for k in ["description", "style", "note", "expect", "elements"]:
        if k not in c:
            errors.append(f"{name}: missing {k}")
    n = c.get("note", {})
    for k in NOTE_KEYS:
        if k not in n:
            errors.append(f"{name}: note missing {k}")
    if n.get("noteType") not in TYPES:
        errors.append(f"{name}: bad noteType")
    for r in c.get("expect", []):
        if r not in RULES:
            errors.append(f"{name}: unknown rule {r}")
    if len(set(c.get("expect", []))) != len(c.get("expect", [])):
        errors.append(f"{name}: duplicate rule in expect")
    for r in COUNTED:
        if (r in c.get("expect", [])) != (r in c.get("expectCount", {})):
            errors.append(f"{name}: {r} must have an expectCount exactly when expected")
    for r, v in c.get("expectCount", {}).items():
        if r not in COUNTED or not isinstance(v, int) or v < 1:
            errors.append(f"{name}: bad expectCount {r}={v}")
    for e in ELEMENTS:
        if not isinstance(c.get("elements", {}).get(e), bool):
            errors.append(f"{name}: elements.{e} must be a boolean")
    timed = sum(l.get("minutes", 0) for l in n.get("lines", [])
                if l["code"].startswith("97") and l["code"] not in UNTIMED_97)
    if isinstance(n.get("totalTimedMinutes"), int) and timed != n["totalTimedMinutes"]:
        errors.append(f"{name}: totalTimedMinutes {n['totalTimedMinutes']} != timed line minutes {timed}")


def new_checks(folder, name, c, errors):
    """The reviewer-style labels of the real-style and held-out sets."""
    n = c.get("note", {})
    text = n.get("text", "")
    for k in c:
        if k not in NEW_KEYS:
            errors.append(f"{name}: unknown key {k}")
    if c.get("style") not in NEW_STYLES:
        errors.append(f"{name}: style {c.get('style')!r} not one of {sorted(NEW_STYLES)}")
    if "fragment" in c and not isinstance(c["fragment"], bool):
        errors.append(f"{name}: fragment must be a boolean")
    if c.get("style") == "fragment" and not c.get("fragment"):
        errors.append(f"{name}: style fragment but fragment is not true")
    m = NAME.match(name)
    disc = n.get("discipline")
    if not m:
        errors.append(f"{name}: file name must be NNN-<discipline>-<slug>.json (HNNN- in heldout)")
    else:
        held, num, d = m.group(1) == "H", int(m.group(2)), m.group(3)
        if held != (folder == "heldout"):
            errors.append(f"{name}: {'H' if folder == 'heldout' else 'no H'} prefix expected in {folder}/")
        if disc in RANGES and num not in RANGES[disc]:
            errors.append(f"{name}: {disc} notes are numbered {RANGES[disc].start}-{RANGES[disc].stop - 1}")
        if NAME_DISC.get(d) != disc:
            errors.append(f"{name}: file name says {d!r}, note.discipline is {disc}")
    if not isinstance(text, str) or not text.strip():
        errors.append(f"{name}: note.text is empty")
        return
    # Quoted labels must be exact substrings of the text.
    for key in ("goalsNotMeasurable", "redFlags"):
        v = c.get(key, [])
        if not isinstance(v, list) or not all(isinstance(q, str) and q for q in v):
            errors.append(f"{name}: {key} must be a list of non-empty strings")
            continue
        for q in v:
            if q not in text:
                errors.append(f"{name}: {key} quote not in note.text: {q[:60]!r}")
    for key, fields in (("textTimes", ("code", "quote")), ("closeCalls", ("element", "quote", "decision"))):
        v = c.get(key, [])
        if not isinstance(v, list):
            errors.append(f"{name}: {key} must be a list")
            continue
        for i, item in enumerate(v):
            if not isinstance(item, dict):
                errors.append(f"{name}: {key}[{i}] must be an object")
                continue
            for f in fields:
                if not isinstance(item.get(f), str) or not item.get(f):
                    errors.append(f"{name}: {key}[{i}].{f} must be a non-empty string")
            if isinstance(item.get("quote"), str) and item["quote"] not in text:
                errors.append(f"{name}: {key}[{i}].quote not in note.text: {item['quote'][:60]!r}")
            if key == "textTimes":
                extra = set(item) - {"code", "minutes", "units", "quote"}
                if extra:
                    errors.append(f"{name}: textTimes[{i}] unknown keys {sorted(extra)}")
                code = item.get("code", "")
                if code not in TOTALS and not CODE.match(code):
                    errors.append(f"{name}: textTimes[{i}].code {code!r} is neither a code nor one of {sorted(TOTALS)}")
                nums = [item.get(k) for k in ("minutes", "units") if k in item]
                if not nums or not all(isinstance(x, int) and x >= 0 for x in nums):
                    errors.append(f"{name}: textTimes[{i}] needs whole minutes and/or units")
    # expectCount agrees with the quoted lists, both ways.
    expect, counts = c.get("expect", []), c.get("expectCount", {})
    for key, rule in (("goalsNotMeasurable", GNM), ("redFlags", RF)):
        listed = len(c.get(key, []))
        if listed != counts.get(rule, 0):
            errors.append(f"{name}: {key} lists {listed} but expectCount.{rule} is {counts.get(rule, 0)}")
        if (listed > 0) != (rule in expect):
            errors.append(f"{name}: {key} and expect disagree about {rule}")
    # Evaluation complexity: every PT/OT evaluation, a level of its discipline, the billed code.
    ec = c.get("evaluationComplexity")
    codes = {l.get("code") for l in n.get("lines", [])}
    if n.get("noteType") == "evaluation" and disc in EVAL_LEVELS:
        if not isinstance(ec, dict):
            errors.append(f"{name}: a {disc} evaluation needs evaluationComplexity")
    if ec is not None:
        if not isinstance(ec, dict) or set(ec) - {"code", "reasoning", "level"}:
            errors.append(f"{name}: evaluationComplexity must be {{code, reasoning}}")
        elif n.get("noteType") != "evaluation" or disc not in EVAL_LEVELS:
            errors.append(f"{name}: evaluationComplexity only on PT/OT evaluations")
        else:
            if ec.get("code") not in EVAL_LEVELS[disc]:
                errors.append(f"{name}: evaluationComplexity.code {ec.get('code')} is not a {disc} evaluation level")
            billed = codes & EVAL_LEVELS[disc]
            if billed and ec.get("code") not in billed:
                errors.append(f"{name}: evaluationComplexity.code {ec.get('code')} differs from the billed {sorted(billed)}")
            if not isinstance(ec.get("reasoning"), str) or len(ec["reasoning"].strip()) < 20:
                errors.append(f"{name}: evaluationComplexity.reasoning must explain the level")
    if c.get("style") == "transcribed" and n.get("noteType") == "evaluation" and "evaluation" in n:
        errors.append(f"{name}: transcribed evaluation carries note.evaluation; omit it (read the level from the text)")


def report(title, items, min_fire=None, errors=None):
    """Prints the counts for one set; `items` is a list of corpus dicts."""
    clean = sum(1 for c in items if not c.get("expect"))
    print(f"\n== {title}: {len(items)} notes, {clean} clean ({100 * clean / max(1, len(items)):.0f}%)")
    fires, total = collections.Counter(), collections.Counter()
    for c in items:
        for r in c.get("expect", []):
            fires[r] += 1
        for r, v in c.get("expectCount", {}).items():
            total[r] += v
    print(f"{'rule':45} expected-on  quiet-on  findings")
    for r in RULES:
        cnt = total[r] if r in COUNTED else fires[r]
        print(f"{r:45} {fires[r]:11} {len(items) - fires[r]:9} {cnt:9}")
        if min_fire is not None and fires[r] < min_fire:
            errors.append(f"{title}: {r} expected on only {fires[r]} notes (< {min_fire})")
    present = collections.Counter(e for c in items for e, v in c.get("elements", {}).items() if v)
    print("elements present (true / false): " + ", ".join(
        f"{e} {present[e]}/{len(items) - present[e]}" for e in ELEMENTS))
    by = collections.Counter((c["note"].get("discipline"), c["note"].get("noteType")) for c in items)
    print("discipline x noteType:")
    for d in ["PT", "OT", "SLP"]:
        if any(k[0] == d for k in by):
            print("  " + d.ljust(4) + " ".join(f"{t[:5]}={by[(d, t)]}" for t in TYPES))
    print("styles:", dict(sorted(collections.Counter(c.get("style") for c in items).items())))
    frag = sum(1 for c in items if c.get("fragment"))
    if frag:
        print(f"fragments: {frag}")
    levels = collections.Counter(c["evaluationComplexity"]["code"] for c in items
                                 if isinstance(c.get("evaluationComplexity"), dict))
    if levels:
        print("evaluation levels:", dict(sorted(levels.items())))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    errors = []
    old = []
    # The numbered notes are the labelled corpus; `dev-*.json` are notes written to develop the
    # rules (some omit the minute totals on purpose) and are only counted.
    dev = glob.glob(os.path.join(here, "dev-*.json"))
    for f in sorted(glob.glob(os.path.join(here, "[0-9][0-9][0-9]-*.json"))):
        c = load(f, errors)
        if c is None:
            continue
        common_checks(os.path.basename(f), c, errors)
        old.append(c)
    report("tests/corpus (the original labelled corpus)", old, MIN_FIRE, errors)
    print(f"(and {len(dev)} dev-*.json notes, not checked here)")
    ids = collections.Counter(c["note"].get("id") for c in old if c.get("note", {}).get("id"))
    for folder in NEW_SETS:
        items = []
        for f in sorted(glob.glob(os.path.join(here, folder, "*.json"))):
            c = load(f, errors)
            if c is None:
                continue
            name = os.path.basename(f)
            common_checks(f"{folder}/{name}", c, errors)
            new_checks(folder, name, c, errors)
            ids[c.get("note", {}).get("id")] += 1
            items.append(c)
        if items:
            report(f"tests/corpus/{folder}", items)
            for d in ["PT", "OT", "SLP"]:
                sub = [c for c in items if c["note"].get("discipline") == d]
                if sub:
                    print(f"  {d}: {len(sub)} notes, "
                          + ", ".join(f"{r.split('/')[1]} {sum(1 for c in sub if r in c['expect'])}" for r in RULES))
    for i, k in ids.items():
        if i is None:
            continue
        if k > 1:
            errors.append(f"note id {i} used {k} times")
    stmts = os.path.join(here, "statements.jsonl")
    if os.path.exists(stmts):
        print(f"\nstatements.jsonl: {sum(1 for l in open(stmts, encoding='utf-8') if l.strip())} statements")
    for e in errors:
        print("ERROR", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
