#!/bin/sh
# End-to-end: `extortrace campaigns` and `extortrace report` on the bundled
# samples. Checks every output, validates the STIX bundle against the OASIS
# STIX 2.1 JSON schemas (../shared/data/stix; skipped with a message only when
# that folder is absent) and renders the HTML report in headless Chromium.
#   usage: report_test.sh EXTORTRACE SOURCE_DIR
set -eu
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SRC=$(cd "$2" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
NOW=1893456000  # 2030-01-01: after every sample date

# A Python with jsonschema (the project's, or Debian's python3-jsonschema).
PY=python3
if ! $PY -c "import jsonschema" 2>/dev/null && /usr/bin/python3 -c "import jsonschema" 2>/dev/null; then
  PY=/usr/bin/python3
fi

# 1. A store from the samples.
"$BIN" scan "$SRC/samples/mail" --db "$T/r.db" --jsonl /dev/null 2>"$T/scan.err" ||
  fail "scan exited $?: $(cat "$T/scan.err")"

# 2. campaigns: a table, the same from $EXTORTRACE_DB, and JSON.
"$BIN" campaigns --db "$T/r.db" --width 120 > "$T/campaigns.txt" || fail "campaigns exited $?"
head -1 "$T/campaigns.txt" | grep -q "^CAMPAIGN  *MSGS  *FIRST SEEN" ||
  fail "no table header: $(head -1 "$T/campaigns.txt")"
grep -q "^c-[0-9]" "$T/campaigns.txt" || fail "no campaign rows: $(cat "$T/campaigns.txt")"
(cd "$T" && EXTORTRACE_DB="$T/r.db" "$BIN" campaigns --width 120 > "$T/campaigns2.txt") ||
  fail "campaigns with EXTORTRACE_DB exited $?"
cmp -s "$T/campaigns.txt" "$T/campaigns2.txt" || fail "EXTORTRACE_DB gives another table"
"$BIN" campaigns --db "$T/r.db" --json > "$T/campaigns.json" || fail "campaigns --json exited $?"

# 3. report: every output at once.
"$BIN" report --db "$T/r.db" --now $NOW --html "$T/report.html" --json "$T/report.json" \
  --csv "$T/campaigns.csv" --csv-wallets "$T/wallets.csv" --stix "$T/bundle.json" \
  --misp "$T/event.json" 2>"$T/report.err" || fail "report exited $?: $(cat "$T/report.err")"
grep -q "extortion messages" "$T/report.err" || fail "no summary line"

$PY - "$T" <<'PY' || fail "report outputs are not what they should be"
import csv, json, sys
t = sys.argv[1]
rep = json.load(open(t + "/report.json", encoding="utf-8"))
camps = rep["campaigns"]
assert len(camps) >= 1, "no campaigns from the samples"
assert rep["summary"]["campaigns"] == len(camps)
for c in camps:
    assert c["id"].startswith("c-") and c["stix_id"].startswith("campaign--"), c["id"]
    assert sum(len(s["messages"]) for s in c["sources"]) == c["messages"], c["id"]
    for key in ("per_day", "per_weekday", "languages", "demands", "countries"):
        assert key in c["statistics"], key
wallets = rep["wallets"]
assert len(wallets) >= 1, "no wallets from the samples"
rows = list(csv.reader(open(t + "/campaigns.csv", newline="", encoding="utf-8")))
assert rows[0][:3] == ["campaign", "messages", "first_seen"], rows[0]
assert len(rows) == len(camps) + 1, (len(rows), len(camps))
wrows = list(csv.reader(open(t + "/wallets.csv", newline="", encoding="utf-8")))
assert len(wrows) == len(wallets) + 1
assert json.load(open(t + "/campaigns.json", encoding="utf-8"))["summary"] == rep["summary"]
bundle = json.load(open(t + "/bundle.json", encoding="utf-8"))
types = [o["type"] for o in bundle["objects"]]
assert types.count("campaign") == len(camps), types
assert types.count("indicator") == len(wallets), types
assert types.count("relationship") >= 1
ind_ids = {o["id"] for o in bundle["objects"] if o["type"] == "indicator"}
assert ind_ids == {w["stix_indicator_id"] for w in wallets}
event = json.load(open(t + "/event.json", encoding="utf-8"))["Event"]
values = {a["value"]: a for a in event["Attribute"] if a["category"] == "Financial fraud"}
for w in wallets:
    a = values[w["address"]]
    if w["currency"] == "BTC":
        assert a["type"] == "btc", a
PY

# 4. STIX 2.1: validate against the official schemas; ids are stable.
SCHEMAS="$SRC/../shared/data/stix/schemas"
if [ -d "$SCHEMAS" ]; then
  $PY -c "import jsonschema" 2>/dev/null ||
    fail "python3 jsonschema missing (Debian python3-jsonschema; run scripts/install-deps)"
  $PY "$HERE/stix_validate.py" "$SCHEMAS" "$T/bundle.json" > "$T/stix.out" 2>&1 ||
    fail "STIX bundle does not validate: $(cat "$T/stix.out")"
  # The validator itself must reject a broken bundle.
  sed 's/"pattern_type": "stix"/"pattern_type": 7/' "$T/bundle.json" > "$T/broken.json"
  if $PY "$HERE/stix_validate.py" "$SCHEMAS" "$T/broken.json" > /dev/null 2>&1; then
    fail "the STIX validator accepts a broken bundle"
  fi
  echo "STIX: $(cat "$T/stix.out")"
else
  echo "SKIP STIX schema validation: $SCHEMAS is absent"
fi
"$BIN" report --db "$T/r.db" --now $NOW --stix "$T/bundle2.json" 2>/dev/null
cmp -s "$T/bundle.json" "$T/bundle2.json" || fail "re-running gives another STIX bundle"

# 5. Errors: no output named; a file that cannot be written is named.
set +e
"$BIN" report --db "$T/r.db" 2>"$T/err1"; rc=$?
[ "$rc" -eq 64 ] || fail "no outputs: expected exit 64, got $rc"
"$BIN" report --db "$T/r.db" --html "$T/no/such/dir/r.html" --json "$T/ok.json" 2>"$T/err2"; rc=$?
set -e
[ "$rc" -ne 0 ] || fail "an unwritable output did not fail"
grep -q "$T/no/such/dir/r.html" "$T/err2" || fail "the error does not name the file: $(cat "$T/err2")"
[ -s "$T/ok.json" ] || fail "the writable output was not written"

# 6. The HTML is self-contained and escaped; Chromium renders its charts.
grep -q "<script" "$T/report.html" && fail "the report contains a script"
grep -Eq "(src|href)=\"https?:" "$T/report.html" && fail "the report loads a remote resource"
charts=$(grep -o '<svg class="chart"' "$T/report.html" | wc -l)
[ "$charts" -ge 7 ] || fail "expected at least 7 charts, found $charts"
CHROME=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROME" ] || fail "chromium is not installed (Debian package chromium; run scripts/install-deps)"
run_chrome() {
  timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-dev-shm-usage --hide-scrollbars --user-data-dir="$(mktemp -d "$T/chrome.XXXX")" "$@" \
    "file://$T/report.html"
}
run_chrome --screenshot="$T/shot.png" --window-size=1280,2000 > "$T/chrome.out" 2>&1 ||
  fail "chromium screenshot failed: $(tail -5 "$T/chrome.out")"
[ -s "$T/shot.png" ] || fail "no screenshot"
$PY "$HERE/png_check.py" "$T/shot.png" 500 || fail "the screenshot is blank or shows no chart bars"
run_chrome --dump-dom > "$T/dom.html" 2>"$T/chrome2.out" || fail "chromium --dump-dom failed"
dom_charts=$(grep -o '<svg class="chart"' "$T/dom.html" | wc -l)
[ "$dom_charts" -eq "$charts" ] || fail "rendered DOM has $dom_charts charts, the file $charts"
grep -q 'class="bar"' "$T/dom.html" || fail "no chart bars in the rendered DOM"
if [ -n "${REPORT_TEST_KEEP:-}" ]; then cp "$T/shot.png" "$T/report.html" "$REPORT_TEST_KEEP/"; fi
echo "ok"
