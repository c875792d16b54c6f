#!/bin/sh
# HTTP load: wrk against `extortrace serve` POST /v1/scan and, in the same
# run on the same messages, rspamd's /checkv2 (Debian rspamd, loopback only,
# network modules off). Prints one RESULT line per (server, message set, mode).
#   usage: bench/load/run_load.sh EXTORTRACE [SECONDS]
# Modes: "max" = closed loop, 8 connections; "paced" = 4 wrk threads, 16
# connections each waiting 14 ms between requests: about 1,000 requests/s
# offered (wrk's timers pace each thread at ~260 requests/s whatever the
# connection count, so the rate comes from the thread count; measured on
# /healthz). The RESULT line reports the rate actually achieved.
# Messages: see the two sets below. Every process started here is stopped by its PID.
set -eu
BIN=$(readlink -f "$1")
DUR=${2:-20}
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$HERE/../.." && pwd)
SHARED=${ET_SHARED_DIR:-$SRC/../shared}
command -v wrk >/dev/null || { echo "wrk not installed (scripts/install-deps)" >&2; exit 1; }
W=$(mktemp -d /tmp/et-load.XXXXXX)
chmod 755 "$W"
PIDS=""
cleanup() { for p in $PIDS; do kill "$p" 2>/dev/null || true; done; for p in $PIDS; do wait "$p" 2>/dev/null || true; done; rm -rf "$W"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Two message sets: "extortion" (samples/mail plus the shared corpus's
# extortion .eml files: the expensive case, nearly every message goes through
# the whole detector) and "mixed" (every 50th file of ../shared/data/mail:
# ham, spam and extortion in the corpus's proportions, what a mail server sees).
ls "$SRC"/samples/mail/*.eml > "$W/extortion"
[ -d "$SHARED/data/mail/extortion" ] && find "$SHARED/data/mail/extortion" -name '*.eml' -type f | sort >> "$W/extortion"
SETS=extortion
if [ -d "$SHARED/data/mail" ]; then
  find "$SHARED/data/mail" -type f ! -name '*.md' ! -name '*.csv' | sort | awk 'NR % 50 == 0' > "$W/mixed"
  SETS="extortion mixed"
fi
for set in $SETS; do
  n=$(wc -l < "$W/$set")
  bytes=$(tr '\n' '\0' < "$W/$set" | xargs -0 cat | wc -c)
  echo "set $set: $n files, $bytes bytes, mean $((bytes / n)) bytes"
done
echo "machine: $(nproc) cores, $(uname -r); $(wrk -v 2>&1 | head -n 1)"

run_wrk() {  # NAME URL
  name=$1; url=$2
  for set in $SETS; do
    list=$W/$set
    wrk -t2 -c8 -d3s -s "$HERE/post_messages.lua" "$url" -- "$list" >/dev/null 2>&1 || true  # warm-up
    printf '%s %s max   ' "$name" "$set"
    wrk -t2 -c8 -d"${DUR}s" --timeout 5s -s "$HERE/post_messages.lua" "$url" -- "$list" | grep '^RESULT'
    printf '%s %s paced ' "$name" "$set"
    ET_PACED=1 wrk -t4 -c16 -d"${DUR}s" --timeout 5s -s "$HERE/post_messages.lua" "$url" -- "$list" 14 | grep '^RESULT'
  done
}

# extortrace
EP=$(free_port)
"$BIN" serve --listen "127.0.0.1:$EP" >"$W/serve.log" 2>&1 &
PIDS="$PIDS $!"
i=0; until curl -s -o /dev/null "http://127.0.0.1:$EP/healthz"; do i=$((i+1)); [ $i -lt 200 ] || { cat "$W/serve.log"; exit 1; }; sleep 0.05; done
run_wrk extortrace "http://127.0.0.1:$EP/v1/scan?store=0"

# rspamd, configured from scratch for loopback only.
if command -v rspamd >/dev/null 2>&1 && id _rspamd >/dev/null 2>&1; then
  RP=$(free_port); RC=$(free_port)
  R=$W/rspamd
  CACHE=${ET_RSPAMD_CACHE:-/var/tmp/et-rspamd-cache}
  mkdir -p "$R/local.d" "$R/run" "$R/log" "$CACHE"
  cat > "$R/rspamd.conf" <<EOC
.include "\$CONFDIR/common.conf"
options { pidfile = "\$RUNDIR/rspamd.pid"; .include "\$CONFDIR/options.inc"
  .include(try=true; priority=1,duplicate=merge) "\$LOCAL_CONFDIR/local.d/options.inc" }
logging { type = "file"; filename = "\$LOGDIR/rspamd.log"; level = "warning"; }
worker "normal" { .include "\$CONFDIR/worker-normal.inc" bind_socket = "127.0.0.1:$RP"; count = $(nproc); }
worker "controller" { .include "\$CONFDIR/worker-controller.inc" bind_socket = "127.0.0.1:$RC"; }
EOC
  # No network: DNS to a closed loopback port; modules that query DNS, HTTP,
  # UDP services or Redis off.
  printf 'filters = "chartable,regexp";\ndns { nameserver = ["127.0.0.1:9"]; timeout = 0.2s; retransmits = 1; }\n' > "$R/local.d/options.inc"
  for m in rbl surbl spf dkim dkim_signing dmarc arc asn dcc fuzzy_check rspamd_update url_redirector \
           mx_check reputation neural ratelimit greylist replies once_received history_redis bimi p0f \
           external_services antivirus clickhouse elastic metric_exporter; do
    echo "enabled = false;" > "$R/local.d/$m.conf"
  done
  printf 'helo_enabled = false;\nhostname_enabled = false;\nfrom_enabled = false;\n' > "$R/local.d/hfilter.conf"
  printf 'openphish_enabled = false;\nphishtank_enabled = false;\n' > "$R/local.d/phishing.conf"
  chown -R _rspamd:_rspamd "$R/run" "$R/log" "$CACHE"
  rspamd -f -u _rspamd -g _rspamd -c "$R/rspamd.conf" --var="LOCAL_CONFDIR=$R" --var="DBDIR=$CACHE" \
    --var="RUNDIR=$R/run" --var="LOGDIR=$R/log" >"$R/log/stdout.log" 2>&1 &
  RPID=$!
  PIDS="$PIDS $RPID"
  # Ready when a scan answers (the Hyperscan database compiles on first start).
  i=0
  until curl -s -m 5 --data-binary "@$SRC/samples/mail/01-en-sextortion.eml" "http://127.0.0.1:$RP/checkv2" 2>/dev/null | grep -q '"action"'; do
    i=$((i+1)); [ $i -lt 600 ] || { echo "rspamd not ready" >&2; tail "$R/log/"*; exit 1; }; sleep 0.2
  done
  sleep 2
  run_wrk "rspamd-3.4" "http://127.0.0.1:$RP/checkv2"
else
  echo "rspamd not installed: no comparison"
fi
