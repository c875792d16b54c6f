#!/bin/sh
# End-to-end: `extortrace serve` against hostile peers on loopback:
# 70 sockets sending a header byte a second, and a chunked body that trickles.
# The cases are in server_bounds.py (each starts and stops its own server).
#   usage: server_slow_peers_test.sh EXTORTRACE SOURCE_DIR
set -eu
exec python3 "$2/tests/e2e/server_bounds.py" "$1" slowloris trickle
