#!/usr/bin/env bash
# The engine's build digest (engine/base/engine_build.cmake) is a digest of its sources: the same
# sources give the same digest, a one-byte change in any engine or schema file another, and the
# generated file is left untouched (its timestamp too) when the digest is unchanged.
#   tests/engine_build_test.sh
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/corridor-build-XXXXXX")
trap 'rm -rf "$work"' EXIT
cp -r "$root/engine" "$root/schemas" "$work/"
digest() {
  cmake -DSOURCE_DIR="$work" -DOUT="$work/out.cc" -P "$root/engine/base/engine_build.cmake"
  grep -o 'return "[0-9a-f]*"' "$work/out.cc"
}
first=$(digest)
[[ "$first" =~ ^return\ \"[0-9a-f]{16}\"$ ]] || { echo "no 16-digit digest: $first" >&2; exit 1; }
stamp=$(stat -c %y "$work/out.cc")
sleep 1
[[ "$(digest)" == "$first" ]] || { echo "same sources, another digest" >&2; exit 1; }
[[ "$(stat -c %y "$work/out.cc")" == "$stamp" ]] || { echo "unchanged digest rewrote the file" >&2; exit 1; }
for file in engine/names/score.cc schemas/scores.proto engine/names/population_names.txt; do
  cp "$work/$file" "$work/$file.orig"
  echo " " >>"$work/$file"
  [[ "$(digest)" != "$first" ]] || { echo "a change to $file left the digest" >&2; exit 1; }
  mv "$work/$file.orig" "$work/$file"
done
[[ "$(digest)" == "$first" ]] || { echo "restored sources, another digest" >&2; exit 1; }
echo "engine build digest: follows the sources ($first)"
