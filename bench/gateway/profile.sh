#!/usr/bin/env bash
# profile.sh BIN LABEL C [SECONDS] [STREAM]: serves BIN (a release `thiqa`) on a fresh SQLite with the bench
# configuration, runs wrk at C for SECONDS (after a 3 s warm-up) and `perf record -F 499 -g` on the server meanwhile
# (BENCH_DECLARED=1: the use case declared from bench/gateway/registry-bench.yaml instead of a legacy draft;
# NOPERF=1: wrk only, for quick side-by-side runs, and the server's CPU seconds over the window: CPU_SECONDS;
# PERFSTAT=1: wrk with `perf stat` counting the server's context switches and migrations, per request: SWITCHES).
# Prints wrk's RESULT line; perf.data is under $TMPDIR/thiqa-profile.
# Read it with `perf report -i …/perf.data --no-children --sort sym -g none`.
set -euo pipefail
bin=$1 label=$2 c=$3 secs=${4:-10} stream=${5:-0}
root=$(cd "$(dirname "$0")/../.." && pwd)
d=${TMPDIR:-/tmp}/thiqa-profile/$label; rm -rf "$d"; mkdir -p "$d"
export STORAGE_SQLITE_PATH=$d/thiqa.sqlite
config=$root/bench/gateway/thiqa-bench.json
FAKE_RUN_DIR=${TMPDIR:-/tmp}/thiqa-profile-fake "$root/bench/upstream/start"
legacy=--legacy; "$bin" keys create --help 2>&1 | grep -q -- --legacy || legacy=""
if [[ ${BENCH_DECLARED:-} == 1 ]]; then
  # The use case declared as a deployment declares it (bench/gateway/registry-bench.yaml), by a DPO of its own.
  staff=$("$bin" staff create --config "$config" --name "bench DPO" --role dpo --quiet)
  THIQA_STAFF_TOKEN=$staff "$bin" registry apply --config "$config" "$root/bench/gateway/registry-bench.yaml" >/dev/null
  legacy=""
fi
key=$("$bin" keys create --config "$config" --tenant bench --use-case bench --label bench --quiet $legacy)
"$bin" use-cases set --config "$config" --tenant bench --use-case bench --rate-limit 100000000 >/dev/null
MALLOC_ARENA_MAX=2 "$bin" serve --config "$config" >"$d/serve.log" 2>&1 &
pid=$!
for i in $(seq 100); do curl -sf -o /dev/null http://127.0.0.1:8090/readyz && break; sleep 0.2; done
WRK_AUTH=$key WRK_STREAM=$stream wrk -t1 -c"$c" -d3s -s $root/bench/gateway/wrk-chat.lua http://127.0.0.1:8090/v1/chat/completions >/dev/null
# The server's CPU time (user + system clock ticks, /proc/PID/stat fields 14 and 15) over the measured window:
# CPU per request is the figure a busy machine disturbs least.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
if [[ ${NOPERF:-} == 1 ]]; then
  ticks_before=$(cpu_ticks)
  WRK_AUTH=$key WRK_STREAM=$stream wrk -t1 -c"$c" -d${secs}s --latency -s $root/bench/gateway/wrk-chat.lua http://127.0.0.1:8090/v1/chat/completions > "$d/wrk.txt"
  echo "CPU_SECONDS $(( $(cpu_ticks) - ticks_before )) $(getconf CLK_TCK)" | awk '{ printf "CPU_SECONDS %.3f\n", $2 / $3 }'
elif [[ ${PERFSTAT:-} == 1 ]]; then
  perf stat -e context-switches,cpu-migrations -x, -p $pid -o "$d/perfstat.csv" -- sleep $secs &
  perfpid=$!
  WRK_AUTH=$key WRK_STREAM=$stream wrk -t1 -c"$c" -d${secs}s --latency -s $root/bench/gateway/wrk-chat.lua http://127.0.0.1:8090/v1/chat/completions > "$d/wrk.txt"
  wait $perfpid || true
  requests=$(grep -o '"requests":[0-9]*' "$d/wrk.txt" | cut -d: -f2)
  awk -F, -v n="$requests" '$3 ~ /context-switches|cpu-migrations/ { printf "SWITCHES %s %d (%.2f per request)\n", $3, $1, $1 / n }' "$d/perfstat.csv"
else
  # PERFEVENT=context-switches: where threads block (the stack at each switch-out) instead of where CPU goes.
  perf record ${PERFEVENT:+-e $PERFEVENT} -F 499 -g -p $pid -o "$d/perf.data" -- sleep $secs 2>"$d/perf.err" &
  perfpid=$!
  WRK_AUTH=$key WRK_STREAM=$stream wrk -t1 -c"$c" -d${secs}s --latency -s $root/bench/gateway/wrk-chat.lua http://127.0.0.1:8090/v1/chat/completions > "$d/wrk.txt"
  wait $perfpid || true
fi
grep RESULT "$d/wrk.txt"
echo "RSS after: $(ps -o rss= -p $pid) KiB"
kill -TERM $pid; wait $pid 2>/dev/null || true
FAKE_RUN_DIR=${TMPDIR:-/tmp}/thiqa-profile-fake "$root/bench/upstream/stop"
