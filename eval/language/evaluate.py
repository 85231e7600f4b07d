#!/usr/bin/env python3
"""Accuracy of `thiqa langid` per label, split into 1-4 words and 5+ words, beside py3langid on the same lines.

    evaluate.py GOLD.jsonl PREDICTIONS.jsonl [-v] [--no-py3langid]

GOLD lines are {"id","text","lang"} (optionally "others": [...]); PREDICTIONS are the output of `thiqa langid`
({"id","lang","others"}). py3langid (PyPI) knows no Darija and no Tifinagh: its "ar" counts as right for "ar" only,
and its answers are otherwise scored as they are. A word is a whitespace-separated token with a letter or digit.
Exit status 1 when a label misses its target (>= 95 % on 5+ words, >= 85 % on 1-4 words).
"""
import json
import re
import sys
from collections import defaultdict

LABELS = ["fr", "ar", "ary-Arab", "ary-Latn", "zgh-Tfng", "ber-Latn", "en", "es"]
TARGETS = {"1-4": 0.85, "5+": 0.95}


def load_jsonl(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as error:
                sys.exit(f"{path}:{number}: not JSON ({error})")
    return rows


def bucket(text):
    words = [w for w in text.split() if re.search(r"\w", w)]
    return "1-4" if len(words) <= 4 else "5+"


def py3langid_predictions(texts):
    try:
        import py3langid
    except ImportError:
        sys.exit("py3langid is not installed (pip install -r eval/language/requirements.txt), or pass --no-py3langid")
    return [py3langid.classify(t)[0] for t in texts]


def main(argv):
    verbose = "-v" in argv
    with_py3 = "--no-py3langid" not in argv
    paths = [a for a in argv if not a.startswith("-")]
    if len(paths) != 2:
        sys.exit(__doc__)
    gold = load_jsonl(paths[0])
    predicted = {}
    for row in load_jsonl(paths[1]):
        if "error" in row:
            sys.exit(f"{paths[1]}: thiqa langid rejected a line: {row}")
        predicted[str(row["id"])] = row
    for row in gold:
        if row.get("lang") not in LABELS:
            sys.exit(f"{paths[0]}: id {row.get('id')}: unknown or missing field \"lang\"")
        if str(row["id"]) not in predicted:
            sys.exit(f"{paths[1]}: no prediction for id {row['id']}")
    py3 = py3langid_predictions([r["text"] for r in gold]) if with_py3 else [None] * len(gold)

    total = defaultdict(int)
    right = defaultdict(int)
    right_py3 = defaultdict(int)
    others_expected = others_found = 0
    misses = []
    for row, py3_lang in zip(gold, py3):
        key = (row["lang"], bucket(row["text"]))
        total[key] += 1
        guess = predicted[str(row["id"])]
        if guess["lang"] == row["lang"]:
            right[key] += 1
        else:
            misses.append((row["id"], row["lang"], guess["lang"], guess.get("others", []), row["text"]))
        if py3_lang == row["lang"]:
            right_py3[key] += 1
        for other in row.get("others", []):
            others_expected += 1
            others_found += other in guess.get("others", [])

    def pct(a, n):
        return f"{100 * a / n:5.1f}%" if n else "    -"

    print(f"{'label':<9} | {'1-4 words':^26} | {'5+ words':^26}")
    print(f"{'':<9} | {'n':>4} {'Thiqa':>7} {'py3langid':>10}   | {'n':>4} {'Thiqa':>7} {'py3langid':>10}")
    failed = []
    for label in LABELS:
        cells = []
        for b in ("1-4", "5+"):
            n = total[(label, b)]
            mark = " "
            if n and right[(label, b)] / n < TARGETS[b]:
                mark = "*"
                failed.append(f"{label} {b}")
            py3_cell = pct(right_py3[(label, b)], n) if with_py3 else "    -"
            cells.append(f"{n:>4} {pct(right[(label, b)], n):>7}{mark} {py3_cell:>9}  ")
        print(f"{label:<9} | {cells[0]} | {cells[1]}")
    for b in ("1-4", "5+"):
        n = sum(total[(l, b)] for l in LABELS)
        t = sum(right[(l, b)] for l in LABELS)
        p = sum(right_py3[(l, b)] for l in LABELS)
        print(f"all {b:<5}: n={n} Thiqa {pct(t, n)}" + (f", py3langid {pct(p, n)}" if with_py3 else ""))
    n = len(gold)
    print(f"overall  : n={n} Thiqa {pct(sum(right.values()), n)}" + (f", py3langid {pct(sum(right_py3.values()), n)}" if with_py3 else ""))
    if others_expected:
        print(f"code-switching: {others_found}/{others_expected} expected other languages reported")
    print("targets (>= 85 % on 1-4 words, >= 95 % on 5+ words): " + ("met" if not failed else "missed (*) for " + ", ".join(failed)))
    if verbose:
        for miss in misses:
            print("miss:", *miss, sep="\t")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
