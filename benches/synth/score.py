#!/usr/bin/env python3
"""Pairwise precision / recall / F1 of Steward's clustering against the generator's truth.

    python3 benches/synth/score.py --truth DIR.truth.csv --xref OUT/xref.csv [--examples 5] [--errors 20] [--json]

A pair of input rows is "predicted" when xref.csv gives both the same non-empty customer_id (an empty
customer_id is a singleton), and "true" when truth.csv gives both the same entity_id. Rows are joined on
(source, row); `source` is compared by file name (directories dropped), with the sheet after '#' for workbooks.
"""

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict


def _key(source, row, sheet=""):
    """(file name[#sheet], row): directories dropped; 'book.xlsx!S', 'book.xlsx [S]' and a sheet column accepted."""
    src = source.replace("\\", "/").rsplit("/", 1)[-1].strip()
    if src.endswith("]") and " [" in src:
        src = src[:-1].replace(" [", "#", 1)
    for sep in ("!", ":"):
        book, found, tab = src.partition(sep)
        if found and "." in book and "#" not in src:
            src = book + "#" + tab
    if sheet and "#" not in src:
        src += "#" + sheet
    return src, int(row)


def load_truth(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return {_key(r["source"], r["row"]): r["entity_id"] for r in csv.DictReader(fh)}


def load_xref(path):
    out = {}
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for i, r in enumerate(csv.DictReader(fh)):
            cid = (r.get("customer_id") or "").strip()
            if not cid:
                cid = "\0singleton%d" % i
            out[_key(r["source"], r["row"], r.get("sheet") or "")] = cid
    return out


def _align_sheets(truth, xref):
    """If xref names a workbook without its sheet but truth has 'book#Sheet', accept a unique match."""
    by_book = defaultdict(list)
    for src, row in truth:
        if "#" in src:
            by_book[(src.split("#", 1)[0], row)].append((src, row))
    fixed = {}
    for (src, row), cid in xref.items():
        if (src, row) not in truth and len(by_book.get((src, row), [])) == 1:
            fixed[by_book[(src, row)][0]] = cid
        else:
            fixed[(src, row)] = cid
    return fixed


def pairs(counter):
    return sum(n * (n - 1) // 2 for n in counter.values())


def score(truth, xref):
    xref = _align_sheets(truth, xref)
    common = [k for k in truth if k in xref]
    ent = Counter(truth[k] for k in common)
    clu = Counter(xref[k] for k in common)
    both = Counter((truth[k], xref[k]) for k in common)
    tp, pred, true = pairs(both), pairs(clu), pairs(ent)
    p = tp / pred if pred else 1.0
    r = tp / true if true else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"rows_truth": len(truth), "rows_xref": len(xref), "rows_scored": len(common),
            "missing_in_xref": len(truth) - len(common), "unknown_in_xref": len(xref) - len(common),
            "entities": len(ent), "clusters": len(clu), "true_pairs": true, "predicted_pairs": pred,
            "true_positive_pairs": tp, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)}


def examples(truth, xref, n):
    """A few wrongly merged clusters and wrongly split entities, for eyeballing."""
    xref = _align_sheets(truth, xref)
    by_cluster, by_entity = defaultdict(list), defaultdict(list)
    for k, ent in truth.items():
        if k in xref:
            by_cluster[xref[k]].append((k, ent))
            by_entity[ent].append((k, xref[k]))
    merged = [v for v in by_cluster.values() if len({e for _, e in v}) > 1][:n]
    split = [v for v in by_entity.values() if len({c for _, c in v}) > 1][:n]
    return merged, split


def _pair_levels(pairs_csv):
    """{frozenset(two keys): pairs.csv row} from Steward's pairs.csv."""
    out = {}
    with open(pairs_csv, encoding="utf-8-sig", newline="") as fh:
        for r in csv.DictReader(fh):
            a, b = _key(r["left_source"], r["left_row"]), _key(r["right_source"], r["right_row"])
            out[frozenset((a, b))] = r
    return out


_SHOWN = ("given_name", "family_name", "email", "phone", "phone_alt", "address_line1", "postal_code",
          "locality", "country", "organization", "birth_date")


def errors(truth, xref_path, pairs_csv, limit):
    """Every false-negative and false-positive pair (up to `limit` each), with both rows'
    normalised values and the pair's comparison levels, or NOT COMPARED when no blocking rule
    paired them. Prints a count per outcome (NOT COMPARED / review / non-match / match)."""
    rows = {}
    with open(xref_path, encoding="utf-8-sig", newline="") as fh:
        for r in csv.DictReader(fh):
            rows[_key(r["source"], r["row"], r.get("sheet") or "")] = r
    xref = _align_sheets(truth, load_xref(xref_path))
    levels = _pair_levels(pairs_csv)
    by_ent, by_clu = defaultdict(list), defaultdict(list)
    for k, e in truth.items():
        if k in xref:
            by_ent[e].append(k)
            by_clu[xref[k]].append(k)

    def show(k):
        r = rows.get(k, {})
        return "%s:%d | %s" % (k[0], k[1], " | ".join(r.get(f, "") for f in _SHOWN))

    def describe(a, b):
        p = levels.get(frozenset((a, b)))
        if p is None:
            return "NOT COMPARED", "NOT COMPARED"
        lv = " ".join("%s=%s" % (c[:-6], v) for c, v in p.items() if c.endswith("_level"))
        return p["decision"], "%s p=%s %s" % (p["decision"], p["match_probability"], lv)

    for title, groups, wrong in (("false negatives", by_ent, lambda a, b: xref[a] != xref[b]),
                                 ("false positives", by_clu, lambda a, b: truth[a] != truth[b])):
        kinds, shown = Counter(), 0
        print("\n%s:" % title)
        for ks in groups.values():
            ks = sorted(ks)
            for i, a in enumerate(ks):
                for b in ks[i + 1:]:
                    if not wrong(a, b):
                        continue
                    kind, text = describe(a, b)
                    kinds[kind] += 1
                    if shown < limit:
                        shown += 1
                        print("-- " + text + "\n    " + show(a) + "\n    " + show(b))
        print("%s by outcome: %s" % (title, dict(kinds)))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--truth", required=True)
    ap.add_argument("--xref", required=True)
    ap.add_argument("--examples", type=int, default=0, help="print N false merges and N false splits")
    ap.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="print N false-negative and N false-positive pairs with their pairs.csv levels "
                         "(pairs.csv is read next to xref.csv) and a count per outcome")
    a = ap.parse_args()
    truth, xref = load_truth(a.truth), load_xref(a.xref)
    s = score(truth, xref)
    if a.json:
        print(json.dumps(s))
    else:
        for k, v in s.items():
            print("%-20s %s" % (k, v))
    if a.examples:
        merged, split = examples(truth, xref, a.examples)
        print("\nfalse merges (cluster holding several true entities):")
        for grp in merged:
            print("  " + "; ".join("%s:%d=%s" % (k[0], k[1], e) for k, e in grp))
        print("\nfalse splits (one true entity in several clusters):")
        for grp in split:
            print("  " + "; ".join("%s:%d→%s" % (k[0], k[1], c.replace("\0", "")) for k, c in grp))
    if a.errors:
        errors(truth, a.xref, a.xref.rsplit("xref.csv", 1)[0] + "pairs.csv", a.errors)
    if s["missing_in_xref"]:
        print("warning: %d truth rows are missing from xref.csv" % s["missing_in_xref"], file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
