#!/bin/sh
# Anti-PD-1 ORR of the calibrated populations against the review's ranges:
# 40–70 % in melanoma and MSI-H (msi-h-solid; crc with msi=high), 10–25 % in most other tumours,
# < 5 % in MSS colorectal (crc with msi=stable). Seed 2 (the calibration used seed 1).
# Each tumour runs first-line (the verdict in docs/REVIEW-RANGES.md) and pretreated (for context:
# most anti-PD-1 monotherapy trials outside melanoma enrolled pretreated patients).
# Usage: scripts/review-range-check.sh [PATIENTS]   (run from the package root after a release build)
set -e
N=${1:-400}
B=${BLOCKADE_BIN:-.build/release/blockade}
run() { # tumour, selection
  if [ -n "$2" ]; then sel="--select $2"; else sel=""; fi
  for line in first pretreated; do
    BLOCKADE_DATA_DIR=${BLOCKADE_DATA_DIR:-/tmp/blockade-check} $B trial --tumor "$1" $sel --arm pembrolizumab --arm nivolumab \
      --patients "$N" --seed 2 --line $line --no-attribution --no-history --quiet --format json |
    python3 -c "import json,sys; d=json.load(sys.stdin); print('%-12s %-12s %-11s' % ('$1', '${2:-all}', '$line'), '  '.join('%s ORR %.1f %%' % (a['regimen'], 100*a['orr']) for a in d['arms']))"
  done
}
run melanoma; run msi-h-solid; run crc msi=high; run crc msi=stable
for t in nsclc sclc rcc urothelial hcc gastric esophageal tnbc hnscc ovarian endometrial; do run $t; done
