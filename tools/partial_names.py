#!/usr/bin/env python3
"""Recall of listed persons searched by a shorter name: the first given name and the family name.

A listed person "FAMILY, Given Middle ..." (one family word, two or more given words) is searched
as "Given Family", the way an invoice or a bill of lading often names him. This is not a
published name, so issue 11's recall target does not cover it; it measures what the precision
rules for common names (docs/matching.md, "Common names, partial") cost in recall.

    tools/partial_names.py make --db lists.db --out partial.csv --meta partial.tsv
    build/corridor match --db lists.db --queries partial.csv --format json --limit 10 \\
        > partial.jsonl
    tools/partial_names.py count --meta partial.tsv partial.jsonl [--threshold 0.8] [--show N]

`count` prints how many queries found their own entry at the threshold and lists the misses.
"""
import argparse
import csv
import json
import sqlite3
import sys


def make(args):
    db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    rows = db.execute(
        "SELECT list_id, entry_id, name FROM list_entry WHERE kind = 'person' AND name LIKE '%,%' "
        "ORDER BY list_id, entry_id").fetchall()
    written = 0
    with open(args.out, "w", encoding="utf-8", newline="") as out, \
            open(args.meta, "w", encoding="utf-8") as meta:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["name", "kind"])
        for list_id, entry_id, name in rows:
            family, given = name.split(",", 1)
            given_words = given.split()
            if len(given_words) < 2 or len(family.split()) != 1:
                continue
            writer.writerow([f"{given_words[0]} {family.strip().title()}", "person"])
            meta.write(f"{list_id}\t{entry_id}\n")
            written += 1
    print(f"wrote {written} queries", file=sys.stderr)


def count(args):
    with open(args.meta, encoding="utf-8") as f:
        expected = [line.rstrip("\n").split("\t") for line in f]
    found = 0
    missed = []
    with open(args.match_output, encoding="utf-8") as f:
        blocks = [json.loads(line) for line in f]
    if len(blocks) != len(expected):
        sys.exit(f"{args.match_output}: {len(blocks)} results for {len(expected)} queries")
    for (list_id, entry_id), block in zip(expected, blocks):
        hit = any(m["list_id"] == list_id and m["entry_id"] == entry_id and
                  m["score"] >= args.threshold for m in block.get("matches", []))
        if hit:
            found += 1
        else:
            missed.append(f"{block['query']['name']} ({list_id} {entry_id})")
    print(f"partial names finding their entry at {args.threshold:.2f}: {found} of {len(expected)}")
    for line in missed[:args.show]:
        print(f"  missed: {line}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("make")
    p.add_argument("--db", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--meta", required=True)
    p = sub.add_parser("count")
    p.add_argument("--meta", required=True)
    p.add_argument("match_output")
    p.add_argument("--threshold", type=float, default=0.80)
    p.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    make(args) if args.command == "make" else count(args)


if __name__ == "__main__":
    main()
