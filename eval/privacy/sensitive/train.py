#!/usr/bin/env python3
"""Trains the sensitive-data model and writes Sources/ThiqaPrivacy/Sensitive/SensitiveModel.swift.

    train.py FEATURES.jsonl LABELS.jsonl [LABELS2.jsonl ...] [--out PATH] [--l2 L] [--gram-l2 L] [--no-grams]

FEATURES lines come from `privacy-bench --sensitive-features` on the same labelled files (concatenated, same
order): the lexicon features per category and the hashed character-gram buckets of each message; LABELS are the
labelled JSONL sets ({"id","categories",...}).

Two models. The gram model: per category a logistic regression over the message's bucket counts divided by the
square root of its number of grams (L2-regularised, fitted by a deterministic L-BFGS written here, numpy only),
stored as one signed byte per bucket and category. The lexicon model: one logistic regression over (message,
category) pairs: shared weights per feature, per category a bias and the weights of fact_person and topic_person
(categories differ in how much a topic word next to a person says), and two shared weights of the gram model's
logit (alone, and when the category has no lexicon term). Its gram inputs are out-of-fold logits (5 folds), so
that it learns how far to trust the grams on messages they were not fitted on. Fitted by Newton's method,
deterministic. Prints the 5-fold cross-validated Brier score of the whole (both models refitted per fold).
"""
import argparse
import base64
import json
import sys

import numpy as np

CATEGORIES = ["health", "religion", "politicalOpinion", "tradeUnion", "ethnicOrigin", "sexLife", "genetic", "biometric", "criminalRecord"]
NF = 12
NG = 2  # gram logit, gram logit when the category has no lexicon term
BUCKET_BITS = 14


def design(features, grams):
    """Rows of the design matrix for one message: one row per category."""
    rows = []
    for c, x in enumerate(features):
        row = np.zeros(NF + 3 * 9 + NG)
        row[:NF] = x
        row[NF + c] = 1.0
        row[NF + 9 + c] = x[0]
        row[NF + 18 + c] = x[2]
        row[NF + 27] = grams[c]
        row[NF + 28] = grams[c] if x[0] + x[1] + x[2] + x[3] == 0 else 0.0
        rows.append(row)
    return rows


class Grams:
    """Bucket counts / sqrt(number of grams) per message, stored sparse (row, bucket, value) for speed."""

    def __init__(self, messages):
        rows, cols, vals = [], [], []
        for i, buckets in enumerate(messages):
            if not buckets:
                continue
            unique, counts = np.unique(np.array(buckets), return_counts=True)
            rows.append(np.full(len(unique), i))
            cols.append(unique)
            vals.append(counts / np.sqrt(len(buckets)))
        self.n = len(messages)
        self.rows = np.concatenate(rows) if rows else np.zeros(0, dtype=int)
        self.cols = np.concatenate(cols) if cols else np.zeros(0, dtype=int)
        self.vals = np.concatenate(vals) if vals else np.zeros(0)

    def subset(self, index):
        """The messages `index` (sorted), renumbered 0..len(index)-1."""
        out = Grams([])
        keep = np.isin(self.rows, index)
        renumber = np.full(self.n, -1)
        renumber[index] = np.arange(len(index))
        out.n, out.rows, out.cols, out.vals = len(index), renumber[self.rows[keep]], self.cols[keep], self.vals[keep]
        return out

    def times(self, W):
        """This matrix times W (buckets x 9)."""
        return np.stack([np.bincount(self.rows, weights=self.vals * W[self.cols, c], minlength=self.n) for c in range(9)], axis=1)

    def transposed_times(self, G, buckets):
        """The transpose of this matrix times G (messages x 9)."""
        return np.stack([np.bincount(self.cols, weights=self.vals * G[self.rows, c], minlength=buckets) for c in range(9)], axis=1)


