#!/usr/bin/env bash
# Nightly-batch benchmark: builds Release, generates a synthetic company database
# (`corridor generate`), imports the real public lists, screens it with the bundled rules and
# compares the screening time with the "read floor" (the sqlite3 shell reading every row of the
# shipment, party, entity, item and leg tables).
#
#   CORRIDOR_REFERENCE_DATA=../shared/data tests/bench/batch.sh [SHIPMENTS] [--keep]
#
# SHIPMENTS defaults to 100000 (1000000 for the full nightly size); entities are a fifth of it.
# Prints throughput (shipments/s), screen time / read floor, peak RSS, output bytes per shipment
# and per decision, the name matcher's time per name, the machine's load, and a delta run (1% of
# the shipments changed, `--since`) against the full run (DELTA_CHECK=0 skips the full rerun that
# checks the delta's bytes). The work folder is removed at the end unless --keep. docs/performance.md ("Batch
# benchmark") records a run.
set -euo pipefail

shipments=${1:-100000}
keep=${2:-}
entities=$((shipments / 5))
root=$(cd "$(dirname "$0")/../.." && pwd)
data=${CORRIDOR_REFERENCE_DATA:?set CORRIDOR_REFERENCE_DATA to the shared data folder}
build=${BUILD_DIR:-$root/build-release}
work=$(mktemp -d "${TMPDIR:-/tmp}/corridor-batch-XXXXXX")
[[ "$keep" == "--keep" ]] || trap 'rm -rf "$work"' EXIT

# CORRIDOR_BIN=path uses an existing binary instead of building one.
if [[ -n "${CORRIDOR_BIN:-}" ]]; then
  corridor=$CORRIDOR_BIN
else
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
    >/dev/null
  cmake --build "$build" -j2 --target corridor >/dev/null
  corridor=$build/corridor
fi
db=$work/batch.db

# Lists first, then generate into the same file: the listed share is drawn from the real lists.
"$corridor" import-list --db "$db" --format ofac-csv --path "$data/lists/ofac_sdn" >/dev/null
"$corridor" import-list --db "$db" --format un-xml --path "$data/lists/un_sc/UN_consolidated.xml" \
  >/dev/null
# The partial CSL ends mid-field: --force imports its complete rows (docs/lists.md).
"$corridor" import-list --db "$db" --format csl-csv --force \
  --path "$data/lists/us_csl/csl_partial_2023-11-30.csv" >/dev/null
# The bundled rules need a `uflpa` list; the shared data has none machine-readable, so a few
# names from the public UFLPA Entity List stand in for it.
cat >"$work/uflpa.csv" <<'CSV'
name,kind,country,programs
Xinjiang Production and Construction Corps,organization,CN,UFLPA
"Hoshine Silicon Industry (Shanshan) Co., Ltd",company,CN,UFLPA
"Xinjiang Daqo New Energy Co., Ltd.",company,CN,UFLPA
"Xinjiang East Hope Nonferrous Metals Co., Ltd.",company,CN,UFLPA
"Xinjiang GCL New Energy Material Technology Co., Ltd.",company,CN,UFLPA
CSV
"$corridor" import-list --db "$db" --format csv --list-id uflpa --path "$work/uflpa.csv" >/dev/null

start=$(date +%s.%N)
"$corridor" generate --db "$db" --shipments "$shipments" --entities "$entities" --seed 1
generate_s=$(echo "$(date +%s.%N) - $start" | bc)

# The read floor (the issue's "plain read of the same rows by sqlite3"): every row of the
# shipments, their parties, the entities, items and legs, each table read whole. The target is
# at most 5 x this. Until 2026-12-04 the floor joined each shipment with its rows and sorted the
# joins in temporary B-trees: 6x this plain read at a million shipments, which flattered the
# ratio (docs/performance.md, "The read floor, measured as the issue measures it"). That joined
# read is still printed, without the sorts (in index order, as corridor reads), for comparison.
start=$(date +%s.%N)
sqlite3 "$db" >/dev/null <<'SQL'
SELECT * FROM shipment; SELECT * FROM shipment_party; SELECT * FROM entity;
SELECT * FROM shipment_item; SELECT * FROM shipment_leg;
SQL
floor_s=$(echo "$(date +%s.%N) - $start" | bc)
start=$(date +%s.%N)
sqlite3 "$db" >/dev/null <<'SQL'
SELECT * FROM shipment s CROSS JOIN shipment_party p USING (shipment_id)
  JOIN entity e USING (entity_id);
