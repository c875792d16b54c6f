#!/bin/sh
# End-to-end: `extortrace index` builds, appends and leaves alone the index of
# a blocks dir that grows (real blocks 0..589 written as blk files of 300 and
# then 590 blocks); `wallet` reuses that index; `export-graph` writes CSV
# files whose row counts match the index and that hold block 170's
# Satoshi -> Hal Finney payment.
set -eu
BIN=$1
SRC=$2
FIRST=$SRC/../shared/data/chain/hadoopcryptoledger/firstblocks.blk
[ -f "$FIRST" ] || { echo "SKIP: ../shared/data/chain absent"; exit 0; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
mkdir -p "$T/blocks"

# blk00000.dat with the first N frames of firstblocks.blk.
frames() {
  python3 - "$FIRST" "$1" "$T/blocks/blk00000.dat" <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read()
n, out, pos = int(sys.argv[2]), bytearray(), 0
for _ in range(n):
    size = struct.unpack_from("<I", data, pos + 4)[0]
    out += data[pos:pos + 8 + size]
    pos += 8 + size
open(sys.argv[3], "wb").write(out)
PY
}
field() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$1" "$2"; }

frames 300
"$BIN" index "blocks:$T/blocks" --cache-dir "$T/cache" --json >"$T/i1.json" || fail "index 1"
[ "$(field "$T/i1.json" action)" = built ] || fail "first run: $(cat "$T/i1.json")"
[ "$(field "$T/i1.json" blocks_added)" = 300 ] || fail "first run blocks"

frames 590
"$BIN" index "blocks:$T/blocks" --cache-dir "$T/cache" --json >"$T/i2.json" || fail "index 2"
python3 - "$T/i2.json" <<'PY' || fail "append: $(cat "$T/i2.json")"
import json, sys
j = json.load(open(sys.argv[1]))
assert j["action"] == "appended" and j["blocks_added"] == 290 and j["resumed"], j
assert j["blocks_read"] == 290 and j["tip_height"] == 589 and j["txs"] == 605, j
assert j["problems"] == [] and j["bytes"] > 0, j
PY
"$BIN" index "blocks:$T/blocks" --cache-dir "$T/cache" --json >"$T/i3.json" || fail "index 3"
[ "$(field "$T/i3.json" action)" = unchanged ] || fail "third run: $(cat "$T/i3.json")"
IDX=$(field "$T/i3.json" index)
[ "$(ls -d "$T"/cache/index-* | wc -l)" = 1 ] || fail "more than one index in the cache"

# The text summary names problems with file and offset: a torn frame at the end.
printf '\371\276\264\331\377\377\000\000abc' >>"$T/blocks/blk00000.dat"
"$BIN" index "blocks:$T/blocks" --cache-dir "$T/cache" >"$T/i4.txt" || fail "index 4"
grep -q "unchanged 0 blocks" "$T/i4.txt" || fail "torn frame run: $(cat "$T/i4.txt")"
grep -q "problems skipped: 1" "$T/i4.txt" || fail "problem count: $(cat "$T/i4.txt")"
grep -q "blk00000.dat.*at byte" "$T/i4.txt" || fail "problem location: $(cat "$T/i4.txt")"

# wallet reads the same index (no second index dir, Hal Finney's 10 BTC).
"$BIN" wallet 1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3 --chain "blocks:$T/blocks" --cache-dir "$T/cache" \
  --json >"$T/w.json" || fail wallet
[ "$(field "$T/w.json" received_sat)" = 1000000000 ] || fail "wallet: $(cat "$T/w.json")"
[ "$(ls -d "$T"/cache/index-* | wc -l)" = 1 ] || fail "wallet built another index"

"$BIN" export-graph --chain "blocks:$T/blocks" --cache-dir "$T/cache" --out "$T/csv" \
  >"$T/e.txt" || fail "export-graph"
"$BIN" export-graph --chain "index:$IDX" --out "$T/csv2" >/dev/null || fail "export-graph index:"
for f in blocks transactions outputs inputs addresses; do
  cmp -s "$T/csv/$f.csv" "$T/csv2/$f.csv" || fail "$f.csv differs between blocks: and index:"
done
python3 - "$T/csv" "$T/i2.json" <<'PY' || fail "csv content"
import csv, json, sys
d, j = sys.argv[1], json.load(open(sys.argv[2]))
rows = {f: list(csv.DictReader(open(f"{d}/{f}.csv"))) for f in
        ("blocks", "transactions", "outputs", "inputs", "addresses")}
assert len(rows["blocks"]) == j["blocks"] == 590
assert len(rows["transactions"]) == j["txs"]
assert len(rows["outputs"]) == j["outputs"] and len(rows["inputs"]) == j["inputs"]
assert len(rows["addresses"]) == j["addresses"]
hal = "f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16"
t = [r for r in rows["transactions"] if r["txid"] == hal]
assert len(t) == 1 and t[0]["height"] == "170" and t[0]["total_output"] == "5000000000", t
o = {r["vout"]: r for r in rows["outputs"] if r["txid"] == hal}
assert o["0"]["address"] == "1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3" and o["0"]["value"] == "1000000000"
i = [r for r in rows["inputs"] if r["txid"] == hal]
assert i[0]["spent_txid"] == "0437cd7f8525ceed2324359c2d0ba26006d92d856a9c20fa0241106ee5a597c9"
PY
echo "index/export-graph e2e: ok"
