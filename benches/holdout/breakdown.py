#!/usr/bin/env python3
"""Which kinds of case does Steward get wrong? False merges and false splits, grouped.

    python3 benches/holdout/breakdown.py --truth DIR.truth.csv --xref OUT/xref.csv --cases DIR.cases.csv
        [--examples 3] [--json]

False merge (FP pair): two rows of different customers in one Steward cluster. Grouped by how the
two customers are related in the generator: twins, jrsr (parent and child with one name),
shared_email (a household sharing one mailbox), household, shared_role_email (colleagues behind
info@…), colleague, namesake (same native full name: a designed namesake group in one big city,
or two people who happen to share a common name), or none of these ("unrelated"). The table shows, per kind, how many cross-customer
row pairs of that kind exist (the chances to go wrong) and how many were merged.

False split (FN pair): two rows of one customer in different clusters. Tagged with every
difference between the two rows the generator knows about: a life event between them (marriage →
new surname, moved, new e-mail, new mobile), script (Cyrillic/Thai vs Latin), transliteration
system, nickname, typo, initials, swapped name fields, diacritics dropped, work vs private contact
details, … and with `shared=` the identifiers the two rows have in common as values (email, phone,
addr, birth; `shared=none` when they share none — then only the name ties them together, through
other rows of the same customer). A pair counts once under every tag it carries.
"""

import argparse
import csv
import json
import os
import sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "synth"))
from score import _align_sheets, _key, load_truth, load_xref, score  # noqa: E402

HARD_NEG = ["twins", "jrsr", "shared_email", "household", "shared_role_email", "colleague", "namesake"]
KINDS = HARD_NEG + ["unrelated"]
EVENTS = {"surname": "marriage_new_surname", "addr": "moved", "email": "new_email", "mobile": "new_mobile"}
NOISE = ["nick", "typo_name", "initial", "initials_pib", "swap", "case", "nodiac", "email_typo", "email_case", "ru_form",
         "given_first", "last_comma_first", "family_first", "role_email", "suffix", "multivalue", "forced_link"]


def load_cases(path):
    out = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            tags = r["tags"].split(";")
            d = {"tags": tags, "raw": r["raw"], "entity": r["entity_id"], "kv": {}, "flags": set(), "groups": set()}
            for t in tags:
                if "=" in t:
                    k, v = t.split("=", 1)
                    if k == "grp":
                        d["groups"].add(v)
                    else:
                        d["kv"][k] = v
                else:
                    d["flags"].add(t)
            d["keys"] = set(x for x in d["kv"].get("keys", "").split(",") if x)
            out[_key(r["source"], r["row"])] = d
    return out


def fp_kind(a, b):
    shared = a["groups"] & b["groups"]
    kinds = {g.split(":")[0] for g in shared}
    for k in HARD_NEG[:-1]:
        if k in kinds:
            return k
    if "namesake" in kinds or (a["kv"].get("pname") and a["kv"].get("pname") == b["kv"].get("pname")):
        return "namesake"
    return "unrelated"


