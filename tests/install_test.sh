#!/usr/bin/env bash
# Checks the install rules (CMakeLists.txt, "install() rules"): `cmake --install` into a
# temporary prefix, then the installed binary checks the installed rules and screens the demo
# database, and the installed Python reader reads the result with the installed classes.
# Usage: tests/install_test.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
"$prefix/bin/corridor" check-rules --rules "$prefix/share/corridor/rules"
for file in common.proto rules.proto scores.proto sources.proto input.sql; do
  test -f "$prefix/share/corridor/schemas/$file"
done
test -f "$prefix/share/doc/corridor/README.md"
test -f "$prefix/share/doc/corridor/docs/lists.md"
"$prefix/bin/corridor" init --db "$prefix/demo.db" >/dev/null
sqlite3 -bail "$prefix/demo.db" < "$root/samples/corridor_demo.sql"
"$prefix/bin/corridor" screen --db "$prefix/demo.db" --rules "$prefix/share/corridor/rules" \
  --out "$prefix/demo.scores" --as-of 2025-12-01 2>/dev/null
env -u PYTHONPATH /usr/bin/python3 "$prefix/share/corridor/tools/read_scores.py" "$prefix/demo.scores" \
  | grep -q "^S-01 [0-9.]* BLOCK sdn_party"
echo "install: $prefix/bin/corridor checks and screens with $prefix/share/corridor/rules"
