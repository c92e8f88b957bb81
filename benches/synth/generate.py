#!/usr/bin/env python3
"""Synthetic customer exports with known truth, for Steward's quality and scale benchmarks.

    python3 benches/synth/generate.py --customers 300 --seed 7 --out fixtures/synth_small

Writes six sources (see README.md) and DIR.truth.csv beside DIR (source,row,entity_id). Reproducible by seed.
"""

import argparse
import csv
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import sources as S  # noqa: E402
from world import make_world  # noqa: E402


def truth_path(out: str) -> str:
    """Where the truth for a generated folder goes: beside it (DIR.truth.csv), never inside it,
    so that running Steward on DIR reads only the exports."""
    return os.path.normpath(out) + ".truth.csv"


def generate(customers: int, seed: int, out: str, xlsx: bool = True, quiet: bool = False):
    """Build the world, render every source, write files and truth.csv. Returns {source: rows}."""
    t0 = time.time()
    os.makedirs(out, exist_ok=True)
    ents, _ = make_world(customers, seed)
    names = [s for s in S.ALL_SOURCES if xlsx or s != S.XLSX]
    rng = random.Random(seed * 7919 + 1)
    plan = S.plan(rng, ents, names)
    truth, counts = [], {}

    def rows_of(src, fn, label=None):
        lst = [fn(rng, e) for e in plan[src]]
        truth.extend((label or src, i + 1, e.eid) for i, e in enumerate(plan[src]))
        counts[label or src] = len(lst)
        return lst

    S.write_csv(os.path.join(out, S.UA), S.UA_HEADER, rows_of(S.UA, S.ua_row), "cp1251", ";")
    S.write_csv(os.path.join(out, S.TH), S.TH_HEADER, rows_of(S.TH, S.th_row), "cp874", ",")
    S.write_csv(os.path.join(out, S.CRM), S.CRM_HEADER, rows_of(S.CRM, S.crm_row), "utf-8", ",", bom=b"\xef\xbb\xbf")
    S.write_csv(os.path.join(out, S.OUTLOOK), S.OUTLOOK_HEADER, rows_of(S.OUTLOOK, S.outlook_row), "utf-16-le",
                "\t", bom=b"\xff\xfe")
    S.write_jsonl(os.path.join(out, S.WEB), rows_of(S.WEB, S.web_row))
    if xlsx:
        whole = plan[S.XLSX]
        cut = len(whole) * 2 // 5
        plan[S.XLSX] = whole[:cut]
        leads = rows_of(S.XLSX, S.leads_row, S.XLSX + "#" + S.XLSX_SHEETS[0])
        plan[S.XLSX] = whole[cut:]
        events = rows_of(S.XLSX, S.events_row, S.XLSX + "#" + S.XLSX_SHEETS[1])
        S.write_xlsx(os.path.join(out, S.XLSX), leads, events)
    with open(truth_path(out), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["source", "row", "entity_id"])
        w.writerows(truth)
    if not quiet:
        total = sum(counts.values())
        print("%d entities, %d rows in %.1fs: %s" % (len(ents), total, time.time() - t0,
                                                      ", ".join("%s=%d" % kv for kv in counts.items())))
    return counts


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--customers", type=int, default=300, help="number of true customers (entities)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", required=True)
    ap.add_argument("--no-xlsx", action="store_true", help="skip the workbook (faster for huge runs)")
    a = ap.parse_args()
    generate(a.customers, a.seed, a.out, xlsx=not a.no_xlsx)


if __name__ == "__main__":
    main()
