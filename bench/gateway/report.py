"""Turns one bench/run into a markdown report: prints it, and with --write replaces the "## Gateway" section of
BENCHMARKS.md (creating the file, with its other sections pending, when it does not exist).

  python3 report.py --results bench/results/gateway/results.jsonl --meta bench/results/gateway/meta.json [--write BENCHMARKS.md]

Only the standard library: it runs with the system python3. The hand-written reading of the figures is
bench/gateway/analysis.md, included as is.
"""

import argparse
import json
import os
import re
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = {
    "direct": "upstream direct",
    "nginx": "nginx (reverse proxy)",
    "thiqa": "**Thiqa**",
    "thiqa-before": "Thiqa before",
    "thiqa-faults": "Thiqa, one backend 429 on half its calls",
    "litellm": "LiteLLM proxy",
}
ORDER = ["direct", "nginx", "thiqa", "thiqa-faults", "thiqa-before", "litellm"]

SKELETON = """# Benchmarks

Figures measured on this project's own machines, each with the command that reproduces it.

## Gateway

## Privacy

see below / pending

## Transparency log

see below / pending
"""


def fmt(x, digits=2):
    if x is None:
        return "–"
    if isinstance(x, str):
        return x
    if abs(x) >= 1000:
        return f"{x:,.0f}"
    if abs(x) >= 100:
        return f"{x:.0f}"
    return f"{x:.{digits}f}"


def mark(ok):
    return "✅ met" if ok else "❌ not met"


def errors(r):
    e = {k[4:]: v for k, v in r.items() if k.startswith("err_") and v}
    if r.get("failed"):
        return "no result"
    return ", ".join(f"{k} {v}" for k, v in e.items()) or "0"


