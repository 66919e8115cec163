#!/usr/bin/env python3
"""Random realistic person names of the corridor's populations: the name matcher's precision set.

Reads tests/data/names/name_tables.tsv (given- and family-name rankings, sources cited there) and
writes N names as `match --queries` CSV lines (name,kind), deterministic for a seed:

    tools/precision_names.py --count 20000 --seed 1 > /tmp/precision.csv
    build/corridor match --db lists.db --queries /tmp/precision.csv --format json ...

Each population (zh ru kz kg uz pk ir ar tr la) gets an equal share. A name is drawn part by part,
each part weighted 1/(rank + 10) (Zipf-Mandelbrot), and written in the shapes the population's records use: Latin
given-family and family-given orders, patronymics (ru kz kg uz), father's names (ar), double
surnames (la), and the native script (Han, Cyrillic with Kazakh letters, Urdu, Persian, Arabic)
for part of them. The committed tests/data/names/precision_names.csv is this script's output for
--count 5000 --seed 1 (the unit test's set); docs/matching.md gives the 20,000-name measurement.
"""
import argparse
import csv
import os
import random
import sys

POPULATIONS = ["zh", "ru", "kz", "kg", "uz", "pk", "ir", "ar", "tr", "la"]


def load_tables(path):
    tables = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            pop, part, latin = cells[0], cells[1], cells[2]
            native = cells[3] if len(cells) > 3 else ""
            tables.setdefault((pop, part), []).append((latin, native))
    return tables


class Picker:
    def __init__(self, tables, rng):
        self.tables = tables
        self.rng = rng

    def pick(self, pop, part):
        rows = self.tables[(pop, part)]
        # Zipf-Mandelbrot, 1 / (rank + 10): a table holds only the head of its population's
        # names, so plain 1 / rank would give its first name a share (about a quarter) far above
        # any real one (Wang 7%, Yilmaz 2%, Ivanov 1%); the offset keeps the first at about 6%.
        weights = [1.0 / (rank + 10) for rank in range(1, len(rows) + 1)]
        return self.rng.choices(rows, weights=weights)[0]


def feminine(family, native):
    """Russian-style feminine surname: Ivanov -> Ivanova (Latin and Cyrillic)."""
    for ending in ("ov", "ev", "in"):
        if family.endswith(ending):
            family += "a"
            native += "а" if native else ""
            break
    return family, native


def patronymic(father, native, female):
    """Sergey -> Sergeyevich / Sergeyevna; Aleksandr -> Aleksandrovich (Latin and Cyrillic)."""
    if father[-1] in "yi":
        latin = father[:-1] + ("yevna" if female else "yevich")
        cyr = native[:-1] + ("евна" if female else "евич") if native else ""
    elif father[-1] == "a":
        latin = father[:-1] + ("ovna" if female else "ovich")
        cyr = native[:-1] + ("овна" if female else "ович") if native else ""
    else:
        latin = father + ("ovna" if female else "ovich")
        cyr = native + ("овна" if female else "ович") if native else ""
    return latin, cyr


def person(pop, picker, rng):
    if pop == "zh":
        family, family_han = picker.pick(pop, "family")
        given, given_han = picker.pick(pop, "given")
        shape = rng.random()
        if shape < 0.45:
            return f"{given} {family}"
        if shape < 0.70:
            return f"{family.upper()} {given}"
        if shape < 0.90:
            return family_han + given_han
        return f"{given_han} {family_han}"  # given name first, spaced, as some forms write it
    female = rng.random() < 0.35
    if pop in ("ru", "kz", "kg", "uz"):
        given, given_cyr = picker.pick(pop, "female" if female else "male")
        family, family_cyr = picker.pick(pop, "family")
        if female:
            family, family_cyr = feminine(family, family_cyr)
        father, father_cyr = picker.pick(pop, "male")
        pat, pat_cyr = patronymic(father, father_cyr, female)
        shape = rng.random()
        if shape < 0.35:
            return f"{given} {family}"
        if shape < 0.55:
            return f"{family.upper()} {given} {pat}"
        if shape < 0.85:
            return f"{family_cyr} {given_cyr} {pat_cyr}"
        return f"{given_cyr} {family_cyr}"
    if pop in ("pk", "ir", "ar"):
        given, given_nat = picker.pick(pop, "female" if female else "male")
        family, family_nat = picker.pick(pop, "family")
        shape = rng.random()
        if pop == "ar":
            father, father_nat = picker.pick(pop, "male")
            if shape < 0.5:
                return f"{given} {father} {family}"
            if shape < 0.7:
                return f"{given} {family}"
            return f"{given_nat} {father_nat} {family_nat}"
        if pop == "pk" and not female and shape < 0.2:
            second, second_nat = picker.pick(pop, "male")
            if second != given:
                return f"{given} {second} {family}"
        if shape < 0.65:
            return f"{given} {family}"
        return f"{given_nat} {family_nat}"
    if pop == "tr":
        given, _ = picker.pick(pop, "female" if female else "male")
        family, _ = picker.pick(pop, "family")
        return f"{given} {family}" if rng.random() < 0.8 else f"{given} {family.upper()}"
    # la: Latin Europe and the Americas, English and German names.
    given, _ = picker.pick(pop, "female" if female else "male")
    family, _ = picker.pick(pop, "family")
    shape = rng.random()
    if shape < 0.3:
        second, _ = picker.pick(pop, "family")
        if second != family:
            return f"{given} {family} {second}"
    if shape < 0.45:
        middle, _ = picker.pick(pop, "female" if female else "male")
        if middle != given:
            return f"{given} {middle} {family}"
    return f"{given} {family}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--tables",
                        default=os.path.join(here, "..", "tests", "data", "names", "name_tables.tsv"))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    picker = Picker(load_tables(args.tables), rng)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["name", "kind"])
    for i in range(args.count):
        pop = POPULATIONS[i % len(POPULATIONS)]
        out.writerow([person(pop, picker, rng), "person"])


if __name__ == "__main__":
    main()
