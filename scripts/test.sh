#!/usr/bin/env bash
# The full test suite: Swift tests, then cross-checks against peer tools (libRoadRunner, libsbml, GSVA).
set -euo pipefail
cd "$(dirname "$0")/.."
swift test --parallel
if [ "${BLOCKADE_SKIP_PEERS:-0}" = "1" ]; then
  echo "BLOCKADE_SKIP_PEERS=1: peer cross-checks skipped"
  exit 0
fi
for check in scripts/crosscheck-*.sh; do
  [ -e "$check" ] || continue
  echo "== $check"
  bash "$check"
done
