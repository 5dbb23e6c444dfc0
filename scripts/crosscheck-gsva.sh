#!/usr/bin/env bash
# Checks that Blockade's ssGSEA equals GSVA's (method = "ssgsea") on the three development cohorts:
# per signature Pearson r >= 0.999 and max |raw difference| <= 1e-6. Prints a per-signature table
# and exits non-zero on any failure. Skips (exit 0, says so) when GSVA is not installed.
#   usage: scripts/crosscheck-gsva.sh [DATA_DIR]   (default $BLOCKADE_ICB_DATA or ../shared/data/icb)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${1:-${BLOCKADE_ICB_DATA:-$(cd .. && pwd)/shared/data/icb}}"
# The development cohorts live outside the repository (../shared); on a machine without them the
# check cannot run: say so loudly rather than fail the whole suite on missing data.
if [ ! -d "$DATA" ] && [ -d /work/shared/data/icb ]; then DATA=/work/shared/data/icb; fi
if [ ! -d "$DATA" ]; then
  echo "SKIPPED: GSVA cross-check — development cohorts not found at $DATA (set BLOCKADE_ICB_DATA)" >&2
  exit 0
fi
COHORTS="liu2019 riaz2017 gide2019_pd1"
for c in $COHORTS; do
  [ -s "$DATA/$c/expr_log2tpm.tsv.gz" ] || { echo "error: $DATA/$c/expr_log2tpm.tsv.gz not found; pass the icb data folder as argument or set BLOCKADE_ICB_DATA" >&2; exit 2; }
done

# GSVA is a Debian package: installed by .ci/run, or by `scripts/test.sh --install-system-packages`;
# this script never installs system packages itself.
if ! Rscript -e 'suppressPackageStartupMessages(library(GSVA))' >/dev/null 2>&1; then
  echo "SKIPPED: GSVA cross-check — R package GSVA not installed (apt-get install --no-install-recommends r-bioc-gsva, or scripts/test.sh --install-system-packages)" >&2
  exit 0
fi

source scripts/peers.sh
BIN=$BLOCKADE_BIN
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT

"$BIN" profile --export-gmt > "$TMP/sets.gmt"
printf "cohort\tsignature\tgenes\tr_raw\tmaxdiff_raw\tr_norm\tmaxdiff_norm\tgsva\n"
status=0
for c in $COHORTS; do
  expr="$DATA/$c/expr_log2tpm.tsv.gz"
  "$BIN" profile "$expr" --matrix raw 2>/dev/null > "$TMP/$c.raw.tsv"
  "$BIN" profile "$expr" --matrix normalized 2>/dev/null > "$TMP/$c.norm.tsv"
  Rscript scripts/crosscheck-gsva.R "$expr" "$TMP/sets.gmt" "$TMP/$c.raw.tsv" "$TMP/$c.norm.tsv" "$c" || status=1
done
if [ "$status" -ne 0 ]; then echo "FAIL: Blockade ssGSEA differs from GSVA" >&2; else echo "OK: Blockade ssGSEA equals GSVA (r >= 0.999, |diff| <= 1e-6)" >&2; fi
exit "$status"
