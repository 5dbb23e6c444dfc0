#!/usr/bin/env bash
# Peer check of the trial survival statistics: Blockade's Kaplan–Meier (survival, log-log CI, median
# and Brookmeyer–Crowley CI), log-rank test and Cox hazard ratio (Efron ties, Wald CI and p) against
# lifelines on seeded random two-arm data with ties and censoring plus edge cases; relative tolerance
# 1e-6 (see scripts/survival_check.py for the documented differences). Blockade's numbers come from
# the Swift test hook SurvivalCrossCheckHook, enabled by BLOCKADE_SURVIVAL_FIXTURE.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/peers.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/survival_check.py generate --seed "${BLOCKADE_SURVIVAL_SEED:-20261129}" --out "$work/fixture.csv"
BLOCKADE_SURVIVAL_FIXTURE="$work/fixture.csv" BLOCKADE_SURVIVAL_OUTPUT="$work/blockade.json" \
  swift test ${BLOCKADE_SWIFT_TEST_FLAGS:-} --filter 'TrialsTests.SurvivalCrossCheckHook' >"$work/swift-test.log" 2>&1 || { cat "$work/swift-test.log"; exit 1; }
[ -s "$work/blockade.json" ] || { echo "Swift hook wrote no results"; cat "$work/swift-test.log"; exit 1; }
python3 scripts/survival_check.py compare "$work/fixture.csv" "$work/blockade.json" --rtol 1e-6
