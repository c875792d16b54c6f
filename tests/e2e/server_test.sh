#!/bin/sh
# End-to-end: `extortrace serve` over real sockets.
#   usage: server_test.sh EXTORTRACE SOURCE_DIR
# 1. POST /v1/scan answers the scan record; JSON errors for 400/404/405/413.
# 2. Tokens: --require-token on loopback gives 401 without the bearer token;
#    a non-loopback --listen without a token refuses to start.
# 3. The dashboard renders in headless Chromium (skipped if not installed).
# 4. Two servers on one PostgreSQL see each other's campaigns and wallets
#    (skipped if PostgreSQL is not installed or cannot run here).
# Every process is stopped by its PID.
set -eu
BIN=$1
SRC=$2
say() { echo "server_test: $*"; }
T=$(mktemp -d /tmp/et-server.XXXXXX)
chmod 755 "$T"
PIDS=""
PG_PID=""
cleanup() {
  for p in $PIDS; do kill "$p" 2>/dev/null || true; done
  for p in $PIDS; do wait "$p" 2>/dev/null || true; done
  if [ -n "$PG_PID" ]; then
    kill -INT "$PG_PID" 2>/dev/null || true
    i=0
    while kill -0 "$PG_PID" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done
  fi
  rm -rf "$T"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*" >&2
  for f in "$T"/*.log; do [ -f "$f" ] && { echo "--- $f" >&2; tail -n 20 "$f" >&2; }; done
  exit 1
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() {  # PORT
  i=0
  until curl -s -o /dev/null "http://127.0.0.1:$1/healthz"; do
    i=$((i+1)); [ $i -lt 200 ] || fail "server on $1 did not start"; sleep 0.05
  done
}
start_server() {  # LOG PORT ARGS... ; sets LAST_PID
  log=$1; port=$2; shift 2
  "$BIN" serve --listen "127.0.0.1:$port" "$@" >"$T/$log" 2>&1 &
  LAST_PID=$!
  PIDS="$PIDS $LAST_PID"
  wait_http "$port"
}
# status BODYFILE METHOD URL [curl args]
req() {
  out=$1; method=$2; url=$3; shift 3
  curl -s -o "$out" -w '%{http_code}' -X "$method" "$url" "$@"
}
json_get() {  # FILE PYTHON-EXPR (j is the document)
  python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"
}

P1=$(free_port)
start_server s1.log "$P1" --db "$T/one.db" --max-body 100000
U="http://127.0.0.1:$P1"

# 1. The scan record, and errors.
code=$(req "$T/r1.json" POST "$U/v1/scan" --data-binary "@$SRC/samples/mail/02-ja-corporate.eml" -H 'Content-Type: message/rfc822')
[ "$code" = 200 ] || fail "scan: HTTP $code"
[ "$(json_get "$T/r1.json" 'j["wallets"][0]["address"]')" = bc1q8hmgaey382whmq3wgk4y4fw2fmccqqujnfrm4h ] || fail "scan record: $(cat "$T/r1.json")"
[ "$(json_get "$T/r1.json" 'j["language"]')" = ja ] || fail "language"
[ "$(json_get "$T/r1.json" 'j["verdict"]')" = extortion ] || fail "02-ja-corporate not flagged"
[ "$(json_get "$T/r1.json" 'j["category"]')" = corporate ] || fail "02-ja-corporate category"
json_get "$T/r1.json" 'j["campaign"]' | grep -q '^c-[0-9]\{6\}$' || fail "no campaign in the stored record"
for f in "$SRC"/samples/mail/*.eml; do
  code=$(req "$T/r.json" POST "$U/v1/scan?source=$(basename "$f")" --data-binary "@$f")
  [ "$code" = 200 ] || fail "scan $f: HTTP $code"
done
code=$(req "$T/e.json" POST "$U/v1/scan" --data-binary '')
[ "$code" = 400 ] && [ "$(json_get "$T/e.json" 'j["error"]["code"]')" = empty_body ] || fail "empty body: $code"
head -c 200000 /dev/zero | tr '\0' 'x' > "$T/big"
code=$(req "$T/e.json" POST "$U/v1/scan" --data-binary "@$T/big")
[ "$code" = 413 ] && [ "$(json_get "$T/e.json" 'j["error"]["code"]')" = payload_too_large ] || fail "oversize: $code $(cat "$T/e.json")"
code=$(req "$T/e.json" GET "$U/v1/scan")
[ "$code" = 405 ] && [ "$(json_get "$T/e.json" 'j["error"]["code"]')" = method_not_allowed ] || fail "405: $code"
code=$(req "$T/e.json" GET "$U/nowhere")
[ "$code" = 404 ] && [ "$(json_get "$T/e.json" 'j["error"]["code"]')" = not_found ] || fail "404: $code"
code=$(req "$T/c.json" GET "$U/v1/campaigns")
[ "$code" = 200 ] || fail "campaigns: $code"
sha=$(json_get "$T/r1.json" 'j["sha256"]')
code=$(req "$T/x.txt" GET "$U/v1/explain?sha256=$sha&lang=ja&format=text")
[ "$code" = 200 ] && grep -q 'どうすればよいか\|自動判定' "$T/x.txt" || fail "explain: $code $(cat "$T/x.txt")"
# Malformed HTTP never kills the server.
python3 - "$P1" <<'PY'
import socket, sys
port = int(sys.argv[1])
for raw in [b"GARBAGE\r\n\r\n", b"POST /v1/scan HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
            b"POST /v1/scan HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n",
            b"GET /" + b"A" * 70000 + b" HTTP/1.1\r\n\r\n", b"\x00\xff" * 100,
            b"POST /v1/scan HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"]:
    s = socket.create_connection(("127.0.0.1", port), 2); s.settimeout(2)
    try:
        s.sendall(raw); s.recv(200)
    except OSError:
        pass
    s.close()
PY
code=$(req "$T/h" GET "$U/healthz") && [ "$code" = 200 ] || fail "server died on malformed HTTP"
# The body is the message whatever its Content-Type: curl's default
# (application/x-www-form-urlencoded) must not be parsed as a form, which
# httplib refuses above 8 KB; a multipart upload (curl -F) gives its first part.
{ cat "$SRC/samples/mail/01-en-sextortion.eml"; echo
  i=0; while [ $i -lt 200 ]; do echo "Line $i of a long letter that takes the message past the form limit."; i=$((i+1)); done
} > "$T/long.eml"
[ "$(wc -c < "$T/long.eml")" -gt 12000 ] || fail "long.eml too short"
code=$(req "$T/l1.json" POST "$U/v1/scan" --data-binary "@$T/long.eml")
[ "$code" = 200 ] && [ "$(json_get "$T/l1.json" 'j["verdict"]')" = extortion ] || fail "form-typed body: HTTP $code $(head -c 300 "$T/l1.json")"
code=$(req "$T/l2.json" POST "$U/v1/scan" -F "message=@$T/long.eml")
[ "$code" = 200 ] || fail "multipart upload: HTTP $code $(head -c 300 "$T/l2.json")"
[ "$(json_get "$T/l2.json" 'j["sha256"]')" = "$(json_get "$T/l1.json" 'j["sha256"]')" ] || fail "multipart upload is not the same message"
# A second server on a port in use fails instead of sharing the port.
set +e
timeout 10 "$BIN" serve --listen "127.0.0.1:$P1" >"$T/dup.log" 2>&1
rc=$?
set -e
[ "$rc" -ne 0 ] && [ "$rc" -ne 124 ] && grep -q 'cannot listen' "$T/dup.log" || fail "second server on port $P1 started (rc $rc)"

# 2. Tokens.
P2=$(free_port)
start_server s2.log "$P2" --require-token --token sekrit
code=$(req "$T/e.json" GET "http://127.0.0.1:$P2/v1/recent")
[ "$code" = 401 ] && [ "$(json_get "$T/e.json" 'j["error"]["code"]')" = unauthorized ] || fail "401: $code"
code=$(req "$T/e.json" GET "http://127.0.0.1:$P2/v1/recent" -H 'Authorization: Bearer sekrit')
[ "$code" = 200 ] || fail "token accepted: $code"
set +e
EXTORTRACE_TOKEN= "$BIN" serve --listen "0.0.0.0:$(free_port)" >"$T/refuse.log" 2>&1
rc=$?
set -e
[ "$rc" -eq 64 ] && grep -q 'without a token' "$T/refuse.log" || fail "non-loopback without token started (rc $rc)"

# 3. The dashboard in headless Chromium.
CHROME=$(command -v chromium || command -v chromium-browser || true)
if [ -n "$CHROME" ]; then
  flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=$T/chrome"
  # shellcheck disable=SC2086
  timeout 60 "$CHROME" $flags --dump-dom "$U/" >"$T/dom.html" 2>"$T/chrome.log" || fail "chromium failed"
  grep -q 'id="recent"' "$T/dom.html" && grep -q '<svg' "$T/dom.html" && grep -q '05-ham-newsletter.eml\|Recent verdicts' "$T/dom.html" ||
    fail "dashboard DOM incomplete"
  # shellcheck disable=SC2086
  timeout 60 "$CHROME" $flags --window-size=1280,900 --screenshot="$T/dashboard.png" "$U/" >>"$T/chrome.log" 2>&1 || fail "screenshot"
  [ -s "$T/dashboard.png" ] || fail "empty screenshot"
  if [ -n "${ET_KEEP_SCREENSHOT:-}" ]; then cp "$T/dashboard.png" "$ET_KEEP_SCREENSHOT"; fi
  say "dashboard rendered in Chromium"
else
  say "SKIP dashboard: chromium not installed"
fi

code=$(req "$T/explain.html" GET "$U/explain/$sha?lang=ja")
[ "$code" = 200 ] && grep -q 'lang="ja"' "$T/explain.html" && grep -q 'id="advice"' "$T/explain.html" || fail "explain page: $code"

# 4. Two servers, one PostgreSQL.
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  say "SKIP shared store: PostgreSQL not installed"; exit 0
fi
RUNAS=""
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || { say "SKIP shared store: no postgres user to run the cluster"; exit 0; }
  RUNAS="runuser -u postgres --"
fi
PGPORT=$(free_port)
mkdir -p "$T/pg" "$T/pgsock"
[ -z "$RUNAS" ] || chown postgres "$T/pg" "$T/pgsock"
$RUNAS "$PGBIN/initdb" -D "$T/pg" -A trust -U et --no-sync >"$T/initdb.log" 2>&1 || fail "initdb"
$RUNAS "$PGBIN/pg_ctl" -D "$T/pg" -l "$T/pg/server.log" -w -t 30 \
  -o "-p $PGPORT -k $T/pgsock -c listen_addresses=127.0.0.1 -c fsync=off" start >"$T/pgctl.log" 2>&1 || fail "pg_ctl start"
PG_PID=$(head -n 1 "$T/pg/postmaster.pid")
DB="postgresql://et@127.0.0.1:$PGPORT/postgres"
PA=$(free_port); PB=$(free_port)
start_server pa.log "$PA" --db "$DB"
start_server pb.log "$PB" --db "$DB"
# Both servers take messages at the same time.
for f in 01-en-sextortion.eml 03-it-sextortion-html.eml 04-de-corporate.eml; do
  req "$T/a_$f.json" POST "http://127.0.0.1:$PA/v1/scan?source=a/$f" --data-binary "@$SRC/samples/mail/$f" >"$T/a_$f.code" &
  req "$T/b_$f.json" POST "http://127.0.0.1:$PB/v1/scan?source=b/$f" --data-binary "@$SRC/samples/mail/$f" >"$T/b_$f.code" &
done
wait_jobs() { for j in $(jobs -p); do case " $PIDS " in *" $j "*) ;; *) wait "$j" || true;; esac; done; }
wait_jobs
code=$(req "$T/pa.json" POST "http://127.0.0.1:$PA/v1/scan?source=a/02" --data-binary "@$SRC/samples/mail/02-ja-corporate.eml")
[ "$code" = 200 ] || fail "scan on A: $code"
verdict=$(json_get "$T/pa.json" 'j["verdict"]')
req "$T/ca.json" GET "http://127.0.0.1:$PA/v1/campaigns" >/dev/null
code=$(req "$T/cb.json" GET "http://127.0.0.1:$PB/v1/campaigns")
[ "$code" = 200 ] || fail "campaigns on B: $code"
[ "$(json_get "$T/ca.json" 'j["count"]')" = "$(json_get "$T/cb.json" 'j["count"]')" ] || fail "A and B see different campaigns"
[ "$verdict" = extortion ] || fail "02 not flagged on A"
label=$(json_get "$T/pa.json" 'j["campaign"]')
code=$(req "$T/wb.json" GET "http://127.0.0.1:$PB/v1/wallets/bc1q8hmgaey382whmq3wgk4y4fw2fmccqqujnfrm4h")
[ "$code" = 200 ] || fail "B does not know A's wallet: $code"
[ "$(json_get "$T/wb.json" "'$label' in j['campaigns']")" = True ] || fail "B does not see A's campaign $label"
code=$(req "$T/one.json" GET "http://127.0.0.1:$PB/v1/campaigns/$label")
[ "$code" = 200 ] || fail "B: campaign $label: $code"
# The same sample sent to A and to B at once joined one campaign.
for f in 01-en-sextortion.eml 04-de-corporate.eml; do
  a=$(json_get "$T/a_$f.json" 'j["campaign"]'); b=$(json_get "$T/b_$f.json" 'j["campaign"]')
  [ "$a" = "$b" ] || fail "$f: A says $a, B says $b"
done
say "shared store: B sees A's wallet and campaign $label"
say "OK"
