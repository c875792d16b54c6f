#!/bin/sh
# A scan killed with SIGKILL at random moments, ten times, and resumed each
# time, ends with exactly the store of an uninterrupted scan: nothing lost,
# nothing duplicated, same campaigns.
#   usage: store_resume_test.sh EXTORTRACE SOURCE_DIR
set -eu
BIN=$1
SRC=$2
CORPUS=$SRC/../shared/data/mail
if [ ! -d "$CORPUS" ]; then
  echo "SKIP: $CORPUS absent"
  exit 0
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

dump() {  # canonical content of a store, independent of row ids
  python3 - "$1" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
rows = c.execute("""
  SELECT m.source, m.member, m.idx, m.sha256, m.verdict, m.record, COALESCE(cp.label, '')
  FROM messages m LEFT JOIN campaigns cp ON cp.id = m.campaign_id
  ORDER BY m.source, m.member, m.idx""").fetchall()
for r in rows: print("M", *r, sep="\t")
for r in c.execute("""
  SELECT m.source, m.member, m.idx, w.address, w.currency, COALESCE(mw.recovered_from, '')
  FROM message_wallets mw JOIN messages m ON m.id = mw.message JOIN wallets w ON w.id = mw.wallet
  ORDER BY 1, 2, 3, 4"""): print("W", *r, sep="\t")
print("N", c.execute("SELECT COUNT(*) FROM messages").fetchone()[0],
      c.execute("SELECT COUNT(DISTINCT source || member || idx) FROM messages").fetchone()[0])
PY
}

# Reference: one uninterrupted scan.
"$BIN" scan "$CORPUS" --all-files --db "$T/ref.db" --jsonl /dev/null -q -j 2 || fail "reference scan"
dump "$T/ref.db" > "$T/ref.txt"

# Ten kills at random moments, each followed by a resume. Each kill comes a
# random 0-50 ms after the run has committed new work (polled in the store),
# so that every kill lands on a running scan that has made progress, on a slow
# or a fast machine alike.
count() {
  python3 -c "import sqlite3,sys
try: print(sqlite3.connect(sys.argv[1], timeout=30).execute('SELECT COUNT(*) FROM messages').fetchone()[0])
except Exception: print(0)" "$1"
}
kills=0
for i in 1 2 3 4 5 6 7 8 9 10; do
  before=$(count "$T/run.db")
  "$BIN" scan "$CORPUS" --all-files --db "$T/run.db" --jsonl /dev/null -q -j 1 &
  pid=$!
  python3 - "$T/run.db" "$before" "$pid" <<'PY'
import os, random, sqlite3, sys, time
db, before, pid = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
deadline = time.time() + 120
while time.time() < deadline:
    try:
        n = sqlite3.connect(db, timeout=30).execute("SELECT COUNT(*) FROM messages").fetchone()[0]
    except Exception:
        n = before
    if n > before:
        break
    try:
        os.kill(pid, 0)
    except OSError:
        break
    time.sleep(0.02)
time.sleep(random.uniform(0, 0.05))
PY
  if kill -KILL "$pid" 2>/dev/null; then kills=$((kills + 1)); fi
  wait "$pid" 2>/dev/null || true
done
[ "$kills" -eq 10 ] || fail "only $kills of 10 kills hit a running scan"
# The killed runs must have committed work (commits come every 200 ms), so the
# final run resumes rather than starting over.
partial=$(count "$T/run.db")
[ "$partial" -gt 0 ] || fail "no message survived the killed runs"
"$BIN" scan "$CORPUS" --all-files --db "$T/run.db" --jsonl /dev/null -q -j 2 || fail "final resume"
dump "$T/run.db" > "$T/run.txt"

if ! cmp -s "$T/ref.txt" "$T/run.txt"; then
  diff "$T/ref.txt" "$T/run.txt" | head -20 >&2
  fail "resumed store differs from the uninterrupted one"
fi
echo "ok: $kills kills ($partial messages stored before the final resume), $(grep -c '^M' "$T/ref.txt") messages identical"