SELECT * FROM shipment s CROSS JOIN shipment_item i USING (shipment_id);
SELECT * FROM shipment s CROSS JOIN shipment_leg l USING (shipment_id);
SQL
joined_s=$(echo "$(date +%s.%N) - $start" | bc)

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
/usr/bin/time -v -o "$work/time.txt" "$corridor" screen --db "$db" --rules "$root/rules" \
  --out "$work/out.scores" --as-of 2026-01-15 --threads 2 --summary-json "$work/summary.json" \
  2>"$work/screen.err"
elapsed=$(grep "Elapsed (wall clock)" "$work/time.txt" | awk '{print $NF}')
to_seconds() { awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }'; }
screen_s=$(echo "$elapsed" | to_seconds)
rss_kb=$(grep "Maximum resident set size" "$work/time.txt" | awk '{print $NF}')
out_bytes=$(stat -c %s "$work/out.scores")

echo "machine:        $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "load (1/5/15):  before the screen $load_before, after $(cut -d' ' -f1-3 /proc/loadavg)"
echo "shipments:      $shipments (entities $entities)"
echo "generate:       ${generate_s} s"
echo "read floor:     ${floor_s} s (every row of the five tables); joined in index order ${joined_s} s"
echo "screen:         ${screen_s} s (--threads 2), CPU $(grep "User time" "$work/time.txt" | awk '{print $NF}') s user + $(grep "System time" "$work/time.txt" | awk '{print $NF}') s system"
echo "throughput:     $(echo "$shipments / $screen_s" | bc) shipments/s"
echo "screen / floor: $(echo "scale=1; $screen_s / $floor_s" | bc) (target at most 5); / joined read $(echo "scale=1; $screen_s / $joined_s" | bc)"
echo "peak RSS:       $((rss_kb / 1024)) MiB"
echo "output:         $(echo "scale=1; $out_bytes / $shipments" | bc) bytes/shipment"
python3 - "$work/summary.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
for d, n in s["decisions"].items():
    b = s["bytes_by_decision"][d]
    print(f"  {d:7} {n:9} shipments, {b / n if n else 0:7.1f} bytes each")
t = s["timings_seconds"]
n = s["names_searched"]
print(f"entities:       {s['entities_screened']} screened once each ({n} names), "
      f"{t['name_screening_thread_time']:.1f} s thread time = "
      f"{1e3 * t['name_screening_thread_time'] / max(n, 1):.2f} ms per name; setup {t['setup']:.1f} s")
PY

# A delta run: 1% of the shipments (destination and updated_at) and 1% of the entities (name)
# change, then --since: the changed entities are screened, the others' facts come from
# out.scores.facts. DELTA=0 stops here (the million-shipment run measures the full run only).
[[ "${DELTA:-1}" == 1 ]] || exit 0
sqlite3 "$db" "UPDATE shipment SET destination_country = 'PK', updated_at = '2026-01-16'
               WHERE rowid % 100 = 0;
               UPDATE entity SET name = name || ' TRADING' WHERE rowid % 100 = 0;"
/usr/bin/time -v -o "$work/time-delta.txt" "$corridor" screen --db "$db" --rules "$root/rules" \
  --out "$work/delta.scores" --as-of 2026-01-15 --threads 2 --quiet \
  --since "$work/out.scores" --summary-json "$work/delta.json" 2>/dev/null
delta_s=$(grep "Elapsed (wall clock)" "$work/time-delta.txt" | awk '{print $NF}' | to_seconds)
echo "delta CPU:      $(grep "User time" "$work/time-delta.txt" | awk '{print $NF}') s user + $(grep "System time" "$work/time-delta.txt" | awk '{print $NF}') s system"
echo "delta (1%):     ${delta_s} s = $(echo "scale=3; 100 * $delta_s / $screen_s" | bc)% of the full run; $(python3 -c "import json; d = json.load(open('$work/delta.json')); t = d['delta']; print(t['rescreened'], 'shipments screened again,', t['carried_over'], 'carried over', t['note'] + ';', d['entities_screened'], 'entities screened,', t['entities_reused'], 'reused', t['facts_note'])")"
if [[ "${DELTA_CHECK:-1}" == 1 ]]; then
  "$corridor" screen --db "$db" --rules "$root/rules" --out "$work/full2.scores" \
    --as-of 2026-01-15 --threads 2 --quiet 2>/dev/null
  cmp -s "$work/delta.scores" "$work/full2.scores" && echo "delta == full:  identical bytes" \
    || echo "delta == full:  DIFFERENT"
fi
