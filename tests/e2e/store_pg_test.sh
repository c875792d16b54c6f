#!/bin/sh
# The store and campaign unit tests against a real PostgreSQL.
#   usage: store_pg_test.sh EXTORTRACE SOURCE_DIR
# Starts a throw-away PostgreSQL from Debian's package on loopback
# (tests/e2e/pg_cluster.sh), runs the built store_tests and campaign_tests
# with ET_TEST_PG_URL pointing at it, and stops it by its PID. Fails if any
# test fails, and also if the PostgreSQL instances did not run (all skipped,
# or fewer than expected), so a broken setup cannot pass silently. Skips
# (exit 0 with a SKIP line) only when PostgreSQL is not installed here.
set -eu
BIN=$1
SRC=$2
say() { echo "store_pg_test: $*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
TESTS=$(cd "$(dirname "$BIN")/../.." && pwd)/tests
T=$(mktemp -d /tmp/et-store-pg.XXXXXX)
. "$SRC/tests/e2e/pg_cluster.sh"
cleanup() {
  pg_cluster_stop
  rm -rf "$T"
}
trap cleanup EXIT

for b in store_tests campaign_tests; do
  [ -x "$TESTS/$b" ] || fail "$TESTS/$b not built (build the $b target)"
done
set +e
pg_cluster_start "$T"
rc=$?
set -e
if [ $rc -eq 2 ]; then say "SKIP: PostgreSQL cannot run here"; exit 0; fi
[ $rc -eq 0 ] || fail "PostgreSQL did not start"
say "PostgreSQL on $PG_URL (pid $PG_PID)"

for b in store_tests campaign_tests; do
  set +e
  ET_TEST_PG_URL=$PG_URL "$TESTS/$b" --gtest_filter='*/Postgres' --gtest_brief=0 >"$T/$b.log" 2>&1
  rc=$?
  set -e
  if [ $rc -ne 0 ]; then
    grep -E 'Failure|FAILED|error' "$T/$b.log" | head -n 40 >&2
    fail "$b failed under PostgreSQL (exit $rc)"
  fi
  # Lines with a time are printed as each test ends (the summary repeats names without one).
  ran=$(grep -c '^\[       OK \] .*/Postgres (' "$T/$b.log" || true)
  skipped=$(grep -c '^\[  SKIPPED \] .*/Postgres (' "$T/$b.log" || true)
  listed=$("$TESTS/$b" --gtest_list_tests --gtest_filter='*/Postgres' | grep -c '^  ' || true)
  # The query-plan test is SQLite-only and skips itself under PostgreSQL.
  [ "$listed" -gt 0 ] || fail "$b lists no PostgreSQL tests"
  [ "$ran" -gt 0 ] || fail "$b: no PostgreSQL test ran"
  [ $((ran + skipped)) -eq "$listed" ] || fail "$b: $ran ran + $skipped skipped of $listed"
  [ "$skipped" -le 1 ] || { grep -A2 'Skipped' "$T/$b.log" | head -n 20 >&2; fail "$b: $skipped PostgreSQL tests skipped"; }
  say "$b: $ran PostgreSQL tests passed ($skipped skipped by design)"
done
# The schemas the tests made were dropped again.
if command -v psql >/dev/null; then
  left=$(psql "$PG_URL" -Atc "SELECT COUNT(*) FROM pg_namespace WHERE nspname LIKE 'et\_test\_%'")
  [ "$left" = 0 ] || fail "test schemas left behind: $left"
fi
say "OK"
