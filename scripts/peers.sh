# Sourced by the scripts that run peer tools. Sets up, once, the project's Python environment
# `.venv/` (git-ignored) with the peers in scripts/requirements.txt and puts it first on PATH, so
# `python3`, `snakemake` and the packages resolve there and nothing is installed system-wide.
# Also sets BLOCKADE_BIN: the binary to check (given, or the release build, built when needed).
peers_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
peers_venv="$peers_root/.venv"
if [ ! -x "$peers_venv/bin/python3" ] || ! "$peers_venv/bin/python3" -c "import roadrunner, libsbml, lifelines, scipy, snakemake" 2>/dev/null; then
  echo "setting up the peer environment in .venv/ (pip: scripts/requirements.txt; takes 1-3 minutes once)" >&2
  python3 -m venv "$peers_venv"
  "$peers_venv/bin/python3" -m pip install -q --disable-pip-version-check -r "$peers_root/scripts/requirements.txt" >&2
fi
export PATH="$peers_venv/bin:$PATH"
if [ -z "${BLOCKADE_BIN:-}" ]; then
  (cd "$peers_root" && swift build -c release --product blockade >&2)
  BLOCKADE_BIN="$peers_root/.build/release/blockade"
fi
BLOCKADE_BIN=$(cd "$(dirname "$BLOCKADE_BIN")" && pwd)/$(basename "$BLOCKADE_BIN")
export BLOCKADE_BIN
