#!/usr/bin/env bash
# Benchmark: a 10,000-patient × 2-arm virtual trial (2 years each) on this machine —
# wall time and patient-simulations per second — and peak memory of a 100,000-patient trial.
# Attribution (10 counterfactual courses per resistant patient) is off, as its cost is reported
# separately; toxicity and RECIST scans are on. Set BENCH_LARGE=0 to skip the 100,000-patient run.
set -euo pipefail
cd "$(dirname "$0")/.."
# BLOCKADE_BIN: the binary to time (default: build and use .build/release/blockade).
if [ -n "${BLOCKADE_BIN:-}" ]; then
  bin=$BLOCKADE_BIN
else
  swift build -c release --product blockade >/dev/null
  bin=.build/release/blockade
fi
export BLOCKADE_DATA_DIR=$(mktemp -d)
trap 'rm -rf "$BLOCKADE_DATA_DIR"' EXIT
measure() {
  local n=$1; shift
  /usr/bin/time -f "%e %M" -o "$BLOCKADE_DATA_DIR/time" "$bin" trial --tumor melanoma --arm nivolumab --arm ipilimumab \
    --patients "$n" --seed 1 --no-history --quiet --format json "$@" > /dev/null
  read -r wall rss < "$BLOCKADE_DATA_DIR/time"
  python3 - "$n" "$wall" "$rss" "$*" <<'PY'
import json, sys
n, wall, rss, extra = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
print(json.dumps({"patients": n, "arms": 2, "options": extra, "wall_s": wall,
                  "patient_simulations_per_s": round(2 * n / wall, 1), "peak_rss_mb": round(rss / 1024, 1)}))
PY
}
echo "cores: $(nproc)"
measure 10000 --no-attribution
# With attribution (the default of `blockade trial`): counterfactual courses for resistant patients.
measure 1000
if [ "${BENCH_LARGE:-1}" = "1" ]; then measure 100000 --no-attribution; fi
