#!/usr/bin/env bash
# Name-matching measurements on the real lists, through the importers and `corridor match`
# (docs/matching.md, "Measured on the real lists"):
#   1. precision at scale: the alert share of random names of the corridor's populations
#      (tools/precision_names.py, COUNT names, seed 2), with kind person and without a kind;
#   2. speed: the wall and CPU time of that `match --queries` run, output written, per name;
#   3. cross-script: the held-out Watchman pairs (measured, never tuned on) with score-pairs;
#   4. partial names: listed persons searched by first given and family name only
#      (tools/partial_names.py), what the common-name rules cost in recall.
#
#   CORRIDOR_REFERENCE_DATA=../shared/data tests/bench/names_lists.sh [COUNT] [BUILD_DIR]
#
# COUNT defaults to 20000; BUILD_DIR to build-release (built here, Release).
set -euo pipefail

count=${1:-20000}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${2:-$root/build-release}
data=${CORRIDOR_REFERENCE_DATA:?set CORRIDOR_REFERENCE_DATA to the shared data folder}
work=$(mktemp -d "${TMPDIR:-/tmp}/corridor-names-XXXXXX")
trap 'rm -rf "$work"' EXIT

if [[ "$build" == "$root/build-release" ]]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
    >/dev/null
  cmake --build "$build" -j2 --target corridor >/dev/null
fi
corridor=$build/corridor
db=$work/lists.db
"$corridor" import-list --db "$db" --format ofac-csv --path "$data/lists/ofac_sdn" >/dev/null
"$corridor" import-list --db "$db" --format ofac-csv --path "$data/lists/ofac_non_sdn" >/dev/null
"$corridor" import-list --db "$db" --format un-xml --path "$data/lists/un_sc/UN_consolidated.xml" \
  >/dev/null
"$corridor" import-list --db "$db" --format csl-csv --force \
  --path "$data/lists/us_csl/csl_partial_2023-11-30.csv" >/dev/null

python3 "$root/tools/precision_names.py" --count "$count" --seed 2 >"$work/person.csv"
# The same names without a kind: one name a line.
tail -n +2 "$work/person.csv" | python3 -c 'import csv,sys
for row in csv.reader(sys.stdin): print(row[0])' >"$work/plain.txt"

echo "== precision, kind person (${count} names)"
"$corridor" match --db "$db" --queries "$work/person.csv" --format json --limit 1 --stats \
  >"$work/person.jsonl" 2>"$work/match.err"
python3 "$root/tools/alert_share.py" "$work/person.jsonl" >"$work/person.txt"
head -40 "$work/person.txt"
echo "== speed (one thread, JSON written; wall clock, then CPU time and the load average):"
grep -E "built in|CPU time" "$work/match.err"
echo "== precision, no kind"
"$corridor" match --db "$db" --queries "$work/plain.txt" --format json --limit 1 \
  >"$work/plain.jsonl" 2>/dev/null
python3 "$root/tools/alert_share.py" "$work/plain.jsonl" >"$work/plain_alerts.txt"
head -40 "$work/plain_alerts.txt"
echo "== cross-script pairs (held out: measured, not tuned)"
"$corridor" score-pairs --db "$db" --pairs "$data/matching/cross_script_pairs.csv" \
  --out "$work/cross.csv" | tail -5
echo "== partial names of listed persons (first given name and family name)"
python3 "$root/tools/partial_names.py" make --db "$db" --out "$work/partial.csv" \
  --meta "$work/partial.tsv" 2>/dev/null
"$corridor" match --db "$db" --queries "$work/partial.csv" --format json --limit 10 \
  >"$work/partial.jsonl" 2>/dev/null
python3 "$root/tools/partial_names.py" count --meta "$work/partial.tsv" "$work/partial.jsonl"
