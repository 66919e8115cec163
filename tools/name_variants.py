#!/usr/bin/env python3
"""Learns romanisation variants of name words from the lists themselves, for the matcher's
variant table (engine/names/name_variants.txt; docs/matching.md, "Name variants").

A listed person's names (primary name and aliases) are often the same name romanised twice:
"HASSAN, Muhammad Khalid" and "HASSAN, Mohammed Khalid". Two names of one entry whose words
differ in exactly one word on each side, with at least one word in common, give a candidate
pair (muhammad, mohammed). A pair is kept when

  - the two words have the same consonant skeleton after the matcher's phonetic folds (so the
    pair is a spelling of one name, not another name: Ahmed / Ali, Rahim / Rahman are dropped),
  - the words begin alike (the same letter, or both a vowel: Omer / Umar, not Ahmed / Hamed),
  - each word has three letters or more, and
  - it is seen in at least MIN_SUPPORT distinct entries (one entry's typo is not a convention).

Entries are split by a stable hash (FNV-1a) of "list_id:entry_id": the table is learned from the
training share only (by default three quarters), so the held-out quarter measures what the
table does for names it was not learned from (tests/names_screening_test.cc).

    build/corridor import-list --db lists.db ...       # the real lists, see tests/bench/names_lists.sh
    tools/name_variants.py lists.db > engine/names/name_variants.txt

Deterministic: the same lists give the same table, byte for byte.
"""
import argparse
import collections
import itertools
import re
import sqlite3
import sys
import unicodedata

# engine/names/normalize.cc PhoneticKey(), the same folds in the same order.
REPLACEMENTS = [("dzh", "j"), ("dsch", "j"), ("tsch", "ch"), ("sch", "sh"), ("tch", "ch"),
                ("dj", "j"), ("zh", "j"), ("kh", "h"), ("gh", "g"), ("ph", "f"), ("ck", "k"),
                ("ou", "u"), ("oo", "u"), ("ee", "i"), ("eo", "u"), ("eu", "u"), ("ae", "a"),
                ("q", "k"), ("w", "v"), ("x", "ks")]


def phonetic_key(word):
    out = []
    i = 0
    while i < len(word):
        # ae before a consonant is a and the i or ye it stands for (RAED / RAID, TOKAEV / TOKAYEV),
        # but not before a Korean syllable's final (PAEK, SAENG).
        if word.startswith("ae", i) and i + 2 < len(word) and word[i + 2] not in "aeiouyknmtp":
            out.append("ai")
            i += 2
            continue
        for src, dst in REPLACEMENTS:
            if word.startswith(src, i):
                out.append(dst)
                i += len(src)
                break
        else:
            c = word[i]
            if c == "c" and (i + 1 >= len(word) or word[i + 1] != "h"):
                c = "k"
            if c in "ey":
                c = "i"
            if c == "o":
                c = "u"
            # A final j after a consonant and i or e is the y of й (DMITRIJ, SERGEJ).
            if (c == "j" and i + 1 == len(word) and i >= 2 and word[i - 1] in "ie"
                    and word[i - 2] not in "aeiouy"):
                c = "i"
            out.append(c)
            i += 1
    folded = []
    for c in "".join(out):
        if not folded or folded[-1] != c:
            folded.append(c)
    return "".join(folded)


VOWELS = "aeiouy"


def skeleton(word):
    out = []
    for c in word:
        if c in "aeiouyw":
            continue
        if out and out[-1] == c:
            continue
        out.append(c)
    return "".join(out)


def words(name):
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("'", "")
    return [w for w in re.split(r"[^a-z0-9]+", text) if w]


def fnv1a(text):
    """32-bit FNV-1a of the UTF-8 bytes (tests/names_lists_test.cc holds out the same entries)."""
    value = 0x811C9DC5
    for byte in text.encode():
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


def in_training_share(key, test_share):
    return fnv1a(key) % test_share != 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("db", help="a database with the lists imported (corridor import-list)")
    parser.add_argument("--min-support", type=int, default=3)
    parser.add_argument("--test-share", type=int, default=4,
                        help="one entry in N is held out (default 4)")
    args = parser.parse_args()

    db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    names = collections.defaultdict(list)
    for list_id, entry_id, name in db.execute(
            "SELECT list_id, entry_id, name FROM list_entry WHERE kind = 'person' "
            "UNION ALL SELECT a.list_id, a.entry_id, a.name FROM list_alias a "
            "JOIN list_entry e USING (list_id, entry_id) WHERE e.kind = 'person'"):
        key = f"{list_id}:{entry_id}"
        if name.isascii() and in_training_share(key, args.test_share):
            names[key].append(collections.Counter(words(name)))
    versions = [f"{list_id} {version}" for list_id, version in db.execute(
        "SELECT list_id, COALESCE(version, '') FROM list_source ORDER BY list_id")]

    support = collections.defaultdict(set)
    for key, counters in names.items():
        for first, second in itertools.combinations(counters, 2):
            only_first, only_second = first - second, second - first
            if sum(only_first.values()) != 1 or sum(only_second.values()) != 1:
                continue
            if not first & second:
                continue
            a, b = sorted((next(iter(only_first)), next(iter(only_second))))
            if len(a) < 3 or len(b) < 3 or a.isdigit() or b.isdigit():
                continue
            if skeleton(phonetic_key(a)) != skeleton(phonetic_key(b)):
                continue
            if a[0] != b[0] and not (a[0] in VOWELS and b[0] in VOWELS):
                continue  # Ahmed / Hamed: the same consonants, another name
            if phonetic_key(a) == phonetic_key(b):
                continue  # the phonetic key already equates them
            support[(a, b)].add(key)

    kept = sorted(((a, b, len(keys)) for (a, b), keys in support.items()
                   if len(keys) >= args.min_support), key=lambda row: (row[0], row[1]))
    out = sys.stdout
    out.write("# Romanisation variants of name words, learned from the lists' own aliases by\n")
    out.write(f"# tools/name_variants.py (--min-support {args.min_support}, "
              f"--test-share {args.test_share}); do not edit by hand.\n")
    out.write("# Lists: " + "; ".join(versions) + "\n")
    out.write("# word_a word_b entries_seen\n")
    for a, b, count in kept:
        out.write(f"{a} {b} {count}\n")


if __name__ == "__main__":
    main()
