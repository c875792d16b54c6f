#!/bin/sh
# End-to-end: trace the sample mail's wallets over the SYNTHETIC sample chain,
# check the report's money section and the wallet/flow JSON; then the Esplora
# and Core RPC clients against a local replay server (recorded real Esplora
# responses and real blocks 0..589 served as RPC answers; paging pages are
# SYNTHETIC).
set -eu
BIN=$1
SRC=$2
SHARED=$SRC/../shared/data/chain
T=$(mktemp -d)
PID=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$T"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
CHAIN="--chain blocks:$SRC/samples/chain/blocks --cache-dir $T/cache"

"$BIN" scan "$SRC/samples/mail" --db "$T/d.db" >/dev/null 2>&1 || true
"$BIN" trace --db "$T/d.db" $CHAIN --prices "$SRC/samples/chain/prices.csv" \
  --labels "$SRC/samples/chain/labels" -q 2>"$T/trace.err" || fail "trace: $(cat "$T/trace.err")"
grep -q "6 wallets traced, 5 paid, 10 payments kept" "$T/trace.err" || fail "trace summary: $(cat "$T/trace.err")"
"$BIN" report --db "$T/d.db" --html "$T/r.html" 2>/dev/null || fail report
for s in "Revenue per campaign" "Payments over time" 'data-chart="money-flow"' \
         "Example Exchange (synthetic)" "Consolidation points"; do
  grep -q "$s" "$T/r.html" || fail "report lacks $s"
done

"$BIN" wallet 1AY8sydFtByheWRUnxaPrQxvDQFNpwB6nE $CHAIN --prices "$SRC/samples/chain/prices.csv" \
  --labels "$SRC/samples/chain/labels" --json >"$T/w.json" || fail wallet
python3 - "$T/w.json" <<'PY' || fail "wallet json"
import json, sys
w = json.load(open(sys.argv[1]))
assert w["received_sat"] == 4287979 and w["sent_sat"] == 4287979 and w["tx_count"] == 3, w
assert len(w["payments"]) == 2 and abs(w["payments"][0]["usd"] - 1350) < 0.01, w["payments"]
assert all(k in w["payments"][0] for k in ("txid", "height", "time", "value", "usd"))
assert w["cluster_size"] == 5 and len(w["members"]) == 5
PY
"$BIN" flow bc1q6xkw97m9eu3sek43kuaec2e5kcwpqp5kd5nhnh --hops 6 $CHAIN \
  --labels "$SRC/samples/chain/labels" --json >"$T/f.json" || fail flow
python3 - "$T/f.json" <<'PY' || fail "flow json"
import json, sys
f = json.load(open(sys.argv[1]))
tx = f["transactions"]
assert [t["hop"] for t in tx] == [1, 2, 3], tx
assert all(k in tx[0] for k in ("hop", "txid", "height", "tainted_sat", "labels"))
labels = {l["label"] for t in tx for l in t["labels"]}
assert labels == {"Example Exchange (synthetic)", "Example Mixer (synthetic)"}, labels
assert f["hop_taint_sat"] and f["hop_taint_sat"][0] <= f["start_taint_sat"], f["hop_taint_sat"]
for t in tx:
    assert t["tainted_in_sat"] <= t["input_sat"] + 1e-6, t
PY

# Replay server.
if [ ! -d "$SHARED/esplora-mempool-fixtures" ]; then echo "SKIP replay: ../shared absent"; exit 0; fi

# Real blocks 0..589: the flow from block 9's address, which spends along a
# chain of change back to itself, stays within each tx's value (it once
# reached 5x).
"$BIN" flow 12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S --hops 6 \
  --chain "blocks:$SHARED/hadoopcryptoledger/firstblocks.blk" --cache-dir "$T/cache" \
  --json >"$T/s.json" || fail "flow satoshi"
