#!/usr/bin/env bash
# rss-over-time.sh BIN LABEL SECONDS C: serves BIN on a fresh SQLite (as bench/run does, MALLOC_ARENA_MAX=2), runs
# wrk at C for SECONDS, prints the RSS every 5 s during the load and 5, 15 and 35 s after it, then what the resident
# set is made of (/proc/PID/smaps_rollup: anonymous heap against clean file-backed code pages) and the request count.
set -euo pipefail
bin=$1 label=$2 secs=$3 c=$4
root=$(cd "$(dirname "$0")/../.." && pwd)
d=${TMPDIR:-/tmp}/thiqa-rss/$label; rm -rf "$d"; mkdir -p "$d"
export STORAGE_SQLITE_PATH=$d/thiqa.sqlite
config=$root/bench/gateway/thiqa-bench.json
FAKE_RUN_DIR=${TMPDIR:-/tmp}/thiqa-profile-fake "$root/bench/upstream/start"
legacy=--legacy; "$bin" keys create --help 2>&1 | grep -q -- --legacy || legacy=""
key=$("$bin" keys create --config "$config" --tenant bench --use-case bench --label bench --quiet $legacy)
"$bin" use-cases set --config "$config" --tenant bench --use-case bench --rate-limit 100000000 >/dev/null
MALLOC_ARENA_MAX=2 "$bin" serve --config "$config" >"$d/serve.log" 2>&1 &
pid=$!
for i in $(seq 100); do curl -sf -o /dev/null http://127.0.0.1:8090/readyz && break; sleep 0.2; done
sleep 2
echo "t=0 idle-start rss_kib=$(ps -o rss= -p $pid)"
WRK_AUTH=$key wrk -t1 -c"$c" -d${secs}s -s $root/bench/gateway/wrk-chat.lua http://127.0.0.1:8090/v1/chat/completions > "$d/wrk.txt" &
w=$!
t=0
while kill -0 $w 2>/dev/null; do sleep 5; t=$((t+5)); echo "t=$t load rss_kib=$(ps -o rss= -p $pid)"; done
for s in 5 15 35; do sleep $((s - ${prev:-0})); prev=$s; echo "after+${s}s idle rss_kib=$(ps -o rss= -p $pid)"; done
grep -E "^(Rss|Anonymous|Shared_Clean|Private_Clean|Private_Dirty|Shared_Dirty)" /proc/$pid/smaps_rollup; echo "requests: $(python3 -c "import sqlite3;print(sqlite3.connect('$d/thiqa.sqlite').execute('select count(*) from interactions').fetchone()[0])")"
grep RESULT "$d/wrk.txt"
kill -TERM $pid; wait $pid 2>/dev/null || true
FAKE_RUN_DIR=${TMPDIR:-/tmp}/thiqa-profile-fake "$root/bench/upstream/stop"
