#!/usr/bin/env bash
# Checks that the Python reader of docs/output.md reads what the C++ writer writes, in both
# formats: builds the demo database, screens it, generates the Python classes, reads them back.
# Usage: tests/python_reader_test.sh PATH_TO_CORRIDOR
set -euo pipefail
corridor=$1
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$corridor" init --db "$work/demo.db" >/dev/null
sqlite3 -bail "$work/demo.db" < "$root/samples/corridor_demo.sql"
"$corridor" import-incidents --db "$work/demo.db" --format acled \
  --path "$root/samples/incidents_acled.csv" >/dev/null
protoc --python_out="$work" -I"$root" "$root/schemas/common.proto" "$root/schemas/scores.proto"
expected=$(grep -c '^S-' "$root/samples/expected_decisions.csv")
for format in delimited json; do
  "$corridor" screen --db "$work/demo.db" --rules "$root/rules" --out "$work/s.$format" \
    --format "$format" --as-of 2025-12-01 2>/dev/null
  PYTHONPATH="$work" /usr/bin/python3 "$root/tools/read_scores.py" "$work/s.$format" > "$work/read.$format"
  grep -q "^S-01 [0-9.]* BLOCK sdn_party" "$work/read.$format"
  grep -q "\"shipments\": \"$expected\"" "$work/read.$format"
done
cmp "$work/read.delimited" "$work/read.json"
echo "python reader: both formats read back the same $expected shipments"
