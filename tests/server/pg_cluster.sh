#!/bin/sh
# A throwaway PostgreSQL cluster for the server tests and the load script, from Debian's binaries.
#   pg_cluster.sh start STATE   initdb in a fresh temp dir, start it listening on a Unix socket
#                               only (no TCP), write "SOCKET_DIR PORT DATA_DIR" to STATE
#   pg_cluster.sh stop STATE    stop the cluster and remove its temp dir and STATE
# A start over an existing STATE first stops the cluster it names (an interrupted run, or CTest's
# --repeat running the fixture again), so no cluster is left behind; stop without STATE is a no-op.
# initdb refuses to run as root, so as root the cluster runs as the `postgres` user (or `nobody`).
# Trust authentication is safe here only because the socket lives in a private temp dir.
set -eu
cmd=${1:?start or stop}
state=${2:?state file}
bin=${HEMIS_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$bin/initdb" ] || { echo "pg_cluster: initdb not found (install postgresql)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$owner" -- "$@"; else "$@"; fi
}

pick_owner() {
  owner=$(id -un)
  [ "$(id -u)" -ne 0 ] && return
  for u in postgres nobody; do
    id "$u" >/dev/null 2>&1 && { owner=$u; return; }
  done
  echo "pg_cluster: running as root and no postgres or nobody user to run the cluster" >&2
  exit 1
}

stop_cluster() {
  read -r sock port data <"$state"
  as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
  case $data in /tmp/hemis-pg.*/data) rm -rf "$(dirname "$data")" ;; esac
  rm -f "$state"
}

case $cmd in
start)
  pick_owner
  [ -f "$state" ] && stop_cluster
  dir=$(mktemp -d /tmp/hemis-pg.XXXXXX)
  chmod 700 "$dir"
  mkdir "$dir/data" "$dir/sock"
  [ "$(id -u)" -eq 0 ] && chown -R "$owner" "$dir"
  # The socket path must stay under 107 bytes, hence /tmp and not the build tree.
  port=5432
  as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; exit 1; }
  if ! as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
      -o "-c listen_addresses='' -c unix_socket_directories='$dir/sock' -p $port \
          -c max_connections=200 -c fsync=on"; then
    cat "$dir/server.log" >&2
    rm -rf "$dir"
    exit 1
  fi
  echo "$dir/sock $port $dir/data" >"$state"
  echo "pg_cluster: started in $dir (socket only, owner $owner)"
  ;;
stop)
  [ -f "$state" ] || { echo "pg_cluster: nothing to stop ($state not found)"; exit 0; }
  pick_owner
  stop_cluster
  echo "pg_cluster: stopped and removed"
  ;;
*)
  echo "pg_cluster: unknown command $cmd" >&2
  exit 2
  ;;
esac
