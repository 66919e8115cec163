#!/usr/bin/env bash
# The docs must work on any machine: no absolute path to a checkout or to the shared data
# (use ../shared/data or $CORRIDOR_REFERENCE_DATA, as the README does).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if grep -rnE '(/work/|/home/[a-z]+/|/root/)' "$root/README.md" "$root/docs" "$root/tests/bench"; then
  echo "absolute, machine-specific paths in the docs (above)" >&2
  exit 1
fi
echo "docs: no machine-specific paths"
