#!/usr/bin/env python3
"""Scores Steward's golden records against a hold-out set's true values.

    python3 benches/holdout/golden_score.py --set DIR --out STEWARD_OUT

Reads DIR.truth.csv (source,row,entity_id), DIR.entities.csv (written by generate.py: each
customer's true postcodes, e-mails and phones) and STEWARD_OUT/xref.csv and golden.csv.

Per golden record (its customer = the entity most of its members belong to), for postcode,
e-mail and phone: whether the golden value is one of the customer's true values, and whether
any member carried a true value (the best survivorship could do). Counted over golden
records whose customer has a true value of that kind. Also counts incoherent golden names:
name fields in more than one script, or a full_name that does not hold the given and family
name.
"""
import argparse
import csv
import re
import sys
import unicodedata
from collections import Counter, defaultdict


def compact(s):
    return re.sub(r"[^0-9A-Za-z]", "", s or "").upper()


def postcode_true(value, truths):
    v = compact(value)
    return bool(v) and any(v == t or (len(t) == 5 and v[:5] == t and len(v) == 9) for t in truths)


def script(s):
    kinds = set()
    for c in s:
        if not c.isalpha() or unicodedata.category(c) == "Lm":  # ʼ is a letter to Python
            continue
        name = unicodedata.name(c, "")
        kinds.add(name.split(" ")[0])
    return kinds


def words(s):
    return [w for w in re.split(r"[\s\-]+", (s or "").casefold()) if w]


def incoherent(g):
    parts = [g[f] for f in ("given_name", "middle_name", "family_name", "full_name") if g.get(f)]
    scripts = set()
    for p in parts:
        scripts |= script(p)
    if len(scripts) > 1:
        return "scripts"
    full = words(g.get("full_name"))
    for f in ("given_name", "family_name"):
        for w in words(g.get(f)):
            if full and w not in full:
                return "full_name"
    return None


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", required=True, help="hold-out folder (DIR.truth.csv and DIR.entities.csv beside it)")
    ap.add_argument("--out", required=True, help="Steward's --out folder")
    ap.add_argument("--examples", type=int, default=0)
    a = ap.parse_args(argv)
    base = a.set.rstrip("/")
    truth = {(r["source"], r["row"]): r["entity_id"] for r in csv.DictReader(open(base + ".truth.csv", encoding="utf-8"))}
    ent = {}
    for r in csv.DictReader(open(base + ".entities.csv", encoding="utf-8")):
        ent[r["entity_id"]] = {
            "postal_code": {compact(x) for x in r["postcodes"].split("|") if x},
            "email": {x.lower() for x in r["emails"].split("|") if x},
            "phone": {x for x in r["phones"].split("|") if x},
        }
    members = defaultdict(list)
    for r in csv.DictReader(open(a.out + "/xref.csv", encoding="utf-8")):
        if r["customer_id"]:
            members[r["customer_id"]].append(r)
    stats = {k: Counter() for k in ("postal_code", "email", "phone")}
    merged = {k: Counter() for k in stats}
    names = Counter()
    examples = defaultdict(list)
    for g in csv.DictReader(open(a.out + "/golden.csv", encoding="utf-8")):
        rows = members.get(g["customer_id"], [])
        eids = Counter(truth.get((r["source"], r["row"])) for r in rows)
        eid = eids.most_common(1)[0][0] if eids else None
        names["golden"] += 1
        names["named"] += any(g[f] for f in ("given_name", "family_name", "full_name"))
        why = incoherent(g)
        if why:
            names[why] += 1
            if len(examples["name"]) < a.examples:
                examples["name"].append((why, g["salutation"], g["given_name"], g["middle_name"], g["family_name"], g["full_name"]))
        if eid not in ent:
            continue
        for f, st in stats.items():
            truths = ent[eid][f]
            if not truths:
                continue
            if f == "postal_code":
                hit = postcode_true(g[f], truths)
                possible = any(postcode_true(r[f], truths) for r in rows)
            elif f == "email":
                hit = g[f].lower() in truths
                possible = any(r[k].lower() in truths for r in rows for k in ("email", "email_alt") if r[k])
            else:
                hit = g[f] in truths
                possible = any(r[k] in truths for r in rows for k in ("phone", "phone_alt") if r[k])
            for c in (st, merged[f]) if len(rows) > 1 else (st,):
                c["customers"] += 1
                c["true"] += hit
                c["possible"] += possible or hit
            if possible and not hit and len(examples[f]) < a.examples:
                examples[f].append((g[f], sorted(truths), [r[f] for r in rows]))
    for label, table in (("all", stats), ("merged", merged)):
        for f, st in table.items():
            n = st["customers"] or 1
            print("%-6s %-11s golden true %6.2f%%  possible %6.2f%%  (%d customers)" % (
                label, f, 100 * st["true"] / n, 100 * st["possible"] / n, st["customers"]))
    print("names  incoherent %d of %d named golden records (scripts %d, full_name %d)" % (
        names["scripts"] + names["full_name"], names["named"], names["scripts"], names["full_name"]))
    for k, ex in examples.items():
        for e in ex:
            print("  %s: %s" % (k, e))
    return 0


if __name__ == "__main__":
    sys.exit(main())
