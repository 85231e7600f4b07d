#!/usr/bin/env bash
# Scores the sensitive-data detector on a labelled set (default: the held-out set).
#   eval/privacy/sensitive/run.sh [SET.jsonl] [evaluate.py options, e.g. -v or --strict]
# Env: PRIVACY_BENCH=path/to/privacy-bench (else built with `swift build -c release --product privacy-bench`).
set -euo pipefail
cd "$(dirname "$0")/../../.."
SET="${1:-eval/privacy/sensitive/heldout.jsonl}"
shift || true
if [[ -z "${PRIVACY_BENCH:-}" ]]; then
    swift build -c release --product privacy-bench >&2
    PRIVACY_BENCH="$(swift build -c release --show-bin-path)/privacy-bench"
fi
PRED="$(mktemp)"
trap 'rm -f "$PRED"' EXIT
"$PRIVACY_BENCH" --sensitive "$SET" > "$PRED"
python3 eval/privacy/sensitive/evaluate.py "$SET" "$PRED" "$@"
