#!/usr/bin/env bash
# End-to-end benchmark: generate N customers' exports, run Steward (release) on them, report
# wall time, peak memory, rows/s and pairwise precision/recall/F1 against the generated truth.
#
#   benches/e2e.sh 100000        # ~100k customers → about 1.5 rows per customer
#   benches/e2e.sh 1000000 7     # seed 7
#
# Needs python3 with faker and phonenumbers (pip install faker phonenumbers) and GNU time
# (apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
seed=${2:-1}
work=target/bench/e2e-$n-$seed
data=$work/data
out=$work/out
if [ ! -f "$data.truth.csv" ]; then
  rm -rf "$work"; mkdir -p "$work"
  python3 benches/synth/generate.py --customers "$n" --seed "$seed" --out "$data"
fi
cargo build --release --quiet
rows=$(python3 - "$data.truth.csv" <<'PY'
import sys; print(sum(1 for _ in open(sys.argv[1], encoding="utf-8")) - 1)
PY
)
/usr/bin/time -v target/release/steward run "$data" --out "$out" --quiet 2> "$work/time.txt"
wall=$(grep "Elapsed (wall clock)" "$work/time.txt" | awk '{print $NF}')
rss=$(grep "Maximum resident set size" "$work/time.txt" | awk '{print $NF}')
echo "rows:        $rows"
echo "wall:        $wall"
echo "peak RSS:    $((rss / 1024)) MiB"
python3 - "$wall" "$rows" <<'PY'
import sys
parts = [float(p) for p in sys.argv[1].split(":")]
secs = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
print(f"rows/s:      {int(sys.argv[2]) / secs:,.0f}")
PY
python3 benches/synth/score.py --truth "$data.truth.csv" --xref "$out/xref.csv"
python3 -c "import json,sys; d=json.load(open('$out/run.json')); print('stage ms:   ', d['stage_ms'])"
