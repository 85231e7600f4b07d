#!/usr/bin/env bash
# make eval-assistant (language part): accuracy of `thiqa langid` per label on the held-out set, 1-4 words and 5+
# words, beside py3langid from PyPI on the same lines.
#   eval/language/run.sh [GOLD.jsonl] [evaluate.py options, e.g. -v]
# Env: THIQA_BIN (default .build/debug/thiqa; built with `swift build --product thiqa` when missing).
# py3langid goes into the ignored venv .venv-eval. Exit status is evaluate.py's: 1 when a label misses its target.
set -euo pipefail
cd "$(dirname "$0")/../.."
GOLD="${1:-eval/language/heldout.jsonl}"
shift || true
THIQA_BIN="${THIQA_BIN:-.build/debug/thiqa}"
if [[ ! -x "$THIQA_BIN" ]]; then
    swift build --product thiqa >&2
fi
VENV=.venv-eval
if [[ ! -f "$VENV/.language-installed" || eval/language/requirements.txt -nt "$VENV/.language-installed" ]]; then
    test -x "$VENV/bin/python" || python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install -q -r eval/language/requirements.txt
    touch "$VENV/.language-installed"
fi
PRED="$(mktemp)"
trap 'rm -f "$PRED"' EXIT
# Only id and text go to thiqa: the gold label stays with the evaluator.
"$VENV/bin/python" -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        row = json.loads(line)
        print(json.dumps({"id": row["id"], "text": row["text"]}, ensure_ascii=False))
' "$GOLD" | "$THIQA_BIN" langid > "$PRED"
"$VENV/bin/python" eval/language/evaluate.py "$GOLD" "$PRED" "$@"
