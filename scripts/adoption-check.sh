#!/usr/bin/env bash
# The adoption rule for a model or data change (docs/TRIALS-ACCEPTANCE.md): the leave-one-trial-out
# validation (`blockade validate`, docs/VALIDATION.md) predicts every calibration arm from a refit
# without its trial; the held-out score is the number of arms whose ORR (±10 points), CR (±5),
# median PFS (±30 %) and median OS (±30 %) pass, summed. A change is adopted when its score does not
# fall below the shipped one's.
#
# Usage: scripts/adoption-check.sh [--baseline SCORE] [--binary PATH] [--populations FILE] [--tumor T ...] [--patients N]
#   --baseline SCORE    the shipped score; prints ADOPT (score ≥ SCORE) or KEEP
#   --binary PATH       blockade binary to use (default: build and use .build/release/blockade)
#   --populations FILE  evaluate a candidate data file instead of the shipped one
#   --tumor T, --patients N  a partial or smaller run (not the rule: a smoke test of the script)
# About 6 minutes on the 2-core machine (every tumour type, sequentially; each uses both cores).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

baseline="" binary="" populations=() extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --baseline|--binary|--populations|--tumor|--patients)
      [ $# -ge 2 ] || { echo "adoption-check: $1 needs a value (see --help)" >&2; exit 2; } ;;&
    --baseline) baseline="$2"; shift 2 ;;
    --binary) binary="$2"; shift 2 ;;
    --populations) populations=(--populations "$2"); shift 2 ;;
    --tumor) extra+=(--tumor "$2"); shift 2 ;;
    --patients) extra+=(--patients "$2" --fit-patients "$2" --interval-draws 2); shift 2 ;;
    -h|--help) sed -n '2,13p' "$root/scripts/adoption-check.sh" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "adoption-check: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
if [ -n "$baseline" ] && ! [[ "$baseline" =~ ^[0-9]+$ ]]; then
  echo "adoption-check: --baseline must be a whole number of passes, got '$baseline'" >&2; exit 2
fi
if [ -n "$binary" ]; then
  [ -x "$binary" ] || { echo "adoption-check: --binary '$binary' is not an executable file" >&2; exit 2; }
  binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"
fi
cd "$root"
if [ -z "$binary" ]; then
  swift build -c release --product blockade >&2
  binary=.build/release/blockade
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "adoption-check: leave-one-trial-out validation of every tumour type…" >&2
if ! "$binary" validate ${populations[@]+"${populations[@]}"} ${extra[@]+"${extra[@]}"} --format json --output "$work/validation.json" 2>"$work/validate.log"; then
  echo "adoption-check: blockade validate failed:" >&2
  tail -20 "$work/validate.log" >&2
  exit 1
fi
score=$(python3 - "$work/validation.json" <<'PY'
import json, sys
summary = json.load(open(sys.argv[1]))["summary"]
keys = ["orr_within_10", "cr_within_5", "median_pfs_within_30pct", "median_os_within_30pct"]
for k in keys:
    print(f"  {k}: {summary[k]['passed']}/{summary[k]['checked']}", file=sys.stderr)
print(sum(summary[k]["passed"] for k in keys))
PY
)
echo "held-out score (ORR + CR + mPFS + mOS passes): $score"
if [ -n "$baseline" ]; then
  if [ "$score" -ge "$baseline" ]; then echo "ADOPT ($score ≥ $baseline)"; else echo "KEEP ($score < $baseline)"; fi
fi
