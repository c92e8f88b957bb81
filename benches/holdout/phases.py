#!/usr/bin/env python3
"""A phased migration on a hold-out set: a pilot on all sources but one, then the final run on
all of them with --previous, beside a fresh run of the final inputs.

    python3 benches/holdout/phases.py --data DIR --truth DIR.truth.csv --leave-out FILE \
        [--bin target/release/steward] [--work /tmp/phases]

Checks the goals of a phased run:
  - every pilot customer whose rows meet no other pilot customer in the final run keeps its ID
    (the final customer under the pilot's ID holds a largest share of its rows);
  - changes.csv names every final customer, and every pilot ID that is gone;
  - pairwise F1 of the final run within 0.002 of the fresh run's.
Prints one JSON object with the figures and the wall times; exits 1 when a check fails.
"""

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "synth"))
import score  # noqa: E402  (benches/synth/score.py)


def run(binary, inputs, out, previous=None):
    cmd = [binary, "run", inputs, "--out", out, "--quiet"]
    if previous:
        cmd += ["--previous", previous]
    started = time.monotonic()
    subprocess.run(cmd, check=True)
    return time.monotonic() - started


def xref_customers(path):
    """(source, row) -> customer_id, for rows that have one."""
    out = {}
    with open(path, newline="", encoding="utf-8") as f:
        for rec in csv.DictReader(f):
            if rec["customer_id"]:
                out[score._key(rec["source"], rec["row"])] = rec["customer_id"]
    return out


def f1(truth, xref):
    t = score.load_truth(truth)
    p = score.load_xref(xref)
    return score.score(t, p)["f1"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--truth", required=True)
    ap.add_argument("--leave-out", required=True, help="the input file the pilot does not read")
    ap.add_argument("--bin", default="target/release/steward")
    ap.add_argument("--work", default="/tmp/phases")
    args = ap.parse_args()

    shutil.rmtree(args.work, ignore_errors=True)
    pilot_in = os.path.join(args.work, "pilot-in")
    os.makedirs(pilot_in)
    names = sorted(os.listdir(args.data))
    if args.leave_out not in names:
        sys.exit(f"{args.leave_out} is not in {args.data}")
    for name in names:
        if name != args.leave_out:
            os.symlink(os.path.abspath(os.path.join(args.data, name)), os.path.join(pilot_in, name))
    pilot, final, fresh = (os.path.join(args.work, n) for n in ("pilot", "final", "fresh"))
    times = {
        "pilot_s": run(args.bin, pilot_in, pilot),
        "fresh_s": run(args.bin, args.data, fresh),
        "final_s": run(args.bin, args.data, final, previous=pilot),
    }

    pilot_of = xref_customers(os.path.join(pilot, "xref.csv"))
    final_of = xref_customers(os.path.join(final, "xref.csv"))
    rows_of = defaultdict(list)
    for row, cid in pilot_of.items():
        rows_of[cid].append(row)
    # Pilot customers that each final customer holds rows of.
    pilot_customers_in = defaultdict(set)
    for row, cid in pilot_of.items():
        if row in final_of:
            pilot_customers_in[final_of[row]].add(cid)

    isolated = kept = 0
    lost = []
    for cid, rows in rows_of.items():
        finals = {final_of.get(r) for r in rows}
        if any(len(pilot_customers_in[f]) > 1 for f in finals if f):
            continue  # its rows meet another pilot customer's: a merge decides
        isolated += 1
        shares = Counter(final_of.get(r) for r in rows)
        largest = max(shares.values())
        if shares.get(cid) == largest:  # a tie between parts goes to either (by ID)
            kept += 1
        else:
            lost.append((cid, shares.most_common(1)[0][0]))

    with open(os.path.join(final, "changes.csv"), newline="", encoding="utf-8") as f:
        changes = list(csv.DictReader(f))
    named = {c["customer_id"] for c in changes} | {c["previous_customer_id"] for c in changes}
    final_ids = set(final_of.values())
    gone = set(rows_of) - final_ids
    unnamed_final = final_ids - {c["customer_id"] for c in changes}
    unnamed_gone = gone - named

    f1_fresh = f1(args.truth, os.path.join(fresh, "xref.csv"))
    f1_final = f1(args.truth, os.path.join(final, "xref.csv"))
    with open(os.path.join(final, "run.json"), encoding="utf-8") as f:
        reuse = json.load(f).get("reuse")
    result = {
        **{k: round(v, 2) for k, v in times.items()},
        "final_over_fresh": round(times["final_s"] / times["fresh_s"], 3),
        "pilot_customers": len(rows_of),
        "isolated_pilot_customers": isolated,
        "isolated_kept_id": kept,
        "final_customers": len(final_ids),
        "changes_by_kind": dict(Counter(c["change"] for c in changes)),
        "final_customers_not_in_changes": len(unnamed_final),
        "gone_pilot_ids": len(gone),
        "gone_ids_not_in_changes": len(unnamed_gone),
        "f1_fresh": round(f1_fresh, 4),
        "f1_final": round(f1_final, 4),
        "reuse": reuse,
        "examples_lost": lost[:5],
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))
    ok = kept == isolated and not unnamed_final and not unnamed_gone and abs(f1_final - f1_fresh) <= 0.002
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
