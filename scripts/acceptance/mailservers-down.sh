#!/usr/bin/env bash
# Stops what scripts/acceptance/mailservers-up.sh started: Dovecot and Postfix by their master PIDs, and the
# PostgreSQL cluster "mailroom". Keeps the state (mail, certificate, database cluster) unless --wipe is given.
set -uo pipefail
STATE=${MAILROOM_ACCEPTANCE_STATE:-/tmp/mailroom-acceptance}

stop_pid() { # name pid
  local name=$1 pid=$2
  if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then echo "$name: not running"; return 0; fi
  kill -TERM "$pid"
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || { echo "$name: stopped (pid $pid)"; return 0; }; sleep 0.1; done
  echo "$name: still running after 10 s (pid $pid), sending KILL"; kill -KILL "$pid" 2>/dev/null || true
}

stop_pid dovecot "$(cat "$STATE/run/dovecot/master.pid" 2>/dev/null || true)"
stop_pid postfix "$(tr -d ' ' < /var/spool/postfix/pid/master.pid 2>/dev/null || true)"
if command -v pg_lsclusters >/dev/null; then
  pg_lsclusters -h 2>/dev/null | awk '$2=="mailroom" && $4 ~ /online/ {print $1}' | while read -r version; do
    pg_ctlcluster "$version" mailroom stop && echo "postgresql: stopped cluster $version/mailroom"
  done
fi
if [ "${1:-}" = "--wipe" ]; then
  rm -rf "$STATE"; echo "wiped $STATE"
  if command -v pg_lsclusters >/dev/null; then
    pg_lsclusters -h 2>/dev/null | awk '$2=="mailroom" {print $1}' | while read -r version; do
      pg_dropcluster "$version" mailroom && echo "postgresql: dropped cluster $version/mailroom"
    done
  fi
fi
