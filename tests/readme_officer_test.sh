#!/usr/bin/env bash
# The README's "For compliance officers" example, run as written: the first ```sh block of that
# section, on a fresh copy of the quick start's demo database (samples/demo.sh's steps), with
# build/corridor and out/ pointing at this build and a temporary folder. Then checks what the
# README says happens: the shipment is clear, its hit suppressed and shown with the analyst's
# reason, and the audit log holds the decision and the run.
#   tests/readme_officer_test.sh CORRIDOR_BINARY
set -euo pipefail
corridor=$1
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/corridor-readme-XXXXXX")
trap 'rm -rf "$work"' EXIT

# The block: from the section heading to the first closing fence after the first ```sh.
awk '/^## For compliance officers/ {in_section = 1}
     in_section && /^```sh$/ && !started {started = 1; next}
     started && /^```$/ {exit}
     started {print}' "$root/README.md" >"$work/block.sh"
grep -q 'corridor decide' "$work/block.sh" || { echo "README block not found" >&2; exit 1; }

# The quick start's database, as samples/demo.sh builds it.
mkdir -p "$work/out" "$work/build"
ln -s "$corridor" "$work/build/corridor"
ln -s "$root/rules" "$work/rules"
"$corridor" init --db "$work/out/demo.db" >/dev/null
sqlite3 -bail "$work/out/demo.db" <"$root/samples/corridor_demo.sql"
sqlite3 -bail "$work/out/demo.db" <"$root/samples/corridor_demo_payments.sql"
"$corridor" import-incidents --db "$work/out/demo.db" --format acled \
  --path "$root/samples/incidents_acled.csv" >/dev/null
"$corridor" screen --db "$work/out/demo.db" --rules "$root/rules" --out "$work/out/demo.scores" \
  --as-of 2025-12-01 2>"$work/first-screen.txt" || { cat "$work/first-screen.txt" >&2; exit 1; }
cd "$work"
bash -euo pipefail block.sh >output.txt 2>&1 || { cat output.txt >&2; exit 1; }

# What the README promises of the block.
shipment=$(grep -o -- '--shipment S-[0-9]*' block.sh | head -1 | cut -d' ' -f2)
"$corridor" explain --scores out/demo.scores --shipment "$shipment" >after.txt
fail() { echo "README example: $1" >&2; cat output.txt after.txt >&2; exit 1; }
grep -q "shipment $shipment: clear" after.txt || fail "$shipment is not clear after the decision"
grep -q "suppressed" after.txt || fail "the cleared hit is not shown as suppressed"
grep -q "cleared by a.analyst" after.txt || fail "the suppressed hit does not say who cleared it"
grep -q "cleared,.*a.analyst" output.txt || grep -q "a.analyst" output.txt ||
  fail "the audit log does not hold the decision"
grep -qi "run" output.txt || fail "the audit log does not hold the run"
echo "README officer example: ok ($shipment cleared and suppressed)"
