#!/usr/bin/env bash
# Builds `blockade` in release and installs it where a shell finds it: the binary and the SwiftPM
# resource bundles it reads its data files from (Bundle.module: *.resources next to the binary)
# go to PREFIX/lib/blockade/, and PREFIX/bin/blockade links to that binary. PREFIX is ~/.local by
# default (~/.local/bin is on the PATH of most Linux shells). A previous install is replaced whole.
# The installed binary is then run once from another directory as a check.
#   scripts/install.sh [--prefix DIR] [--scratch-path DIR]
# --scratch-path: SwiftPM's build folder (default .build), e.g. to reuse an existing release build.
# Uninstall: rm -r PREFIX/lib/blockade PREFIX/bin/blockade
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="$HOME/.local"
scratch=".build"
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || { echo "scripts/install.sh: --prefix needs a folder" >&2; exit 64; }; prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    --scratch-path) [ $# -ge 2 ] || { echo "scripts/install.sh: --scratch-path needs a folder" >&2; exit 64; }; scratch="$2"; shift 2 ;;
    --scratch-path=*) scratch="${1#--scratch-path=}"; shift ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "scripts/install.sh: unknown option '$1' (expected --prefix DIR or --scratch-path DIR)" >&2; exit 64 ;;
  esac
done
case "$prefix" in /*) ;; *) prefix="$PWD/$prefix" ;; esac

echo "== building blockade (release)"
swift build -c release --product blockade --scratch-path "$scratch"
bin_path="$(swift build -c release --scratch-path "$scratch" --show-bin-path)"
bundles=("$bin_path"/*.resources)
[ -e "${bundles[0]}" ] || { echo "scripts/install.sh: no *.resources bundles in $bin_path; the build is incomplete" >&2; exit 1; }

lib="$prefix/lib/blockade"
echo "== installing into $lib, linked from $prefix/bin/blockade"
mkdir -p "$prefix/lib" "$prefix/bin"
# Assemble the new install beside the old one, then swap, so a failed copy leaves the old one working.
staging="$(mktemp -d "$prefix/lib/.blockade-install.XXXXXX")"
trap 'rm -rf "$staging"' EXIT
cp "$bin_path/blockade" "$staging/"
for bundle in "${bundles[@]}"; do cp -R "$bundle" "$staging/"; done
chmod 755 "$staging"
rm -rf "$lib"
mv "$staging" "$lib"
ln -sfn "$lib/blockade" "$prefix/bin/blockade"

echo "== checking the installed binary from another directory"
for bundle in "${bundles[@]}"; do
  [ -d "$lib/$(basename "$bundle")" ] || { echo "scripts/install.sh: $(basename "$bundle") missing from $lib" >&2; exit 1; }
done
check_dir="$(mktemp -d)"
( cd "$check_dir" && "$prefix/bin/blockade" trial --tumor melanoma --arm nivolumab --patients 5 --no-history --quiet ) > "$check_dir/out.txt" \
  || { echo "scripts/install.sh: the installed blockade failed its check run:" >&2; cat "$check_dir/out.txt" >&2; rm -rf "$check_dir"; exit 1; }
grep -q "Virtual trial" "$check_dir/out.txt" || { echo "scripts/install.sh: unexpected output of the check run" >&2; exit 1; }
rm -rf "$check_dir"
echo "installed blockade $("$prefix/bin/blockade" --version) at $prefix/bin/blockade"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "note: $prefix/bin is not on your PATH; add it, e.g. echo 'export PATH=\"$prefix/bin:\$PATH\"' >> ~/.bashrc" ;;
esac
