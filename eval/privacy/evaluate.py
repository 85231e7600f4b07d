#!/usr/bin/env python3
"""Scores privacy predictions against the annotated dev set.

    python3 eval/privacy/evaluate.py eval/privacy/devset.jsonl predictions.jsonl [--json] [-v] [--source=generated|handwritten]
        [--types=PERSON[,ADDRESS...]] [--person-target]

predictions.jsonl: lines {"id": ..., "entities": [{"type", "start", "end", ...}]}, exactly what
`thiqa scan --jsonl` (or `privacy-bench --predict`) writes. Prints precision, recall and F1 per type and per
language, with exact span matching and with overlap matching (same type, spans intersect).

Exit status 1 when the structured identifiers' exact-match F1 is below 0.95, or when anything is found in an
item marked "lookalike" (checksum-invalid numbers); 2 on bad input.

--types=PERSON scores only those types (gold and predictions), and a look-alike item then fails only on a finding of
those types: the names sets (names.dev.txt, names.heldout.txt) mark only PERSON, and their look-alikes are streets,
brands and common nouns that may rightly be found as ADDRESS. --person-target also fails when PERSON F1 (exact) is
below 0.95 in any language.
"""
import json
import sys
from collections import defaultdict

STRUCTURED = ["CIN", "PASSPORT", "PHONE", "EMAIL", "IBAN", "RIB", "CARD", "CNSS", "ICE", "MASSAR", "DATE_OF_BIRTH", "IP_ADDRESS"]
CUE_BASED = ["PERSON", "ADDRESS"]
TARGET_F1 = 0.95


