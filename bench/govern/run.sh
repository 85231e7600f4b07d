#!/usr/bin/env bash
# Issue 11's bound, side by side in one run: the gateway with the registry's govern and limit-purpose steps (this
# build, .build/release/thiqa) against the same commit with those two steps taken out of the pipeline
# (bench/govern/without-govern.patch; without them there is no AI disclosure either, which the govern step asks for).
# The variant is built from HEAD in a scratch worktree, .build-bench/without-govern (ignored): its first build is a
# full release build (~16 min on 2 cores), later ones are incremental. Uncommitted changes are not in the variant.
#   bench/govern/run.sh            then read bench/results/gateway/ (the table is printed at the end)
# Environment: passed on to bench/run (BENCH_DURATION, BENCH_CONCURRENCY, ...); by default LiteLLM and the model
# are skipped and BENCHMARKS.md is not rewritten.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
src=$root/.build-bench/without-govern
if [[ ! -d $src/.git && ! -f $src/.git ]]; then
  mkdir -p "$root/.build-bench"
  git worktree add --detach "$src" HEAD >/dev/null
else
  git -C "$src" checkout -q -f --detach "$(git rev-parse HEAD)"
fi
git -C "$src" apply "$root/bench/govern/without-govern.patch"
swift build -c release --package-path "$src" --product thiqa >&2
variant=$root/.build-bench/thiqa-without-govern
cp "$src/.build/release/thiqa" "$variant"
git -C "$src" checkout -q -f .
swift build -c release --product thiqa >&2
BENCH_SKIP_LITELLM=${BENCH_SKIP_LITELLM:-1} BENCH_SKIP_MODEL=${BENCH_SKIP_MODEL:-1} BENCH_NO_WRITE=${BENCH_NO_WRITE:-1} \
  BENCH_THIQA_BEFORE="$variant" BENCH_THIQA_BEFORE_LABEL="$(git rev-parse --short HEAD) without govern" bench/run
