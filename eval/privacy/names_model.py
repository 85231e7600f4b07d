#!/usr/bin/env python3
"""Trains the name model and writes Sources/ThiqaPrivacy/Names/NameModelWeights.swift.

    names_model.py --bench PRIVACY_BENCH SET [SET ...] [--folds K] [--l2 L] [--out PATH] [--no-write]

SET: a hand-annotated marked names file (names.dev.txt, names.heldout*.txt; converted with make_devset.py --marked)
or a JSONL set (devset.jsonl). For every message the script asks `privacy-bench --name-candidates` for the words
the rules leave undecided (with their hashed features) and for the PERSON findings of the rules alone (the binary's
own weights change neither); a word's label is whether its span is a gold PERSON span.

Model: logistic regression over the hashed features (L2-regularised, full-batch Adam, deterministic). Reports
k-fold cross-validation by message (the folds split every set, so each language is in each fold): PERSON P/R/F1 per
set and language and the look-alike messages flagged, for the rules alone and for the rules with the model trained on
the other folds. The thresholds (one logit per candidate class) are chosen on the pooled out-of-fold scores: the
one that maximises right findings added minus --cost (5) times wrong ones (double on a look-alike message), with
a floor of probability 0.6. Then it refits on everything and writes the weights (signed 16-bit, 4 hex digits per bucket).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict

import numpy as np

BUCKETS = 4096
CLASSES = ["given name without cue", "capitalised Latin word", "Tifinagh word"]
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def load_set(path):
    if path.endswith(".jsonl"):
        with open(path, encoding="utf-8") as f:
            text = f.read()
    else:
        text = subprocess.run([sys.executable, os.path.join(HERE, "make_devset.py"), "--marked", path], check=True,
                              capture_output=True, text=True).stdout
    items = [json.loads(line) for line in text.splitlines() if line.strip()]
    return items, text


def run_bench(bench, flag, text):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        f.write(text)
        name = f.name
    try:
        out = subprocess.run([bench, flag, name], check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(name)
    return {d["id"]: d for d in (json.loads(line) for line in out.splitlines() if line.strip())}


def collect(bench, paths):
    messages = []
    for path in paths:
        items, text = load_set(path)
        cands = run_bench(bench, "--name-candidates", text)
        for item in items:
            gold = {(e["start"], e["end"]) for e in item["entities"] if e["type"] == "PERSON"}
            pred = {tuple(r) for r in cands[item["id"]]["rules"]}
            cs = []
            for c in cands[item["id"]]["candidates"]:
                span = (c["start"], c["end"])
                if any(s < span[1] and span[0] < e for s, e in pred):
                    sys.exit(f"{item['id']}: candidate {span} overlaps a finding of the rules")
                cs.append((span, c["class"], np.array(c["features"], dtype=np.int64), 1.0 if span in gold else 0.0))
            messages.append({"set": os.path.basename(path), "id": item["id"], "lang": item.get("lang", "?"),
                             "lookalike": bool(item.get("lookalike")), "gold": gold, "pred": pred, "cands": cs})
    return messages


def fit(rows, labels, l2, iters=600, lr=0.05):
    """Logistic regression on sparse binary rows (lists of bucket ids; repeats count), Adam, deterministic."""
    n = len(rows)
    w = np.zeros(BUCKETS)
    if n == 0:
        return w
    r = np.concatenate([np.full(len(x), i) for i, x in enumerate(rows)])
    c = np.concatenate(rows)
    y = np.array(labels)
    m = np.zeros(BUCKETS)
    v = np.zeros(BUCKETS)
    for k in range(1, iters + 1):
        z = np.bincount(r, weights=w[c], minlength=n)
        p = 1 / (1 + np.exp(-z))
        g = np.bincount(c, weights=(p - y)[r], minlength=BUCKETS) / n + l2 * w
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        w -= lr * (m / (1 - 0.9 ** k)) / (np.sqrt(v / (1 - 0.999 ** k)) + 1e-8)
    return w


def logit(w, x):
    return float(w[x].sum())


def score(messages, added):
    """PERSON exact-match counts per (set, lang) and look-alike messages with a finding; `added` maps message index
    to extra spans."""
    counts = defaultdict(lambda: [0, 0, 0])
    looks = defaultdict(int)
    for i, msg in enumerate(messages):
        pred = msg["pred"] | added.get(i, set())
        key = (msg["set"], msg["lang"])
        tp = len(pred & msg["gold"])
        counts[key][0] += tp
        counts[key][1] += len(pred) - tp
        counts[key][2] += len(msg["gold"]) - tp
        if msg["lookalike"] and pred:
            looks[msg["set"]] += 1
    return counts, looks


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def choose_thresholds(oof, messages, cost):
    """Per class, the logit (probability >= 0.6) that maximises right findings added minus `cost` times wrong ones
    on the out-of-fold scores; a wrong finding on a look-alike message counts double."""
    out = []
    for cls in range(len(CLASSES)):
        pts = sorted(((z, messages[i]["lookalike"], y) for (i, j), (z, c, y) in oof.items() if c == cls), reverse=True)
        best, best_gain, gain = 1e9, 0.0, 0.0
        for z, look, y in pts:
            if z < np.log(0.6 / 0.4):
                break
            gain += 1 if y else -cost * (2 if look else 1)
            if gain > best_gain:
                best, best_gain = z, gain
        out.append(best)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", required=True)
    ap.add_argument("sets", nargs="+")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--out", default=os.path.join(ROOT, "Sources/ThiqaPrivacy/Names/NameModelWeights.swift"))
    ap.add_argument("--cost", type=float, default=5.0, help="cost of a wrong finding in right findings (threshold choice)")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()

    messages = collect(args.bench, args.sets)
    allc = [(i, j) for i, m in enumerate(messages) for j in range(len(m["cands"]))]
    print(f"{len(messages)} messages, {len(allc)} candidates, {sum(m['cands'][j][3] for i, m in enumerate(messages) for j in range(len(m['cands'])) if True):.0f} of them names")
    for cls, name in enumerate(CLASSES):
        n = [messages[i]["cands"][j] for i, j in allc if messages[i]["cands"][j][1] == cls]
        print(f"  class {cls} ({name}): {len(n)} candidates, {int(sum(c[3] for c in n))} names")

    # k-fold by message, every set split the same way (message index modulo k within its set).
    fold_of = {}
    per_set = defaultdict(int)
    for i, m in enumerate(messages):
        fold_of[i] = per_set[m["set"]] % args.folds
        per_set[m["set"]] += 1
    oof = {}
    for k in range(args.folds):
        train = [(i, j) for i, j in allc if fold_of[i] != k]
        w = fit([messages[i]["cands"][j][2] for i, j in train], [messages[i]["cands"][j][3] for i, j in train], args.l2)
        for i, j in allc:
            if fold_of[i] == k:
                c = messages[i]["cands"][j]
                oof[(i, j)] = (logit(w, c[2]), c[1], c[3])
    thresholds = choose_thresholds(oof, messages, args.cost)
    added = defaultdict(set)
    for (i, j), (z, c, y) in oof.items():
        if z >= thresholds[c]:
            added[i].add(messages[i]["cands"][j][0])
    before, looks_before = score(messages, {})
    after, looks_after = score(messages, added)
    print(f"\nthresholds (logit) per class: {', '.join(f'{t:.2f}' for t in thresholds)}")
    print(f"\n{args.folds}-fold cross-validation by message, PERSON exact match: rules alone -> rules + model")
    print("| set | language | F1 rules | F1 +model | P +model | R +model | support |")
    print("|---|---|---:|---:|---:|---:|---:|")
    tot_b, tot_a = [0, 0, 0], [0, 0, 0]
    for key in sorted(before):
        b, a = before[key], after[key]
        for t, s in ((tot_b, b), (tot_a, a)):
            for q in range(3):
                t[q] += s[q]
        pa = prf(*a)
        print(f"| {key[0]} | {key[1]} | {prf(*b)[2]:.3f} | {pa[2]:.3f} | {pa[0]:.3f} | {pa[1]:.3f} | {b[0] + b[2]} |")
    pa = prf(*tot_a)
    print(f"| all | all | {prf(*tot_b)[2]:.3f} | {pa[2]:.3f} | {pa[0]:.3f} | {pa[1]:.3f} | {tot_b[0] + tot_b[2]} |")
    sets = sorted({m["set"] for m in messages})
    print("\nlook-alike messages with a PERSON finding (rules alone -> rules + model): "
          + ", ".join(f"{s} {looks_before[s]} -> {looks_after[s]}" for s in sets))
    fixed = sum(1 for i in added for s in added[i] if s in messages[i]["gold"])
    wrong = sum(1 for i in added for s in added[i] if s not in messages[i]["gold"])
    print(f"out-of-fold findings added: {fixed} right, {wrong} wrong")
    if os.environ.get("NAMES_MODEL_VERBOSE"):
        for i in sorted(added):
            for s in added[i]:
                m = messages[i]
                print(f"  {'+' if s in m['gold'] else '-'} {m['id']} {s}")

    w = fit([messages[i]["cands"][j][2] for i, j in allc], [messages[i]["cands"][j][3] for i, j in allc], args.l2)
    if args.no_write:
        return
    scale = max(1e-9, float(np.abs(w).max())) / 32767
    q = np.round(w / scale).astype(np.int64)
    hexs = "".join(f"{int(v) & 0xFFFF:04x}" for v in q)
    lines = "\n".join(hexs[i:i + 128] for i in range(0, len(hexs), 128))
    names = ", ".join(os.path.relpath(p, ROOT) for p in args.sets)
    src = f'''// Generated by eval/privacy/names_model.py from {names}; do not edit.
// Regenerate: eval/privacy/names_model.sh (see Sources/ThiqaPrivacy/Names/README.md).

/// The name model's weights: {BUCKETS} hashed feature buckets, logistic regression (L2 = {args.l2}) over
/// {len(allc)} candidate words of {len(messages)} hand-annotated messages.
enum NameModelWeights {{
    static let bucketCount = {BUCKETS}
    static let scale = {scale!r}
    /// Logit thresholds per candidate class ({", ".join(CLASSES)}), chosen on {args.folds}-fold out-of-fold scores.
    static let threshold: [Double] = [{", ".join(f"{t:.4f}" if t < 1e8 else "1e9" for t in thresholds)}]
    static let encoded = """
{lines}
"""
}}
'''
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(src)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
