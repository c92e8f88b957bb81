#!/usr/bin/env bash
# Score Steward on the generality sets and on the two public labelled sets.
#
#   benches/generality/run.sh [BIN]
#
# BIN      steward binary (default /work/main/target/release/steward)
# env:     GENERALITY_DIR  where the sets live (default /work/eval/generality; generated with
#                          SEED if a set is missing)
#          GENERALITY_OUT  where Steward's outputs go (default $GENERALITY_DIR/out)
#          SEED            generator seed used when generating (default 1)
#          PUBLIC_DIR      the public sets (default /work/shared/benchmarks)
# Prints one line per set: name, rows, F1, precision, recall (pairwise, score.py's convention).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
BIN=${1:-/work/main/target/release/steward}
DATA=${GENERALITY_DIR:-/work/eval/generality}
OUT=${GENERALITY_OUT:-$DATA/out}
SEED=${SEED:-1}
PUBLIC=${PUBLIC_DIR:-/work/shared/benchmarks}
SCORE=$PUBLIC/score.py
SETS="sites historical members signups shops copies"

if [ ! -x "$BIN" ]; then
    echo "steward binary not found at $BIN" >&2
    exit 2
fi

missing=0
for s in $SETS; do
    [ -f "$DATA/$s.csv" ] && [ -f "$DATA/$s.truth.csv" ] || missing=1
done
if [ "$missing" = 1 ]; then
    echo "generating sets into $DATA (seed $SEED)" >&2
    python3 "$HERE/generate.py" --out "$DATA" --seed "$SEED"
fi
mkdir -p "$OUT"

printf '%-12s %6s %7s %9s %7s\n' set rows F1 precision recall

score_one() {  # name input truth
    local name=$1 input=$2 truth=$3 out="$OUT/$1.out" rc=0
    "$BIN" run "$input" --out "$out" --quiet >"$OUT/$name.log" 2>&1 || rc=$?
    if [ "$rc" != 0 ]; then
        printf '%-12s %6s  steward exited %s (see %s)\n' "$name" - "$rc" "$OUT/$name.log"
        return
    fi
    python3 "$SCORE" "$truth" "$out/xref.csv" | python3 -c '
import json, sys
r = json.load(sys.stdin)
print("%-12s %6d %7.3f %9.3f %7.3f" % (sys.argv[1], r["rows"], r["f1"], r["precision"], r["recall"]))
' "$name"
}

for s in $SETS; do
    score_one "$s" "$DATA/$s.csv" "$DATA/$s.truth.csv"
done
score_one restaurant "$PUBLIC/restaurant/restaurants.csv" "$PUBLIC/restaurant/truth.csv"
score_one fake1000 "$PUBLIC/fake1000/fake_1000.csv" "$PUBLIC/fake1000/truth.csv"
