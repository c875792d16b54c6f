#!/bin/sh
# The store at scale: N messages (default 1,000,000) made by replicating the
# shared mail corpus with varied headers, scanned into a SQLite store, then
# clustered into campaigns. Reports messages/s, peak RSS of each step and store
# bytes per message.
#
#   usage: bench/store_million.sh BUILD_DIR [N]
#   env:   CORPUS=DIR      corpus to replicate (default ../shared/data/mail)
#          WORK=DIR        where the tar stream and the store go (default: a new /tmp dir,
#                          removed at the end unless KEEP=1)
#          STREAM=1        pipe the generator straight into the scan instead of writing the
#                          tar first (no disk, but the generator's CPU counts against the scan)
#          PG_N=M          also scan the first M messages into a throw-away PostgreSQL and
#                          report its bytes per message (0: skip; default min(N, 100000))
#          THREADS=T       scan threads (default: all cores)
#
# The generator (bench/store_million_gen.py) writes one uncompressed tar whose
# members are copy-KKKK/<corpus path>; every copy has its own Message-ID, Date,
# To and top Received IP, so each member has a distinct SHA-256 and source id.
set -eu
BUILD=${1:?usage: store_million.sh BUILD_DIR [N]}
N=${2:-1000000}
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$(dirname "$HERE")
BIN=$BUILD/apps/cli/extortrace
CORPUS=${CORPUS:-$SRC/../shared/data/mail}
THREADS=${THREADS:-$(nproc)}
PG_N=${PG_N:-$([ "$N" -lt 100000 ] && echo "$N" || echo 100000)}
[ -x "$BIN" ] || { echo "store_million: no $BIN (build the extortrace target)" >&2; exit 1; }
[ -d "$CORPUS" ] || { echo "store_million: SKIP: no corpus at $CORPUS" >&2; exit 0; }
[ -x /usr/bin/time ] || { echo "store_million: needs /usr/bin/time (Debian package time)" >&2; exit 1; }
WORK=${WORK:-$(mktemp -d /tmp/et-million.XXXXXX)}
mkdir -p "$WORK"
. "$SRC/tests/e2e/pg_cluster.sh"
cleanup() {
  pg_cluster_stop
  [ "${KEEP:-0}" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT
say() { echo "store_million: $*" >&2; }
# field NAME FILE: one value from GNU time -v output
field() { sed -n "s/^[[:space:]]*$1: //p" "$2" | tail -n 1; }
kb_to_mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
wall_s() {  # "h:mm:ss" or "m:ss.cc" -> seconds
  echo "$1" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.1f", s }'
}

STORE=$WORK/store.db
say "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${STREAM:-0}" = 1 ]; then
  INPUT=-
else
  INPUT=$WORK/messages.tar
  say "generating $N messages into $INPUT"
  /usr/bin/time -v -o "$WORK/gen.time" python3 "$HERE/store_million_gen.py" "$CORPUS" "$N" "$INPUT"
  say "generated $(du -m "$INPUT" | cut -f1) MB in $(wall_s "$(field 'Elapsed (wall clock) time (h:mm:ss or m:ss)' "$WORK/gen.time")") s"
fi

# scan_into TAG URL COUNT: scans the input (or COUNT fresh messages from the
# generator, for a second store) into URL under GNU time; WORK/TAG.time, TAG.log.
scan_into() {
  if [ "$INPUT" = - ] || [ "$3" != "$N" ]; then
    python3 "$HERE/store_million_gen.py" "$CORPUS" "$3" - |
      /usr/bin/time -v -o "$WORK/$1.time" "$BIN" scan --threads "$THREADS" --db "$2" - \
        >/dev/null 2>"$WORK/$1.log"
  else
    /usr/bin/time -v -o "$WORK/$1.time" "$BIN" scan --threads "$THREADS" --db "$2" "$INPUT" \
      >/dev/null 2>"$WORK/$1.log"
  fi
  tail -n 1 "$WORK/$1.log" >&2
}

say "scanning into $STORE with $THREADS threads"
scan_into scan "$STORE" "$N"
LOAD_SCAN=$(cut -d' ' -f1-3 /proc/loadavg)
MSGS=$(sed -n 's/.*scanned \([0-9]*\) messages.*/\1/p' "$WORK/scan.log" | tail -n 1)
EXT=$(sed -n 's/.*s: \([0-9]*\) extortion.*/\1/p' "$WORK/scan.log" | tail -n 1)

# Again over the same input: everything is already stored, so this measures
# resuming (the keys of every stored message are held to skip them).
say "rescanning (resume: all stored)"
scan_into rescan "$STORE" "$N"

say "campaigns"
/usr/bin/time -v -o "$WORK/camp.time" "$BIN" campaigns --db "$STORE" --width 160 >"$WORK/campaigns.txt"
# A second, incremental run: nothing new to cluster.
/usr/bin/time -v -o "$WORK/camp2.time" "$BIN" campaigns --db "$STORE" --width 160 >/dev/null

# Fold the WAL into the main file, then measure it (and per table where SQLite can say).
python3 - "$STORE" "$MSGS" >"$WORK/sizes.txt" <<'PY'
import os, sqlite3, sys
path, n = sys.argv[1], int(sys.argv[2])
db = sqlite3.connect(path)
db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
rows = db.execute("SELECT COUNT(*) FROM messages").fetchone()[0]
camps = db.execute("SELECT COUNT(*) FROM campaigns WHERE merged_into IS NULL").fetchone()[0]
size = os.path.getsize(path)
print("sqlite_bytes %d" % size)
print("rows %d" % rows)
print("campaigns %d" % camps)
print("bytes_per_message %.0f" % (size / max(rows, 1)))
try:
    for name, b in db.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 8"):
        print("table %s %d" % (name, b))
except sqlite3.Error:
    pass
PY

PG_LINE=""
if [ "$PG_N" -gt 0 ]; then
  if pg_cluster_start "$WORK/pgc"; then
    say "scanning $PG_N messages into PostgreSQL"
    scan_into pg "$PG_URL" "$PG_N"
    PG_BYTES=$(psql "$PG_URL" -Atc "VACUUM ANALYZE" -c "SELECT SUM(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'" | tail -n 1)
    PG_ROWS=$(psql "$PG_URL" -Atc "SELECT COUNT(*) FROM messages")
    PG_LINE="postgresql: $PG_ROWS messages, $PG_BYTES bytes (tables + indexes + TOAST), $((PG_BYTES / PG_ROWS)) bytes/message, scan peak RSS $(kb_to_mb "$(field 'Maximum resident set size (kbytes)' "$WORK/pg.time")") MB, wall $(wall_s "$(field 'Elapsed (wall clock) time (h:mm:ss or m:ss)' "$WORK/pg.time")") s"
    pg_cluster_stop
  else
    PG_LINE="postgresql: skipped (cannot start a cluster here)"
  fi
fi

SCAN_WALL=$(wall_s "$(field 'Elapsed (wall clock) time (h:mm:ss or m:ss)' "$WORK/scan.time")")
SCAN_CPU=$(awk -v u="$(field 'User time (seconds)' "$WORK/scan.time")" -v s="$(field 'System time (seconds)' "$WORK/scan.time")" 'BEGIN { printf "%.1f", u + s }')
cat <<EOF
== store_million: $N generated, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load after scan: $LOAD_SCAN
scan:      $MSGS messages ($EXT extortion) in $SCAN_WALL s wall, $SCAN_CPU s CPU: $(awk -v n="$MSGS" -v t="$SCAN_WALL" 'BEGIN { printf "%.0f", n / t }') messages/s, $(awk -v n="$MSGS" -v t="$SCAN_CPU" 'BEGIN { printf "%.0f", n / t }') per CPU-second
scan:      peak RSS $(kb_to_mb "$(field 'Maximum resident set size (kbytes)' "$WORK/scan.time")") MB
rescan:    $(wall_s "$(field 'Elapsed (wall clock) time (h:mm:ss or m:ss)' "$WORK/rescan.time")") s wall, peak RSS $(kb_to_mb "$(field 'Maximum resident set size (kbytes)' "$WORK/rescan.time")") MB ($(sed -n 's/.*, \([0-9]*\) already stored.*/\1/p' "$WORK/rescan.log" | tail -n 1) already stored)
campaigns: $(wall_s "$(field 'Elapsed (wall clock) time (h:mm:ss or m:ss)' "$WORK/camp.time")") s wall, peak RSS $(kb_to_mb "$(field 'Maximum resident set size (kbytes)' "$WORK/camp.time")") MB; second run $(wall_s "$(field 'Elapsed (wall clock) time (h:mm:ss or m:ss)' "$WORK/camp2.time")") s, peak RSS $(kb_to_mb "$(field 'Maximum resident set size (kbytes)' "$WORK/camp2.time")") MB
$(sed 's/^/sqlite:    /' "$WORK/sizes.txt")
$PG_LINE
EOF
