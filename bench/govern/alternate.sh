#!/usr/bin/env bash
# alternate.sh WITH WITHOUT [ROUNDS] [SECONDS]: the govern step's cost as a ratio, on a machine whose load moves.
# One bench/run measures the two builds minutes apart, so a change of load between them shows up as a difference
# (it did on 2026-12-01: the build without the step came out 35 % slower). Here each round serves both builds in
# turn, the order flipped every round, each on a fresh SQLite with the bench configuration (bench/gateway/profile.sh
# NOPERF=1: 3 s warm-up, then SECONDS of wrk), at C = 1, 16 and 64 (BENCH_CONCURRENCY), plain calls
# (BENCH_STREAM=1: streamed), for the bench's legacy-draft use case (BENCH_DECLARED=1: declared, limited risk). Prints every run, then per C the median req/s of each build, the median of the
# per-round ratios, and their range.
set -euo pipefail
with=$1 without=$2 rounds=${3:-5} secs=${4:-8}
root=$(cd "$(dirname "$0")/../.." && pwd)
stream=${BENCH_STREAM:-0}
runs=$(mktemp)
trap 'rm -f "$runs"' EXIT
for round in $(seq "$rounds"); do
  for c in ${BENCH_CONCURRENCY:-1 16 64}; do
    order=(with without)
    (( round % 2 == 0 )) && order=(without with)
    for build in "${order[@]}"; do
      bin=$with; [[ $build == without ]] && bin=$without
      output=$(NOPERF=1 "$root/bench/gateway/profile.sh" "$bin" "govern-$build" "$c" "$secs" "$stream")
      line=$(grep RESULT <<<"$output")
      cpu=$(grep CPU_SECONDS <<<"$output" | cut -d' ' -f2)
      echo "$round $c $build $cpu ${line#RESULT }" | tee -a "$runs" >&2
    done
  done
done
python3 - "$runs" <<'PY'
import json, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    round_, c, build, cpu, result = line.split(" ", 4)
    run = json.loads(result)
    run["cpu_us"] = float(cpu) * 1e6 / max(1, run["requests"])
    rows.setdefault(int(c), {}).setdefault(int(round_), {})[build] = run
print("| C | with: req/s (p50 ms) | without: req/s (p50 ms) | req/s with / without (range) | CPU µs per request, with / without | CPU with / without (range) | rounds |")
print("| ---: | ---: | ---: | --- | --- | --- | ---: |")
for c in sorted(rows):
    rounds = [r for r in rows[c].values() if "with" in r and "without" in r]
    med = lambda build, key: statistics.median(r[build][key] for r in rounds)
    rps = sorted(r["with"]["rps"] / r["without"]["rps"] for r in rounds)
    cpu = sorted(r["with"]["cpu_us"] / r["without"]["cpu_us"] for r in rounds)
    print(f"| {c} | {med('with', 'rps'):,.0f} ({med('with', 'lat_p50_ms'):.3f}) | {med('without', 'rps'):,.0f} ({med('without', 'lat_p50_ms'):.3f}) | "
          f"{statistics.median(rps):.3f} ({rps[0]:.3f}–{rps[-1]:.3f}) | {med('with', 'cpu_us'):.0f} / {med('without', 'cpu_us'):.0f} | "
          f"{statistics.median(cpu):.3f} ({cpu[0]:.3f}–{cpu[-1]:.3f}) | {len(rounds)} |")
PY
