#!/bin/sh
# End-to-end: a real Postfix (Debian's) on loopback with `extortrace milter`
# as its smtpd milter; messages injected with swaks.
#   usage: postfix_milter_test.sh EXTORTRACE SOURCE_DIR
# Checks: delivered mail carries X-Extortrace (and X-Extortrace-Wallets for a
# message with a wallet); garbage on the milter socket does not kill it; a
# reject configuration answers 550 5.7.1 with the reply text; a scan past its
# time limit fails open when asked to (--on-error pass). Postfix runs from its
# own config and queue in a temp dir and is stopped by its master PID; the
# milter by its PID.
# Skips (exit 0, "SKIP:") only when Postfix cannot run here (not root, not
# installed: scripts/install-deps installs postfix and swaks).
set -eu
BIN=$1
SRC=$2
say() { echo "postfix_milter_test: $*"; }
skip() { say "SKIP: $*"; exit 0; }
[ "$(id -u)" -eq 0 ] || skip "Postfix's master must start as root"
command -v postfix >/dev/null 2>&1 || [ -x /usr/sbin/postfix ] || skip "postfix not installed (scripts/install-deps)"
command -v swaks >/dev/null 2>&1 || skip "swaks not installed (scripts/install-deps)"
id postfix >/dev/null 2>&1 || skip "no postfix user"
PATH=/usr/sbin:/usr/bin:/sbin:/bin:$PATH

