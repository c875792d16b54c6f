#!/bin/sh
# Corpus benchmark: extortrace scan over ../shared/data/mail on one thread and
# on all cores, with messages/s, MB/s and peak RSS, then Rspamd and
# SpamAssassin on the same files in the same run (../shared/tools/peers).
#
#   usage: bench/run_corpus_bench.sh BUILD_DIR [CORPUS_DIR]
#   env:   REPEAT (default 3): extortrace runs per line, the median is shown;
#          PEERS=0 skips the peers; PEERS_JOBS (default 1) = peer workers;
#          PEER_LIST (default "rspamd sa") picks the peers.
# Prints a Markdown table for docs/performance.md. "CPU seconds" is user +
# system time: of the whole extortrace process (reader, scan and writer
# threads, start-up included); of the peer's scanning worker(s) while its
# client runs (its start-up excluded); and of worker and client together
# (the client reads the files and takes the answers, as our reader and
# writer threads do).
set -eu
BUILD=${1:-build/release}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CORPUS=${2:-$ROOT/../shared/data/mail}
BIN=$BUILD/apps/cli/extortrace
PEERS=${PEERS:-1}
PEERS_JOBS=${PEERS_JOBS:-1}
[ -x "$BIN" ] || { echo "no $BIN: build first" >&2; exit 2; }
[ -d "$CORPUS" ] || { echo "corpus $CORPUS absent: nothing to measure" >&2; exit 0; }
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

bytes=$(find "$CORPUS" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
files=$(find "$CORPUS" -type f | wc -l)
# Warm the page cache so every run reads from memory.
find "$CORPUS" -type f -exec cat {} + > /dev/null

run() {  # run LABEL THREADS: the median of REPEAT runs (default 3) by wall time
  : > "$T/times"
  r=0
  while [ "$r" -lt "${REPEAT:-3}" ]; do
    /usr/bin/time -f '%e %M %U %S' -o "$T/time" "$BIN" scan "$CORPUS" --all-files -q \
      --threads "$2" --jsonl "$T/out.jsonl"
    cat "$T/time" >> "$T/times"
    r=$((r + 1))
  done
  set -- "$1" "$2" $(sort -n "$T/times" | awk '{l[NR] = $0} END {print l[int((NR + 1) / 2)]}')
  msgs=$(wc -l < "$T/out.jsonl")
  cpu=$(echo "$5 $6" | awk '{printf "%.2f", $1 + $2}')
  echo "| extortrace scan, $1 | $msgs | $3 | $(echo "$msgs $3" | awk '{printf "%.0f", $1/$2}') |" \
       "$cpu | $(echo "$msgs $cpu" | awk '{printf "%.0f", $1/$2}') |" \
       "$(echo "$bytes $3" | awk '{printf "%.1f", $1/1e6/$2}') | $(echo "$4" | awk '{printf "%.0f", $1/1024}') |"
}

# CPU a peer uses while its client (CLIENT, a process name) runs: the
# scanning worker(s) (WORKER, a pgrep -f pattern), polled every 0.1 s into
# $T/poll as "first last" clock ticks, and each client process's last-seen
# ticks appended to $T/clients as "pid ticks" (a client that lives less
# than 0.1 s is missed, so the client side is undercounted, never over).
poll_cpu() {  # poll_cpu WORKER CLIENT DONEFILE
  first=""
  : > "$T/clients"
  while [ ! -f "$3" ]; do
    clients=$(pgrep -x "$2" || true)
    if [ -n "$clients" ]; then
      ticks=0
      for w in $(pgrep -f "$1"); do
        t=$(awk '{print $14 + $15}' "/proc/$w/stat" 2>/dev/null || echo 0)
        ticks=$((ticks + t))
      done
      [ -n "$first" ] || first=$ticks
      echo "$first $ticks" > "$T/poll"
      for c in $clients; do
        awk -v p="$c" '{print p, $14 + $15}' "/proc/$c/stat" 2>/dev/null >> "$T/clients" || true
      done
    fi
    sleep 0.1
  done
}

echo "Corpus: $CORPUS ($files files, $(echo "$bytes" | awk '{printf "%.1f", $1/1e6}') MB), $(nproc) cores"
echo
echo "| run | messages | seconds | messages/s | CPU seconds | messages per CPU second | MB/s | peak RSS MB |"
echo "|---|---|---|---|---|---|---|---|"
run "1 thread" 1
run "$(nproc) threads" "$(nproc)"

if [ "$PEERS" = 1 ]; then
  PEER=$ROOT/../shared/tools/peers/run_peers.sh
  tck=$(getconf CLK_TCK)
  for p in ${PEER_LIST:-rspamd sa}; do
    case $p in
      rspamd) worker="rspamd: normal process"; client=rspamc ;;
      *) worker="spamd child"; client=spamc ;;
    esac
    rm -f "$T/done" "$T/poll"
    poll_cpu "$worker" "$client" "$T/done" &
    poller=$!
    start=$(date +%s.%N)
    ok=1
    "$PEER" -a -j "$PEERS_JOBS" -p "$p" -o "$T/$p.tsv" "$CORPUS" > "$T/$p.log" 2>&1 || ok=0
    end=$(date +%s.%N)
    touch "$T/done"
    wait "$poller" 2>/dev/null || true
    [ "$ok" = 1 ] || { echo "| $p | failed: see log | | | | | | |"; continue; }
    n=$(awk -F'\t' -v p="$p" '$2 == p' "$T/$p.tsv" | wc -l)
    wall=$(echo "$start $end" | awk '{printf "%.1f", $2-$1}')
    cpu=$(awk -v t="$tck" '{printf "%.2f", ($2 - $1) / t}' "$T/poll" 2>/dev/null || echo 0)
    client_cpu=$(awk -v t="$tck" '{if ($2 > m[$1]) m[$1] = $2} END {for (p in m) s += m[p]; printf "%.2f", s / t}' "$T/clients")
    both=$(echo "$cpu $client_cpu" | awk '{printf "%.2f", $1 + $2}')
    # Server-side time (rspamd's time_real; SA's spamc wall time) summed over messages.
    busy=$(awk -F'\t' -v p="$p" '$2 == p {s+=$7} END {printf "%.1f", s/1000}' "$T/$p.tsv")
    rate() { echo "$1 $2" | awk '{printf ($2 > 0 ? "%.0f" : "-"), ($2 > 0 ? $1/$2 : 0)}'; }
    echo "| $p, $PEERS_JOBS worker(s), wall incl. start-up | $n | $wall | $(rate "$n" "$wall") |" \
         "$cpu | $(rate "$n" "$cpu") | $(echo "$bytes $wall" | awk '{printf "%.1f", $1/1e6/$2}') | - |"
    echo "| $p, worker + client CPU while scanning | $n | | | $both | $(rate "$n" "$both") | | - |"
    echo "| $p, per-message time summed | $n | $busy | $(rate "$n" "$busy") | | |" \
         "$(echo "$bytes $busy" | awk '{printf "%.1f", $1/1e6/$2}') | - |"
  done
fi
