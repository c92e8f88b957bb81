#!/usr/bin/env python3
"""A deliberately naive matcher, as a floor for Steward's scores: rows sharing a lower-cased e-mail
(and, with --phone, the last 9 phone digits) are one customer. Writes an xref.csv that score.py reads.

    python3 benches/synth/baseline.py DIR --out /tmp/base_xref.csv [--phone]
    python3 benches/synth/score.py --truth DIR.truth.csv --xref /tmp/base_xref.csv
"""

import argparse
import csv
import io
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check import CSV_SHAPES, XLSX_HEADER_ROW  # noqa: E402

EMAIL_COLS = ("E-mail", "Email", "E-mail Address", "email", "อีเมล")
PHONE_COLS = ("Телефон", "โทรศัพท์", "Phone", "MobilePhone", "Mobile Phone", "Business Phone", "Home Phone",
              "phone", "Mobile")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def rows(d):
    """(source, row, {column: text}) for every data row of every source in DIR."""
    for name, (enc, delim) in CSV_SHAPES.items():
        p = os.path.join(d, name)
        if os.path.exists(p):
            text = open(p, "rb").read().decode(enc)
            for i, r in enumerate(csv.DictReader(io.StringIO(text, newline=""), delimiter=delim), 1):
                yield name, i, r
    p = os.path.join(d, "web_signups.jsonl")
    if os.path.exists(p):
        for i, ln in enumerate(open(p, encoding="utf-8"), 1):
            yield "web_signups.jsonl", i, {k: "" if v is None else str(v) for k, v in json.loads(ln).items()}
    p = os.path.join(d, "sales_reps.xlsx")
    if os.path.exists(p):
        from openpyxl import load_workbook
        for ws in load_workbook(p, read_only=True).worksheets:
            it = ws.iter_rows(values_only=True)
            header = []
            for _ in range(XLSX_HEADER_ROW[ws.title]):
                header = [str(h) for h in next(it)]
            for i, vals in enumerate(it, 1):
                yield "sales_reps.xlsx#" + ws.title, i, {h: "" if v is None else str(v) for h, v in zip(header, vals)}


def keys(r, use_phone):
    out = []
    for c in EMAIL_COLS:
        v = (r.get(c) or "").strip().lower()
        if "@" in v:
            out.append("e:" + v)
    if use_phone:
        for c in PHONE_COLS:
            digits = re.sub(r"\D", "", (r.get(c) or "").translate(_THAI_DIGITS).split(" x")[0].split("ต่อ")[0])
            if len(digits) >= 9:
                out.append("p:" + digits[-9:])
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir")
    ap.add_argument("--out", required=True)
    ap.add_argument("--phone", action="store_true", help="also merge on the last 9 phone digits")
    a = ap.parse_args()
    parent, owner, ids = {}, {}, []

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for src, row, r in rows(a.dir):
        me = len(ids)
        ids.append((src, row))
        parent[me] = me
        for k in keys(r, a.phone):
            if k in owner:
                parent[find(me)] = find(owner[k])
            else:
                owner[k] = me
    with open(a.out, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["source", "row", "source_key", "customer_id", "status"])
        for i, (src, row) in enumerate(ids):
            w.writerow([src, row, "", "C%d" % find(i), "baseline"])


if __name__ == "__main__":
    main()
