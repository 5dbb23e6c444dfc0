#!/usr/bin/env bash
# Peer check of the sharded trial workflow (workflows/trial/Snakefile): Snakemake runs a tiny trial
# as shards on 2 local cores and merges them; the merged trial.json must be byte-identical to one
# unsharded `blockade trial ... --format json` with the same seed — for shard counts that divide the
# patients evenly (4) and unevenly (3). The workflow's dry run is checked first; it needs no binary.
#
# Until `blockade trial` exists this prints "SKIPPED: ..." and exits 0; once it exists, any
# difference fails the script.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
snakefile=workflows/trial/Snakefile

source scripts/peers.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

tumor=melanoma; arm_a=nivolumab; arm_b=placebo; patients=40; seed=7
write_config() { # shards blockade-binary outdir
  cat > "$work/config-$1.yaml" <<YAML
tumor: $tumor
arms: [$arm_a, $arm_b]
patients: $patients
seed: $seed
select: ""
shards: $1
blockade: $2
outdir: $3
YAML
}

echo "-- dry run (snakemake -n)"
write_config 4 blockade dry
snakemake -s "$snakefile" --profile workflows/profiles/local --directory "$work" \
  --configfile "$work/config-4.yaml" -n --quiet rules > "$work/dry.txt"
cat "$work/dry.txt"
grep -Eq '^shard +4$' "$work/dry.txt" && grep -Eq '^merge +1$' "$work/dry.txt" \
  || { echo "FAIL: the dry run did not plan 4 shard jobs and 1 merge job"; exit 1; }

# BLOCKADE_BIN (scripts/peers.sh) runs the check against another build (or a stand-in).
bin=$BLOCKADE_BIN
# ArgumentParser answers `--help` after an unknown subcommand with the top-level help and status 0,
# so the probe also requires the trial command's own usage line.
if ! help=$("$bin" trial --help 2>&1) || ! grep -q "USAGE: blockade trial" <<< "$help"; then
  echo "SKIPPED: blockade trial not available yet (\`blockade trial --help\` failed); the workflow dry run passed"
  exit 0
fi

echo "-- unsharded: blockade trial --tumor $tumor --arm $arm_a --arm $arm_b --patients $patients --seed $seed --format json"
"$bin" trial --tumor "$tumor" --arm "$arm_a" --arm "$arm_b" --patients "$patients" --seed "$seed" --format json \
  > "$work/unsharded.json"

status=0
for shards in 4 3; do
  echo "-- workflow with $shards shards on 2 cores"
  write_config "$shards" "$bin" "run$shards"
  snakemake -s "$snakefile" --profile workflows/profiles/local --cores 2 --directory "$work" \
    --configfile "$work/config-$shards.yaml" --quiet progress
  merged="$work/run$shards/trial.json"
  if cmp -s "$merged" "$work/unsharded.json"; then
    echo "ok: merged $shards shards == unsharded ($(wc -c < "$merged") bytes)"
  else
    echo "FAIL: merged trial.json from $shards shards differs from the unsharded run:"
    diff <(python3 -m json.tool --sort-keys "$work/unsharded.json" 2>/dev/null || cat "$work/unsharded.json") \
         <(python3 -m json.tool --sort-keys "$merged" 2>/dev/null || cat "$merged") | head -40 || true
    cmp "$merged" "$work/unsharded.json" || true
    status=1
  fi
done
exit $status
