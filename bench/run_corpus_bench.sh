#!/bin/sh
# Corpus benchmark: extortrace scan over ../shared/data/mail on one thread and
# on all cores, with messages/s, MB/s and peak RSS, then Rspamd and
# SpamAssassin on the same files in the same run (../shared/tools/peers).
#
#   usage: bench/run_corpus_bench.sh BUILD_DIR [CORPUS_DIR]
#   env:   PEERS=0 skips the peers; PEERS_JOBS (default 1) = peer workers;
#          PEER_LIST (default "rspamd sa") picks the peers.
# Prints a Markdown table for docs/performance.md.
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

run() {  # run LABEL THREADS
  /usr/bin/time -f '%e %M' -o "$T/time" "$BIN" scan "$CORPUS" --all-files -q \
    --threads "$2" --jsonl "$T/out.jsonl"
  set -- "$1" "$2" $(cat "$T/time")
  msgs=$(wc -l < "$T/out.jsonl")
  echo "| extortrace scan, $1 | $msgs | $3 | $(echo "$msgs $3" | awk '{printf "%.0f", $1/$2}') |" \
       "$(echo "$bytes $3" | awk '{printf "%.1f", $1/1e6/$2}') | $(echo "$4" | awk '{printf "%.0f", $1/1024}') |"
}

echo "Corpus: $CORPUS ($files files, $(echo "$bytes" | awk '{printf "%.1f", $1/1e6}') MB), $(nproc) cores"
echo
echo "| run | messages | seconds | messages/s | MB/s | peak RSS MB |"
echo "|---|---|---|---|---|---|"
run "1 thread" 1
run "$(nproc) threads" "$(nproc)"

if [ "$PEERS" = 1 ]; then
  PEER=$ROOT/../shared/tools/peers/run_peers.sh
  for p in ${PEER_LIST:-rspamd sa}; do
    start=$(date +%s.%N)
    "$PEER" -a -j "$PEERS_JOBS" -p "$p" -o "$T/$p.tsv" "$CORPUS" > "$T/$p.log" 2>&1 || {
      echo "| $p | failed: see log | | | | |"; continue; }
    end=$(date +%s.%N)
    n=$(awk -F'\t' -v p="$p" '$2 == p' "$T/$p.tsv" | wc -l)
    wall=$(echo "$start $end" | awk '{printf "%.1f", $2-$1}')
    # Server-side time (rspamd's time_real; SA's spamc wall time) summed over messages.
    busy=$(awk -F'\t' -v p="$p" '$2 == p {s+=$7} END {printf "%.1f", s/1000}' "$T/$p.tsv")
    echo "| $p, $PEERS_JOBS worker(s), wall incl. start-up | $n | $wall | $(echo "$n $wall" | awk '{printf "%.0f", $1/$2}') | $(echo "$bytes $wall" | awk '{printf "%.1f", $1/1e6/$2}') | - |"
    echo "| $p, per-message time summed | $n | $busy | $(echo "$n $busy" | awk '{printf "%.0f", $1/$2}') | $(echo "$bytes $busy" | awk '{printf "%.1f", $1/1e6/$2}') | - |"
  done
fi
