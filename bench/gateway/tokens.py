"""Tokens per second of the bundled model, streamed directly and through Thiqa, alternating.

Run by bench/run with the project's .venv (it has the `openai` package):
  python tokens.py --direct http://127.0.0.1:8094/v1 --thiqa http://127.0.0.1:8090/v1 --key KEY --runs 5 --out FILE

Completion tokens are counted the same way on both paths: one streamed content chunk is one token (llama.cpp
streams token by token and its server sends no usage in streams). Thiqa's final chunk carries usage; it is
recorded beside (with its `usage_estimated` flag) as a cross-check. Rate = tokens / wall time of the whole
request (first byte latency included); the decode rate (after the first token) is reported too.
"""

import argparse
import json
import statistics
import sys
import time

from openai import OpenAI

PROMPT = "Explique en quelques phrases comment fonctionne une carte d'identité nationale électronique."


def one(client: OpenAI, model: str, max_tokens: int) -> dict:
    t0 = time.perf_counter()
    first = None
    tokens = 0
    usage = None
    estimated = None
    stream = client.chat.completions.create(
        model=model,
        messages=[{"role": "user", "content": PROMPT}],
        max_tokens=max_tokens,
        temperature=0,
        seed=1,
        stream=True,
    )
    for chunk in stream:
        if chunk.choices and chunk.choices[0].delta and chunk.choices[0].delta.content:
            tokens += 1
            if first is None:
                first = time.perf_counter()
        if getattr(chunk, "usage", None):
            usage = chunk.usage.completion_tokens
            extra = getattr(chunk, "model_extra", None) or {}
            estimated = (extra.get("thiqa") or {}).get("usage_estimated")
    end = time.perf_counter()
    total = end - t0
    decode = (end - first) if first else float("nan")
    return {
        "tokens": tokens,
        "seconds": round(total, 4),
        "ttft_s": round((first - t0) if first else float("nan"), 4),
        "tok_per_s": round(tokens / total, 3) if total > 0 else 0.0,
        "decode_tok_per_s": round((tokens - 1) / decode, 3) if first and tokens > 1 and decode > 0 else 0.0,
        "usage_completion_tokens": usage,
        "usage_estimated": estimated,
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--direct", required=True)
    ap.add_argument("--thiqa", required=True)
    ap.add_argument("--key", required=True)
    ap.add_argument("--model", default="gemma-3-270m")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--max-tokens", type=int, default=128)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()

    clients = {
        "direct": OpenAI(base_url=a.direct, api_key="none", timeout=300, max_retries=0),
        "thiqa": OpenAI(base_url=a.thiqa, api_key=a.key, timeout=300, max_retries=0),
    }
    one(clients["direct"], a.model, 16)  # warm-up: load caches on the model server, open connections
    one(clients["thiqa"], a.model, 16)
    runs = {"direct": [], "thiqa": []}
    for i in range(a.runs):
        order = ("direct", "thiqa") if i % 2 == 0 else ("thiqa", "direct")
        for path in order:
            r = one(clients[path], a.model, a.max_tokens)
            runs[path].append(r)
            print(f"  {path:6s} run {i + 1}: {r['tokens']} tokens in {r['seconds']:.2f} s = {r['tok_per_s']:.1f} tok/s"
                  f" (first token {r['ttft_s'] * 1000:.0f} ms, usage {r['usage_completion_tokens']}"
                  f"{', estimated' if r['usage_estimated'] else ''})", file=sys.stderr)

    def summary(rs: list) -> dict:
        tokens = sum(r["tokens"] for r in rs)
        seconds = sum(r["seconds"] for r in rs)
        return {
            "runs": rs,
            "tokens": tokens,
            "seconds": round(seconds, 3),
            "tok_per_s": round(tokens / seconds, 3) if seconds else 0.0,
            "median_tok_per_s": round(statistics.median(r["tok_per_s"] for r in rs), 3),
            "median_decode_tok_per_s": round(statistics.median(r["decode_tok_per_s"] for r in rs), 3),
            "median_ttft_ms": round(statistics.median(r["ttft_s"] for r in rs) * 1000, 1),
        }

    out = {"model": a.model, "max_tokens": a.max_tokens, "direct": summary(runs["direct"]), "thiqa": summary(runs["thiqa"])}
    d, t = out["direct"]["tok_per_s"], out["thiqa"]["tok_per_s"]
    out["ratio"] = round(t / d, 4) if d else 0.0
    with open(a.out, "w") as f:
        json.dump(out, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
