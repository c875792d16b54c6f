#!/usr/bin/env python3
"""Replay server for the trace e2e test: Esplora REST and Bitcoin Core JSON-RPC.

Esplora: serves a fixture directory by URL path (recorded real responses from
../shared/data/chain/esplora-mempool-fixtures, plus SYNTHETIC address pages for
paging). The first request of any path under /flaky/ answers 503 once, to test
retries. Core RPC (POST /): getblockcount, getblockhash, getblock <hash> 0 from
the real blocks of a framed blk file (firstblocks.blk), ordered by prev hash.
Prints the port on stdout, then serves until killed.
"""
import hashlib, http.server, json, os, struct, sys

fixtures, blkfile = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else ""
blocks_by_height, hashes = [], []
if blkfile and os.path.exists(blkfile):
    data = open(blkfile, "rb").read()
    pos, by_prev = 0, {}
    while pos + 8 <= len(data):
        if data[pos:pos + 4] != b"\xf9\xbe\xb4\xd9":
            pos += 1
            continue
        size = struct.unpack("<I", data[pos + 4:pos + 8])[0]
        blk = data[pos + 8:pos + 8 + size]
        pos += 8 + size
        h = hashlib.sha256(hashlib.sha256(blk[:80]).digest()).digest()[::-1].hex()
        by_prev[blk[4:36][::-1].hex()] = (h, blk)
    cur = "00" * 32
    while cur in by_prev:
        h, blk = by_prev[cur]
        blocks_by_height.append(blk)
        hashes.append(h)
        cur = h
limit = int(os.environ.get("REPLAY_CORE_HEIGHT", "-1"))
if limit >= 0:
    blocks_by_height, hashes = blocks_by_height[:limit + 1], hashes[:limit + 1]
flaky_seen = set()


class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass

    def reply(self, code, body, ctype="application/json"):
        b = body.encode() if isinstance(body, str) else body
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(b)))
        self.end_headers()
        self.wfile.write(b)

    def do_GET(self):
        path = self.path
        if path.startswith("/flaky/"):
            if path not in flaky_seen:
                flaky_seen.add(path)
                return self.reply(503, "busy")
            path = path[len("/flaky"):]
        f = os.path.join(fixtures, path.lstrip("/").replace("/", "__"))
        if os.path.exists(f):
            return self.reply(200, open(f, "rb").read())
        if path.endswith("/outspends"):
            return self.reply(200, "[]")
        self.reply(404, "not found")

    def do_POST(self):
        req = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        m, p = req["method"], req.get("params", [])
        if self.headers.get("Authorization") is None:
            return self.reply(401, "")
        if m == "getblockcount":
            res = len(hashes) - 1
        elif m == "getblockhash":
            res = hashes[p[0]]
        elif m == "getblock":
            res = blocks_by_height[hashes.index(p[0])].hex()
        else:
            return self.reply(200, json.dumps({"result": None, "error": {"code": -32601, "message": "Method not found"}, "id": req["id"]}))
        self.reply(200, json.dumps({"result": res, "error": None, "id": req["id"]}))


srv = http.server.HTTPServer(("127.0.0.1", 0), H)
print(srv.server_address[1], flush=True)
srv.serve_forever()