T=$(mktemp -d /tmp/et-postfix.XXXXXX)
chmod 755 "$T"
MILTER_PID=""
MASTER_PID=""
cleanup() {
  if [ -n "$MILTER_PID" ]; then kill "$MILTER_PID" 2>/dev/null || true; fi
  if [ -f "$T/queue/pid/master.pid" ]; then
    MASTER_PID=$(tr -d ' ' < "$T/queue/pid/master.pid")
  fi
  if [ -n "$MASTER_PID" ]; then
    kill "$MASTER_PID" 2>/dev/null || true
    i=0
    while kill -0 "$MASTER_PID" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done
  fi
  if [ -n "$MILTER_PID" ]; then wait "$MILTER_PID" 2>/dev/null || true; fi
  rm -rf "$T"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*" >&2
  for f in "$T"/milter*.log "$T/maillog"; do
    [ -f "$f" ] && { echo "--- $f" >&2; tail -n 30 "$f" >&2; }
  done
  exit 1
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() {  # PORT SECONDS
  python3 - "$1" "$2" <<'PY'
import socket, sys, time
port, limit = int(sys.argv[1]), float(sys.argv[2])
end = time.time() + limit
while time.time() < end:
    try:
        socket.create_connection(("127.0.0.1", port), 0.2).close(); sys.exit(0)
    except OSError:
        time.sleep(0.05)
sys.exit(1)
PY
}

SPORT=$(free_port)
MPORT=$(free_port)
mkdir -p "$T/etc" "$T/queue" "$T/data" "$T/mail"
chmod 1777 "$T/mail"
chown postfix "$T/data"

# Local delivery through a pipe that writes each message to a file. The file
# gets its .eml name only once written whole: the test counts *.eml files and
# reads the newest, and must never read one half written.
cat > "$T/deliver.sh" <<EOS
#!/bin/sh
f="$T/mail/\$(date +%s%N).\$\$"
cat > "\$f.part" && mv "\$f.part" "\$f.eml"
EOS
chmod 755 "$T/deliver.sh"

cat > "$T/etc/main.cf" <<EOF2
compatibility_level = 3.6
queue_directory = $T/queue
data_directory = $T/data
mail_owner = postfix
setgid_group = postdrop
myhostname = mx.test.example
mydomain = test.example
myorigin = test.example
mydestination = test.example
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
smtpd_recipient_restrictions = permit_mynetworks, reject
local_transport = deliver
local_recipient_maps =
alias_maps =
alias_database =
biff = no
maillog_file_prefixes = $T
maillog_file = $T/maillog
smtpd_milters = inet:127.0.0.1:$MPORT
non_smtpd_milters =
milter_default_action = tempfail
milter_protocol = 6
milter_connect_timeout = 5s
milter_content_timeout = 30s
smtputf8_enable = no
EOF2

cat > "$T/etc/master.cf" <<EOF2
127.0.0.1:$SPORT inet n - n - - smtpd
cleanup   unix n - n - 0 cleanup
qmgr      unix n - n 300 1 qmgr
rewrite   unix - - n - - trivial-rewrite
bounce    unix - - n - 0 bounce
defer     unix - - n - 0 bounce
trace     unix - - n - 0 bounce
verify    unix - - n - 1 verify
flush     unix n - n 1000? 0 flush
proxymap  unix - - n - - proxymap
showq     unix n - n - - showq
error     unix - - n - - error
retry     unix - - n - - error
discard   unix - - n - - discard
anvil     unix - - n - 1 anvil
scache    unix - - n - 1 scache
postlog   unix-dgram n - n - 1 postlogd
deliver   unix - n n - - pipe
  flags=FR user=nobody argv=$T/deliver.sh
EOF2

start_milter() {  # LOGNAME ARGS...
  log=$1; shift
  "$BIN" -v milter --socket "inet:$MPORT@127.0.0.1" "$@" >"$T/$log" 2>&1 &
  MILTER_PID=$!
  wait_port "$MPORT" 20 || fail "milter did not start"
}
stop_milter() {
  kill "$MILTER_PID"; wait "$MILTER_PID" 2>/dev/null || true; MILTER_PID=""
}

# Delivered messages so far.
count_mail() { find "$T/mail" -name '*.eml' | wc -l; }
wait_mail() {  # N: wait until at least N messages were delivered
  i=0
  while [ "$(count_mail)" -lt "$1" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done
  [ "$(count_mail)" -ge "$1" ] || fail "expected $1 delivered messages, got $(count_mail)"
}
newest_mail() { ls -t "$T"/mail/*.eml | head -n 1; }

start_milter milter1.log
postfix -c "$T/etc" check >"$T/check.log" 2>&1 || true
postfix -c "$T/etc" start >"$T/start.log" 2>&1 || { cat "$T/start.log"; fail "postfix did not start"; }
MASTER_PID=$(tr -d ' ' < "$T/queue/pid/master.pid")
wait_port "$SPORT" 20 || fail "postfix smtpd did not listen"
say "postfix master $MASTER_PID on 127.0.0.1:$SPORT, milter $MILTER_PID on $MPORT"

inject() {  # FILE [swaks args...]
  f=$1; shift
  swaks --server "127.0.0.1:$SPORT" --from sender@example.org --to user@test.example \
    --data "$f" --timeout 30 "$@"
}

# 1. Garbage on the milter socket (bad lengths, truncated packets, random
#    bytes) must not take the milter down.
python3 - "$MPORT" <<'PY'
import os, random, socket, struct, sys
port = int(sys.argv[1])
random.seed(7)
def P(c, d=b""): return struct.pack(">I", len(d) + 1) + c + d
cases = [b"\x00\x00\x00\x00", b"\xff\xff\xff\xffO", P(b"O", b"short"), P(b"Z"),
         P(b"O", struct.pack(">III", 6, 0x1ff, 0x1fffff)) + P(b"L", b"no-nul"),
         P(b"O", struct.pack(">III", 6, 0x1ff, 0x1fffff)) + b"\x00\x00\x10"]
cases += [os.urandom(random.randint(1, 300)) for _ in range(40)]
for c in cases:
    s = socket.create_connection(("127.0.0.1", port), 2)
    s.settimeout(0.5)
    try:
        s.sendall(c)
        s.recv(100)
    except OSError:
        pass
    s.close()
PY
kill -0 "$MILTER_PID" 2>/dev/null || fail "milter died on malformed protocol input"

# 2. Tag/pass: delivered mail carries the headers.
inject "$SRC/samples/mail/02-ja-corporate.eml" >"$T/swaks1.log" 2>&1 || { cat "$T/swaks1.log"; fail "swaks 1"; }
wait_mail 1
m=$(newest_mail)
grep -Eq '^X-Extortrace: extortion; score=[0-9.]+; category=corporate' "$m" || { head -30 "$m"; fail "no X-Extortrace extortion header in delivered mail"; }
grep -q '^X-Extortrace-Wallets: BTC:bc1q8hmgaey382whmq3wgk4y4fw2fmccqqujnfrm4h' "$m" || fail "no wallet header"
say "delivered: $(grep '^X-Extortrace' "$m" | tr '\n' ' ')"
grep -q '^X-Spam-Flag: YES' "$m" || fail "extortion not tagged"
grep -q '^Subject: \[SCAM\]' "$m" || fail "subject not tagged"
inject "$SRC/samples/mail/05-ham-newsletter.eml" >"$T/swaks2.log" 2>&1 || fail "swaks 2"
wait_mail 2
m=$(newest_mail)
grep -Eq '^X-Extortrace: clean; score=' "$m" || fail "newsletter not passed as clean"
! grep -q '^X-Spam-Flag' "$m" || fail "clean mail tagged"

# 3. Reject: the SMTP client hears 550 5.7.1 and why.
stop_milter
start_milter milter2.log --on-extortion reject --reject-text "Refused by extortrace test policy"
set +e
inject "$SRC/samples/mail/01-en-sextortion.eml" >"$T/swaks3.log" 2>&1
set -e
grep -q '<\*\* *550 5.7.1 Refused by extortrace test policy' "$T/swaks3.log" ||
  { cat "$T/swaks3.log"; fail "no 550 5.7.1 reply"; }
before=$(count_mail)
inject "$SRC/samples/mail/06-ham-exchange-receipt.eml" >"$T/swaks3b.log" 2>&1 || fail "clean mail refused by the reject policy"
wait_mail $((before + 1))
before=$(count_mail)

# 4. Fail open (--on-error pass; the default answers 451): a scan that cannot
#    finish in time lets the message through, marked as an error. The message is an extortion letter made long enough
#    (about 1.5 MB of text) that no machine scans it within the 1 ms limit;
#    a small one sometimes finished in time and was rejected.
stop_milter
start_milter milter3.log --scan-timeout 1 --on-extortion reject --on-error pass
{ cat "$SRC/samples/mail/01-en-sextortion.eml"; echo
  python3 -c 'import sys; sys.stdout.write("".join("Line %d of a very long letter, long enough that its scan takes many milliseconds.\n" % i for i in range(18000)))'
} > "$T/slow.eml"
inject "$T/slow.eml" >"$T/swaks4.log" 2>&1 || { cat "$T/swaks4.log"; fail "swaks 4 (fail open)"; }
wait_mail $((before + 1))
grep -q '^X-Extortrace: error; reason=timeout' "$(newest_mail)" || fail "fail-open header missing"
[ "$(count_mail)" -eq $((before + 1)) ] || fail "the rejected message was delivered"

say "OK: headers, wallets, garbage, reject and fail-open paths"
