#!/bin/sh
# End-to-end: `extortrace serve` against hostile peers on loopback:
# ambiguous framing (request smuggling), the token checked before the body,
# and oversized request heads.
# The cases are in server_bounds.py (each starts and stops its own server).
#   usage: server_refusals_test.sh EXTORTRACE SOURCE_DIR
set -eu
exec python3 "$2/tests/e2e/server_bounds.py" "$1" framing token headbomb
