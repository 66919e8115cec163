#!/usr/bin/env bash
# Quick start: install what is missing, build corridor, build the demo database from
# samples/corridor_demo.sql and samples/incidents_acled.csv, screen every sample shipment with
# the bundled rules and print the table. Run from anywhere: `bash samples/demo.sh`. Output goes to out/ in the repository.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
bash .ci/install-deps
# Release, as tests/run.sh builds: the two commands of the quick start share one build.
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target corridor -j "$(nproc)" >/dev/null
mkdir -p out
rm -f out/demo.db
build/corridor init --db out/demo.db >/dev/null
sqlite3 -bail out/demo.db < samples/corridor_demo.sql
sqlite3 -bail out/demo.db < samples/corridor_demo_payments.sql  # goods: S-90, a payment sample
build/corridor import-incidents --db out/demo.db --format acled --path samples/incidents_acled.csv
build/corridor check-rules --rules rules
build/corridor screen --db out/demo.db --rules rules --out out/demo.scores --as-of 2025-12-01 --table
echo
echo "Scores: out/demo.scores. Explain one: build/corridor explain --scores out/demo.scores --shipment S-01"