def lbfgs(f, x, iterations=300, memory=10):
    """Minimises f (returning value and gradient) with L-BFGS and a backtracking line search; deterministic."""
    value, grad = f(x)
    ss, ys = [], []
    for _ in range(iterations):
        q = grad.copy()
        alphas = []
        for s_, y_ in reversed(list(zip(ss, ys))):
            a = s_ @ q / (y_ @ s_)
            alphas.append(a)
            q -= a * y_
        if ys:
            q *= (ss[-1] @ ys[-1]) / (ys[-1] @ ys[-1])
        for (s_, y_), a in zip(zip(ss, ys), reversed(alphas)):
            b = y_ @ q / (y_ @ s_)
            q += s_ * (a - b)
        direction = -q
        slope = grad @ direction
        if slope >= 0:
            direction, slope, ss, ys = -grad, -(grad @ grad), [], []
        step = 1.0
        while True:
            candidate = x + step * direction
            new_value, new_grad = f(candidate)
            if new_value <= value + 1e-4 * step * slope or step < 1e-10:
                break
            step *= 0.5
        s_, y_ = candidate - x, new_grad - grad
        if s_ @ y_ > 1e-12:
            ss.append(s_)
            ys.append(y_)
            if len(ss) > memory:
                ss.pop(0)
                ys.pop(0)
        converged = abs(value - new_value) < 1e-10 * max(1.0, abs(value))
        x, value, grad = candidate, new_value, new_grad
        if converged:
            break
    return x


def fit_grams(X, Y, l2):
    """Per-category logistic regression over gram counts: weights (buckets x 9) and biases (9)."""
    n, B = X.n, 1 << BUCKET_BITS
    prior = Y.mean(0).clip(1e-3, 1 - 1e-3)

    def f(theta):
        W, b = theta[:B * 9].reshape(B, 9), theta[B * 9:]
        P = 1 / (1 + np.exp(-(X.times(W) + b)))
        loss = -np.sum(Y * np.log(P + 1e-12) + (1 - Y) * np.log(1 - P + 1e-12)) / n + 0.5 * l2 * np.sum(W * W)
        G = (P - Y) / n
        return loss, np.concatenate([(X.transposed_times(G, B) + l2 * W).ravel(), G.sum(0)])

    theta = lbfgs(f, np.concatenate([np.zeros(B * 9), np.log(prior / (1 - prior))]))
    return theta[:B * 9].reshape(B, 9), theta[B * 9:]


def quantize(W):
    """One signed byte per weight and one scale: what SensitiveGramWeights stores."""
    scale = max(float(np.max(np.abs(W))), 1e-9) / 127
    return np.clip(np.round(W / scale), -127, 127).astype(np.int8), scale


def gram_logits(X, W, b):
    q, scale = quantize(W)
    return X.times(q.astype(np.float64) * scale) + b


def out_of_fold(X, Y, l2, folds, k=5):
    out = np.zeros((X.n, 9))
    for f in range(k):
        train, test = np.flatnonzero(folds != f), np.flatnonzero(folds == f)
        W, b = fit_grams(X.subset(train), Y[train], l2)
        out[test] = gram_logits(X.subset(test), W, b)
    return out


def stack(feats, grams, labels):
    X, y = [], []
    for f, g, lab in zip(feats, grams, labels):
        for c, row in enumerate(design(f, g)):
            X.append(row)
            y.append(1.0 if CATEGORIES[c] in lab["categories"] else 0.0)
    return np.array(X), np.array(y)


