#!/usr/bin/env python3
"""Sanity check for the labelled corpus: JSON parses, required keys present, labels coherent,
and every rule is expected on at least MIN_FIRE notes and absent from many others.
Run: python3 tests/corpus/check_corpus.py"""
import collections, glob, json, os, sys

RULES = ["elements/missing-goals", "elements/goals-not-measurable", "elements/missing-progress",
         "elements/missing-medical-necessity", "elements/missing-skilled-intervention",
         "elements/missing-patient-response", "elements/missing-plan", "elements/missing-signature",
         "elements/missing-outcome-measure", "elements/red-flag-phrase", "units/text-mismatch"]
COUNTED = {"elements/goals-not-measurable", "elements/red-flag-phrase"}
NOTE_KEYS = ["discipline", "noteType", "dateOfService", "payer", "provider", "lines",
             "totalTimedMinutes", "totalTreatmentMinutes", "diagnoses", "text"]
ELEMENTS = ["goals", "progress", "medicalNecessity", "skilledIntervention", "patientResponse",
            "plan", "signature", "outcomeMeasure"]
TYPES = ["evaluation", "reevaluation", "daily", "progress", "recertification", "discharge"]
MIN_FIRE = 8

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    files = sorted(glob.glob(os.path.join(here, "*.json")))
    errors, fires, total_count = [], collections.Counter(), collections.Counter()
    by = collections.Counter()
    clean = 0
    for f in files:
        name = os.path.basename(f)
        try:
            with open(f, encoding="utf-8") as fh:
                c = json.load(fh)
        except Exception as e:  # noqa: BLE001
            errors.append(f"{name}: not JSON: {e}")
            continue
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
            total_count[r] += v
        for e in ELEMENTS:
            if not isinstance(c.get("elements", {}).get(e), bool):
                errors.append(f"{name}: elements.{e} must be a boolean")
        timed = sum(l.get("minutes", 0) for l in n.get("lines", []) if l["code"].startswith("97")
                    and l["code"] not in {"97161", "97162", "97163", "97164", "97165", "97166", "97167", "97168",
                                          "97010", "97012", "97014", "97150"})
        if isinstance(n.get("totalTimedMinutes"), int) and timed != n["totalTimedMinutes"]:
            errors.append(f"{name}: totalTimedMinutes {n['totalTimedMinutes']} != timed line minutes {timed}")
        for r in c.get("expect", []):
            fires[r] += 1
        if not c.get("expect"):
            clean += 1
        by[(n.get("discipline"), n.get("noteType"))] += 1
    print(f"{len(files)} notes, {clean} clean ({100 * clean / max(1, len(files)):.0f}%)")
    print(f"{'rule':45} expected-on  quiet-on  findings")
    for r in RULES:
        cnt = total_count[r] if r in COUNTED else fires[r]
        print(f"{r:45} {fires[r]:11} {len(files) - fires[r]:9} {cnt:9}")
        if fires[r] < MIN_FIRE:
            errors.append(f"{r} expected on only {fires[r]} notes (< {MIN_FIRE})")
    print("discipline x noteType:")
    for d in ["PT", "OT", "SLP"]:
        print("  " + d.ljust(4) + " ".join(f"{t[:5]}={by[(d, t)]}" for t in TYPES))
    styles = collections.Counter()
    for f in files:
        with open(f, encoding="utf-8") as fh:
            styles[json.load(fh).get("style")] += 1
    print("styles:", dict(styles))
    for e in errors:
        print("ERROR", e)
    return 1 if errors else 0

if __name__ == "__main__":
    sys.exit(main())