def fn_tags(a, b):
    tags = []
    for k, name in EVENTS.items():
        va, vb = a["kv"].get(k), b["kv"].get(k)
        if va and vb and va != vb:
            tags.append(name)
    sa, sb = a["kv"].get("script"), b["kv"].get("script")
    if sa != sb:
        tags.append("script:" + "/".join(sorted([sa or "?", sb or "?"])))
    ta = a["kv"].get("translit") or a["kv"].get("roman")
    tb = b["kv"].get("translit") or b["kv"].get("roman")
    if ta and tb and ta != tb:
        tags.append("romanisation:" + "/".join(sorted([ta, tb])))
    elif (ta or tb) and sa == sb:
        pass
    for n in NOISE:
        if n in a["flags"] or n in b["flags"]:
            tags.append(n)
    if (a["kv"].get("as") == "work") != (b["kv"].get("as") == "work"):
        tags.append("work_vs_private")
    shared = sorted({k[0] for k in a["keys"] & b["keys"]})
    names = {"e": "email", "p": "phone", "a": "addr", "b": "birth"}
    tags.append("shared=" + ("+".join(names.get(s, s) for s in shared) if shared else "none"))
    tags.append("cc=" + (a["kv"].get("cc") or "?"))
    tags.append("sources:" + "/".join(sorted([a["kv"].get("src", "?"), b["kv"].get("src", "?")])))
    if not tags:
        tags.append("(no recorded difference)")
    return tags


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--truth", required=True)
    ap.add_argument("--xref", required=True)
    ap.add_argument("--cases", required=True)
    ap.add_argument("--examples", type=int, default=3, help="example pairs per category (raw rows)")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    truth = load_truth(a.truth)
    xref = _align_sheets(truth, load_xref(a.xref))
    cases = load_cases(a.cases)
    keys = [k for k in truth if k in xref and k in cases]
    s = score(truth, load_xref(a.xref))

    by_ent, by_clu = defaultdict(list), defaultdict(list)
    for k in keys:
        by_ent[truth[k]].append(k)
        by_clu[xref[k]].append(k)

    # false merges
    fp = Counter()
    fp_ex = defaultdict(list)
    fp_src = Counter()
    for ks in by_clu.values():
        ks = sorted(ks)
        for i, x in enumerate(ks):
            for y in ks[i + 1:]:
                if truth[x] != truth[y]:
                    kind = fp_kind(cases[x], cases[y])
                    fp[kind] += 1
                    fp_src["/".join(sorted([cases[x]["kv"].get("src", "?"), cases[y]["kv"].get("src", "?")]))] += 1
                    if len(fp_ex[kind]) < a.examples:
                        fp_ex[kind].append((x, y))
    # chances: cross-customer row pairs inside each hard-negative group
    chances = Counter()
    by_group = defaultdict(list)
    for k in keys:
        for g in cases[k]["groups"]:
            by_group[g].append(k)
        if cases[k]["kv"].get("pname"):
            by_group["pname:" + cases[k]["kv"]["pname"]].append(k)
    seen = set()
    for g, ks in by_group.items():
        ks = sorted(ks)
        for i, x in enumerate(ks):
            for y in ks[i + 1:]:
                if truth[x] != truth[y] and (x, y) not in seen:
                    seen.add((x, y))
                    chances[fp_kind(cases[x], cases[y])] += 1

    # false splits
    fn = Counter()
    fn_all = Counter()
    fn_ex = defaultdict(list)
    for ks in by_ent.values():
        ks = sorted(ks)
        for i, x in enumerate(ks):
            for y in ks[i + 1:]:
                tags = fn_tags(cases[x], cases[y])
                for t in tags:
                    fn_all[t] += 1
                if xref[x] != xref[y]:
                    for t in tags:
                        fn[t] += 1
                        if len(fn_ex[t]) < a.examples:
                            fn_ex[t].append((x, y))

    res = {"score": s, "false_merges": dict(fp), "false_merge_chances": dict(chances),
           "false_merges_by_sources": dict(fp_src), "false_splits_by_tag": dict(fn), "true_pairs_by_tag": dict(fn_all)}
    if a.json:
        print(json.dumps(res, ensure_ascii=False, sort_keys=True))
        return 0

    tot_fp = sum(fp.values())
    tot_fn = s["true_pairs"] - s["true_positive_pairs"]
    print("\n== false merges: %d pairs (precision %.4f)" % (tot_fp, s["precision"]))
    print("%-22s %8s %8s %8s" % ("kind", "merged", "chances", "rate"))
    for k in KINDS:
        c = chances.get(k, 0)
        if fp.get(k) or c:
            print("%-22s %8d %8s %8s" % (k, fp.get(k, 0), c or "-", ("%.3f" % (fp.get(k, 0) / c)) if c else "-"))
    print("by source pair: " + ", ".join("%s=%d" % kv for kv in fp_src.most_common(8)))

    print("\n== false splits: %d pairs (recall %.4f); a pair counts under each tag it carries" % (tot_fn, s["recall"]))
    print("%-40s %8s %8s %8s" % ("tag", "split", "of", "rate"))
    for t, n in sorted(fn_all.items(), key=lambda kv: (-fn.get(kv[0], 0), kv[0])):
        if fn.get(t, 0) == 0 and n < 20:
            continue
        print("%-40s %8d %8d %8.3f" % (t, fn.get(t, 0), n, fn.get(t, 0) / n))

    if a.examples:
        def show(k):
            c = cases[k]
            return "    %s:%d [%s] %s" % (k[0], k[1], c["entity"], c["raw"][:260])
        print("\n== examples of false merges")
        for kind in KINDS:
            for x, y in fp_ex.get(kind, []):
                print("-- %s" % kind)
                print(show(x))
                print(show(y))
        print("\n== examples of false splits (by event / script / romanisation / shared=none)")
        wanted = [t for t in fn if not t.startswith("cc=") and not t.startswith("sources:")]
        wanted.sort(key=lambda t: -fn[t])
        shown = set()
        for t in wanted[:12]:
            for x, y in fn_ex.get(t, []):
                if (x, y) in shown:
                    continue
                shown.add((x, y))
                print("-- %s  [%s]" % (t, ", ".join(fn_tags(cases[x], cases[y]))))
                print(show(x))
                print(show(y))
    return 0


if __name__ == "__main__":
    sys.exit(main())
