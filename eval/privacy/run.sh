#!/usr/bin/env bash
# make eval-privacy: scores the privacy scanner on the annotated dev set, then PERSON alone on the hand-written
# names sets (names.dev.txt, tuned on; names.heldout.txt to names.heldout7.txt, see NAMES_RESULTS.md), per language.
#   eval/privacy/run.sh [DEVSET] [evaluate.py options, e.g. -v or --source=heldout]   (with DEVSET: that set only)
# Env: PRIVACY_BENCH=path/to/privacy-bench (else built with `swift build -c release --product privacy-bench`).
# Exit status is evaluate.py's on the dev set: non-zero when structured-identifier F1 < 0.95 or a look-alike is flagged.
# The names sets print their own PASS/FAIL (PERSON F1 >= 0.95 in every language, no look-alike flagged as PERSON);
# NAMES_GATE=1 makes their failure the script's too. Then the sensitive-data detector on its held-out set
# sets (heldout.jsonl, heldout3.jsonl, heldout4.jsonl, heldout5.jsonl, then the fresh heldout6.jsonl; eval/privacy/sensitive/run.sh, informational).
set -euo pipefail
cd "$(dirname "$0")/../.."
NAMES=1
[[ $# -gt 0 ]] && NAMES=0
DEVSET="${1:-eval/privacy/devset.jsonl}"
shift || true
if [[ -z "${PRIVACY_BENCH:-}" ]]; then
    swift build -c release --product privacy-bench >&2
    PRIVACY_BENCH="$(swift build -c release --show-bin-path)/privacy-bench"
fi
PRED="$(mktemp)"
SET="$(mktemp)"
trap 'rm -f "$PRED" "$SET"' EXIT
"$PRIVACY_BENCH" --predict "$DEVSET" > "$PRED"
status=0
python3 eval/privacy/evaluate.py "$DEVSET" "$PRED" "$@" || status=$?
if [[ $NAMES == 1 ]]; then
    for names in eval/privacy/names.dev.txt eval/privacy/names.heldout.txt eval/privacy/names.heldout2.txt eval/privacy/names.heldout3.txt eval/privacy/names.heldout4.txt eval/privacy/names.heldout5.txt eval/privacy/names.heldout6.txt eval/privacy/names.heldout7.txt; do
        [[ -f "$names" ]] || continue
        echo
        echo "== PERSON on $names =="
        python3 eval/privacy/make_devset.py --marked "$names" > "$SET"
        "$PRIVACY_BENCH" --predict "$SET" > "$PRED"
        names_status=0
        python3 eval/privacy/evaluate.py "$SET" "$PRED" --types=PERSON --person-target "$@" || names_status=$?
        if [[ "${NAMES_GATE:-0}" == 1 && $names_status != 0 && $status == 0 ]]; then status=$names_status; fi
    done
    for sensitive in eval/privacy/sensitive/heldout.jsonl eval/privacy/sensitive/heldout3.jsonl eval/privacy/sensitive/heldout4.jsonl eval/privacy/sensitive/heldout5.jsonl eval/privacy/sensitive/heldout6.jsonl; do
        echo
        echo "== Sensitive data on $sensitive =="
        PRIVACY_BENCH="$PRIVACY_BENCH" eval/privacy/sensitive/run.sh "$sensitive"
    done
fi
exit $status