python3 - "$T/s.json" <<'PY' || fail "flow satoshi json"
import json, sys
f = json.load(open(sys.argv[1]))
assert f["start_taint_sat"] == 50e8, f["start_taint_sat"]
assert [t["hop"] for t in f["transactions"]].count(1) == 5, f["transactions"]
for t in f["transactions"]:
    assert t["tainted_in_sat"] <= t["input_sat"] + 1e-6, t
    assert t["tainted_sat"] <= sum(o["value"] for o in t["outputs"]) + 1e-6, t
    assert all(o["tainted_sat"] <= o["value"] + 1e-6 for o in t["outputs"]), t
PY
mkdir -p "$T/fx"
python3 - "$SHARED/esplora-mempool-fixtures/tx02_api_tx.json" "$T/fx" <<'PY'
import json, sys
real = json.load(open(sys.argv[1]))
out = sys.argv[2]
open(f"{out}/api__tx__{real['txid']}", "w").write(json.dumps(real))
addr = real["vout"][0]["scriptpubkey_address"]
open(f"{out}/api__address__{addr}__txs", "w").write(json.dumps([real]))
open(f"{out}/real_addr", "w").write(addr)
open(f"{out}/real_value", "w").write(str(real["vout"][0]["value"]))
# SYNTHETIC paging: 25 confirmed txs, then 3 more on /txs/chain/<last>, then none.
S = "synthetic-paging-address"
def tx(i):
    return {"txid": f"{i:064x}", "vin": [{"txid": f"{i + 1000:064x}", "vout": 0, "is_coinbase": False,
            "prevout": {"value": 10**8, "scriptpubkey_address": "synthetic-victim"}}],
            "vout": [{"value": 1000 * (i + 1), "scriptpubkey_address": S}],
            "status": {"confirmed": True, "block_height": 1000 - i, "block_time": 1600000000 - i}}
p1 = [tx(i) for i in range(25)]
p2 = [tx(i) for i in range(25, 28)]
open(f"{out}/api__address__{S}__txs", "w").write(json.dumps(p1))
open(f"{out}/api__address__{S}__txs__chain__{p1[-1]['txid']}", "w").write(json.dumps(p2))
open(f"{out}/api__address__{S}__txs__chain__{p2[-1]['txid']}", "w").write("[]")
PY
python3 "$SRC/tests/e2e/trace_replay_server.py" "$T/fx" "$SHARED/hadoopcryptoledger/firstblocks.blk" >"$T/port" &
PID=$!
i=0; while [ ! -s "$T/port" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
PORT=$(cat "$T/port")
ESP="--chain esplora:http://127.0.0.1:$PORT/api --cache-dir $T/cache"
"$BIN" wallet synthetic-paging-address $ESP --json >"$T/p.json" || fail "esplora paging"
python3 -c "
import json; w = json.load(open('$T/p.json'))
assert w['tx_count'] == 28 and len(w['payments']) == 28, w['tx_count']
assert w['received_sat'] == sum(1000 * (i + 1) for i in range(28))
assert w['payments'][0]['height'] == 973, w['payments'][0]" || fail "esplora paging json"
A=$(cat "$T/fx/real_addr")
"$BIN" wallet "$A" --chain "esplora:http://127.0.0.1:$PORT/flaky/api" --cache-dir "$T/cache2" \
  --json >"$T/r.json" || fail "esplora real tx with a 503 first"
python3 -c "
import json; w = json.load(open('$T/r.json'))
assert w['received_sat'] == int(open('$T/fx/real_value').read()), w" || fail "esplora real json"
HAL=1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3
"$BIN" wallet $HAL --chain "core:http://u:p@127.0.0.1:$PORT/" --cache-dir "$T/cache3" --json \
  >"$T/c.json" || fail "core rpc"
python3 -c "
import json; w = json.load(open('$T/c.json'))
p = w['payments'][0]
assert p['txid'].startswith('f4184fc596403b9d') and p['height'] == 170 and p['value'] == 10**9, p" \
  || fail "core rpc json"
echo "trace e2e: ok"
