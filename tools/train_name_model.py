#!/usr/bin/env python3
"""Fits a logistic model of "same party" on the parts of the name score, and measures it.

    tools/list_pairs.py --db lists.db --count 100000 --seed 7 > persons.csv
    tools/list_pairs.py --db lists.db --count 100000 --seed 7 --kind organization > companies.csv
    build-release/corridor match --db lists.db --queries random.csv --format json --limit 1 \\
        --min-score 0.5 > random.jsonl
    tools/alert_share.py random.jsonl --pairs random_pairs.csv
    for f in persons companies random_pairs; do
      build-release/corridor score-pairs --db lists.db --pairs $f.csv --features --out $f.scored.csv
    done
    tools/train_name_model.py persons.scored.csv companies.scored.csv \\
        --random random_pairs.scored.csv

Every input is `corridor score-pairs --features` output with a label column (1/0, true/false or
yes/no, as score-pairs reads it) and a kind: persons and organisations are modelled, other kinds
(vessels, aircraft) are left out and counted. List pairs are split by their candidate's name text
(for list_pairs.py's pairs the entry's primary name, so an entry's aliases fall on one side; a
primary name may still be the query of a negative pair on the other side), random-name pairs by
their query, into a training and a held-out half (CRC-32 parity, so the split is the same on
every run). The model is L2-regularised logistic regression fitted by
Newton's method on the training half, random-name negatives counted `--random-weight` times
(random names outnumber listed parties among real counterparties). Prints the weights and, on
the held-out half, for the name score and for the model: the best F1 and average precision per
kind, and, at the model threshold that keeps the name score's recall at 0.80, the false positives
among list pairs and random names. Deterministic: the same inputs print the same figures.
Results and what they mean: docs/matching.md, "Towards a calibrated score".
"""
import argparse
import csv
import math
import sys
import zlib

FEATURES = ["intercept", "logit_score", "query_coverage", "candidate_coverage", "information",
            "min_similarity", "common_share", "log_query_words", "log_candidate_words",
            "cross_script", "exact", "organisation", "organisation_x_logit_score",
            "organisation_x_query_coverage", "organisation_x_candidate_coverage", "rules_factor"]
# With --monotone these may not weigh against a match: the index finds candidates by upper
# bounds of them, which only bound the model when it grows with each.
MONOTONE = ["logit_score", "query_coverage", "candidate_coverage", "information"]


def logit(p):
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def sigmoid(z):
    return 1 / (1 + math.exp(-max(min(z, 40), -40)))


LABELS = {"1": 1, "true": 1, "yes": 1, "0": 0, "false": 0, "no": 0}
ORGANISATION_KINDS = {"organization", "organisation", "company", "entity"}


class Pair:
    def __init__(self, row, path, line):
        try:
            self.query, self.candidate = row["query_name"], row["candidate_name"]
            self.label = LABELS[row["label"].strip().lower()]
            self.kind = row.get("kind") or "person"
            self.score = float(row["score"])
            organisation = 1.0 if self.kind in ORGANISATION_KINDS else 0.0
            self.cross_script = row["cross_script"] == "1"
            qc, cc = float(row["query_coverage"]), float(row["candidate_coverage"])
            min_similarity, exact = float(row["min_similarity"]), float(row["exact"])
            if self.cross_script:
                # A reading across scripts agrees at 0.95 at most (docs/matching.md, "Abjad
                # names"): each part is seen against what the pair's scripts allow.
                qc, cc = min(1.0, qc / 0.95), min(1.0, cc / 0.95)
                min_similarity = min(1.0, min_similarity / 0.95)
                exact = float(qc >= 0.999 and cc >= 0.999 and min_similarity >= 0.999)
            coverage_score = float(row["coverage_score"])
            # What the listed-name rules' factors left of the coverage formula (1: none applied).
            rules_factor = min(1.0, self.score / coverage_score) if coverage_score > 0 else 1.0
            self.x = [1.0, logit(self.score), qc, cc, float(row["information"]), min_similarity,
                      float(row["common_share"]), math.log1p(int(row["query_words"])),
                      math.log1p(int(row["candidate_words"])), float(self.cross_script), exact,
                      organisation, organisation * logit(self.score), organisation * qc,
                      organisation * cc, rules_factor]
        except (KeyError, ValueError) as error:
            sys.exit(f"{path}:{line}: not a labelled `score-pairs --features` row ({error})")


def read(path, skipped):
    """The pairs of persons and organisations; other kinds are counted in `skipped`."""
    pairs = []
    with open(path, encoding="utf-8", newline="") as f:
        for i, row in enumerate(csv.DictReader(f)):
            # Rows that could not be scored carry an error and no score: left out, as
            # score-pairs did.
            if not row.get("score"):
                continue
            kind = row.get("kind") or "person"
            if kind != "person" and kind not in ORGANISATION_KINDS:
                skipped[kind] = skipped.get(kind, 0) + 1
                continue
            pairs.append(Pair(row, path, i + 2))
    return pairs


def held_out(text):
    return zlib.crc32(text.encode("utf-8")) % 2 == 1


def fit(rows, l2, monotone=False):
    """Logistic regression; with `monotone`, an active set: a MONOTONE feature whose weight
    comes out negative is fixed at 0 and the rest refitted, until none is negative."""
    fixed = set()
    while True:
        w = fit_free(rows, l2, fixed)
        negative = [i for i, name in enumerate(FEATURES)
                    if monotone and name in MONOTONE and i not in fixed and w[i] < 0]
        if not negative:
            return w
        fixed.add(min(negative, key=lambda i: w[i]))


