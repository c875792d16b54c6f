#!/usr/bin/env python3
"""Hostile peers against a real `extortrace serve` on loopback.

usage: server_bounds.py EXTORTRACE CASE...

Each case starts its own server (port 0: the kernel picks one), plays the
attacker with plain sockets whose every wait is bounded, asserts that the
server keeps answering and refuses what it must, and stops the server by its
PID. Cases (issue 16, item 3):
  slowloris   70 sockets sending one header byte a second; /healthz answers
              within a second, with the default cap and with a cap below 70;
              the header deadline closes every slow socket
  trickle     chunked bodies sent a byte at a time on every connection the
              cap allows: /healthz answers (the longest body makes room),
              the others are cut at the body deadline (408)
  idle        2,000 connections that send nothing: /healthz answers, at most
              --max-connections stay open, the idle deadline closes the rest
  token       with --require-token, a 25 MB Content-Length without the token
              is refused (401) on its headers alone, also after "Expect:
              100-continue"; pushing bodies at it does not grow its memory
  headbomb    a 64 MB header line, millions of header fields, an endless
              chunk-size line or endless trailers, sent fast: the connection
              closes (64 KB of head, 8 KB a chunk line, 2 x --max-body of
              body on the wire); memory does not grow
  framing     two different Content-Lengths, Content-Length with
              Transfer-Encoding, and other ambiguous framing: 400, and the
              connection closes before a smuggled second request is read
  inflight    --max-inflight: a second large body while the first is held
              gets 503 busy with Retry-After; both go through one at a time
"""
import os
import re
import select
import signal
import socket
import subprocess
import sys
import tempfile
import time

BIN = sys.argv[1]


class Fail(Exception):
    pass


def check(cond, what):
    if not cond:
        raise Fail(what)


