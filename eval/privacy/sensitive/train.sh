#!/usr/bin/env bash
# Retrains the sensitive-data model on dev.jsonl and on heldout.jsonl, heldout3.jsonl, heldout4.jsonl and heldout5.jsonl,
# held-out sets which became training data once their final scores were committed (README.md); never on heldout6.jsonl.
# Gram L2 3e-5 and thresholds 0.3 / 0.2 are the values chosen on dev data (README.md); later options override them.
# Rewrites SensitiveModel.swift and SensitiveGramWeights.swift.
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
SETS=(eval/privacy/sensitive/dev.jsonl eval/privacy/sensitive/heldout.jsonl eval/privacy/sensitive/heldout3.jsonl eval/privacy/sensitive/heldout4.jsonl eval/privacy/sensitive/heldout5.jsonl)
for set in "${SETS[@]}"; do "$PRIVACY_BENCH" --sensitive-features "$set"; done > "$FEATURES"
python3 eval/privacy/sensitive/train.py "$FEATURES" "${SETS[@]}" --gram-l2 3e-5 --sensitive-threshold 0.3 --uncertain-threshold 0.2 "$@"