def fit(X, y, l2):
    w = np.zeros(X.shape[1])
    if X.shape[1] == 0:
        return w
    reg = np.full(X.shape[1], l2)
    reg[NF:NF + 9] = l2 * 0.01  # biases lightly regularised
    for _ in range(50):
        p = 1 / (1 + np.exp(-X @ w))
        g = X.T @ (p - y) + reg * w
        H = (X * (p * (1 - p))[:, None]).T @ X + np.diag(reg)
        step = np.linalg.solve(H, g)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return w


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("features")
    ap.add_argument("labels", nargs="+")
    ap.add_argument("--out", default="Sources/ThiqaPrivacy/Sensitive/SensitiveModel.swift")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--gram-l2", type=float, default=1e-4)
    ap.add_argument("--no-grams", action="store_true", help="train without the gram model (its weights all zero)")
    ap.add_argument("--sensitive-threshold", type=float, default=0.5)
    ap.add_argument("--uncertain-threshold", type=float, default=0.25)
    args = ap.parse_args()
    labels = []
    for path in args.labels:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if line.strip():
                    obj = json.loads(line)
                    bad = [c for c in obj["categories"] if c not in CATEGORIES]
                    if bad:
                        sys.exit(f"{path}:{n}: unknown category {bad[0]}")
                    labels.append(obj)
    feats = [json.loads(l) for l in open(args.features, encoding="utf-8") if l.strip()]
    if len(feats) != len(labels):
        sys.exit(f"{args.features}: {len(feats)} lines, labels have {len(labels)}")
    for i, (f, g) in enumerate(zip(feats, labels)):
        if f["id"] != g["id"]:
            sys.exit(f"{args.features}: line {i + 1} is {f['id']}, labels say {g['id']}")
        if "grams" not in f:
            sys.exit(f"{args.features}: line {i + 1} has no \"grams\" (privacy-bench too old)")
        if any(not 0 <= b < (1 << BUCKET_BITS) for b in f["grams"]):
            sys.exit(f"{args.features}: line {i + 1}: gram bucket outside 0..{(1 << BUCKET_BITS) - 1}")
    F = [f["features"] for f in feats]
    G = Grams([f["grams"] for f in feats])
    Y = np.array([[1.0 if c in g["categories"] else 0.0 for c in CATEGORIES] for g in labels])
    folds = np.arange(len(labels)) % 5

    def whole(train):
        """Both models fitted on the messages `train` (a boolean mask); returns a predictor for other messages."""
        idx = np.flatnonzero(train)
        if args.no_grams:
            W, b = np.zeros((1 << BUCKET_BITS, 9)), np.zeros(9)
            oof = np.zeros((len(idx), 9))
        else:
            W, b = fit_grams(G.subset(idx), Y[idx], args.gram_l2)
            oof = out_of_fold(G.subset(idx), Y[idx], args.gram_l2, np.arange(len(idx)) % 5)
        Xs, ys = stack([F[i] for i in idx], oof, [labels[i] for i in idx])
        w = fit(Xs, ys, args.l2)
        return W, b, w

    # 5-fold cross-validated Brier score, folds by message; the gram model's own folds are inside each training part.
    se, hits, sens, alarms, harmless = 0.0, 0, 0, 0, 0
    per_lang = {}
    for k in range(5):
        W, b, w = whole(folds != k)
        test = np.flatnonzero(folds == k)
        Xs, ys = stack([F[i] for i in test], gram_logits(G.subset(test), W, b), [labels[i] for i in test])
        p = (1 / (1 + np.exp(-Xs @ w))).reshape(-1, 9)
        se += float(np.sum((p.ravel() - ys) ** 2))
        for row, i in zip(p, test):
            flagged = row.max() >= args.sensitive_threshold
            lang = per_lang.setdefault(labels[i].get("lang", "?"), [0, 0, 0, 0])
            if labels[i]["categories"]:
                sens += 1
                hits += flagged
                lang[0] += 1
                lang[1] += flagged
            else:
                harmless += 1
                alarms += flagged
                lang[2] += 1
                lang[3] += flagged
    print(f"5-fold cross-validated Brier (per category and message) on {len(labels)} messages: {se / (9 * len(labels)):.4f}")
    print(f"5-fold cross-validated recall {hits / sens:.3f} ({hits}/{sens}), false alarms {alarms / harmless:.3f} ({alarms}/{harmless})")
    for lang in sorted(per_lang):
        n_pos, n_hit, n_neg, n_alarm = per_lang[lang]
        print(f"  {lang:<9} recall {n_hit / max(n_pos, 1):.3f} ({n_hit}/{n_pos})  false alarms {n_alarm / max(n_neg, 1):.3f} ({n_alarm}/{n_neg})")
    W, b, w = whole(np.ones(len(labels), dtype=bool))
    Xs, ys = stack(F, gram_logits(G, W, b), labels)
    p = 1 / (1 + np.exp(-Xs @ w))
    print(f"training Brier: {float(np.mean((p - ys) ** 2)):.4f}")
    q, scale = quantize(W)

    def arr(v):
        return "[" + ", ".join(f"{x:.4f}" for x in v) + "]"

    names = ["fact_person", "fact_alone", "topic_person", "topic_alone", "fact_person_procedural", "fact_procedural",
             "topic_procedural", "fact_benign", "topic_benign", "several_facts", "person_in_message", "fact_linked"]
    for n, v in zip(names, w[:NF]):
        print(f"  {n:<24} {v:+.3f}")
    for c, name in enumerate(CATEGORIES):
        print(f"  {name:<17} bias {w[NF + c]:+.3f}  fact_person {w[NF + 9 + c]:+.3f}  topic_person {w[NF + 18 + c]:+.3f}  gram bias {b[c]:+.3f}")
    print(f"  gram {w[NF + 27]:+.3f}  gram without a lexicon term {w[NF + 28]:+.3f}  (gram weights: {int(np.count_nonzero(q))} non-zero bytes, scale {scale:.3g})")
    sources = ", ".join(args.labels)
    swift = f"""// Generated by eval/privacy/sensitive/train.py from {sources}; do not edit.
// Regenerate: eval/privacy/sensitive/train.sh (see eval/privacy/sensitive/README.md).
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Logistic model over `SensitiveFeatures` and the character-gram logit g, trained on {len(labels)} hand-written
/// messages (L2 = {args.l2}): p = σ(bias[c] + Σ shared[k]·x[k] + factPerson[c]·x[0] + topicPerson[c]·x[2]
/// + gram·g + gramWithoutTerm·g·[no fact or topic term of c]).
enum SensitiveModel {{
    /// Feature order: {", ".join(names)}.
    static let shared: [Double] = {arr(w[:NF])}
    /// Category order: {", ".join(CATEGORIES)}.
    static let bias: [Double] = {arr(w[NF:NF + 9])}
    static let factPerson: [Double] = {arr(w[NF + 9:NF + 18])}
    static let topicPerson: [Double] = {arr(w[NF + 18:NF + 27])}
    static let gram = {w[NF + 27]:.4f}
    static let gramWithoutTerm = {w[NF + 28]:.4f}
    static let sensitiveThreshold = {args.sensitive_threshold}
    static let uncertainThreshold = {args.uncertain_threshold}

    @inline(__always)
    static func probability(category c: Int, features x: [Double], gram g: Double) -> Double {{
        let term = x[0] + x[1] + x[2] + x[3] > 0
        var z = bias[c] + factPerson[c] * x[0] + topicPerson[c] * x[2] + gram * g + (term ? 0 : gramWithoutTerm * g)
        for k in 0..<shared.count {{ z += shared[k] * x[k] }}
        return 1 / (1 + exp(-z))
    }}
}}
"""
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(swift)
    print(f"wrote {args.out}")
    encoded = base64.b64encode(q.astype(np.int8).tobytes()).decode("ascii")
    lines = "\n".join(encoded[i:i + 120] for i in range(0, len(encoded), 120))
    gram_swift = f"""// Generated by eval/privacy/sensitive/train.py from {sources}; do not edit.
// Regenerate: eval/privacy/sensitive/train.sh (see eval/privacy/sensitive/README.md).

/// The character-gram model ({"not trained: --no-grams" if args.no_grams else f"L2 = {args.gram_l2}"}): {1 << BUCKET_BITS} buckets x 9 categories, one signed byte each.
extension SensitiveGramWeights {{
    static let bucketCount = {1 << BUCKET_BITS}
    static let scale = {scale!r}
    /// Category order: {", ".join(CATEGORIES)}.
    static let bias: [Double] = {arr(b)}
    static let encoded = \"\"\"
{lines}
\"\"\"
}}
"""
    gram_out = args.out.replace("SensitiveModel.swift", "SensitiveGramWeights.swift")
    with open(gram_out, "w", encoding="utf-8") as f:
        f.write(gram_swift)
    print(f"wrote {gram_out}")


if __name__ == "__main__":
    main()
