#!/usr/bin/env python3
"""Labelled name pairs learned from the imported lists, for `corridor score-pairs`.

    tools/list_pairs.py --db lists.db --count 1500 --seed 7 > pairs.csv
    build-release/corridor score-pairs --db lists.db --pairs pairs.csv --out scored.csv

Positives: a person's strong alias (not 'weak', not 'fka') against the entry's primary name,
when their words differ (an alias spelled the same way says nothing). Negatives: the primary
names of two different person entries of one list that share a word of three letters or more
(not a particle), kept only when both entries publish a birth date and the dates differ (two
entries of one list with the same name and no dates are sometimes one person listed twice).
Latin-script names only, so the pairs measure name structure, not transliteration.
Deterministic for a seed. Writes `query_name,candidate_name,label,kind`
(docs/matching.md, "Hard pairs from the lists").
"""
import argparse
import csv
import random
import re
import sqlite3
import sys

PARTICLES = {"al", "el", "bin", "ibn", "bint", "abu", "abd", "ben", "van", "von", "der", "den",
             "de", "del", "la", "le", "da", "dos", "das", "ul", "ud", "ad", "ar", "as", "an"}


def words(name):
    return [w for w in re.split(r"[^a-z0-9]+", name.lower()) if w]


def latin(name):
    return all(ord(c) < 0x250 for c in name)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--count", type=int, default=1500, help="pairs of each label")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)

    entries = db.execute(
        "SELECT list_id, entry_id, name, birth_date FROM list_entry WHERE kind = 'person' "
        "ORDER BY list_id, entry_id").fetchall()
    positives = []
    for list_id, entry_id, name, alias in db.execute(
            "SELECT e.list_id, e.entry_id, e.name, a.name FROM list_entry e JOIN list_alias a "
            "ON a.list_id = e.list_id AND a.entry_id = e.entry_id WHERE e.kind = 'person' AND "
            "(a.quality IS NULL OR a.quality = 'strong') ORDER BY e.list_id, e.entry_id, a.rowid"):
        if latin(name) and latin(alias) and sorted(words(name)) != sorted(words(alias)):
            positives.append((alias, name))

    by_word = {}
    for list_id, entry_id, name, birth in entries:
        if not latin(name) or not birth:
            continue
        for w in set(words(name)):
            if len(w) >= 3 and w not in PARTICLES:
                by_word.setdefault((list_id, w), []).append((entry_id, name, birth[:4]))
    negatives = set()
    keys = sorted(k for k, v in by_word.items() if len(v) >= 2)
    attempts = 0
    while keys and len(negatives) < args.count and attempts < args.count * 100:
        attempts += 1
        group = by_word[rng.choice(keys)]
        a, b = rng.sample(group, 2)
        if a[0] != b[0] and a[2] != b[2] and a[1] != b[1]:
            negatives.add((a[1], b[1]))

    rng.shuffle(positives)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["query_name", "candidate_name", "label", "kind"])
    for query, candidate in positives[:args.count]:
        out.writerow([query, candidate, 1, "person"])
    for query, candidate in sorted(negatives):
        out.writerow([query, candidate, 0, "person"])


if __name__ == "__main__":
    main()
