#!/usr/bin/env bash
# Retrains the sensitive-data model on dev.jsonl and on heldout.jsonl, the first held-out set, which became training
# data once its final score was committed (README.md); never on heldout3.jsonl. Rewrites SensitiveModel.swift.
#   eval/privacy/sensitive/train.sh [train.py options]
# Env: PRIVACY_BENCH=path/to/privacy-bench (else built in release). Needs python3 with numpy.
# The features do not depend on the weights, so one build before and one after are enough.
set -euo pipefail
cd "$(dirname "$0")/../../.."
if [[ -z "${PRIVACY_BENCH:-}" ]]; then
    swift build -c release --product privacy-bench >&2
    PRIVACY_BENCH="$(swift build -c release --show-bin-path)/privacy-bench"
fi
FEATURES="$(mktemp)"
trap 'rm -f "$FEATURES"' EXIT
SETS=(eval/privacy/sensitive/dev.jsonl eval/privacy/sensitive/heldout.jsonl)
for set in "${SETS[@]}"; do "$PRIVACY_BENCH" --sensitive-features "$set"; done > "$FEATURES"
python3 eval/privacy/sensitive/train.py "$FEATURES" "${SETS[@]}" "$@"
