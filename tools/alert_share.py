#!/usr/bin/env python3
"""Alert share of a precision set: reads `corridor match --format json` output (one object per
query) and counts the queries whose best match reaches the threshold.

    build/corridor match --db lists.db --queries /tmp/precision.csv --format json --limit 1 \\
        > /tmp/precision.jsonl
    tools/alert_share.py /tmp/precision.jsonl

A query whose best match is its own name word for word up to spelling (every word aligned
exactly or by phonetic key, similarity 0.95 or more, shown rounded down as 0.94, none left over on either side: "Sergey
Ivanov" and IVANOV, Sergei) is counted apart as "listed": a random name that happens to be a
listed person's name is a true name match, which the matcher must report (recall of
transliteration variants), not a false alert. Prints the share, the counts and
the alerts (best first) so that they can be read.
"""
import json
import sys


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: alert_share.py MATCH_OUTPUT.jsonl [THRESHOLD]")
    threshold = float(sys.argv[2]) if len(sys.argv) > 2 else 0.80
    queries = alerts = listed = errors = 0
    shown = []
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            block = json.loads(line)
            queries += 1
            if "error" in block:
                errors += 1
                continue
            matches = [m for m in block["matches"] if m["score"] >= threshold]
            if not matches:
                continue
            best = matches[0]
            identical = (not best["unmatched_query"] and not best["unmatched_candidate"] and
                         all(t["similarity"] >= 0.94 for t in best["tokens"]))
            if identical:
                listed += 1
                continue
            alerts += 1
            shown.append((best["score"], block["query"]["name"], best["name"], best["list_id"]))
    print(f"queries {queries}, alerts {alerts} ({100.0 * alerts / max(1, queries):.2f}%), "
          f"listed names {listed}, errors {errors}")
    for score, query, name, list_id in sorted(shown, reverse=True):
        print(f"  {score:.2f}  {query}  ->  {name}  [{list_id}]")


if __name__ == "__main__":
    main()