def build(results, meta):
    by = {(r["target"], r["mode"], r["c"]): r for r in results}
    cs = [int(c) for c in meta["concurrency"]]
    scs = [int(c) for c in meta.get("stream_concurrency", [meta.get("stream_c", 16)])]
    L = []
    w = L.append

    w(f"Measured {meta['date']} on {meta['nproc']} cores ({meta['cpu']}), Linux {meta['kernel']}; Thiqa "
      f"`{meta['thiqa_commit']}`, nginx {meta['nginx_version']}, LiteLLM {meta['litellm_version'] or '(skipped)'}, "
      f"{meta['wrk_version']}. Load average (1/5/15 min) before the run {meta.get('load_before', '?')}, "
      f"after {meta.get('load_after', '?')}: anything above ~0 means other work shared the cores.")
    w("")
    w("Reproduce with `make bench` (it builds what is missing, then runs `bench/run`). Method "
      "(`bench/upstream/README.md`): on loopback, each target alone with the fake upstream "
      "(`bench/upstream`, nginx + Lua), "
      f"`wrk -t1 -cC -d{meta['duration_s']}s --timeout 10s -s bench/gateway/wrk-chat.lua URL` after a "
      f"{meta['warmup_s']} s warm-up, C = {', '.join(map(str, cs))}; streaming (`WRK_STREAM=1`, 20 SSE chunks) at C = {', '.join(map(str, scs))}. "
      "*Added* latency is a gateway's p50/p99 minus the upstream's own at the same C in the same run.")
    if meta["litellm_version"] and meta["litellm_duration_s"] != meta["duration_s"]:
        w(f"LiteLLM was measured for {meta['litellm_duration_s']} s per point instead of {meta['duration_s']} s (it is slow).")
    w("")
    w("Configurations (`bench/gateway/`): Thiqa `thiqa-bench.json` (SQLite in a fresh temporary folder, "
      "`log.level` **warning**, one backend `fake`, a `bench` key whose rate limit is raised to 10⁸/min), "
      "every request authenticated by key, routed, and **durably recorded** as an interaction "
      "(SQLite WAL, `synchronous=FULL`, group commit) before the response completes; "
      "nginx `nginx-proxy.conf` (`worker_processes auto`, keep-alive to the upstream, `proxy_buffering off`); "
      "LiteLLM `litellm.yaml` (one model `fake` → `openai/fake` at the upstream, no database, a master key, "
      "`LITELLM_LOG=ERROR`, its default single worker). wrk sends a bearer key to Thiqa and to LiteLLM.")
    w("")

    # Main table
    w("| target | C | req/s | p50 ms | p99 ms | added p50 ms | added p99 ms | errors |")
    w("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")

    def added(t, mode, c):
        r, base = by.get((t, mode, c)), by.get(("direct", mode, c))
        if not r or not base or r.get("lat_p50_ms") is None or base.get("lat_p50_ms") is None:
            return None, None
        return r["lat_p50_ms"] - base["lat_p50_ms"], r["lat_p99_ms"] - base["lat_p99_ms"]

    rows = [(t, "chat", c) for t in ORDER for c in cs] + [(t, "stream", c) for t in ORDER for c in scs]
    for t, mode, c in rows:
        r = by.get((t, mode, c))
        if not r:
            continue
        a50, a99 = added(t, mode, c) if t != "direct" else (None, None)
        name = LABELS[t] + (" stream" if mode == "stream" else "")
        w(f"| {name} | {c} | {fmt(r.get('rps'), 1)} | {fmt(r.get('lat_p50_ms'), 3)} | {fmt(r.get('lat_p99_ms'), 3)} | "
          f"{fmt(a50, 3) if t != 'direct' else '–'} | {fmt(a99, 3) if t != 'direct' else '–'} | {errors(r)} |")
    w("")

    faults, healthy = by.get(("thiqa-faults", "chat", 16)), by.get(("thiqa", "chat", 16))
    if faults and healthy and healthy.get("rps"):
        share = faults["rps"] / healthy["rps"]
        non2xx = faults.get("err_status", 0)
        w("### Backend faults (issue 16): one of two backends answers 429 to half its calls, C = 16")
        w("")
        w("| run | req/s | p50 ms | p99 ms | non-2xx answers | throughput vs all-healthy | goal | verdict |")
        w("| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |")
        w(f"| all healthy (one backend) | {fmt(healthy['rps'], 1)} | {fmt(healthy.get('lat_p50_ms'), 3)} | {fmt(healthy.get('lat_p99_ms'), 3)} | "
          f"{healthy.get('err_status', 0)} | – | – | – |")
        w(f"| one backend 429 on half its calls | {fmt(faults['rps'], 1)} | {fmt(faults.get('lat_p50_ms'), 3)} | "
          f"{fmt(faults.get('lat_p99_ms'), 3)} | {non2xx} | {100 * share:.1f} % | no 429, ≥ 90 % | "
          f"{mark(non2xx == 0 and share >= 0.9)} |")
        w("")

    if any(r["target"] == "thiqa-before" for r in results):
        label = meta.get("before_label") or "the older build"
        w(f"### This build against {label}, same run (issue 7: plain calls within 5 % of their nginx ratio)")
        w("")
        w("Ratio = Thiqa's added p50 over nginx's added p50 at the same C in this run (lower is better); throughput as a "
          "share of nginx's. The streamed rows carry the one more durable write a stream now makes before its first byte.")
        w("")
        w("| C | mode | added p50 ratio before | after | change | req/s share of nginx before | after | change |")
        w("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for mode, cs_ in [("chat", cs), ("stream", scs)]:
            for c in cs_:
                n50, _ = added("nginx", mode, c)
                a50, _ = added("thiqa", mode, c)
                b50, _ = added("thiqa-before", mode, c)
                nr, ar, br = by.get(("nginx", mode, c)), by.get(("thiqa", mode, c)), by.get(("thiqa-before", mode, c))
                if None in (n50, a50, b50) or not (nr and ar and br) or not n50:
                    continue
                ra, rb = a50 / n50, b50 / n50
                sa, sb = ar["rps"] / nr["rps"], br["rps"] / nr["rps"]
                w(f"| {c} | {mode} | {rb:.1f}× | {ra:.1f}× | {100 * (ra / rb - 1):+.1f} % | {100 * sb:.1f} % | {100 * sa:.1f} % | "
                  f"{100 * (sa / sb - 1):+.1f} % |")
        w("")

    # Issue 15's targets, as ratios against nginx in this run
    fs = [f for f in meta.get("fsync", []) if f]
    w("### Targets (issue 15): ratios against nginx and the machine's fsync, this run")
    w("")
    if fs:
        w("fdatasync of a 4 KiB append in Thiqa's database folder (`bench/gateway/fsync.py`, 2,000 calls): "
          + "; ".join(f"{lbl} the gateways p50 {f['p50_ms']:.3f} ms, p99 {f['p99_ms']:.3f} ms"
                      for lbl, f in zip(("before", "after"), fs)) + ". The C = 1 bound uses the lower p50.")
        w("")
    # The quieter of the two probes: the floor is what the disk can do, and the bound stays the tighter one.
    fsync50 = min(f["p50_ms"] for f in fs) if fs else None
    w("| target | C | Thiqa | nginx / floor | ratio | goal | verdict |")
    w("| --- | ---: | ---: | ---: | ---: | --- | --- |")
    goals = []
    for who, label in [("thiqa", "Thiqa"), ("thiqa-before", "Thiqa before")]:
        if not any(r["target"] == who for r in results):
            continue
        t, n = by.get((who, "chat", 64)), by.get(("nginx", "chat", 64))
        if t and n and n.get("rps"):
            share = t["rps"] / n["rps"]
            ok = share >= 0.25
            if who == "thiqa":
                goals.append(ok)
            w(f"| {label}: throughput share of nginx | 64 | {fmt(t['rps'], 1)} req/s | {fmt(n['rps'], 1)} req/s | "
              f"{100 * share:.1f} % | ≥ 25 % | {mark(ok)} |")
        for c in (16, 64):
            t50, _ = added(who, "chat", c)
            n50, _ = added("nginx", "chat", c)
            if t50 is None or n50 is None:
                continue
            if n50 <= 0:
                w(f"| {label}: added p50 vs nginx | {c} | {t50:.3f} ms | {n50:.3f} ms | – | ≤ 3× | nginx added nothing measurable |")
                continue
            ok = t50 <= 3 * n50
            if who == "thiqa":
                goals.append(ok)
            w(f"| {label}: added p50 vs nginx | {c} | {t50:.3f} ms | {n50:.3f} ms | {t50 / n50:.1f}× | ≤ 3× | {mark(ok)} |")
        t50, _ = added(who, "chat", 1)
        if t50 is not None and fsync50 is not None:
            bound = fsync50 + 0.15
            ok = t50 <= bound
            if who == "thiqa":
                goals.append(ok)
            w(f"| {label}: added p50 vs fsync p50 + 0.15 ms | 1 | {t50:.3f} ms | {bound:.3f} ms | {t50 / bound:.1f}× | "
              f"≤ fsync p50 + 0.15 ms | {mark(ok)} |")
        for c in scs:
            ts, _ = added(who, "stream", c)
            tp, _ = added(who, "chat", c)
            ns, _ = added("nginx", "stream", c)
            np_, _ = added("nginx", "chat", c)
            if None in (ts, tp, ns, np_):
                continue
            per, nper = (ts - tp) / 20 * 1000, (ns - np_) / 20 * 1000
            ok = per <= nper + 50
            if who == "thiqa":
                goals.append(ok)
            w(f"| {label}: streaming overhead per chunk | {c} | {per:.1f} µs | {nper:.1f} µs | – | ≤ nginx's + 50 µs | {mark(ok)} |")
    w("")
    if goals:
        w(f"Issue 15, this build: **{sum(goals)} of {len(goals)} targets met** in this run.")
        w("")

    # Targets
    w("### Targets (issue 2, item 10)")
    w("")
    w("| target | C | Thiqa | reference | ratio | goal | verdict |")
    w("| --- | ---: | ---: | ---: | ---: | --- | --- |")
    verdicts = {}
    for c in cs:
        t50, _ = added("thiqa", "chat", c)
        n50, _ = added("nginx", "chat", c)
        if t50 is None or n50 is None:
            continue
        if n50 <= 0:
            w(f"| added p50 vs nginx | {c} | {t50:.3f} ms | {n50:.3f} ms | – | ≤ 2× | nginx added nothing measurable |")
            continue
        ratio = t50 / n50
        verdicts.setdefault("latency", []).append(ratio <= 2)
        w(f"| added p50 vs nginx | {c} | {t50:.3f} ms | {n50:.3f} ms | {ratio:.1f}× | ≤ 2× | {mark(ratio <= 2)} |")
    for mode, c in [("stream", c) for c in scs if c == 16]:
        t50, _ = added("thiqa", mode, c)
        n50, _ = added("nginx", mode, c)
        if t50 is not None and n50 is not None and n50 > 0:
            ratio = t50 / n50
            w(f"| added p50 vs nginx, streaming | {c} | {t50:.3f} ms | {n50:.3f} ms | {ratio:.1f}× | ≤ 2× (informative) | "
              f"{mark(ratio <= 2)} |")
    for c in cs:
        t, l = by.get(("thiqa", "chat", c)), by.get(("litellm", "chat", c))
        if not t or not l or not l.get("rps"):
            continue
        ratio = t["rps"] / l["rps"]
        verdicts.setdefault("throughput", []).append(ratio >= 10)
        w(f"| throughput vs LiteLLM | {c} | {fmt(t['rps'], 1)} req/s | {fmt(l['rps'], 1)} req/s | {ratio:.0f}× | ≥ 10× | "
          f"{mark(ratio >= 10)} |")
    rs, ra = meta["thiqa_rss_start_kib"] / 1024, meta["thiqa_rss_after_kib"] / 1024
    w(f"| idle RSS after start | – | {rs:.1f} MiB | – | – | ≤ 64 MB | {mark(rs <= 64)} |")
    w(f"| idle RSS after the load | – | {ra:.1f} MiB | – | – | ≤ 64 MB | {mark(ra <= 64)} |")
    verdicts["rss"] = [rs <= 64, ra <= 64]
    tok = None
    if meta.get("tokens") and os.path.exists(meta["tokens"]):
        tok = json.load(open(meta["tokens"]))
        # Paired: run i through Thiqa against run i direct (taken back to back), the median of those ratios, so
        # that a burst of other work on the machine during one pair does not decide the verdict.
        pairs = [t["tok_per_s"] / d["tok_per_s"] for t, d in zip(tok["thiqa"]["runs"], tok["direct"]["runs"]) if d["tok_per_s"]]
        ratio = statistics.median(pairs) if pairs else 0.0
        tok["paired"] = pairs
        verdicts["tokens"] = [ratio >= 0.95]
        w(f"| bundled model tokens/s (median of paired runs) | 1 | {tok['thiqa']['median_tok_per_s']:.1f} tok/s | "
          f"{tok['direct']['median_tok_per_s']:.1f} tok/s (direct) | {ratio * 100:.1f} % | ≥ 95 % | {mark(ratio >= 0.95)} |")
    w("")
    summary = []
    for name, label in [("latency", "added p50 ≤ 2× nginx"), ("throughput", "≥ 10× LiteLLM"), ("rss", "idle RSS ≤ 64 MB"),
                        ("tokens", "tokens/s ≥ 95 % of direct")]:
        v = verdicts.get(name)
        if v is None:
            summary.append(f"{label}: not measured")
        elif all(v):
            summary.append(f"{label}: **met**")
        elif any(v):
            summary.append(f"{label}: **met at {sum(v)} of {len(v)} points**")
        else:
            summary.append(f"{label}: **not met**")
    w("In short: " + "; ".join(summary) + ".")
    w("")

    # Memory and recording
    w("### Memory and recording")
    w("")
    w(f"- Thiqa resident set: {rs:.1f} MiB idle after start, {ra:.1f} MiB idle after the load "
      f"(process {'still running' if meta['thiqa_alive_after'] == 'yes' else '**had exited**'}).")
    if meta["litellm_version"]:
        w(f"- LiteLLM resident set: {meta['litellm_rss_start_kib'] / 1024:.0f} MiB idle after start, "
          f"{meta['litellm_rss_after_kib'] / 1024:.0f} MiB after the load.")
    total = sum(r.get("requests", 0) for r in results if r["target"] == "thiqa")
    w(f"- Interactions in Thiqa's database after the runs: {meta['thiqa_interactions']} (wrk counted {total:,} completed "
      f"requests in the measured windows; warm-ups add to the database). Thiqa log lines at `warning` and above: "
      f"{meta['thiqa_log_lines']}.")
    w("")

    if tok:
        w("### Bundled model through Thiqa")
        w("")
        w(f"Gemma 3 270M (Q4_K_M, llama.cpp server from `scripts/model-server`, 2 threads), {meta['token_runs']} streamed "
          f"requests each way with `max_tokens` {meta['max_tokens']}, temperature 0, alternating direct/Thiqa "
          "(`bench/gateway/tokens.py`, `openai` client). Tokens are streamed content chunks (llama.cpp streams one "
          "token per chunk and sends no usage in streams; Thiqa's final chunk carries an estimated usage that matches). "
          "Rate = tokens / whole request time, first token included. `thiqa-model.json` sets `healthCheckIntervalMs` to one hour: see the reading below for why.")
        w("")
        w("| path | tokens | seconds | tokens/s | median tokens/s | median decode tokens/s | median first token ms |")
        w("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for p in ("direct", "thiqa"):
            s = tok[p]
            w(f"| {p} | {s['tokens']} | {s['seconds']:.2f} | {s['tok_per_s']:.1f} | {s['median_tok_per_s']:.1f} | "
              f"{s['median_decode_tok_per_s']:.1f} | {s['median_ttft_ms']:.0f} |")
        usage = [r.get("usage_completion_tokens") for r in tok["thiqa"]["runs"]]
        counted = [r["tokens"] for r in tok["thiqa"]["runs"]]
        w("")
        w("Thiqa/direct per pair of back-to-back runs: " + ", ".join(f"{p * 100:.0f} %" for p in tok["paired"])
          + f"; the ratio of the totals is {tok['ratio'] * 100:.1f} %.")
        w("")
        w(f"Thiqa's usage per request: {usage} (estimated: "
          f"{sorted({r.get('usage_estimated') for r in tok['thiqa']['runs']}, key=str)}); chunks counted: {counted}.")
        w("")

    analysis = os.path.join(HERE, "analysis.md")
    if os.path.exists(analysis):
        text = open(analysis).read().strip()
        if text:
            w(text)
            w("")
    return "\n".join(L).rstrip() + "\n"


def write_section(path, body):
    text = open(path).read() if os.path.exists(path) else SKELETON
    section = "## Gateway\n\n" + body + "\n"
    m = re.search(r"^## Gateway[ \t]*\n", text, flags=re.M)
    if m:
        nxt = re.search(r"^## (?!#)", text[m.end():], flags=re.M)
        end = m.end() + nxt.start() if nxt else len(text)
        text = text[: m.start()] + section + text[end:]
    else:
        # Put it first among the sections.
        first = re.search(r"^## ", text, flags=re.M)
        at = first.start() if first else len(text)
        text = text[:at] + section + ("\n" if first else "") + text[at:]
    for heading in ("## Privacy", "## Transparency log"):
        if not re.search(rf"^{re.escape(heading)}\s*$", text, flags=re.M):
            text = text.rstrip() + f"\n\n{heading}\n\nsee below / pending\n"
    with open(path, "w") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--results", required=True)
    ap.add_argument("--meta", required=True)
    ap.add_argument("--write")
    a = ap.parse_args()
    results = [json.loads(line) for line in open(a.results) if line.strip()]
    meta = json.load(open(a.meta))
    body = build(results, meta)
    print(body)
    if a.write:
        write_section(a.write, body)
        print(f"(written to the Gateway section of {a.write})", file=sys.stderr)


if __name__ == "__main__":
    main()
