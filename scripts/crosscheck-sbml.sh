#!/usr/bin/env bash
# Peer check of the SBML export: libsbml validates it (0 errors) and libRoadRunner, simulating the
# exported document, reproduces Blockade's own run — cancer-cell numbers at every scan time within
# a relative difference of 1e-4, doses included. Scenarios cover one antibody, two antibodies dosed
# on the same days, a responder with acquired resistance and a primary non-responder.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/peers.sh
bin=$BLOCKADE_BIN
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
run() {
  local name=$1; shift
  "$bin" export sbml "$@" --days 730 -o "$work/$name.xml"
  "$bin" simulate "$@" --days 730 --format csv --no-attribution --output-interval 56 --rtol 1e-10 --atol 1e-10 > "$work/$name.csv"
  echo "-- $name: $*"
  python3 scripts/sbml_check.py "$work/$name.xml" --reference "$work/$name.csv" --time-column day \
    --species C_pos,C_neg --rtol 1e-4 || status=1
}
run melanoma-nivolumab --tumor melanoma --regimen nivolumab
run melanoma-nivo-ipi --tumor melanoma --regimen nivolumab+ipilimumab
run nsclc-pembrolizumab --tumor nsclc --regimen pembrolizumab
run excluded-atezolizumab --tumor melanoma --regimen atezolizumab --mechanism stromal-barrier=0.9 --mechanism chemokine-silencing=0.7
# Other modalities: oral input switched by events, carriers (burst + encapsulated pools + anti-carrier
# immunity), radiotherapy fractions (multiplicative events), oncolytic virus, CAR-T, chemotherapy.
run nsclc-chemo-bev --tumor nsclc --regimen atezolizumab+bevacizumab+carboplatin-paclitaxel
run rcc-axitinib --tumor rcc --regimen pembrolizumab+axitinib
run carrier-codelivery --tumor tnbc --regimen 'doxorubicin&entinostat@liposome:targeted+nivolumab'
run rt-virus-cart --tumor melanoma --regimen radiotherapy-sbrt+t-vec+car-t
exit $status
