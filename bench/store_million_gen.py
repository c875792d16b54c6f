#!/usr/bin/env python3
"""Writes N mail messages as one uncompressed tar stream, by replicating a corpus.

usage: store_million_gen.py CORPUS_DIR N [OUT.tar | -]

Copy k of corpus file f becomes member "copy-KKKK/<path of f>". Each copy gets its own
Message-ID, Date, To and a new top Received header with a distinct sending IP, so that
every member has a distinct SHA-256 (and the store a distinct row). The body is left as
it is. Files that are clearly not mail (*.csv, *.md, LICENSE*, *.txt lists) are left out.
Deterministic: the same N gives the same bytes.
"""
import io
import os
import random
import sys
import tarfile
import time

SKIP_SUFFIXES = (".csv", ".md", ".txt", ".json", ".py")
VARIED = (b"message-id:", b"date:", b"to:")


def corpus_files(root):
    out = []
    for d, dirs, files in os.walk(root):
        dirs.sort()
        for f in sorted(files):
            if f.lower().endswith(SKIP_SUFFIXES) or f.upper().startswith(("LICENSE", "LICENCE")):
                continue
            p = os.path.join(d, f)
            if os.path.getsize(p) > 0:
                out.append(p)
    return out


def split_header(data):
    """Returns (header, separator, body); separator is the blank line."""
    for sep in (b"\r\n\r\n", b"\n\n"):
        i = data.find(sep)
        if i >= 0:
            return data[:i], sep, data[i + len(sep):]
    return data, b"", b""


def drop_fields(header):
    """Removes the varied fields (with their folded continuation lines)."""
    out, skipping = [], False
    for line in header.split(b"\n"):
        if line[:1] in (b" ", b"\t") and skipping:
            continue
        low = line.lstrip().lower()
        skipping = any(low.startswith(f) for f in VARIED)
        if not skipping:
            out.append(line)
    return b"\n".join(out)


def public_ip(rng):
    while True:
        a = rng.randint(11, 223)
        if a not in (100, 127, 169, 172, 192, 198, 203):
            return "%d.%d.%d.%d" % (a, rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))


def vary(data, copy, serial, rng):
    header, sep, body = split_header(data)
    eol = b"\r\n" if b"\r\n" in header[:2000] else b"\n"
    header = drop_fields(header)
    when = 1546300800 + rng.randint(0, 6 * 365 * 86400)  # 2019 .. 2024
    date = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(when)).encode()
    ip = public_ip(rng).encode()
    new = [
        b"Received: from relay" + str(copy).encode() + b".example.net ([" + ip + b"]) by "
        b"mx.bench.invalid with ESMTP id " + ("%x" % serial).encode() + b"; " + date,
        b"Message-ID: <bench-" + str(serial).encode() + b"." + str(copy).encode() +
        b"@bench.invalid>",
        b"Date: " + date,
        b"To: user" + str(serial % 100003).encode() + b"@victim" + str(copy % 97).encode() +
        b".example",
    ]
    return eol.join(new) + eol + header + (sep or eol + eol) + body


def main():
    if len(sys.argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    root, n = sys.argv[1], int(sys.argv[2])
    out = sys.argv[3] if len(sys.argv) > 3 else "-"
    files = corpus_files(root)
    if not files:
        sys.stderr.write("store_million_gen: no files under %s\n" % root)
        return 1
    cache = {}
    rng = random.Random(20261128)
    stream = sys.stdout.buffer if out == "-" else open(out, "wb")
    with tarfile.open(fileobj=stream, mode="w|", format=tarfile.USTAR_FORMAT) as tar:
        for serial in range(n):
            copy, i = divmod(serial, len(files))
            path = files[i]
            data = cache.get(path)
            if data is None:
                with open(path, "rb") as f:
                    data = cache[path] = f.read()
            msg = vary(data, copy, serial, rng)
            rel = os.path.relpath(path, root)
            name = "copy-%04d/%s" % (copy, rel)
            if len(name.encode()) > 100:  # ustar name field; keep names unique
                name = "copy-%04d/%d-%s" % (copy, i, os.path.basename(rel)[-60:])
            info = tarfile.TarInfo(name)
            info.size = len(msg)
            info.mtime = 1700000000
            tar.addfile(info, io.BytesIO(msg))
    if stream is not sys.stdout.buffer:
        stream.close()
    sys.stderr.write("store_million_gen: %d messages from %d files\n" % (n, len(files)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
