#!/usr/bin/env python3
"""Self-check of a generated directory: every source decodes, and its data-row count equals truth.csv's.

    python3 benches/synth/check.py DIR
"""

import csv
import io
import json
import os
import sys
from collections import Counter

CSV_SHAPES = {"ua_branch.csv": ("cp1251", ";"), "th_branch.csv": ("cp874", ","),
              "old_crm.csv": ("utf-8-sig", ","), "outlook_contacts.txt": ("utf-16", "\t")}
XLSX_HEADER_ROW = {"Leads": 3, "Events": 1}


def counts(d):
    out = {}
    for name, (enc, delim) in CSV_SHAPES.items():
        p = os.path.join(d, name)
        if os.path.exists(p):
            text = open(p, "rb").read().decode(enc, errors="strict")
            out[name] = len(list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))) - 1
    p = os.path.join(d, "web_signups.jsonl")
    if os.path.exists(p):
        lines = open(p, encoding="utf-8").read().splitlines()
        for ln in lines:
            json.loads(ln)
        out["web_signups.jsonl"] = len(lines)
    p = os.path.join(d, "sales_reps.xlsx")
    if os.path.exists(p):
        from openpyxl import load_workbook
        wb = load_workbook(p, read_only=True)
        for ws in wb.worksheets:
            out["sales_reps.xlsx#" + ws.title] = sum(1 for _ in ws.iter_rows()) - XLSX_HEADER_ROW[ws.title]
    return out


def main(d):
    truth = Counter(r["source"] for r in csv.DictReader(open(os.path.normpath(d) + ".truth.csv", encoding="utf-8")))
    got = counts(d)
    bad = {k: (got.get(k), truth.get(k)) for k in set(got) | set(truth) if got.get(k) != truth.get(k)}
    print("rows per source:", got)
    if bad:
        print("MISMATCH (file, truth):", bad)
        return 1
    print("ok: every source matches truth.csv")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
