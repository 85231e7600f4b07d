#!/usr/bin/env bash
# Language ID + retrieval latency (p50/p99, lexical, no dense backend) and index memory on 10,000 procedures: the real ones
# of knowledge/procedures plus generated variations. KB_DIR, PROCEDURES, QUERIES override the defaults.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
${SWIFT:-swift} build -c release --product retrieval-bench >/dev/null
bin=$(${SWIFT:-swift} build -c release --show-bin-path)/retrieval-bench
questions=()
for file in eval/retrieval/questions.dev.jsonl eval/retrieval/questions.heldout.jsonl eval/retrieval/questions.heldout2.jsonl; do
  [[ -f $file ]] && questions+=(--questions "$file")
done
"$bin" --kb "${KB_DIR:-knowledge/procedures}" --procedures "${PROCEDURES:-10000}" --queries "${QUERIES:-5000}" "${questions[@]}"
