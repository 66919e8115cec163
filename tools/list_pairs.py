#!/usr/bin/env python3
"""Labelled name pairs learned from the imported lists, for `corridor score-pairs`.

    tools/list_pairs.py --db lists.db --count 1500 --seed 7 > pairs.csv
    tools/list_pairs.py --db lists.db --count 1500 --seed 7 --kind organization > companies.csv
    build-release/corridor score-pairs --db lists.db --pairs pairs.csv --out scored.csv

Persons (the default). Positives: a person's strong alias (not 'weak', not 'fka') against the
entry's primary name, when their words differ (an alias spelled the same way says nothing).
Negatives: the primary names of two different person entries of one list that share a word of
three letters or more (not a particle), kept only when both entries publish a birth date and the
dates differ (two entries of one list with the same name and no dates are sometimes one person
listed twice).

Organisations (`--kind organization`). Positives: an organisation's strong alias against its
primary name, words differing, as for persons. Negatives: the primary names of two different
organisation entries of one list sharing a word of four letters or more that is not a particle
or a generic company word (TRADING, SHIPPING, INDUSTRIAL, ...), kept only when the two entries
share no identifier (one company listed twice would).

Latin-script names only, so the pairs measure name structure, not transliteration; with
`--scripts any` the positives also hold every strong alias published in another script (Arabic,
Cyrillic, Han, ...) against its entry's Latin primary name, the lists' cross-script pairs (the
negatives stay Latin: random names' near misses are the cross-script negatives, see
tools/alert_share.py --pairs). Deterministic for a seed. Writes `query_name,candidate_name,label,kind`
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


# Words a company name shares with thousands of others: sharing one says nothing of identity.
GENERIC_COMPANY_WORDS = set("""
    company limited corporation group trading trade international industrial industries industry
    holding holdings enterprise enterprises general service services shipping import export
    technology technologies development investment investments bank commercial joint stock
    national global world energy petroleum petrochemical engineering construction manufacturing
    machinery electronics electronic equipment system systems research institute center centre
    foundation organization organisation association network management partners logistics
    maritime marine navigation line lines ocean transport transportation east west north south
    middle asia asian pacific china chinese russia russian iran iranian hong kong shanghai
    beijing shenzhen moscow tehran dubai""".split())


def words(name):
    return [w for w in re.split(r"[^a-z0-9]+", name.lower()) if w]


def latin(name):
    return all(ord(c) < 0x250 for c in name)


def other_script(name):
    """Written in a script other than Latin (Greek onwards; typographic quotes aside)."""
    return any(ord(c) >= 0x370 and c not in "\u2018\u2019\u201c\u201d\u2013\u2014" for c in name)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--count", type=int, default=1500, help="pairs of each label")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--kind", choices=["person", "organization"], default="person")
    parser.add_argument("--scripts", choices=["latin", "any"], default="latin",
                        help="any: positives include aliases in other scripts")
    args = parser.parse_args()
    any_script = args.scripts == "any"
    rng = random.Random(args.seed)
    db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    if args.kind == "organization":
        write(organisation_pairs(db, rng, args.count, any_script), "organization")
        return

    entries = db.execute(
        "SELECT list_id, entry_id, name, birth_date FROM list_entry WHERE kind = 'person' "
        "ORDER BY list_id, entry_id").fetchall()
    positives = alias_positives(db, "person", any_script)

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
    write((positives[:args.count], sorted(negatives)), "person")


def alias_positives(db, kind, any_script):
    """(alias, primary name) for every strong alias of an entry of `kind` that usable_alias
    keeps, in list, entry and alias order."""
    positives = []
    for name, alias in db.execute(
            "SELECT e.name, a.name FROM list_entry e JOIN list_alias a ON a.list_id = e.list_id "
            "AND a.entry_id = e.entry_id WHERE e.kind = ? AND (a.quality IS NULL OR "
            "a.quality = 'strong') ORDER BY e.list_id, e.entry_id, a.rowid", (kind,)):
        if usable_alias(name, alias, any_script):
            positives.append((alias, name))
    return positives


def usable_alias(name, alias, any_script):
    """A positive: a Latin primary name and an alias that is not the same words reordered (or,
    with `any_script`, an alias in another script)."""
    if not latin(name):
        return False
    if any_script and other_script(alias):
        return True
    return latin(alias) and sorted(words(name)) != sorted(words(alias))


def organisation_pairs(db, rng, count, any_script):
    positives = alias_positives(db, "organization", any_script)
    identifiers = {}
    for list_id, entry_id, number in db.execute(
            "SELECT list_id, entry_id, number FROM list_identifier ORDER BY 1, 2, 3"):
        identifiers.setdefault((list_id, entry_id), set()).add(
            re.sub(r"[^0-9A-Za-z]", "", number).upper())
    by_word = {}
    for list_id, entry_id, name in db.execute(
            "SELECT list_id, entry_id, name FROM list_entry WHERE kind = 'organization' "
            "ORDER BY list_id, entry_id"):
        if not latin(name):
            continue
        for w in set(words(name)):
            if len(w) >= 4 and w not in PARTICLES and w not in GENERIC_COMPANY_WORDS:
                by_word.setdefault((list_id, w), []).append((entry_id, name))
    negatives = set()
    keys = sorted(k for k, v in by_word.items() if len(v) >= 2)
    attempts = 0
    while keys and len(negatives) < count and attempts < count * 100:
        attempts += 1
        key = rng.choice(keys)
        a, b = rng.sample(by_word[key], 2)
        if a[0] == b[0] or a[1].lower() == b[1].lower():
            continue
        if identifiers.get((key[0], a[0]), set()) & identifiers.get((key[0], b[0]), set()):
            continue
        negatives.add((a[1], b[1]))
    rng.shuffle(positives)
    return positives[:count], sorted(negatives)


def write(pairs, kind):
    positives, negatives = pairs
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["query_name", "candidate_name", "label", "kind"])
    for query, candidate in positives:
        out.writerow([query, candidate, 1, kind])
    for query, candidate in negatives:
        out.writerow([query, candidate, 0, kind])


if __name__ == "__main__":
    main()
