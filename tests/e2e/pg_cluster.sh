# Sourced by tests and benchmarks (not a test itself): a throw-away PostgreSQL
# cluster from Debian's package, on loopback only, with fsync off.
#
#   . tests/e2e/pg_cluster.sh
#   pg_cluster_start DIR   # sets PG_URL (postgresql://et@127.0.0.1:PORT/postgres) and PG_PID;
#                          # returns 2 if PostgreSQL is not installed or cannot run here,
#                          # 1 if it is installed but failed to start (see DIR/pg/server.log)
#   pg_cluster_stop        # stops it by its postmaster PID (call from an EXIT trap)
#
# When run as root the cluster runs as the postgres user (initdb refuses root).

PG_PID=""
PG_URL=""

pg_cluster_start() {
  _d=$1
  _bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$_bin" ] || [ ! -x "$_bin/initdb" ]; then
    echo "pg_cluster: PostgreSQL is not installed" >&2
    return 2
  fi
  _runas=""
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || { echo "pg_cluster: no postgres user" >&2; return 2; }
    _runas="runuser -u postgres --"
  fi
  _port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  mkdir -p "$_d/pg" "$_d/pgsock"
  chmod 755 "$_d"
  [ -z "$_runas" ] || chown postgres "$_d/pg" "$_d/pgsock"
  $_runas "$_bin/initdb" -D "$_d/pg" -A trust -U et -E UTF8 --locale=C.UTF-8 --no-sync \
    >"$_d/initdb.log" 2>&1 || { cat "$_d/initdb.log" >&2; return 1; }
  $_runas "$_bin/pg_ctl" -D "$_d/pg" -l "$_d/pg/server.log" -w -t 60 \
    -o "-p $_port -k $_d/pgsock -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >"$_d/pgctl.log" 2>&1 || { tail -n 20 "$_d/pg/server.log" >&2; return 1; }
  PG_PID=$(head -n 1 "$_d/pg/postmaster.pid")
  PG_URL="postgresql://et@127.0.0.1:$_port/postgres"
  return 0
}

pg_cluster_stop() {
  [ -n "$PG_PID" ] || return 0
  kill -INT "$PG_PID" 2>/dev/null || true
  _i=0
  while kill -0 "$PG_PID" 2>/dev/null && [ $_i -lt 150 ]; do sleep 0.1; _i=$((_i + 1)); done
  PG_PID=""
}
