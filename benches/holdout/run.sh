#!/usr/bin/env bash
# Generate a hold-out set, run Steward on it, score it and break the errors down by kind of case.
#   bash benches/holdout/run.sh [N=4000] [SEED=1] [extra generate.py args, e.g. --countries UA,TH,IT,ES,NL,CZ,BR]
# Output: target/holdout/h<N>_s<SEED>[_<countries>]/ (data), .out/ (Steward), .truth.csv, .cases.csv, .meta.json
set -euo pipefail
N=${1:-4000}
SEED=${2:-1}
shift $(( $# >= 2 ? 2 : $# )) || true
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/benches/holdout"
BIN=${STEWARD_BIN:-$ROOT/target/release/steward}
TAG=""
if [ $# -gt 0 ]; then
    TAG="_$(printf '%s' "$*" | tr -c 'A-Za-z0-9,=' '_' | tr ',=' '-_' | cut -c1-60)"
fi
DIR="$ROOT/target/holdout/h${N}_s${SEED}${TAG}"
OUT="$DIR.out"
mkdir -p "$ROOT/target/holdout"
python3 "$HERE/generate.py" --customers "$N" --seed "$SEED" --out "$DIR" "$@"
[ -x "$BIN" ] || { echo "no Steward binary at $BIN (build it with cargo build --release)" >&2; exit 2; }
start=$(date +%s)
"$BIN" run "$DIR" --out "$OUT" --quiet
echo "steward run: $(( $(date +%s) - start )) s" >&2
python3 "$ROOT/benches/synth/score.py" --truth "$DIR.truth.csv" --xref "$OUT/xref.csv"
python3 "$HERE/breakdown.py" --truth "$DIR.truth.csv" --xref "$OUT/xref.csv" --cases "$DIR.cases.csv" --examples "${EXAMPLES:-3}"
