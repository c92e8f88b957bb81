#!/usr/bin/env bash
# Browser check of a Steward report.html in headless Chromium:
#   tests/browser/run.sh REPORT.html [SCREENSHOT.png]
# 1. loads the page with #selftest (the page clicks the first review item's "Match" button and
#    writes the decisions CSV it would download into <pre id="selftest-decisions">), dumps the
#    DOM, and checks that the script finished (body[data-steward-ready=ok]), raised no error,
#    logged no uncaught console error, and exported a well-formed decisions CSV;
# 2. takes a screenshot (default: next to the report, report.png).
#    With SELFTEST=group the page instead clicks "None match" on the largest group of review
#    pairs with the same evidence, and every pair of that group must be exported as a non-match;
#    with SELFTEST=customer it clicks the first "Take out" and the first "Use" of the customer
#    browser, and one split and one value decision must be exported.
# Environment: CHROMIUM (browser binary), EXPECT_DECISION (an exact CSV line the export must
# contain), SELFTEST (pair, the default, group or customer). Exits 0 on success, 1 on a failed check, 2 on bad usage or a missing browser.
set -euo pipefail

usage() { echo "usage: $0 REPORT.html [SCREENSHOT.png]" >&2; exit 2; }
[[ $# -ge 1 && $# -le 2 ]] || usage
report=$1
[[ -f $report ]] || { echo "no such file: $report" >&2; exit 2; }
report_abs=$(cd "$(dirname "$report")" && pwd)/$(basename "$report")
shot=${2:-$(dirname "$report_abs")/report.png}

browser=${CHROMIUM:-}
if [[ -z $browser ]]; then
  for candidate in /usr/bin/chromium chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then browser=$(command -v "$candidate"); break; fi
  done
fi
[[ -n $browser ]] || { echo "chromium not found (apt-get install -y chromium, or set CHROMIUM)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run_browser() {
  local profile
  profile=$(mktemp -d "$work/profile.XXXXXX")
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --no-first-run --disable-component-update --disable-sync --disable-extensions \
    --user-data-dir="$profile" --enable-logging=stderr --v=0 "$@"
}

url="file://$report_abs"
case ${SELFTEST:-pair} in
  pair) hash=selftest ;;
  group) hash=selftest-group ;;
  customer) hash=selftest-customer ;;
  *) echo "SELFTEST must be pair, group or customer" >&2; exit 2 ;;
esac
export SELFTEST=${SELFTEST:-pair}
if ! run_browser --virtual-time-budget=10000 --dump-dom "$url#$hash" >"$work/dom.html" 2>"$work/console.log"; then
  echo "FAIL: chromium could not load the report" >&2
  tail -20 "$work/console.log" >&2
  exit 1
fi

python3 - "$work/dom.html" "$work/console.log" <<'PY'
import html, re, sys, os
dom = open(sys.argv[1], encoding="utf-8", errors="replace").read()
log = open(sys.argv[2], encoding="utf-8", errors="replace").read()
failures = []
body = re.search(r"<body[^>]*>", dom)
body_tag = body.group(0) if body else ""
if 'data-steward-ready="ok"' not in body_tag:
    failures.append("the page script did not finish (no data-steward-ready on <body>)")
error = re.search(r'data-steward-error="([^"]*)"', body_tag)
if error:
    failures.append("script error: " + html.unescape(error.group(1)))
for line in log.splitlines():
    if "CONSOLE" in line and ("Uncaught" in line or "ERROR" in line.split("CONSOLE")[0]):
        failures.append("console: " + line.strip())
pre = re.search(r'<pre id="selftest-decisions"[^>]*>(.*?)</pre>', dom, re.S)
csv_text = html.unescape(pre.group(1)) if pre else ""
lines = [l for l in csv_text.replace("\r\n", "\n").split("\n") if l]
header = "decision,left_source,left_key,right_source,right_key,customer_id,field,value,note"
if not lines or lines[0] != header:
    failures.append("decisions export lacks the header %r (got %r)" % (header, lines[:1]))
has_review = "data-pair=" in dom
if os.environ.get("SELFTEST") == "customer":
    kinds = sorted(l.split(",", 1)[0] for l in lines[1:])
    if kinds != ["split", "value"]:
        failures.append("expected one 'split' and one 'value' decision from the customer browser, got %r" % lines[1:])
elif os.environ.get("SELFTEST") == "group":
    size = re.search(r'<tr data-group="0" data-group-size="([0-9]+)"', dom)
    if not size:
        failures.append("no group of review pairs was rendered")
    else:
        marked = [l for l in lines[1:] if l.startswith("non-match,")]
        if len(marked) != int(size.group(1)) or len(marked) != len(lines) - 1:
            failures.append("expected %s 'non-match' decisions for the largest group, got %r" % (size.group(1), lines[1:]))
elif has_review:
    marked = [l for l in lines[1:] if l.startswith("match,")]
    if len(marked) != 1:
        failures.append("expected one 'match' decision after clicking the first review item, got %r" % lines[1:])
expected = os.environ.get("EXPECT_DECISION", "")
if expected and expected not in lines:
    failures.append("decisions export lacks %r (got %r)" % (expected, lines))
if failures:
    for f in failures:
        print("FAIL:", f, file=sys.stderr)
    sys.exit(1)
print("ok: script ran, %d review item(s) rendered, decisions export:" % dom.count("data-pair="))
print("\n".join("  " + l for l in lines))
PY

rm -f "$shot"
run_browser --window-size=1280,2000 --hide-scrollbars --screenshot="$shot" "$url" >/dev/null 2>"$work/shot.log" || true
if [[ ! -s $shot ]]; then
  echo "FAIL: no screenshot written to $shot" >&2
  tail -20 "$work/shot.log" >&2
  exit 1
fi
echo "ok: screenshot $shot"
