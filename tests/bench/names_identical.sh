#!/usr/bin/env bash
# Checks that a change to the name matcher changes no result: runs `corridor match --queries`
# (JSON, --limit 10 --min-score 0.5) with two binaries on the same query sets and compares the
# outputs byte for byte:
#   (a) the precision set: tools/precision_names.py --count 5000 --seed 2 (kind person);
#   (b) names drawn from the imported lists themselves (names and aliases), most of them
#       perturbed (typo, dropped, swapped, joined or split words, case and punctuation), some with
#       a kind, country, birth date or identifier (agreeing or not), seeded.
#
#   CORRIDOR_REFERENCE_DATA=../shared/data tests/bench/names_identical.sh BEFORE_BIN AFTER_BIN [COUNT]
#
# BEFORE_BIN is, e.g., a copy of build-release/corridor made before the change. COUNT (default
# 3000) is the size of set (b). The lists database and the outputs are kept in $WORK (default
# /tmp/corridor-names-identical), the BEFORE outputs cached by the binary's checksum, so a
# series of changes re-runs only the new binary. Prints the CPU time of each run and exits 1 on
# any difference.
set -euo pipefail

before=${1:?usage: names_identical.sh BEFORE_BIN AFTER_BIN [COUNT]}
after=${2:?usage: names_identical.sh BEFORE_BIN AFTER_BIN [COUNT]}
count=${3:-3000}
root=$(cd "$(dirname "$0")/../.." && pwd)
data=${CORRIDOR_REFERENCE_DATA:?set CORRIDOR_REFERENCE_DATA to the shared data folder}
work=${WORK:-/tmp/corridor-names-identical}
mkdir -p "$work"
db=$work/lists.db

if [[ ! -s "$db" ]]; then
  "$before" import-list --db "$db.tmp" --format ofac-csv --path "$data/lists/ofac_sdn" >/dev/null
  "$before" import-list --db "$db.tmp" --format ofac-csv --path "$data/lists/ofac_non_sdn" \
    >/dev/null
  "$before" import-list --db "$db.tmp" --format un-xml \
    --path "$data/lists/un_sc/UN_consolidated.xml" >/dev/null
  "$before" import-list --db "$db.tmp" --format csl-csv --force \
    --path "$data/lists/us_csl/csl_partial_2023-11-30.csv" >/dev/null
  mv "$db.tmp" "$db"
fi
[[ -s "$work/precision.csv" ]] ||
  python3 "$root/tools/precision_names.py" --count 5000 --seed 2 >"$work/precision.csv"
if [[ ! -s "$work/listed_$count.csv" ]]; then
  python3 - "$db" "$count" >"$work/listed_$count.csv" <<'PY'
import csv, random, sqlite3, sys
db, count = sys.argv[1], int(sys.argv[2])
con = sqlite3.connect(db)
entries = {}
for list_id, entry_id, kind, name, country, birth in con.execute(
        "SELECT list_id, entry_id, kind, name, country, birth_date FROM list_entry "
        "ORDER BY list_id, entry_id"):
    entries[(list_id, entry_id)] = dict(kind=kind or "", names=[name], country=country or "",
                                        birth=birth or "", ids=[])
for list_id, entry_id, name in con.execute(
        "SELECT list_id, entry_id, name FROM list_alias ORDER BY list_id, entry_id, rowid"):
    if (list_id, entry_id) in entries: entries[(list_id, entry_id)]["names"].append(name)
for list_id, entry_id, number in con.execute(
        "SELECT list_id, entry_id, number FROM list_identifier ORDER BY list_id, entry_id, rowid"):
    if (list_id, entry_id) in entries: entries[(list_id, entry_id)]["ids"].append(number)
keys = sorted(entries)
rng = random.Random(7)
letters = "abcdefghijklmnopqrstuvwxyz"
countries = ["RU", "IR", "CN", "KZ", "AE", "TR", "PK", "SY", "KP", "US"]

def typo(word):
    if len(word) < 2: return word
    i = rng.randrange(len(word))
    op = rng.randrange(4)
    if op == 0: return word[:i] + rng.choice(letters) + word[i + 1:]
    if op == 1: return word[:i] + word[i + 1:]
    if op == 2: return word[:i] + rng.choice(letters) + word[i:]
    if i + 1 < len(word): return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word

def perturb(name):
    words = name.replace(",", " ").split()
    if not words: return name
    op = rng.randrange(9)
    if op == 0: return name
    if op == 1:
        i = rng.randrange(len(words)); words[i] = typo(words[i])
    elif op == 2 and len(words) > 1: del words[rng.randrange(len(words))]
    elif op == 3 and len(words) > 1: words[0], words[-1] = words[-1], words[0]
    elif op == 4 and len(words) > 1:
        i = rng.randrange(len(words) - 1); words[i:i + 2] = [words[i] + words[i + 1]]
    elif op == 5:
        i = rng.randrange(len(words))
        if len(words[i]) > 4: k = len(words[i]) // 2; words[i:i + 1] = [words[i][:k], words[i][k:]]
    elif op == 6: return name.lower().replace("-", " ")
    elif op == 7:
        for _ in range(2):
            i = rng.randrange(len(words)); words[i] = typo(words[i])
    else: return name.title()
    return " ".join(words)

out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["name", "kind", "country", "birth_date", "identifier"])
for _ in range(count):
    e = entries[rng.choice(keys)]
    name = perturb(rng.choice(e["names"]))
    kind = country = birth = ident = ""
    r = rng.random()
    if r < 0.3: kind = e["kind"] if rng.random() < 0.8 else rng.choice(["person", "vessel", "company"])
    if rng.random() < 0.2: country = e["country"] if e["country"] and rng.random() < 0.6 else rng.choice(countries)
    if rng.random() < 0.2 and e["birth"]:
        birth = e["birth"] if rng.random() < 0.6 else str(int(e["birth"][:4]) + rng.choice([-5, 1, 3])) + e["birth"][4:]
    if rng.random() < 0.05 and e["ids"]: ident = rng.choice(e["ids"])
    out.writerow([name, kind, country, birth, ident])
PY
fi

# run BIN SET OUT: prints "user+sys CPU seconds".
run() {
  /usr/bin/time -f "%U %S" -o "$3.time" "$1" match --db "$db" --queries "$work/$2" --format json \
    --limit 10 --min-score 0.5 >"$3" 2>"$3.err"
  awk '{printf "%.2f", $1 + $2}' "$3.time"
}
sum=$(sha1sum "$before" | cut -c1-12)
status=0
for set in precision.csv "listed_$count.csv"; do
  ref=$work/before_${sum}_${set%.csv}.jsonl
  [[ -s "$ref" ]] && ref_cpu="cached" || ref_cpu="$(run "$before" "$set" "$ref") s CPU"
  new=$work/after_${set%.csv}.jsonl
  new_cpu=$(run "$after" "$set" "$new")
  lines=$(wc -l <"$ref")
  if cmp -s "$ref" "$new"; then
    echo "$set: identical ($lines queries; before $ref_cpu, after $new_cpu s CPU; load $(cut -d' ' -f1 /proc/loadavg))"
  else
    echo "$set: DIFFERENT ($(diff <(cat "$ref") <(cat "$new") | grep -c '^<') of $lines lines differ):"
    diff "$ref" "$new" | head -4 | cut -c1-300
    status=1
  fi
done
exit $status
