#!/usr/bin/env python3
"""Scores sensitive-category predictions against a labelled JSONL set.

    evaluate.py GOLD.jsonl PRED.jsonl [--strict] [-v]

GOLD lines: {"id","lang","text","categories":[...]}  (empty list = harmless message)
PRED lines: {"id","sensitive_categories":[...], "scores":{category: p, ...}?, "verdict":"sensitive|uncertain|not_sensitive"?}

Prints, per language and per category, recall on sensitive messages and the false-alarm rate on harmless ones, the
confusion of categories, and (when the predictions carry scores) the Brier score. A message counts as detected when
at least one category is predicted; "routed sovereign" also counts the uncertain verdict, which the default policy
sends to Moroccan backends. With --strict the exit status is 1 when a target is missed (recall >= 0.95 in every
language, false alarms <= 10 %).
"""
import argparse
import json
import sys
from collections import Counter, defaultdict

CATEGORIES = ["health", "genetic", "religion", "politicalOpinion", "tradeUnion", "ethnicOrigin", "sexLife", "biometric", "criminalRecord"]
LANGS = ["fr", "ar", "ary-Arab", "ary-Latn", "en", "zgh-Tfng", "ber-Latn"]
RECALL_TARGET = 0.95
FALSE_ALARM_TARGET = 0.10


def load(path, required):
    out = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                sys.exit(f"{path}:{number}: not JSON ({e})")
            for key in required:
                if key not in obj:
                    sys.exit(f"{path}:{number}: missing field \"{key}\"")
            for c in obj.get("categories", []) + obj.get("sensitive_categories", []):
                if c not in CATEGORIES:
                    sys.exit(f"{path}:{number}: unknown category \"{c}\"")
            out[obj["id"]] = obj
    return out


def rate(k, n):
    return f"{k / n:.3f} ({k}/{n})" if n else "-"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--strict", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss and false alarm")
    args = ap.parse_args()
    gold = load(args.gold, ["id", "lang", "text", "categories"])
    pred = load(args.pred, ["id", "sensitive_categories"])
    missing = [i for i in gold if i not in pred]
    if missing:
        sys.exit(f"{args.pred}: no prediction for {len(missing)} id(s), first {missing[0]}")

    by_lang = defaultdict(Counter)
    by_cat = defaultdict(Counter)
    confusion = defaultdict(Counter)
    brier_sum, brier_n, brier_msg_sum, has_scores, has_verdict = 0.0, 0, 0.0, False, False
    misses, alarms = [], []
    for gid, g in gold.items():
        p = pred[gid]
        gc, pc = set(g["categories"]), set(p["sensitive_categories"])
        lang = g["lang"]
        verdict = p.get("verdict")
        if verdict is not None:
            has_verdict = True
        routed = bool(pc) or verdict in ("sensitive", "uncertain")
        stats = by_lang[lang]
        if gc:
            stats["pos"] += 1
            stats["tp"] += bool(pc)
            stats["routed_tp"] += routed
            if not pc:
                misses.append((gid, sorted(gc), p.get("scores"), g["text"]))
        else:
            stats["neg"] += 1
            stats["fp"] += bool(pc)
            stats["routed_fp"] += routed
            if pc:
                alarms.append((gid, sorted(pc), g["text"]))
        for c in CATEGORIES:
            s = by_cat[c]
            if c in gc:
                s["pos"] += 1
                s["tp"] += c in pc
            elif not gc:
                s["neg"] += 1
                s["fp"] += c in pc
            else:
                s["other_pos"] += 1
                s["other_fp"] += c in pc
        for c in sorted(gc) or ["(none)"]:
            for q in sorted(pc) or ["(none)"]:
                confusion[c][q] += 1
        scores = p.get("scores")
        if scores is not None:
            has_scores = True
            for c in CATEGORIES:
                prob = float(scores.get(c, 0.0))
                brier_sum += (prob - (1.0 if c in gc else 0.0)) ** 2
                brier_n += 1
            top = max([float(scores.get(c, 0.0)) for c in CATEGORIES])
            brier_msg_sum += (top - (1.0 if gc else 0.0)) ** 2

    ok = True
    print(f"Sensitive-data detection on {args.gold}: {len(gold)} messages")
    print()
    header = f"{'language':<10} {'sensitive':>9} {'recall':>16} {'harmless':>8} {'false alarms':>16}"
    if has_verdict:
        header += f" {'sovereign: recall':>18} {'harmless routed':>16}"
    print(header)
    total = Counter()
    for lang in LANGS + sorted(set(by_lang) - set(LANGS)):
        s = by_lang.get(lang)
        if not s:
            continue
        total.update(s)
        line = f"{lang:<10} {s['pos']:>9} {rate(s['tp'], s['pos']):>16} {s['neg']:>8} {rate(s['fp'], s['neg']):>16}"
        if has_verdict:
            line += f" {rate(s['routed_tp'], s['pos']):>18} {rate(s['routed_fp'], s['neg']):>16}"
        print(line)
        if s["pos"] and s["tp"] / s["pos"] < RECALL_TARGET:
            ok = False
        if s["neg"] and s["fp"] / s["neg"] > FALSE_ALARM_TARGET:
            ok = False
    line = f"{'all':<10} {total['pos']:>9} {rate(total['tp'], total['pos']):>16} {total['neg']:>8} {rate(total['fp'], total['neg']):>16}"
    if has_verdict:
        line += f" {rate(total['routed_tp'], total['pos']):>18} {rate(total['routed_fp'], total['neg']):>16}"
    print(line)
    print()
    print("Per category: recall = messages of that category where it was predicted; false alarms = harmless messages")
    print("where it was predicted; 'on other sensitive' = sensitive messages of other categories where it was predicted.")
    print(f"{'category':<17} {'n':>3} {'recall':>16} {'false alarms':>16} {'on other sensitive':>20}")
    for c in CATEGORIES:
        s = by_cat[c]
        print(f"{c:<17} {s['pos']:>3} {rate(s['tp'], s['pos']):>16} {rate(s['fp'], s['neg']):>16} {rate(s['other_fp'], s['other_pos']):>20}")
    print()
    print("Confusion (rows: labelled category, columns: predicted; a message with several labels or predictions counts in each cell)")
    columns = CATEGORIES + ["(none)"]
    short = {c: c[:6] for c in columns}
    short["politicalOpinion"], short["criminalRecord"], short["ethnicOrigin"] = "polit", "crimin", "ethnic"
    print(f"{'':<17}" + "".join(f"{short[c]:>7}" for c in columns))
    for r in columns:
        if not confusion.get(r):
            continue
        print(f"{r:<17}" + "".join(f"{confusion[r][c]:>7}" for c in columns))
    if has_scores:
        print()
        print(f"Brier score per category and message (9 x {len(gold)}): {brier_sum / brier_n:.4f}")
        print(f"Brier score of the message-level score (highest category): {brier_msg_sum / len(gold):.4f}")
    print()
    print(f"Targets (recall >= {RECALL_TARGET} in every language, false alarms <= {FALSE_ALARM_TARGET:.0%}): {'met' if ok else 'MISSED'}")
    if args.verbose:
        print()
        for gid, cats, scores, text in misses:
            shown = "" if scores is None else " " + json.dumps({k: round(v, 2) for k, v in scores.items() if v >= 0.05})
            print(f"MISS  {gid} {cats}{shown}: {text}")
        for gid, cats, text in alarms:
            print(f"ALARM {gid} {cats}: {text}")
    if args.strict and not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
