#!/bin/sh
# End-to-end: the extortrace binary on the bundled samples.
#   usage: cli_scan_test.sh EXTORTRACE SOURCE_DIR
set -eu
BIN=$1
SRC=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# 1. A folder: one JSON object per message, in order, valid JSON, exit 0.
"$BIN" scan "$SRC/samples/mail" --jsonl "$T/out.jsonl" 2>"$T/err" || fail "scan exited $?"
n=$(wc -l < "$T/out.jsonl")
[ "$n" -eq 9 ] || fail "expected 9 records, got $n"
python3 - "$T/out.jsonl" <<'PY' || fail "scan records are not what the contract says"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
need = ["source", "index", "message_id", "date", "verdict", "category", "score", "language",
        "subject", "wallets", "demand", "deadline_hours", "sender", "obfuscation", "reasons",
        "campaign", "anomalies"]
for r in recs:
    missing = [k for k in need if k not in r]
    assert not missing, (r["source"], missing)
    assert r["verdict"] in ("extortion", "clean")
ja = [r for r in recs if r["source"].endswith("02-ja-corporate.eml")][0]
assert ja["language"] == "ja", ja["language"]
assert ja["wallets"][0]["address"] == "bc1q8hmgaey382whmq3wgk4y4fw2fmccqqujnfrm4h"
assert ja["sender"]["self_sent"] is True
mbox = [r for r in recs if r["source"].endswith("07-mixed.mbox")]
assert [r["index"] for r in mbox] == [0, 1], mbox
PY
grep -q "scanned 9 messages" "$T/err" || fail "no summary line: $(cat "$T/err")"

# 2. An unreadable input is named, the rest is still scanned, exit status is 2.
set +e
"$BIN" scan "$T/does-not-exist.eml" "$SRC/samples/mail/01-en-sextortion.eml" --jsonl - \
  >"$T/out2.jsonl" 2>"$T/err2"
rc=$?
set -e
[ "$rc" -eq 2 ] || fail "expected exit 2 on a missing input, got $rc"
grep -q "does-not-exist.eml" "$T/err2" || fail "error does not name the file: $(cat "$T/err2")"
[ "$(wc -l < "$T/out2.jsonl")" -eq 1 ] || fail "the readable input was not scanned"

# 3. stdin, and no progress bar when piped (stderr is a file here).
"$BIN" scan - --jsonl - < "$SRC/samples/mail/04-de-corporate.eml" > "$T/out3.jsonl" 2>"$T/err3"
grep -q '"source":"-"' "$T/out3.jsonl" || fail "stdin record has no source -"
if grep -q "msg/s" "$T/err3"; then fail "progress bar printed to a non-terminal"; fi

# 4. A tar.gz of the samples gives the same messages with member names.
tar -C "$SRC/samples/mail" -czf "$T/s.tgz" .
"$BIN" scan "$T/s.tgz" --jsonl "$T/out4.jsonl" 2>/dev/null || fail "archive scan failed"
[ "$(wc -l < "$T/out4.jsonl")" -eq 9 ] || fail "archive: expected 9 records"
grep -q '"member":"./02-ja-corporate.eml"' "$T/out4.jsonl" || fail "archive member missing"

# 5. dump shows the parts a debugger needs.
"$BIN" dump "$SRC/samples/mail/03-it-sextortion-html.eml" > "$T/dump.txt"
for s in "== MIME tree ==" "text/html" "== wallets ==" "p2tr" "== hidden text =="; do
  grep -q "$s" "$T/dump.txt" || fail "dump lacks '$s'"
done
# The store comes from --db, else $EXTORTRACE_DB; scan without either (or with an
# empty $EXTORTRACE_DB) writes no store, not even the default extortrace.db.
M1="$SRC/samples/mail/01-en-sextortion.eml"
(cd "$T" && EXTORTRACE_DB="$T/env.db" "$BIN" scan "$M1" --jsonl "$T/env.jsonl" 2>/dev/null) ||
  fail "scan with EXTORTRACE_DB exited $?"
[ -s "$T/env.db" ] || fail "scan ignored EXTORTRACE_DB"
(cd "$T" && EXTORTRACE_DB= "$BIN" scan "$M1" --jsonl "$T/none.jsonl" 2>/dev/null) ||
  fail "scan with an empty EXTORTRACE_DB exited $?"
[ ! -e "$T/extortrace.db" ] || fail "scan without a store wrote extortrace.db"
(cd "$T" && EXTORTRACE_DB="$T/env.db" "$BIN" scan "$M1" --db "$T/flag.db" --jsonl "$T/f.jsonl" \
  2>/dev/null) || fail "scan --db exited $?"
[ -s "$T/flag.db" ] || fail "--db did not win over EXTORTRACE_DB"

echo "ok"
