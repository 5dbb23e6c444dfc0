#!/usr/bin/env bash
# Lint with swift-format (in the Swift toolchain) using the rules enabled in .swift-format: no force
# unwraps, no force try, no implicitly unwrapped optionals outside tests, capitalised type names.
# The formatter's layout rules (indentation, line breaks) are not adopted — the code keeps its own
# compact layout — so only rule findings fail the lint, not pretty-printer differences.
set -euo pipefail
cd "$(dirname "$0")/.."
findings=$(swift format lint --recursive Sources 2>&1 \
  | grep -E "warning: \[(NeverForceUnwrap|NeverUseForceTry|NeverUseImplicitlyUnwrappedOptionals|TypeNamesShouldBeCapitalized|NoPlaygroundLiterals)\]" \
  | sort -u || true)
if [ -n "$findings" ]; then
  echo "$findings"
  echo "lint: $(wc -l <<< "$findings") finding(s) in Sources (see .swift-format)" >&2
  exit 1
fi
echo "lint: no findings in Sources"
