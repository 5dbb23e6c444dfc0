#!/usr/bin/env bash
# The full tests, from a clean clone: one release build (with -enable-testing, so the tests'
# @testable imports compile) runs the whole Swift suite — unit tests and the statistical
# acceptance suite (tag `.slow`, BLOCKADE_SLOW_TESTS=1) — and its `blockade` binary is the one the
# peer cross-checks use: SBML export vs libRoadRunner/libsbml, ssGSEA vs GSVA, survival statistics
# vs lifelines, the sharded Snakemake workflow vs an unsharded run.
#
# Python peers go into the project's .venv/ (scripts/peers.sh); nothing is installed system-wide
# unless asked: --install-system-packages apt-installs Debian's r-bioc-gsva for the GSVA check.
#   scripts/test.sh [--swift-only] [--install-system-packages]
# For a quick loop while developing, plain `swift test` (debug) runs the unit tests only.
set -euo pipefail
cd "$(dirname "$0")/.."
swift_only=0
for arg in "$@"; do
  case "$arg" in
    --swift-only) swift_only=1 ;;
    --install-system-packages)
      echo "installing Debian's r-bioc-gsva (GSVA for R, --no-install-recommends) with apt-get"
      SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
      $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends r-bioc-gsva >/dev/null ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "scripts/test.sh: unknown option '$arg' (expected --swift-only or --install-system-packages)" >&2; exit 64 ;;
  esac
done
[ "${BLOCKADE_SKIP_PEERS:-0}" = "1" ] && swift_only=1

began=$(date +%s)
echo "== scripts/lint.sh (swift-format rules in .swift-format)"
scripts/lint.sh
flags=(-c release -Xswiftc -enable-testing --scratch-path .build-test)
echo "== building (release, with tests; about 3-4 minutes from a clean clone on 2 cores)"
swift build "${flags[@]}" --build-tests
echo "== swift test (unit tests and the slow acceptance suite)"
BLOCKADE_SLOW_TESTS=1 swift test "${flags[@]}" --skip-build
echo "Swift tests: $(( $(date +%s) - began )) s"
if [ "$swift_only" = "1" ]; then
  echo "peer cross-checks skipped (--swift-only or BLOCKADE_SKIP_PEERS=1)"
  exit 0
fi

export BLOCKADE_BIN="$PWD/.build-test/release/blockade"
export BLOCKADE_SWIFT_TEST_FLAGS="${flags[*]}"
source scripts/peers.sh
failed=()
# The analysis scripts quoted in docs/TRIALS-ACCEPTANCE.md still run on the committed tables.
for analysis in "scripts/calibration-ceiling.py" "scripts/frailty-rechallenge.py --samples 200000"; do
  echo "== $analysis"
  python3 $analysis >/dev/null || failed+=("$analysis")
done
# The adoption-rule script still finds the four pass counts it sums (two small tumour types, 20 patients: a smoke run).
echo "== scripts/adoption-check.sh --tumor sclc --tumor hodgkin --patients 20"
scripts/adoption-check.sh --tumor sclc --tumor hodgkin --patients 20 --binary "$BLOCKADE_BIN" >/dev/null || failed+=("scripts/adoption-check.sh")
for check in scripts/crosscheck-*.sh; do
  echo "== $check"
  bash "$check" || failed+=("$check")
done
echo "total: $(( $(date +%s) - began )) s"
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED cross-checks: ${failed[*]}" >&2
  exit 1
fi
echo "all tests and cross-checks passed"
