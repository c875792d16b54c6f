#!/bin/sh
# End-to-end: `extortrace serve` against hostile peers on loopback:
# 2,000 idle connections, and request bodies admitted by bytes in flight.
# The cases are in server_bounds.py (each starts and stops its own server).
#   usage: server_idle_test.sh EXTORTRACE SOURCE_DIR
set -eu
exec python3 "$2/tests/e2e/server_bounds.py" "$1" idle inflight
