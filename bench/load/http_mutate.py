#!/usr/bin/env python3
"""Mutation smoke test of a running `extortrace serve` over real sockets.

Takes well-formed requests (POST /v1/scan with the sample messages, GETs of
every route), mutates them (bit flips, truncation, duplicated or deleted
ranges, bogus Content-Length and chunking, huge header lines) and sends each
on a fresh connection to 127.0.0.1 only. Stops after --seconds, then checks
that the server still answers /healthz. Exit 1 if it stopped answering.

    bench/load/http_mutate.py --port 8025 --seconds 180 samples/mail/*.eml
"""
import argparse, random, socket, sys, time

ap = argparse.ArgumentParser()
ap.add_argument("--port", type=int, required=True)
ap.add_argument("--seconds", type=float, default=60)
ap.add_argument("--seed", type=int, default=1)
ap.add_argument("files", nargs="+")
a = ap.parse_args()
rnd = random.Random(a.seed)
bodies = [open(f, "rb").read() for f in a.files]
paths = [b"/", b"/healthz", b"/v1/campaigns", b"/v1/campaigns/c-000001", b"/v1/recent?limit=3",
         b"/v1/wallets/bc1q8hmgaey382whmq3wgk4y4fw2fmccqqujnfrm4h", b"/explain/" + b"a" * 64,
         b"/v1/explain?sha256=" + b"0" * 64 + b"&lang=ja"]

def seed_request():
    if rnd.random() < 0.6:
        body = rnd.choice(bodies)
        path = rnd.choice([b"/v1/scan", b"/v1/scan?store=0", b"/v1/explain?lang=en&format=text"])
        return b"POST " + path + b" HTTP/1.1\r\nHost: x\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
    return b"GET " + rnd.choice(paths) + b" HTTP/1.1\r\nHost: x\r\n\r\n"

def mutate(r):
    r = bytearray(r)
    for _ in range(rnd.randint(1, 8)):
        op = rnd.randrange(7)
        if op == 0 and r:
            i = rnd.randrange(len(r)); r[i] ^= 1 << rnd.randrange(8)
        elif op == 1 and r:
            del r[rnd.randrange(len(r)):]
        elif op == 2 and r:
            i = rnd.randrange(len(r)); j = min(len(r), i + rnd.randint(1, 200)); r[i:i] = r[i:j]
        elif op == 3 and r:
            i = rnd.randrange(len(r)); del r[i:i + rnd.randint(1, 100)]
        elif op == 4:
            r = bytearray(bytes(r).replace(b"Content-Length: ", b"Content-Length: " + rnd.choice([b"-", b"9999999999", b"0", b"1"]), 1))
        elif op == 5:
            r = bytearray(bytes(r).replace(b"\r\n\r\n", b"\r\nTransfer-Encoding: chunked\r\n\r\n" + rnd.choice([b"zz\r\n", b"ffffffffff\r\n", b"0\r\n\r\n"]), 1))
        else:
            r = bytearray(bytes(r).replace(b"Host: x", b"X-Long: " + b"A" * rnd.choice([100, 9000, 70000]), 1))
    return bytes(r)

def alive():
    try:
        s = socket.create_connection(("127.0.0.1", a.port), 5); s.settimeout(10)
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        return s.recv(100).startswith(b"HTTP/1.1 200")
    except OSError:
        return False

end = time.time() + a.seconds
n = 0
while time.time() < end:
    req = mutate(seed_request())
    try:
        s = socket.create_connection(("127.0.0.1", a.port), 2); s.settimeout(2)
        s.sendall(req)
        s.shutdown(socket.SHUT_WR)
        while s.recv(65536):
            pass
    except OSError:
        pass
    finally:
        s.close()
    n += 1
    if n % 500 == 0 and not alive():
        print(f"server stopped answering after {n} requests"); sys.exit(1)
ok = alive()
print(f"{n} mutated requests in {a.seconds:.0f} s; server {'alive' if ok else 'DEAD'}")
sys.exit(0 if ok else 1)
