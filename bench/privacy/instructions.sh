#!/usr/bin/env bash
# Deterministic cost of a scan, for comparisons this machine's CPU time is too noisy to show (a virtual machine with
# steal time: the same binary's texts per CPU second moved by ±15 % from run to run). Runs each privacy-bench under
# valgrind's callgrind with its cache simulation, once with 1 pass and once with 6 passes over SET, and prints what
# the 5 extra passes cost per pass (tables built and start-up cancel out): instructions, L1 instruction and data
# misses, and callgrind's cycle estimate (Ir + 10 x L1 misses + 100 x last-level misses). A proxy, not a time: it
# leaves out branch mispredictions and the real cache's behaviour; report it beside the CPU-time ratio.
#   bench/privacy/instructions.sh SET.jsonl PRIVACY_BENCH...   (each binary needs `--passes`: privacy-bench from
#   a5b365e on; valgrind is installed from Debian when missing)
set -euo pipefail
if ! command -v valgrind >/dev/null; then
    if [[ $(id -u) -eq 0 ]]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null
    else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null; fi
fi
set_path="$1"
shift
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for original in "$@"; do
    # Valgrind 3.19 cannot read this toolchain's DWARF 5: measure a copy without debug sections (symbols kept).
    binary="$work/$(basename "$original")"
    strip --strip-debug -o "$binary" "$original"
    for passes in 1 6; do
        valgrind --tool=callgrind --cache-sim=yes --callgrind-out-file="$work/$passes.out" "$binary" --passes "$passes" "$set_path" > /dev/null 2> "$work/$passes.err" &
    done
    wait
    python3 - "$work/1.out" "$work/6.out" "$original" <<'PY'
import sys
def totals(path):
    events, values = None, None
    for line in open(path):
        if line.startswith("events:"):
            events = line.split()[1:]
        if line.startswith(("summary:", "totals:")):
            values = [int(x) for x in line.split()[1:]]
    return dict(zip(events, values))
one, six = totals(sys.argv[1]), totals(sys.argv[2])
per = {k: (six[k] - one[k]) / 5 for k in one}
l1 = per["I1mr"] + per["D1mr"] + per["D1mw"]
ll = per["ILmr"] + per["DLmr"] + per["DLmw"]
print(f'{sys.argv[3]}: per pass Ir {per["Ir"]:.0f}, I1 misses {per["I1mr"]:.0f}, D1 misses {per["D1mr"] + per["D1mw"]:.0f}, '
      f'estimated cycles {per["Ir"] + 10 * l1 + 100 * max(ll, 0):.0f}')
PY
done
