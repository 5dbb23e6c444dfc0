#!/usr/bin/env bash
# Benchmark of issue 2: median wall time per 2-year nivolumab simulation, Blockade vs libRoadRunner.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -c "import roadrunner" 2>/dev/null || python3 -m pip install -q -r scripts/requirements.txt
swift build -c release --product blockade >/dev/null
python3 scripts/bench_simulate.py .build/release/blockade
