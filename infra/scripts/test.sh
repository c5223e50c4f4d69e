#!/usr/bin/env bash
# `npm test`: bootstrap, then typecheck → lint → deploy files → vitest (unit + integration).
# Stops at the first failing step with a non-zero exit and prints a summary line.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
BIN="$ROOT/node_modules/.bin"

now_ms() { date +%s%3N; }
secs() { awk -v a="$1" -v b="$(now_ms)" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }
T_START=$(now_ms)
done_steps=()

run_step() {
  local name=$1
  shift
  local t
  t=$(now_ms)
  printf '\n[test] ── %s ──\n' "$name"
  if "$@"; then
    done_steps+=("$name $(secs "$t")s")
  else
    local rc=$?
    printf '\n[test] FAILED at step "%s" (exit %s) after %ss; passed before it: %s\n' \
      "$name" "$rc" "$(secs "$T_START")" "${done_steps[*]:-none}" >&2
    exit "$rc"
  fi
}

lint() { "$BIN/eslint" . && "$BIN/prettier" --check --log-level warn .; }

VITEST_JSON="$ROOT/test/artifacts/vitest-results.json"
vitest_all() {
  mkdir -p "$(dirname "$VITEST_JSON")"
  rm -f "$VITEST_JSON"
  "$BIN/vitest" run --reporter=default --reporter=json --outputFile.json="$VITEST_JSON"
}

run_step bootstrap bash infra/scripts/bootstrap.sh --test
typecheck() { "$BIN/tsc" -p tsconfig.json && "$BIN/tsc" -p portal/tsconfig.json; }
run_step typecheck typecheck
run_step lint lint
run_step deploy-files bash infra/deploy/validate.sh
run_step vitest vitest_all

counts=$(node -e '
  const r = require(process.argv[1]);
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
' "$VITEST_JSON" 2>/dev/null || echo "see vitest output")
printf '\n[test] all steps passed in %ss (%s)\n' "$(secs "$T_START")" "${done_steps[*]}"
printf 'tests: %s\n' "$counts"