def fit_free(rows, l2, fixed, iterations=30):
    """Newton's method on the L2-penalised log-likelihood (the intercept unpenalised); the
    weights of `fixed` features stay 0."""
    d = len(FEATURES)
    w = [0.0] * d
    for _ in range(iterations):
        gradient = [0.0] * d
        hessian = [[0.0] * d for _ in range(d)]
        for x, y, weight in rows:
            p = sigmoid(sum(a * b for a, b in zip(w, x)))
            r = weight * p * (1 - p)
            for i in range(d):
                gradient[i] += weight * (p - y) * x[i]
                xi, row = x[i] * r, hessian[i]
                for j in range(i, d):
                    row[j] += xi * x[j]
        for i in range(d):
            for j in range(i):
                hessian[i][j] = hessian[j][i]
            if i > 0:
                gradient[i] += l2 * w[i]
                hessian[i][i] += l2
        for i in fixed:
            hessian[i] = [0.0] * d
            for j in range(d):
                hessian[j][i] = 0.0
            hessian[i][i], gradient[i] = 1.0, 0.0
        step = solve(hessian, gradient)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(s) for s in step) < 1e-7:
            break
    return w


def solve(a, b):
    """Gaussian elimination with partial pivoting: a x = b."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        pivot = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[pivot] = m[pivot], m[c]
        for r in range(n):
            if r != c and m[r][c] != 0:
                factor = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= factor * m[c][k]
    return [m[i][n] / m[i][i] for i in range(n)]


def best_f1(scored):
    scored = sorted(scored, key=lambda t: -t[0])
    positives = sum(label for _, label in scored)
    tp = fp = 0
    best = (0.0, 1.0)
    for i, (score, label) in enumerate(scored):
        tp += label
        fp += 1 - label
        if i + 1 < len(scored) and scored[i + 1][0] == score:
            continue
        best = max(best, (2 * tp / (tp + fp + positives), score))
    return best


def average_precision(scored):
    scored = sorted(scored, key=lambda t: -t[0])
    positives = sum(label for _, label in scored)
    tp, total = 0, 0.0
    for i, (_, label) in enumerate(scored):
        if label:
            tp += 1
            total += tp / (i + 1)
    return total / max(1, positives)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pairs", nargs="+", help="labelled list pairs, score-pairs --features")
    parser.add_argument("--random", action="append", default=[],
                        help="random names' best matches (negatives), score-pairs --features")
    parser.add_argument("--random-weight", type=float, default=5.0)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--monotone", action="store_true",
                        help="no negative weight on the score, the coverages or the information")
    parser.add_argument("--threshold", type=float, default=0.80,
                        help="the name score's operating threshold the model is compared at")
    args = parser.parse_args()

    skipped = {}
    pairs = [p for path in args.pairs for p in read(path, skipped)]
    randoms = [p for path in args.random for p in read(path, skipped)]
    train = [(p.x, p.label, 1.0) for p in pairs if not held_out(p.candidate)]
    train += [(p.x, 0, args.random_weight) for p in randoms if not held_out(p.query)]
    test = [p for p in pairs if held_out(p.candidate)]
    random_test = [p for p in randoms if held_out(p.query)]
    halves = [[y for _, y, _ in train], [p.label for p in test]]
    if not all(1 in labels and 0 in labels for labels in halves):
        sys.exit("train_name_model: need labelled positives and negatives on both halves")
    w = fit(train, args.l2, args.monotone)

    def model(p):
        return sigmoid(sum(a * b for a, b in zip(w, p.x)))

    print(f"# trained on {len(train)} rows ({sum(y for _, y, _ in train)} positives), "
          f"held out {len(test)} list pairs and {len(random_test)} random-name pairs" +
          "".join(f"; left out {n} of kind {k}" for k, n in sorted(skipped.items())))
    print("name_model {")
    for name, value in zip(FEATURES, w):
        print(f'  weight {{ feature: "{name}" value: {value:.4f} }}')
    print("}")
    print("held-out half          name score: best F1 (at)   AP   |  model: best F1 (at)   AP")
    for kind in ["all", "person", "organization"]:
        rows = [p for p in test if kind == "all" or (p.kind == "person") == (kind == "person")]
        if not rows:
            continue
        s = [(p.score, p.label) for p in rows]
        m = [(model(p), p.label) for p in rows]
        f_s, f_m = best_f1(s), best_f1(m)
        print(f"  {kind:<12} {len(rows):>7}       {f_s[0]:.3f} ({f_s[1]:.3f})  "
              f"{average_precision(s):.3f} |         {f_m[0]:.3f} ({f_m[1]:.3f})  "
              f"{average_precision(m):.3f}")
    positives = sorted((model(p) for p in test if p.label), reverse=True)
    kept = sum(p.score >= args.threshold for p in test if p.label)
    if kept == 0:
        return
    t = positives[kept - 1]
    list_fp = (sum(p.score >= args.threshold for p in test if not p.label),
               sum(model(p) >= t for p in test if not p.label))
    random_fp = (sum(p.score >= args.threshold for p in random_test),
                 sum(model(p) >= t for p in random_test))
    cross = [p for p in test if p.label and p.cross_script]
    cross_found = (sum(p.score >= args.threshold for p in cross), sum(model(p) >= t for p in cross))
    print(f"at the recall of score >= {args.threshold} ({kept} of {len(positives)} positives; "
          f"model threshold {t:.3f}): list-pair false positives {list_fp[0]} -> {list_fp[1]}, "
          f"random names alerting {random_fp[0]} -> {random_fp[1]} of {len(random_test)}, "
          f"cross-script positives found {cross_found[0]} -> {cross_found[1]} of {len(cross)}")


if __name__ == "__main__":
    main()
