#!/usr/bin/env bash
# Benchmark: median wall time per 2-year nivolumab simulation, Blockade vs libRoadRunner.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/peers.sh
python3 scripts/bench_simulate.py "$BLOCKADE_BIN"
