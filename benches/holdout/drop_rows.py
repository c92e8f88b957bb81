#!/usr/bin/env python3
"""Copy an export folder, dropping a share of the single-line data rows of each CSV (bytes kept as they are).

    python3 benches/holdout/drop_rows.py SRC DST SHARE     # e.g. 0.0136 drops about 1% of all rows

The earlier run of a "1% new rows" benchmark reads DST; the later run reads SRC with --previous.
"""
import os, random, shutil, sys
src, dst, share = sys.argv[1], sys.argv[2], float(sys.argv[3])
rng = random.Random(11)
os.makedirs(dst, exist_ok=True)
for name in sorted(os.listdir(src)):
    p = os.path.join(src, name)
    if not name.endswith('.csv'):
        shutil.copy(p, os.path.join(dst, name)); continue
    data = open(p, 'rb').read()
    lines = data.split(b'\n')
    out, inside, dropped = [], False, 0
    for i, line in enumerate(lines):
        odd = line.count(b'"') % 2 == 1
        whole = not inside and not odd
        if i > 0 and whole and line.strip() and rng.random() < share:
            dropped += 1
        else:
            out.append(line)
        if odd:
            inside = not inside
    open(os.path.join(dst, name), 'wb').write(b'\n'.join(out))
    print(name, 'dropped', dropped)
