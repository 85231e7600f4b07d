#!/usr/bin/env bash
# Transparency-log benchmark: durable batched appends on SQLite and PostgreSQL, then inclusion and consistency
# proof times on a SQLite log of LEDGER_ENTRIES entries (10,000,000 by default; built once and kept in
# bench/results/ledger/, about 6 GB, reused by later runs).
#
#   bench/ledger/run.sh                  # everything, release build
#   LEDGER_ENTRIES=1000000 bench/ledger/run.sh
#   LEDGER_ARGS="--skip-postgres" bench/ledger/run.sh
#
# PostgreSQL: THIQA_TEST_POSTGRES_URL, or the throwaway server of scripts/test-postgres (started if needed).
# Output (markdown) goes to stdout and bench/results/ledger/latest.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
scratch=${LEDGER_SCRATCH:-.build}
entries=${LEDGER_ENTRIES:-10000000}
swift build -c release --scratch-path "$scratch" --product ledger-bench >&2
if [[ -z ${THIQA_TEST_POSTGRES_URL:-} && " ${LEDGER_ARGS:-} " != *" --skip-postgres "* ]]; then
  export THIQA_TEST_POSTGRES_URL=$(scripts/test-postgres start)
fi
mkdir -p bench/results/ledger
{
  echo "Command: bench/ledger/run.sh (ledger-bench --entries $entries ${LEDGER_ARGS:-}), $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(uname -sr)"
  echo
  "$scratch/release/ledger-bench" --entries "$entries" ${LEDGER_ARGS:-}
} | tee bench/results/ledger/latest.md