class Server:
    def __init__(self, *args):
        # The log goes to a file: a pipe nobody reads could fill and stall it.
        self.logf = tempfile.TemporaryFile()
        self.proc = subprocess.Popen([BIN, "serve", "--listen", "127.0.0.1:0", *args],
                                     stdout=subprocess.DEVNULL, stderr=self.logf)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and self.proc.poll() is None:
            m = re.search(rb"serving http://127\.0\.0\.1:(\d+)/", self.log())
            if m:
                self.port = int(m.group(1))
                return
            time.sleep(0.05)
        self.stop(quiet=True)
        raise Fail("server did not start: " + self.log().decode(errors="replace"))

    def log(self):
        self.logf.seek(0)
        return self.logf.read()

    def rss_kb(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def stop(self, quiet=False):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        # A server that does not stop cleanly on SIGTERM fails the case too,
        # unless the case has already failed for a better reason.
        if not quiet:
            check(self.proc.returncode == 0, f"server exited with {self.proc.returncode}")

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.stop(quiet=exc_type is not None)
        return False


def connect(port, timeout=2.0):
    s = socket.create_connection(("127.0.0.1", port), timeout)
    s.settimeout(timeout)
    return s


def read_response(s, timeout):
    """The status and body of one response, or None if the connection ended
    before one came; waits at most `timeout` seconds."""
    s.settimeout(timeout)
    data = b""
    end = time.monotonic() + timeout
    while b"\r\n\r\n" not in data:
        if time.monotonic() > end:
            raise Fail("no response within %.1f s" % timeout)
        try:
            chunk = s.recv(65536)
        except socket.timeout:
            raise Fail("no response within %.1f s" % timeout)
        except (ConnectionResetError, BrokenPipeError):
            chunk = b""
        if not chunk:
            return None
        data += chunk
    head, body = data.split(b"\r\n\r\n", 1)
    m = re.match(rb"HTTP/1\.[01] (\d{3})", head)
    check(m is not None, "not an HTTP response: %r" % head[:80])
    length = re.search(rb"(?im)^content-length:\s*(\d+)", head)
    want = int(length.group(1)) if length else 0
    while len(body) < want and time.monotonic() < end:
        chunk = s.recv(65536)
        if not chunk:
            break
        body += chunk
    return int(m.group(1)), head, body[:want], body[want:]


def closed_by_peer(s, timeout):
    """True when the peer closes the connection within `timeout` seconds
    (anything it still sends is read and dropped)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        s.settimeout(max(0.01, end - time.monotonic()))
        try:
            if not s.recv(65536):
                return True
        except socket.timeout:
            return False
        except OSError:
            return True
    return False


def health(port, bound):
    """Seconds /healthz took; fails past `bound`."""
    t0 = time.monotonic()
    try:
        s = connect(port, bound)
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        r = read_response(s, max(0.01, bound - (time.monotonic() - t0)))
        s.close()
    except (OSError, Fail) as e:
        raise Fail("/healthz not answered within %.1f s: %s" % (bound, e))
    took = time.monotonic() - t0
    check(r is not None and r[0] == 200 and r[2] == b"ok\n", "/healthz answer: %r" % (r,))
    check(took <= bound, "/healthz took %.2f s (bound %.1f s)" % (took, bound))
    return took


def slow_header_sockets(port, n):
    socks = []
    for _ in range(n):
        s = connect(port)
        s.setblocking(False)
        socks.append(s)
    return socks


def drip(socks, pos, closed_at, t0, payload):
    """Sends the next header byte on every socket still open (pos[i] is the
    next byte, None once closed); notes when the server closed each one."""
    for i, s in enumerate(socks):
        if pos[i] is None:
            continue
        try:
            if s.recv(4096) == b"":
                raise ConnectionResetError
        except BlockingIOError:
            pass
        except OSError:
            pos[i], closed_at[i] = None, time.monotonic() - t0
            continue
        try:
            pos[i] += s.send(payload[pos[i] % len(payload):][:1])
        except BlockingIOError:
            pass
        except OSError:
            pos[i], closed_at[i] = None, time.monotonic() - t0


def case_slowloris():
    payload = b"GET /healthz HTTP/1.1\r\nX-Slow: " + b"a" * 4000
    # The numbers on the default server (256 connections)...
    with Server() as srv:
        socks = slow_header_sockets(srv.port, 70)
        pos, closed_at, t0 = [0] * 70, [None] * 70, time.monotonic()
        worst = 0.0
        for _ in range(3):
            drip(socks, pos, closed_at, t0, payload)
            worst = max(worst, health(srv.port, 1.0))
            time.sleep(1.0)
        print("slowloris: 70 slow sockets on the default server, /healthz in <= %.3f s" % worst)
        for s in socks:
            s.close()
    # ... and with a cap below the number of slow sockets.
    with Server("--max-connections", "32", "--header-timeout", "3") as srv:
        socks = slow_header_sockets(srv.port, 70)
        pos, closed_at, t0 = [0] * 70, [None] * 70, time.monotonic()
        worst = 0.0
        while time.monotonic() - t0 < 7 and any(p is not None for p in pos):
            drip(socks, pos, closed_at, t0, payload)
            if time.monotonic() - t0 < 4:
                worst = max(worst, health(srv.port, 1.0))
            time.sleep(1.0)
        still = sum(1 for p in pos if p is not None)
        check(still == 0, "%d of 70 slow sockets still open after 7 s (header deadline 3 s)" % still)
        last = max(closed_at)
        check(last <= 6.0, "last slow socket closed at %.1f s (header deadline 3 s)" % last)
        print("slowloris: cap 32, 70 slow sockets: /healthz in <= %.3f s; all closed by %.1f s"
              % (worst, last))
        for s in socks:
            s.close()


def case_trickle():
    # As many tricklers as the cap: a health check must still get in (the
    # longest body reader makes room), and the body deadline ends the rest.
    n = 8
    with Server("--max-connections", str(n), "--body-timeout", "2", "--read-timeout", "5") as srv:
        socks = []
        for _ in range(n):
            s = connect(srv.port)
            s.sendall(b"POST /v1/scan?store=0 HTTP/1.1\r\nHost: x\r\n"
                      b"Transfer-Encoding: chunked\r\n\r\n")
            s.setblocking(False)
            socks.append(s)
        t0 = time.monotonic()
        answers, ended = [b""] * n, [None] * n
        checks, worst = 0, 0.0
        while time.monotonic() - t0 < 8 and any(e is None for e in ended):
            for i, s in enumerate(socks):
                if ended[i] is not None:
                    continue
                try:
                    s.send(b"1\r\nx\r\n")
                    chunk = s.recv(65536)
                    if not chunk:
                        ended[i] = time.monotonic() - t0
                    answers[i] += chunk
                except BlockingIOError:
                    pass
                except OSError:
                    ended[i] = time.monotonic() - t0
            if checks < 2 and time.monotonic() - t0 > 0.5 * (checks + 1):
                worst = max(worst, health(srv.port, 1.0))
                checks += 1
            time.sleep(0.25)
        check(all(e is not None for e in ended), "tricklers still connected after 8 s")
        last = max(ended)
        check(last <= 4.5, "a trickled body held its connection %.1f s (body deadline 2 s)" % last)
        got408 = sum(1 for a in answers if a.startswith(b"HTTP/1.1 408"))
        check(got408 >= n - checks,
              "%d of %d trickled bodies answered 408: %r" % (got408, n, answers))
        print("trickle: %d chunked bodies a byte at a time on a cap of %d: /healthz in <= %.3f s; "
              "%d cut with 408, the last connection closed at %.1f s" % (n, n, worst, got408, last))
        health(srv.port, 1.0)
        for s in socks:
            s.close()


def still_open(s):
    s.setblocking(False)
    try:
        s.recv(65536)
        return False  # an answer (503) or the end of the stream
    except BlockingIOError:
        return True
    except OSError:
        return False


def case_idle():
    cap = 64
    with Server("--max-connections", str(cap), "--idle-timeout", "3") as srv:
        t0 = time.monotonic()
        socks = [connect(srv.port) for _ in range(2000)]
        opened = time.monotonic() - t0
        worst = max(health(srv.port, 2.0) for _ in range(3))
        time.sleep(0.5)  # let the last evictions' FINs arrive
        # Open: nothing to read, not even the end of the stream. (At the peak
        # of the burst some connections are answered "503 busy" and closed.)
        open_now = sum(1 for s in socks if still_open(s))
        check(open_now <= cap, "%d idle connections open, cap %d" % (open_now, cap))
        print("idle: 2,000 idle connections (opened in %.1f s): /healthz in <= %.3f s, "
              "%d left open (cap %d)" % (opened, worst, open_now, cap))
        time.sleep(4.0)  # idle deadline 3 s
        left = sum(1 for s in socks if still_open(s))
        for s in socks:
            s.close()
        check(left == 0, "%d idle connections outlived the 3 s idle deadline" % left)
        health(srv.port, 1.0)


def case_token():
    with Server("--require-token", "--token", "sekrit") as srv:
        for expect in (b"", b"Expect: 100-continue\r\n"):
            s = connect(srv.port)
            t0 = time.monotonic()
            s.sendall(b"POST /v1/scan HTTP/1.1\r\nHost: x\r\nContent-Length: 25000000\r\n" +
                      expect + b"\r\n")
            r = read_response(s, 2.0)
            check(r is not None and r[0] == 401, "huge body without token: %r" % (r,))
            check(b'"unauthorized"' in r[2], "401 body: %r" % r[2])
            check(closed_by_peer(s, 2.0), "connection kept open after 401 with an unread body")
            print("token: 25 MB Content-Length %srefused with 401 after %.3f s, headers only"
                  % ("with Expect: 100-continue " if expect else "", time.monotonic() - t0))
            s.close()
        # Peers pushing bodies without the token: nothing is buffered.
        before = srv.rss_kb()
        socks = []
        for _ in range(16):
            s = connect(srv.port)
            s.sendall(b"POST /v1/scan HTTP/1.1\r\nHost: x\r\nContent-Length: 25000000\r\n\r\n")
            s.setblocking(False)
            socks.append(s)
        block = b"x" * 65536
        end = time.monotonic() + 3
        sent = 0
        while time.monotonic() < end:
            progress = False
            for s in socks:
                try:
                    sent += s.send(block)
                    progress = True
                except (BlockingIOError, OSError):
                    pass
            if not progress:
                time.sleep(0.05)
        after = srv.rss_kb()
        for s in socks:
            s.close()
        grew = (after - before) / 1024
        check(grew < 64, "RSS grew %.0f MB while 16 unauthenticated peers pushed %.0f MB"
              % (grew, sent / 2**20))
        print("token: 16 unauthenticated peers pushed %.0f MB; RSS grew %.1f MB"
              % (sent / 2**20, grew))
        s = connect(srv.port)
        s.sendall(b"POST /v1/scan?store=0 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer sekrit\r\n"
                  b"Content-Length: 5\r\n\r\nhello")
        r = read_response(s, 10.0)
        check(r is not None and r[0] == 200, "with the token: %r" % (r,))
        s.close()


def push_until_closed(srv, before, name, data):
    """Sends `data` as fast as the server takes it; the server must close the
    connection and its memory must not grow."""
    s = connect(srv.port, 10)
    t0 = time.monotonic()
    try:
        s.sendall(data)
        complete = True
    except OSError:
        complete = False  # the server closed it while we were sending
    check(not complete or closed_by_peer(s, 5.0), "%s: connection left open" % name)
    grew = (srv.rss_kb() - before) / 1024
    check(grew < 32, "%s: RSS grew %.0f MB" % (name, grew))
    print("headbomb: %s: connection closed after %.2f s, RSS grew %.1f MB"
          % (name, time.monotonic() - t0, grew))
    s.close()
    health(srv.port, 1.0)


def case_headbomb():
    get = b"GET /healthz HTTP/1.1\r\nHost: x\r\n"
    with Server() as srv:
        before = srv.rss_kb()
        push_until_closed(srv, before, "one 64 MB header line", get + b"X-A: " + b"a" * (64 << 20))
        push_until_closed(srv, before, "four million header fields",
                          get + b"X-B: b\r\n" * (4 << 20))
    # The same inside a chunked body: an endless chunk-size line, endless
    # trailers.
    post = b"POST /v1/scan?store=0 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
    with Server("--max-body", "1000000") as srv:
        before = srv.rss_kb()
        push_until_closed(srv, before, "a 64 MB chunk-size line", post + b"1" * (64 << 20))
        push_until_closed(srv, before, "64 MB of trailers",
                          post + b"0\r\n" + b"X-T: t\r\n" * (8 << 20))


def case_framing():
    smuggled = b"GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n"
    bad = [
        (b"Content-Length: 5\r\nContent-Length: 6\r\n", b"hello!"),
        (b"Content-Length: 5, 6\r\n", b"hello!"),
        (b"Content-Length: 0\r\nTransfer-Encoding: chunked\r\n", b"0\r\n\r\n"),
        (b"Transfer-Encoding: chunked\r\nContent-Length: 11\r\n", b"0\r\n\r\n"),
        (b"Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n", b"0\r\n\r\n"),
        (b"Transfer-Encoding: gzip, chunked\r\n", b"0\r\n\r\n"),
        (b"Transfer-Encoding: xchunked\r\n", b"0\r\n\r\n"),
        (b"Content-Length: +5\r\n", b"hello"),
        (b"Content-Length: 5x\r\n", b"hello"),
    ]
    with Server() as srv:
        for headers, body in bad:
            s = connect(srv.port)
            s.sendall(b"POST /v1/scan?store=0 HTTP/1.1\r\nHost: x\r\n" + headers + b"\r\n" + body +
                      smuggled)
            r = read_response(s, 5.0)
            check(r is not None and r[0] == 400, "%r: %r" % (headers, r))
            check(b"HTTP/1.1" not in r[3], "%r: a second response followed" % headers)
            check(closed_by_peer(s, 3.0), "%r: connection not closed after 400" % headers)
            s.close()
        # A POST with neither length header: httplib would read until the
        # peer closes; it is asked for a length at once instead.
        s = connect(srv.port)
        t0 = time.monotonic()
        s.sendall(b"POST /v1/scan HTTP/1.1\r\nHost: x\r\n\r\nhello")
        r = read_response(s, 2.0)
        check(r is not None and r[0] == 411, "POST without a length: %r" % (r,))
        check(closed_by_peer(s, 3.0), "POST without a length: connection not closed")
        s.close()
        # A GET with a body: the body would be read as the next request.
        s = connect(srv.port)
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 36\r\n\r\n" + smuggled)
        r = read_response(s, 5.0)
        check(r is not None and r[0] == 400, "GET with a body: %r" % (r,))
        check(closed_by_peer(s, 3.0), "GET with a body: connection not closed")
        s.close()
        # The same length twice is one length (RFC 9110 §8.6), and keep-alive
        # carries on after a well-framed request.
        s = connect(srv.port)
        s.sendall(b"POST /v1/scan?store=0 HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                  b"Content-Length: 5\r\n\r\nhello" + smuggled)
        r = read_response(s, 10.0)
        check(r is not None and r[0] == 200, "repeated equal Content-Length: %r" % (r,))
        rest = r[3]
        s.settimeout(5)
        while b"\r\n\r\n" not in rest:
            chunk = s.recv(65536)
            check(chunk != b"", "keep-alive: connection closed before the second answer")
            rest += chunk
        check(rest.startswith(b"HTTP/1.1 404"), "second request on the connection: %r" % rest[:60])
        s.close()
        print("framing: %d ambiguous requests and a GET with a body refused with 400, a POST "
              "without a length with 411; none of the smuggled requests answered" % len(bad))


def case_inflight():
    size = 900_000
    with Server("--max-body", "1000000", "--max-inflight", "1000000") as srv:
        head = (b"POST /v1/scan?store=0 HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n" % size)
        a = connect(srv.port)
        a.sendall(head + b"a" * 700_000)  # held: the rest comes later
        time.sleep(0.5)
        b = connect(srv.port)
        b.sendall(head + b"b" * size)
        r = read_response(b, 5.0)
        check(r is not None and r[0] == 503, "second body over the budget: %r" % (r,))
        check(b'"busy"' in r[2] and b"Retry-After: 1" in r[1], "503 answer: %r" % (r,))
        b.close()
        a.sendall(b"a" * (size - 700_000))
        r = read_response(a, 20.0)
        check(r is not None and r[0] == 200, "first body: %r" % (r,))
        a.close()
        b = connect(srv.port)
        b.sendall(head + b"b" * size)
        r = read_response(b, 20.0)
        check(r is not None and r[0] == 200, "second body after the first: %r" % (r,))
        b.close()
        print("inflight: a second 0.9 MB body beside a held one (budget 1 MB) got 503 busy; "
              "both passed one after the other")


CASES = {name[5:]: f for name, f in globals().items() if name.startswith("case_")}


def main():
    failed = 0
    for name in sys.argv[2:]:
        t0 = time.monotonic()
        try:
            CASES[name]()
            print("PASS %s (%.1f s)" % (name, time.monotonic() - t0), flush=True)
        except Fail as e:
            failed += 1
            print("FAIL %s: %s" % (name, e), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
