#!/usr/bin/env bash
# make eval-privacy: scores the privacy scanner on the annotated dev set.
#   eval/privacy/run.sh [DEVSET] [evaluate.py options, e.g. -v or --source=heldout]
# Env: PRIVACY_BENCH=path/to/privacy-bench (else built with `swift build -c release --product privacy-bench`).
# Exit status is evaluate.py's: non-zero when structured-identifier F1 < 0.95 or a look-alike is flagged.
# Then scores the sensitive-data detector on its held-out set (eval/privacy/sensitive/run.sh, informational).
set -euo pipefail
cd "$(dirname "$0")/../.."
DEVSET="${1:-eval/privacy/devset.jsonl}"
shift || true
if [[ -z "${PRIVACY_BENCH:-}" ]]; then
    swift build -c release --product privacy-bench >&2
    PRIVACY_BENCH="$(swift build -c release --show-bin-path)/privacy-bench"
fi
PRED="$(mktemp)"
trap 'rm -f "$PRED"' EXIT
"$PRIVACY_BENCH" --predict "$DEVSET" > "$PRED"
status=0
python3 eval/privacy/evaluate.py "$DEVSET" "$PRED" "$@" || status=$?
echo
PRIVACY_BENCH="$PRIVACY_BENCH" eval/privacy/sensitive/run.sh eval/privacy/sensitive/heldout.jsonl
exit "$status"
