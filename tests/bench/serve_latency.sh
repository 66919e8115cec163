#!/usr/bin/env bash
# Latency of `corridor serve` at a constant 200 requests/s, measured from a second process
# (tests/bench/serve_load.py): /screen with 5 parties and /match with one query, against the
# demo database with the real public lists imported when CORRIDOR_REFERENCE_DATA is set (the
# index a deployment would hold), else the demo's sample list rows only.
#
#   CORRIDOR_REFERENCE_DATA=../shared/data tests/bench/serve_latency.sh [SECONDS] [RATE]
#
# Builds Release into $BUILD_DIR (default build-release; an existing folder keeps its build type). docs/performance.md ("Serving") records
# a run. Everything runs on 127.0.0.1 and stops by itself.
set -euo pipefail
seconds=${1:-20}
rate=${2:-200}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD_DIR:-$root/build-release}
work=$(mktemp -d "${TMPDIR:-/tmp}/corridor-serve-XXXXXX")
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# An existing build folder is used as configured (BUILD_DIR=build: the RelWithDebInfo tree).
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
    >/dev/null
fi
cmake --build "$build" -j2 --target corridor >/dev/null
corridor=$build/corridor
db=$work/serve.db
"$corridor" init --db "$db" >/dev/null
sqlite3 -bail "$db" <"$root/samples/corridor_demo.sql"
if [[ -n "${CORRIDOR_REFERENCE_DATA:-}" ]]; then
  data=$CORRIDOR_REFERENCE_DATA
  "$corridor" import-list --db "$db" --format ofac-csv --path "$data/lists/ofac_sdn" >/dev/null
  # --force: the demo database holds a sample UN row the real list replaces.
  "$corridor" import-list --db "$db" --format un-xml --force \
    --path "$data/lists/un_sc/UN_consolidated.xml" >/dev/null
  "$corridor" import-list --db "$db" --format csl-csv --force \
    --path "$data/lists/us_csl/csl_partial_2023-11-30.csv" >/dev/null
fi
"$corridor" serve --db "$db" --rules "$root/rules" --listen 127.0.0.1:0 2>"$work/serve.log" &
server_pid=$!
for _ in $(seq 1 600); do
  port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.log")
  [[ -n "$port" ]] && break
  sleep 0.1
done
[[ -n "${port:-}" ]] || { cat "$work/serve.log"; exit 1; }
names=$(python3 -c 'import json,sys,urllib.request as u; print(json.load(u.urlopen(sys.argv[1]))["indexed_names"])' "http://127.0.0.1:$port/readyz")
echo "serving $names list names on port $port; $rate requests/s for $seconds s per route"
# The server's CPU time per request (utime + stime from /proc, in clock ticks) says what a
# request costs apart from how busy the machine is: latency on a shared machine includes waiting
# for a core.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
hz=$(getconf CLK_TCK)
for route in screen match; do
  before=$(cpu_ticks)
  python3 "$root/tests/bench/serve_load.py" --url "http://127.0.0.1:$port" --route "$route" \
    --rate "$rate" --seconds "$seconds"
  after=$(cpu_ticks)
  echo "$route: server CPU $(echo "scale=3; ($after - $before) * 1000 / $hz / ($rate * $seconds)" | bc) ms per request; load average $(cut -d' ' -f1-3 /proc/loadavg)"
done
