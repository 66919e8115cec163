#!/usr/bin/env bash
# The calibration tools end to end (docs/matching.md, "Towards a calibrated score"): labelled
# pairs scored by `corridor score-pairs --features`, random names' best matches turned into
# negatives by tools/alert_share.py --pairs, a model fitted by tools/train_name_model.py. Checks
# that the fit is deterministic, that what it learns separates held-out pairs,
# and that a file without the features is refused with its file and line.
# Usage: tests/train_name_model_test.sh PATH_TO_CORRIDOR
set -euo pipefail
corridor=$(realpath "$1")
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Positives: a name against itself reordered or with one letter changed; negatives: two names
# sharing one word. Deterministic, no randomness.
/usr/bin/python3 - "$work/pairs.csv" <<'PY'
import csv, sys
given = ["Aziz", "Bakyt", "Dilnoza", "Farhad", "Gulnara", "Ilhom", "Jamshid", "Kairat", "Lola",
         "Murat", "Nodira", "Oybek", "Rustam", "Saule", "Timur", "Umida", "Yerlan", "Zarina"]
family = ["Abdullaev", "Bekov", "Dzhaksybekov", "Ergashev", "Ismoilov", "Karimov", "Mirzaev",
          "Nurlanov", "Rakhimov", "Sadykov", "Tokhtarov", "Usmanov", "Yusupov", "Zhunusov"]
out = csv.writer(open(sys.argv[1], "w", newline=""), lineterminator="\n")
out.writerow(["query_name", "candidate_name", "label", "kind"])
for i, g in enumerate(given):
    for j, f in enumerate(family):
        if (i + j) % 3 == 0:
            out.writerow([f"{f} {g}", f"{g.upper()} {f.upper()}", 1, "person"])
        elif (i + j) % 3 == 1:
            typo = f[:-2] + f[-1] + f[-2]
            out.writerow([f"{g} {typo}", f"{f.upper()}, {g}", 1, "person"])
        else:
            other = family[(j + 5) % len(family)]
            out.writerow([f"{g} {f}", f"{other.upper()}, {g}", 0, "person"])
PY
"$corridor" score-pairs --pairs "$work/pairs.csv" --features --out "$work/scored.csv" >/dev/null
head -1 "$work/scored.csv" | grep -q ',query_coverage,candidate_coverage,coverage_score,information,min_similarity,common_share,query_words,candidate_words,cross_script,exact$'

# Random names' best matches as negatives, from `match --format json` output.
/usr/bin/python3 - "$work/random.jsonl" <<'PY'
import json, sys
near = [("Aziz Nurmatov", "NURLANOV, Aziz"), ("Timur Sadyrov", "SADYKOV, Timur"),
        ("Lola Karimova", "KARIMOV, Lola"), ("Murat Usmonov", "USMANOV, Murat"),
        ("Oybek Ergeshov", "ERGASHEV, Oybek"), ("Saule Bekova", "BEKOV, Saule"),
        ("Rustam Yusupbekov", "YUSUPOV, Rustam"), ("Zarina Ismailova", "ISMOILOV, Zarina")]
with open(sys.argv[1], "w") as out:
    for query, name in near:
        match = {"name": name, "kind": "person", "score": 0.7, "unmatched_query": [],
                 "unmatched_candidate": [], "tokens": [{"similarity": 1}, {"similarity": 0.8}]}
        out.write(json.dumps({"query": {"name": query}, "matches": [match]}) + "\n")
    listed = dict(match, name="SADYKOV, Bakyt", tokens=[{"similarity": 1}, {"similarity": 1}])
    out.write(json.dumps({"query": {"name": "Bakyt Sadykov"}, "matches": [listed]}) + "\n")
    out.write(json.dumps({"query": {"name": "Lola Yusupova"}, "matches": []}) + "\n")
PY
/usr/bin/python3 "$root/tools/alert_share.py" "$work/random.jsonl" --pairs "$work/random.csv" >/dev/null
# The listed name (the query's own up to spelling) is not a negative; the near misses are.
test "$(wc -l < "$work/random.csv")" = 9
grep -q '^Aziz Nurmatov,"NURLANOV, Aziz",0,person$' "$work/random.csv"
if grep -q Bakyt "$work/random.csv"; then echo "a listed name was written as a negative"; exit 1; fi
"$corridor" score-pairs --pairs "$work/random.csv" --features --out "$work/random.scored.csv" >/dev/null

/usr/bin/python3 "$root/tools/train_name_model.py" "$work/scored.csv" \
  --random "$work/random.scored.csv" > "$work/model1.txt"
/usr/bin/python3 "$root/tools/train_name_model.py" "$work/scored.csv" \
  --random "$work/random.scored.csv" > "$work/model2.txt"
cmp "$work/model1.txt" "$work/model2.txt"
grep -q '^name_model {$' "$work/model1.txt"
# These pairs are told apart by the name score: its weight is positive and the held-out
# persons' average precision (the line's last figure) is high.
grep -q 'feature: "logit_score" value: [0-9]' "$work/model1.txt" ||
  { echo "the score's weight is not positive:"; cat "$work/model1.txt"; exit 1; }
awk '$1 == "person" { found = 1; low = $NF < 0.9 } END { exit !found || low }' "$work/model1.txt" ||
  { echo "the model does not separate the held-out pairs:"; cat "$work/model1.txt"; exit 1; }

# Random names on the held-out half are counted; --monotone keeps the bounded weights at 0 or more.
grep -q 'random names alerting [0-9]* -> [0-9]* of [1-9]' "$work/model1.txt" ||
  { echo "no held-out random names:"; cat "$work/model1.txt"; exit 1; }
/usr/bin/python3 "$root/tools/train_name_model.py" "$work/scored.csv" \
  --random "$work/random.scored.csv" --monotone > "$work/monotone.txt"
for feature in logit_score query_coverage candidate_coverage information; do
  grep -q "feature: \"$feature\" value: [0-9]" "$work/monotone.txt" ||
    { echo "--monotone left $feature negative:"; cat "$work/monotone.txt"; exit 1; }
done

# Positives alone cannot be fitted: refused.
head -1 "$work/scored.csv" > "$work/positives.csv"
grep ',1,person,' "$work/scored.csv" >> "$work/positives.csv"
if /usr/bin/python3 "$root/tools/train_name_model.py" "$work/positives.csv" 2> "$work/err.txt"; then
  echo "a file of positives alone was fitted"; exit 1
fi
grep -q "need labelled positives and negatives on both halves" "$work/err.txt"

# Without --features the rows lack the parts: refused with file and line.
"$corridor" score-pairs --pairs "$work/pairs.csv" --out "$work/plain.csv" >/dev/null
if /usr/bin/python3 "$root/tools/train_name_model.py" "$work/plain.csv" 2> "$work/err.txt"; then
  echo "a file without features was accepted"; exit 1
fi
grep -q "plain.csv:2: not a labelled \`score-pairs --features\` row" "$work/err.txt"
echo "train_name_model_test: ok"
