#!/usr/bin/env bash
# Checks that the Python reader of docs/output.md reads what the C++ writer writes, in both
# formats: builds the demo database, screens it, reads it back with the Python classes the build
# generated (BUILD_DIR/python, target corridor_python): no protoc run by hand.
# Usage: tests/python_reader_test.sh PATH_TO_CORRIDOR BUILD_DIR
set -euo pipefail
corridor=$(realpath "$1")
build=$(cd "$2" && pwd)
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$corridor" init --db "$work/demo.db" >/dev/null
sqlite3 -bail "$work/demo.db" < "$root/samples/corridor_demo.sql"
"$corridor" import-incidents --db "$work/demo.db" --format acled \
  --path "$root/samples/incidents_acled.csv" >/dev/null
test -f "$build/python/schemas/scores_pb2.py"
expected=$(grep -c '^S-' "$root/samples/expected_decisions.csv")
for format in delimited json; do
  "$corridor" screen --db "$work/demo.db" --rules "$root/rules" --out "$work/s.$format" \
    --format "$format" --as-of 2025-12-01 2>/dev/null
  PYTHONPATH="$build/python" /usr/bin/python3 "$root/tools/read_scores.py" "$work/s.$format" > "$work/read.$format"
  grep -q "^S-01 [0-9.]* BLOCK sdn_party" "$work/read.$format"
  grep -q "\"shipments\": \"$expected\"" "$work/read.$format"
done
cmp "$work/read.delimited" "$work/read.json"
# A record altered after it was written (a shipment's id edited, so it still parses) is refused by
# its checksum (ScoreRecord.crc32), in both formats.
for format in delimited json; do
  LC_ALL=C sed 's/S-01/S-91/' "$work/s.$format" > "$work/altered.$format"
  if PYTHONPATH="$build/python" /usr/bin/python3 "$root/tools/read_scores.py" "$work/altered.$format" \
      > /dev/null 2> "$work/err"; then
    echo "read_scores.py read an altered $format record" >&2
    exit 1
  fi
  grep -q "checksum mismatch" "$work/err"
done
# Without PYTHONPATH the reader finds the classes beside itself: a copy of tools/ next to the
# build's python/ folder is the install tree's layout (share/corridor/{tools,python}).
mkdir -p "$work/share/tools"
cp "$root/tools/read_scores.py" "$work/share/tools/"
ln -s "$build/python" "$work/share/python"
(cd "$work" && env -u PYTHONPATH /usr/bin/python3 share/tools/read_scores.py s.delimited) > "$work/read.beside"
cmp "$work/read.delimited" "$work/read.beside"
# With no classes anywhere it says what to do, and fails.
rm "$work/share/python"
if (cd "$work" && env -u PYTHONPATH /usr/bin/python3 share/tools/read_scores.py s.delimited) 2> "$work/err"; then
  echo "read_scores.py ran without its classes" >&2
  exit 1
fi
grep -q "cmake --build build" "$work/err"
echo "python reader: both formats read back the same $expected shipments"