def load(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                out[item["id"]] = item
            except (ValueError, KeyError) as e:
                sys.exit(print(f"{path}:{n}: {e}", file=sys.stderr) or 2)
    return out


class Counts:
    def __init__(self):
        self.tp = self.fp = self.fn = 0

    def add(self, tp, fp, fn):
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def prf(self):
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def match(gold, pred, overlap):
    """Greedy one-to-one matching; returns (tp, unmatched gold, unmatched pred)."""
    used = set()
    tp, missed = [], []
    for g in gold:
        hit = None
        for k, p in enumerate(pred):
            if k in used or p["type"] != g["type"]:
                continue
            if (p["start"], p["end"]) == (g["start"], g["end"]) or (overlap and p["start"] < g["end"] and g["start"] < p["end"]):
                hit = k
                break
        if hit is None:
            missed.append(g)
        else:
            used.add(hit)
            tp.append(g)
    return tp, missed, [p for k, p in enumerate(pred) if k not in used]


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    gold, pred = load(argv[1]), load(argv[2])
    for arg in argv:
        if arg.startswith("--source="):
            wanted = arg.split("=", 1)[1]
            gold = {k: v for k, v in gold.items() if v.get("source", "generated") == wanted}
    only = None
    for arg in argv:
        if arg.startswith("--types="):
            only = set(arg.split("=", 1)[1].split(","))
            unknown = only - set(STRUCTURED + CUE_BASED)
            if unknown:
                print(f"--types: unknown type(s) {sorted(unknown)}", file=sys.stderr)
                return 2
    as_json = "--json" in argv
    missing = [i for i in gold if i not in pred]
    if missing:
        print(f"predictions missing for {len(missing)} items, e.g. {missing[:3]}", file=sys.stderr)
        return 2
    by_type = {m: defaultdict(Counts) for m in ("exact", "overlap")}
    by_lang = {m: defaultdict(Counts) for m in ("exact", "overlap")}
    person_by_lang = {m: defaultdict(Counts) for m in ("exact", "overlap")}
    structured = {m: Counts() for m in ("exact", "overlap")}
    lookalike_hits, errors = [], []
    for gid, item in gold.items():
        g = [e for e in item["entities"] if only is None or e["type"] in only]
        p = [e for e in pred[gid]["entities"] if only is None or e["type"] in only]
        if item.get("lookalike") and p:
            lookalike_hits.append((gid, p))
        for mode in ("exact", "overlap"):
            tp, fn, fp = match(g, p, overlap=(mode == "overlap"))
            for e in tp:
                by_type[mode][e["type"]].add(1, 0, 0)
            for e in fn:
                by_type[mode][e["type"]].add(0, 0, 1)
            for e in fp:
                by_type[mode][e["type"]].add(0, 1, 0)
            s_tp = sum(e["type"] in STRUCTURED for e in tp)
            s_fn = sum(e["type"] in STRUCTURED for e in fn)
            s_fp = sum(e["type"] in STRUCTURED for e in fp)
            structured[mode].add(s_tp, s_fp, s_fn)
            by_lang[mode][item["lang"]].add(len(tp), len(fp), len(fn))
            person_by_lang[mode][item["lang"]].add(
                sum(e["type"] == "PERSON" for e in tp), sum(e["type"] == "PERSON" for e in fp), sum(e["type"] == "PERSON" for e in fn)
            )
            if mode == "exact" and (fn or fp):
                errors.append((gid, item["text"], fn, fp))

    s_exact = structured["exact"].prf()[2]
    person_short = [l for l in sorted(person_by_lang["exact"]) if person_by_lang["exact"][l].prf()[2] < TARGET_F1]
    ok = s_exact >= TARGET_F1 and not lookalike_hits and not ("--person-target" in argv and person_short)
    if as_json:
        report = {
            "structured_f1_exact": round(s_exact, 4),
            "structured_f1_overlap": round(structured["overlap"].prf()[2], 4),
            "lookalike_findings": len(lookalike_hits),
            "per_type": {t: {m: dict(zip("prf", map(lambda x: round(x, 4), by_type[m][t].prf()))) for m in by_type} for t in STRUCTURED + CUE_BASED},
            "per_language": {l: {m: dict(zip("prf", map(lambda x: round(x, 4), by_lang[m][l].prf()))) for m in by_lang} for l in sorted(by_lang["exact"])},
            "person_per_language": {
                l: {m: dict(zip("prf", map(lambda x: round(x, 4), person_by_lang[m][l].prf()))) for m in person_by_lang}
                for l in sorted(person_by_lang["exact"])
            },
            "pass": ok,
        }
        print(json.dumps(report, indent=1))
        return 0 if ok else 1

    def table(title, keys, data):
        print(f"\n{title}")
        print(f"| {'':14} | {'P':>6} | {'R':>6} | {'F1':>6} | {'support':>7} | {'F1 overlap':>10} |")
        print(f"|{'-' * 16}|{'-' * 8}|{'-' * 8}|{'-' * 8}|{'-' * 9}|{'-' * 12}|")
        for k in keys:
            c, o = data["exact"][k], data["overlap"][k]
            p, r, f = c.prf()
            print(f"| {k:14} | {p:6.3f} | {r:6.3f} | {f:6.3f} | {c.tp + c.fn:7d} | {o.prf()[2]:10.3f} |")

    table("Per type (exact span match)", [t for t in STRUCTURED + CUE_BASED if only is None or t in only], by_type)
    table("Per language (all types)", sorted(by_lang["exact"]), by_lang)
    table("PERSON per language (exact span match)", sorted(person_by_lang["exact"]), person_by_lang)
    sp, sr, sf = structured["exact"].prf()
    print(f"\nStructured identifiers: P={sp:.3f} R={sr:.3f} F1={sf:.3f} (overlap F1={structured['overlap'].prf()[2]:.3f}); target F1 >= {TARGET_F1}")
    kinds = "/".join(sorted(only)) + " findings" if only else "Findings"
    print(f"{kinds} on look-alike items: {len(lookalike_hits)} (target 0)")
    if "--person-target" in argv:
        print(f"Languages with PERSON F1 < {TARGET_F1}: {', '.join(person_short) or 'none'}")
    for gid, p in lookalike_hits[:10]:
        print(f"  {gid}: {p}")
    if "-v" in argv:
        print("\nErrors (exact):")
        for gid, text, fn, fp in errors:
            print(f"- {gid}: {text!r}")
            for e in fn:
                print(f"    missed {e['type']} {text[e['start']:e['end']]!r}")
            for e in fp:
                print(f"    extra  {e['type']} {text[e['start']:e['end']]!r} {e.get('score', '')}")
    print("\nPASS" if ok else "\nFAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
