#!/usr/bin/env bash
# The adoption rule for a refitted data file (docs/TRIALS-ACCEPTANCE.md): simulate every calibration
# arm with 2,000 patients on population seeds 2 and 3 (never the fit seed 1), count the arms whose
# ORR, G≥3 TRAE and median PFS pass (±5 points, ±5 points, ±30 %) and sum them. A candidate is
# adopted when its total beats the current data file's by at least 2.
#
# Usage: scripts/adoption-check.sh [--baseline TOTAL] [--patients N] [--binary PATH]
#   --baseline TOTAL  the current data file's total; prints ADOPT or KEEP against TOTAL + 2
#   --patients N      patients per arm (default 2000; the rule is defined at 2000)
#   --binary PATH     blockade binary to use (default: build and use .build/release/blockade)
# The two seeds run in parallel, one per core (9 min 50 s for data v23 on the 2-core machine).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

baseline="" patients=2000 binary=""
while [ $# -gt 0 ]; do
  case "$1" in
    --baseline|--patients|--binary)
      [ $# -ge 2 ] || { echo "adoption-check: $1 needs a value (see --help)" >&2; exit 2; } ;;&
    --baseline) baseline="$2"; shift 2 ;;
    --patients) patients="$2"; shift 2 ;;
    --binary) binary="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$root/scripts/adoption-check.sh" | sed 's/^# \{0,1\}//'; exit 0 ;;
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
pids=()
for seed in 2 3; do
  "$binary" calibrate --iterations 0 --toxicity-iterations 0 --final-patients "$patients" \
    --seed "$seed" --holdout-seeds 0 --no-identifiability >"$work/seed$seed.log" 2>&1 &
  pids+=($!)
done
echo "adoption-check: seeds 2 and 3, $patients patients per arm, running in parallel…" >&2
for pid in "${pids[@]}"; do
  if ! wait "$pid"; then
    kill "${pids[@]}" 2>/dev/null || true
    echo "adoption-check: a calibrate run failed; its log:" >&2
    cat "$work"/seed*.log >&2; exit 1
  fi
done

python3 - "$work/seed2.log" "$work/seed3.log" "$baseline" <<'EOF'
import re, sys
*logs, baseline = sys.argv[1:]
total = 0
for seed, path in zip((2, 3), logs):
    counts = {}
    for line in open(path, encoding="utf-8"):
        m = re.match(r"(ORR|G≥3 TRAE|median PFS) within (?:±5 points|±30 %): (\d+) of (\d+)", line)
        if m:
            counts[m.group(1)] = (int(m.group(2)), int(m.group(3)))
    if len(counts) != 3:
        sys.exit(f"adoption-check: {path}: expected the ORR, G≥3 TRAE and median PFS summary lines, found {sorted(counts)}")
    passes = sum(n for n, _ in counts.values())
    total += passes
    print(f"seed {seed}: " + ", ".join(f"{k} {n}/{m}" for k, (n, m) in counts.items()) + f"; passes {passes}")
print(f"total {total}")
if baseline:
    need = int(baseline) + 2
    print(f"{'ADOPT' if total >= need else 'KEEP'}: {total} against {need} needed (baseline {baseline} + 2)")
EOF
