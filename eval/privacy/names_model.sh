#!/usr/bin/env bash
# Retrains the name model (Sources/ThiqaPrivacy/Names/NameModelWeights.swift) on every names dev set and devset.jsonl,
# and prints its k-fold cross-validation by message. Never on the current held-out set (names.heldout7.txt), which is
# scored once before tuning and once at the end (eval/privacy/NAMES_RESULTS.md).
#   eval/privacy/names_model.sh [names_model.py options, e.g. --no-write --l2 1e-3]
# Env: PRIVACY_BENCH=path/to/privacy-bench (else built in release). Needs python3 with numpy.
# The candidates, their features and the rules' findings do not depend on the weights: one build before and one after.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ -z "${PRIVACY_BENCH:-}" ]]; then
    swift build -c release --product privacy-bench >&2
    PRIVACY_BENCH="$(swift build -c release --show-bin-path)/privacy-bench"
fi
E=eval/privacy
python3 $E/names_model.py --bench "$PRIVACY_BENCH" $E/names.dev.txt $E/names.heldout.txt $E/names.heldout2.txt $E/names.heldout3.txt \
    $E/names.heldout4.txt $E/names.heldout5.txt $E/names.heldout6.txt $E/devset.jsonl "$@"
