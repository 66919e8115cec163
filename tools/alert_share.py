#!/usr/bin/env python3
"""Alert share of a precision set: reads `corridor match --format json` output (one object per
query) and counts the queries whose best match reaches the threshold.

    build/corridor match --db lists.db --queries /tmp/precision.csv --format json --limit 1 \\
        > /tmp/precision.jsonl
    tools/alert_share.py /tmp/precision.jsonl

A query whose best match is its own name word for word up to spelling (every word aligned
exactly or by phonetic key, similarity 0.95 or more, shown rounded down as 0.94, none left over on either side but a title before the name, IsNameTitle: "Sergey
Ivanov" and IVANOV, Sergei; "Reza Ghasemi" and GHASEMI, Seyyed Reza) is counted apart as "listed": a random name that happens to be a
listed person's name is a true name match, which the matcher must report (recall of
transliteration variants), not a false alert. Prints the share, the counts and
the alerts (best first) so that they can be read.

With `--pairs FILE`, also writes every query's best match that is not its own name (whatever
its score, as far as `match --min-score` returned it) as a labelled negative pair
(`query_name,candidate_name,label,kind`, label 0, the listed entry's kind) for `corridor
score-pairs --features` and tools/train_name_model.py: random names against the listed names
they come closest to are the negatives a calibrated model must learn from
(docs/matching.md, "Towards a calibrated score").
"""
import argparse
import csv
import json
import re
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("match_output")
    parser.add_argument("threshold", nargs="?", type=float, default=0.80)
    parser.add_argument("--pairs", help="write the non-listed best matches here as negatives")
    args = parser.parse_args()
    threshold = args.threshold
    queries = alerts = listed = errors = 0
    shown = []
    pairs = []
    with open(args.match_output, encoding="utf-8") as f:
        for line in f:
            block = json.loads(line)
            queries += 1
            if "error" in block:
                errors += 1
                continue
            if block["matches"] and not identical(block["matches"][0]):
                best = block["matches"][0]
                pairs.append((block["query"]["name"], best["name"], best["kind"] or "person"))
            matches = [m for m in block["matches"] if m["score"] >= threshold]
            if not matches:
                continue
            best = matches[0]
            if identical(best):
                listed += 1
                continue
            alerts += 1
            shown.append((best["score"], block["query"]["name"], best["name"], best["list_id"]))
    print(f"queries {queries}, alerts {alerts} ({100.0 * alerts / max(1, queries):.2f}%), "
          f"listed names {listed}, errors {errors}")
    for score, query, name, list_id in sorted(shown, reverse=True):
        print(f"  {score:.2f}  {query}  ->  {name}  [{list_id}]")
    if args.pairs:
        with open(args.pairs, "w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(["query_name", "candidate_name", "label", "kind"])
            for query, name, kind in pairs:
                writer.writerow([query, name, 0, kind])


# Titles written before a person's name, as engine/names/score.cc IsNameTitle and IsPersonTitle
# (kAnywhere) list them: not part of the name, so a listed name that differs from the query only by
# one is the query's own name (GHASEMI, Seyyed Reza for "Reza Ghasemi"; Sheikh Ahmed Umar for
# "Ahmed Umar").
TITLES = {"haji", "hajji", "hadji", "hajy", "hajj", "alhaj", "alhajj", "mullah", "mulla", "mla",
          "mlla", "mawlawi", "maulvi", "mwlwy", "maulana", "mawlana", "mwlana", "sayed", "sayyed",
          "seyed", "seyyed", "syed", "sayyid", "syd", "alsyd",
          "mr", "mrs", "ms", "miss", "mister", "dr", "doctor", "prof", "professor", "gen", "maj",
          "lt", "col", "colonel", "capt", "cmdr", "adm", "brig", "brigadier", "sgt", "sergeant",
          "comandante", "ayatollah", "ayatullah", "hojatoleslam", "hojjatoleslam", "imam", "sheikh",
          "shaikh", "sheik", "shaykh", "emir", "sir", "dame", "excellency", "honorable",
          "honourable", "hon", "rev", "reverend"}


def identical(match):
    """The listed name is the query's own up to spelling: a listed name, not a false alert."""
    # A listed family name (the words before the comma of "FAMILY, Given") is no title: HAJJI,
    # Muhammad Fawzi. The engine reads it so too (NameIndex::Build).
    name = match["name"]
    family = set(re.findall(r"[a-z]+", name.split(",")[0].lower())) if "," in name else set()
    titles = TITLES - family
    left = [w for w in match["unmatched_query"] + match["unmatched_candidate"] if w not in titles]
    return not left and all(t["similarity"] >= 0.94 for t in match["tokens"])


if __name__ == "__main__":
    main()
